"""The gensim backend: same settings, same vocabulary, our Vectors; and our formulas match it."""

import numpy as np
import pytest

from explorer.gensim_backend import from_gensim, gensim_params, to_gensim, train_gensim
from explorer.training import Word2VecConfig, init_state, keep_probabilities
from explorer.vectors import Vectors

SENTENCES = [
    ["the", "cat", "sat", "on", "the", "mat"],
    ["the", "dog", "sat", "on", "the", "log"],
    ["a", "cat", "and", "a", "dog", "are", "friends"],
    ["the", "king", "and", "the", "queen", "live", "in", "the", "palace"],
    ["rare"],
] * 20 + [["once"]]


def test_settings_map_to_gensim_names():
    config = Word2VecConfig(vector_size=8, window=3, sg=1, negative=0, sample=1e-3, seed=4)
    params = gensim_params(config)
    assert params["vector_size"] == 8 and params["window"] == 3 and params["sg"] == 1
    assert params["hs"] == 1 and params["negative"] == 0  # no full softmax in gensim
    assert params["cbow_mean"] == 1 and params["workers"] == 1 and params["seed"] == 4
    assert gensim_params(Word2VecConfig())["hs"] == 0


def test_train_gensim_gives_our_vectors_with_our_vocabulary():
    seen = []
    config = Word2VecConfig(min_count=2, epochs=3)
    wv = train_gensim(SENTENCES, config, progress=lambda f, msg: seen.append((f, msg)))
    assert isinstance(wv, Vectors) and wv.vector_size == config.vector_size
    ours = init_state(SENTENCES, config).vocab
    # the same words with the same counts (ties may be ordered differently)
    theirs = dict(zip(wv.index_to_key, wv.counts, strict=True))
    assert theirs == dict(zip(ours.index_to_key, ours.counts, strict=True))
    assert seen == [(1 / 3, "epoch 1/3"), (2 / 3, "epoch 2/3"), (1.0, "epoch 3/3")]
    again = train_gensim(SENTENCES, config)
    np.testing.assert_array_equal(again.vectors, wv.vectors)  # workers=1: reproducible


def test_train_gensim_refuses_a_tiny_vocabulary():
    with pytest.raises(ValueError, match="only 1 distinct word"):
        train_gensim([["cat"] * 5, ["dog"]], Word2VecConfig(min_count=2))


def test_round_trip_keeps_values():
    rng = np.random.default_rng(0)
    wv = Vectors(["a", "b", "c"], rng.normal(size=(3, 5)), counts=[5, 3, 1])
    kv = to_gensim(wv)
    back = from_gensim(kv)
    np.testing.assert_array_equal(back.vectors, wv.vectors)
    assert back.index_to_key == ["a", "b", "c"] and list(back.counts) == [5, 3, 1]


def test_downsampling_matches_gensim():
    from gensim.models import Word2Vec as GensimWord2Vec

    model = GensimWord2Vec(min_count=1, sample=1e-2, workers=1)
    model.build_vocab(SENTENCES)
    counts = np.array([model.wv.get_vecattr(w, "count") for w in model.wv.index_to_key])
    theirs = np.array([model.wv.get_vecattr(w, "sample_int") for w in model.wv.index_to_key])
    np.testing.assert_allclose(keep_probabilities(counts, 1e-2), theirs / (2**32 - 1), rtol=1e-6)
