"""Corpus uploads: text and table files in every encoding; every bad file is a friendly refusal."""

import io
import pickle
from pathlib import Path

import numpy as np
import pytest

from bench.encoding import FIXTURES, _vietnamese, binary_files, source
from explorer.io import uploads
from explorer.io.uploads import (
    LIVE_MAX_VOCAB,
    MAX_UPLOAD_BYTES,
    UploadError,
    estimated_seconds,
    format_size,
    friendly_errors,
    guess_text_column,
    needs_background,
    prepare_corpus_files,
    read_corpus_files,
    table_columns,
    tokenize_upload,
)
from explorer.jobs import Cancelled, Job
from explorer.text.corpus import Corpus
from explorer.text.tokenize import tokenize

ENGLISH = b"The cat sat on the mat. The dog sat on the log.\nA cat and a dog!"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def texts(notes):
    """The notes as the page shows them (they are messages, translated by ``str``)."""
    return [str(note) for note in notes]


def shown_summary(upload):
    return {label: str(value) for label, value in upload.summary.items()}


def refusal(files, *key_words: str, **kwargs) -> str:
    """The message of the UploadError ``read_corpus_files`` raises; checks it is friendly."""
    with pytest.raises(UploadError) as info:
        read_corpus_files(files, **kwargs)
    return friendly(str(info.value), *key_words)


def friendly(message: str, *key_words: str) -> str:
    assert "Traceback" not in message and 10 < len(message) < 400, message
    assert message.count(". ") <= 3, message  # a sentence or two, not a report
    for word in key_words:
        assert word.lower() in message.lower(), (word, message)
    return message


# --- what is read ------------------------------------------------------------------------


def test_a_text_file_gives_its_figures_summary_and_corpus():
    upload = read_corpus_files([("pets.txt", ENGLISH)])
    assert upload.name == "pets.txt" and upload.encodings == {"pets.txt": "UTF-8"}
    assert upload.n_sentences == 3 and upload.sentences[0][:2] == ["the", "cat"]
    assert upload.n_tokens == 17 and upload.vocab_size == 9
    assert upload.top_words(2) == [("the", 4), ("cat", 2)]
    assert upload.script == "latin" and upload.max_vocab is None and texts(upload.notes) == []
    summary = shown_summary(upload)
    assert list(summary) == [
        "Encoding", "Script", "Sentences", "Tokens", "Vocabulary", "Most frequent words",
    ]  # fmt: skip
    assert summary["Encoding"] == "pets.txt: UTF-8" and summary["Tokens"] == "17"
    assert summary["Most frequent words"].startswith("the (4), cat (2)")
    assert isinstance(upload.corpus, Corpus) and upload.corpus.frequency_table().shape[0] == 9


def test_file_objects_are_read_like_bytes():
    upload = read_corpus_files([("pets.txt", io.BytesIO(ENGLISH))])  # like st.file_uploader's
    assert upload.n_tokens == 17


def test_top_words_are_the_twenty_most_frequent():
    text = " ".join(f"w{i} " * (100 - i) for i in range(30)).encode()
    upload = read_corpus_files([("many.md", text)])
    assert [w for w, _ in upload.top_words()] == [f"w{i}" for i in range(20)]
    assert shown_summary(upload)["Most frequent words"].count("(") == 20


@pytest.mark.parametrize(
    ("text", "codec", "label", "script"),
    [
        ("我喜欢学习数学。今天天气很好，我们去公园散步吧。", "gb18030", "GB18030 (GBK)", "zh"),
        ("私は猫が好きです。今日はいい天気ですね。", "shift_jis", "Shift-JIS", "ja"),
        ("The cat sat. The dog ran.", "utf-16", "UTF-16 (BOM)", "latin"),
        ("The cat sat. The dog ran.", "utf-8-sig", "UTF-8 (with BOM)", "latin"),
    ],
)
def test_every_encoding_decode_bytes_reads(text, codec, label, script):
    upload = read_corpus_files([("corpus.txt", text.encode(codec))])
    assert upload.encodings == {"corpus.txt": label} and upload.script == script
    assert upload.n_sentences == 2 and upload.vocab_size >= 4
    if script == "zh":
        assert "喜欢" in upload.corpus.vocab
    if script == "ja":
        assert "猫" in upload.corpus.vocab


