"""Reading uploaded bytes: every supported encoding, the files people have, and friendly errors."""

from __future__ import annotations

import codecs
import gzip
import io
import pickle
import random
import zipfile

import pytest

from bench.encoding import (
    FIXTURES,
    Case,
    _vietnamese,
    binary_files,
    fixture_cases,
    source,
    written,
)
from explorer.text.charsets import evidence, guess_legacy, rank_candidates
from explorer.text.encoding import (
    SUPPORTED_ENCODINGS,
    Decoded,
    DecodeError,
    clean_controls,
    decode_bytes,
    is_pickle,
    utf16_without_bom,
)

ENGLISH = "We are about to study the idea of deep learning.\nIt's well-known."
CHINESE = [
    "我喜欢学习数学",
    "今天天气很好，我们去公园散步吧。",
    "深度学习是机器学习的一个分支。",
    "他说：“你好！”",
    "春眠不觉晓，处处闻啼鸟。",
    "北京大学",
    "你好",
    "我喜欢 deep learning 和 word2vec。",
]
JAPANESE = [
    "私は猫が好きです",
    "私は猫が好きです。",
    "今日はいい天気ですね。",
    "吾輩は猫である。名前はまだ無い。",
    "深層学習は機械学習の一分野です。",
    "東京大学",
    "猫",
    "コンピュータ",
    "Pythonで機械学習を学ぶ。",
]
UNREADABLE = (
    "Could not read this file as text: it is not UTF-8 or UTF-16, and no legacy encoding "
    "(Windows-1252, GB18030, Shift-JIS...) reads it as real text. Save it as UTF-8 and try again."
)
KNOWN_MISSES = {
    # A four-character title in EUC-JP also reads as four common Big5 characters; nothing
    # in four characters tells them apart (charset-normalizer gets it wrong too).
    "“京都の秋” in euc_jp",
    # Ukrainian DOS (cp1125) reads as Russian DOS (cp866) but for і, ї, є and ґ.
    "uk.txt in cp1125",
}


def texts(notes):
    """The notes as the page shows them (they are messages, translated by ``str``)."""
    return [str(note) for note in notes]


def _param(case: Case):
    missed = case.name in KNOWN_MISSES
    marks = [pytest.mark.xfail(strict=True, reason="ambiguous")] if missed else []
    return pytest.param(case, id=case.name, marks=marks)


TEXT_CASES = [_param(c) for c in fixture_cases() if c.expected is not None and not c.may_refuse]
UNSUPPORTED = [_param(c) for c in fixture_cases() if c.may_refuse]


# --- the files people have ---------------------------------------------------------------


@pytest.mark.parametrize("case", TEXT_CASES)
def test_every_fixture_reads_as_written(case: Case) -> None:
    # Prose in 19 languages in each legacy encoding its language uses, UTF-16 without a
    # mark, short phrases, terminal captures and files with stray control characters.
    assert decode_bytes(case.data).text == case.expected


@pytest.mark.parametrize("case", UNSUPPORTED)
def test_encodings_not_supported_are_refused_not_misread(case: Case) -> None:
    # Vietnamese (Windows-1258), EBCDIC, Korean Johab...: refusing is right, mojibake is not
    # (HZ, Chinese in 7-bit ASCII, is read).
    try:
        text = decode_bytes(case.data).text
    except DecodeError as error:
        assert str(error) == UNREADABLE
    else:
        assert text == case.expected


@pytest.mark.parametrize(("name", "data"), binary_files(), ids=[n for n, _ in binary_files()])
def test_every_binary_fixture_is_refused(name: str, data: bytes) -> None:
    with pytest.raises(DecodeError) as error:
        decode_bytes(data)
    message = str(error.value)
    named = message.startswith("This looks like") and message.endswith("not a text file.")
    assert named or message == UNREADABLE, message


@pytest.mark.parametrize(
    ("name", "codec", "label"),
    [
        ("fr", "cp1252", "Windows-1252 (Western, Latin-1)"),
        ("pl", "cp1250", "Windows-1250 (Central European)"),
        ("ru", "cp1251", "Windows-1251 (Cyrillic)"),
        ("ru", "koi8_u", "KOI8-R/KOI8-U (Russian, Ukrainian)"),
        ("el", "cp1253", "Windows-1253 (Greek)"),
        ("tr", "cp1254", "Windows-1254 (Turkish)"),
        ("zh_tw", "big5", "Big5 (Traditional Chinese)"),
        ("ko", "euc_kr", "EUC-KR (Korean)"),
        ("ja", "euc_jp", "EUC-JP"),
        ("en_quotes", "mac_roman", "Mac Roman (old Macintosh)"),
    ],
)
def test_legacy_encodings_are_guessed_labelled_and_noted(name, codec, label) -> None:
    decoded = decode_bytes(written(source(name), codec).encode(codec))
    assert decoded.encoding == codec and decoded.label == label and decoded.guessed
    assert texts(decoded.notes()) == [
        f"Read as {label}, a guess: if some letters look wrong, save the file as UTF-8 and "
        "upload it again."
    ]


