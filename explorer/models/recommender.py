"""A recommender with a user table and an item table (seed 002's model), trained live.

Usage:
    >>> from explorer.models.ratings_data import load_shop_ratings
    >>> model = Recommender(load_shop_ratings(), RecommenderConfig(epochs=5))
    >>> state = model.init_state()
    >>> state, snap = model.train_steps(state, 20)       # ``state`` before the call is unchanged
    >>> sorted(snap.metrics)
    ['rmse', 'test_rmse', 'train_rmse']
    >>> sorted(model.tables(state))                      # row labels: user and item names
    ['items', 'users']
    >>> model.predict(state, "user001", ["tent", "flour"])   # predicted ratings

The model, in Keras's words (seed 002)::

    user = Embedding(num_users, output_dim)(user_id)     # the "users" table
    item = Embedding(num_items, output_dim)(item_id)     # the "items" table
    rating = Dot(axes=1)([Flatten()(user), Flatten()(item)])
             (+ Embedding(num_users, 1)(user_id) + Embedding(num_items, 1)(item_id) + mean)
    loss="mse", optimizer=Adam(learning_rate)

With ``use_bias=True`` (the default) each user and item also has a learned bias (a user
who rates everything high, an item everyone likes) and the training ratings' mean is added
as a constant, so the dot product is left to model *taste*: which users like which items.
Without biases the model is seed 002's exactly (the dot product alone).

Training: numpy float32, hand-written gradients (checked by finite differences in
tests), weights drawn as Keras's (embeddings uniform in [-0.05, 0.05], biases zero). Each
epoch visits the training ratings in the order ``np.random.default_rng([seed, epoch])``, in
batches of ``batch_size``: pure, seeded, chunk-invariant. Adam from
:mod:`explorer.models.adam`: Keras's dense rule by default, ``lazy_adam=True`` for the
rows-in-the-batch-only rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.models.adam import AdamConfig, AdamState, adam_init, adam_update, adam_update_rows
from explorer.models.epochs import batch_indices, batches_per_epoch
from explorer.models.keras import Row, Sequential
from explorer.models.protocol import Snapshot, Table
from explorer.models.ratings_data import Ratings
from explorer.models.settings import require_positive, require_positive_ints

#: (table, parameter, ids field of the batch) for the parameters indexed by user or item
_INDEXED = (("users", "users"), ("items", "items"), ("user_bias", "users"), ("item_bias", "items"))


@dataclass(frozen=True)
class RecommenderConfig:
    """The recommender's settings (Keras's names); defaults train the shop's log in seconds."""

    output_dim: int = 8  # d: length of a user or item vector (Keras Embedding's output_dim)
    use_bias: bool = True  # learn a bias per user and per item, plus the mean as a constant
    learning_rate: float = 0.005  # Adam's step size (Keras's default is 0.001: slower)
    batch_size: int = 64  # ratings per Adam step
    # passes over the training ratings; on the shop's log, test RMSE stops improving after
    # about 10 (with no regulariser, more epochs overfit: train RMSE falls, test RMSE rises)
    epochs: int = 10
    lazy_adam: bool = False  # True: only the batch's rows move (see adam.py)
    seed: int = 0  # weights and the order of ratings come from (seed, epoch)

    def __post_init__(self) -> None:
        require_positive_ints(self, "output_dim", "batch_size", "epochs")
        require_positive(self, "learning_rate")

    @property
    def vector_size(self) -> int:
        """gensim's name for ``output_dim``."""
        return self.output_dim


@dataclass(frozen=True, eq=False)
class RecommenderState:
    """Weights (``users``, ``items``, ``user_bias``, ``item_bias``), Adam's moments, ``step``."""

    params: dict[str, np.ndarray]
    adam: AdamState
    step: int


def predict_ids(
    params: dict[str, np.ndarray], users: np.ndarray, items: np.ndarray, mean: float
) -> np.ndarray:
    """Predicted ratings for pairs of ids: ``users[u] . items[i] (+ biases + mean)``."""
    pred = np.einsum("nd,nd->n", params["users"][users], params["items"][items])
    if "user_bias" in params:
        pred = pred + params["user_bias"][users] + params["item_bias"][items] + np.float32(mean)
    return pred


