"""Read an uploaded file's bytes as text, guessing the encoding the way a person would.

Usage:
    >>> decoded = decode_bytes("Grüße aus München – ça coûte 5 €".encode("cp1252"))
    >>> decoded.text, decoded.encoding, decoded.label, decoded.guessed
    ('Grüße aus München – ça coûte 5 €', 'cp1252', 'Windows-1252 (Western, Latin-1)', True)
    >>> decode_bytes(b"\\x1b[1;32mPASSED\\x1b[0m 3 tests\\r\\n\\x1a").text
    'PASSED 3 tests\\n'
    >>> str(decoded.notes()[0])  # a message, translated when shown  # doctest: +ELLIPSIS
    'Read as Windows-1252 (Western, Latin-1), a guess: if some letters look wrong, save...'

The order of guesses:

1. Nothing but whitespace: :class:`DecodeError` ("The file is empty.").
2. Known binary formats (images, PDF, archives, pickles, NumPy, SQLite, programs...) by
   their first bytes; a pickle of protocol 0 or 1 (text-like) by parsing its opcodes, which
   never runs them.
3. A byte-order mark (UTF-8, UTF-16 or UTF-32) decides.
4. NUL bytes that make UTF-16 text (:func:`utf16_without_bom`): UTF-16 without a mark.
5. The escape sequences that switch ISO-2022-JP (Japanese e-mail, "JIS") and ISO-2022-KR
   into double-byte mode, and HZ's ``~{``: those encodings (7-bit: they are ASCII too).
   Then strict UTF-8 (plain ASCII is UTF-8).
6. Control bytes (NUL, 0x01...) over :data:`MAX_CONTROL_SHARE`: binary data. A UTF-8
   file with a few lines that are not (pasted from an older file), or cut in the middle
   of its last character: those lines read in their own legacy encoding, that character
   left out (:func:`_mostly_utf8`). Else a legacy encoding, guessed by
   :func:`explorer.text.charsets.guess_legacy`: GB18030, Big5, Shift-JIS, EUC-JP, EUC-KR,
   Windows-1252 (Latin-1), -1250, -1251, -1253 to -1257 and -874, ISO-8859-15 and -2,
   KOI8-R/U, Mac Roman, DOS cp850 and cp866. No plausible reading: an error, not mojibake.
7. Control characters (:func:`clean_controls`): terminal escape sequences (colours, cursor
   moves, window titles), man pages' backspace overstrike (bold, underline), a DOS
   end-of-file mark and stray NUL, BEL... are removed and counted; form feeds and vertical
   tabs become line breaks. What is left must be text: more than
   :data:`MAX_CONTROL_SHARE` of other control characters means binary data.

Newlines come back as ``"\\n"`` whatever the file used (CRLF, CR alone).

Why our scorer for step 6's guess and not charset-normalizer (the detector requests uses):
``python -m bench.encoding`` counts the files read exactly right (binaries: refused;
encodings the app does not read: refused or read right), with steps 1-5 and 7 the same for
both guessers. Fixtures are tests/fixtures/text (prose in 18 languages in their legacy
encodings, short phrases, terminal captures, control characters, mended UTF-8, 32
binaries); the samples are real translated messages from the system's gettext
catalogues, 40 to 3,000 characters long:

=====================================  ============  ==================  ===============
files                                  hand-written  charset-normalizer  the library
                                       (kept)        3.5.3               alone
=====================================  ============  ==================  ===============
145 fixtures                           **143**       123                 104
879 samples, 19 languages              **873**       683                 683
729 samples, 23 other languages        **688**       526                 526
all 1,753 (share)                      **97.2%**     76.0%               74.9%
=====================================  ============  ==================  ===============

charset-normalizer reads most Western European text as Windows-1250 (é right, but è as č,
ñ as ń) and short texts as anything; given only our candidates, or used as a tie-breaker
between our best readings, it still does worse (1,351 and 1,664 of 1,753 right).
Our misses are short texts that read as real words in two encodings (Polish "się" is
"siê" in French letters; Hungarian "ő" is Portuguese "õ"), Baltic text in Windows-1257
read as Windows-1252, and Ukrainian DOS cp1125 read as Russian cp866. The second sample
set was kept apart while the scorer was written; after its first figure (587 of 626 right)
two rules were added for failures seen in it (Bulgarian, Hebrew) along with new candidates
(Hebrew, Arabic, Thai, DOS), so it is no longer fully held out. The decoder before this
change (GB18030 and Shift-JIS only) read 129 of an earlier 1,634-case version. Time: under 10 ms
for a small file; a 2 MB one takes 0.1-0.3 s (only the lines with non-ASCII bytes, up to
16 KB, are scored).
"""

