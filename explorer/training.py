"""Steppable word2vec training: a frozen ``TrainState`` and pure functions that advance it.

Usage:
    >>> config = Word2VecConfig(vector_size=8, min_count=1, epochs=2)
    >>> state = init_state([["the", "cat", "sat"], ["the", "dog", "sat"]] * 20, config)
    >>> state, snap = train_steps(state, 3, track=("cat",))
    >>> snap.step, snap.finished, snap.tracked["cat"].shape
    (3, False, (8,))
    >>> state, snap = train_steps(state, 1000)          # runs to the end, then stops
    >>> snap.finished, train_steps(state, 1)[1].batches
    (True, 0)

How training is laid out (as in word2vec.c and gensim, vectorised with numpy):

* An *epoch* walks the corpus once. At its start, with randomness from
  ``np.random.default_rng([seed, epoch])`` only, frequent words are downsampled
  (``sample``), each remaining word draws its reduced window ``b`` in ``1..window``
  (``shrink_windows``), and the negatives are drawn. The result, an :class:`EpochPlan`, is
  built once per epoch with numpy and cached.
* An *example* is a centre word with its context (the words at distance ``<= b`` in the
  same sentence). CBOW predicts the centre from the mean of the context rows; skip-gram
  predicts each context word from the centre row (one *prediction* per pair).
* A *batch* is ``batch_size`` consecutive examples; ``step`` counts batches over the whole
  training. The learning rate decays linearly with the share of examples done, from
  ``alpha`` to ``min_alpha`` over all epochs (gensim does the same per job of 10k words).

The update convention (minibatch SGD that mimics gensim's per-example SGD): every
prediction of the batch is evaluated with the weights as they were at the start of the batch
and contributes ``-lr * gradient``; contributions are **summed**, not averaged. Output rows get
the exact gradient. Input rows get ``-lr * dL/dh`` for each context word, as gensim does with
``cbow_mean=1`` -- that is ``n_ctx`` times the exact gradient ``dL/dh / n_ctx`` of the mean (for
skip-gram ``n_ctx = 1``, so both agree). ``tests/test_training.py`` checks this on a tiny case.
The exact rule learned far worse at word2vec's learning rates (WordSim-353 Spearman 0.10
against 0.32 on gensim's ``head500`` corpus, in ``bench/word2vec.py``'s setting), so the
trainer follows gensim.

Because every random draw depends only on ``(seed, epoch)`` and the learning rate only on the
position, training is deterministic and chunk-invariant: 10 + 10 steps give exactly the bits
of 20 steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar

import numpy as np

try:  # scipy's compiled kernel behind ``coo_array @ dense``: Y[row] += value * X[col], in order
    from scipy.sparse._sparsetools import coo_matmat_dense as _coo_matmat_dense
except ImportError:  # pragma: no cover - a future scipy may move it; np.add.at remains
    _coo_matmat_dense = None

from explorer.i18n import _
from explorer.objectives import hidden, negative_sampling_from_h, softmax_from_h
from explorer.vocab import Vocabulary

NS_EXPONENT = 0.75  # negatives are drawn from unigram counts ** 0.75 (word2vec's choice)


@dataclass(frozen=True)
class Word2VecConfig:
    """The training settings, named as in gensim's ``Word2Vec``.

    The defaults are the live demo's: a few thousand short sentences train in seconds.
    """

    vector_size: int = 16  # d, the length of a word vector (small: the demo shows them)
    window: int = 2  # maximal distance between the centre word and a context word
    min_count: int = 2  # words seen fewer times are left out
    sg: int = 0  # 0 = CBOW (context predicts centre), 1 = skip-gram (centre predicts context)
    negative: int = 5  # negatives per prediction; 0 = full softmax over the vocabulary
    alpha: float = 0.05  # learning rate at the start
    min_alpha: float = 0.0001  # learning rate at the end (linear decay over the whole run)
    epochs: int = 10  # passes over the corpus
    batch_size: int = 32  # examples (centre words) per update
    sample: float = 0.0  # downsample words more frequent than this share (gensim: 1e-3); 0 = off
    max_vocab: int | None = None  # keep only the most frequent words (None = no cap)
    shrink_windows: bool = True  # each centre word draws its window in 1..window (word2vec.c)
    seed: int = 0  # all randomness comes from (seed, epoch)

    def __post_init__(self) -> None:
        positive = ("vector_size", "window", "min_count", "epochs", "batch_size")
        for name in positive:
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if self.sg not in (0, 1):
            raise ValueError(f"sg must be 0 (CBOW) or 1 (skip-gram), got {self.sg!r}")
        if self.negative < 0:
            raise ValueError(f"negative must be 0 (full softmax) or more, got {self.negative!r}")
        if self.alpha <= 0 or not 0 <= self.min_alpha <= self.alpha:
            raise ValueError("need 0 <= min_alpha <= alpha and alpha > 0")
        if not 0 <= self.sample < 1:
            raise ValueError(f"sample must be in [0, 1), got {self.sample!r}")
        if self.max_vocab is not None and self.max_vocab < 2:
            raise ValueError("max_vocab must be at least 2 (or None for no cap)")


# --- the corpus, one epoch at a time -------------------------------------------------------


@dataclass(frozen=True, eq=False)
class EpochPlan:
    """Everything one epoch needs, drawn from ``(seed, epoch)`` and built with numpy.

    Predictions ``p`` (CBOW: one per example; skip-gram: one per centre-context pair):
    ``inputs[p]``, padded; ``mask[p]`` (float32, 1 for a real input, 0 for padding) and the
    averaging ``weights[p] = mask[p] / n_inputs``; ``outputs[p]``: the target word, then
    the negatives (none for the full softmax). Batch ``b`` holds the examples
    ``b * batch_size ...`` and the predictions ``pred_bounds[b]:pred_bounds[b + 1]``.
    ``scatter_cols`` is the update pattern of one batch (see :func:`_train_batch`).
    """

    epoch: int
    n_examples: int
    inputs: np.ndarray
    mask: np.ndarray
    weights: np.ndarray
    outputs: np.ndarray
    pred_bounds: np.ndarray
    scatter_cols: np.ndarray

    @property
    def targets(self) -> np.ndarray:
        return self.outputs[:, 0]

    @property
    def negatives(self) -> np.ndarray | None:
        return self.outputs[:, 1:] if self.outputs.shape[1] > 1 else None

    @property
    def n_batches(self) -> int:
        return len(self.pred_bounds) - 1


def keep_probabilities(counts: np.ndarray, sample: float) -> np.ndarray:
    """gensim's downsampling: keep a word seen ``c`` times with ``(sqrt(c/t) + 1) t/c``.

    ``t = sample * total`` (capped at 1); ``sample = 0`` keeps everything.
    """
    counts = np.asarray(counts, dtype=np.float64)
    if not sample:
        return np.ones_like(counts)
    threshold = sample * counts.sum()
    return np.minimum(1.0, (np.sqrt(counts / threshold) + 1) * threshold / counts)


@dataclass(frozen=True, eq=False)
class UnigramSampler:
    """Draws word ids with probability ``counts ** 0.75 / sum`` (exactly, in O(1) per draw).

    Walker's alias method: pick a word uniformly, keep it with probability ``accept[i]``,
    else take ``alias[i]``. (``np.searchsorted`` on a cumulative table, gensim's way, is
    5x slower in numpy: its random accesses defeat the branch predictor.)
    """

    accept: np.ndarray
    alias: np.ndarray
    BLOCK: ClassVar[int] = 1 << 15  # rows drawn at a time

    @classmethod
    def from_counts(cls, counts: np.ndarray, exponent: float = NS_EXPONENT) -> UnigramSampler:
        weights = np.asarray(counts, dtype=np.float64) ** exponent
        scaled = weights * (len(weights) / weights.sum())
        accept = np.ones(len(weights))
        alias = np.arange(len(weights), dtype=np.int32)
        small = [i for i, p in enumerate(scaled) if p < 1.0]
        large = [i for i, p in enumerate(scaled) if p >= 1.0]
        while small and large:  # Vose's construction, O(V)
            s, g = small.pop(), large.pop()
            accept[s], alias[s] = scaled[s], g
            scaled[g] += scaled[s] - 1.0
            (small if scaled[g] < 1.0 else large).append(g)
        return cls(accept=accept, alias=alias)

    def draw(self, rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
        """An int32 array of word ids, drawn block by block (small temporaries are faster)."""
        out = np.empty(shape, dtype=np.int32)
        for start in range(0, shape[0], self.BLOCK):
            rows = out[start : start + self.BLOCK]
            pick = rng.integers(0, len(self.accept), size=rows.shape, dtype=np.int32)
            np.copyto(
                rows, np.where(rng.random(rows.shape) < self.accept[pick], pick, self.alias[pick])
            )
        return out


def build_epoch_plan(
    tokens: np.ndarray,
    sentence_ids: np.ndarray,
    counts: np.ndarray,
    config: Word2VecConfig,
    epoch: int,
    sampler: UnigramSampler | None = None,
) -> EpochPlan:
    """Downsample, draw the windows, cut the examples and draw the negatives of one epoch."""
    rng = np.random.default_rng([config.seed, epoch])
    if config.sample:
        kept = rng.random(len(tokens)) < keep_probabilities(counts, config.sample)[tokens]
        tokens, sentence_ids = tokens[kept], sentence_ids[kept]
    n, w = len(tokens), config.window
    # gensim draws reduced_windows[i] in 0..window-1 and uses window - that: 1..window.
    if config.shrink_windows:
        reach = rng.integers(1, w + 1, size=n, dtype=np.int32)
    else:
        reach = np.full(n, w, dtype=np.int32)
    # How far each token may look left and right without leaving its sentence.
    new_sentence = np.ones(n, dtype=bool)
    np.not_equal(sentence_ids[1:], sentence_ids[:-1], out=new_sentence[1:])
    starts = np.flatnonzero(new_sentence).astype(np.int32)
    ends = np.append(starts[1:], np.int32(n))
    which = np.cumsum(new_sentence, dtype=np.int32) - 1
    positions = np.arange(n, dtype=np.int32)
    left = np.minimum(reach, positions - starts[which])
    right = np.minimum(reach, ends[which] - 1 - positions)
    # Context slots, in the order -w..-1, +1..+w; a slot is real if within reach.
    mask = np.concatenate(
        [left[:, None] >= np.arange(w, 0, -1), right[:, None] >= np.arange(1, w + 1)], axis=1
    )
    offsets = np.concatenate([np.arange(0, w), np.arange(w + 1, 2 * w + 1)]).astype(np.int32)
    padded = np.concatenate([np.zeros(w, np.int32), tokens, np.zeros(w, np.int32)])
    if n:  # row i of the sliding view is padded[i : i + 2w + 1], the window around token i
        contexts = np.lib.stride_tricks.sliding_window_view(padded, 2 * w + 1)[:, offsets]
    else:
        contexts = np.zeros((0, 2 * w), dtype=np.int32)
    contexts[~mask] = 0  # padding (any id would do: its weight is 0)
    n_ctx = left + right
    centres = tokens
    if not n_ctx.all():  # a word alone in its (downsampled) sentence predicts nothing
        useful = n_ctx > 0
        centres, contexts, mask, n_ctx = (
            tokens[useful],
            contexts[useful],
            mask[useful],
            n_ctx[useful],
        )
    n_examples = len(centres)
    batch_starts = np.arange(0, n_examples, config.batch_size)
    if config.sg:
        # one prediction per (centre, context word) pair: the centre's row is the only input
        targets = contexts[mask]
        inputs = np.repeat(centres, n_ctx)[:, None]
        mask = np.ones(inputs.shape, dtype=np.float32)
        weights = mask
        pair_ends = np.concatenate([[0], np.cumsum(n_ctx)])
        pred_bounds = np.append(pair_ends[batch_starts], len(targets))
    else:
        targets, inputs = centres, contexts
        mask = mask.astype(np.float32)
        weights = mask * (1 / n_ctx.astype(np.float32))[:, None]
        pred_bounds = np.append(batch_starts, n_examples)
    outputs = targets.astype(np.int32)[:, None]
    if config.negative:
        sampler = sampler or UnigramSampler.from_counts(counts)
        negatives = sampler.draw(rng, (len(targets), config.negative))
        outputs = np.concatenate([outputs, negatives], axis=1)
    # Each prediction p of a batch updates its input rows with X[2p] = dL/dh and its output
    # rows with X[2p + 1] = h (see _train_batch): the same column pattern for every batch.
    n_in, n_out = inputs.shape[1], outputs.shape[1]
    largest = int(np.diff(pred_bounds).max(initial=0))
    pattern = np.repeat(np.array([0, 1], dtype=np.int32), [n_in, n_out])
    scatter_cols = (2 * np.arange(largest, dtype=np.int32)[:, None] + pattern).ravel()
    return EpochPlan(
        epoch=epoch,
        n_examples=n_examples,
        inputs=inputs,
        mask=mask,
        weights=weights,
        outputs=outputs,
        pred_bounds=pred_bounds.astype(np.int64),
        scatter_cols=scatter_cols,
    )


# --- one batch: forward, backward, update ---------------------------------------------------


def _scatter_add(
    params: np.ndarray, rows: np.ndarray, cols: np.ndarray, data: np.ndarray, X: np.ndarray
) -> None:
    """``params[rows[i]] += data[i] * X[cols[i]]`` for each ``i`` in turn (rows may repeat).

    Repeated rows are the crux (a frequent word appears many times in a batch). This is
    ``np.add.at(params, rows, data[:, None] * X[cols])``, exact but slow. scipy's COO kernel
    (the one behind ``coo_array @ dense``) runs the same loop in compiled code, in place.
    Measured here for a batch of 32 CBOW examples (512 updates of 50 floats, 16k rows):
    ``np.add.at`` 239 us, sort + ``np.add.reduceat`` 83 us, sort + CSR product 48 us,
    COO kernel 4 us (4096 updates: 2585, 1152, 160, 40 us).
    """
    if _coo_matmat_dense is None:
        np.add.at(params, rows, data[:, None] * X[cols])
        return
    # The kernel casts mismatched inputs to a common type, and a cast output would be a copy:
    # insist on the exact types so that the update lands in ``params``.
    if not (
        params.dtype == data.dtype == X.dtype == np.float32
        and rows.dtype == cols.dtype == np.int32
        and params.flags.c_contiguous
        and X.flags.c_contiguous
    ):
        raise TypeError("_scatter_add needs float32 C-contiguous arrays and int32 indices")
    _coo_matmat_dense(len(rows), X.shape[1], rows, cols, data, X.ravel(), params)


def _train_batch(
    params: np.ndarray, n_words: int, plan: EpochPlan, b: int, lr: float, config: Word2VecConfig
) -> tuple[float, int]:
    """Train on batch ``b`` of ``plan`` in place; returns ``(summed loss, predictions)``.

    ``params`` holds ``W`` (rows ``0..V-1``) on top of ``W_out`` (rows ``V..2V-1``), so that
    one scatter applies the updates of both.
    """
    W, W_out = params[:n_words], params[n_words:]
    p0, p1 = plan.pred_bounds[b], plan.pred_bounds[b + 1]
    inputs, outputs, mask = plan.inputs[p0:p1], plan.outputs[p0:p1], plan.mask[p0:p1]
    h = hidden(W, inputs, plan.weights[p0:p1])
    n_pred, n_in = inputs.shape
    # gensim's convention: each real input row gets the full -lr * dL/dh (module docstring);
    # padded slots get 0 * dL/dh (an exact no-op, cheaper than leaving them out).
    if plan.negatives is None:
        loss, d_h, d_scores = softmax_from_h(h, W_out, outputs[:, 0])
        # the full softmax touches every output row: a dense product, no scatter needed
        W_out -= (lr * d_scores.T) @ h
        cols = np.arange(n_pred, dtype=np.int32).repeat(n_in)
        _scatter_add(params, inputs.ravel(), cols, mask.ravel() * np.float32(-lr), d_h)
    else:
        loss, d_h, d_scores = negative_sampling_from_h(h, W_out, outputs)
        # One scatter for all: with X = [dL/dh_0, h_0, dL/dh_1, h_1, ...], prediction p adds
        # -lr * mask * X[2p] to its input rows and -lr * d_scores * X[2p + 1] to its outputs.
        width = n_in + outputs.shape[1]
        rows = np.concatenate([inputs, outputs + np.int32(n_words)], axis=1).ravel()
        data = np.concatenate([mask, d_scores], axis=1).ravel() * np.float32(-lr)
        X = np.stack([d_h, h], axis=1).reshape(2 * n_pred, -1)
        _scatter_add(params, rows, plan.scatter_cols[: n_pred * width], data, X)
    return loss, int(p1 - p0)


# --- the state and the steps ---------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TrainState:
    """A frozen moment of training; :func:`train_steps` returns a new one.

    Attributes:
        config, vocab: the settings and the vocabulary.
        tokens, sentence_ids: the corpus as word ids (int32) and the sentence of each token.
        W: input vectors, ``V x d`` float32 (gensim's ``wv.vectors``, syn0).
        W_out: output vectors, ``V x d`` float32 (gensim's ``syn1neg`` / ``syn1``; the paper's
            ``d x V`` output matrix, transposed).
        step: batches done since the start; epoch: the current epoch (``== epochs`` when done);
        position: examples done in the current epoch; examples_seen: examples done in all.
    """

    config: Word2VecConfig
    vocab: Vocabulary
    tokens: np.ndarray
    sentence_ids: np.ndarray
    W: np.ndarray
    W_out: np.ndarray
    step: int = 0
    epoch: int = 0
    position: int = 0
    examples_seen: int = 0
    # Derived from the fields above, cached and shared between states: the current epoch's
    # plan (from (seed, epoch)) and the negative sampler (from the counts).
    plan: EpochPlan | None = field(default=None, repr=False, compare=False)
    sampler: UnigramSampler | None = field(default=None, repr=False, compare=False)

    @property
    def finished(self) -> bool:
        return self.epoch >= self.config.epochs

    @property
    def progress(self) -> float:
        """The share of training done, 0..1 (what the learning rate decays with)."""
        if self.finished:
            return 1.0
        done = self.position / self.plan.n_examples if self.plan and self.plan.n_examples else 0
        return (self.epoch + done) / self.config.epochs

    @property
    def learning_rate(self) -> float:
        """The learning rate of the next batch."""
        return _learning_rate(self.config, self.progress)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What one call of :func:`train_steps` did.

    Attributes:
        step, epoch: where training stands after the chunk.
        batches: batches run by this call (0 once training has finished).
        loss: mean loss per prediction over the chunk (NaN if no batch ran).
        learning_rate: the learning rate at the chunk's end (of the next batch).
        examples_seen: examples done since the start; progress: share of training done.
        touched_rows: sorted unique ``W`` rows (word ids) updated in the chunk.
        tracked: the tracked words' vectors (rows of ``W``) after the chunk.
        finished: all epochs are done; further calls do nothing.
    """

    step: int
    epoch: int
    batches: int
    loss: float
    learning_rate: float
    examples_seen: int
    progress: float
    touched_rows: np.ndarray
    tracked: dict[str, np.ndarray]
    finished: bool


def _learning_rate(config: Word2VecConfig, progress: float) -> float:
    if progress >= 1:
        return config.min_alpha
    return config.alpha - (config.alpha - config.min_alpha) * progress


def init_state(
    sentences: Sequence[Sequence[str]] | Sequence[np.ndarray],
    config: Word2VecConfig | None = None,
    vocab: Vocabulary | None = None,
) -> TrainState:
    """A fresh state: builds the vocabulary (unless given), encodes, draws the initial ``W``.

    ``sentences`` are token lists, or arrays of word ids of ``vocab``. ``W`` starts as gensim's
    (uniform in ``[-1, 1) / vector_size``, from ``default_rng(seed)``); ``W_out`` starts at
    zero, for both objectives (as gensim's syn1neg and syn1 do).
    """
    config = config or Word2VecConfig()
    encoded = list(sentences)
    if any(isinstance(s, str) for s in encoded):
        raise TypeError("sentences must be lists of tokens, not strings (see explorer.corpus)")
    pre_encoded = bool(encoded) and isinstance(encoded[0], np.ndarray)
    if vocab is None:
        if pre_encoded:
            raise ValueError("word-id sentences need their vocab")
        vocab = Vocabulary.build(encoded, min_count=config.min_count, max_vocab=config.max_vocab)
    if len(vocab) < 2:
        message = (
            _("no word appears at least min_count={min_count} times; lower min_count or add text")
            if len(vocab) == 0
            else _(
                "only 1 distinct word appears at least min_count={min_count} times; "
                "lower min_count or add text"
            )
        )
        raise ValueError(message.format(min_count=config.min_count))
    if not pre_encoded:
        encoded = vocab.encode(encoded)
    lengths = np.array([len(s) for s in encoded], dtype=np.int64)
    tokens = (np.concatenate(encoded) if encoded else np.zeros(0)).astype(np.int32)
    sentence_ids = np.repeat(np.arange(len(encoded), dtype=np.int32), lengths)
    rng = np.random.default_rng(config.seed)
    V, d = len(vocab), config.vector_size
    W = (rng.random((V, d), dtype=np.float32) * 2 - 1) / np.float32(d)
    W_out = np.zeros((V, d), dtype=np.float32)
    state = TrainState(config, vocab, tokens, sentence_ids, W, W_out)
    state = with_plan(state)
    if state.plan.n_examples == 0 and not config.sample:
        raise ValueError(
            _(
                "no sentence has two kept words: every word needs a neighbour within the window "
                "to train on; add longer sentences or lower min_count"
            )
        )
    return state


def with_plan(state: TrainState) -> TrainState:
    """The state with its negative sampler and the plan of its current epoch (built if missing)."""
    sampler = state.sampler
    if sampler is None and state.config.negative:
        sampler = UnigramSampler.from_counts(state.vocab.counts)
    if state.finished or (state.plan is not None and state.plan.epoch == state.epoch):
        return state if sampler is state.sampler else replace(state, sampler=sampler)
    plan = build_epoch_plan(
        state.tokens, state.sentence_ids, state.vocab.counts, state.config, state.epoch, sampler
    )
    return replace(state, plan=plan, sampler=sampler)


def _advance(
    state: TrainState, params: np.ndarray, n_batches: int, touched: list[np.ndarray] | None
) -> tuple[TrainState, float, int, int]:
    """Run up to ``n_batches`` batches in place on ``params`` (``[W; W_out]``).

    Returns the new state (its ``W``/``W_out`` are views of ``params``), the summed loss, the
    number of predictions and the number of batches run.
    """
    config, V = state.config, len(state.vocab)
    loss_sum, n_pred, done = 0.0, 0, 0
    while done < n_batches and not state.finished:
        state = with_plan(state)
        plan = state.plan
        b = min(state.position // config.batch_size, plan.n_batches)
        stop = min(plan.n_batches, b + n_batches - done)
        for batch in range(b, stop):
            progress = (state.epoch + batch * config.batch_size / plan.n_examples) / config.epochs
            loss, n = _train_batch(params, V, plan, batch, _learning_rate(config, progress), config)
            loss_sum += loss
            n_pred += n
        if touched is not None and stop > b:
            p0, p1 = plan.pred_bounds[b], plan.pred_bounds[stop]
            touched.append(plan.inputs[p0:p1][plan.mask[p0:p1] > 0])
        position = min(stop * config.batch_size, plan.n_examples)
        state = replace(
            state,
            step=state.step + stop - b,
            position=position,
            examples_seen=state.examples_seen + position - state.position,
        )
        done += stop - b
        if stop == plan.n_batches:  # the epoch is over
            state = replace(state, epoch=state.epoch + 1, position=0)
    return replace(state, W=params[:V], W_out=params[V:]), loss_sum, n_pred, done


def train_steps(
    state: TrainState, n_batches: int, track: Iterable[str] = ()
) -> tuple[TrainState, Snapshot]:
    """Run ``n_batches`` batches (fewer if training ends) and return ``(new_state, snapshot)``.

    ``state`` is left untouched (its arrays are copied). Tracked words must be in the
    vocabulary (``KeyError`` otherwise).
    """
    if n_batches < 0:
        raise ValueError("n_batches must be 0 or more")
    track = list(track)
    for word in track:
        if word not in state.vocab:
            raise KeyError(f"{word!r} is not in the vocabulary")
    touched: list[np.ndarray] = []
    loss_sum, n_pred, done = 0.0, 0, 0
    if not state.finished and n_batches:
        params = np.concatenate([state.W, state.W_out])  # the copy: state stays as it was
        state, loss_sum, n_pred, done = _advance(state, params, n_batches, touched)
    state = with_plan(state)
    index = state.vocab.key_to_index
    snapshot = Snapshot(
        step=state.step,
        epoch=state.epoch,
        batches=done,
        loss=loss_sum / n_pred if n_pred else float("nan"),
        learning_rate=state.learning_rate,
        examples_seen=state.examples_seen,
        progress=state.progress,
        touched_rows=np.unique(np.concatenate(touched)) if touched else np.zeros(0, np.int32),
        tracked={word: state.W[index[word]].copy() for word in track},
        finished=state.finished,
    )
    return state, snapshot


def train_to_end(
    state: TrainState,
    chunks_per_epoch: int = 10,
    progress: Callable[[float, str], None] | None = None,
) -> tuple[TrainState, list[float]]:
    """The fast path: train to the end in place on one private copy, in large chunks.

    Computes exactly what repeated :func:`train_steps` calls compute; returns the final state
    and the mean loss of each chunk. ``progress(fraction, message)`` is called after each chunk.
    """
    params = np.concatenate([state.W, state.W_out])
    history: list[float] = []
    while not state.finished:
        state = with_plan(state)
        epoch, plan = state.epoch, state.plan
        left = plan.n_batches - state.position // state.config.batch_size
        # chunks end at epoch ends, so that each loss value belongs to one epoch
        chunk = max(1, min(left, -(-plan.n_batches // chunks_per_epoch)))
        state, loss_sum, n_pred, _done = _advance(state, params, chunk, None)
        if n_pred:
            history.append(loss_sum / n_pred)
        if progress is not None:
            message = _("epoch {epoch}/{epochs}").format(
                epoch=epoch + 1, epochs=state.config.epochs
            )
            progress(with_plan(state).progress, message)
    return state, history
