"""A vocabulary like gensim's: word counts, ``min_count``, ``max_vocab``, stop words.

Usage:
    >>> vocab = Vocabulary.build([["the", "cat"], ["the", "dog"]], min_count=1)
    >>> vocab.index_to_key
    ['the', 'cat', 'dog']
    >>> vocab.key_to_index["cat"], vocab.get_count("the")
    (1, 2)
    >>> vocab.encode([["the", "cat", "unseen"]])[0]
    array([0, 1])

Words are ordered by descending count; ties keep the order of first appearance, so the
same text always gives the same ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Vocabulary:
    """The words kept for training, with their counts.

    Attributes:
        index_to_key: words, most frequent first (``index_to_key[i]`` is word ``i``).
        counts: int64 array aligned with ``index_to_key``.
        total_words: number of tokens seen while building, kept or not.
        dropped_words: number of distinct words left out (rare, stop word or over the cap).
    """

    index_to_key: list[str]
    counts: np.ndarray
    total_words: int = 0
    dropped_words: int = 0
    key_to_index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key_to_index", {w: i for i, w in enumerate(self.index_to_key)})

    @classmethod
    def build(
        cls,
        sentences: Iterable[Sequence[str]],
        min_count: int = 1,
        max_vocab: int | None = None,
        stop_words: Iterable[str] | None = None,
    ) -> Vocabulary:
        """Count the words of ``sentences`` and keep those seen at least ``min_count`` times.

        ``max_vocab`` keeps only the most frequent words after that (like gensim's
        ``max_final_vocab``); ``stop_words`` are left out whatever their count.
        """
        if min_count < 1:
            raise ValueError("min_count must be at least 1")
        if max_vocab is not None and max_vocab < 1:
            raise ValueError("max_vocab must be at least 1 (or None for no cap)")
        counter: Counter[str] = Counter()
        for sentence in sentences:
            counter.update(sentence)
        stops = set(stop_words or ())
        # Counter keeps first-appearance order, and sorted() is stable: ties stay in text order.
        ranked = sorted(counter.items(), key=lambda kv: -kv[1])
        kept = [(w, c) for w, c in ranked if c >= min_count and w not in stops]
        if max_vocab is not None:
            kept = kept[:max_vocab]
        words = [w for w, _ in kept]
        counts = np.array([c for _, c in kept], dtype=np.int64)
        return cls(
            index_to_key=words,
            counts=counts,
            total_words=sum(counter.values()),
            dropped_words=len(counter) - len(words),
        )

    def __eq__(self, other: object) -> bool:
        # The generated __eq__ compares the counts arrays with ==, which raises.
        if not isinstance(other, Vocabulary):
            return NotImplemented
        return (
            self.index_to_key == other.index_to_key
            and np.array_equal(self.counts, other.counts)
            and (self.total_words, self.dropped_words) == (other.total_words, other.dropped_words)
        )

    def __len__(self) -> int:
        return len(self.index_to_key)

    def __contains__(self, word: object) -> bool:
        return word in self.key_to_index

    def get_count(self, word: str) -> int:
        """The number of times ``word`` was seen (0 if it is not in the vocabulary)."""
        i = self.key_to_index.get(word)
        return 0 if i is None else int(self.counts[i])

    def encode(self, sentences: Iterable[Sequence[str]]) -> list[np.ndarray]:
        """Turn each sentence into an int64 array of ids; unknown words are dropped."""
        index = self.key_to_index
        return [np.fromiter((index[w] for w in s if w in index), dtype=np.int64) for s in sentences]

    def decode(self, ids: Iterable[int]) -> list[str]:
        """The words for ``ids``."""
        return [self.index_to_key[int(i)] for i in ids]