from __future__ import annotations

import codecs
import io
import pickletools
import re
from collections.abc import Callable
from dataclasses import dataclass

from explorer.i18n import M_, N_, Joined, Message
from explorer.text.charsets import (
    MIN_SCORE,
    Guess,
    guess_legacy,
    plausibility,
    unicode_plausibility,
)

# For help text: what an upload may be saved as.
SUPPORTED_ENCODINGS: tuple[str, ...] = (
    "UTF-8", "UTF-16", "GB18030 (GBK)", "Big5", "Shift-JIS", "EUC-JP", "EUC-KR",
    "Windows-1252 (Latin-1)", "Windows-1250/1251/1253/1254/1255/1256/1257", "Windows-874",
    "ISO-8859-2/15", "KOI8-R/U", "Mac Roman", "DOS cp850/cp866", "ISO-2022-JP", "HZ",
)  # fmt: skip

# The labels are English (they are compared and stored); show them with ``M_(label)``.
_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": N_("UTF-8 (with BOM)"),
    "utf-16": N_("UTF-16 (BOM)"),
    "utf-16-le": N_("UTF-16 LE (no BOM)"),
    "utf-16-be": N_("UTF-16 BE (no BOM)"),
    "utf-32": N_("UTF-32 (BOM)"),
    "gb18030": "GB18030 (GBK)",
    "shift_jis": "Shift-JIS",
    "cp932": N_("Shift-JIS (Windows cp932)"),
    "euc_jp": "EUC-JP",
    "big5": N_("Big5 (Traditional Chinese)"),
    "cp950": N_("Big5 (Windows cp950)"),
    "euc_kr": N_("EUC-KR (Korean)"),
    "cp949": N_("EUC-KR (Windows cp949)"),
    "cp1252": N_("Windows-1252 (Western, Latin-1)"),
    "iso8859_15": N_("ISO-8859-15 (Western, with €)"),
    "mac_roman": N_("Mac Roman (old Macintosh)"),
    "cp1250": N_("Windows-1250 (Central European)"),
    "iso8859_2": N_("ISO-8859-2 (Central European)"),
    "cp1251": N_("Windows-1251 (Cyrillic)"),
    "koi8_r": N_("KOI8-R (Russian)"),
    "koi8_u": N_("KOI8-R/KOI8-U (Russian, Ukrainian)"),
    "cp1255": N_("Windows-1255 (Hebrew)"),
    "cp1256": N_("Windows-1256 (Arabic)"),
    "cp874": N_("Windows-874 (Thai)"),
    "cp850": N_("DOS Latin-1 (cp850)"),
    "cp866": N_("DOS Cyrillic (cp866)"),
    "cp1253": N_("Windows-1253 (Greek)"),
    "cp1254": N_("Windows-1254 (Turkish)"),
    "cp1257": N_("Windows-1257 (Baltic)"),
    "iso2022_jp": "ISO-2022-JP (JIS)",
    "iso2022_jp_2": "ISO-2022-JP-2 (JIS)",
    "iso2022_jp_ext": "ISO-2022-JP (JIS)",
    "iso2022_kr": "ISO-2022-KR",
    "hz": "HZ (GB2312)",
}
# Encodings read for sure (a mark, or strict UTF-8); every other one is a guess.
_CERTAIN = {"utf-8", "utf-8-sig", "utf-16", "utf-32", "iso2022_jp", "iso2022_jp_2",
            "iso2022_jp_ext", "iso2022_kr"}  # fmt: skip

