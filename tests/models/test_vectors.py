"""Vectors: lookups, neighbours, analogies (3CosAdd, 3CosMul), odd one out, gensim round trip."""

import numpy as np
import pytest

from explorer.models.vectors import Vectors


@pytest.fixture
def wv() -> Vectors:
    """Hand-made: axis 0 = royal, 1 = male, 2 = female, 3 = animal; "zero" never moved."""
    words = {
        "king": [1, 1, 0, 0],
        "queen": [1, 0, 1, 0],
        "man": [0, 1, 0, 0],
        "woman": [0, 0, 1, 0],
        "prince": [0.8, 0.9, 0, 0.1],
        "cat": [0, 0, 0, 1],
        "kitten": [0, 0.1, 0.1, 1],
        "zero": [0, 0, 0, 0],
    }
    return Vectors(
        list(words),
        np.array(list(words.values()), dtype=np.float32),
        counts=[8, 7, 6, 5, 4, 3, 2, 1],
    )


def test_lookups(wv):
    assert len(wv) == 8 and "cat" in wv and "dog" not in wv and wv.vector_size == 4
    np.testing.assert_array_equal(wv["king"], [1, 1, 0, 0])
    assert wv[["king", "cat"]].shape == (2, 4)
    assert wv.key_to_index["cat"] == 5 and wv.index_to_key[5] == "cat"
    assert np.linalg.norm(wv.get_vector("king", norm=True)) == pytest.approx(1)
    assert wv.vectors.dtype == np.float32


def test_unknown_words_raise_a_readable_key_error(wv):
    for call in (
        lambda: wv["xyzzy"],
        lambda: wv.most_similar("xyzzy"),
        lambda: wv.similarity("cat", "xyzzy"),
        lambda: wv.analogy("king", "xyzzy", "woman"),
        lambda: wv.rank("xyzzy", "cat"),
    ):
        with pytest.raises(KeyError, match="'xyzzy' is not in the vocabulary"):
            call()


def test_most_similar_leaves_out_the_query_words(wv):
    top = wv.most_similar("king", topn=3)
    assert [w for w, _ in top] == ["prince", "man", "queen"]
    assert top[0][1] == pytest.approx(wv.similarity("king", "prince"))
    both = wv.most_similar(positive=["king", "queen"], topn=10)
    assert "king" not in dict(both) and "queen" not in dict(both) and len(both) == 6
    assert [w for w, _ in wv.most_similar(["cat"], topn=1)] == ["kitten"]


def test_analogy_3cosadd_and_3cosmul(wv):
    assert wv.analogy("king", "man", "woman")[0][0] == "queen"
    assert wv.analogy("king", "man", "woman", method="3cosmul")[0][0] == "queen"
    assert wv.most_similar(positive=["king", "woman"], negative=["man"])[0][0] == "queen"
    assert wv.most_similar_cosmul(positive=["king", "woman"], negative=["man"])[0][0] == "queen"
    with pytest.raises(ValueError, match="method"):
        wv.analogy("king", "man", "woman", method="nope")


def test_3cosmul_matches_its_formula(wv):
    def shifted(a, b):
        return (1 + wv.similarity(a, b)) / 2

    score = dict(wv.most_similar_cosmul(positive=["king", "woman"], negative=["man"]))["queen"]
    expected = (
        shifted("queen", "king") * shifted("queen", "woman") / (shifted("queen", "man") + 1e-6)
    )
    assert score == pytest.approx(expected, rel=1e-5)


def test_similarity_doesnt_match_and_rank(wv):
    assert wv.similarity("cat", "kitten") > wv.similarity("cat", "king")
    assert wv.similarity("king", "king") == pytest.approx(1)
    assert wv.doesnt_match(["king", "queen", "prince", "cat"]) == "cat"
    assert wv.rank("king", "prince") == 1
    assert wv.rank("king", "man") == 2
    assert wv.rank("king", "queen") == 3


def test_zero_vectors_give_zero_not_nan(wv):
    assert wv.similarity("zero", "cat") == 0.0
    assert np.all(np.isfinite(wv.cosines("zero")))
    sims = wv.most_similar("zero", topn=7)
    assert all(np.isfinite(s) for _, s in sims)
    assert not np.isnan(wv.get_vector("zero", norm=True)).any()


def test_vector_queries(wv):
    top = wv.most_similar(positive=[np.array([0, 0, 0, 1.0])], topn=1)
    assert top == [("cat", pytest.approx(1.0))]


@pytest.mark.filterwarnings("ignore:Call to deprecated `init_sims`:DeprecationWarning")
def test_gensim_round_trip_keeps_values(wv):
    wv = Vectors(wv.index_to_key[:-1], wv.vectors[:-1], wv.counts[:-1])  # gensim NaNs on zeros
    kv = wv.to_gensim()
    assert list(kv.index_to_key) == wv.index_to_key
    np.testing.assert_array_equal(kv.vectors, wv.vectors)
    assert kv.get_vecattr("king", "count") == 8
    back = Vectors.from_gensim(kv)
    np.testing.assert_array_equal(back.vectors, wv.vectors)
    assert back.index_to_key == wv.index_to_key and list(back.counts) == list(wv.counts)
    # gensim agrees with our neighbours and analogies
    ours = wv.most_similar("king", topn=3)
    theirs = kv.most_similar("king", topn=3)
    assert [w for w, _ in ours] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], rtol=1e-5)
    q = dict(wv.most_similar_cosmul(["king", "woman"], ["man"], topn=3))
    g = dict(kv.most_similar_cosmul(["king", "woman"], ["man"], topn=3))
    assert q.keys() == g.keys()
    assert q["queen"] == pytest.approx(g["queen"], rel=1e-5)
    assert wv.rank("king", "queen") == kv.rank("king", "queen")


def test_bad_construction():
    with pytest.raises(ValueError, match="one vector per word"):
        Vectors(["a", "b"], np.zeros((3, 2)))
    with pytest.raises(ValueError, match="distinct"):
        Vectors(["a", "a"], np.zeros((2, 2)))
