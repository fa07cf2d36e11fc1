"""Central finite differences, the one check every model's gradients pass (float64).

Usage:
    >>> numeric = numeric_grad(lambda: loss(params), params["W"])   # perturbs W in place
    >>> np.testing.assert_allclose(analytic, numeric, rtol=1e-5)
"""

import numpy as np


def numeric_grad(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences of the scalar ``f()`` with respect to every entry of ``x``.

    ``x`` is changed in place one entry at a time (and put back), so ``f`` must read it.
    """
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f()
        x[i] = old - eps
        down = f()
        x[i] = old
        g[i] = (up - down) / (2 * eps)
    return g
