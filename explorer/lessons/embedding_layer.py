"""The embedding-layer lesson's arithmetic: sentences to ids, parameters, the cost of a lookup.

Usage:
    >>> sentence_ids(["cat", "sat"], {"cat": 1, "sat": 2}, vocab_size=3)
    [1, 2]
    >>> parameter_count(10_000, 16)
    160000

The layer itself (:class:`~explorer.models.embedding.EmbeddingLayer`) is a model's
building block and lives in :mod:`explorer.models.embedding`; it is imported here too.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from explorer.models.embedding import EmbeddingLayer, OutOfVocabularyError, parameter_count

__all__ = [
    "EmbeddingLayer", "OutOfVocabularyError", "lookup_cost", "parameter_count", "parse_ids",
    "rows_changed", "sentence_ids",
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
        "one_hot_bytes": n_tokens * vocab_size * bytes_per_number,
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