_UNREADABLE = N_(
    "Could not read this file as text: it is not UTF-8 or UTF-16, and no legacy encoding "
    "(Windows-1252, GB18030, Shift-JIS...) reads it as real text. "
    "Save it as UTF-8 and try again."
)

# Only signatures long or odd enough never to start a real text file. What each is, in
# English (shown as ``M_(what)``, translated where it is shown).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF87a", N_("a GIF image")),
    (b"GIF89a", N_("a GIF image")),
    (b"II*\x00", N_("a TIFF image")),
    (b"MM\x00*", N_("a TIFF image")),
    (b"%PDF-", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive (Word, Excel and EPUB files are ZIP archives too)")),
    (b"PK\x05\x06", N_("a ZIP archive")),
    (b"\x1f\x8b", N_("a gzip-compressed file")),
    (b"\xfd7zXZ\x00", N_("an xz-compressed file")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-Zip archive")),
    (b"Rar!\x1a\x07", N_("a RAR archive")),
    (b"\x28\xb5\x2f\xfd", N_("a Zstandard-compressed file")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Microsoft Office file (.doc or .xls)")),
    (b"\x93NUMPY", N_("a NumPy array file")),
    (b"\x89HDF\r\n\x1a\n", N_("an HDF5 file (a Keras .h5 model is one)")),
    (b"SQLite format 3\x00", N_("an SQLite database")),
    (b"PAR1\x15", N_("a Parquet table")),
    (b"\x7fELF", N_("a program (ELF executable)")),
    (b"OggS\x00", N_("a sound or video file")),
    (b"fLaC\x00", N_("a sound or video file")),
    (b"ID3\x02\x00", N_("a sound or video file")),
    (b"ID3\x03\x00", N_("a sound or video file")),
    (b"ID3\x04\x00", N_("a sound or video file")),
)
# Formats marked further in: (what the file starts with, offset, signature, what it is).
# Each needs more than a word, so that a text with "mustard" at byte 257 stays text.
_MAGIC_AT: tuple[tuple[bytes, int, bytes, str], ...] = (
    (b"", 257, b"ustar\x00", N_("a tar archive")),
    (b"", 257, b"ustar  \x00", N_("a tar archive")),
    (b"\x00\x00", 4, b"ftyp", N_("a sound or video file")),  # a big-endian box size
    (b"RIFF", 8, b"WEBP", N_("a WebP image")),
    (b"RIFF", 8, b"WAVE", N_("a sound or video file")),
    (b"RIFF", 8, b"AVI ", N_("a sound or video file")),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE's mark starts with UTF-16 LE's, so it must be tried first.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The escapes that open a double-byte run, and the codecs that read them (most common first).
_ISO2022: tuple[tuple[bytes, tuple[str, ...]], ...] = (
    (b"\x1b$B", ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext")),
    (b"\x1b$@", ("iso2022_jp", "iso2022_jp_2")),
    (b"\x1b$)C", ("iso2022_kr",)),
)

#: Text has a stray control character now and then; binary data read as text is full of
#: them (random bytes: about 10%). Counted after terminal codes and overstrikes are gone.
MAX_CONTROL_SHARE = 0.01
# ... plus this many, so that a NUL or two in a three-word file is still text.
_CONTROL_ALLOWANCE = 2
# UTF-16 of an ASCII text has a NUL in (nearly) every character; with fewer, the reading
# must look like writing.
_UTF16_NUL_SHARE = 0.9
_SAMPLE_CHARS = 100_000  # what the UTF-16 checks look at

# ECMA-48 escape sequences, as terminals and `script`, `grep --color`, pytest write them.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours (ESC[1;31m), cursor moves, erase (ESC[K)
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC: window title, link; ends with BEL or ST
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS, SOS, PM and APC strings, ended by ST
    r"|\x1b[ -/]*[0-~]"  # two-character escapes and character set choices (ESC(B)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI as one 8-bit code
)
# Backspace overstrike, as `man` writes bold (N\bN) and underline (_\bN) without colours.
_UNDERLINE = re.compile(r"_\x08([^\x08\n])|([^\x08\n])\x08_")
_BOLD = re.compile(r"([^\x08\n])(?:\x08\1)+")
_ERASE = re.compile(r"[^\x08\n]\x08")  # a typed character rubbed out
_LINE_BREAKS = re.compile("\r\n|[\r\f\v\x1c-\x1e\x85\u2028\u2029]")
_DOS_EOF = re.compile(r"\x1a[\x1a\x00\s]*\Z")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A UTF-8 file with a few lines that are not: this share of its non-ASCII bytes is in
# lines that are valid UTF-8.
_MOSTLY_UTF8 = 0.8
# Control bytes but those the clean-up deals with (backspace, ESC, DOS end of file).
_BINARY_BYTES = re.compile(rb"[\x00-\x07\x0e-\x19\x1c-\x1f]")


class DecodeError(ValueError):
    """The bytes are not text the app can read; ``str(error)`` is a sentence for the user.

    The error holds a :class:`~explorer.i18n.Message`, translated when ``str`` shows it.

    ``advises`` is True when the sentence already says what to do (save it as UTF-8...).
    """

    def __init__(self, message: Message | str, advises: bool = False) -> None:
        super().__init__(message)
        self.advises = advises


@dataclass(frozen=True)
class Decoded:
    """Text read from a file, the Python codec that read it, and what was cleaned away.

    ``escapes``: terminal escape sequences removed; ``overstrikes``: backspace overstrikes
    undone (bold and underline in man pages); ``controls``: other control characters
    removed (NUL, BEL, a DOS end-of-file mark...). ``stray``: lines of a UTF-8 file that
    were not UTF-8, read as ``stray_encoding`` (a paste from an older file); or, when
    ``stray_encoding`` is empty, the bytes of a character cut in two at the end of the
    file, left out.
    """

    text: str
    encoding: str
    escapes: int = 0
    overstrikes: int = 0
    controls: int = 0
    stray: int = 0
    stray_encoding: str = ""

    @property
    def label(self) -> str:
        """The encoding for people, in English, e.g. ``"UTF-8 (with BOM)"`` (show ``_(label)``)."""
        return _LABELS.get(self.encoding, self.encoding)

    @property
    def guessed(self) -> bool:
        """True unless a byte-order mark or strict UTF-8 made the encoding certain."""
        return self.encoding not in _CERTAIN

    def notes(self) -> list[Message]:
        """What was guessed and removed, as messages (``str`` shows one; maybe none).

        >>> [str(note) for note in Decoded("x", "utf-8", escapes=37, controls=2).notes()]
        ['Removed 37 terminal codes (colours, cursor moves) and 2 control characters.']
        """
        notes = []
        if self.stray and self.stray_encoding:
            notes.append(
                _plural(self.stray,
                        M_("Read as UTF-8, but for {n:,} line that was not UTF-8 (pasted from "
                          "an older file?), read as {encoding}, a guess."),
                        M_("Read as UTF-8, but for {n:,} lines that were not UTF-8 (pasted "
                          "from an older file?), read as {encoding}, a guess."),
                        encoding=M_(_LABELS.get(self.stray_encoding, self.stray_encoding)))
            )  # fmt: skip
        elif self.stray:
            notes.append(M_("Left out the last character, cut in two at the end of the file."))
        if self.guessed:
            notes.append(
                M_(
                    "Read as {encoding}, a guess: if some letters look wrong, save the file as "
                    "UTF-8 and upload it again."
                ).format(encoding=M_(self.label))
            )
        parts = []
        if self.escapes:
            parts.append(_plural(self.escapes, M_("{n:,} terminal code (colours, cursor moves)"),
                                 M_("{n:,} terminal codes (colours, cursor moves)")))  # fmt: skip
        if self.overstrikes:
            parts.append(_plural(self.overstrikes, M_("{n:,} backspace overstrike (bold or "
                                                     "underline, as in man pages)"),
                                 M_("{n:,} backspace overstrikes (bold or underline, as in man "
                                   "pages)")))  # fmt: skip
        if self.controls:
            parts.append(_plural(self.controls, M_("{n:,} control character"),
                                 M_("{n:,} control characters")))  # fmt: skip
        if parts:
            listed = parts[0] if len(parts) == 1 else M_("{items} and {last}").format(
                items=Joined(", ", tuple(parts[:-1])), last=parts[-1])  # fmt: skip
            notes.append(M_("Removed {what}.").format(what=listed))
        return notes


Guesser = Callable[[bytes], Guess | None]


def decode_bytes(data: bytes, guess: Guesser = guess_legacy) -> Decoded:
    """Read ``data`` as text; raise :class:`DecodeError` with a friendly message if it isn't.

    ``guess`` finds a legacy encoding when the bytes are not UTF-8 (:mod:`bench.encoding`
    passes other guessers to compare them).

    >>> decode_bytes(b"one\\r\\ntwo").text
    'one\\ntwo'
    >>> decode_bytes("私は猫が好きです".encode("shift_jis")).label
    'Shift-JIS'
    """
    data = bytes(data)
    if not data.strip():
        raise DecodeError(M_("The file is empty."))
    refuse_binary_formats(data)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data, codec), codec)
    if b"\x00" in data:
        codec = utf16_without_bom(data)
        if codec is not None:
            return _finish(_strict(data, codec), codec)
    if data.isascii():
        for signature, codecs_ in _ISO2022:
            if signature in data:
                for codec in codecs_:
                    if (text := _try(data, codec)) is not None:
                        return _finish(text, codec)
        # HZ (Chinese mail and Usenet): GB2312 in ASCII between ~{ and ~}. "~{" also
        # appears in code, so the reading must be real Chinese.
        text = _try(data, "hz") if b"~{" in data else None
        if text is not None and text != data.decode() and plausibility(text, "zh") >= MIN_SCORE:
            return _finish(text, "hz")
    text = _try(data, "utf-8")
    if text is not None:
        return _finish(text, "utf-8")
    sample = data[:_SAMPLE_CHARS]
    if len(_BINARY_BYTES.findall(sample)) > _CONTROL_ALLOWANCE + MAX_CONTROL_SHARE * len(sample):
        # These bytes mean the same in every legacy encoding: count them before guessing
        raise DecodeError(M_("This looks like a binary file, not a text file."))
    if (mended := _mostly_utf8(data, guess)) is not None:
        return mended
    guessed = guess(data)
    if guessed is None:
        raise DecodeError(M_(_UNREADABLE), advises=True)
    return _finish(guessed.text, guessed.codec)


def _mostly_utf8(data: bytes, guess: Guesser) -> Decoded | None:
    """A UTF-8 file with a few lines that are not UTF-8, mended; None if it is not one.

    Most non-ASCII bytes (:data:`_MOSTLY_UTF8`) must be in lines that are valid UTF-8: a
    legacy file has such lines only by chance, a UTF-8 file with a paste from an older
    file has a few lines that are not. Those lines are read in the legacy encoding they
    read best in together (Windows-1252 if none does). An incomplete character at the
    very end (a file cut by size) is left out.
    """
    n_high = _count_high(data)
    # Quick, for most legacy files: each bad sequence is one U+FFFD (so at most its bytes)
    if n_high - data.decode("utf-8", "replace").count("\ufffd") < max(_MOSTLY_UTF8 * n_high, 2):
        return None
    lines = data.split(b"\n")
    bad = [i for i, line in enumerate(lines) if _try(line, "utf-8") is None]
    last = lines[-1]
    cut = next((k for k in (1, 2, 3) if _try(last[:-k], "utf-8") is not None), 0)
    if bad == [len(lines) - 1] and cut and _starts_a_character(last[-cut:]) and n_high > cut + 1:
        lines[-1] = last[:-cut]
        return _with_stray(_finish(b"\n".join(lines).decode("utf-8"), "utf-8"), cut, "")
    n_bad = sum(_count_high(lines[i]) for i in bad)
    if n_high - n_bad < max(_MOSTLY_UTF8 * n_high, 2):  # 2: one valid character at least
        return None
    guessed = guess(b"\n".join(lines[i] for i in bad))
    codec = guessed.codec if guessed is not None else "cp1252"
    text = "\n".join(
        line.decode(codec, "replace") if i in set(bad) else line.decode("utf-8")
        for i, line in enumerate(lines)
    )
    return _with_stray(_finish(text, "utf-8"), len(bad), codec)


def _starts_a_character(end: bytes) -> bool:
    """Whether ``end`` is the first 1 to 3 bytes of a UTF-8 character."""
    return any(_try(end + b"\x80" * k, "utf-8") is not None for k in (1, 2, 3))


def _count_high(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))


