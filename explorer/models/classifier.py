"""A sentiment classifier whose Embedding layer a learner watches train (seed 002, TF's tutorial).

Usage:
    >>> from explorer.models.sentiment_data import load_english
    >>> model = SentimentClassifier(load_english(), ClassifierConfig(epochs=5))
    >>> state = model.init_state()
    >>> state, snap = model.train_steps(state, 20)      # ``state`` before the call is unchanged
    >>> sorted(snap.metrics)                             # doctest: +NORMALIZE_WHITESPACE
    ['accuracy', 'loss', 'test_accuracy', 'test_loss']
    >>> model.tables(state)["embedding"].rows[:2]        # row 0 is the padding
    ['<pad>', 'the']
    >>> model.predict(state, ["a gorgeous, witty film"])          # P(positive), one per text
    >>> model.word_contributions(state, "a gorgeous, witty film")  # [(word, push on the logit)]

The model, in Keras's words (TensorFlow's "Word embeddings" tutorial)::

    Embedding(V, output_dim, mask_zero=True)      ids -> vectors; id 0 is padding
    GlobalAveragePooling1D()                      mean of the real words' vectors
    Dense(hidden_units, activation="relu")
    Dense(1, activation="sigmoid")                P(positive)
    loss="binary_crossentropy", optimizer=Adam(learning_rate)

``pooling="flatten"`` is seed 002's IMDB model instead: every text padded or cut to
``max_len`` ids ("post", like ``pad_sequences(..., padding="post", truncating="post")``),
``Embedding(V, output_dim)`` without a mask, ``Flatten()``, ``Dense(6, relu)`` (set
``hidden_units=6``), ``Dense(1, sigmoid)``. Each position has its own weights, so a word
teaches the model only at the positions where it was seen, and padding is read as words:
the reason pooling is the usual choice.

Rows of the embedding: row 0 is ``<pad>``, row ``i + 1`` is word ``i`` of the training
split's vocabulary (most frequent first, :class:`explorer.text.vocab.Vocabulary`). Words outside
the vocabulary are dropped from a text (no OOV row), as ``Vocabulary.encode`` does.

Training: numpy float32 and hand-written backprop (``gradients``, checked against central
finite differences in tests). Weights start as Keras's do: the embedding uniform in
[-0.05, 0.05], Dense kernels Glorot-uniform, biases zero. Each epoch visits the training
split in the order ``np.random.default_rng([seed, epoch]).permutation``, in batches of
``batch_size`` (the last one smaller), so training is pure, seeded and chunk-invariant.
The optimizer is :mod:`explorer.models.adam`: Keras's dense rule by default (every row
with momentum moves at every step), ``lazy_adam=True`` for the rows-in-the-batch-only rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from explorer.models.adam import AdamConfig, AdamState, adam_init, adam_update, adam_update_rows
from explorer.models.epochs import batch_indices, batches_per_epoch
from explorer.models.keras import Row, Sequential
from explorer.models.protocol import Snapshot, Table
from explorer.models.sentiment_data import SentimentData, text_words
from explorer.models.settings import require_positive, require_positive_ints
from explorer.text.vocab import Vocabulary

PAD = "<pad>"


@dataclass(frozen=True)
class ClassifierConfig:
    """The classifier's settings, with Keras's names; defaults train the live demo in seconds."""

    output_dim: int = 16  # d: length of a word vector (Keras Embedding's output_dim)
    hidden_units: int = 16  # units of the relu Dense layer (the tutorial: 16; seed 002: 6)
    pooling: Literal["mean", "flatten"] = "mean"  # mean of the words, or seed 002's Flatten
    max_len: int = 120  # ids kept per text (seed 002's max_length); Flatten pads to it
    max_vocab: int = 10_000  # most frequent training words kept (seed 002's vocab_size)
    min_count: int = 1  # words seen fewer times in the training split are dropped
    learning_rate: float = 0.005  # Adam's step size (Keras's default is 0.001: slower)
    batch_size: int = 32  # examples per Adam step (Keras's fit default)
    # passes over the training split; on 3,000 Chinese reviews held-out accuracy peaks after
    # about 3 (0.79), then the model overfits (0.77 after 5 and 10)
    epochs: int = 5
    lazy_adam: bool = False  # True: only the batch's embedding rows move (see adam.py)
    seed: int = 0  # weights and the order of examples come from (seed, epoch)

    def __post_init__(self) -> None:
        require_positive_ints(self, "output_dim", "hidden_units", "max_len", "max_vocab",
                              "min_count", "batch_size", "epochs")  # fmt: skip
        if self.pooling not in ("mean", "flatten"):
            raise ValueError(f'pooling must be "mean" or "flatten", got {self.pooling!r}')
        require_positive(self, "learning_rate")

    @property
    def vector_size(self) -> int:
        """gensim's name for ``output_dim``."""
        return self.output_dim


