"""Principal component analysis, once for the whole app: a basis that keeps its axes, a map.

Usage:
    >>> basis = PCABasis.fit(W_now[rows])          # fitted once...
    >>> xy = basis.transform(W_later[rows])        # ...later frames on the same axes
    >>> pca_coords(X).shape                        # X on its own first two axes
    (40, 2)
    >>> proj = pca(wv.vectors, n_components=3)     # a Projection for the map pages
    >>> proj.explained_variance                    # share of the variance per axis

Why our own rather than scikit-learn's ``PCA``: a map of 10,000 x 300 vectors diagonalises
the 300 x 300 covariance in float32 (a few tens of milliseconds, where a full SVD takes half
a second; ``python -m bench.projection`` prints both), and a live map needs a basis that
applies to later frames. Signs follow scikit-learn's ``svd_flip`` (the largest loading of
each axis is positive), so refitting on nearly the same vectors gives nearly the same
picture; the figures equal scikit-learn's (``tests/maps/test_pca.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from explorer.i18n import M_, Message


@dataclass(frozen=True)
class Projection:
    """Coordinates of ``n`` points on a map, and how they were made."""

    coords: np.ndarray  # (n, 2) or (n, 3)
    method: str  # "pca", "tsne" or "axes"
    params: dict[str, Any] = field(default_factory=dict)
    explained_variance: np.ndarray | None = None  # PCA: share of the variance per axis
    # Texts are messages or plain text (``"t-SNE 1"``, a word axis): show them with ``str``.
    notes: list[Message | str] = field(default_factory=list)
    axis_labels: list[Message | str] = field(default_factory=list)

    @property
    def n_components(self) -> int:
        return self.coords.shape[1]


@dataclass(frozen=True)
class PCABasis:
    """A mean and principal axes fitted on some vectors, applied to later ones."""

    mean: np.ndarray
    components: np.ndarray  # (n_components, d), orthonormal rows
    explained_variance_ratio: np.ndarray

    @classmethod
    def fit(cls, X: np.ndarray, n_components: int = 2) -> PCABasis:
        """The basis of ``X`` (see :func:`pca_basis`)."""
        return pca_basis(X, n_components)

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (np.asarray(X, dtype=np.float64) - self.mean) @ self.components.T


def pca_basis(X: np.ndarray, n_components: int = 2) -> PCABasis:
    """The mean and first principal axes of ``X``, quickly, as a :class:`PCABasis`.

    With at least as many points as dimensions it diagonalises the covariance
    (``X^T X`` is d x d: 10,000 x 300 takes a few tens of milliseconds, where a full SVD takes
    half a second); with fewer points the SVD of the small matrix is cheaper. Signs follow
    ``PCABasis.fit`` (the largest loading of each axis is positive), and so does the padding
    with zero axes when there are fewer dimensions than axes asked for. The basis keeps
    applying to later vectors (``basis.transform(W_later)``), so a moving map keeps its axes.
    """
    import scipy.linalg

    X = np.asarray(X)
    dtype = np.float64 if X.dtype == np.float64 else np.float32  # float32: fast on big maps
    X = X.astype(dtype, copy=False)
    n, d = X.shape
    if n == 0:
        raise ValueError("PCA needs at least one point")
    mean = X.mean(axis=0, dtype=np.float64)
    centred = X - mean.astype(dtype)
    k = min(n_components, d, n)
    if n >= d:
        cov = (centred.T @ centred).astype(np.float64)
        total = float(np.trace(cov))
        values, vectors = scipy.linalg.eigh(cov, subset_by_index=[d - k, d - 1])
        values, comps = values[::-1], vectors[:, ::-1].T
    else:
        _u, s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
        values, comps = s[:k] ** 2, vt[:k]
        total = float((s**2).sum())
    signs = np.sign(comps[np.arange(k), np.abs(comps).argmax(axis=1)])
    signs[signs == 0] = 1
    comps = comps * signs[:, None]
    ratio = np.zeros(n_components)
    ratio[:k] = np.maximum(values, 0) / total if total > 0 else 0.0
    if k < n_components:
        comps = np.vstack([comps, np.zeros((n_components - k, d))])
    return PCABasis(mean, comps, ratio)


def pca(X: np.ndarray, n_components: int = 2) -> Projection:
    """``X`` on its first ``n_components`` (2 or 3) principal axes."""
    X = np.asarray(X, dtype=np.float32)
    basis = pca_basis(X, n_components)
    axes = basis.components.T.astype(np.float32)
    coords = X @ axes - (basis.mean @ basis.components.T).astype(np.float32)  # float32: fast
    ratio = basis.explained_variance_ratio
    labels = [M_("PC{n} ({share:.1%} of the variance)").format(n=i + 1, share=r)
              for i, r in enumerate(ratio)]  # fmt: skip
    return Projection(coords, "pca", {"n_components": n_components}, ratio, [], labels)


def pca_coords(X: np.ndarray, n_components: int = 2) -> np.ndarray:
    """Coordinates of ``X`` on its own first principal axes."""
    return PCABasis.fit(X, n_components).transform(X)