def _with_stray(decoded: Decoded, n: int, codec: str) -> Decoded:
    return Decoded(decoded.text, decoded.encoding, decoded.escapes, decoded.overstrikes,
                   decoded.controls, n, codec)  # fmt: skip


def refuse_binary_formats(data: bytes) -> None:
    """Raise :class:`DecodeError` naming the format if ``data`` starts like a binary file.

    >>> try:
    ...     refuse_binary_formats(b"SQLite format 3\\x00...")
    ... except DecodeError as error:
    ...     print(error)
    This looks like an SQLite database, not a text file.
    """
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(M_("This looks like {what}, not a text file.").format(what=M_(what)))
    for start, offset, magic, what in _MAGIC_AT:
        if data.startswith(start) and data[offset : offset + len(magic)] == magic:
            raise DecodeError(M_("This looks like {what}, not a text file.").format(what=M_(what)))
    if is_pickle(data):
        raise DecodeError(M_("This looks like a Python pickle file, not a text file."))


def is_pickle(data: bytes) -> bool:
    """Whether ``data`` is a Python pickle, found without unpickling it.

    Protocols 2 to 5 start with 0x80 and the protocol number (0x80 can't start UTF-8,
    GB18030 or Shift-JIS text). Protocols 0 and 1 have no mark: they are recognised by
    parsing the whole opcode stream with :func:`pickletools.genops`, which reads opcodes
    and never runs them; text is not a valid pickle past its first few bytes.

    >>> import pickle
    >>> is_pickle(pickle.dumps({"a": 1}, protocol=0)), is_pickle(b"Hello there.")
    (True, False)
    """
    if len(data) > 1 and data[0] == 0x80 and 1 < data[1] <= 5:
        return True
    if not data.endswith(b"."):
        return False
    try:
        ops = list(pickletools.genops(io.BytesIO(data)))
    except Exception:  # noqa: BLE001 - any parse error means "not a pickle"
        return False
    return len(ops) > 1 and ops[-1][0].name == "STOP" and ops[-1][2] == len(data) - 1


