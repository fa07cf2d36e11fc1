"""The live training page's small figures: the output matrix beside W, the loss as shown.

Usage:
    >>> matrix, rows, title = output_heatmap(tree, ids, labels, W_out)   # rows of W_out
    >>> loss_text(float("nan")), loss_text(2.34567)
    ('–', '2.346')
    >>> ANALOGY_RANK                   # the analogy probe's name in a run's history
    'analogy_rank'

The run itself is :mod:`explorer.player.word2vec`'s; the page draws through
:mod:`explorer.app.player`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from explorer.models.word2vec.huffman import HuffmanTree, output_rows
from explorer.player.word2vec import ANALOGY_RANK

__all__ = ["ANALOGY_RANK", "loss_text", "output_heatmap"]


def output_heatmap(
    tree: HuffmanTree | None, ids: Sequence[int], labels: Sequence[str], W_out: np.ndarray
) -> tuple[np.ndarray, list[str], str]:
    """The rows of ``W_out`` to show beside W's rows ``ids``, their labels and a title.

    The words' own output vectors, or with the hierarchical softmax the tree's inner nodes
    on their paths (see :func:`explorer.models.word2vec.huffman.output_rows`).
    """
    rows, names, title = output_rows(tree, ids, labels)
    return W_out[rows], names, title


def loss_text(loss: float) -> str:
    """A loss as the page prints it: three decimals, or a dash before the first chunk."""
    return "–" if math.isnan(loss) else f"{loss:.3f}"
