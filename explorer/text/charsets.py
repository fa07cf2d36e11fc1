"""Guess which legacy encoding bytes that are not UTF-8 were saved in.

Usage:
    >>> guess = guess_legacy("Grüße aus München, ça coûte 5 €.".encode("cp1252"))
    >>> guess.codec, guess.text
    ('cp1252', 'Grüße aus München, ça coûte 5 €.')
    >>> guess_legacy("我们今天去公园散步。".encode("gb18030")).codec
    'gb18030'
    >>> guess_legacy(bytes(range(128, 256))) is None        # no encoding reads it as text
    True

Every candidate encoding reads the file's evidence (:func:`evidence`: its lines with
non-ASCII bytes, up to 16 KB), and each reading is scored by how much of it (its non-ASCII
characters: ASCII reads the same in all of them) is what people actually write in a
language that uses that encoding. The best score wins; equal scores go
to the more common encoding (the order of :data:`CANDIDATES`), and so do scores within
:data:`PRIOR_MARGIN`: equal scores mostly mean equal texts (German reads the same in
Windows-1252 and -1250), and a few letters of evidence should not pick a rarer encoding.
A best score under :data:`MIN_SCORE` means no reading is real text, and None is returned
rather than mojibake.

- **Chinese, Japanese, Korean** (GB18030, Big5, Shift-JIS, EUC-JP, EUC-KR): the encodings
  rank their own characters. GB2312's level-1 hanzi are the 3,755 most used in Chinese,
  Big5's 5,401 "frequent" characters those of Taiwan, JIS X 0208's level-1 kanji the 2,965
  most used in Japanese, and KS X 1001 holds the 2,350 Hangul syllables Korean mostly uses;
  level 2 counts half. Kana count for Japanese only, Hangul for Korean only. Chinese and
  Japanese put no spaces between words, Korean does: a Chinese reading with spaces between
  its characters is Korean read wrongly (EUC-KR's Hangul land on common GB2312 hanzi, but
  only on rows B0-C8). A CJK character glued between two Latin letters ("r浜ertoire") is a
  Western letter and the next one read as one double-byte character.
- **Single-byte alphabets** (Windows-1252/1250/1251/1253-1257 and -874, ISO-8859-15 and -2,
  KOI8-R/U, Mac Roman, DOS cp850 and cp866): each code page serves some languages, each
  language writes a known set of letters beyond ASCII (French ``àâçéèêîôœùû``, rarely
  ``æëïÿü``...). A reading scores the share of its non-ASCII characters that one language,
  or half as well a second, writes (or common punctuation: curly quotes, dashes, €...).
  Czech read as Windows-1252 gives è, ø and ì in one text, which no Western language writes
  together; French read as Windows-1250 gives č and ŕ. An uppercase letter inside a
  lowercase word ("cafÈ", KOI8-R read as Windows-1251) and a symbol inside a word
  ("wiêkszoœæ") count against. A Latin reading where most letters are accented is
  Cyrillic, Greek or CJK read wrongly; a Cyrillic, Greek, Thai, Hebrew or Arabic reading
  without the letters every text of that script has (:data:`_MARKERS`) is another script
  read wrongly; a long text in a spaced script without a space is EBCDIC or the like.

Why our own scorer and not only a detector library: see :mod:`bench.encoding`, which scores
both on the same files (the figures are in :mod:`explorer.text.encoding`'s docstring).

Why one module of about 500 lines: a scorer and its tables of scripts, markers and
common characters, which only mean something together.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# Candidates, most common first (the tie-break). Each is (codec, fallback, kind): the
# fallback is the Windows superset tried when the strict standard fails on a byte.
CANDIDATES: tuple[tuple[str, str | None, str], ...] = (
    ("gb18030", None, "zh"),
    ("shift_jis", "cp932", "ja"),
    ("cp1252", None, "western"),
    ("big5", "cp950", "zh_tw"),
    ("euc_kr", "cp949", "ko"),
    ("euc_jp", None, "ja"),
    ("cp1250", None, "central"),
    ("cp1251", None, "cyrillic"),
    ("iso8859_15", None, "western"),
    ("mac_roman", None, "western_mac"),
    ("cp1254", None, "turkish"),
    ("iso8859_2", None, "central"),
    ("koi8_u", None, "cyrillic_koi8"),  # KOI8-R, plus Ukrainian's і ї є ґ
    ("cp1253", None, "greek"),
    ("cp1256", None, "arabic"),
    ("cp1255", None, "hebrew"),
    ("cp874", None, "thai"),
    ("cp1257", None, "baltic"),
    ("cp850", None, "western"),  # DOS, Western Europe
    ("cp866", None, "cyrillic"),  # DOS, Russian
)
# A real text scores above 0.9 in its own encoding; wrong readings mostly under 0.5.
MIN_SCORE = 0.7
PRIOR_MARGIN = 0.02
# Only the start of a file is scored: enough to tell, and it keeps big uploads fast.
SAMPLE_BYTES = 16 * 1024
_SAMPLE_CHARS = 20_000

# The letters beyond ASCII each language writes (lowercase; uppercase is looked up lowered):
# the usual ones, then after "|" those it writes only in a few words (French "ex æquo",
# "Noël"), which count half.
_LANGUAGES = {
    "fr": "àâçéèêîôœùû|æëïÿü", "de": "äöüß|é", "es": "áéíñóú|ü", "pt": "áàâãçéêíóôõú|ü",
    "it": "àèéìò|íîóù", "ca": "àçèéíòóú|ïü", "nl": "éëï|áèóöüí", "da": "æøå|éó",
    "sv": "åäö|éšž", "fi": "äö|åšž", "et": "äöõü|šž", "sq": "çë",
    "pl": "ąćęłńóśźż", "cs": "áčéěířšúůýž|ďňóť", "sk": "áčéíňóšťúýž|äďĺľôŕ",
    "hu": "áéíóöőúüű", "hr": "čćđšž", "ro": "ăâîşţșț", "tr": "çğıöşüİ|âîû",
    "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя", "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџшѓѕќ", "el": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگی", "he": "אבגדהוזחטיךכלםמןנסעףפץצקרשת",
    "th": "".join(map(chr, range(0x0E01, 0x0E2F))) + "ะาำเแโใไๅๆ",
}  # fmt: skip
# Icelandic is left out on purpose: its ð, ý and þ are where Windows-1254 has Turkish ğ, ı
# and ş, and Turkish files are far more common (Icelandic in Windows-1252 reads as Turkish).
_WESTERN = ("fr", "de", "es", "pt", "it", "ca", "nl", "da", "sv", "fi", "et", "sq")
_FAMILIES = {
    "western": _WESTERN,
    "western_mac": ("fr", "de", "es", "pt", "it", "ca", "nl", "da", "sv", "fi"),
    "central": ("pl", "cs", "sk", "hu", "hr", "ro", "de", "sq"),
    "turkish": ("tr", *_WESTERN[:-2]),  # Windows-1252 with ğ ı ş for ð ý þ
    "baltic": ("lt", "lv", "et", "de", "sv", "da", "pl"),
    "cyrillic": ("ru", "uk", "be", "bg", "sr"),
    "cyrillic_koi8": ("ru", "uk", "bg"),
    "greek": ("el",),
    "arabic": ("ar",),
    "hebrew": ("he",),
    "thai": ("th",),
}
# Scripts without case whose letters, marks (vowel points, tone marks) and punctuation all
# sit in one Unicode block: everything in the block is part of the script.
_BLOCKS = {"arabic": (0x0600, 0x06FF), "hebrew": (0x0590, 0x05FF), "thai": (0x0E00, 0x0E7F)}
_LATIN_FAMILIES = {"western", "western_mac", "central", "turkish", "baltic"}
# In a Latin language, accented letters are a minority (Czech, the most accented here, has
# about 15% of them); more means another script read with the wrong code page.
_MAX_ACCENTED_SHARE = 0.6
# Running text in Cyrillic or Greek is mostly lowercase; more capitals than this is a
# KOI8-R file read as Windows-1251 (or back), or all-caps (then both readings are equal).
_MAX_CAPITALS = 0.5
_SPACED_AFTER = 40  # characters: a longer text in a spaced script has a space
_FEW_LETTERS = 30
_MAX_SHORT_I = 0.04
# Letters that any text of _FEW_LETTERS letters in the family holds some of. Other scripts
# read with the wrong code page land on a narrower range: Hebrew (0xE0-0xFA) read as
# Windows-1251 gives only а-ъ (and yod as й, 10% of the letters where Russian has 1%), as
# Windows-1253 Greek without accents, as Windows-874 Thai vowels and tone marks without a
# consonant. None of them gives capitals.
_MARKERS = {
    "cyrillic": frozenset("ыьэюяјљњћџђєїіўѓѕќ"),  # Russian ы ь э ю я, Serbian ј љ њ...
    "cyrillic_koi8": frozenset("ыьэюяєїі"),
    "greek": frozenset("άέήίόύώ"),  # the tonos, on nearly every Greek word
    "thai": frozenset(map(chr, range(0x0E01, 0x0E2F))),  # consonants
    "hebrew": frozenset("יוה"),
    "arabic": frozenset("الي"),
}
# Punctuation and symbols text is written with. Common ones count fully, the rest half.
_COMMON_MARKS = set("’‘“”„‚–—…«»‹›€£°§©®™•·¡¿×\u00a0")
_RARER_MARKS = set("¹²³¼½¾±µ¶¦¨´¸¯¬¤¢¥ªº÷†‡‰ˆ˜")
_INNER_MARKS = set("’·'")  # a mark that may sit inside a word (l’été, l·l)
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SYMBOL = re.compile(r"[^\x00-\x7f\w]|[^\x00-\x7f\D]")  # not ASCII, not a letter
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*\n?")


@dataclass(frozen=True)
class Guess:
    """The winning reading: the codec that decodes the whole file, its text, its score."""

    codec: str
    text: str
    score: float


def guess_legacy(data: bytes, sample_bytes: int = SAMPLE_BYTES) -> Guess | None:
    """The most plausible legacy encoding of ``data`` and the decoded text, or None.

    Readings are scored on :func:`evidence`, the lines that hold non-ASCII bytes (up to
    ``sample_bytes``); the winner must then decode the whole of ``data`` strictly (else
    the next best is tried).

    >>> guess_legacy("Сегодня хорошая погода.".encode("cp1251")).codec
    'cp1251'
    """
    sample, complete = evidence(data, sample_bytes)
    for score, codec in rank_candidates(sample, final=complete):
        if score < MIN_SCORE:
            break
        try:
            return Guess(codec, data.decode(codec), score)
        except UnicodeDecodeError:
            continue
    return None


def evidence(data: bytes, sample_bytes: int = SAMPLE_BYTES) -> tuple[bytes, bool]:
    """The lines of ``data`` that hold non-ASCII bytes, up to ``sample_bytes``, and whether
    they end on a whole line.

    ASCII reads the same in every candidate: only these lines tell them apart, and an
    English text with one accented name on page 40 must be judged by that name. A line
    break (0x0A) is never part of a character in any candidate, so lines are whole
    characters.

    >>> evidence(b"plain\\nna\\xefve\\nplain\\n" * 2, sample_bytes=10)
    (b'na\\xefve\\nna\\xefv', False)
    """
    if len(data) <= sample_bytes:
        return data, True
    lines, size = [], 0
    for match in _NON_ASCII_LINE.finditer(data):
        lines.append(match.group())
        size += len(lines[-1])
        if size >= sample_bytes:
            break
    sample = b"".join(lines)
    return sample[:sample_bytes], size <= sample_bytes


def rank_candidates(sample: bytes, final: bool = True) -> list[tuple[float, str]]:
    """``[(score, codec), ...]`` for every candidate that decodes ``sample``, best first.

    A candidate within :data:`PRIOR_MARGIN` of a better score but more common (earlier in
    :data:`CANDIDATES`) goes first: a few letters of evidence should not turn a text into
    a rarer encoding. ``final=False`` when the sample is cut from a longer file (its last
    character may be cut in two).
    """
    scored = []
    for codec, fallback, kind in CANDIDATES:
        for name in (codec, fallback):
            if name is None:
                continue
            text = _decode_start(sample, name, final)
            if text is not None:
                scored.append((round(plausibility(text, kind), 3), name))
                break
    ranked = []
    while scored:
        best = max(score for score, _codec in scored)
        pick = next(c for c in scored if c[0] >= best - PRIOR_MARGIN)
        ranked.append(pick)
        scored.remove(pick)
    return ranked


def plausibility(text: str, kind: str) -> float:
    """How much (0 to 1) of ``text``'s non-ASCII part is real writing of ``kind``.

    ``kind`` is a language for the CJK encodings (``"zh"``, ``"zh_tw"``, ``"ja"``,
    ``"ko"``) or a family of single-byte code pages (``"western"``, ``"cyrillic"``...).

    >>> plausibility("Grüße aus München", "western")  # German read as Windows-1252
    1.0
    >>> round(plausibility("Pøíliš žluouèký kùò", "western"), 2)  # Czech read so
    0.44
    """
    if kind in _FAMILIES:
        return _alphabet_plausibility(text, kind)
    return _cjk_plausibility(text, kind)


def unicode_plausibility(text: str) -> float:
    """How much (0 to 1) of ``text``, read from UTF-16 without a mark, looks like writing.

    Chinese, Japanese or Korean are scored as above (ASCII text misread as UTF-16 turns into
    rare ideographs); other scripts by the share of non-ASCII characters that are letters
    of the text's main script, or punctuation.

    >>> misread = "The cat sat on the mat.".encode()[:-1].decode("utf-16-le")
    >>> unicode_plausibility("Привет, мир"), round(unicode_plausibility(misread), 2)
    (1.0, 0.55)
    """
    sample = text[:_SAMPLE_CHARS]
    scripts: Counter[str] = Counter()
    marks = n = 0
    for ch in sample:
        if ch.isascii():
            continue
        n += 1
        if ch.isalpha():
            scripts[unicodedata.name(ch, "?").split()[0]] += 1
        elif ch in _COMMON_MARKS or unicodedata.category(ch).startswith(("P", "Z")):
            marks += 1
    if n == 0:
        return 1.0
    top = scripts.most_common(1)
    if top and top[0][0] in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
        return max(_cjk_plausibility(sample, lang) for lang in ("zh", "zh_tw", "ja", "ko"))
    return ((top[0][1] if top else 0) + marks) / n


def _decode_start(sample: bytes, codec: str, final: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)().decode(sample, final=final)
    except UnicodeDecodeError:
        return None


# --- single-byte alphabets ---------------------------------------------------------------


def _alphabet_plausibility(text: str, family: str) -> float:
    if family != "thai" and len(text) >= _SPACED_AFTER and " " not in text and "\n" not in text:
        return 0.0  # these scripts put spaces between words (EBCDIC's space is 0x40)
    latin = family in _LATIN_FAMILIES
    all_words = _WORD.findall(text)
    words = Counter(w for w in all_words if not w.isascii())
    n_accented = sum(n * len(_NON_ASCII.findall(w)) for w, n in words.items())
    if latin and n_accented > _MAX_ACCENTED_SHARE * sum(map(len, all_words)):
        return 0.0
    letters: Counter[str] = Counter()  # non-ASCII letters, lowercased
    good = bad = 0.0
    capitals = 0
    for w, n in words.items():
        n_ascii = len(w) - len(_NON_ASCII.findall(w))
        if latin and n_ascii == 0 and len(w) >= 3 or not latin and n_ascii:
            # "Ñåãîäíÿ": no Latin word is all accents (Russian read as Windows-1252);
            # "allйs": no word mixes Latin and Cyrillic (French read as Windows-1251)
            bad += n * (len(w) - n_ascii)
            continue
        lower_seen = False
        for ch in w:
            if ch.isascii():
                lower_seen = lower_seen or ch.islower()
            elif ch.isupper() and lower_seen:
                bad += n  # "cafÈ", "пРИВЕТ": a capital inside a lowercase word
            else:
                lower_seen = lower_seen or ch.islower()
                capitals += n * ch.isupper()
                lower = ch.lower()
                letters[lower if len(lower) == 1 else ch] += n  # "İ".lower() is 2 characters
    n_letters = sum(letters.values())
    if not latin:
        # KOI8-R read as Windows-1251 (and back) turns most lowercase letters into capitals
        bad += max(0.0, capitals - _MAX_CAPITALS * n_letters)
    symbols: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    block = _BLOCKS.get(family, (-1, -1))
    in_block = 0
    for match in _SYMBOL.finditer(text):
        i, ch = match.start(), match.group()
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if block[0] <= ord(ch) <= block[1]:
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                bad += 1  # "sp้cifi้": French é read as a Thai tone mark
            else:
                in_block += 1  # Thai vowel signs, Hebrew points, the Arabic comma
            continue
        symbols[ch] += 1
        inside[ch] += before.isalpha() and after.isalpha()
    for ch, n in symbols.items():
        if ch not in _INNER_MARKS:
            bad += inside[ch]  # "wiêkszoœæ" has no symbol in it: Polish read as Windows-1252
            n -= inside[ch]
        if unicodedata.category(ch).startswith("C"):
            bad += n  # C1 controls: 0x80-0x9F read as Latin-1
        elif ch in _COMMON_MARKS:
            good += n
        elif ch in _RARER_MARKS:
            good += n / 2
        else:
            bad += n  # box drawing, maths, marks and digits of other scripts
    good += in_block
    total = n_letters + good + bad
    if total == 0:
        return 0.0
    good += _covered(letters, _FAMILIES[family])
    if n_letters + in_block >= _FEW_LETTERS and _lacks_markers(family, letters, capitals):
        good /= 2
    return good / total


def _lacks_markers(family: str, letters: Counter[str], capitals: int) -> bool:
    """Whether a reading misses the letters every text of its family has (:data:`_MARKERS`)."""
    markers = _MARKERS.get(family)
    if markers is None or markers & letters.keys():
        return False
    if family.startswith("cyrillic"):
        # a short Bulgarian text may lack ь, ю and я, but it has capitals or few й
        return not capitals and letters["й"] > _MAX_SHORT_I * sum(letters.values())
    return not capitals


def _covered(letters: Counter[str], languages: tuple[str, ...]) -> float:
    """How many of ``letters`` the best pair of ``languages`` writes.

    A letter the first language writes usually counts 1, one it writes rarely 1/2; a
    second language (a French text may quote a German name) counts at half that. The
    pair may be one language twice.
    """
    if not letters:
        return 0.0
    import numpy as np  # here, not at the top: the app's first page needs no numpy

    usual = np.array([[ch in _usual(lang) for ch in letters] for lang in languages], float)
    rare = np.array([[ch in _rare(lang) for ch in letters] for lang in languages], float)
    weights = usual + rare / 2  # (language, letter)
    counts = np.fromiter(letters.values(), float, len(letters))
    pairs = np.maximum(weights[:, None, :], weights[None, :, :] / 2)  # (first, second, letter)
    return float((pairs @ counts).max())


@functools.cache
def _usual(lang: str) -> frozenset[str]:
    return frozenset(_LANGUAGES[lang].partition("|")[0])


@functools.cache
def _rare(lang: str) -> frozenset[str]:
    return frozenset(_LANGUAGES[lang].partition("|")[2])


# --- Chinese, Japanese, Korean -----------------------------------------------------------

_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
_SPACED_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff] "
    r"(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff])"
)
# Korean puts a space after about every third syllable; Chinese and Japanese hardly ever
# space their characters (a poem's half lines: one space in ten or more).
_MAX_CJK_SPACING = 0.08
_KOREAN_SPACED_AFTER = 12  # syllables: a longer Korean text without a space is not Korean
_FEW_HANZI = 8
_GLUED = re.compile(r"(?<=[a-z])[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]+(?=[a-z])")


def _cjk_plausibility(text: str, language: str) -> float:
    """The share (0 to 1) of non-ASCII characters that are everyday ``language`` text."""
    good = 0.0
    total = 0
    for ch, n in Counter(text).items():
        if ch.isascii():
            continue
        total += n
        good += n * _commonness(ch, language)
    if total == 0:
        return 0.0
    # "r浜ertoire": a legacy Western letter and the ASCII letter after it read as one
    # double-byte character (French Mac Roman read as Shift-JIS)
    good -= sum(map(len, _GLUED.findall(text)))
    score = max(good, 0.0) / total
    cjk = _CJK_CHAR.findall(text)
    spacing = len(_SPACED_CJK.findall(text)) / max(len(cjk), 1)
    if language != "ko" and spacing > _MAX_CJK_SPACING:
        score /= 2
    if language == "ko" and len(cjk) >= _KOREAN_SPACED_AFTER and spacing < _MAX_CJK_SPACING / 2:
        score /= 2
    if language == "zh" and len(cjk) >= _FEW_HANZI and all(_gb_row(ch) <= 0xC8 for ch in cjk):
        # EUC-KR's Hangul (rows B0-C8) read as GB2312 are level-1 hanzi, but only those
        # of rows B0-C8; real Chinese uses rows up to F7 (62% of level 1 is in B0-C8,
        # so 8 hanzi all there happen in 2% of Chinese texts, and 20 in 0.01%).
        score /= 2
    return score


def _gb_row(ch: str) -> int:
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return 0xFF
    return raw[0]


# (codec the language's characters are ranked in, level-1 range, level-2 range)
_LEVELS = {
    "zh": ("gb2312", (0xB0A1, 0xD7F9), (0xD8A1, 0xF7FE)),
    "zh_tw": ("big5", (0xA440, 0xC67E), (0xC940, 0xF9D5)),
    "ja": ("shift_jis", (0x889F, 0x9872), (0x989F, 0xEAA4)),
}


@functools.lru_cache(maxsize=65536)
def _commonness(ch: str, language: str) -> float:
    code = ord(ch)
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x206F:
        return 1.0  # CJK and full-width punctuation: all four languages use them
    if language == "ko":
        if 0xAC00 <= code <= 0xD7A3:
            return 1.0 if _encodes(ch, "euc_kr") else 0.5  # KS X 1001's 2,350, then cp949's
        return 0.3 if _encodes(ch, "euc_kr") and unicodedata.category(ch) == "Lo" else 0.0
    if language == "ja" and 0x3041 <= code <= 0x30FF:
        return 1.0  # hiragana, katakana
    if language == "zh_tw" and 0x3100 <= code <= 0x312F:
        return 1.0  # bopomofo
    codec, level1, level2 = _LEVELS[language]
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


def _encodes(ch: str, codec: str) -> bool:
    """Whether ``codec`` has ``ch`` as one character of 2 bytes.

    (Python's EUC-KR writes the syllables KS X 1001 lacks as 8-byte jamo sequences.)
    """
    try:
        return len(ch.encode(codec)) == 2
    except UnicodeEncodeError:
        return False