def test_several_files_are_decoded_each_on_its_own_and_joined():
    files = [
        ("a.txt", b"the cat sat"),  # no full stop: the next file still starts a new sentence
        ("b.txt", "我喜欢学习数学。我们去公园散步吧。".encode("gb18030")),
        ("c.md", "# Notes\nthe dog ran".encode("utf-16")),
    ]
    upload = read_corpus_files(files)
    assert str(upload.name) == "a.txt + 2 more"
    assert upload.encodings == {"a.txt": "UTF-8", "b.txt": "GB18030 (GBK)", "c.md": "UTF-16 (BOM)"}
    assert upload.sentences[0] == ["the", "cat", "sat"]
    assert upload.sentences[-1] == ["the", "dog", "ran"]
    assert upload.script == "mixed"
    assert (
        shown_summary(upload)["Encoding"]
        == "a.txt: UTF-8; b.txt: GB18030 (GBK); c.md: UTF-16 (BOM)"
    )


def test_a_large_vocabulary_is_capped_with_a_note_not_refused():
    text = " ".join(f"w{i}" for i in range(50)).encode()
    upload = read_corpus_files([("big.txt", text)], max_vocab=20)
    assert upload.vocab_size == 50 and upload.max_vocab == 20
    assert any("20 most frequent" in n and "50" in n for n in texts(upload.notes))
    assert "keeps the 20 most frequent" in shown_summary(upload)["Vocabulary"]
    assert LIVE_MAX_VOCAB == 5_000 and MAX_UPLOAD_BYTES == 50 * 2**20


# --- the files people have --------------------------------------------------------------


def test_a_windows_1252_text_loads_with_a_note_saying_so():
    data = source("fr").encode("cp1252")
    upload = read_corpus_files([("café.txt", data)])
    assert upload.encodings == {"café.txt": "Windows-1252 (Western, Latin-1)"}
    assert upload.text == source("fr").strip("\n") and "cœur" in upload.corpus.vocab
    assert texts(upload.notes) == [
        "café.txt: read as Windows-1252 (Western, Latin-1), a guess: if some letters look "
        "wrong, save the file as UTF-8 and upload it again."
    ]


def test_latin_1_that_used_to_be_refused_now_loads():
    upload = read_corpus_files([("upload.txt", "café crème brûlée, señor".encode("latin-1"))])
    assert upload.sentences == [["café", "crème", "brûlée", "señor"]]


def test_a_colourised_log_loads_without_its_codes():
    data = (FIXTURES / "terminal" / "pytest_color.txt").read_bytes()
    upload = read_corpus_files([("log.txt", data)])
    assert "\x1b" not in upload.text and "passed" in upload.corpus.vocab
    n = data.count(b"\x1b")
    assert texts(upload.notes) == [f"log.txt: removed {n} terminal codes (colours, cursor moves)."]


def test_a_man_page_loads_without_its_overstrike():
    data = (FIXTURES / "terminal" / "man_overstrike.txt").read_bytes()
    upload = read_corpus_files([("ls.txt", data)])
    assert "explorer" in upload.corpus.vocab and "e\be" not in upload.text
    assert "backspace overstrikes" in texts(upload.notes)[0]


def test_a_dos_file_with_an_end_of_file_mark_in_a_table():
    data = "id;texte\r\n1;Où est le café ?\r\n2;À côté de la gare.\r\n".encode("cp1252") + b"\x1a"
    upload = read_corpus_files([("notes.csv", data)])
    assert upload.text == "Où est le café ?\nÀ côté de la gare."
    assert texts(upload.notes)[:2] == [
        "notes.csv: read as Windows-1252 (Western, Latin-1), a guess: if some letters look "
        "wrong, save the file as UTF-8 and upload it again.",
        "notes.csv: removed 1 control character.",
    ]


