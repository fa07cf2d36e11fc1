"""Sentences where one written word takes different senses, each occurrence's sense known.

Usage:
    >>> from explorer.models.sense_data import load_senses, heldout_split
    >>> corpus = load_senses("en")
    >>> corpus.sentences[0], corpus.senses[0]
    (['this', 'bag', 'is', 'very', 'light'], [None, None, None, None, 'weight'])
    >>> [(o.sentence, o.position, o.sense) for o in corpus.occurrences("bank")][:1]
    [(4, 1, 'money')]
    >>> train, heldout = heldout_split(len(corpus.sentences), fraction=0.1, seed=0)

The files (``sample_data/senses_*.txt``, written by ``sample_data/make_senses.py``) mark each
occurrence of an ambiguous word as ``{word|sense}``. A line is cut into the text before,
the word and the text after, and each piece is tokenized alone
(:func:`explorer.text.tokenize.tokenize_sentence`), so the word stays one token even where a
segmenter would glue it to its neighbour (jieba cuts 打电话 as one word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from explorer.text.samples import SAMPLE_DIR
from explorer.text.tokenize import tokenize_sentence

SENSE_FILES = {"en": "senses_en.txt", "zh": "senses_zh.txt", "ja": "senses_ja.txt"}
# The word a page shows first for each language.
FIRST_WORD = {"en": "bank", "zh": "打", "ja": "はし"}
_MARK = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a word: sentence index, token position, sense (None if unknown)."""

    sentence: int
    position: int
    sense: str | None


@dataclass(frozen=True)
class SenseCorpus:
    """Tokenized sentences, the sense of each token (None for most), and the plain texts."""

    language: str
    sentences: list[list[str]]
    senses: list[list[str | None]]
    texts: list[str]

    def occurrences(self, word: str) -> list[Occurrence]:
        """Every occurrence of ``word``, in corpus order."""
        return [
            Occurrence(i, j, self.senses[i][j])
            for i, tokens in enumerate(self.sentences)
            for j, token in enumerate(tokens)
            if token == word
        ]

    def sense_words(self) -> dict[str, list[str]]:
        """Each annotated word and its senses, in order of first appearance."""
        words: dict[str, list[str]] = {}
        for tokens, senses in zip(self.sentences, self.senses, strict=True):
            for token, sense in zip(tokens, senses, strict=True):
                if sense is not None and sense not in words.setdefault(token, []):
                    words[token].append(sense)
        return words


def parse_line(line: str) -> tuple[str, list[str], list[str | None]]:
    """The plain text of an annotated line, its tokens and each token's sense.

    >>> parse_line("Don't {trouble|verb} {trouble|noun}.")
    ("Don't trouble trouble.", ["don't", 'trouble', 'trouble'], [None, 'verb', 'noun'])
    """
    tokens: list[str] = []
    senses: list[str | None] = []
    start = 0
    for match in _MARK.finditer(line):
        before = tokenize_sentence(line[start:match.start()])
        tokens += before
        senses += [None] * len(before)
        word = tokenize_sentence(match.group(1))
        tokens += word
        senses += [match.group(2)] * len(word)
        start = match.end()
    after = tokenize_sentence(line[start:])
    tokens += after
    senses += [None] * len(after)
    return _MARK.sub(r"\1", line), tokens, senses


@cache
def load_senses(language: str) -> SenseCorpus:
    """The sense corpus of ``language`` (``"en"``, ``"zh"`` or ``"ja"``); cached, do not edit."""
    text = (SAMPLE_DIR / SENSE_FILES[language]).read_text(encoding="utf-8")
    parsed = [parse_line(line) for line in text.splitlines() if line.strip()]
    parsed = [p for p in parsed if p[1]]
    return SenseCorpus(
        language,
        [p[1] for p in parsed],
        [p[2] for p in parsed],
        [p[0] for p in parsed],
    )


def heldout_split(n: int, fraction: float = 0.1, seed: int = 0) -> tuple[list[int], list[int]]:
    """Sentence indices for training and held out (a seeded ``fraction``), each sorted.

    >>> heldout_split(10, 0.2, seed=0)
    ([0, 1, 2, 3, 5, 7, 8, 9], [4, 6])
    """
    order = np.random.default_rng(seed).permutation(n)
    k = int(round(n * fraction))
    return sorted(order[k:].tolist()), sorted(order[:k].tolist())
