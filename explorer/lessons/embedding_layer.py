"""The embedding-layer lesson's arithmetic: sentences to ids, parameters, the cost of a lookup.

Usage:
    >>> sentence_ids(["cat", "sat"], {"cat": 1, "sat": 2}, vocab_size=3)
    [1, 2]
    >>> parameter_count(10_000, 16)
    160000
    >>> layer = EmbeddingLayer.random(5_000, 128, seed=0)
    >>> same_as_one_hot(layer, [7, 1, 2])       # one-hot x W reads rows 7, 1 and 2
    True
    >>> worked_example().out.shape              # the article's W = arange(15).reshape(3, 5)
    (2, 2, 5)
    >>> padding_table(parse_ids("0 0 1 2"))     # id, d0..d3, masked, changed by one step

The layer itself (:class:`~explorer.models.embedding.EmbeddingLayer`) is a model's
building block and lives in :mod:`explorer.models.embedding`; it is imported here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.models.embedding import EmbeddingLayer, OutOfVocabularyError, parameter_count

__all__ = [
    "EmbeddingLayer", "OutOfVocabularyError", "WorkedExample", "ids_table", "lookup_cost",
    "lookup_table", "padding_table", "parameter_count", "parse_ids", "row_of", "rows_changed",
    "same_as_one_hot", "sentence_ids", "shrinking_view", "worked_example",
]  # fmt: skip


def sentence_ids(tokens: Sequence[str], key_to_index: dict[str, int], vocab_size: int) -> list[int]:
    """Ids as a tokenizer with a ``vocab_size`` cap gives them: 0 padding, 1 unknown, words.

    Words of ``key_to_index`` (most frequent first) take ids 2, 3, ...; words new to it get
    the next free ids, as if the corpus had contained them; ids past ``vocab_size`` become 1.
    """
    known = dict(key_to_index)
    for t in tokens:
        known.setdefault(t, len(known))
    return [known[t] + 2 if known[t] + 2 < vocab_size else 1 for t in tokens]


def lookup_cost(n_tokens: int, vocab_size: int, dim: int, bytes_per_number: int = 4) -> dict:
    """What a one-hot product costs against a lookup, for ``n_tokens`` ids.

    The product multiplies an ``n x V`` one-hot matrix by ``V x d`` W: ``n V d``
    multiplications and ``n V`` numbers of one-hot input, almost all zeros. The lookup copies
    ``n d`` numbers and multiplies nothing. Both give the same ``n x d`` result.
    """
    return {
        "one_hot_shape": (n_tokens, vocab_size),
        "W_shape": (vocab_size, dim),
        "result_shape": (n_tokens, dim),
        "one_hot_multiplications": n_tokens * vocab_size * dim,
        "lookup_multiplications": 0,
        "one_hot_numbers": n_tokens * vocab_size,
        "lookup_numbers": n_tokens,  # the ids themselves
        "one_hot_bytes": n_tokens * vocab_size * bytes_per_number,
        "lookup_bytes": n_tokens * 8,  # int64 ids
        "result_bytes": n_tokens * dim * bytes_per_number,
        "W_bytes": vocab_size * dim * bytes_per_number,
    }


def parse_ids(text: str) -> np.ndarray:
    """The whole numbers in ``text`` (negative ones too: the page explains them), or ``[0]``.

    >>> parse_ids("0 0 1 2 x 3 -4").tolist()
    [0, 0, 1, 2, 3, -4]
    """
    return np.array([int(x) for x in text.split() if x.lstrip("-").isdigit()] or [0])


def rows_changed(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """For each looked-up row, whether an update changed it (a masked row does not move)."""
    return ~np.isclose(before, after).all(axis=1)


def ids_table(tokens: Sequence[str], ids: Sequence[int]) -> pd.DataFrame:
    """Tokens over their ids, one column per token (shown as text)."""
    return pd.DataFrame({_("token"): list(tokens), "id": list(ids)}).T.astype(str)


def same_as_one_hot(layer: EmbeddingLayer, ids: Sequence[int]) -> bool:
    """Whether one-hot rows times W give exactly the rows a lookup reads."""
    return bool(np.array_equal(layer.one_hot(ids) @ layer.W, layer(ids)))


def lookup_table(
    layer: EmbeddingLayer, ids: Sequence[int], tokens: Sequence[str], columns: int = 12
) -> pd.DataFrame:
    """The looked-up rows, one per token, their first ``columns`` numbers to 3 places."""
    return pd.DataFrame(np.round(layer(ids)[:, :columns], 3), index=list(tokens))


@dataclass(frozen=True)
class WorkedExample:
    """The article's lookup: ``W = arange(15).reshape(3, 5)`` read at ``[[0, 2], [1, 2]]``."""

    layer: EmbeddingLayer
    ids: list[list[int]]
    out: np.ndarray

    def W_table(self) -> pd.DataFrame:  # noqa: N802 - W is the matrix's name
        """W, one row per id."""
        return pd.DataFrame(self.layer.W, index=[f"id {i}" for i in range(self.layer.vocab_size)])

    def out_tables(self) -> list[pd.DataFrame]:
        """The result for each sequence of ids, one row per id."""
        return [
            pd.DataFrame(self.out[i], index=[f"id {j}" for j in seq])
            for i, seq in enumerate(self.ids)
        ]


def worked_example() -> WorkedExample:
    """The article's worked example, computed."""
    layer = EmbeddingLayer(np.arange(15).reshape(3, 5))
    ids = [[0, 2], [1, 2]]
    return WorkedExample(layer, ids, layer(np.array(ids)))


def row_of(layer: EmbeddingLayer, index: int) -> list:
    """Row ``index`` of W as a list; :class:`OutOfVocabularyError` says why there is none."""
    return layer([int(index)])[0].tolist()


def padding_table(ids: np.ndarray, dim: int = 4, lr: float = 0.1) -> pd.DataFrame:
    """Ids looked up in a small layer whose id 0 is padding, before and after one step.

    Columns: ``id``, ``d0..``, masked, changed by one step (of gradient all ones): the
    padded rows are masked and keep their values. Raises :class:`OutOfVocabularyError`.
    """
    layer = EmbeddingLayer.random(8, dim, seed=0, padding_idx=0)
    before = layer(ids)
    after = layer.sgd_step(ids, np.ones_like(before), lr=lr)(ids)
    table = pd.DataFrame(np.round(before, 3), columns=[f"d{j}" for j in range(dim)])
    table.insert(0, "id", ids)
    table[_("masked")] = ~layer.mask(ids)
    table[_("changed by one step")] = rows_changed(before, after)
    return table


def shrinking_view(rows: Sequence[int] = (1, 4)) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``A @ B = C``: one-hot rows ``rows`` of 6 (``A``, 2 x 6) pick rows of ``B`` (6 x 3)."""
    A = EmbeddingLayer(np.zeros((6, 3))).one_hot(list(rows)).astype(int)
    B = np.arange(18).reshape(6, 3)
    return A, B, A @ B
