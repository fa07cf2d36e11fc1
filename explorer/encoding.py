"""Read an uploaded file's bytes as text, guessing the encoding the way a person would.

Usage:
    >>> decoded = decode_bytes("我喜欢学习数学".encode("gb18030"))
    >>> decoded.text, decoded.encoding, decoded.label
    ('我喜欢学习数学', 'gb18030', 'GB18030 (GBK)')

The order of guesses:

1. Nothing but whitespace: :class:`DecodeError` ("The file is empty.").
2. Known binary formats (PNG, JPEG, PDF, ZIP, pickle, ...) by their first bytes.
3. A byte-order mark (UTF-8, UTF-16 or UTF-32) decides.
4. NUL bytes: UTF-16 without a mark if they sit in every other byte, else binary.
5. Strict UTF-8 (plain ASCII is UTF-8).
6. GB18030 (a superset of GBK and GB2312) and Shift-JIS (then Windows cp932), both
   strictly. Many byte strings decode in both, so each reading is scored by how much of
   it is made of characters people actually write in that language (see
   :func:`_plausibility`), and the best one wins. A best score that is still poor means
   neither reading is real text (Latin-1, Big5, EUC-JP...), and that is an error rather
   than mojibake.

Newlines come back as ``"\\n"`` whatever the file used.
"""

from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass

from explorer.i18n import N_, _

# For help text: what an upload may be saved as.
SUPPORTED_ENCODINGS: tuple[str, ...] = ("UTF-8", "UTF-16", "GB18030 (GBK)", "Shift-JIS")

# The labels are English (they are compared and stored); show them with ``_(label)``.
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
}

_UNREADABLE = N_(
    "Could not read this file as text: it is not UTF-8, UTF-16, GB18030 or Shift-JIS. "
    "Save it as UTF-8 and try again."
)

# Only signatures long or odd enough never to start a real text file. What each is, in
# English (translate it with ``_(what)`` where it is shown).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF87a", N_("a GIF image")),
    (b"GIF89a", N_("a GIF image")),
    (b"%PDF-", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive (Word, Excel and EPUB files are ZIP archives too)")),
    (b"PK\x05\x06", N_("a ZIP archive")),
    (b"\x1f\x8b", N_("a gzip-compressed file")),
    (b"\xfd7zXZ\x00", N_("an xz-compressed file")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-Zip archive")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Microsoft Office file (.doc or .xls)")),
    (b"\x93NUMPY", N_("a NumPy array file")),
    (b"\x7fELF", N_("a program (ELF executable)")),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE's mark starts with UTF-16 LE's, so it must be tried first.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Only the first part of a big file is scored: enough to tell, and it keeps uploads fast.
_SAMPLE_CHARS = 20_000
# Real Chinese or Japanese scores above 0.9, a wrong reading of either near 0. Between
# the two sit mis-readings of encodings not supported (EUC-JP read as GB18030: 0.45).
_MIN_PLAUSIBILITY = 0.5
# Text has a stray control character now and then (form feed, DOS end-of-file); binary
# data read as text is full of them.
_MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    """The bytes are not text the app can read; ``str(error)`` is a sentence for the user.

    ``advises`` is True when the sentence already says what to do (save it as UTF-8...).
    """

    def __init__(self, message: str, advises: bool = False) -> None:
        super().__init__(message)
        self.advises = advises