def clean_controls(text: str) -> Decoded:
    """Remove terminal codes, overstrikes and stray control characters from ``text``.

    Returns a :class:`Decoded` (with an empty ``encoding``) holding the clean text and the
    counts. Line ends become ``"\\n"`` (CRLF, CR, form feed, vertical tab, NEL and the
    Unicode line and paragraph separators); a DOS end-of-file mark (0x1A) and the padding
    after it are cut; tabs stay. Raises :class:`DecodeError` when, once terminal codes and
    overstrikes are gone, more than :data:`MAX_CONTROL_SHARE` of the characters are
    controls: that is binary data read as text.

    >>> clean = clean_controls("N\\bNA\\bAM\\bME\\bE\\f\\x1b]0;title\\x07\\x1b[1mls\\x1b[0m\\x00")
    >>> clean.text, clean.escapes, clean.overstrikes, clean.controls
    ('NAME\\nls', 3, 4, 1)
    """
    escapes = overstrikes = 0
    if "\x1b" in text or "\x9b" in text:
        text, escapes = _ESCAPES.subn("", text)
    erased = 0
    if "\x08" in text:
        before = text.count("\x08")
        text = _UNDERLINE.sub(lambda m: m.group(1) or m.group(2), text)
        text = _BOLD.sub(r"\1", text)
        overstrikes = before - text.count("\x08")
        n = 1
        while n:  # "abc\b\bxy" is "axy": each pass rubs out one character per backspace
            text, n = _ERASE.subn("", text)
            erased += n
    text = _LINE_BREAKS.sub("\n", text)
    text, eof = _DOS_EOF.subn("", text)
    controls = len(_CONTROLS.findall(text))
    if controls > _CONTROL_ALLOWANCE + MAX_CONTROL_SHARE * len(text):
        raise DecodeError(M_("This looks like a binary file, not a text file."))
    if controls:
        text = _CONTROLS.sub("", text)
    return Decoded(text, "", escapes, overstrikes, controls + eof + erased)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, codec: str) -> str:
    text = _try(data, codec)
    if text is None:
        raise DecodeError(
            M_(
                "This file says it is {encoding} but is damaged; "
                "save it again as UTF-8 and try again."
            ).format(encoding=_LABELS[codec].split(" (")[0]),
            advises=True,
        )
    return text


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if ``data`` (which holds NULs) reads as UTF-16 text.

    In UTF-16 every ASCII character (newlines and spaces too) has a NUL in its high byte:
    an ASCII text has NULs in one byte of (nearly) every pair and hardly any in the other.
    A text in another script has fewer NULs (and "一", U+4E00, puts one in the low byte);
    its UTF-16 reading must then look like writing (:func:`unicode_plausibility`), and its
    UTF-8 reading must not be text with a stray NUL.
    """
    if len(data) % 2:
        return None
    half = len(data) / 2
    nuls = {"utf-16-le": data[1::2].count(0), "utf-16-be": data[0::2].count(0)}
    readings = {codec: _try(data, codec) for codec in nuls}
    for codec, other in (("utf-16-le", "utf-16-be"), ("utf-16-be", "utf-16-le")):
        text = readings[codec]
        if text is not None and nuls[codec] >= _UTF16_NUL_SHARE * half and (
            nuls[other] <= MAX_CONTROL_SHARE * half
        ):
            return codec if _controls_ok(text) else None
    as_utf8 = _try(data, "utf-8")
    if as_utf8 is not None and _controls_ok(as_utf8):
        return None
    scored = [
        (unicode_plausibility(text), codec)
        for codec, text in readings.items()
        if text is not None and _controls_ok(text)
    ]
    if not scored:
        return None
    score, codec = max(scored)
    return codec if score >= MIN_SCORE else None


def _controls_ok(text: str) -> bool:
    """Few enough control characters for text (terminal codes left aside)."""
    sample = text[:_SAMPLE_CHARS]
    if "\x1b" in sample:
        sample = _ESCAPES.sub("", sample)
    return len(_CONTROLS.findall(sample)) <= _CONTROL_ALLOWANCE + MAX_CONTROL_SHARE * len(sample)


def _finish(text: str, codec: str) -> Decoded:
    clean = clean_controls(text.lstrip("\ufeff"))
    if not clean.text.strip():
        raise DecodeError(M_("The file is empty."))
    return Decoded(clean.text, codec, clean.escapes, clean.overstrikes, clean.controls)


def _plural(n: int, one: Message, many: Message, **fields: object) -> Message:
    return (one if n == 1 else many).format(n=n, **fields)
