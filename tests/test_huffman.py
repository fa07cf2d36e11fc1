"""The Huffman tree equals gensim's, and its paths define a probability distribution."""

import numpy as np
import pytest

from explorer.corpus import tokenize
from explorer.huffman import HuffmanTree
from explorer.samples import gensim_test_data_dir, load_sample_text


def _gensim_tree(sentences):
    """gensim's vocabulary (its own order and counts) and codes/points after build_vocab."""
    from gensim.models import Word2Vec

    model = Word2Vec(vector_size=8, min_count=2, hs=1, negative=0, workers=1)
    model.build_vocab(sentences)
    wv = model.wv
    counts = np.array([wv.get_vecattr(i, "count") for i in range(len(wv))])
    codes = [np.asarray(wv.get_vecattr(i, "code")) for i in range(len(wv))]
    points = [np.asarray(wv.get_vecattr(i, "point")) for i in range(len(wv))]
    return counts, codes, points


def _corpora():
    yield "english", tokenize(load_sample_text("english"))
    yield "chinese", tokenize(load_sample_text("chinese"))
    path = gensim_test_data_dir() / "head500.noblanks.cor"
    if path.exists():
        yield "head500", [line.split() for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    "name,sentences", list(_corpora()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_codes_and_points_equal_gensims(name, sentences):
    counts, codes, points = _gensim_tree(sentences)
    tree = HuffmanTree.from_counts(counts)
    assert len(counts) > 100  # a real vocabulary, with many ties between equal counts
    for w in range(len(counts)):
        np.testing.assert_array_equal(tree.code(w), codes[w])
        np.testing.assert_array_equal(tree.point(w), points[w])


def test_small_tree_by_hand():
    tree = HuffmanTree.from_counts([40, 30, 20, 10])
    # 10 + 20 -> node 0 (30); word 1 (30) and node 0 (30) -> node 1 (60); 40 + 60 -> root
    assert tree.children.tolist() == [[3, 2], [1, 4], [0, 5]]
    assert tree.node_counts.tolist() == [30, 60, 100]
    assert [tree.code(w).tolist() for w in range(4)] == [[0], [1, 0], [1, 1, 1], [1, 1, 0]]
    assert tree.lengths.tolist() == [1, 2, 3, 3] and tree.root == 2
    assert tree.mean_code_length() == pytest.approx((40 + 60 + 60 + 30) / 100)
    labels = tree.labels()
    assert labels[0].tolist() == [1, 0, 0] and labels[2].tolist() == [-1, -1, -1]
    assert tree.points[0].tolist() == [2, 2, 2]  # padded with the root


def test_paths_make_a_probability_distribution():
    rng = np.random.default_rng(0)
    counts = rng.integers(1, 1000, 57)
    tree = HuffmanTree.from_counts(np.sort(counts)[::-1])
    scores = rng.normal(size=(3, tree.n_words - 1))
    p = np.exp(tree.word_log_probabilities(scores))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)


def test_frequent_words_get_short_codes():
    counts = np.array([2**k for k in range(12, 0, -1)])
    tree = HuffmanTree.from_counts(counts)
    assert np.all(np.diff(tree.lengths) >= 0)
    # the entropy bound: H <= mean code length < H + 1
    p = counts / counts.sum()
    entropy = float(-(p * np.log2(p)).sum())
    assert entropy <= tree.mean_code_length() < entropy + 1


def test_needs_two_words():
    with pytest.raises(ValueError, match="at least 2 words"):
        HuffmanTree.from_counts([5])