def test_a_word_document_saved_as_text_in_windows_1252() -> None:
    # Curly quotes, dashes and an ellipsis are the only non-ASCII characters: Latin-1 has
    # none of them (0x80-0x9F are controls there), Windows-1252 has them all.
    data = source("en_quotes").encode("cp1252")
    assert b"\x93" in data and b"\x85" in data
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252" and "“What’s in a word?”" in decoded.text


def test_one_accented_name_far_into_an_english_file_is_enough() -> None:
    text = "The cat sat on the mat.\n" * 20_000 + "Then Zoë came home.\n"
    assert decode_bytes(text.encode("cp1252")).text == text
    sample, complete = evidence(text.encode("cp1252"))
    assert sample == "Then Zoë came home.\n".encode("cp1252") and complete


def test_a_utf8_file_with_a_line_pasted_from_an_older_file() -> None:
    data = source("fr").encode() + "Grüße – „zitiert“".encode("cp1252") + b"\n" + "naïve".encode()
    decoded = decode_bytes(data)
    assert decoded.text == source("fr") + "Grüße – „zitiert“\nnaïve"
    assert (decoded.encoding, decoded.stray, decoded.stray_encoding) == ("utf-8", 1, "cp1252")
    assert texts(decoded.notes()) == [
        "Read as UTF-8, but for 1 line that was not UTF-8 (pasted from an older file?), read "
        "as Windows-1252 (Western, Latin-1), a guess."
    ]


def test_a_utf8_file_cut_in_the_middle_of_a_character() -> None:
    text = source("zh").strip()
    decoded = decode_bytes(text.encode()[:-1])
    assert decoded.text == text[:-1] and decoded.encoding == "utf-8"
    notes = texts(decoded.notes())
    assert notes == ["Left out the last character, cut in two at the end of the file."]


def test_a_legacy_file_is_not_mistaken_for_cut_utf8() -> None:
    # 0xE9 (é in Windows-1252) also starts a three-byte UTF-8 character
    assert decode_bytes(b"Le caf\xe9").text == "Le café"
    assert decode_bytes(source("fr").encode("cp1252")).encoding == "cp1252"


def test_certain_encodings_make_no_note() -> None:
    for data in (b"plain", "naïve".encode(), "naïve".encode("utf-16")):
        decoded = decode_bytes(data)
        assert not decoded.guessed and texts(decoded.notes()) == []


def test_iso_2022_jp_mail_text() -> None:
    text = "吾輩は猫である。名前はまだ無い。"
    decoded = decode_bytes(text.encode("iso2022_jp"))
    assert decoded == Decoded(text, "iso2022_jp") and decoded.label == "ISO-2022-JP (JIS)"


def test_the_guesser_ranks_the_right_reading_first() -> None:
    assert rank_candidates(source("cs").encode("cp1250"))[0][1] == "cp1250"
    assert rank_candidates(written(source("ru"), "koi8_r").encode("koi8_r"))[0][1] == "koi8_u"
    assert rank_candidates(source("he").encode("cp1255"))[0][1] == "cp1255"
    assert rank_candidates(source("th").encode("cp874"))[0][1] == "cp874"
    assert rank_candidates(source("ko").encode("euc_kr"))[0][1] == "euc_kr"
    assert guess_legacy(bytes(range(0x80, 0x100)) * 10) is None


# --- control characters ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["grep_color", "pytest_color", "man_overstrike", "man_sgr",
                                  "typescript", "git_log_color"])  # fmt: skip
def test_terminal_captures_are_cleaned_and_counted(name: str) -> None:
    data = (FIXTURES / "terminal" / f"{name}.txt").read_bytes()
    decoded = decode_bytes(data)
    assert "\x1b" not in decoded.text and "\x08" not in decoded.text
    # Every escape is one sequence here (OSC's ends with BEL, not ESC \)
    assert decoded.escapes == data.count(b"\x1b") and decoded.overstrikes == data.count(b"\x08")
    assert decoded.controls == 0 and (decoded.escapes or decoded.overstrikes)
    assert texts(decoded.notes())[0].startswith("Removed ")


