"""Word2vec on the live player: its run, and the analogy whose answer the page follows.

Usage:
    >>> run = word2vec_run(sentences, Word2VecConfig(), ["cat", "kitten"],
    ...                    Analogy("king", "man", "woman", "queen"))
    >>> run.tick(20); run.series("analogy_rank")      # ([0, 20], [412.0, 388.0])
    >>> run.state.W, run.state.vocab                   # the trainer's TrainState
    >>> resumed = run_from_state(saved_state, ["cat"])  # a model file goes on training
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from explorer.models.vectors import unit_rows
from explorer.models.word2vec.live import Word2VecModel
from explorer.models.word2vec.trainer import TrainState, Word2VecConfig
from explorer.player.run import LiveRun

ANALOGY_RANK = "analogy_rank"  # the probe's name in the run's history


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
    unit = unit_rows(W)
    a, b, c, e = (key_to_index[w] for w in analogy.words())
    query = unit[a] - unit[b] + unit[c]
    scores = unit @ query
    scores[[a, b, c]] = -np.inf  # the query words are not answers (as gensim)
    return int((scores > scores[e]).sum()) + 1


def _rank_probe(analogy: Analogy, state: TrainState) -> float:
    return float(analogy_rank(state.W, state.vocab.key_to_index, analogy))


def word2vec_run(
    sentences: Sequence[Sequence[str]],
    config: Word2VecConfig,
    track: Sequence[str] = (),
    analogy: Analogy | None = None,
    map_top: int = 0,
) -> LiveRun:
    """A live word2vec run; its history follows ``analogy``'s rank when its words are known."""
    model = Word2VecModel(sentences, config)
    return _run(model, track, analogy, map_top, None)


def run_from_state(
    state: TrainState, track: Sequence[str] = (), analogy: Analogy | None = None
) -> LiveRun:
    """A run that goes on from a saved state (a model file); Reset goes back to step 0."""
    model, start = Word2VecModel.from_state(state)
    return _run(model, track, analogy, 0, start)


def _run(model: Word2VecModel, track, analogy, map_top: int, start) -> LiveRun:  # noqa: ANN001
    known = analogy is not None and all(w in model.vocab for w in analogy.words())
    probes = {ANALOGY_RANK: partial(_rank_probe, analogy)} if known else {}
    run = LiveRun(model, track, map_table="W", map_top=map_top, probes=probes, start=start)
    run.analogy = analogy if known else None
    return run
