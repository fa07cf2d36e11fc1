"""The Word2Vec facade, and saving / loading (one .npz, no pickle, training resumes exactly)."""

import io
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from explorer import Word2Vec
from explorer.models.vectors import Vectors
from explorer.models.word2vec.storage import load_state, save_state, state_to_bytes
from explorer.models.word2vec.trainer import Word2VecConfig, init_state, train_steps

ROOT = Path(__file__).resolve().parents[3]
SENTENCES = [
    ["the", "cat", "sat", "on", "the", "mat"],
    ["the", "dog", "sat", "on", "the", "log"],
    ["a", "cat", "and", "a", "dog", "are", "friends"],
    ["the", "king", "and", "the", "queen", "live", "in", "the", "palace"],
] * 25


def test_constructor_only_stores_settings():
    model = Word2Vec(vector_size=50, window=5, min_count=5, negative=5, epochs=10, seed=0)
    params = model.get_params()
    assert params["vector_size"] == 50 and params["window"] == 5 and params["batch_size"] == 32
    assert set(params) == set(Word2VecConfig.__dataclass_fields__)
    assert not hasattr(model, "wv") and not hasattr(model, "state_")
    assert "vector_size=50" in repr(model)
    with pytest.raises(TypeError):
        Word2Vec(size=50)  # gensim 3's old name
    with pytest.raises(ValueError, match="sg"):
        Word2Vec(sg=2)
    assert model.set_params(epochs=3).get_params()["epochs"] == 3


def test_fit_returns_self_with_learned_attributes():
    seen = []
    model = Word2Vec(min_count=1, epochs=4)
    assert model.fit(SENTENCES, progress=lambda f, msg: seen.append((f, str(msg)))) is model
    assert isinstance(model.wv, Vectors) and model.wv.vector_size == 16
    assert model.wv.index_to_key == model.vocab_.index_to_key
    assert model.state_.finished and model.state_.epoch == 4
    assert len(model.loss_history_) >= 4 and all(np.isfinite(model.loss_history_))
    assert seen[-1] == (1.0, "epoch 4/4") and all(np.diff([f for f, _ in seen]) >= 0)
    assert model.wv["cat"].dtype == np.float32


def test_too_few_distinct_words():
    msg = r"only 1 distinct word appears at least min_count=5 times; lower min_count or add text"
    with pytest.raises(ValueError, match=msg):
        Word2Vec(min_count=5).fit([["cat"] * 10, ["dog", "dog"]])
    with pytest.raises(ValueError, match="no word appears"):
        Word2Vec(min_count=5).fit([])


def test_from_state_wraps_a_stepped_state():
    state, _ = train_steps(init_state(SENTENCES, Word2VecConfig(min_count=1)), 5)
    model = Word2Vec.from_state(state, [3.0])
    assert model.state_ is state and model.loss_history_ == [3.0]
    np.testing.assert_array_equal(model.wv["cat"], state.W[state.vocab.key_to_index["cat"]])


# --- save / load ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stepped():
    config = Word2VecConfig(min_count=1, epochs=3, batch_size=8, sample=1e-2, seed=3)
    return init_state(SENTENCES, config)


@pytest.mark.parametrize("output", [{}, {"negative": 0, "hs": 1}], ids=["ns", "hs"])
def test_save_at_10_load_and_10_more_equals_20(stepped, tmp_path, output):
    stepped = init_state(SENTENCES, replace(stepped.config, **output))
    at10, _ = train_steps(stepped, 10)
    path = tmp_path / "model.npz"
    save_state(at10, path, loss_history=[2.0])
    loaded, history = load_state(path)
    assert history == [2.0] and loaded.step == 10
    resumed, _ = train_steps(loaded, 10)
    direct, _ = train_steps(stepped, 20)
    assert np.array_equal(resumed.W, direct.W) and np.array_equal(resumed.W_out, direct.W_out)
    assert resumed.examples_seen == direct.examples_seen
    assert loaded.config.hs == output.get("hs", 0)
    if loaded.config.hs:  # the same tree, rebuilt from the saved counts
        np.testing.assert_array_equal(loaded.tree.points, stepped.tree.points)


def test_model_round_trip_through_bytes_and_file_objects(stepped):
    model = Word2Vec.from_state(train_steps(stepped, 7)[0], [1.5, 1.2])
    data = model.to_bytes()
    for source in (data, io.BytesIO(data)):
        again = Word2Vec.load(source)
        np.testing.assert_array_equal(again.wv.vectors, model.wv.vectors)
        np.testing.assert_array_equal(again.state_.W_out, model.state_.W_out)
        assert again.get_params() == model.get_params()
        assert (
            again.loss_history_ == [1.5, 1.2]
            and again.vocab_.index_to_key == model.vocab_.index_to_key
        )
        assert list(again.vocab_.counts) == list(model.vocab_.counts)
    buffer = io.BytesIO()
    model.save(buffer)
    assert Word2Vec.load(buffer.getvalue()).state_.step == 7


def test_unicode_vocabulary_survives(tmp_path):
    model = Word2Vec(min_count=1, epochs=1).fit([["猫", "小猫", "狗"], ["国王", "王后", "猫"]] * 5)
    model.save(str(tmp_path / "zh.npz"))
    loaded = Word2Vec.load(str(tmp_path / "zh.npz"))
    assert loaded.wv.index_to_key == model.wv.index_to_key
    assert loaded.state_.finished and loaded.state_.sampler is not None  # ready to inspect


def _arrays(state) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(state_to_bytes(state)), allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}


def _write(arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _meta(arrays) -> dict:
    return json.loads(arrays["meta"].tobytes().decode("utf-8"))


def _with_meta(arrays, meta) -> dict:
    return {**arrays, "meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)}


def test_bad_files_raise_value_error(stepped):
    good = _arrays(stepped)
    meta = _meta(good)
    bad_files = {
        "not a saved": b"this is not a zip file",
        "missing arrays: W_out": _write({k: v for k, v in good.items() if k != "W_out"}),
        "W has shape": _write({**good, "W": good["W"][:-1]}),
        "NaN": _write({**good, "W": np.full_like(good["W"], np.nan)}),
        "outside the vocabulary": _write({**good, "tokens": good["tokens"] + 1000}),
        "format tag": _write(_with_meta(good, {**meta, "format": "other"})),
        "version": _write(_with_meta(good, {**meta, "version": 99})),
        "unknown settings": _write(_with_meta(good, {**meta, "config": {"size": 3}})),
        "sg must be": _write(_with_meta(good, {**meta, "config": {**meta["config"], "sg": 5}})),
        "impossible progress": _write(
            _with_meta(good, {**meta, "progress": {**meta["progress"], "epoch": 99}})
        ),
        "pickle": _write({**good, "W": np.array([{"evil": 1}], dtype=object)}),
    }
    for expected, data in bad_files.items():
        with pytest.raises(ValueError, match=expected):
            Word2Vec.load(data)


def test_saving_an_unfitted_model_says_so():
    with pytest.raises(ValueError, match="fit"):
        Word2Vec().to_bytes()


def test_hierarchical_softmax_through_the_facade():
    model = Word2Vec(min_count=1, epochs=2, hs=1, negative=0).fit(SENTENCES)
    assert model.get_params()["hs"] == 1 and "hs=1" in repr(model)
    tree = model.state_.tree
    assert tree.n_words == len(model.vocab_)
    the = model.wv.key_to_index["the"]  # the most frequent word: the shortest path
    assert len(tree.code(the)) == tree.lengths.min()
    assert np.isfinite(model.loss_history_).all()
