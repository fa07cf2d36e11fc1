"""Word2vec's pure trainer as a model the live player drives (:mod:`explorer.models.protocol`).

Usage:
    >>> model = Word2VecModel(sentences, Word2VecConfig())
    >>> state = model.init_state()
    >>> state, snap = model.train_steps(state, 20)      # protocol Snapshot; state is a TrainState
    >>> snap.metrics["learning_rate"], snap.touched["W"][:3]
    >>> model.tables(state)["W"].rows[:3]                 # the vocabulary, most frequent first
    >>> Word2VecModel.from_state(saved_state)            # go on from a model file

An adapter, not a second trainer: :func:`explorer.models.word2vec.trainer.train_steps` does
the work and keeps its own, richer snapshot (the tracked words' vectors, the progress); this
class only speaks the protocol every model on a live page speaks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from explorer.models.protocol import Snapshot, Table
from explorer.models.word2vec.trainer import TrainState, Word2VecConfig, init_state, train_steps
from explorer.text.vocab import Vocabulary


class Word2VecModel:
    """word2vec (CBOW or skip-gram, any output layer) for the live player."""

    def __init__(
        self,
        sentences: Sequence[Sequence[str]] | Sequence[np.ndarray],
        config: Word2VecConfig,
        vocab: Vocabulary | None = None,
    ) -> None:
        self.config = config
        self.initial = init_state(sentences, config, vocab=vocab)

    @classmethod
    def from_state(cls, state: TrainState) -> tuple[Word2VecModel, TrainState]:
        """The model a saved state was trained by, and that state (its corpus travels as ids)."""
        cuts = np.flatnonzero(np.diff(state.sentence_ids)) + 1
        sentences = np.split(state.tokens.astype(np.int64), cuts)
        return cls(sentences, state.config, vocab=state.vocab), state

    @property
    def vocab(self) -> Vocabulary:
        return self.initial.vocab

    def init_state(self) -> TrainState:
        return self.initial

    def train_steps(self, state: TrainState, n_batches: int) -> tuple[TrainState, Snapshot]:
        new, snap = train_steps(state, n_batches)
        metrics = {"learning_rate": snap.learning_rate, "examples_seen": float(snap.examples_seen)}
        touched = {"W": snap.touched_rows}
        return new, Snapshot(snap.step, snap.epoch, snap.batches, snap.loss, metrics, touched,
                             snap.finished)  # fmt: skip

    def tables(self, state: TrainState) -> dict[str, Table]:
        """``W`` (input vectors) and ``W_out`` (output vectors; inner nodes with ``hs``)."""
        words = self.vocab.index_to_key
        out_rows = [f"node {j}" for j in range(len(words))] if self.config.hs else words
        return {
            "W": Table("W", state.W, words, counts=self.vocab.counts),
            "W_out": Table("W_out", state.W_out, out_rows),
        }
