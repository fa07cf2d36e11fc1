"""CBOW against skip-gram: the two settings, the words to compare them on, their maps.

Usage:
    >>> configs = both_configs()             # {"CBOW": sg=0, "Skip-gram": sg=1}, else equal
    >>> configs["Skip-gram"].sg
    1
    >>> # with a trained model ``model`` and the corpus's sample ``sample``:
    >>> # track = tracked_words(sample, model.wv); tracked_map(model.wv, track)  # PCA, n x 2
    >>> # neighbours_table(model.wv, "cat")   # word, cosine: the 8 nearest

The sentence's windows are :func:`explorer.lessons.corpus_view.window_tables`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.maps.pca import pca_coords
from explorer.models.vectors import Vectors
from explorer.models.word2vec.trainer import Word2VecConfig
from explorer.text.samples import Sample


def both_configs(base: Word2VecConfig | None = None) -> dict[str, Word2VecConfig]:
    """The default settings (or ``base``) as CBOW and as skip-gram, same seed."""
    base = base or Word2VecConfig()
    return {name: dataclasses.replace(base, sg=sg) for name, sg in (("CBOW", 0), ("Skip-gram", 1))}


def tracked_words(sample: Sample, wv: Vectors) -> list[str]:
    """The sample's tracked words that have a vector."""
    return [w for w in sample.track if w in wv]


def tracked_groups(sample: Sample, words: Sequence[str]) -> dict[str, str] | None:
    """Each word's example group, translated, or None when no word has one."""
    return {w: _(g) for w in words if (g := sample.group_of(w))} or None


def tracked_map(wv: Vectors, words: Sequence[str]) -> np.ndarray:
    """The words' vectors on their own first two principal axes."""
    return pca_coords(wv[list(words)].astype(float))


def neighbours_table(wv: Vectors, word: str, topn: int = 8) -> pd.DataFrame:
    """The ``topn`` nearest words by cosine, rounded to 3 places."""
    near = pd.DataFrame(wv.most_similar(word, topn=topn), columns=[_("word"), _("cosine")])
    return near.round(3)
