"""Keep a moving 2D map steady: each frame rotated onto the last (Procrustes).

Usage:
    >>> xy = procrustes_align(pca_coords(W_later[rows]), previous_xy)

A fresh PCA per frame picks its own axes: the picture may flip or spin from one frame to
the next although the words barely moved. Rotating (and reflecting, and scaling) each new
frame onto the previous one keeps what moves on screen the words, not the axes. (A fixed
basis, :class:`explorer.maps.pca.PCABasis`, is the other way.)
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import orthogonal_procrustes


def procrustes_align(current: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Rotate/reflect (and uniformly scale) ``current`` to best match ``previous``.

    Both are (n, 2) coordinates of the same points in the same order: centred, rotated by
    scipy's ``orthogonal_procrustes``, scaled by its singular values' sum over the squared
    norm (the least-squares scale), moved onto the previous centre.
    """
    current = np.asarray(current, dtype=np.float64)
    previous = np.asarray(previous, dtype=np.float64)
    if current.shape != previous.shape or len(current) < 2:
        return current
    mu_c, mu_p = current.mean(axis=0), previous.mean(axis=0)
    c, p = current - mu_c, previous - mu_p
    rotation, singular_sum = orthogonal_procrustes(c, p)
    norm = (c**2).sum()
    scale = singular_sum / norm if norm > 0 else 1.0
    return scale * c @ rotation + mu_p