@dataclass(frozen=True, eq=False)
class ClassifierState:
    """Weights, Adam's moments and the position in training (``step`` batches done)."""

    params: dict[str, np.ndarray]
    adam: AdamState
    step: int


def encode(
    vocab: Vocabulary, texts_tokens: Sequence[Sequence[str]], max_len: int, fixed: bool
) -> np.ndarray:
    """Token lists -> an int32 ``(n, L)`` array of row ids (word ``i`` is row ``i + 1``),
    cut at ``max_len`` and padded with 0 at the end; ``L = max_len`` if ``fixed``, else the
    longest text's length (at most ``max_len``).

    >>> v = Vocabulary.build([["good", "film"]])
    >>> encode(v, [["good", "film", "unseen"], ["film"]], max_len=5, fixed=False).tolist()
    [[1, 2], [2, 0]]
    """
    rows = [ids[:max_len] + 1 for ids in vocab.encode(texts_tokens)]
    width = max_len if fixed else max([len(r) for r in rows] + [1])
    out = np.zeros((len(rows), width), dtype=np.int32)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


def _glorot(rng: np.random.Generator, fan_in: int, fan_out: int) -> np.ndarray:
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


def _softplus(z: np.ndarray) -> np.ndarray:
    return np.logaddexp(0, z)


def forward(params: dict[str, np.ndarray], ids: np.ndarray, pooling: str) -> dict[str, np.ndarray]:
    """Everything the backward pass needs; ``out["logit"]`` has shape ``(n,)``."""
    E = params["embedding"]
    e = E[ids]  # (n, L, d)
    if pooling == "mean":
        mask = (ids > 0).astype(E.dtype)
        count = np.maximum(mask.sum(axis=1, keepdims=True), 1)
        h = np.einsum("nld,nl->nd", e, mask) / count
    else:
        mask = count = None
        h = e.reshape(len(ids), -1)
    z1 = h @ params["dense_kernel"] + params["dense_bias"]
    a1 = np.maximum(z1, 0)
    logit = (a1 @ params["out_kernel"] + params["out_bias"])[:, 0]
    return {"ids": ids, "mask": mask, "count": count, "h": h, "z1": z1, "a1": a1, "logit": logit}


