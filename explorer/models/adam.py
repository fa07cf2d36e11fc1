"""Adam (Kingma & Ba, 2015) as Keras writes it, as pure functions on dicts of arrays.

Usage:
    >>> params = {"w": np.ones(3, dtype=np.float32)}
    >>> state = adam_init(params)
    >>> grads = {"w": np.array([1.0, -1.0, 0.0], dtype=np.float32)}
    >>> params, state = adam_update(params, grads, state)       # params is a new dict
    >>> params["w"].astype(float).round(4).tolist(), state.t
    ([0.999, 1.001, 1.0], 1)

The update is Keras's (``keras.optimizers.Adam``, defaults ``learning_rate=0.001,
beta_1=0.9, beta_2=0.999, epsilon=1e-7``), with epsilon added to ``sqrt(v)`` and the bias
corrections folded into the step size::

    t += 1
    m = m + (1 - beta_1) * (g - m)                 # running mean of the gradient
    v = v + (1 - beta_2) * (g**2 - v)              # running mean of its square
    lr_t = learning_rate * sqrt(1 - beta_2**t) / (1 - beta_1**t)
    w = w - lr_t * m / (sqrt(v) + epsilon)

**Embedding rows.** Keras (and TensorFlow's Adam) treat an embedding's sparse gradient
densely: every step decays ``m`` and ``v`` of *every* row and moves every row whose ``m`` is
not zero, so a word seen ten batches ago keeps drifting on its momentum although it is in
no batch now. :func:`adam_update` does that (pass the full-size gradient, zeros for rows not
in the batch). :func:`adam_update_rows` is the *lazy* variant (TensorFlow Addons'
``LazyAdam``, PyTorch's ``SparseAdam``): only the rows in the batch have their ``m``, ``v``
and weights updated, so "the rows this batch touched" are exactly the rows that moved. The
models default to Keras's dense rule and offer the lazy one as an option; either way they
report as touched the rows whose values really changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class AdamConfig:
    """Adam's settings, Keras's names and defaults."""

    learning_rate: float = 0.001  # the step size
    beta_1: float = 0.9  # decay of the running mean of gradients (momentum)
    beta_2: float = 0.999  # decay of the running mean of squared gradients
    epsilon: float = 1e-7  # keeps the step finite where v is 0 (Keras; the paper: 1e-8)


@dataclass(frozen=True, eq=False)
class AdamState:
    """The step count and, per parameter, the running means ``m`` and ``v``."""

    t: int
    m: dict[str, np.ndarray]
    v: dict[str, np.ndarray]

    def copy(self) -> AdamState:
        return AdamState(self.t, {k: a.copy() for k, a in self.m.items()},
                         {k: a.copy() for k, a in self.v.items()})  # fmt: skip


def adam_init(params: Mapping[str, np.ndarray]) -> AdamState:
    """Zero ``m`` and ``v`` shaped like each parameter, ``t = 0``."""
    return AdamState(0, {k: np.zeros_like(p) for k, p in params.items()},
                     {k: np.zeros_like(p) for k, p in params.items()})  # fmt: skip


def step_size(config: AdamConfig, t: int) -> float:
    """Keras's bias-corrected step size at step ``t`` (1-based)."""
    return config.learning_rate * np.sqrt(1 - config.beta_2**t) / (1 - config.beta_1**t)


def adam_update(
    params: Mapping[str, np.ndarray],
    grads: Mapping[str, np.ndarray],
    state: AdamState,
    config: AdamConfig = AdamConfig(),
) -> tuple[dict[str, np.ndarray], AdamState]:
    """One dense Adam step on every parameter in ``grads``; inputs are left unchanged.

    Parameters without a gradient are passed through as they are.
    """
    t = state.t + 1
    lr_t = np.float32(step_size(config, t))
    b1, b2, eps = (np.float32(x) for x in (1 - config.beta_1, 1 - config.beta_2, config.epsilon))
    new_params, new_m, new_v = dict(params), dict(state.m), dict(state.v)
    for k, g in grads.items():
        # the formulas of the module docstring, in place on fresh arrays (fewer temporaries)
        m = g - state.m[k]
        m *= b1
        m += state.m[k]
        v = g * g
        v -= state.v[k]
        v *= b2
        v += state.v[k]
        step = np.sqrt(v)
        step += eps
        np.divide(m, step, out=step)
        step *= lr_t
        new_params[k] = params[k] - step
        new_m[k], new_v[k] = m, v
    return new_params, AdamState(t, new_m, new_v)


def adam_update_rows(
    param: np.ndarray,
    m: np.ndarray,
    v: np.ndarray,
    rows: np.ndarray,
    grad_rows: np.ndarray,
    t: int,
    config: AdamConfig = AdamConfig(),
) -> None:
    """Lazy Adam, **in place**: update only ``rows`` of ``param``, ``m`` and ``v``.

    ``rows`` must be distinct (sum the gradients of repeated ids first); ``grad_rows`` holds
    their gradients, in the same order; ``t`` is the step number after this step (1-based).
    In place because it is meant for copies a model has already made (keeping it pure).

    >>> w, m, v = np.ones((3, 2)), np.zeros((3, 2)), np.zeros((3, 2))
    >>> adam_update_rows(w, m, v, np.array([1]), np.array([[1.0, -1.0]]), t=1)
    >>> w.round(4).tolist()
    [[1.0, 1.0], [0.999, 1.001], [1.0, 1.0]]
    """
    lr_t = param.dtype.type(step_size(config, t))
    b1, b2 = param.dtype.type(1 - config.beta_1), param.dtype.type(1 - config.beta_2)
    m_r = m[rows] + b1 * (grad_rows - m[rows])
    v_r = v[rows] + b2 * (grad_rows * grad_rows - v[rows])
    m[rows], v[rows] = m_r, v_r
    param[rows] -= lr_t * m_r / (np.sqrt(v_r) + param.dtype.type(config.epsilon))
