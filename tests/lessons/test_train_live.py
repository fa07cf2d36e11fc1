"""The live training page's small figures."""

import numpy as np

from explorer.lessons.train_live import ANALOGY_RANK, loss_text, output_heatmap
from explorer.models.word2vec.huffman import HuffmanTree


def test_the_loss_as_shown():
    assert loss_text(float("nan")) == "–"
    assert loss_text(np.float32(2.34567)) == "2.346"


def test_the_output_rows_beside_w():
    W_out = np.arange(12.0).reshape(4, 3)
    rows, names, title = output_heatmap(None, [2, 0], ["c", "a"], W_out)
    np.testing.assert_array_equal(rows, W_out[[2, 0]])
    assert names == ["c", "a"] and "output vectors" in str(title)
    tree = HuffmanTree.from_counts(np.array([5, 3, 2, 1]))
    rows, names, title = output_heatmap(tree, [3], ["d"], np.ones((3, 2)))
    assert len(rows) == len(names) == tree.lengths[3]  # the nodes on d's path
    assert ANALOGY_RANK == "analogy_rank"
