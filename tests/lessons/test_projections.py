"""The projection explorer's steps: the map's words, the chosen word, what is drawn."""

from types import SimpleNamespace

import numpy as np

from explorer.lessons.projections import (
    axes_map,
    chosen_word,
    found_words,
    kmeans_groups,
    map_words,
    neighbourhood,
    neighbours_table,
    project,
    shown_rows,
    side_by_side,
    subset,
    variance_shares,
)
from explorer.models.vectors import Vectors

rng = np.random.default_rng(0)
WORDS = ["the", "man", "woman", "king", "queen", "cat", "dog", "puppy", "house", "tree"]
WV = Vectors(WORDS, rng.normal(size=(len(WORDS), 6)))


def test_the_map_holds_the_top_words_then_the_typed_and_found_ones():
    m = map_words(WV, 3, "pets: cat, puppy, unicorn", found=["tree"])
    assert m.words == ["the", "man", "woman", "cat", "puppy", "tree"]
    assert m.beyond == ["cat", "puppy", "tree"] and m.n == 3
    assert m.examples == ["cat", "puppy", "unicorn"]
    assert m.groups.unknown == ["unicorn"]
    assert m.X.dtype == np.float32 and m.X.shape == (6, 6)
    np.testing.assert_array_equal(m.X[3], WV["cat"])


def test_found_words_keep_the_known_ones():
    assert found_words(WV, ["cat", "unicorn"]) == ["cat"]
    assert found_words(WV, None) == []


def test_the_chosen_word_is_the_clicked_point_else_the_first_found():
    click = SimpleNamespace(selection=SimpleNamespace(points=[{"customdata": 4}]))
    assert chosen_word(WORDS, click, find=["cat"]) == "queen"
    assert chosen_word(WORDS, None, find=["cat"]) == "cat"
    assert chosen_word(WORDS, SimpleNamespace(selection=SimpleNamespace(points=[])), []) is None


def test_an_isolated_neighbourhood_and_its_rows():
    X = WV.vectors
    near, around = neighbourhood(X, WORDS, "cat", 3)
    rows = shown_rows(len(WORDS), near, around, isolate=True)
    assert rows.tolist() == around.tolist() and rows[0] == WORDS.index("cat")
    assert shown_rows(len(WORDS), near, around, isolate=False).tolist() == list(range(10))
    assert shown_rows(len(WORDS), [], np.zeros(0, int), isolate=True).tolist() == list(range(10))
    assert subset(WORDS, np.array([1, 3])) == ["man", "king"] and subset(None, rows) is None
    table = neighbours_table(near, "cosine")
    assert list(table.columns) == ["word", "cosine"] and len(table) == 3


def test_pca_shares_side_by_side_and_clusters():
    proj = project(WV.vectors, "pca", 2)
    shares = variance_shares(proj)
    assert shares.startswith("PC1 ") and shares.count("%") == 2
    other, trust = side_by_side(WV.vectors, "pca")
    np.testing.assert_allclose(other.coords, proj.coords)
    assert 0 <= trust <= 1
    assert len(kmeans_groups(WV.vectors, 3)) == len(WORDS)


def test_word_axes_or_why_not():
    proj, problem = axes_map(WV, ["woman - man", "queen - king", None], WORDS)
    assert problem == "" and proj.coords.shape == (len(WORDS), 2)
    proj, problem = axes_map(WV, ["woman - unicorn", "queen - king", ""], WORDS)
    assert proj is None and "unicorn" in problem
