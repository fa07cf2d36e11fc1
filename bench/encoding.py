"""How well each encoding guesser reads the files people really have: our scorer or a library.

Usage (from the repository root):
    python -m bench.encoding              # fixtures and the system's gettext catalogues
    python -m bench.encoding --fixtures   # only the fixtures (no catalogues needed)
    python -m bench.encoding --failures   # also list every case a guesser got wrong

Every guesser runs inside the same :func:`explorer.text.encoding.decode_bytes` (byte-order marks,
UTF-16, strict UTF-8, the binary checks and the control-character clean-up are common), and
only step 6, the legacy encoding, differs:

- **ours (kept)**: the hand-written scorer, :func:`explorer.text.charsets.guess_legacy`, the one
  the app uses;
- **c-n**: ``charset_normalizer.from_bytes(data).best()``, the detector requests uses,
  with every code page it knows;
- **c-n, our list**: the same, told to consider only the encodings our scorer considers
  (``cp_isolation``);
- **c-n alone**: the library on the raw bytes, without our steps at all (it does its own
  BOM and UTF-8), to show what the common steps add;
- **ours, c-n ties**: our ranking, with the library choosing among the readings our
  scores call equal (a combination tried, and not kept).

A case counts as right when the text read is exactly the text written (newlines as
``"\\n"``), or when it must be refused (binary data) and is. The cases:

- *fixtures* (``tests/fixtures/text``, also used by the tests): prose in 18 languages
  saved in each legacy encoding its language uses, as UTF-16 without a mark, with DOS,
  old Mac and Notepad line ends; encodings the app does not read (Vietnamese
  Windows-1258, EBCDIC, Johab...), where refusing is right too; short phrases of 2 to 5
  words; terminal captures (pytest, git and grep in colour, a `script` session, man pages
  with overstrike and with colours); control characters (DOS end-of-file marks, form
  feeds, stray NULs, BEL); UTF-8 with a line pasted from an older file, or cut in the
  middle of a character; and 32 binary files that must stay refused (images, archives,
  pickles of every protocol, NumPy, SQLite, programs, sound, raw floats, random bytes).
- *catalogues* and *other languages*: translated messages from the gettext catalogues
  under ``/usr/share/locale`` (real text nobody here wrote), joined into samples of about
  40, 300 and 3,000 characters per language and encoding.
"""

from __future__ import annotations

import argparse
import bz2
import gettext
import glob
import gzip
import io
import lzma
import pickle
import random
import re
import sqlite3
import struct
import sys
import tarfile
import tempfile
import time
import unicodedata
import wave
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explorer.text.charsets import (
    CANDIDATES,
    MIN_SCORE,
    PRIOR_MARGIN,
    Guess,
    evidence,
    guess_legacy,
    rank_candidates,
)
from explorer.text.encoding import DecodeError, decode_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "text"
LOCALES = Path("/usr/share/locale")


@dataclass(frozen=True)
class Case:
    """Bytes to read, and the text a good reader gets from them (None: must be refused).

    ``may_refuse``: refusing is right too (an encoding the app does not read).
    """

    name: str
    data: bytes
    expected: str | None
    group: str
    may_refuse: bool = False

    def right(self, text: str | None) -> bool:
        """Whether a reader that returned ``text`` (None: refused) got this case right."""
        return text == self.expected or (self.may_refuse and text is None)


