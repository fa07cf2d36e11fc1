"""What a model offers the live player: pure seeded steps, named embedding tables, a loss.

Usage (any model of this package):
    >>> state = model.init_state()                  # from the model's data and config
    >>> state, snap = model.train_steps(state, 20)  # 20 batches; ``state`` is not changed
    >>> snap.step, snap.loss, snap.metrics          # 20, 0.61, {"accuracy": 0.71, ...}
    >>> tables = model.tables(state)                # {"embedding": Table(...), ...}
    >>> tables["embedding"].rows[:3], tables["embedding"].array.shape
    (['<pad>', 'good', 'bad'], (2000, 16))

The rules every model keeps (tests check them for each):
- **Pure**: ``train_steps`` never changes the state it is given (arrays are copied).
- **Seeded**: every random draw comes from the config's seed and the position in training
  (for example ``np.random.default_rng([seed, epoch])``), so ``train_steps(s, 10)`` twice
  equals ``train_steps(s, 20)`` bit for bit, and the same seed gives the same run.
- **Steppable to the end**: past the last epoch ``train_steps`` does nothing and says
  ``finished``.
- **Tables with row labels**: the embedding tables a learner watches, by name (word2vec:
  ``W`` and ``W_out``; a classifier: ``embedding``; a recommender: ``users`` and ``items``),
  each with one label per row, so the player can draw heatmaps, maps and neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import numpy as np


@dataclass(frozen=True)
class Table:
    """An embedding table: ``array`` (rows x dimensions) and one label per row.

    ``first_word``: rows before it are padding or special tokens (``<pad>``, ``[MASK]``),
    which maps of "the first N rows" skip; ``counts``: how often each row's word was seen,
    when the model knows (word2vec's vocabulary), for vectors that keep frequencies.
    """

    name: str
    array: np.ndarray
    rows: list[str]
    first_word: int = 0
    counts: np.ndarray | None = None


@dataclass(frozen=True)
class Snapshot:
    """What one call of ``train_steps`` did.

    Attributes:
        step: batches done since the start, after this call.
        epoch: the current epoch (equal to the number of epochs once finished).
        batches: batches run by this call (0 once training has finished).
        loss: mean training loss per example over this call's batches (NaN if none ran).
        metrics: other figures after this call, by name, e.g. ``{"accuracy": 0.8,
            "test_accuracy": 0.74}`` or ``{"rmse": 0.9, "test_rmse": 1.0}``.
        touched: for each table name, the sorted distinct rows this call changed.
        finished: all epochs are done; further calls do nothing.
    """

    step: int
    epoch: int
    batches: int
    loss: float
    metrics: Mapping[str, float] = field(default_factory=dict)
    touched: Mapping[str, np.ndarray] = field(default_factory=dict)
    finished: bool = False


@runtime_checkable
class Steppable(Protocol):
    """A model the live player can drive (see the module docstring for the rules)."""

    def init_state(self) -> Any:
        """The state at step 0, drawn from the seed."""

    def train_steps(self, state: Any, n_batches: int) -> tuple[Any, Snapshot]:
        """Run ``n_batches`` batches (fewer if training ends); ``state`` stays as it was."""

    def tables(self, state: Any) -> dict[str, Table]:
        """The embedding tables of ``state``, by name, with their row labels."""
