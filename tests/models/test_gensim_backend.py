"""The gensim backend: same settings, same vocabulary, our Vectors; and our formulas match it."""

import numpy as np
import pytest

from explorer.models.gensim_backend import from_gensim, gensim_params, to_gensim, train_gensim
from explorer.models.vectors import Vectors
from explorer.models.word2vec.plan import keep_probabilities
from explorer.models.word2vec.trainer import Word2VecConfig, init_state

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
    wv = train_gensim(SENTENCES, config, progress=lambda f, msg: seen.append((f, str(msg))))
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


def test_our_hierarchical_softmax_scores_sentences_as_gensim_does():
    """gensim's score() (hierarchical softmax only) on our weights: log p(word | context)
    summed over a sentence's words, CBOW, full window. gensim reads sigmoids from a table
    (clipped at |x| = 6), so the sums agree to a few percent, not to the last digit."""
    from explorer.models.gensim_backend import to_gensim_model
    from explorer.models.word2vec.trainer import train_steps
    from explorer.text.samples import load_sample_text
    from explorer.text.tokenize import tokenize

    sentences = tokenize(load_sample_text("english"))[:300]
    config = Word2VecConfig(negative=0, hs=1, window=2, shrink_windows=False)
    state, _ = train_steps(init_state(sentences, config), 200)
    model = to_gensim_model(state)
    assert model.wv.index_to_key == state.vocab.index_to_key and model.hs == 1
    for w in range(len(state.vocab)):  # gensim's own tree from our counts: ours
        np.testing.assert_array_equal(model.wv.get_vecattr(w, "point"), state.tree.point(w))
    theirs = model.score(sentences[:20], total_sentences=20)
    index, V = state.vocab.key_to_index, len(state.vocab)
    ours = []
    for sentence in sentences[:20]:
        ids = [index[w] for w in sentence if w in index]
        total = 0.0
        for i, w in enumerate(ids):
            context = [ids[j] for j in range(max(0, i - 2), min(len(ids), i + 3)) if j != i]
            if context:
                scores = state.W_out[: V - 1] @ state.W[context].mean(axis=0)
                total += state.tree.word_log_probabilities(scores)[w]
        ours.append(total)
    np.testing.assert_allclose(ours, theirs, rtol=0.04)
    assert np.corrcoef(ours, theirs)[0, 1] > 0.999
    assert gensim_params(config)["hs"] == 1 and gensim_params(config)["negative"] == 0
