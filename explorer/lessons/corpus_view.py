"""The corpus lessons' small steps: a typed sentence to tokens, its windows as tables.

Usage:
    >>> tokens = sentence_tokens("we are about to study the idea of deep learning")
    >>> context_of(tokens, 4, window=1)
    ['to', 'the']
    >>> window_tables(tokens, 1)[1].shape    # skip-gram: 2 x 9 (centre, context) pairs
    (18, 2)

Used by the Corpus page and the CBOW vs skip-gram page; the tables' column names are
translated when they are built (they are shown as they are).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explorer.i18n import _
from explorer.text.samples import load_lesson_sentences
from explorer.text.tokenize import tokenize
from explorer.text.windows import cbow_examples, context_span, skipgram_pairs

MODES = ["CBOW", "Skip-gram"]


def sentence_tokens(text: str, limit: int | None = None) -> list[str]:
    """The tokens of ``text`` (any script), its sentences joined, at most ``limit`` of them."""
    return [t for s in tokenize(text) for t in s][:limit]


def lesson_sentence() -> str:
    """The lessons' first sentence, a page's default."""
    return load_lesson_sentences()[0]


def sentence_choices(sentences: Sequence[Sequence[str]], n: int = 200) -> list[str]:
    """The lessons' sentences, then the first ``n`` of the corpus's, as text."""
    return load_lesson_sentences() + [" ".join(s) for s in sentences[:n]]


def context_of(tokens: Sequence[str], target: int, window: int) -> list[str]:
    """The words up to ``window`` places either side of ``tokens[target]``."""
    start, stop = context_span(len(tokens), target, window)
    return [*tokens[start:target], *tokens[target + 1 : stop]]


def training_examples(tokens: Sequence[str], window: int, mode: str) -> pd.DataFrame:
    """Every training example of a sentence: CBOW's (context, target), skip-gram's pairs."""
    if mode == "CBOW":
        rows = [(" ".join(c), t) for c, t in cbow_examples(tokens, window)]
        return pd.DataFrame(rows, columns=[_("context"), _("target")])
    return pd.DataFrame(skipgram_pairs(tokens, window), columns=[_("input"), _("predicts")])


def window_tables(tokens: Sequence[str], window: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same windows two ways: CBOW's (context → centre), skip-gram's (centre → word)."""
    context, predicts, centre = _("context"), _("→ predicts"), _("centre")
    cbow = [(", ".join(c), t) for c, t in cbow_examples(tokens, window)]
    pairs = skipgram_pairs(tokens, window)
    return (
        pd.DataFrame(cbow, columns=[context, predicts]),
        pd.DataFrame(pairs, columns=[centre, predicts]),
    )