@dataclass(frozen=True)
class Decoded:
    """Text read from a file, and the Python codec that read it (``"gb18030"``...)."""

    text: str
    encoding: str

    @property
    def label(self) -> str:
        """The encoding for people, in English, e.g. ``"UTF-8 (with BOM)"`` (show ``_(label)``)."""
        return _LABELS.get(self.encoding, self.encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Read ``data`` as text; raise :class:`DecodeError` with a friendly message if it isn't.

    >>> decode_bytes(b"one\\r\\ntwo").text
    'one\\ntwo'
    >>> decode_bytes("私は猫が好きです".encode("shift_jis")).label
    'Shift-JIS'
    """
    data = bytes(data)
    if not data.strip():
        raise DecodeError(_("The file is empty."))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(_("This looks like {what}, not a text file.").format(what=_(what)))
    # Pickle: a 0x80 opcode then the protocol number. 0x80 can't start UTF-8, GB18030 or
    # Shift-JIS text, so this never hides a real text file.
    if len(data) > 1 and data[0] == 0x80 and 1 < data[1] <= 5:
        raise DecodeError(_("This looks like a Python pickle file, not a text file."))

    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data, codec), codec)

    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise DecodeError(_("This looks like a binary file, not a text file."))
        return _finish(_strict(data, codec), codec)

    text = _try(data, "utf-8")
    if text is not None:
        return _finish(text, "utf-8")

    candidates = []
    gb = _try(data, "gb18030")
    if gb is not None:
        candidates.append((_plausibility(gb, "zh"), gb, "gb18030"))
    # cp932 is Windows' Shift-JIS: it adds circled numbers and the like, but maps a few
    # characters differently, so plain Shift-JIS is preferred when it works.
    sjis_codec = "shift_jis"
    sjis = _try(data, sjis_codec)
    if sjis is None:
        sjis_codec = "cp932"
        sjis = _try(data, sjis_codec)
    if sjis is not None:
        candidates.append((_plausibility(sjis, "ja"), sjis, sjis_codec))
    if not candidates:
        raise DecodeError(_(_UNREADABLE), advises=True)
    # max() keeps the first of equals: GB18030 wins a tie.
    score, text, codec = max(candidates, key=lambda c: c[0])
    if score < _MIN_PLAUSIBILITY:
        raise DecodeError(_(_UNREADABLE), advises=True)
    return _finish(text, codec)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, codec: str) -> str:
    text = _try(data, codec)
    if text is None:
        raise DecodeError(
            _(
                "This file says it is {encoding} but is damaged; "
                "save it again as UTF-8 and try again."
            ).format(encoding=_LABELS[codec].split(" (")[0]),
            advises=True,
        )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if the NULs look like mostly-ASCII UTF-16, else None."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    # Mostly-ASCII UTF-16 has a NUL in most high bytes and none in the low bytes.
    if odd_nuls >= 0.5 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.5 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _finish(text: str, codec: str) -> Decoded:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DecodeError(_("The file is empty."))
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\t\f\v\x1a")
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise DecodeError(_("This looks like a binary file, not a text file."))
    return Decoded(text=text, encoding=codec)


def _plausibility(text: str, language: str) -> float:
    """The share (0 to 1) of non-ASCII characters that are everyday ``language`` text.

    The legacy encodings themselves rank the characters: GB2312's level-1 hanzi are the
    3,755 most used in Chinese, JIS X 0208's level-1 kanji the 2,965 most used in
    Japanese; level 2 counts half. Kana count for Japanese only, so a Chinese reading of
    Japanese bytes (rare hanzi) and a Japanese reading of Chinese bytes (half-width
    katakana) both score near zero, even on a seven-character sentence.
    """
    good = 0.0
    total = 0
    for ch, n in Counter(text[:_SAMPLE_CHARS]).items():
        if ch.isascii():
            continue
        total += n
        good += n * _commonness(ch, language)
    return good / total if total else 0.0


def _commonness(ch: str, language: str) -> float:
    code = ord(ch)
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x206F:
        return 1.0  # CJK and full-width punctuation: both languages use them
    if language == "ja":
        if 0x3041 <= code <= 0x30FF:
            return 1.0  # hiragana, katakana
        codec, level1, level2 = "shift_jis", (0x889F, 0x9872), (0x989F, 0xEAA4)
    else:
        codec, level1, level2 = "gb2312", (0xB0A1, 0xD7F9), (0xD8A1, 0xF7FE)
    try:
        raw = ch.encode(codec)
    except UnicodeEncodeError:
        return 0.0
    if len(raw) != 2:
        return 0.0  # Shift-JIS's one-byte half-width katakana: not what people type
    pair = raw[0] << 8 | raw[1]
    if level1[0] <= pair <= level1[1]:
        return 1.0
    if level2[0] <= pair <= level2[1]:
        return 0.5
    return 0.0
