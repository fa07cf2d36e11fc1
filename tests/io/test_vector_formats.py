"""Vector files: every format both ways (through gensim where it applies), bad files refused."""

import csv
import gzip
import io
import pickle

import numpy as np
import pytest
from gensim.models import KeyedVectors

from explorer.io import vector_formats
from explorer.io.export import (
    to_projector_tsv,
    to_word2vec_text,
    vocabulary_csv,
    word2vec_text_notes,
)
from explorer.io.uploads import UploadError
from explorer.io.vector_formats import read_vectors
from explorer.models.vectors import Vectors
from tests.refusals import refusal

SCRIPT = "<script>alert(1)</script>"
WORDS = ["the", "cat", "猫", "café", "naïve", "Ünïcödé", "<b>bold</b>", SCRIPT, '"quoted",', "x"]


def texts(notes):
    """The notes as the page shows them (they are messages, translated by ``str``)."""
    return [str(note) for note in notes]


def read_shown(*args, **kwargs):
    wv, notes = read_vectors(*args, **kwargs)
    return wv, texts(notes)


@pytest.fixture
def wv() -> Vectors:
    rng = np.random.default_rng(7)
    # Values from 1e-6 to 1e5: the text formats must keep every float32 bit.
    scale = 10.0 ** rng.integers(-6, 6, size=(len(WORDS), 6))
    vectors = (rng.standard_normal((len(WORDS), 6)) * scale).astype(np.float32)
    return Vectors(WORDS, vectors, counts=np.arange(len(WORDS), 0, -1) * 10)


def refused(name, data, *key_words, **kwargs) -> str:
    return refusal(read_vectors, name, data, *key_words, **kwargs)


def gensim_file(kv: KeyedVectors, tmp_path, binary: bool) -> bytes:
    path = tmp_path / ("v.bin" if binary else "v.txt")
    kv.save_word2vec_format(str(path), binary=binary)
    return path.read_bytes()


def to_kv(wv: Vectors) -> KeyedVectors:
    kv = KeyedVectors(wv.vector_size)
    kv.add_vectors(wv.index_to_key, wv.vectors)
    return kv


# --- round trips -------------------------------------------------------------------------


def test_word2vec_text_written_here_loads_in_gensim_to_the_same_values(wv, tmp_path):
    path = tmp_path / "vectors.txt"
    path.write_bytes(to_word2vec_text(wv))
    kv = KeyedVectors.load_word2vec_format(str(path), binary=False)
    assert kv.index_to_key == WORDS
    np.testing.assert_array_equal(kv.vectors, wv.vectors)
    assert texts(word2vec_text_notes(wv)) == []


def test_word2vec_text_written_here_reads_back_here(wv):
    back, notes = read_shown("vectors.txt", to_word2vec_text(wv))
    assert back.index_to_key == WORDS and back[SCRIPT].shape == (6,)
    np.testing.assert_array_equal(back.vectors, wv.vectors)
    assert notes == ["Read as word2vec text: 10 vectors of 6 numbers."]


@pytest.mark.parametrize("binary", [True, False], ids=["binary", "text"])
@pytest.mark.parametrize("name", ["vectors.bin", "vectors.txt", "wiki.en.vec"])
def test_files_gensim_writes_are_read_here(wv, tmp_path, binary, name):
    # The content decides the format; a misleading name does not matter.
    data = gensim_file(to_kv(wv), tmp_path, binary)
    back, notes = read_shown(name, data)
    assert back.index_to_key == WORDS
    np.testing.assert_array_equal(back.vectors, wv.vectors)
    kind = "word2vec binary" if binary else "word2vec text"
    kind = "fastText .vec (word2vec text)" if name.endswith(".vec") and not binary else kind
    assert notes[0].startswith(f"Read as {kind}:")


def test_word2vec_c_binary_with_newlines_after_vectors(wv):
    rows = b"".join(w.encode() + b" " + v.astype("<f4").tobytes() + b"\n" for w, v in
                    zip(wv.index_to_key, wv.vectors, strict=True))  # fmt: skip
    back, _ = read_vectors("GoogleNews.bin", b"10 6\n" + rows)
    assert back.index_to_key == WORDS
    np.testing.assert_array_equal(back.vectors, wv.vectors)


