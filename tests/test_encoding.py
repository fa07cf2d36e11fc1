"""Reading uploaded bytes: every supported encoding, and friendly errors for the rest."""

from __future__ import annotations

import codecs
import gzip
import io
import pickle
import random
import zipfile

import pytest

from explorer.encoding import SUPPORTED_ENCODINGS, Decoded, DecodeError, decode_bytes

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
    "Could not read this file as text: it is not UTF-8, UTF-16, GB18030 or Shift-JIS. "
    "Save it as UTF-8 and try again."
)


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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_when_mostly_ascii(codec: str) -> None:
    text = "hello world\nthe cat sat 猫"
    assert decode_bytes(text.encode(codec)) == Decoded(text, codec)


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
    assert SUPPORTED_ENCODINGS == ("UTF-8", "UTF-16", "GB18030 (GBK)", "Shift-JIS")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", " \n".encode("utf-16")],
)
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
    ],
)
def test_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode_bytes(data)
    assert str(error.value).startswith(f"This looks like {what}")
    assert str(error.value).endswith("not a text file.")


@pytest.mark.parametrize(
    "data", [b"abc\x00\x01\x02def\x00", bytes(range(256)), b"ab\x01\x02\x03cd"]
)
def test_other_binary_data(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^This looks like a binary file, not a text file\.$"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        "café crème brûlée".encode("latin-1"),
        "Grüße aus München".encode("cp1252"),
        "señor niño año".encode("latin-1"),
        random.Random(0).randbytes(2000).replace(b"\x00", b"x"),
    ],
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
