"""A model played live: the pure model plus what a page shows over time.

Usage:
    >>> run = LiveRun(model, track=["good", "bad"])   # any Steppable (models/protocol.py)
    >>> snap = run.tick(20)                # 20 batches; returns the model's Snapshot
    >>> run.step, run.losses[-1], run.map_xy.shape
    >>> run.series("test_accuracy")        # (steps, values) of a metric or a probe
    >>> run.reset()                        # back to step 0 and the seed's initial tables

The model stays pure (``train_steps(state, n) -> (new state, snapshot)``); this object
keeps its latest state and the history a page draws: the loss and the snapshot's metrics
per chunk, ``probes`` (figures the page computes from a state, e.g. an analogy's rank or
how well two senses separate; evaluated at step 0 too), a map of the tracked rows of one
table whose axes stay put from frame to frame (PCA, each frame rotated onto the last by
Procrustes) with short trails, and a bounded timeline of earlier tables to scrub back
through. Word2vec, the classifier, the recommender and the masked LM all play through it.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from explorer.maps.align import procrustes_align
from explorer.maps.pca import pca_coords
from explorer.models.protocol import Snapshot, Steppable, Table
from explorer.models.vectors import Vectors
from explorer.player.timeline import Frame, Timeline

#: A probe: a figure computed from a model's state (float; NaN when it cannot be computed).
Probe = Callable[[Any], float]


class LiveRun:
    """One user's run of a steppable model, advanced a chunk of batches per tick."""

    def __init__(
        self,
        model: Steppable,
        track: Sequence[str] = (),
        *,
        map_table: str | None = None,
        map_top: int = 0,
        probes: Mapping[str, Probe] | None = None,
        trail_length: int = 8,
        timeline_budget: int = 16 * 2**20,
        start: Any = None,
    ) -> None:
        self.model = model
        self.initial = model.init_state()
        tables = model.tables(self.initial)
        self.map_table = map_table or next(iter(tables))
        self._labels = tables[self.map_table].rows  # fixed for the whole run
        self._index = {label: i for i, label in enumerate(self._labels)}
        self._first_word = tables[self.map_table].first_word
        self.probes = dict(probes or {})
        self.map_top = map_top
        self.trail_length = trail_length
        self.timeline = Timeline(timeline_budget)
        #: Seconds the page spent on each recent tick (training and drawing), for the page's
        #: own performance note and the benchmark.
        self.tick_seconds: deque[float] = deque(maxlen=300)
        self.set_track(track, restart_map=False)
        self.reset()
        if start is not None:  # go on from a saved state; Reset still goes back to step 0
            self.state = start
            self.map_xy = self._map_coords(None)
            self.history.clear()
            self.timeline.clear()
            self._record(None)

    # --- running ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to step 0: the seed's initial tables, no history."""
        self.state: Any = self.initial
        self.last: Snapshot | None = None
        self.history: list[dict[str, float]] = []  # one record per moment, step 0 first
        self.trails: deque[np.ndarray] = deque(maxlen=self.trail_length)
        self.map_xy = self._map_coords(None)
        self.timeline.clear()
        self._record(None)

    def tick(self, n_batches: int) -> Snapshot:
        """Advance by ``n_batches`` batches and record what the page shows."""
        self.state, snap = self.model.train_steps(self.state, n_batches)
        self.last = snap
        if snap.batches:
            self.trails.append(self.map_xy)
            self.map_xy = self._map_coords(self.map_xy)
            self._record(snap)
        return snap

    @property
    def config(self) -> Any:
        """The model's settings (every model here keeps them as ``config``)."""
        return self.model.config

    @property
    def step(self) -> int:
        return self.history[-1]["step"] if self.last is None else self.last.step

    @property
    def finished(self) -> bool:
        return bool(self.last is not None and self.last.finished) or self._state_finished()

    def _state_finished(self) -> bool:
        return bool(getattr(self.state, "finished", False))

    # --- history ----------------------------------------------------------------------------

    @property
    def steps(self) -> list[int]:
        """The step after each chunk trained (step 0 is not a chunk)."""
        return [int(r["step"]) for r in self.history if "loss" in r]

    @property
    def losses(self) -> list[float]:
        """The mean training loss of each chunk trained."""
        return [r["loss"] for r in self.history if "loss" in r]

    def series(self, name: str) -> tuple[list[int], list[float]]:
        """``(steps, values)`` of a snapshot metric or a probe, where it has a value."""
        pairs = [(int(r["step"]), r[name]) for r in self.history if name in r]
        return [s for s, _ in pairs], [v for _, v in pairs]

    def latest(self, name: str, default: float = math.nan) -> float:
        """The newest value of a metric or a probe (``default`` before it has one)."""
        return next((r[name] for r in reversed(self.history) if name in r), default)

    def _record(self, snap: Snapshot | None) -> None:
        record: dict[str, float] = {"step": snap.step if snap else self._state_step()}
        if snap is not None:
            record["loss"] = snap.loss
            record |= {k: float(v) for k, v in snap.metrics.items()}
        for name, probe in self.probes.items():
            record[name] = float(probe(self.state))
        self.history.append(record)
        arrays = {name: t.array for name, t in self.tables().items()} | {"xy": self.map_xy}
        info = {k: v for k, v in record.items() if k != "step"}
        self.timeline.add(int(record["step"]), arrays, info)

    def _state_step(self) -> int:
        return int(getattr(self.state, "step", 0))

    # --- tracked rows and the map -----------------------------------------------------------

    def set_track(
        self, track: Sequence[str], map_top: int | None = None, restart_map: bool = True
    ) -> None:
        """Follow other rows of the map's table (and map its ``map_top`` first rows too).

        The model is untouched; the map starts afresh.
        """
        self.track = [w for w in dict.fromkeys(track) if w in self._index]
        self.missing = [w for w in dict.fromkeys(track) if w not in self._index]
        if map_top is not None:
            self.map_top = map_top
        first = self._labels[self._first_word : self._first_word + self.map_top]
        self.map_words = self.track + [w for w in first if w not in self.track]
        if restart_map:
            self.trails.clear()
            self.map_xy = self._map_coords(None)

    def track_ids(self) -> np.ndarray:
        return np.array([self._index[w] for w in self.track], dtype=np.int64)

    def map_ids(self) -> np.ndarray:
        return np.array([self._index[w] for w in self.map_words], dtype=np.int64)

    def _map_coords(self, previous: np.ndarray | None) -> np.ndarray:
        if len(self.map_words) < 2:
            return np.zeros((len(self.map_words), 2))
        xy = pca_coords(self.tables()[self.map_table].array[self.map_ids()])
        return xy if previous is None else procrustes_align(xy, previous)

    # --- what the page reads ----------------------------------------------------------------

    def tables(self, frame: Frame | None = None) -> dict[str, Table]:
        """The model's tables now, or with a timeline frame's arrays."""
        now = self.model.tables(self.state)
        if frame is None:
            return now
        return {
            n: Table(n, frame.arrays[n], t.rows, t.first_word, t.counts) for n, t in now.items()
        }

    def vectors(self, table: str | None = None, frame: Frame | None = None) -> Vectors:
        """A table's rows (the map's table by default), now or at a frame, as Vectors."""
        t = self.tables(frame)[table or self.map_table]
        return Vectors(t.rows[t.first_word :], t.array[t.first_word :],
                       None if t.counts is None else t.counts[t.first_word :])  # fmt: skip

    def heatmap_rows(
        self, table: str | None = None, whole_below: int = 40, first: int = 20
    ) -> tuple[np.ndarray, list[str]]:
        """The rows a live heatmap of ``table`` shows, ``(ids, labels)``: the whole table
        when it has at most ``whole_below`` rows, else the tracked rows it has, else its
        ``first`` rows (after padding and special tokens)."""
        t = self.model.tables(self.state)[table or self.map_table]
        if len(t.rows) <= whole_below:
            return np.arange(len(t.rows)), list(t.rows)
        if (table or self.map_table) == self.map_table and self.track:
            return self.track_ids(), list(self.track)
        index = {label: i for i, label in enumerate(t.rows)}
        tracked = [w for w in self.track if w in index]
        if tracked:
            return np.array([index[w] for w in tracked], dtype=np.int64), tracked
        ids = np.arange(t.first_word, min(len(t.rows), t.first_word + first))
        return ids, [t.rows[i] for i in ids]

    def changed(self, table: str | None, ids: np.ndarray) -> np.ndarray | None:
        """For each of ``ids``, whether the last chunk updated that row of ``table``
        (None before any chunk, or when the model does not say which rows it touched)."""
        if self.last is None:
            return None
        touched = self.last.touched.get(table or self.map_table)
        return None if touched is None else np.isin(ids, touched)