# Each prose fixture (tests/fixtures/text/<name>.txt) and the legacy encodings its language
# is saved in. "latin-1" and "iso8859_15" files are written without the characters those
# lack (curly quotes, and € or œ for Latin-1), as such files are.
LEGACY: dict[str, tuple[str, ...]] = {
    "en_quotes": ("cp1252", "mac_roman"),
    "fr": ("cp1252", "latin-1", "iso8859_15", "mac_roman"),
    "de": ("cp1252", "latin-1", "mac_roman"),
    "es": ("cp1252", "latin-1"),
    "pt": ("cp1252", "latin-1"),
    "it": ("cp1252",),
    "mixed": ("cp1252",),
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "ru": ("cp1251", "koi8_r"),
    "uk": ("cp1251",),
    "el": ("cp1253",),
    "tr": ("cp1254",),
    "zh": ("gb18030", "gbk", "gb2312"),
    "zh_en": ("gb18030",),
    "zh_tw": ("big5",),
    "ja": ("shift_jis", "cp932", "euc_jp"),
    "ja_en": ("shift_jis", "euc_jp"),
    "ko": ("euc_kr",),
    "he": ("cp1255",),
    "ar": ("cp1256",),
    "th": ("cp874",),
}
# Encodings the app does not read: refusing is right, and so is reading them exactly;
# anything else (mojibake) is wrong.
UNSUPPORTED: tuple[tuple[str, str], ...] = (
    ("vi", "cp1258"), ("en_quotes", "cp037"), ("fr", "cp500"), ("ko", "johab"),
    ("zh", "hz"), ("ja", "euc_jis_2004"), ("uk", "cp1125"),
)
# Short files: a title or a few words, where guessing is hardest.
SHORT: tuple[tuple[str, str], ...] = (
    ("Grüße aus München", "cp1252"),
    ("café crème brûlée", "latin-1"),
    ("señor niño año", "latin-1"),
    ("Ça coûte 2,50 €", "cp1252"),
    ("It’s “done” — finally…", "cp1252"),
    ("Déjà vu", "cp1252"),
    ("Zażółć gęślą jaźń", "cp1250"),
    ("Příliš žluťoučký kůň", "cp1250"),
    ("Привет, мир", "cp1251"),
    ("Привет, мир", "koi8_r"),
    ("Καλημέρα κόσμε", "cp1253"),
    ("Günaydın dünya", "cp1254"),
    ("我喜欢学习数学", "gb18030"),
    ("你好", "gb18030"),
    ("北京大学", "gb18030"),
    ("私は猫が好きです", "shift_jis"),
    ("東京大学", "shift_jis"),
    ("京都の秋", "euc_jp"),
    ("夜市散記", "big5"),
    ("我們今天去公園", "big5"),
    ("제주도 여행", "euc_kr"),
    ("안녕하세요 여러분", "euc_kr"),
)
# Terminal captures in tests/fixtures/text/terminal: <name>.txt and <name>.expected.txt.
TERMINAL = ("pytest_color", "git_log_color", "grep_color", "typescript", "man_overstrike",
            "man_sgr")  # fmt: skip

# What a file in an encoding without these characters holds instead.
_PLAIN = {"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-",
          "—": "-", "…": "...", "€": "EUR", "œ": "oe", "Œ": "OE"}  # fmt: skip


def source(name: str) -> str:
    """A prose fixture's text (UTF-8 on disk)."""
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def written(text: str, codec: str) -> str:
    """``text`` as a file in ``codec`` holds it: the characters it lacks written plainly."""
    if codec == "latin-1":  # Latin-1 files have no curly quotes, and no € or œ
        return text.translate(str.maketrans({k: v for k, v in _PLAIN.items() if k not in "«»"}))
    return "".join(ch if _encodes(ch, codec) else _PLAIN.get(ch, ch) for ch in text)


