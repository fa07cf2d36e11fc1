"""Which examples a batch holds: a seeded order per epoch, shared by the task models.

Usage:
    >>> batch_indices(seed=0, step=3, n=10, batch_size=4)   # step 3 = epoch 1, batch 0
    array([...])
    >>> batches_per_epoch(10, 4)                            # the last batch holds 2
    3

Every epoch visits all ``n`` examples in the order ``np.random.default_rng([seed,
epoch]).permutation(n)``, ``batch_size`` at a time (the last batch smaller). The order
depends only on the seed and the epoch, never on how training was cut into calls: that is
what makes 10 + 10 steps equal 20.
"""

from __future__ import annotations

import functools

import numpy as np


def batches_per_epoch(n: int, batch_size: int) -> int:
    """``ceil(n / batch_size)``."""
    return -(-int(n) // int(batch_size))


@functools.lru_cache(maxsize=4)
def epoch_order(seed: int, epoch: int, n: int) -> np.ndarray:
    """The order of the ``n`` examples in ``epoch`` (cached, read-only)."""
    order = np.random.default_rng([seed, epoch]).permutation(n)
    order.flags.writeable = False
    return order


def batch_indices(seed: int, step: int, n: int, batch_size: int) -> np.ndarray:
    """The example indices of batch number ``step`` (counted from the start of training)."""
    epoch, b = divmod(int(step), batches_per_epoch(n, batch_size))
    return epoch_order(seed, epoch, n)[b * batch_size : (b + 1) * batch_size]