def gradients(
    params: dict[str, np.ndarray],
    users: np.ndarray,
    items: np.ndarray,
    ratings: np.ndarray,
    mean: float,
) -> tuple[float, dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray]:
    """Mean squared error over the batch and its gradients.

    Returns ``(loss, grads, pred)`` with ``grads[name] = (rows, row_grads)``: the distinct
    rows of that parameter the batch reaches and their summed gradients.
    """
    pred = predict_ids(params, users, items, mean)
    err = pred - ratings
    loss = float(np.mean(err.astype(np.float64) ** 2))
    dpred = (2 * err / len(ratings)).astype(params["users"].dtype)
    per_example = {
        "users": dpred[:, None] * params["items"][items],
        "items": dpred[:, None] * params["users"][users],
    }
    if "user_bias" in params:
        per_example["user_bias"] = per_example["item_bias"] = dpred
    ids = {"users": users, "items": items}
    grads = {}
    for name, by in _INDEXED:
        if name not in per_example:
            continue
        rows, inverse = np.unique(ids[by], return_inverse=True)
        g = per_example[name]
        summed = np.zeros((len(rows), *g.shape[1:]), dtype=g.dtype)
        np.add.at(summed, inverse, g)
        grads[name] = (rows, summed)
    return loss, grads, pred


def summary_rows(num_users: int, num_items: int, output_dim: int, use_bias: bool) -> Sequential:
    """Seed 002's functional model, layer by layer (as ``model.summary()`` lists it).

    >>> summary_rows(1000, 10_000, 32, use_bias=False).total    # seed 002's sizes
    352000
    """
    d = int(output_dim)
    rows = [
        Row("user_id", "InputLayer", (None, 1), 0),
        Row("item_id", "InputLayer", (None, 1), 0),
        Row("embedding", "Embedding", (None, 1, d), num_users * d),
        Row("embedding_1", "Embedding", (None, 1, d), num_items * d),
        Row("flatten", "Flatten", (None, d), 0),
        Row("flatten_1", "Flatten", (None, d), 0),
        Row("dot", "Dot", (None, 1), 0),
    ]
    if use_bias:
        rows += [
            Row("user_bias", "Embedding", (None, 1, 1), num_users),
            Row("item_bias", "Embedding", (None, 1, 1), num_items),
            Row("add", "Add", (None, 1), 0),
        ]
    return Sequential(rows, name="model")


