"""The seeded order of examples the task models share."""

import numpy as np

from explorer.models.epochs import batch_indices, batches_per_epoch, epoch_order


def test_each_epoch_visits_every_example_once():
    n, size = 10, 4
    assert batches_per_epoch(n, size) == 3
    for epoch in range(3):
        seen = np.concatenate([batch_indices(7, epoch * 3 + b, n, size) for b in range(3)])
        assert sorted(seen.tolist()) == list(range(n))
    assert len(batch_indices(7, 2, n, size)) == 2  # the last batch is smaller


def test_order_depends_on_seed_and_epoch_only():
    assert np.array_equal(epoch_order(1, 0, 50), np.random.default_rng([1, 0]).permutation(50))
    assert not np.array_equal(epoch_order(1, 0, 50), epoch_order(1, 1, 50))
    assert not epoch_order(1, 0, 50).flags.writeable  # shared by every batch: read-only
