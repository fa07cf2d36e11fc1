"""Context windows: the training examples word2vec reads off a sentence.

Usage:
    >>> tokens = ["we", "are", "about", "to", "study"]
    >>> context_span(len(tokens), position=2, window=1)
    (1, 4)
    >>> cbow_examples(tokens, window=1)[:2]
    [(('are',), 'we'), (('we', 'about'), 'are')]
    >>> skipgram_pairs(tokens, window=1)[:3]
    [('we', 'are'), ('are', 'we'), ('are', 'about')]

CBOW predicts the centre word from the words around it; skip-gram predicts each word
around from the centre. Both see up to ``window`` words on each side, cut short at the
ends of the sentence (windows never cross sentences). gensim draws a smaller window at
random for each centre word, which weighs near words more; here the window is fixed so
that the examples shown are the ones described.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def _check_window(window: int) -> None:
    if window < 1:
        raise ValueError(f"window must be at least 1 (words on each side), not {window}")


def context_span(n: int, position: int, window: int) -> tuple[int, int]:
    """``(start, stop)`` of the window around ``position`` in a sentence of ``n`` tokens.

    The slice ``tokens[start:stop]`` includes the centre word, for highlighting; the
    context is the slice without it.

    >>> context_span(10, position=0, window=2)
    (0, 3)
    """
    _check_window(window)
    if not 0 <= position < n:
        raise IndexError(f"position {position} is outside a sentence of {n} tokens")
    return max(0, position - window), min(n, position + window + 1)


def cbow_examples(tokens: Sequence[T], window: int) -> list[tuple[tuple[T, ...], T]]:
    """``(context, centre)`` for every position that has at least one context word.

    >>> cbow_examples(["a", "b", "c"], window=1)
    [(('b',), 'a'), (('a', 'c'), 'b'), (('b',), 'c')]
    """
    _check_window(window)
    n = len(tokens)
    examples = []
    for i in range(n):
        start, stop = max(0, i - window), min(n, i + window + 1)
        context = tuple(tokens[start:i]) + tuple(tokens[i + 1 : stop])
        if context:
            examples.append((context, tokens[i]))
    return examples


def skipgram_pairs(tokens: Sequence[T], window: int) -> list[tuple[T, T]]:
    """``(centre, context)`` pairs, centre by centre, context words left to right.

    >>> skipgram_pairs(["a", "b", "c"], window=1)
    [('a', 'b'), ('b', 'a'), ('b', 'c'), ('c', 'b')]
    """
    _check_window(window)
    n = len(tokens)
    return [
        (tokens[i], tokens[j])
        for i in range(n)
        for j in range(max(0, i - window), min(n, i + window + 1))
        if j != i
    ]
