"""Word2vec's settings, named as in gensim's ``Word2Vec``, checked against one table.

Usage:
    >>> config = Word2VecConfig(vector_size=8, window=3, sg=1, negative=0, hs=1)
    >>> Word2VecConfig(window=0)        # ValueError: the bounds are the settings table's
    >>> replace(config, epochs=20)      # a frozen dataclass: change one by replacing it

The bounds, the form's widgets and the link's values all come from
:mod:`explorer.models.word2vec.settings`; the checks that tie two fields together (the
hierarchical softmax or negative sampling, the learning rates' order) are here.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.models.settings import require_valid
from explorer.models.word2vec.settings import SETTINGS


@dataclass(frozen=True)
class Word2VecConfig:
    """The training settings, named as in gensim's ``Word2Vec``.

    The defaults are the live demo's: a few thousand short sentences train in seconds.
    """

    vector_size: int = 16  # d, the length of a word vector (small: the demo shows them)
    window: int = 2  # maximal distance between the centre word and a context word
    min_count: int = 2  # words seen fewer times are left out
    sg: int = 0  # 0 = CBOW (context predicts centre), 1 = skip-gram (centre predicts context)
    negative: int = 5  # negatives per prediction; 0 = full softmax (or hs) over the vocabulary
    hs: int = 0  # 1 = hierarchical softmax (with negative=0): a Huffman tree's path per word
    alpha: float = 0.05  # learning rate at the start
    min_alpha: float = 0.0001  # learning rate at the end (linear decay over the whole run)
    epochs: int = 10  # passes over the corpus
    batch_size: int = 32  # examples (centre words) per update
    sample: float = 0.0  # downsample words more frequent than this share (gensim: 1e-3); 0 = off
    max_vocab: int | None = None  # keep only the most frequent words (None = no cap)
    shrink_windows: bool = True  # each centre word draws its window in 1..window (word2vec.c)
    seed: int = 0  # all randomness comes from (seed, epoch)

    def __post_init__(self) -> None:
        # the bounds of sg, negative, vector_size, window, alpha, batch_size, epochs, seed
        # and min_count: word2vec's settings table
        require_valid(self, SETTINGS)
        if self.hs not in (0, 1):
            raise ValueError(f"hs must be 0 or 1 (hierarchical softmax), got {self.hs!r}")
        if self.hs and self.negative:
            raise ValueError(
                "choose one output layer: hs=1 with negative=0 (hierarchical softmax), "
                f"or hs=0 (negative={self.negative})"
            )
        if self.alpha <= 0 or not 0 <= self.min_alpha <= self.alpha:
            raise ValueError("need 0 <= min_alpha <= alpha and alpha > 0")
        if not 0 <= self.sample < 1:
            raise ValueError(f"sample must be in [0, 1), got {self.sample!r}")
        if self.max_vocab is not None and self.max_vocab < 2:
            raise ValueError("max_vocab must be at least 2 (or None for no cap)")

