"""The speed-ups page's lesson: the noise distribution, one example's negatives, the
Huffman tree and one word's path, and the measured costs as tables.

Usage:
    >>> noise = noise_view(vocab.counts)            # raw and ** 0.75 shares, the rarest word
    >>> example = negatives(model.state_, "cat", k=5, draw=0)
    >>> negatives_table(example)                    # word, role, score, loss
    >>> hs = hs_config(max_vocab=5_000)             # the hierarchical softmax's settings
    >>> facts = tree_facts(hs_model.state_.tree)    # leaves, inner nodes, mean path, log2 V
    >>> path = word_path(hs_model.state_, "cat")    # the path's nodes, turns, probabilities
    >>> path_code(path)                             # "0110": 0 = left, 1 = right
    >>> table, pivots = cost_tables(measure_step_cost())   # methods named; [(title, pivot)]

The measurements are :mod:`explorer.lessons.sampling_cost`'s; the example and the path come
from :mod:`explorer.models.word2vec.microscope`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.lessons.sampling_cost import (
    measure_step_cost,
    method_label,
    noise_distribution,
    raw_distribution,
)
from explorer.models.word2vec.huffman import HuffmanTree, top_of_tree
from explorer.models.word2vec.microscope import (
    ExampleView,
    inspect_example,
    pick_example,
)
from explorer.models.word2vec.trainer import TrainState, Word2VecConfig

__all__ = [
    "NoiseView", "TreeFacts", "centre_words", "cost_tables", "hs_config", "measure_step_cost",
    "negatives", "negatives_table", "noise_view", "path_code", "path_table", "top_of_tree",
    "tree_facts", "word_path",
]  # fmt: skip


@dataclass(frozen=True)
class NoiseView:
    """Each word's share of the tokens, its share of the negatives, and the rarest word."""

    raw: np.ndarray
    noise: np.ndarray
    rarest: int


def noise_view(counts: Sequence[float] | np.ndarray) -> NoiseView:
    """The raw and the noise (counts ** 0.75) distributions of ``counts``."""
    return NoiseView(raw_distribution(counts), noise_distribution(counts), int(np.argmin(counts)))


def centre_words(track: Sequence[str], vocab: object, n: int = 20) -> list[str]:
    """The tracked words in ``vocab`` (anything with ``in``), else its ``n`` most frequent."""
    return [w for w in track if w in vocab] or list(vocab.index_to_key[:n])


def negatives(state: TrainState, word: str, k: int, draw: int) -> ExampleView:
    """The first example centred on ``word``, with ``k`` negatives of random draw ``draw``."""
    return inspect_example(state, pick_example(state, word), negative=int(k), draw=int(draw))


def negatives_table(example: ExampleView) -> pd.DataFrame:
    """The target and its negatives: each one's score σ(u·h) and its term of the loss."""
    n = len(example.negative_words)
    return pd.DataFrame({
        _("word"): [example.target_word, *example.negative_words],
        _("role"): [_("target")] + [_("negative")] * n,
        _("score u·h → σ"): np.round(example.scores, 3),
        _("loss"): np.round(example.losses, 3),
    })  # fmt: skip


def hs_config(max_vocab: int) -> Word2VecConfig:
    """The default settings with the hierarchical softmax instead of negative sampling."""
    return Word2VecConfig(negative=0, hs=1, max_vocab=max_vocab)


@dataclass(frozen=True)
class TreeFacts:
    """What a Huffman tree costs: leaves, inner nodes, path lengths against log2 V."""

    n_words: int
    inner_nodes: int
    mean_questions: float
    log2_v: float
    shortest_first: int  # the most frequent word's path
    longest: int


def tree_facts(tree: HuffmanTree) -> TreeFacts:
    """The figures the page shows about ``tree``."""
    return TreeFacts(
        tree.n_words, tree.n_words - 1, float(tree.mean_code_length()),
        float(np.log2(tree.n_words)), int(tree.lengths[0]), int(tree.lengths.max()),
    )  # fmt: skip


def word_path(state: TrainState, word: str) -> ExampleView:
    """The first example centred on ``word``, with its hierarchical-softmax path."""
    return inspect_example(state, pick_example(state, word))


def path_code(path: ExampleView) -> str:
    """The path's turns as a code: 0 = left, 1 = right, root first."""
    return "".join(map(str, path.path_codes))


def cost_tables(
    table: pd.DataFrame,
) -> tuple[pd.DataFrame, list[tuple[str, pd.DataFrame]]]:
    """:func:`measure_step_cost`'s table with its methods named, and two pivots of it
    (milliseconds per step, rows scored per example), vocabulary sizes by methods, titled."""
    table = table.assign(method=table["method"].map(method_label))
    shown = {
        "ms_per_step": _("milliseconds per step"),
        "outputs_per_example": _("rows of W_out scored per example"),
    }
    pivots = [
        (name, table.pivot(index="vocab_size", columns="method", values=values).round(3)
         .rename_axis(index=_("vocab_size"), columns=_("method")))
        for values, name in shown.items()
    ]  # fmt: skip
    return table, pivots


def path_table(view: ExampleView) -> dict[str, list]:
    """The hierarchical softmax's path of ``view`` as table columns: each inner node (root
    first), the turn the target takes there and its probability ``s(±u . h)``; a last row
    multiplies them: ``p(target | context)``. A table made to be shown at once
    (``st.dataframe``), in the reader's language."""
    turns = [_("left (0)") if c == 0 else _("right (1)") for c in view.path_codes]
    product = _("p({target} | context) = the product").format(target=view.target_word)
    return {
        _("node"): [str(int(n)) for n in view.path_nodes] + ["×"],
        _("turn"): turns + [product],
        _("probability"): [round(float(p), 4) for p in view.path_probs]
        + [round(float(np.prod(view.path_probs)), 6)],
    }