def bce(logit: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Binary cross-entropy of sigmoid(logit) against 0/1 ``y``, per example (stable form)."""
    return _softplus(logit) - y * logit


def gradients(
    params: dict[str, np.ndarray], ids: np.ndarray, y: np.ndarray, pooling: str
) -> tuple[float, dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray]:
    """Mean loss over the batch and its gradients.

    Returns ``(loss, dense_grads, rows, row_grads, logit)``: the gradients of the Dense
    layers by name, the embedding's as the distinct ``rows`` it reaches with their summed
    gradients (``row_grads[k]`` belongs to row ``rows[k]``), and the batch's logits.
    """
    f = forward(params, ids, pooling)
    n = len(y)
    loss = float(bce(f["logit"], y).mean())
    dlogit = ((1 / (1 + np.exp(-f["logit"])) - y) / n).astype(params["out_kernel"].dtype)
    grads = {
        "out_kernel": f["a1"].T @ dlogit[:, None],
        "out_bias": np.array([dlogit.sum()], dtype=dlogit.dtype),
    }
    dz1 = (dlogit[:, None] @ params["out_kernel"].T) * (f["z1"] > 0)
    grads["dense_kernel"] = f["h"].T @ dz1
    grads["dense_bias"] = dz1.sum(axis=0)
    dh = dz1 @ params["dense_kernel"].T  # (n, d) or (n, L * d)
    d = params["embedding"].shape[1]
    if pooling == "mean":
        de = (f["mask"] / f["count"])[:, :, None] * dh[:, None, :]  # (n, L, d)
    else:
        de = dh.reshape(n, -1, d)
    rows, row_grads = sum_rows(ids.ravel(), de.reshape(-1, d))
    if pooling == "mean" and rows[0] == 0:  # padding is masked: it gets no gradient
        rows, row_grads = rows[1:], row_grads[1:]
    return loss, grads, rows, row_grads, f["logit"]


def sum_rows(ids: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``ids`` (sorted) and, for each, the sum of its ``values`` rows.

    A stable sort and ``np.add.reduceat``: the same sums in the same order every time, and
    several times faster than ``np.add.at`` for a batch's few thousand ids.

    >>> sum_rows(np.array([3, 1, 3]), np.array([[1.0], [2.0], [4.0]]))
    (array([1, 3]), array([[2.],
           [5.]]))
    """
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
    return sorted_ids[starts], np.add.reduceat(values[order], starts, axis=0)


class SentimentClassifier:
    """Embedding -> pooling -> Dense(relu) -> Dense(sigmoid), on one :class:`SentimentData`.

    Follows :mod:`explorer.models.protocol`: ``init_state``, ``train_steps``, ``tables``.
    """

    def __init__(self, data: SentimentData, config: ClassifierConfig | None = None) -> None:
        self.data = data
        self.config = config = config or ClassifierConfig()
        self.vocab = Vocabulary.build(
            data.train_tokens, min_count=config.min_count, max_vocab=config.max_vocab
        )
        fixed = config.pooling == "flatten"
        self.train_ids = encode(self.vocab, data.train_tokens, config.max_len, fixed)
        self.test_ids = encode(self.vocab, data.test_tokens, config.max_len, fixed)
        self.train_y = data.train_labels.astype(np.float32)
        self.test_y = data.test_labels.astype(np.float32)
        self.rows = [PAD, *self.vocab.index_to_key]
        self.adam = AdamConfig(learning_rate=config.learning_rate)

    # --- sizes -----------------------------------------------------------------------------

    @property
    def batches_per_epoch(self) -> int:
        return batches_per_epoch(len(self.train_y), self.config.batch_size)

    @property
    def total_steps(self) -> int:
        return self.batches_per_epoch * self.config.epochs

    def _input_size(self) -> int:
        c = self.config
        return c.output_dim if c.pooling == "mean" else c.output_dim * c.max_len

    # --- the protocol ----------------------------------------------------------------------

    def init_state(self) -> ClassifierState:
        """Keras's initial weights, drawn from the seed."""
        c = self.config
        rng = np.random.default_rng([c.seed, 2**31])
        params = {
            "embedding": rng.uniform(-0.05, 0.05, (len(self.rows), c.output_dim)).astype(
                np.float32
            ),
            "dense_kernel": _glorot(rng, self._input_size(), c.hidden_units),
            "dense_bias": np.zeros(c.hidden_units, dtype=np.float32),
            "out_kernel": _glorot(rng, c.hidden_units, 1),
            "out_bias": np.zeros(1, dtype=np.float32),
        }
        return ClassifierState(params, adam_init(params), 0)

    def _batch(self, step: int) -> np.ndarray:
        return batch_indices(self.config.seed, step, len(self.train_y), self.config.batch_size)

    def _step(self, state: ClassifierState, idx: np.ndarray) -> tuple[ClassifierState, float, int]:
        ids, y = self.train_ids[idx], self.train_y[idx]
        if self.config.pooling == "mean":  # drop the batch's all-padding columns (masked anyway)
            ids = ids[:, : max(1, int((ids > 0).sum(axis=1).max()))]
        loss, grads, rows, row_grads, logit = gradients(state.params, ids, y, self.config.pooling)
        correct = int(((logit > 0) == y).sum())
        if self.config.lazy_adam:
            params, adam = adam_update(state.params, grads, state.adam, self.adam)
            E, m, v = (a["embedding"].copy() for a in (state.params, state.adam.m, state.adam.v))
            adam_update_rows(E, m, v, rows, row_grads, adam.t, self.adam)
            params["embedding"] = E
            adam = AdamState(adam.t, {**adam.m, "embedding": m}, {**adam.v, "embedding": v})
        else:
            full = np.zeros_like(state.params["embedding"])
            full[rows] = row_grads
            params, adam = adam_update(state.params, {**grads, "embedding": full}, state.adam,
                                       self.adam)  # fmt: skip
        return ClassifierState(params, adam, state.step + 1), loss * len(y), correct

    def train_steps(
        self, state: ClassifierState, n_batches: int
    ) -> tuple[ClassifierState, Snapshot]:
        """Run ``n_batches`` batches (fewer at the end); ``state`` is left as it was.

        Metrics: ``loss`` and ``accuracy`` over this call's batches (before each step's
        update, as Keras's progress bar counts them), ``test_loss`` and ``test_accuracy``
        on the whole test split after the call.
        """
        n = max(0, min(int(n_batches), self.total_steps - state.step))
        start = state
        total_loss, correct, seen = 0.0, 0, 0
        for _ in range(n):
            idx = self._batch(state.step)
            state, batch_loss, batch_correct = self._step(state, idx)
            total_loss, correct, seen = (
                total_loss + batch_loss,
                correct + batch_correct,
                seen + len(idx),
            )
        metrics = self.evaluate(state)
        loss = total_loss / seen if seen else float("nan")
        metrics = {"loss": loss, "accuracy": correct / seen if seen else float("nan"), **metrics}
        moved = np.flatnonzero(
            np.any(state.params["embedding"] != start.params["embedding"], axis=1)
        )
        finished = state.step >= self.total_steps
        snap = Snapshot(
            step=state.step,
            epoch=min(state.step // self.batches_per_epoch, self.config.epochs),
            batches=n,
            loss=loss,
            metrics=metrics,
            touched={"embedding": moved},
            finished=finished,
        )
        return state, snap

    def tables(self, state: ClassifierState) -> dict[str, Table]:
        """``{"embedding": Table}``: one row per vocabulary word, ``<pad>`` first."""
        counts = np.concatenate([[0], np.asarray(self.vocab.counts)])  # <pad> is never counted
        return {"embedding": Table("embedding", state.params["embedding"], list(self.rows), 1,
                                   counts)}  # fmt: skip

    # --- using the model -------------------------------------------------------------------

    def evaluate(self, state: ClassifierState) -> dict[str, float]:
        """Loss and accuracy on the test split."""
        logit = forward(state.params, self.test_ids, self.config.pooling)["logit"]
        return {
            "test_loss": float(bce(logit, self.test_y).mean()),
            "test_accuracy": float(((logit > 0) == self.test_y).mean()),
        }

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Raw texts -> padded row ids, tokenized as the training data was."""
        fixed = self.config.pooling == "flatten"
        return encode(self.vocab, [text_words(t) for t in texts], self.config.max_len, fixed)

    def logits(self, state: ClassifierState, ids: np.ndarray) -> np.ndarray:
        return forward(state.params, ids, self.config.pooling)["logit"]

    def predict(self, state: ClassifierState, texts: Sequence[str]) -> np.ndarray:
        """P(positive) for each text (a text without a known word gets the model's bias)."""
        return 1 / (1 + np.exp(-self.logits(state, self.encode_texts(texts)).astype(np.float64)))

    def word_contributions(self, state: ClassifierState, text: str) -> list[tuple[str, float]]:
        """Each known word's push on the logit: the logit minus the logit without that word.

        Leave-one-out, because with mean pooling and a relu layer the logit is not a sum of
        one term per word: removing a word changes the mean of the others too. The pushes
        therefore need not add up to the logit. Positive pushes make the text more
        positive. Words outside the vocabulary (no row) are left out of the list; a word
        that occurs twice is listed twice (each occurrence removed on its own).
        With ``pooling="flatten"`` the later words shift one place left when a word is
        removed, as they would in the text.
        """
        rows = self.encode_texts([text])[0]
        rows = rows[rows > 0]
        if len(rows) == 0:
            return []
        fixed = self.config.pooling == "flatten"
        width = self.config.max_len if fixed else len(rows)
        batch = np.zeros((len(rows) + 1, width), dtype=np.int32)
        batch[0, : len(rows)] = rows
        for i in range(len(rows)):
            rest = np.delete(rows, i)
            batch[i + 1, : len(rest)] = rest
        logit = self.logits(state, batch).astype(np.float64)
        return [(self.rows[r], float(logit[0] - logit[i + 1])) for i, r in enumerate(rows)]

    def summary(self) -> Sequential:
        """The model as ``model.summary()`` lists it (see :mod:`explorer.models.keras`)."""
        c = self.config
        d, V = c.output_dim, len(self.rows)
        if c.pooling == "mean":
            rows = [
                Row("embedding", "Embedding", (None, None, d), V * d),
                Row("global_average_pooling1d", "GlobalAveragePooling1D", (None, d), 0),
            ]
        else:
            rows = [
                Row("embedding", "Embedding", (None, c.max_len, d), V * d),
                Row("flatten", "Flatten", (None, c.max_len * d), 0),
            ]
        n_in = self._input_size()
        rows += [
            Row("dense", "Dense", (None, c.hidden_units), (n_in + 1) * c.hidden_units),
            Row("dense_1", "Dense", (None, 1), c.hidden_units + 1),
        ]
        return Sequential(rows)
