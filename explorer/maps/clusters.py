"""Colour a map by group: k-means clusters, or groups of words a learner types.

Usage:
    >>> found = kmeans(wv.vectors, n_clusters=8, seed=0)
    >>> found.labels[:5], found.names[:2]
    (array([3, 0, 0, 5, 1]), ['cluster 1', 'cluster 2'])
    >>> typed = word_groups(wv.index_to_key, "animals: cat, dog; royalty: king, queen, xyzzy")
    >>> typed.names, typed.unknown
    (['animals', 'royalty'], ['xyzzy'])
    >>> format_groups({"animals": ["cat", "dog"], "royalty": ["king"]})
    'animals: cat, dog; royalty: king'

Both give a ``Clusters``: one label per point (``-1`` for a point in no group), the group
names, and what could not be placed. k-means is scikit-learn's, with a fixed number of
restarts (``n_init``) and ``random_state``, so the same seed colours the map the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from explorer.i18n import M_, N_, Message, translated
from explorer.models.vectors import unit_rows

#: The name of k-means cluster ``n`` (shown in the reader's language by ``label_names``).
CLUSTER_NAME = N_("cluster {n}")


@dataclass(frozen=True)
class Clusters:
    labels: np.ndarray  # (n,) int, -1 = in no group
    names: list[str | Message]  # names[label]: typed, or k-means' messages "cluster 1"...
    unknown: list[str] = field(default_factory=list)  # typed words not among the points
    notes: list[Message] = field(default_factory=list)

    def label_names(self) -> list[str | Message]:
        """The group name of every point ("" for a point in no group).

        Numbered names are messages (a cached clustering serves every language: ``str``
        shows one in the reader's), typed names are as they were typed.
        """
        return [self.names[i] if i >= 0 else "" for i in self.labels]


def kmeans(
    X: np.ndarray,
    n_clusters: int = 8,
    seed: int = 0,
    metric: str = "euclidean",
    n_init: int = 4,
) -> Clusters:
    """k-means labels of the rows of ``X``.

    ``metric="cosine"`` clusters the unit-length vectors (the direction of a word vector
    says more than its length, which mostly follows frequency). ``n_clusters`` is lowered to
    the number of distinct points if need be, with a note.
    """
    from sklearn.cluster import KMeans

    X = np.asarray(X, dtype=np.float32)
    if metric == "cosine":
        X = unit_rows(X)
    elif metric != "euclidean":
        raise ValueError(f"metric must be 'euclidean' or 'cosine', got {metric!r}")
    if n_clusters < 1:
        raise ValueError(f"n_clusters must be at least 1, got {n_clusters}")
    notes = []
    distinct = len(np.unique(X, axis=0)) if len(X) else 0
    if n_clusters > distinct:
        note = (
            M_("{k} clusters asked, but only {n} distinct point")
            if distinct == 1
            else M_("{k} clusters asked, but only {n} distinct points")
        )
        notes.append(note.format(k=n_clusters, n=distinct))
        n_clusters = distinct
    if n_clusters == 0:
        return Clusters(np.zeros(0, dtype=np.int64), [], notes=notes)
    model = KMeans(n_clusters=n_clusters, n_init=n_init, random_state=seed).fit(X)
    labels = _relabel_by_size(model.labels_)
    names: list[str | Message] = [M_(CLUSTER_NAME, n=i + 1) for i in range(n_clusters)]
    return Clusters(labels, names, notes=notes)


def _relabel_by_size(labels: np.ndarray) -> np.ndarray:
    """Number the clusters from the largest down (ties: first seen), so colours are stable."""
    ids, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = ids[np.lexsort((first, -counts))]
    new = np.empty(order.max() + 1, dtype=np.int64)
    new[order] = np.arange(len(order))
    return new[labels]


# --- groups typed by a learner -----------------------------------------------------------


def parse_groups(text: str) -> dict[str | Message, list[str]]:
    """``"animals: cat, dog; royalty: king, queen"`` -> ``{"animals": ["cat", "dog"], ...}``.

    Groups are separated by ``;`` or new lines; a group without ``name:`` is called
    "group 1", "group 2"... (a message, shown with ``str`` in the reader's language). Words
    are separated by commas or spaces; empty ones are skipped. Chinese full-width
    punctuation works too (``；``, ``：``, ``，`` and ``、``), as a Chinese input method types it.
    """
    groups: dict[str | Message, list[str]] = {}
    for n, chunk in enumerate(c for c in re.split(r"[;；\n]", text) if c.strip()):
        name, sep, words = chunk.replace("：", ":").partition(":")
        if not sep:
            name, words = "", chunk
        name = name.strip() or M_("group {n}", n=n + 1)
        groups.setdefault(name, []).extend(w for w in re.split(r"[,，、\s]+", words) if w)
    return groups


def format_groups(
    groups: Mapping[str, Sequence[str]] | Sequence[tuple[str, Sequence[str]]],
    language: str | None = None,
) -> str:
    """Groups as a learner types them (the inverse of ``parse_groups``).

    With a ``language``, the names are ``N_``-marked English (``Sample.groups``) and are
    written in that language: ``format_groups(sample.groups, "zh")`` starts "动物: 猫, …".
    """
    pairs = groups.items() if isinstance(groups, Mapping) else groups
    return "; ".join(
        f"{translated(language, name) if language else name}: {', '.join(words)}"
        for name, words in pairs
    )


def word_groups(words: Sequence[str], groups: str | Mapping[str, Sequence[str]]) -> Clusters:
    """Labels for ``words`` (the map's points) from typed groups (text or a mapping).

    Words not among ``words`` are listed in ``unknown``; a word typed in two groups stays
    in the first, with a note.
    """
    if isinstance(groups, str):
        groups = parse_groups(groups)
    index = {w: i for i, w in enumerate(words)}
    labels = np.full(len(words), -1, dtype=np.int64)
    names, unknown, notes = list(groups), [], []
    for label, name in enumerate(names):
        for word in groups[name]:
            i = index.get(word)
            if i is None:
                if word not in unknown:
                    unknown.append(word)
            elif labels[i] == -1:
                labels[i] = label
            elif labels[i] != label:
                note = M_("“{word}” is in “{first}” and “{second}”: kept in the first")
                notes.append(note.format(word=word, first=names[labels[i]], second=name))
    return Clusters(labels, names, unknown, notes)
