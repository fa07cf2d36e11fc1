"""Keep a moving 2D map steady: PCA with fixed axes, or frames aligned by Procrustes.

Usage:
    >>> basis = PCABasis.fit(W_now[rows])          # fitted once, on request
    >>> xy = basis.transform(W_later[rows])        # later frames, same axes
    >>> xy = procrustes_align(pca_coords(W_later[rows]), previous_xy)

A fresh PCA per frame picks its own axes: the picture may flip or spin from one frame to
the next although the words barely moved. Either keep one basis (``PCABasis``), or rotate
(and reflect) each new frame onto the previous one (``procrustes_align``), so that what
moves on screen is the words, not the axes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PCABasis:
    """A mean and principal axes fitted on some vectors, applied to later ones."""

    mean: np.ndarray
    components: np.ndarray  # (n_components, d), orthonormal rows
    explained_variance_ratio: np.ndarray

    @classmethod
    def fit(cls, X: np.ndarray, n_components: int = 2) -> PCABasis:
        X = np.asarray(X, dtype=np.float64)
        mean = X.mean(axis=0)
        centred = X - mean
        _, s, vt = np.linalg.svd(centred, full_matrices=False)
        k = min(n_components, vt.shape[0])
        comps = vt[:k]
        # Sign convention (as scikit-learn's svd_flip): the largest loading is positive, so
        # refitting on nearly the same vectors gives nearly the same picture.
        signs = np.sign(comps[np.arange(k), np.abs(comps).argmax(axis=1)])
        signs[signs == 0] = 1
        comps = comps * signs[:, None]
        if k < n_components:  # fewer points or dimensions than asked: pad with zero axes
            comps = np.vstack([comps, np.zeros((n_components - k, X.shape[1]))])
        var = s**2
        total = var.sum()
        ratio = np.zeros(n_components)
        ratio[:k] = var[:k] / total if total > 0 else 0.0
        return cls(mean, comps, ratio)

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (np.asarray(X, dtype=np.float64) - self.mean) @ self.components.T


def pca_coords(X: np.ndarray, n_components: int = 2) -> np.ndarray:
    """Coordinates of ``X`` on its own first principal axes."""
    return PCABasis.fit(X, n_components).transform(X)


def procrustes_align(current: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Rotate/reflect (and uniformly scale) ``current`` to best match ``previous``.

    Both are (n, 2) coordinates of the same points in the same order. The orthogonal
    Procrustes solution: centre both, R = U V^T from the SVD of current^T previous.
    """
    current = np.asarray(current, dtype=np.float64)
    previous = np.asarray(previous, dtype=np.float64)
    if current.shape != previous.shape or len(current) < 2:
        return current
    mu_c, mu_p = current.mean(axis=0), previous.mean(axis=0)
    c, p = current - mu_c, previous - mu_p
    u, s, vt = np.linalg.svd(c.T @ p)
    rotation = u @ vt
    norm = (c**2).sum()
    scale = s.sum() / norm if norm > 0 else 1.0
    return scale * c @ rotation + mu_p
