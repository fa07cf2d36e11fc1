"""Similarity and analogies for the lesson page: cosine tables, rankings in words, presets.

Usage:
    >>> sims, missing = cosine_table(wv, ["cat", "kitten", "dog", "house"])
    >>> ranking_sentence(wv, "cat", ["kitten", "dog", "house"])
    'Closest to cat: kitten (0.99), then dog (0.80), then house (0.41).'
    >>> xy = parallelogram(wv, "king", "man", "woman", "queen")   # 4 x 2, for a picture
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from explorer.alignment import pca_coords
from explorer.i18n import _
from explorer.vectors import Vectors

#: a - b + c = expected, by corpus language; the first one that fits the vocabulary is shown.
ANALOGY_PRESETS: dict[str, tuple[str, str, str, str]] = {
    "king − man + woman": ("king", "man", "woman", "queen"),
    "walked − walking + swimming": ("walked", "walking", "swimming", "swam"),
    "Paris − France + China": ("paris", "france", "china", "beijing"),
    "国王 − 男人 + 女人": ("国王", "男人", "女人", "王后"),
    "巴黎 − 法国 + 中国": ("巴黎", "法国", "中国", "北京"),
    "王 − 男 + 女": ("王", "男", "女", "女王"),
}


def split_known(wv: Vectors, words: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(known, missing)``: the words in the vocabulary and the ones that are not."""
    known = [w for w in dict.fromkeys(words) if w in wv]
    return known, [w for w in dict.fromkeys(words) if w not in wv]


def cosine_table(wv: Vectors, words: Sequence[str]) -> tuple[pd.DataFrame, list[str]]:
    """Cosine similarity of every pair of the known ``words``, and the missing ones."""
    known, missing = split_known(wv, words)
    units = np.stack([wv.get_vector(w, norm=True) for w in known]) if known else np.zeros((0, 1))
    return pd.DataFrame(units @ units.T, index=known, columns=known), missing


def ranking_sentence(wv: Vectors, word: str, others: Sequence[str]) -> str:
    """The other words ranked by their cosine with ``word``, said in words."""
    ranked = sorted(((wv.similarity(word, o), o) for o in others if o != word), reverse=True)
    if not ranked:
        return _("Nothing to compare {word} with.").format(word=word)
    ranking = _(", then ").join(f"{o} ({s:.2f})" for s, o in ranked)
    return _("Closest to {word}: {ranking}.").format(word=word, ranking=ranking)


def presets_for(wv: Vectors) -> dict[str, tuple[str, str, str, str]]:
    """The analogy presets whose four words are all in the vocabulary."""
    return {k: v for k, v in ANALOGY_PRESETS.items() if all(w in wv for w in v)}


def parallelogram(wv: Vectors, *words: str) -> np.ndarray:
    """2D coordinates (PCA of just these vectors) for drawing an analogy's parallelogram."""
    return pca_coords(np.stack([wv[w] for w in words]).astype(float))
