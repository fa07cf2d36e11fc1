"""PCA, word axes on hand-made vectors, and projections cached by content."""

import numpy as np
import pytest

from explorer.maps.pca import pca, pca_basis
from explorer.maps.projection import (
    cache_key,
    clear_cache,
    map_labels,
    map_rows,
    parse_axis,
    project,
    word_axes,
)
from explorer.models.vectors import Vectors


@pytest.mark.parametrize("shape", [(500, 40), (30, 80)])  # covariance path, then SVD path
@pytest.mark.parametrize("n_components", [2, 3])
def test_pca_matches_scikit_learn(shape, n_components):
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(0)
    X = (rng.standard_normal(shape) * np.linspace(3, 0.1, shape[1])).astype(np.float32)
    proj = pca(X, n_components)
    ref = PCA(n_components).fit(X.astype(np.float64))
    assert proj.coords.shape == (shape[0], n_components) and proj.method == "pca"
    assert np.allclose(proj.explained_variance, ref.explained_variance_ratio_, rtol=1e-4)
    ours = np.abs(proj.coords)
    theirs = np.abs(ref.transform(X.astype(np.float64)))
    assert np.allclose(ours, theirs, atol=1e-3 * theirs.max())  # same axes, up to sign
    assert str(proj.axis_labels[0]).startswith("PC1 (")


def test_pca_basis_keeps_its_axes_for_later_vectors():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((200, 10)).astype(np.float32)
    basis = pca_basis(X, 2)
    later = X + 0.01
    assert np.allclose(basis.transform(later), basis.transform(X) + 0.01 * basis.components.sum(1))
    # fewer dimensions than axes: padded with an empty axis, as alignment.PCABasis does
    flat = pca(X[:, :1], 2)
    assert flat.coords.shape == (200, 2) and np.all(flat.coords[:, 1] == 0)


@pytest.fixture
def wv():
    # Drawn on squared paper: woman - man points up, big - small points right.
    words = ["man", "woman", "king", "queen", "small", "big"]
    vectors = [[0, 0], [0, 2], [3, 0], [3, 2], [1, 1], [5, 1]]
    return Vectors(words, np.array(vectors, dtype=np.float32))


def test_parse_axis_reads_sums_and_differences_and_keeps_hyphenated_words():
    assert parse_axis("woman - man") == [(1.0, "woman"), (-1.0, "man")]
    assert parse_axis(" king - man + woman ") == [(1.0, "king"), (-1.0, "man"), (1.0, "woman")]
    assert parse_axis("well-known - bad") == [(1.0, "well-known"), (-1.0, "bad")]
    assert parse_axis("- man") == [(-1.0, "man")]
    for bad in ["", "woman -", "- ", "king queen", "king - - man"]:
        with pytest.raises(ValueError, match="cannot read the axis"):
            parse_axis(bad)


def test_word_axes_coordinates_are_projections_on_the_unit_difference(wv):
    proj = word_axes(wv, x="big - small", y="woman - man")
    # big - small = (4, 0): the unit x axis; woman - man = (0, 2): the unit y axis
    assert np.allclose(proj.coords, wv.vectors)
    assert proj.axis_labels == ["big - small", "woman - man"] and proj.notes == []
    only = word_axes(wv, x="big - small", y="woman - man", words=["queen", "small"])
    assert np.allclose(only.coords, [[3, 2], [1, 1]])


def test_similar_axes_get_a_note_and_orthogonalising_removes_x_from_y(wv):
    # queen - man = (3, 2): cosine 2 / sqrt(13) = 0.55 with woman - man
    proj = word_axes(wv, x="woman - man", y="queen - man")
    u = np.array([3, 2]) / np.sqrt(13)
    assert np.allclose(proj.coords[:, 0], wv.vectors[:, 1])
    assert np.allclose(proj.coords[:, 1], wv.vectors @ u, atol=1e-6)
    assert len(proj.notes) == 1 and "cosine 0.55" in str(proj.notes[0])
    ortho = word_axes(wv, x="woman - man", y="queen - man", orthogonalise=True)
    assert np.allclose(ortho.coords, wv.vectors[:, ::-1])  # y is now (1, 0)
    assert ortho.notes == []


def test_word_axes_in_3d_and_the_errors_a_learner_can_meet(wv):
    three = word_axes(wv, x="big - small", y="woman - man", z="king")
    assert three.coords.shape == (6, 3)
    assert np.allclose(three.coords[:, 2], wv.vectors[:, 0])  # king = (3, 0): unit x
    with pytest.raises(ValueError, match="no direction"):
        word_axes(wv, x="man - man", y="king")
    with pytest.raises(KeyError, match="xyzzy"):
        word_axes(wv, x="xyzzy - man", y="king")
    with pytest.raises(ValueError, match="adds no new direction"):
        word_axes(wv, x="woman - man", y="queen - king", orthogonalise=True)


def test_cache_key_follows_the_content_not_the_object():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 8)).astype(np.float32)
    same = np.array(X, copy=True)  # another object, the same content
    assert cache_key(X, method="tsne", perplexity=30) == cache_key(
        same, perplexity=30, method="tsne"
    )
    assert cache_key(np.asfortranarray(X), a=1) == cache_key(X, a=1)  # memory layout ignored
    changed = X.copy()
    changed[17, 3] += 1e-6
    assert cache_key(changed, a=1) != cache_key(X, a=1)
    assert cache_key(X, perplexity=30) != cache_key(X, perplexity=31)
    assert cache_key(X.astype(np.float64), a=1) != cache_key(X, a=1)
    assert cache_key(X.reshape(100, 4), a=1) != cache_key(X, a=1)
    init = rng.standard_normal((50, 2))
    assert cache_key(X, init=init) == cache_key(X, init=init.copy())
    assert cache_key(X, init=init) != cache_key(X, init=init + 1)


def test_project_remembers_results_by_content():
    clear_cache()
    X = np.random.default_rng(0).standard_normal((60, 6)).astype(np.float32)
    first = project(X, "pca")
    assert project(X.copy(), "pca") is first
    assert not first.coords.flags.writeable
    assert project(X, "pca", n_components=3) is not first
    t = project(X, "tsne", perplexity=5, n_iter=50)
    assert t.method == "tsne" and t.params["perplexity"] == 5
    with pytest.raises(ValueError, match="method"):
        project(X, "umap")


def test_map_rows_are_the_most_frequent_then_the_examples_beyond_them():
    key_to_index = {w: i for i, w in enumerate(["the", "cat", "of", "dog", "puppy", "princess"])}
    rows = map_rows(key_to_index, 3, ["puppy", "cat", "xyzzy", "puppy", "princess"])
    assert rows.tolist() == [0, 1, 2, 4, 5]  # cat is already there; xyzzy is unknown
    assert map_rows(key_to_index, 100).tolist() == list(range(6))  # n is capped
    assert map_rows(key_to_index, 0, ["dog"]).tolist() == [3]
    assert map_rows(key_to_index, 2).dtype == np.int64


def test_map_labels_are_examples_and_chosen_words_then_frequent_content_words():
    words = ["the", "in", "people", "of", "cat", "old", "kitten", "dog", "is"]
    assert map_labels(words, 2) == ["people", "cat"]  # no "the", "in", "of"
    assert map_labels(words, 2, examples=["kitten", "xyzzy"], chosen=["is"]) == [
        "kitten",  # an example first; xyzzy is not on the map
        "is",  # a word the user asked for is labelled, function word or not
        "people",
        "cat",
    ]
    assert map_labels(words, 0, examples=["dog"]) == ["dog"]