def fixture_cases() -> list[Case]:
    """Every fixture case: legacy prose, Unicode, short, terminal, control and binary files."""
    cases: list[Case] = []
    for name, codecs_ in LEGACY.items():
        text = source(name)
        for codec in codecs_:
            t = written(text, codec)
            cases.append(Case(f"{name}.txt in {codec}", t.encode(codec), t, "legacy"))
    for name in ("en_quotes", "zh", "ja", "ru", "ko", "el"):
        text = source(name)
        for codec in ("utf-16-le", "utf-16-be"):
            cases.append(Case(f"{name}.txt in {codec} (no BOM)", text.encode(codec), text,
                              "unicode"))  # fmt: skip
        cases.append(Case(f"{name}.txt in UTF-8 with BOM, CRLF (Notepad)",
                          text.replace("\n", "\r\n").encode("utf-8-sig"), text, "unicode"))
        cases.append(Case(f"{name}.txt in UTF-32", text.encode("utf-32"), text, "unicode"))
    for name, codec in UNSUPPORTED:
        text = written(source(name), codec)
        data = _vietnamese(text).encode(codec) if codec == "cp1258" else text.encode(codec)
        cases.append(Case(f"{name}.txt in {codec}", data, text, "unsupported", may_refuse=True))
    for text, codec in SHORT:
        cases.append(Case(f"“{text}” in {codec}", text.encode(codec), text, "short"))
    for name in TERMINAL:
        data = (FIXTURES / "terminal" / f"{name}.txt").read_bytes()
        expected = (FIXTURES / "terminal" / f"{name}.expected.txt").read_bytes().decode()
        cases.append(Case(f"terminal/{name}.txt", data, expected.replace("\r\n", "\n"),
                          "terminal"))  # fmt: skip
    cases += control_cases() + mended_cases()
    cases += [Case(name, data, None, "binary") for name, data in binary_files()]
    return cases


