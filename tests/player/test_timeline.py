"""The snapshot timeline: lookups by step, and a memory bound however long training runs."""

import numpy as np
import pytest

from explorer.player.timeline import Timeline


def test_lookup_by_step():
    tl = Timeline()
    for step in (0, 10, 20):
        tl.add(step, {"W": np.full((2, 2), step, dtype=np.float32)}, {"loss": 1.0 / (step + 1)})
    assert tl.steps() == [0, 10, 20]
    assert tl.at(7).step == 0 and tl.at(10).step == 10 and tl.at(99).step == 20
    assert tl.at(-5).step == 0
    assert tl.at(15).arrays["W"][0, 0] == 10
    assert tl.latest().info["loss"] == pytest.approx(1 / 21)


def test_arrays_are_copied():
    tl = Timeline()
    w = np.zeros(3)
    tl.add(0, {"W": w})
    w[:] = 1
    assert tl.at(0).arrays["W"].sum() == 0


def test_memory_stays_within_budget_and_covers_the_run():
    frame_bytes = 1000 * 8
    tl = Timeline(budget_bytes=50 * frame_bytes)
    for step in range(0, 10_000, 5):
        tl.add(step, {"W": np.zeros(1000)})
        assert tl.nbytes <= 50 * frame_bytes
    steps = tl.steps()
    assert steps[0] == 0 and steps[-1] >= 9_000
    gaps = np.diff(steps)
    assert gaps.max() <= 2 * gaps.min()  # evenly spread, not all bunched at one end
    assert len(steps) >= 20


def test_steps_must_not_go_backwards_and_clear_resets():
    tl = Timeline()
    tl.add(10, {})
    with pytest.raises(ValueError, match="clear"):
        tl.add(5, {})
    tl.clear()
    tl.add(5, {})
    assert tl.steps() == [5]
    with pytest.raises(LookupError):
        Timeline().at(0)