@pytest.mark.parametrize(
    ("text", "clean", "counts"),
    [
        ("\x1b[1;31mred\x1b[0m \x1b[38;5;208morange\x1b[m", "red orange", (4, 0, 0)),
        ("\x1b]0;ana@laptop: ~\x07$ ls\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "$ lslink",
         (3, 0, 0)),
        ("\x1b[?2004h\x1b[K\x1b[2J\x1b[H\x1b(B\x1b7\x1b8\x1bc done", " done", (8, 0, 0)),
        ("\x1bP1$r0m\x1b\\text\x9b1mmore", "textmore", (2, 0, 0)),
        ("N\bNA\bAM\bME\bE", "NAME", (0, 4, 0)),
        ("_\bf_\bi_\bl_\be", "file", (0, 4, 0)),
        ("_\bB\bB", "B", (0, 2, 0)),
        ("abc\b\bxy", "axy", (0, 0, 2)),
        ("page one\fpage two\vline", "page one\npage two\nline", (0, 0, 0)),
        ("one\r\ntwo\rthree\x85four\u2028five", "one\ntwo\nthree\nfour\nfive", (0, 0, 0)),
        ("tabs\tstay\n", "tabs\tstay\n", (0, 0, 0)),
        ("The end.\r\n\x1a\x1a\x1a", "The end.\n", (0, 0, 1)),
        ("a NUL\x00 and a bell\x07 in the middle of a long line of text", None, (0, 0, 2)),
    ],
)
def test_clean_controls(text: str, clean: str | None, counts: tuple[int, int, int]) -> None:
    result = clean_controls(text)
    if clean is not None:
        assert result.text == clean
    assert not any(ch < " " and ch not in "\t\n" for ch in result.text)
    assert (result.escapes, result.overstrikes, result.controls) == counts


def test_notes_say_what_was_removed() -> None:
    decoded = decode_bytes(b"\x1b[32mok\x1b[0m N\bNA\bAME and text\x00\x1a")
    assert texts(decoded.notes()) == [
        "Removed 2 terminal codes (colours, cursor moves), 2 backspace overstrikes (bold or "
        "underline, as in man pages) and 2 control characters."
    ]
    assert texts(Decoded("x", "utf-8", controls=1).notes()) == ["Removed 1 control character."]


def test_a_few_stray_controls_are_text_many_are_binary() -> None:
    words = "the cat sat on the mat " * 50  # 1,150 characters
    assert decode_bytes((words + "\x00" * 12).encode()).controls == 12  # 2 + 1% of 1,162
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes((words + "\x00\x01" * 10).encode())
    assert decode_bytes(b"two words\x00\x07").text == "two words"


# --- UTF-16 without a mark ---------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_when_mostly_ascii(codec: str) -> None:
    text = "hello world\nthe cat sat 猫"
    assert decode_bytes(text.encode(codec)) == Decoded(text, codec)


@pytest.mark.parametrize("name", ["zh", "ja", "ko", "ru", "el"])
def test_utf16_without_bom_in_other_scripts(name: str) -> None:
    # "一" (U+4E00) puts a NUL in the low byte; Cyrillic's UTF-16 bytes are all below 0x80
    # and so valid UTF-8: neither fools the check.
    data = source(name).encode("utf-16-le")
    assert utf16_without_bom(data) == "utf-16-le"
    assert utf16_without_bom(source(name).encode("utf-16-be")) == "utf-16-be"


def test_a_stray_nul_in_utf8_is_not_utf16() -> None:
    data = "Une phrase en français.\x00 Et une autre !".encode()
    assert len(data) % 2 == 0 and utf16_without_bom(data) is None
    assert decode_bytes(data) == Decoded("Une phrase en français. Et une autre !", "utf-8",
                                         controls=1)  # fmt: skip


# --- what was there before ---------------------------------------------------------------


