"""How faithful is a map? Neighbours in the original space, and two distortion scores.

Usage:
    >>> neighbours(wv.vectors, wv.get_index("king"), k=5)          # [(row, cosine), ...]
    >>> quality = map_quality(wv.vectors, proj.coords, k=10)
    >>> quality.trustworthiness, quality.knn_preservation
    (0.97, 0.41)

- **Trustworthiness** (Venna & Kaski, 2001; the same number as
  ``sklearn.manifold.trustworthiness``): are a point's neighbours on the map also close in
  the original space? Each map neighbour that is not among the ``k`` nearest in the
  original space costs its excess rank there. 1 is perfect; a random map scores about 0.5.
- **kNN preservation**: the mean share of each point's ``k`` nearest neighbours in the
  original space that are also among its ``k`` nearest on the map. 1 is perfect.

Both compare every point with every other, a block of rows at a time (memory stays small
at 10,000 points). Neighbours on the map are euclidean; in the original space euclidean
or cosine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.models.vectors import unit_rows

Metric = str  # "euclidean" or "cosine"


def neighbours(
    X: np.ndarray, i: int, k: int = 10, metric: Metric = "cosine"
) -> list[tuple[int, float]]:
    """The ``k`` rows nearest to row ``i`` of ``X`` (itself left out), nearest first.

    Each comes with its cosine similarity (``metric="cosine"``; a zero vector has cosine 0
    with everything) or its euclidean distance (``metric="euclidean"``). Ties keep row order.
    """
    X = np.asarray(X, dtype=np.float64)
    if metric == "cosine":
        units = unit_rows(X)
        score = units @ units[i]
        order_key = -score
    elif metric == "euclidean":
        score = np.sqrt(((X - X[i]) ** 2).sum(axis=1))
        order_key = score
    else:
        raise ValueError(f"metric must be 'cosine' or 'euclidean', got {metric!r}")
    order_key = order_key.copy()
    order_key[i] = np.inf
    k = max(0, min(k, len(X) - 1))
    order = np.lexsort((np.arange(len(X)), order_key))[:k]
    return [(int(j), float(score[j])) for j in order]


def trustworthiness(
    X: np.ndarray, Y: np.ndarray, k: int = 10, metric: Metric = "euclidean"
) -> float:
    """Trustworthiness of the map ``Y`` of ``X`` (as scikit-learn's; ``k < n / 2``)."""
    return _scores(X, Y, k, metric)[0]


def knn_preservation(
    X: np.ndarray, Y: np.ndarray, k: int = 10, metric: Metric = "euclidean"
) -> float:
    """Mean share of the ``k`` original nearest neighbours that stay among the ``k`` on the map."""
    return _scores(X, Y, k, metric)[1]


@dataclass(frozen=True)
class MapQuality:
    trustworthiness: float
    knn_preservation: float
    k: int  # may be lower than asked, for maps of few points
    notes: tuple[str, ...] = ()


def map_quality(
    X: np.ndarray, Y: np.ndarray, k: int = 10, metric: Metric = "euclidean"
) -> MapQuality:
    """Both scores at once (one pass). ``k`` is lowered below ``n / 2`` if need be, with a note."""
    n = len(X)
    notes: tuple[str, ...] = ()
    allowed = (n - 1) // 2
    if k > allowed:
        notes = (f"k lowered from {k} to {allowed}: only {n} points",)
        k = allowed
    if k < 1:
        return MapQuality(float("nan"), float("nan"), k, ("too few points to score the map",))
    trust, kept = _scores(X, Y, k, metric)
    return MapQuality(trust, kept, k, notes)


def _scores(X: np.ndarray, Y: np.ndarray, k: int, metric: Metric) -> tuple[float, float]:
    """(trustworthiness, kNN preservation) of the map ``Y`` of ``X``."""
    X = _in_metric(np.asarray(X), metric)
    Y = np.asarray(Y, dtype=np.float64)
    n = len(X)
    if len(Y) != n:
        raise ValueError(f"X has {n} points, the map {len(Y)}")
    if not 1 <= k < n / 2:
        raise ValueError(f"k must be at least 1 and below n / 2 = {n / 2}, got {k}")
    original = _nearest(X, k)
    on_map = _nearest(Y, k)
    shared = (on_map[:, :, None] == original[:, None, :]).any(axis=2)  # (n, k)
    # A map neighbour that is not among the k nearest originally (an intruder) costs its
    # rank in the original space (1 + how many are strictly closer) minus k.
    penalty = 0.0
    rows = np.flatnonzero(~shared.all(axis=1))
    for start in range(0, len(rows), 256):
        block = rows[start : start + 256]
        dx = _distances(X, block, metric)
        intruders = ~shared[block]
        d_map = np.take_along_axis(dx, on_map[block], axis=1)
        for c in range(k):
            ranks = 1 + np.count_nonzero(dx < d_map[:, c, None], axis=1)
            penalty += float(np.maximum(ranks - k, 0)[intruders[:, c]].sum())
    trust = 1.0 - penalty * 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0))
    return float(trust), float(shared.mean())


def _in_metric(X: np.ndarray, metric: Metric) -> np.ndarray:
    """Float vectors whose euclidean order is the metric's (unit vectors for cosine)."""
    X = X.astype(np.float64 if X.dtype == np.float64 else np.float32, copy=False)
    if metric == "cosine":
        return unit_rows(X)
    if metric != "euclidean":
        raise ValueError(f"metric must be 'euclidean' or 'cosine', got {metric!r}")
    return X


def _nearest(X: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` nearest other rows of every row (euclidean): a KD-tree for maps, else brute."""
    if X.shape[1] <= 3:
        from scipy.spatial import cKDTree

        _, ind = cKDTree(X).query(X, k + 1)
        # Drop each point itself (normally first, but a duplicate may come before it).
        is_self = ind == np.arange(len(X))[:, None]
        is_self[~is_self.any(axis=1), -1] = True
        return ind[~is_self].reshape(len(X), k)
    from sklearn.neighbors import NearestNeighbors

    return (
        NearestNeighbors(n_neighbors=k, algorithm="brute").fit(X).kneighbors(return_distance=False)
    )


def _distances(X: np.ndarray, rows: np.ndarray, metric: Metric) -> np.ndarray:
    """Distances from ``rows`` to every row (squared euclidean, or cosine); self is inf."""
    if metric == "cosine":
        d = 1.0 - X[rows] @ X.T
    else:
        sq = (X * X).sum(axis=1)
        d = sq[rows, None] - 2.0 * X[rows] @ X.T + sq[None, :]
    d[np.arange(len(rows)), rows] = np.inf
    return d


def neighbourhood(
    X: np.ndarray, words: list[str], chosen: str | None, k: int = 8, metric: str = "cosine"
) -> tuple[list[tuple[str, float]], np.ndarray]:
    """``chosen``'s ``k`` nearest words in the original space, and the rows of its
    neighbourhood on a map (the chosen word first); ``([], [])`` when nothing is chosen.

    >>> near, rows = neighbourhood(X, words, "cat", k=3)   # [("kitten", 0.97), ...], [5, 9, ...]
    """
    if chosen is None:
        return [], np.zeros(0, dtype=np.int64)
    i = words.index(chosen)
    near = [(words[j], s) for j, s in neighbours(X, i, k, metric=metric)]
    rows = np.array([i, *(words.index(w) for w, _s in near)], dtype=np.int64)
    return near, rows
