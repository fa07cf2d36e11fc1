"""Uploads in the sidebar, driven by AppTest: what is read, what is refused, what survives."""

import pickle
import threading
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from bench.encoding import FIXTURES, binary_files, source
from explorer.io import uploads
from tests import pagetest

ROOT = Path(__file__).resolve().parent.parent
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)
CHINESE = "我喜欢学习数学。猫和小猫在家里睡觉。狗和小狗在公园里跑。" * 20


def open_app(page: str | None = None) -> AppTest:
    return pagetest.open_app(page)


def upload(at: AppTest, key: str, name: str, data: bytes) -> AppTest:
    if not at.session_state["upload.open"]:
        at.sidebar.toggle(key="upload.open").set_value(True).run()
    at.sidebar.file_uploader(key=key).set_value((name, data, "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sidebar_text(at: AppTest) -> str:
    shown = [*at.sidebar.caption, *at.sidebar.error, *at.sidebar.info, *at.sidebar.warning]
    return " ".join(str(e.value) for e in shown)


def test_a_gb18030_chinese_upload_becomes_the_corpus():
    at = open_app("pages/corpus.py")
    upload(at, "upload.corpus_files", "notes.txt", CHINESE.encode("gb18030"))
    assert at.session_state["app.sample"] == "upload"
    assert "GB18030" in sidebar_text(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Script"] == "Chinese"
    assert int(metrics["Sentences"]) == 60


def test_a_csv_upload_uses_its_text_column():
    at = open_app("pages/corpus.py")
    table = "id,review\n" + "\n".join(f"{i},the cat sat on the mat number {i}" for i in range(30))
    upload(at, "upload.corpus_files", "reviews.csv", table.encode())
    assert at.session_state["upload.columns"] == ["id", "review"]
    assert {m.label: m.value for m in at.metric}["Sentences"] == "30"


def test_refusals_keep_the_model_and_the_corpus():
    at = open_app("pages/train.py")
    at.button(key="train.step").click().run()
    run = at.session_state["train.run"]
    W, step = run.state.W.copy(), run.step
    binaries = dict(binary_files())
    for name, data, words in [
        ("empty.txt", b"", "empty"),
        ("picture.txt", PNG, "PNG"),
        ("model.txt", pickle.dumps({"a": 1}), "pickle"),
        ("old_model.txt", pickle.dumps({"a": 1}, protocol=0), "pickle"),
        ("words.txt", binaries["an SQLite database"], "SQLite"),
        ("weights.txt", binaries[".npz"], "ZIP"),
        ("noise.txt", binaries["random bytes"], "binary"),
        ("one.txt", b"word word word", "two"),
    ]:
        upload(at, "upload.corpus_files", name, data)
        assert words.lower() in sidebar_text(at).lower(), (name, sidebar_text(at))
        assert at.session_state["app.sample"] == "english"
        assert at.session_state["train.run"] is run and run.step == step
        np.testing.assert_array_equal(run.state.W, W)
        assert "Traceback" not in sidebar_text(at)


def test_vectors_upload_and_a_pickle_refused():
    at = open_app("pages/similarity.py")
    text = "3 2\ncat 1 0\nkitten 0.9 0.1\n<script>alert(1)</script> 0 1\n"
    upload(at, "upload.vector_files", "mine.txt", text.encode())
    name, wv, _ = at.session_state["upload.vectors"]
    assert name == "mine.txt" and len(wv) == 3 and "<script>alert(1)</script>" in wv
    upload(at, "upload.vector_files", "model.model", pickle.dumps([1, 2]))
    assert "pickle" in sidebar_text(at).lower()
    assert at.session_state["upload.vectors"][1] is wv  # the earlier vectors stay


def test_a_saved_model_loads_where_it_left_off():
    from explorer.models.word2vec.storage import state_to_bytes

    at = open_app("pages/train.py")
    at.number_input(key="train.n").set_value(2).run()
    at.button(key="train.stepn").click().run()
    run = at.session_state["train.run"]
    data = state_to_bytes(run.state, run.losses)
    fresh = open_app("pages/train.py")
    upload(fresh, "upload.model_file", "model.npz", data)
    fresh.run()
    loaded = fresh.session_state["train.run"]
    assert loaded.step == run.step
    np.testing.assert_array_equal(loaded.state.W, run.state.W)
    assert {m.label: m.value for m in fresh.metric}["Step"] == f"{run.step:,}"
    upload(fresh, "upload.model_file", "broken.npz", b"PK\x03\x04 not really a zip")
    assert fresh.session_state["train.run"] is loaded


def test_a_windows_1252_upload_loads_and_says_the_encoding_was_guessed():
    at = open_app("pages/corpus.py")
    upload(at, "upload.corpus_files", "lettre.txt", source("fr").encode("cp1252"))
    assert at.session_state["app.sample"] == "upload"
    assert "Windows-1252" in sidebar_text(at)
    notes = [str(e.value) for e in at.sidebar.info]
    assert notes == ["lettre.txt: read as Windows-1252 (Western, Latin-1), a guess: if some "
                     "letters look wrong, save the file as UTF-8 and upload it again."]
    assert "cœur" in at.session_state["upload.corpus"].corpus.vocab


def test_a_colourised_log_loads_and_says_what_was_removed():
    at = open_app("pages/corpus.py")
    data = (FIXTURES / "terminal" / "pytest_color.txt").read_bytes()
    upload(at, "upload.corpus_files", "log.txt", data)
    assert at.session_state["app.sample"] == "upload"
    n = data.count(b"\x1b")
    assert f"removed {n} terminal codes" in sidebar_text(at)


@pytest.fixture
def slow_upload(monkeypatch) -> threading.Event:
    """Every corpus upload goes to the background, and its job waits for the event."""
    monkeypatch.setattr(uploads, "BACKGROUND_AFTER_SECONDS", 0.0)
    release = threading.Event()
    real_tokenize = uploads.tokenize

    def gated_tokenize(text):  # holds the job in its first piece until the test says so
        release.wait(60)
        return real_tokenize(text)

    monkeypatch.setattr(uploads, "tokenize", gated_tokenize)
    yield release
    release.set()


def test_a_slow_upload_is_tokenized_in_the_background_then_becomes_the_corpus(slow_upload):
    at = open_app("pages/corpus.py")
    upload(at, "upload.corpus_files", "notes.txt", CHINESE.encode("gb18030"))
    job, name, _columns = at.session_state["upload.job"]
    assert name == "notes.txt" and at.session_state["app.sample"] == "english"
    progress = at.sidebar.get("progress")
    assert len(progress) == 1 and "Tokenizing notes.txt: 0% done" in str(progress[0].proto)
    slow_upload.set()
    assert job.wait(60) and job.error is None
    at.run()  # in the browser, the progress fragment's timer starts this run
    assert "upload.job" not in at.session_state and not at.sidebar.get("progress")
    assert at.session_state["app.sample"] == "upload"
    assert {m.label: m.value for m in at.metric}["Sentences"] == "60"


def test_cancelling_a_slow_upload_keeps_the_corpus_and_the_model(slow_upload):
    at = open_app("pages/train.py")
    at.button(key="train.step").click().run()
    run = at.session_state["train.run"]
    W = run.state.W.copy()
    upload(at, "upload.corpus_files", "notes.txt", CHINESE.encode("gb18030"))
    job = at.session_state["upload.job"][0]
    at.sidebar.button(key="upload.cancel").click().run()
    slow_upload.set()
    assert job.wait(60) and job.cancelled
    at.run()
    assert "Cancelled: notes.txt was not loaded" in sidebar_text(at)
    assert at.session_state["app.sample"] == "english" and "upload.corpus" not in at.session_state
    assert at.session_state["train.run"] is run
    np.testing.assert_array_equal(run.state.W, W)