class Recommender:
    """User and item tables whose dot product predicts a rating, on one :class:`Ratings`.

    Follows :mod:`explorer.models.protocol`: ``init_state``, ``train_steps``, ``tables``.
    """

    def __init__(self, data: Ratings, config: RecommenderConfig | None = None) -> None:
        self.data = data
        self.config = config = config or RecommenderConfig()
        self.mean = float(data.train_ratings.mean()) if config.use_bias else 0.0
        self.adam = AdamConfig(learning_rate=config.learning_rate)
        self._item_index = {item: i for i, item in enumerate(data.items)}
        self._user_index = {user: i for i, user in enumerate(data.users)}

    @property
    def batches_per_epoch(self) -> int:
        return batches_per_epoch(self.data.n_train, self.config.batch_size)

    @property
    def total_steps(self) -> int:
        return self.batches_per_epoch * self.config.epochs

    def init_state(self) -> RecommenderState:
        """Keras's initial weights, drawn from the seed."""
        c = self.config
        rng = np.random.default_rng([c.seed, 2**31])
        U, I = len(self.data.users), len(self.data.items)  # noqa: E741 - the paper's names
        params = {
            "users": rng.uniform(-0.05, 0.05, (U, c.output_dim)).astype(np.float32),
            "items": rng.uniform(-0.05, 0.05, (I, c.output_dim)).astype(np.float32),
        }
        if c.use_bias:
            params["user_bias"] = np.zeros(U, dtype=np.float32)
            params["item_bias"] = np.zeros(I, dtype=np.float32)
        return RecommenderState(params, adam_init(params), 0)

    def _batch(self, step: int) -> np.ndarray:
        return batch_indices(self.config.seed, step, self.data.n_train, self.config.batch_size)

    def _step(self, state: RecommenderState, idx: np.ndarray) -> tuple[RecommenderState, float]:
        d = self.data
        loss, grads, _ = gradients(state.params, d.train_users[idx], d.train_items[idx],
                                   d.train_ratings[idx], self.mean)  # fmt: skip
        if self.config.lazy_adam:
            t = state.adam.t + 1
            params, m, v = dict(state.params), dict(state.adam.m), dict(state.adam.v)
            for name, (rows, g) in grads.items():
                params[name], m[name], v[name] = (
                    a[name].copy() for a in (state.params, state.adam.m, state.adam.v)
                )
                adam_update_rows(params[name], m[name], v[name], rows, g, t, self.adam)
            adam = AdamState(t, m, v)
        else:
            full = {}
            for name, (rows, g) in grads.items():
                full[name] = np.zeros_like(state.params[name])
                full[name][rows] = g
            params, adam = adam_update(state.params, full, state.adam, self.adam)
        return RecommenderState(params, adam, state.step + 1), loss * len(idx)

    def rmse(self, state: RecommenderState, split: str = "test") -> float:
        """Root mean squared error on the ``"train"`` or ``"test"`` split."""
        d = self.data
        u, i, r = (getattr(d, f"{split}_{x}") for x in ("users", "items", "ratings"))
        err = predict_ids(state.params, u, i, self.mean) - r
        return float(np.sqrt(np.mean(err.astype(np.float64) ** 2)))

    def train_steps(
        self, state: RecommenderState, n_batches: int
    ) -> tuple[RecommenderState, Snapshot]:
        """Run ``n_batches`` batches (fewer at the end); ``state`` is left as it was.

        Metrics: ``rmse`` over this call's batches (each before its update), and
        ``train_rmse``, ``test_rmse`` on the whole splits after the call.
        """
        n = max(0, min(int(n_batches), self.total_steps - state.step))
        start, total, seen = state, 0.0, 0
        for _ in range(n):
            idx = self._batch(state.step)
            state, batch_loss = self._step(state, idx)
            total, seen = total + batch_loss, seen + len(idx)
        loss = total / seen if seen else float("nan")
        metrics = {
            "rmse": float(np.sqrt(loss)),
            "train_rmse": self.rmse(state, "train"),
            "test_rmse": self.rmse(state, "test"),
        }
        touched = {
            name: np.flatnonzero(np.any(state.params[name] != start.params[name], axis=1))
            for name in ("users", "items")
        }
        return state, Snapshot(
            step=state.step,
            epoch=min(state.step // self.batches_per_epoch, self.config.epochs),
            batches=n,
            loss=loss,
            metrics=metrics,
            touched=touched,
            finished=state.step >= self.total_steps,
        )

    def tables(self, state: RecommenderState) -> dict[str, Table]:
        """``{"users": Table, "items": Table}``, rows labelled with the names in the data."""
        return {
            "users": Table("users", state.params["users"], list(self.data.users)),
            "items": Table("items", state.params["items"], list(self.data.items)),
        }

    def predict(self, state: RecommenderState, user: str, items: Sequence[str]) -> np.ndarray:
        """``user``'s predicted ratings of ``items`` (a KeyError names an unknown one)."""
        for name, index in ((user, self._user_index), *((i, self._item_index) for i in items)):
            if name not in index:
                raise KeyError(f"{name!r} is not in the ratings")
        u = np.full(len(items), self._user_index[user])
        i = np.array([self._item_index[x] for x in items], dtype=np.int64)
        return predict_ids(state.params, u, i, self.mean).astype(np.float64)

    def rated(self, user: str) -> set[str]:
        """The items ``user`` rated in the training split (to show only unseen ones)."""
        u = self._user_index[user]
        return {self.data.items[i] for i in self.data.train_items[self.data.train_users == u]}

    def summary(self) -> Sequential:
        """The model as ``model.summary()`` lists it (see :func:`summary_rows`)."""
        c = self.config
        return summary_rows(len(self.data.users), len(self.data.items), c.output_dim, c.use_bias)


def item_mean_baseline(data: Ratings) -> float:
    """Test RMSE of "predict each item's mean training rating" (the overall mean for an item
    without training ratings): the baseline a recommender should beat."""
    sums = np.bincount(data.train_items, weights=data.train_ratings, minlength=len(data.items))
    counts = np.bincount(data.train_items, minlength=len(data.items))
    overall = float(data.train_ratings.mean())
    means = np.where(counts > 0, sums / np.maximum(counts, 1), overall)
    err = means[data.test_items] - data.test_ratings
    return float(np.sqrt(np.mean(err**2)))