def test_glove_text_has_no_header(wv):
    lines = [
        f"{w} " + " ".join(map(repr, v.tolist())) for w, v in zip(WORDS, wv.vectors, strict=True)
    ]
    back, notes = read_shown("glove.6B.6d.txt", "\n".join(lines).encode())
    assert back.index_to_key == WORDS and notes[0].startswith("Read as GloVe text")
    np.testing.assert_array_equal(back.vectors, wv.vectors)


def test_tabs_and_repeated_spaces_separate_fields_too():
    back, _ = read_vectors("odd.txt", b"2 3\r\ncat\t1  2 3 \r\n\ndog 4\t5\t6\r\n")
    np.testing.assert_array_equal(back.vectors, [[1, 2, 3], [4, 5, 6]])


def test_projector_tsv_both_ways(wv):
    vectors_tsv, metadata_tsv = to_projector_tsv(wv)
    assert metadata_tsv.decode().splitlines()[:2] == ["word\tcount", "the\t100"]
    back, notes = read_shown("vectors.tsv", vectors_tsv, metadata=metadata_tsv)
    assert back.index_to_key == WORDS
    np.testing.assert_array_equal(back.vectors, wv.vectors)
    np.testing.assert_array_equal(back.counts, wv.counts)
    assert "metadata" in notes[1]

    no_counts = Vectors(["a b", "tab\there", "c"], np.eye(3))
    vectors_tsv, metadata_tsv = to_projector_tsv(no_counts)
    assert metadata_tsv == b"a b\ntab here\nc\n"  # one label a line, no header
    back, _ = read_vectors("vectors.tsv", vectors_tsv, metadata=metadata_tsv)
    assert back.index_to_key == ["a b", "tab here", "c"] and back.counts is None


def test_projector_vectors_without_metadata_are_numbered():
    back, notes = read_shown("vectors.tsv", b"1\t0\n0\t1\n0.5\t0.5\n")
    assert back.index_to_key == ["#1", "#2", "#3"] and "metadata.tsv" in notes[-1]


def test_numbers_only_are_projector_rows_with_tabs_and_glove_words_without():
    back, _ = read_vectors("v.txt", b"1 0 2\nnan 1 3\n")  # GloVe words "1" and "nan"
    assert back.index_to_key == ["1", "nan"] and back.vector_size == 2
    back, _ = read_vectors("v.txt", b"1\t0\t2\n5\t1\t3\n")
    assert back.index_to_key == ["#1", "#2"] and back.vector_size == 3


def test_projector_metadata_must_match_the_vectors_line_for_line():
    refused("vectors.tsv", b"1\t0\n0\t1\n", "2 rows", "3 labels", metadata=b"a\nb\nc\n")
    refused("vectors.tsv", b"1\t0\n0\t1\n", "2 rows", "1 label", metadata=b"a\n")


def test_words_with_spaces_are_written_with_underscores_and_said_so(tmp_path):
    wv = Vectors(["new york", "paris", "tab\tbed"], np.eye(3))
    notes = texts(word2vec_text_notes(wv))
    assert len(notes) == 1 and "2 words" in notes[0] and "“new york” becomes “new_york”" in notes[0]
    path = tmp_path / "v.txt"
    path.write_bytes(to_word2vec_text(wv))
    assert KeyedVectors.load_word2vec_format(str(path)).index_to_key == [
        "new_york", "paris", "tab_bed",
    ]  # fmt: skip
    with pytest.raises(UploadError, match="same as another word"):
        to_word2vec_text(Vectors(["new york", "new_york"], np.eye(2)))
    with pytest.raises(UploadError, match="empty"):
        to_word2vec_text(Vectors(["", "a"], np.eye(2)))


def test_vocabulary_csv_quotes_with_the_csv_module_and_guards_formulas():
    words = ["the", "猫", 'say "hi", then', "=HYPERLINK(1)", "@sum", SCRIPT]
    data = vocabulary_csv(words, np.array([9, 8, 7, 6, 5, 4]))
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets then read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["word", "count"]
    assert rows[1:] == [
        ["the", "9"], ["猫", "8"], ['say "hi", then', "7"], ["'=HYPERLINK(1)", "6"],
        ["'@sum", "5"], [SCRIPT, "4"],
    ]  # fmt: skip
    assert list(csv.reader(io.StringIO(vocabulary_csv(["a"], None).decode("utf-8-sig")))) == [
        ["word", "count"], ["a", ""],
    ]  # fmt: skip


