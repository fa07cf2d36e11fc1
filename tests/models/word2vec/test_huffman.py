"""The Huffman tree equals gensim's, and its paths define a probability distribution."""

import numpy as np
import pytest

from explorer.models.word2vec.huffman import HuffmanTree, output_rows, path_nodes, top_of_tree
from explorer.text.samples import gensim_test_data_dir, load_sample_text
from explorer.text.tokenize import tokenize


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


def test_top_of_tree_draws_the_paths_of_the_chosen_words():
    counts = np.sort(np.random.default_rng(1).integers(1, 500, 60))[::-1]
    tree = HuffmanTree.from_counts(counts)
    names = [f"w{i}" for i in range(60)]
    nodes, edges = top_of_tree(tree, range(10), names, highlight=42)
    nodes = [{**n, "label": str(n["label"])} for n in nodes]  # messages, as the chart shows them
    inner = [n for n in nodes if n["kind"] == "node"]
    leaves = [n for n in nodes if n["kind"] != "node"]
    assert len(edges) == 2 * len(inner) and len(leaves) == len(inner) + 1  # a binary tree
    assert {n["label"] for n in leaves if n["kind"] == "word"} >= {f"w{i}" for i in range(10)} | {
        "w42"
    }
    # the collapsed subtrees and the shown words hold every word once
    words = [int(n["label"].split()[1]) if n["kind"] == "more" else 1 for n in leaves]
    assert sum(words) == 60
    assert sorted(n["y"] for n in leaves) == list(range(len(leaves)))
    assert sum(e["on_path"] for e in edges) == tree.lengths[42]
    root = next(n for n in inner if n["x"] == 0)
    assert root["label"] == "root" and root["count"] == counts.sum()


def test_path_nodes_and_output_rows():
    tree = HuffmanTree.from_counts([40, 30, 20, 10])
    nodes, labels = path_nodes(tree, [3, 0])
    assert nodes.tolist() == [2, 1, 0] and list(map(str, labels)) == ["root", "node 1", "node 0"]
    ids, names, title = output_rows(None, [3, 0], ["d", "a"])
    assert ids.tolist() == [3, 0] and names == ["d", "a"] and str(title) == "W_out: output vectors"
    ids, names, title = output_rows(tree, [3, 0], ["d", "a"])
    assert ids.tolist() == [2, 1, 0] and "paths" in str(title)