@pytest.mark.parametrize(("name", "data"), binary_files(), ids=[n for n, _ in binary_files()])
def test_binary_files_stay_refused_whatever_their_name(name, data):
    refusal([("corpus.txt", data)], "corpus.txt")


# --- long uploads: tokenized in pieces, with progress and cancel ---------------------------


@pytest.mark.parametrize("sample", ["english", "chinese", "japanese"])
def test_tokenizing_in_pieces_equals_tokenizing_the_whole(sample):
    text = (Path(__file__).parents[2] / "sample_data" / f"{sample}.txt").read_text()[:30_000]
    prepared = prepare_corpus_files([("a.txt", text.encode())])
    reports = []
    upload = tokenize_upload(prepared, report=lambda f, m: reports.append(f), chunk_chars=997)
    assert upload.sentences == tokenize(prepared.text)
    assert len(reports) > 10 and reports == sorted(reports) and reports[-1] == 1.0
    assert upload.sentences == read_corpus_files([("a.txt", text.encode())]).sentences


def test_cancelling_passes_through_as_cancelled():
    prepared = prepare_corpus_files([("a.txt", b"the cat sat\n" * 1000)])

    def cancel(fraction, message):
        raise Cancelled

    with pytest.raises(Cancelled):
        tokenize_upload(prepared, report=cancel, chunk_chars=100)


def test_a_job_tokenizes_in_the_background_and_can_be_cancelled():
    prepared = prepare_corpus_files([("a.txt", b"the cat sat on the mat\n" * 5000)])
    job = Job(lambda report: tokenize_upload(prepared, report=report, chunk_chars=500)).start()
    assert job.wait(60) and job.error is None and job.result.n_sentences == 5000
    job = Job(lambda report: tokenize_upload(prepared, report=report, chunk_chars=500))
    job.cancel()
    assert job.start().wait(60) and job.cancelled and job.result is None


def test_slow_uploads_go_to_the_background_small_ones_do_not():
    japanese = (FIXTURES / "ja.txt").read_text()
    small = prepare_corpus_files([("a.txt", japanese.encode())])
    big = prepare_corpus_files([("a.txt", (japanese * 200).encode())])
    english = prepare_corpus_files([("a.txt", ENGLISH * 10_000)])  # 640 KB of English
    assert not needs_background(small) and needs_background(big)
    assert not needs_background(english)
    assert estimated_seconds(japanese * 200) == pytest.approx(200 * estimated_seconds(japanese))


# --- tables ------------------------------------------------------------------------------


def test_a_csv_text_column_is_joined_one_row_per_line():
    data = b'id,text,stars\n1,"A great film, truly.",5\n2,"Dull\nand long",1\n3,,2\n'
    assert table_columns("reviews.csv", data) == ["id", "text", "stars"]
    upload = read_corpus_files([("reviews.csv", data)], text_column="text")
    assert upload.text == "A great film, truly.\nDull\nand long"
    assert upload.sentences == [["a", "great", "film", "truly"], ["dull"], ["and", "long"]]
    assert upload.files[0].column == "text"
    assert texts(upload.notes) == ["reviews.csv: used the column “text” (chosen), 2 rows."]


def test_the_text_column_is_guessed_by_name_or_by_letters():
    by_name = b"id;Content;score\n1;one two;5\n2;three four;3\n"  # ';' as in European Excel
    assert guess_text_column("a.csv", by_name) == "Content"
    assert read_corpus_files([("a.csv", by_name)]).text == "one two\nthree four"
    by_letters = "n\tphrase\tdate\n1\t我喜欢学习数学\t2024-01-01\n".encode("gb18030")
    assert guess_text_column("b.tsv", by_letters) == "phrase"
    upload = read_corpus_files([("b.tsv", by_letters)])
    assert upload.encodings == {"b.tsv": "GB18030 (GBK)"}
    assert any("“phrase” (guessed)" in note for note in texts(upload.notes))
    assert guess_text_column("c.txt", b"plain text") is None and table_columns("c.txt", b"x") == []


