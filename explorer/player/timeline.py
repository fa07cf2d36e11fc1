"""A bounded history of training snapshots, for scrubbing back through training.

Usage:
    >>> tl = Timeline(budget_bytes=32 * 2**20)
    >>> tl.add(step=0, arrays={"W": W0}, info={"loss": 4.2})
    >>> tl.add(step=10, arrays={"W": W1}, info={"loss": 3.9})
    >>> tl.steps()            # [0, 10]
    >>> tl.at(7).step         # the latest frame at or before step 7: 0

When the frames outgrow the budget, every other frame is dropped (the first and the latest
always stay) and from then on only every second frame is kept, then every fourth, and so
on: memory stays bounded however long training runs, and the whole run stays covered at
an even, coarser resolution. (The live state is the newest moment; the timeline is for
looking back.)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Frame:
    """One moment of training: its step, some arrays (copied) and small facts."""

    step: int
    arrays: dict[str, np.ndarray]
    info: dict[str, object] = field(default_factory=dict)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.arrays.values())


class Timeline:
    """Frames ordered by step, thinned to stay within ``budget_bytes``."""

    def __init__(self, budget_bytes: int = 64 * 2**20) -> None:
        self.budget_bytes = budget_bytes
        self.stride = 1  # keep one frame in `stride` of those offered
        self._frames: list[Frame] = []
        self._offered = 0

    def __len__(self) -> int:
        return len(self._frames)

    @property
    def nbytes(self) -> int:
        return sum(f.nbytes for f in self._frames)

    def add(self, step: int, arrays: dict[str, np.ndarray], info: dict | None = None) -> bool:
        """Offer a frame; returns whether it was kept. Steps must not go backwards."""
        if self._frames and step < self._frames[-1].step:
            raise ValueError("frames must be added in step order; clear() after a reset")
        keep = self._offered % self.stride == 0
        self._offered += 1
        if keep:
            arrays = {k: np.array(v, copy=True) for k, v in arrays.items()}
            self._frames.append(Frame(step, arrays, dict(info or {})))
            self._thin_if_needed()
        return keep

    def _thin_if_needed(self) -> None:
        while self.nbytes > self.budget_bytes and len(self._frames) > 2:
            first, last = self._frames[0], self._frames[-1]
            middle = self._frames[1:-1]
            self._frames = [first, *middle[1::2], last] if middle else [first, last]
            self.stride *= 2

    def steps(self) -> list[int]:
        return [f.step for f in self._frames]

    def at(self, step: int) -> Frame:
        """The latest frame at or before ``step`` (the first frame if none is)."""
        if not self._frames:
            raise LookupError("the timeline is empty")
        i = bisect.bisect_right(self.steps(), step) - 1
        return self._frames[max(i, 0)]

    def latest(self) -> Frame:
        if not self._frames:
            raise LookupError("the timeline is empty")
        return self._frames[-1]

    def clear(self) -> None:
        self._frames.clear()
        self.stride = 1
        self._offered = 0
