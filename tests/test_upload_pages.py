"""Uploads in the sidebar, driven by AppTest: what is read, what is refused, what survives."""

import pickle
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

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
    return " ".join(str(e.value) for e in [*at.sidebar.caption, *at.sidebar.error])


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
    for name, data, words in [
        ("empty.txt", b"", "empty"),
        ("picture.txt", PNG, "PNG"),
        ("model.txt", pickle.dumps({"a": 1}), "pickle"),
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
    from explorer.model_io import state_to_bytes

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