def test_table_headers_are_cleaned():
    assert table_columns("t.csv", b"text,,text\na,b,c\n") == ["text", "column 2", "text (2)"]
    wide = ",".join(f"c{i}" for i in range(30)).encode()
    assert len(table_columns("wide.csv", wide)) == 30
    message = _error(lambda: read_corpus_files([("wide.csv", wide)], text_column="text"))
    assert "c0, c1" in message and "and 22 more" in message


def test_table_refusals():
    data = b"id,text\n1,hello world\n"
    friendly(_error(lambda: read_corpus_files([("t.csv", data)], text_column="body")),
             "no column", "body", "id, text")  # fmt: skip
    refusal([("t.csv", b"id,text\n1,\n2,  \n")], "column", "empty", text_column="text")
    refusal([("t.csv", b"a,b\n1,2\n3,4\n")], "no column with words")
    refusal([("t.csv", b",,\n1,2,3\n")], "header")


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "key_words"),
    [
        (b"", ("empty",)),
        (b"  \n\t\n ", ("empty",)),
        (PNG, ("PNG image", "not a text file")),
        (pickle.dumps({"weights": [1, 2, 3]}), ("pickle",)),
        (b"%PDF-1.7\n...", ("PDF",)),
        (np.random.default_rng(0).integers(0, 256, 4000, dtype=np.uint8).tobytes(), ()),
        (_vietnamese("Xin chào thế giới").encode("cp1258"), ("UTF-8",)),
    ],
    ids=["empty", "blank", "png", "pickle", "pdf", "random", "undecodable"],
)
def test_files_that_are_not_text_are_refused_by_name(data, key_words):
    message = refusal([("upload.txt", data)], "upload.txt", *key_words)
    assert message.startswith("upload.txt")


def test_the_size_limit_is_checked_in_code_and_named():
    refusal([("big.txt", b"a" * 11)], "big.txt", "11 bytes", "limit of 10 bytes", max_bytes=10)
    assert read_corpus_files([("ok.txt", b"one two 3")], max_bytes=10).vocab_size == 3
    together = [("a.txt", b"one two"), ("b.txt", b"three four")]
    refusal(together, "together", "17 bytes", "limit of 16 bytes", max_bytes=16)
    assert format_size(MAX_UPLOAD_BYTES) == "50 MB" and format_size(1536) == "1.5 KB"


def test_too_few_words_are_refused():
    refusal([("one.txt", b"hello hello. HELLO!")], "only one distinct word", "hello", "two")
    refusal([("a.txt", b"hi"), ("b.txt", b"hi")], "these files hold only one")
    refusal([("dots.txt", b"... !!! ---")], "no words")


def test_unknown_extensions_are_refused_saying_which_are_accepted():
    message = refusal([("thesis.docx", b"PK\x03\x04...")], "thesis.docx", ".docx")
    assert ".txt, .md, .csv or .tsv" in message
    refusal([("README", b"text")], "without an extension")
    refusal([], "no file")


def test_unexpected_failures_still_come_out_as_upload_errors(monkeypatch):
    def broken(text):
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr(uploads, "tokenize", broken)
    with pytest.raises(UploadError):
        tokenize_upload(prepare_corpus_files([("a.txt", ENGLISH)]))
    with pytest.raises(UploadError) as info:
        read_corpus_files([("a.txt", ENGLISH)])
    friendly(str(info.value), "RuntimeError")
    assert isinstance(info.value.__cause__, RuntimeError)  # kept for the logs

    @friendly_errors("thing")
    def fine():
        return 42

    assert fine() == 42 and fine.__name__ == "fine"


def _error(call) -> str:
    with pytest.raises(UploadError) as info:
        call()
    return str(info.value)


def test_read_table_gives_strings_and_none_for_empty_cells():
    data = "user;item;rating\nann;tea;5\n\nbo;jam\n".encode("utf-16")
    table = uploads.read_table("r.csv", data)
    assert list(table.columns) == ["user", "item", "rating"]
    assert table.to_dict("records") == [{"user": "ann", "item": "tea", "rating": "5"},
                                        {"user": "bo", "item": "jam", "rating": None}]  # fmt: skip
    with pytest.raises(UploadError, match="not a table"):
        uploads.read_table("r.txt", b"user,item,rating\n")