# --- what is kept, dropped and noted -----------------------------------------------------


def test_html_and_script_words_stay_plain_strings_unchanged():
    img = "<img/src=x/onerror=alert(1)>&amp;"
    back, _ = read_vectors("evil.txt", f"2 2\n{SCRIPT} 1 0\n{img} 0 1\n".encode())
    assert back.index_to_key == [SCRIPT, img] and SCRIPT in back
    tsv, metadata = to_projector_tsv(back)
    back, _ = read_vectors("vectors.tsv", tsv, metadata=metadata)
    assert back.index_to_key == [SCRIPT, img]


def test_nan_and_inf_rows_are_dropped_with_a_note():
    data = b"4 2\ncat 1 0\nbad nan 1\ndog 0 1\nhuge 1e50 -inf\n"
    back, notes = read_shown("v.txt", data)
    assert back.index_to_key == ["cat", "dog"] and np.isfinite(back.vectors).all()
    assert any("Dropped 2 vectors" in n and "NaN or infinite" in n and "“bad”, line 3" in n
               for n in notes)  # fmt: skip


def test_duplicate_words_keep_the_first_vector_with_a_note():
    back, notes = read_shown("v.txt", b"cat 1 0\ndog 0 1\ncat 5 5\ndog 6 6\ncat 7 7\n")
    assert back.index_to_key == ["cat", "dog"]
    np.testing.assert_array_equal(back["cat"], [1, 0])
    assert any("Dropped 3 repeated words" in n and "line 3" in n for n in notes)


def test_the_row_limit_keeps_the_first_rows_and_never_parses_the_rest():
    rows = b"".join(b"w%d %d 1\n" % (i, i) for i in range(10))
    garbage = b"this line is not a vector at all\n" * 3
    back, notes = read_shown("v.txt", rows + garbage, max_rows=4)
    assert back.index_to_key == ["w0", "w1", "w2", "w3"]
    assert any("first 4 vectors" in n and "9 more" in n for n in notes)
    header = b"13 2\n"
    back, notes = read_shown("v.txt", header + rows + garbage, max_rows=4)
    assert len(back) == 4 and "9 more" in notes[-1]


def test_the_row_limit_applies_to_binary_files(wv, tmp_path):
    back, notes = read_shown("v.bin", gensim_file(to_kv(wv), tmp_path, binary=True), max_rows=3)
    assert back.index_to_key == WORDS[:3] and "7 more" in notes[-1]


def test_words_in_gb18030_and_utf16_files():
    words = ["我们", "喜欢", "学习", "数学", "今天", "天气"]
    lines = "".join(f"{w} {i} 1\n" for i, w in enumerate(words))
    back, notes = read_shown("zh.txt", lines.encode("gb18030"))
    assert back.index_to_key == words and "GB18030" in notes[-1]
    back, _ = read_vectors("zh16.txt", lines.encode("utf-16"))
    assert back.index_to_key == words
    back, _ = read_vectors("zh16le.txt", lines.encode("utf-16-le"))  # Windows "Unicode"
    assert back.index_to_key == words


def test_words_in_legacy_western_and_cyrillic_files():
    # Old GloVe-style exports saved by Windows tools: the vectors are ASCII, the words not.
    for words, codec, label in [
        (["café", "crème", "brûlée", "niño", "Straße", "cœur"], "cp1252", "Windows-1252"),
        (["кошка", "собака", "король", "королева", "мужчина", "женщина"], "cp1251",
         "Windows-1251"),
    ]:  # fmt: skip
        lines = "".join(f"{w} {i} 1\n" for i, w in enumerate(words))
        back, notes = read_shown("legacy.txt", lines.encode(codec))
        assert back.index_to_key == words
        assert notes[-1].startswith(f"The words were read as {label}") and "a guess" in notes[-1]


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["word2vec.model", "vectors.pkl", "kv.pickle"])
def test_pickles_are_refused_by_name_without_being_opened(name):
    refused(name, b"anything at all", "pickle", "run code", "save_word2vec_format")


