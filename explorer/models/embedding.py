"""The embedding layer as a lookup: one-hot rows times W select rows of W.

Usage:
    >>> layer = EmbeddingLayer(np.arange(15).reshape(3, 5))
    >>> layer(np.array([[0, 2], [1, 2]])).tolist()       # a lookup, shape (2, 2, 5)
    [[[0, 1, 2, 3, 4], [10, 11, 12, 13, 14]], [[5, 6, 7, 8, 9], [10, 11, 12, 13, 14]]]
    >>> bool((layer.one_hot([0, 2]) @ layer.W == layer([0, 2])).all())   # the same numbers
    True
    >>> layer.parameter_count
    15

An embedding layer (Keras ``Embedding``, PyTorch ``nn.Embedding``) is a matrix W with one
row per word id. Multiplying a one-hot row (a 1 at column ``id``) by W picks row ``id``;
a real layer skips the multiplication and reads the row directly. Ids outside ``0..V-1``
have no row: :meth:`check_ids` says so in words. Id 0 can be reserved for padding, whose
rows are masked: they are looked up but training never changes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.i18n import M_


class OutOfVocabularyError(IndexError):
    """An id with no row in W; the message explains it for a reader, not a debugger."""


@dataclass(frozen=True)
class EmbeddingLayer:
    """A ``V x d`` matrix read by id; ``padding_idx`` marks the id whose rows are masked."""

    W: np.ndarray
    padding_idx: int | None = None

    @classmethod
    def random(
        cls, vocab_size: int, dim: int, seed: int = 0, padding_idx: int | None = None
    ) -> EmbeddingLayer:
        """Small random initial vectors, uniform in [-0.05, 0.05) (Keras's default)."""
        rng = np.random.default_rng(seed)
        W = rng.uniform(-0.05, 0.05, size=(vocab_size, dim))
        return cls(W, padding_idx)

    @property
    def vocab_size(self) -> int:
        return self.W.shape[0]

    @property
    def dim(self) -> int:
        return self.W.shape[1]

    @property
    def parameter_count(self) -> int:
        """``vocab_size x dim``: every number of W is learned (10,000 x 16 = 160,000)."""
        return parameter_count(self.vocab_size, self.dim)

    def check_ids(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The ids as an int array; an id outside ``0..V-1`` raises OutOfVocabularyError."""
        ids = np.asarray(ids)
        if ids.size and not np.issubdtype(ids.dtype, np.integer):
            raise OutOfVocabularyError(
                M_("Ids must be whole numbers, not {dtype}.").format(dtype=ids.dtype)
            )
        bad = ids[(ids < 0) | (ids >= self.vocab_size)]
        if bad.size:
            first = int(bad.flat[0])
            raise OutOfVocabularyError(
                M_(
                    "Id {id} is outside the vocabulary: W has {rows} rows (ids 0 to {last}), "
                    "so there is no row {id} to look up. In a one-hot picture, it would need a 1 "
                    "in a column that does not exist. Real tokenizers map unknown words to a "
                    "reserved id (often 1, for <unk>) instead of letting this happen."
                ).format(id=first, rows=self.vocab_size, last=self.vocab_size - 1)
            )
        return ids.astype(np.int64)

    def __call__(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Look up rows: an ids array of shape ``s`` gives vectors of shape ``s + (d,)``."""
        return self.W[self.check_ids(ids)]

    def one_hot(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """One-hot rows, shape ``ids.shape + (V,)``: a 1 at each id, 0 elsewhere."""
        ids = self.check_ids(ids)
        return (ids[..., None] == np.arange(self.vocab_size)).astype(self.W.dtype)

    def via_one_hot(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The same vectors the slow way: one-hot rows times W."""
        return self.one_hot(ids) @ self.W

    def mask(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """True where an id is a real token, False where it is padding."""
        ids = self.check_ids(ids)
        if self.padding_idx is None:
            return np.ones(ids.shape, dtype=bool)
        return ids != self.padding_idx

    def sgd_step(
        self, ids: Sequence[int] | np.ndarray, grad: np.ndarray, lr: float = 0.1
    ) -> EmbeddingLayer:
        """One gradient step on the looked-up vectors; padded positions are masked out.

        ``grad`` has the shape of ``self(ids)``. Each looked-up row of W moves by
        ``-lr * grad`` (summed over repeats, as a real layer's scatter-add does), except
        rows looked up by padding: they receive nothing and keep their values.
        """
        ids = self.check_ids(ids)
        keep = self.mask(ids)[..., None]
        W = self.W.astype(float).copy()
        np.add.at(W, ids.ravel(), (-lr * grad * keep).reshape(-1, self.dim))
        return EmbeddingLayer(W, self.padding_idx)


def parameter_count(vocab_size: int, dim: int) -> int:
    """Learned numbers in an embedding layer: ``vocab_size x dim`` (10,000 x 16 = 160,000)."""
    return int(vocab_size) * int(dim)
