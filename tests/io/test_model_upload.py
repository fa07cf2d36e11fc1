"""Model uploads: our .npz both ways; pickles, other files and damaged models are refused."""

import io
import json
import pickle
import zipfile

import numpy as np
import pytest

from explorer import Word2Vec
from explorer.io.model_upload import read_model
from explorer.text.tokenize import tokenize
from tests.refusals import refusal

TEXT = "the cat sat on the mat. the dog sat on the log. a cat and a dog met."


@pytest.fixture(scope="module")
def model() -> Word2Vec:
    return Word2Vec(vector_size=8, min_count=1, epochs=2, seed=3).fit(tokenize(TEXT))


@pytest.fixture(scope="module")
def arrays(model) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(model.to_bytes())) as npz:
        return {name: npz[name] for name in npz.files}


def npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def refused(name, data, *key_words, **kwargs) -> str:
    return refusal(read_model, name, data, *key_words, **kwargs)


def test_our_model_file_both_ways(model):
    loaded = read_model("model.npz", model.to_bytes())
    assert loaded.wv.index_to_key == model.wv.index_to_key
    np.testing.assert_array_equal(loaded.wv.vectors, model.wv.vectors)
    assert loaded.get_params() == model.get_params()
    assert loaded.loss_history_ == model.loss_history_
    again = read_model("again.npz", loaded.to_bytes())
    np.testing.assert_array_equal(again.state_.W_out, model.state_.W_out)


@pytest.mark.parametrize(
    ("name", "data", "key_words"),
    [
        ("model.npz", b"", ("empty", ".npz")),
        ("word2vec.model", b"\x80\x04whatever", ("pickle", "run code", "save_word2vec_format")),
        ("model.npz", pickle.dumps({"W": [1, 2]}), ("pickle", "not opened")),
        ("model.npz", b"\x89PNG\r\n\x1a\n\x00\x00", ("PNG image", "Train page")),
        ("vectors.txt", b"2 3\ncat 1 0 0\ndog 0 1 0\n", ("word vectors",)),
        ("model.npz", b"PK\x03\x04 not really a zip", ("damaged",)),
    ],
    ids=["empty", "gensim-model", "pickle", "png", "vectors", "bad-zip"],
)
def test_files_that_are_not_models_are_refused(name, data, key_words):
    refused(name, data, name, *key_words)


def test_random_binary_is_refused():
    for seed in range(3):
        data = np.random.default_rng(seed).integers(0, 256, 2000, dtype=np.uint8).tobytes()
        refused("model.npz", data, "model.npz")


def test_a_truncated_model_is_damaged(model):
    data = model.to_bytes()
    refused("model.npz", data[: len(data) // 2], "damaged")


def test_zip_files_that_are_not_our_model(arrays):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    refused("report.npz", buffer.getvalue(), "not a saved model", "no arrays")
    partial = {k: v for k, v in arrays.items() if k != "W_out"}
    refused("model.npz", npz(**partial), "not a model saved by Embedding Explorer", "W_out")


def test_a_pickle_inside_the_npz_is_refused_unopened(arrays):
    evil = dict(arrays, W=np.array([{"x": 1}] * len(arrays["W"]), dtype=object))
    refused("model.npz", npz(**evil), "pickled", "run code", "not opened")


@pytest.mark.parametrize(
    ("change", "key_words"),
    [
        (lambda a: {"W": a["W"][:, :4]}, ("W has shape",)),
        (lambda a: {"W": np.full_like(a["W"], np.nan)}, ("NaN",)),
        (lambda a: {"meta": np.frombuffer(b"{not json", dtype=np.uint8)}, ("usable",)),
        (lambda a: {"tokens": a["tokens"] + 1000}, ("outside the vocabulary",)),
        (
            lambda a: {
                "meta": np.frombuffer(
                    json.dumps({"format": "something else"}).encode(), dtype=np.uint8
                )
            },
            ("format tag",),
        ),
        (lambda a: {"meta": np.zeros(3, dtype=np.float64)}, ("meta",)),
    ],
    ids=["shape", "nan", "json", "ids", "format", "meta-dtype"],
)
def test_damaged_models_say_what_is_wrong(arrays, change, key_words):
    refused("model.npz", npz(**dict(arrays, **change(arrays))), "not a usable", *key_words)


def test_the_size_limit_and_the_unpacked_size_are_checked(model):
    data = model.to_bytes()
    just_over = len(data) - 1  # 2.1 KB either way: the message shows the bytes
    refused("model.npz", data, f"is {len(data):,} bytes", f"limit of {just_over:,} bytes",
            max_bytes=just_over)  # fmt: skip
    refused("model.npz", data, "2.1 KB", "limit of 100 bytes", "smaller corpus", max_bytes=100)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, W=np.zeros(3_000_000, dtype=np.uint8))  # 3 MB in ~3 KB
    refused("bomb.npz", buffer.getvalue(), "unpacks to 2.9 MB", max_bytes=100_000)