@pytest.mark.parametrize("text", [ENGLISH, *CHINESE, *JAPANESE])
@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-32", "utf-32")],
)
def test_unicode_round_trips(text: str, codec: str, expected: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded == Decoded(text=text, encoding=expected)


@pytest.mark.parametrize("text", [ENGLISH, CHINESE[0], JAPANESE[0]])
def test_utf16_big_endian_with_bom(text: str) -> None:
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    assert decode_bytes(data) == Decoded(text, "utf-16")


@pytest.mark.parametrize("text", CHINESE)
def test_gb18030_round_trips_chinese(text: str) -> None:
    assert decode_bytes(text.encode("gb18030")) == Decoded(text, "gb18030")


@pytest.mark.parametrize("text", CHINESE[:4])
def test_gbk_files_read_as_gb18030(text: str) -> None:
    assert decode_bytes(text.encode("gbk")) == Decoded(text, "gb18030")


def test_gb18030_four_byte_characters() -> None:
    text = "我喜欢😀学习"
    assert decode_bytes(text.encode("gb18030")).text == text


@pytest.mark.parametrize("text", JAPANESE)
def test_shift_jis_round_trips_japanese(text: str) -> None:
    assert decode_bytes(text.encode("shift_jis")) == Decoded(text, "shift_jis")


def test_windows_cp932_extras() -> None:
    text = "①番目の猫です。"
    assert decode_bytes(text.encode("cp932")) == Decoded(text, "cp932")


def test_plain_ascii_is_utf8() -> None:
    assert decode_bytes(b"just ascii").encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        ("一\r\n二\r三".encode("gb18030"), "一\n二\n三"),
        ("猫\r\n犬".encode("utf-16"), "猫\n犬"),
    ],
)
def test_newlines_are_normalised(data: bytes, text: str) -> None:
    assert decode_bytes(data).text == text


def test_labels() -> None:
    assert decode_bytes(b"a").label == "UTF-8"
    assert decode_bytes("a".encode("utf-8-sig")).label == "UTF-8 (with BOM)"
    assert decode_bytes("a".encode("utf-16")).label == "UTF-16 (BOM)"
    assert decode_bytes("我喜欢学习数学".encode("gb18030")).label == "GB18030 (GBK)"
    assert decode_bytes("私は猫が好きです".encode("shift_jis")).label == "Shift-JIS"


def test_supported_encodings_for_help_text() -> None:
    assert SUPPORTED_ENCODINGS[:3] == ("UTF-8", "UTF-16", "GB18030 (GBK)")
    assert "Windows-1252 (Latin-1)" in SUPPORTED_ENCODINGS and "Big5" in SUPPORTED_ENCODINGS


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", " \n".encode("utf-16"),
     b"\x1b[0m\r\n\x1a"],
)  # fmt: skip
def test_empty_files(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^The file is empty\.$"):
        decode_bytes(data)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "a PDF document"),
        (_zip_bytes(), "a ZIP archive"),
        (gzip.compress(b"hello"), "a gzip-compressed file"),
        (pickle.dumps({"a": 1}, protocol=2), "a Python pickle file"),
        (pickle.dumps([1, 2, 3], protocol=5), "a Python pickle file"),
        (pickle.dumps({"a": "text"}, protocol=0), "a Python pickle file"),
        (pickle.dumps(["x"], protocol=1), "a Python pickle file"),
        (b"SQLite format 3\x00" + bytes(100), "an SQLite database"),
        (b"\x89HDF\r\n\x1a\n" + bytes(100), "an HDF5 file"),
    ],
)
def test_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode_bytes(data)
    assert str(error.value).startswith(f"This looks like {what}")
    assert str(error.value).endswith("not a text file.")


@pytest.mark.parametrize(
    "text",
    [
        "ID3 tags hold a song's title.",
        "PAR1 is the first paragraph.",
        "The ftyp box comes first in an MP4 file; RIFF files say WAVE at byte 8.",
        "x" * 250 + " mustard ustar",
        "Ends with a full stop.",
    ],
)
def test_text_that_mentions_a_format_stays_text(text: str) -> None:
    assert decode_bytes(text.encode()).text == text


def test_pickles_are_found_without_unpickling() -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert is_pickle(pickle.dumps({"w": [1.5, 2]}, protocol=protocol))
    for text in (b"The end.", b"(dp0\nThis is not a pickle.", b"."):
        assert not is_pickle(text)


@pytest.mark.parametrize(
    "data", [b"abc\x00\x01\x02def\x00", bytes(range(256)), b"ab\x01\x02\x03cd\x04\x05"]
)
def test_other_binary_data(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^This looks like a binary file, not a text file\.$"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        bytes(random.Random(0).choice([*range(0x80, 0x100), 0x20]) for _ in range(2000)),
        _vietnamese("Xin chào thế giới, tôi là người Việt Nam").encode("cp1258"),
    ],
    ids=["random high bytes", "Vietnamese in Windows-1258"],
)
def test_undecodable_text(data: bytes) -> None:
    with pytest.raises(DecodeError) as error:
        decode_bytes(data)
    assert str(error.value) == UNREADABLE


def test_damaged_utf16() -> None:
    with pytest.raises(DecodeError, match="says it is UTF-16 but is damaged"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(DecodeError, ValueError)