def _vietnamese(text: str) -> str:
    """``text`` the way Windows-1258 holds it: base letters, then tone marks apart."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out)


def control_cases() -> list[Case]:
    """Text files with the control characters real files carry."""
    en, fr, de, ru = source("en_quotes"), source("fr"), source("de"), source("ru")
    crlf = en.replace("\n", "\r\n")
    pages = de.split("\n\n")
    log = "".join(f"\x1b[32m2024-03-0{i} INFO\x1b[0m Élodie a traité {i} fichiers – «ok»\n"
                  for i in range(1, 8))  # fmt: skip
    dos_fr, dos_ru = written(fr, "cp850"), written(ru, "cp866")
    nul = fr[:200] + "\x00" + fr[200:400] + "\x00" + fr[400:]
    return [
        Case("DOS file: CRLF and an end-of-file mark (cp1252)",
             crlf.encode("cp1252") + b"\x1a", en, "controls"),
        Case("DOS file padded with end-of-file marks", b"The cat sat.\r\n" + b"\x1a" * 114,
             "The cat sat.\n", "controls"),
        Case("old Mac file: CR line ends (Mac Roman)", fr.replace("\n", "\r").encode("mac_roman"),
             fr, "controls"),
        Case("pdftotext output: pages split by form feeds", "\f".join(pages).encode(),
             "\n".join(pages), "controls"),
        Case("Word 'text only': line breaks as vertical tabs", en.replace("\n", "\v").encode(),
             en, "controls"),
        Case("two stray NULs (UTF-8)", nul.encode(), nul.replace("\x00", ""), "controls"),
        Case("two stray NULs (cp1252)", nul.encode("cp1252"), nul.replace("\x00", ""),
             "controls"),
        Case("a BEL and a DEL", ("Ding!\x07 " + ru + "\x7f").encode("cp1251"),
             "Ding! " + ru, "controls"),
        Case("coloured log in cp1252", log.encode("cp1252"),
             re.sub(r"\x1b\[[0-9;]*m", "", log), "controls"),
        Case("coloured log in UTF-16 LE (no BOM)", log.encode("utf-16-le"),
             re.sub(r"\x1b\[[0-9;]*m", "", log), "controls"),
        Case("DOS file: CRLF, an end-of-file mark (cp850)",
             dos_fr.replace("\n", "\r\n").encode("cp850") + b"\x1a", dos_fr, "controls"),
        Case("DOS file in Russian (cp866)", dos_ru.replace("\n", "\r\n").encode("cp866"),
             dos_ru, "controls"),
    ]  # fmt: skip


def mended_cases() -> list[Case]:
    """UTF-8 files with a flaw: a line pasted from an older file, a character cut at the end."""
    fr, ja, zh, ru = source("fr"), source("ja"), source("zh").strip(), source("ru").strip()
    german, chinese = "Grüße – „zitiert“ aus München", "中文片段：我们去公园散步。"
    return [
        Case("UTF-8 with a line pasted from Windows-1252",
             fr.encode() + german.encode("cp1252"), fr + german, "mended"),
        Case("UTF-8 with a line pasted from GBK", ja.encode() + chinese.encode("gbk"),
             ja + chinese, "mended"),
        Case("UTF-8 cut in the middle of a character (Chinese)", zh.encode()[:-2], zh[:-1],
             "mended"),
        Case("UTF-8 cut in the middle of a character (Russian)", ru.encode()[:-1], ru[:-1],
             "mended"),
    ]  # fmt: skip


def binary_files() -> list[tuple[str, bytes]]:
    """Files that are not text, made here with the libraries that write them."""
    rng = random.Random(12)
    noise = rng.randbytes(4000)
    out: list[tuple[str, bytes]] = [
        ("random bytes", noise),
        ("random bytes without NULs", noise.replace(b"\x00", b"\x01")),
        ("random bytes 0x80-0xFF and spaces",
         bytes(rng.choice([*range(0x80, 0x100), 0x20]) for _ in range(4000))),
        ("raw float32 vectors", struct.pack("<1000f", *(rng.gauss(0, 1) for _ in range(1000)))),
        ("raw int16 samples", struct.pack("<2000h", *(rng.randrange(0, 200) for _ in range(2000)))),
        ("gzip", gzip.compress(b"the cat sat on the mat\n" * 50)),
        ("bzip2", bz2.compress(b"the cat sat on the mat\n" * 50)),
        ("xz", lzma.compress(b"the cat sat on the mat\n" * 50)),
        ("a PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\n"
         + noise[:400] + b"\nendstream\nendobj\n"),
        ("an old Office file", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + noise[:1000]),
        ("a Windows program (MZ)", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
         + bytes(50) + b"This program cannot be run in DOS mode.\r\r\n$" + noise[:2000]),
        ("a 7-Zip archive", b"7z\xbc\xaf\x27\x1c\x00\x04" + noise[:500]),
    ]  # fmt: skip
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        thing = {"weights": [0.5, -1.25], "words": ["cat", "dog"], "epochs": 5}
        out.append((f"pickle, protocol {protocol}", pickle.dumps(thing, protocol=protocol)))
    program = Path(sys.executable).resolve().read_bytes()[:65536]
    out.append(("the ELF program running this", program))
    out += _archives() + _numpy_files() + _images() + [_sqlite(), _wave()]
    return out


def _archives() -> list[tuple[str, bytes]]:
    zipped, tarred = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("word/document.xml", "<w:document>the cat sat</w:document>")
    with tarfile.open(fileobj=tarred, mode="w") as t:
        text = b"the cat sat on the mat\n" * 20
        info = tarfile.TarInfo("corpus.txt")
        info.size = len(text)
        t.addfile(info, io.BytesIO(text))
    return [("a .docx (ZIP)", zipped.getvalue()), ("a tar of a text file", tarred.getvalue())]


def _numpy_files() -> list[tuple[str, bytes]]:
    import numpy as np

    arr = np.random.default_rng(0).normal(size=(50, 8)).astype(np.float32)
    npy, npz = io.BytesIO(), io.BytesIO()
    np.save(npy, arr)
    np.savez_compressed(npz, W=arr)
    return [(".npy", npy.getvalue()), (".npz", npz.getvalue())]


def _images() -> list[tuple[str, bytes]]:
    from PIL import Image

    out = []
    img = Image.frombytes("RGB", (32, 32), random.Random(3).randbytes(32 * 32 * 3))
    for fmt in ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP", "ICO"):
        buffer = io.BytesIO()
        img.save(buffer, format=fmt)
        out.append((f"a {fmt} image", buffer.getvalue()))
    return out


def _sqlite() -> tuple[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "words.sqlite"
        with sqlite3.connect(path) as db:
            db.execute("create table words (word text, count integer)")
            db.executemany("insert into words values (?, ?)", [("cat", 3), ("dog", 2)])
        db.close()
        return ("an SQLite database", path.read_bytes())


def _wave() -> tuple[str, bytes]:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(struct.pack("<800h", *(int(3000 * ((i % 20) - 10)) for i in range(800))))
    return ("a WAV sound", buffer.getvalue())


# --- real text from the system's translations ----------------------------------------------

CATALOGUE_LANGUAGES: dict[str, tuple[str, ...]] = {
    "fr": ("cp1252", "latin-1", "mac_roman"), "de": ("cp1252", "latin-1"),
    "es": ("cp1252", "latin-1"), "pt": ("cp1252",), "it": ("cp1252",), "nl": ("cp1252",),
    "sv": ("cp1252",), "da": ("cp1252",), "pl": ("cp1250", "iso8859_2"), "cs": ("cp1250",),
    "hu": ("cp1250",), "ru": ("cp1251", "koi8_r"), "uk": ("cp1251",), "el": ("cp1253",),
    "tr": ("cp1254",), "zh_CN": ("gb18030",), "zh_TW": ("big5",),
    "ja": ("shift_jis", "euc_jp"), "ko": ("euc_kr",),
}  # fmt: skip
# Languages kept apart while the scorer was written, as a check that it was not fitted to
# the ones above (see explorer.text.encoding's docstring for how far that held).
OTHER_LANGUAGES: dict[str, tuple[str, ...]] = {
    "ca": ("cp1252",), "fi": ("cp1252",), "nb": ("cp1252",), "gl": ("cp1252",),
    "eu": ("cp1252",), "pt_BR": ("cp1252",), "sq": ("cp1252",), "sk": ("cp1250",),
    "sl": ("cp1250",), "hr": ("cp1250",), "ro": ("cp1250",), "bg": ("cp1251",),
    "be": ("cp1251",), "sr": ("cp1251",), "mk": ("cp1251",), "lt": ("cp1257",),
    "lv": ("cp1257",), "et": ("cp1257",), "zh_HK": ("big5",), "he": ("cp1255",),
    "ar": ("cp1256",), "th": ("cp874",), "fa": ("cp1256",),
}  # fmt: skip
SIZES = (40, 300, 3000)
PER_SIZE = 12


def catalogue_cases(
    locales: Path = LOCALES, languages: dict[str, tuple[str, ...]] | None = None,
    group: str = "catalogue",
) -> list[Case]:
    """Samples of translated messages, per language, encoding and size (may be empty)."""
    cases = []
    for lang, codecs_ in (languages or CATALOGUE_LANGUAGES).items():
        messages = _messages(locales / lang / "LC_MESSAGES")
        for codec in codecs_:
            usable = [m for m in (written(m, codec) for m in messages) if _encodes(m, codec)]
            for size in SIZES:
                for i in range(PER_SIZE):
                    text, j = "", i * 41
                    while len(text) < size and j < len(usable):
                        text += usable[j] + "\n"
                        j += 1
                    data = text.encode(codec)
                    if data.isascii():
                        continue
                    cases.append(Case(f"{lang} {codec} ~{size} chars #{i}", data, text,
                                      f"{group} ~{size}"))  # fmt: skip
    return cases


def _messages(folder: Path) -> list[str]:
    found = []
    for mo in sorted(glob.glob(str(folder / "*.mo"))):
        try:
            with open(mo, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog  # noqa: SLF001 - the messages
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        for key, message in catalog.items():
            if not isinstance(message, str) or not key or len(message) < 20:
                continue
            if re.search(r"[%{}\\<>_&$\x00-\x1f]|\s{2}", message):
                continue  # format strings, markup and accelerators: not prose
            found.append(" ".join(message.split()))
    found = sorted(set(found))
    random.Random(7).shuffle(found)
    return found


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# --- the guessers ------------------------------------------------------------------------

Reader = Callable[[bytes], str | None]


def charset_normalizer_guess(data: bytes, candidates: list[str] | None = None) -> Guess | None:
    """charset-normalizer's best reading of ``data`` as a :class:`Guess`, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        return None
    return Guess(best.encoding, str(best), 1 - best.chaos)


