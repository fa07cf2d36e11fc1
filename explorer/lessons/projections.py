"""The projection explorer's steps: which words a map shows, its colours, the chosen word,
its neighbourhood, and how much a map distorts.

Usage:
    >>> m = map_words(wv, 300, "animals: cat, dog", found=["puppy"])
    >>> m.words[:3], m.X.shape, m.examples           # top 300 + the groups' and found words
    >>> proj = project(m.X, "pca", 2)                 # or "tsne", or word_axes(wv, ...)
    >>> variance_shares(proj)                         # "PC1 12%, PC2 7%"
    >>> chosen_word(m.words, st.session_state.get("proj.map"), find=[])   # the clicked word
    >>> near, around = neighbourhood(m.X, m.words, "cat", 8)
    >>> rows = shown_rows(len(m.words), near, around, isolate=True)
    >>> map_quality(m.X, proj.coords, k=10)           # trustworthiness, neighbours kept

The maps, the clusters and the scores are :mod:`explorer.maps`'s; a page imports them here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.io.export import to_csv
from explorer.maps.clusters import Clusters, kmeans, parse_groups, word_groups
from explorer.maps.pca import Projection
from explorer.maps.projection import map_labels, map_rows, project, word_axes
from explorer.maps.quality import map_quality, neighbourhood
from explorer.models.vectors import Vectors

__all__ = [
    "MapWords", "axes_map", "chosen_word", "found_words", "kmeans_groups", "map_labels",
    "map_quality", "map_words", "neighbourhood", "neighbours_table", "project", "shown_rows",
    "side_by_side", "subset", "to_csv", "variance_shares", "word_axes",
]  # fmt: skip


@dataclass(frozen=True)
class MapWords:
    """The words on a map (the ``n`` most frequent, then the typed and found words beyond
    them), their vectors, the typed groups' words and the groups as labels of the words."""

    words: list[str]
    X: np.ndarray
    examples: list[str]
    groups: Clusters
    n: int

    @property
    def beyond(self) -> list[str]:
        """The words on the map that are not among the ``n`` most frequent."""
        return self.words[self.n :]


def found_words(wv: Vectors, found: Sequence[str] | None) -> list[str]:
    """The words of ``found`` (from a link, say; None: none) that have a vector."""
    return [w for w in found or () if w in wv]


def map_words(wv: Vectors, n: int, typed: str, found: Sequence[str] = ()) -> MapWords:
    """The map's words: the ``n`` most frequent, and the ``typed`` groups' and ``found`` words."""
    examples = [w for ws in parse_groups(typed).values() for w in ws]
    ids = map_rows(wv.key_to_index, int(n), [*examples, *found])  # always on the map
    words = [wv.index_to_key[i] for i in ids]
    X = wv.vectors[ids].astype(np.float32)
    return MapWords(words, X, examples, word_groups(words, typed), int(n))


def kmeans_groups(X: np.ndarray, k: int) -> list[str]:
    """Each row's k-means cluster (cosine, on the original vectors), as a name."""
    return kmeans(X, int(k), metric="cosine").label_names()


def variance_shares(proj: Projection) -> str:
    """The share of the variance each PCA axis shows, as ``PC1 40%, PC2 12%``."""
    return ", ".join(f"PC{i + 1} {v:.0%}" for i, v in enumerate(proj.explained_variance))


def chosen_word(words: Sequence[str], event: Any, find: Sequence[str]) -> str | None:
    """The word of the first point clicked on the map, else the first word found, or None.

    ``event`` is the map's selection (``event.selection.points``, each point a mapping with
    the word's row as ``customdata``), or None before any click.
    """
    rows = [p.get("customdata") for p in (event.selection.points if event else [])]
    if rows and rows[0] is not None:
        return words[int(rows[0])]
    return find[0] if find else None


def shown_rows(n_words: int, near: Sequence, around: np.ndarray, isolate: bool) -> np.ndarray:
    """The rows drawn: the chosen word's neighbourhood when isolated (and there is one)."""
    return around if isolate and near else np.arange(n_words)


def subset(items: Sequence | None, rows: np.ndarray) -> list | None:
    """``items`` at ``rows`` (None stays None)."""
    return None if items is None else [items[i] for i in rows]


def neighbours_table(near: Sequence[tuple[str, float]], metric: str) -> pd.DataFrame:
    """The chosen word's neighbours and their similarity (``metric``, translated), rounded."""
    return pd.DataFrame(near, columns=[_("word"), _(metric)]).round(3)


def side_by_side(X: np.ndarray, method: str, metric: str = "cosine") -> tuple[Projection, float]:
    """``X`` in 2D by ``method`` (``"pca"``, or ``"tsne"`` with seed 0), for a comparison,
    and the map's trustworthiness (10 neighbours by ``metric``)."""
    proj = project(X, method, 2, **({} if method == "pca" else {"seed": 0}))
    return proj, map_quality(X, proj.coords, k=10, metric=metric).trustworthiness


def axes_map(
    wv: Vectors, axes: Sequence[str | None], words: Sequence[str]
) -> tuple[Projection | None, str]:
    """The words on the typed word axes (x, y and an optional z), or None and why not."""
    x, y, z = (list(axes) + [None, None, None])[:3]
    try:
        return word_axes(wv, x, y, z or None, words=list(words)), ""
    except (KeyError, ValueError) as err:
        return None, str(err.args[0] if err.args else err)
