"""A live training run for the app: the pure trainer plus what the page shows over time.

Usage:
    >>> run = LiveRun(sentences, Word2VecConfig(), track=["cat", "kitten", "dog"])
    >>> snap = run.tick(20)          # 20 batches; returns the trainer's Snapshot
    >>> run.step, run.losses[-1], run.map_xy.shape
    >>> run.reset()                  # back to step 0 and the seed's initial matrix

The trainer (``train_steps`` of :mod:`explorer.models.word2vec.trainer`) stays pure; this object
only keeps its
latest state and the history the page draws: the loss per chunk, the learning rate, a map of
the tracked words whose axes stay put from frame to frame (PCA, each frame rotated onto the
last by Procrustes) with short trails, the rank of an analogy's answer, and a bounded
timeline of earlier matrices to scrub back through.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.maps.align import procrustes_align
from explorer.maps.pca import pca_coords
from explorer.models.vectors import Vectors
from explorer.models.word2vec.trainer import (
    Snapshot,
    TrainState,
    Word2VecConfig,
    init_state,
    train_steps,
)
from explorer.player.timeline import Frame, Timeline


@dataclass(frozen=True)
class Analogy:
    """``a - b + c = expected`` (king - man + woman = queen), followed over training."""

    a: str
    b: str
    c: str
    expected: str

    def words(self) -> tuple[str, str, str, str]:
        return (self.a, self.b, self.c, self.expected)


def analogy_rank(W: np.ndarray, key_to_index: dict[str, int], analogy: Analogy) -> int:
    """Rank of ``analogy.expected`` among all words for ``a - b + c`` (3CosAdd; 1 = first)."""
    unit = W / np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-12)
    a, b, c, e = (key_to_index[w] for w in analogy.words())
    query = unit[a] - unit[b] + unit[c]
    scores = unit @ query
    scores[[a, b, c]] = -np.inf  # the query words are not answers (as gensim)
    return int((scores > scores[e]).sum()) + 1


class LiveRun:
    """One user's training run, advanced a chunk of batches per tick."""

    def __init__(
        self,
        sentences: Sequence[Sequence[str]],
        config: Word2VecConfig,
        track: Sequence[str] = (),
        analogy: Analogy | None = None,
        map_top: int = 0,
        trail_length: int = 8,
        timeline_budget: int = 16 * 2**20,
        start: TrainState | None = None,
    ) -> None:
        self.config = config
        # ``sentences`` may be word-id arrays of ``start``'s vocabulary (see from_state)
        self.initial = init_state(sentences, config, vocab=start.vocab if start else None)
        vocab = self.initial.vocab
        self.map_top = map_top
        self.set_track(track, restart_map=False)
        self.analogy = analogy if analogy and all(w in vocab for w in analogy.words()) else None
        self.trail_length = trail_length
        self.timeline = Timeline(timeline_budget)
        #: Seconds the page spent on each recent tick (training and drawing), for the page's
        #: own performance note and the benchmark.
        self.tick_seconds: deque[float] = deque(maxlen=300)
        self.reset()
        if start is not None:  # go on from a saved state
            self.state = start
            self.map_xy = self._map_coords(None)
            self.timeline.clear()
            self._record()

    @classmethod
    def from_state(
        cls,
        state: TrainState,
        track: Sequence[str] = (),
        analogy: Analogy | None = None,
        map_top: int = 0,
    ) -> LiveRun:
        """A run that goes on from a saved state (a model file); Reset goes back to step 0.

        The state carries its corpus as word ids, so nothing else is needed.
        """
        cuts = np.flatnonzero(np.diff(state.sentence_ids)) + 1
        sentences = np.split(state.tokens.astype(np.int64), cuts)
        return cls(sentences, state.config, track, analogy, map_top, start=state)

    # --- running ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to step 0: the seed's initial matrices, no history."""
        self.state: TrainState = self.initial
        self.last: Snapshot | None = None
        self.steps: list[int] = []
        self.losses: list[float] = []
        self.learning_rates: list[float] = []
        self.analogy_ranks: list[int] = []
        self.analogy_steps: list[int] = []
        self.trails: deque[np.ndarray] = deque(maxlen=self.trail_length)
        self.map_xy = self._map_coords(None)
        self.timeline.clear()
        self._record()

    def tick(self, n_batches: int) -> Snapshot:
        """Advance by ``n_batches`` batches and record what the page shows."""
        self.state, snap = train_steps(self.state, n_batches)
        self.last = snap
        if snap.batches:
            self.steps.append(snap.step)
            self.losses.append(snap.loss)
            self.learning_rates.append(snap.learning_rate)
            self.trails.append(self.map_xy)
            self.map_xy = self._map_coords(self.map_xy)
            self._record()
        return snap

    def set_track(
        self, track: Sequence[str], map_top: int | None = None, restart_map: bool = True
    ) -> None:
        """Follow other words (and map the ``map_top`` most frequent words too).

        The model is untouched; the map starts afresh.
        """
        vocab = self.initial.vocab
        self.track = [w for w in dict.fromkeys(track) if w in vocab]
        self.missing = [w for w in dict.fromkeys(track) if w not in vocab]
        if map_top is not None:
            self.map_top = map_top
        frequent = [w for w in vocab.index_to_key[: self.map_top] if w not in self.track]
        self.map_words = self.track + frequent
        if restart_map:
            self.trails.clear()
            self.map_xy = self._map_coords(None)

    @property
    def step(self) -> int:
        return self.state.step

    @property
    def finished(self) -> bool:
        return self.state.finished

    # --- what the page reads ----------------------------------------------------------------

    def vectors(self, frame: Frame | None = None) -> Vectors:
        """The input vectors now (or at a timeline frame) as :class:`Vectors`."""
        W = self.state.W if frame is None else frame.arrays["W"]
        vocab = self.state.vocab
        return Vectors(vocab.index_to_key, W, vocab.counts)

    def track_ids(self) -> np.ndarray:
        index = self.state.vocab.key_to_index
        return np.array([index[w] for w in self.track], dtype=np.int64)

    def heatmap_rows(self, whole_below: int = 40) -> tuple[np.ndarray, list[str]]:
        """The rows the live heatmaps show, ``(ids, labels)``: the whole matrix for a
        vocabulary of at most ``whole_below`` words, else the tracked words'."""
        vocab = self.state.vocab
        if len(vocab) <= whole_below:
            return np.arange(len(vocab)), list(vocab.index_to_key)
        return self.track_ids(), list(self.track)

    def changed(self, ids: np.ndarray) -> np.ndarray | None:
        """For each of ``ids``, whether the last chunk updated it (None before any chunk)."""
        return None if self.last is None else np.isin(ids, self.last.touched_rows)

    def map_ids(self) -> np.ndarray:
        index = self.state.vocab.key_to_index
        return np.array([index[w] for w in self.map_words], dtype=np.int64)

    def _map_coords(self, previous: np.ndarray | None) -> np.ndarray:
        if len(self.map_words) < 2:
            return np.zeros((len(self.map_words), 2))
        xy = pca_coords(self.state.W[self.map_ids()])
        return xy if previous is None else procrustes_align(xy, previous)

    def _record(self) -> None:
        info = {"loss": self.losses[-1] if self.losses else float("nan")}
        if self.analogy is not None:
            rank = analogy_rank(self.state.W, self.state.vocab.key_to_index, self.analogy)
            self.analogy_ranks.append(rank)
            self.analogy_steps.append(self.step)
            info["analogy_rank"] = rank
        arrays = {"W": self.state.W, "W_out": self.state.W_out, "xy": self.map_xy}
        self.timeline.add(self.step, arrays, info)