def _with_our_steps(guess: Callable[[bytes], Guess | None]) -> Reader:
    def read(data: bytes) -> str | None:
        try:
            return decode_bytes(data, guess=guess).text
        except DecodeError:
            return None

    return read


def _ties_to_the_library(data: bytes) -> Guess | None:
    """Our ranking, but charset-normalizer picks among readings our scores call equal."""
    from charset_normalizer import from_bytes

    sample, complete = evidence(data)
    ranked = rank_candidates(sample, final=complete)
    if not ranked or ranked[0][0] < MIN_SCORE:
        return None
    tied = [codec for score, codec in ranked if score >= ranked[0][0] - PRIOR_MARGIN]
    codec = ranked[0][1]
    if len(tied) > 1 and (best := from_bytes(data, cp_isolation=tied).best()) is not None:
        codec = best.encoding
    try:
        return Guess(codec, data.decode(codec), ranked[0][0])
    except UnicodeDecodeError:
        return None


def _library_alone(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return re.sub("\r\n?", "\n", str(best).lstrip("\ufeff"))


OURS = [name for codec, fallback, _kind in CANDIDATES for name in (codec, fallback) if name]
# Column names: "c-n" is charset-normalizer.
READERS: dict[str, Reader] = {
    "ours (kept)": _with_our_steps(guess_legacy),
    "c-n": _with_our_steps(charset_normalizer_guess),
    "c-n, our list": _with_our_steps(lambda data: charset_normalizer_guess(data, OURS)),
    "c-n alone": _library_alone,
    "ours, c-n ties": _with_our_steps(_ties_to_the_library),
}


def score(cases: list[Case], read: Reader) -> tuple[dict[str, list[int]], list[str], float]:
    """Per group ``[right, total]``, the names of the cases got wrong, and the seconds."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    start = time.perf_counter()
    for case in cases:
        right = case.right(read(case.data))
        groups[case.group][0] += right
        groups[case.group][1] += 1
        if not right:
            wrong.append(case.name)
    return groups, wrong, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", action="store_true", help="skip the gettext catalogues")
    parser.add_argument("--failures", action="store_true", help="list the cases got wrong")
    args = parser.parse_args(argv)
    from charset_normalizer import __version__ as cn_version

    cases = fixture_cases()
    if not args.fixtures:
        found = catalogue_cases()
        found += catalogue_cases(languages=OTHER_LANGUAGES, group="other languages")
        if not found:
            print(f"(no gettext catalogues under {LOCALES}: fixtures only)")
        cases += found
    groups = list(dict.fromkeys(c.group for c in cases))
    print(f"{len(cases)} cases; right / total per group. ours: explorer.text.charsets; c-n: "
          f"charset-normalizer {cn_version} in our steps (c-n alone: without them)\n")
    width = max(map(len, groups)) + 2
    col = max(map(len, READERS)) + 4
    print(f"{'':<{width}}" + "".join(f"{name:>{col}}" for name in READERS))
    for read in READERS.values():  # imports and caches, before the clock starts
        [read(case.data) for case in cases[:: max(1, len(cases) // 20)]]
    results = {name: score(cases, read) for name, read in READERS.items()}
    for group in groups:
        row = "".join(f"{results[n][0][group][0]:>{col - 6}} / {results[n][0][group][1]:<3}"
                      for n in READERS)  # fmt: skip
        print(f"{group:<{width}}{row}")
    totals = "".join(
        f"{sum(r for r, _t in results[n][0].values()):>{col - 7}} / {len(cases):<4}"
        for n in READERS
    )
    print(f"{'all':<{width}}{totals}")
    per_file = "".join(f"{1000 * results[n][2] / len(cases):>{col}.1f}" for n in READERS)
    print(f"{'ms per file':<{width}}{per_file}")
    if args.failures:
        for name in READERS:
            print(f"\n{name} got wrong:\n  " + "\n  ".join(results[name][1] or ["nothing"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