def test_pickles_are_refused_by_content_whatever_the_name():
    data = pickle.dumps({"king": [1.0, 2.0]}, protocol=4)
    refused("vectors.txt", data, "pickle", "model.wv.save_word2vec_format(path)")


def test_a_lying_header_says_what_it_claims_and_what_the_file_holds():
    rows = b"cat 1 0 0\ndog 0 1 0\nowl 0 0 1\n"
    refused("v.txt", b"5 3\n" + rows, "header", "5 vectors", "holds 3")
    refused("v.txt", b"2 3\n" + rows, "header", "2 vectors", "holds 3")
    refused("v.txt", b"3 4\n" + rows, "header", "4 numbers", "line 2 holds 3")
    refused("v.txt", b"3 0\n" + rows, "0 numbers")


def test_a_lying_binary_header_is_caught(wv, tmp_path):
    data = gensim_file(to_kv(wv), tmp_path, binary=True)
    body = data.split(b"\n", 1)[1]
    refused("v.bin", b"11 6\n" + body, "11 vectors", "only 10 complete")
    refused("v.bin", b"9 6\n" + body, "9 vectors", "more data")
    refused("v.bin", b"10 7\n" + body, "10 vectors of 7 numbers")
    refused("v.bin", b"10 5\n" + body, "10 vectors of 5 numbers")
    refused("v.bin", data[:-5], "only 9 complete")


def test_ragged_rows_name_the_line():
    refused("v.txt", b"cat 1 0 0\ndog 0 1 0\n\nowl 0 1\n", "line 4", "2 numbers", "line 1 holds 3")
    refused("v.txt", b"3 3\ncat 1 0 0\ndog 0 1 0\nowl 0 1 0 0\n", "line 4", "4 numbers")


def test_values_that_are_not_numbers_name_the_line():
    refused("v.txt", b"cat 1 0\ndog 0 one\n", "line 2", "“one”", "number")


@pytest.mark.parametrize(
    ("name", "data", "key_words"),
    [
        ("v.txt", b"", ("empty",)),
        ("v.txt", b" \n \n", ("empty",)),
        ("v.txt", b"cat 1 0 0\n", ("only one vector", "two")),
        ("v.txt", b"cat 1 0\ndog nan 0\n", ("only one vector", "dropping")),
        ("v.txt", b"1 3\ncat 1 2 3\n", ("only one vector",)),
        ("v.txt", b"2 3\n", ("header", "2 vectors", "holds 0")),
        ("words.txt", b"cat\ndog\n", ("only “cat”", "no numbers")),
        ("story.txt", b"Once upon a time there was a cat.\n", ("plain text", "corpus")),
        ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00", ("PNG image",)),
        ("v.txt.gz", gzip.compress(b"cat 1 0\ndog 0 1\n"), ("gzip", "unpack")),
        ("model.npz", b"PK\x03\x04\x14\x00", ("ZIP", "model upload")),
    ],
    ids=[
        "empty",
        "blank",
        "one",
        "one-left",
        "one-header",
        "header-only",
        "words",
        "text",
        "png",
        "gzip",
        "npz",
    ],  # fmt: skip
)
def test_unusable_files_are_refused_with_a_reason(name, data, key_words):
    refused(name, data, *key_words)


def test_unreadable_metadata_is_refused():
    refused("vectors.tsv", b"1\t0\n0\t1\n", "metadata", "empty", metadata=b"\n")
    refused("vectors.tsv", b"1\t0\n0\t1\n", "metadata", "PNG", metadata=b"\x89PNG\r\n\x1a\n")


def test_random_binary_is_refused():
    for seed in range(5):
        data = np.random.default_rng(seed).integers(0, 256, 3000, dtype=np.uint8).tobytes()
        refused("random.bin", data)
        refused("random.txt", data)


def test_the_size_limit_is_checked_in_code():
    refused("v.txt", b"cat 1 0\ndog 0 1\n", "16 bytes", "limit of 15 bytes", max_bytes=15)
    assert len(read_vectors("v.txt", b"cat 1 0\ndog 0 1\n", max_bytes=16)[0]) == 2


def test_unexpected_failures_still_come_out_as_upload_errors(monkeypatch):
    def broken(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(vector_formats, "_parse_numbers", broken)
    message = refused("v.txt", b"cat 1 0\ndog 0 1\n", "RuntimeError")
    assert "a bug" not in message
