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
  (``shrink_windows``), and the negatives are drawn. The result, an :class:`EpochPlan`
  (:mod:`.plan`), is built once per epoch with numpy and cached.
* An *example* is a centre word with its context (the words at distance ``<= b`` in the
  same sentence). CBOW predicts the centre from the mean of the context rows; skip-gram
  predicts each context word from the centre row (one *prediction* per pair). A prediction
  scores every word (the full softmax, ``negative=0``), the target against ``negative``
  random words, or the target's path in a Huffman tree (``hs=1``, :mod:`.huffman`).
* A *batch* is ``batch_size`` consecutive examples; it gathers the distinct rows it reads,
  trains on them and writes them back (:func:`train_batch`). ``step`` counts batches over
  the whole training. The learning rate decays linearly with the share of examples done, from
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

import numpy as np

from explorer.i18n import M_
from explorer.models.word2vec.config import Word2VecConfig
from explorer.models.word2vec.huffman import HuffmanTree
from explorer.models.word2vec.objectives import (
    binary_loss,
    hidden,
    matmul,
    softmax_from_h,
)
from explorer.models.word2vec.plan import EpochPlan, UnigramSampler, build_epoch_plan
from explorer.text.vocab import Vocabulary

__all__ = ["Snapshot", "TrainState", "Word2VecConfig", "init_state", "train_steps", "train_to_end"]


# --- one batch: forward, backward, update ---------------------------------------------------


_ORDER = np.arange(1 << 14)  # positions 0, 1, 2, ... (read only: shared by every call)


def batch_rows(
    entries: np.ndarray, n_rows: int, split: int | None = None
) -> tuple[np.ndarray, np.ndarray, int]:
    """``(rows, index, n_first)``: the distinct values of ``entries``, each entry's place
    among them, and how many of them appear in ``entries[:split]``.

    ``rows[index] == entries``; values are row ids below ``n_rows``. Usage:
        >>> rows, index, n_first = batch_rows(np.array([7, 3, 7, 9, 5, 9]), 10, split=3)
        >>> rows[index].tolist(), n_first
        ([7, 3, 7, 9, 5, 9], 2)

    When no value appears on both sides of ``split``, the ``n_first`` rows of the first part
    come first in ``rows``. A slot per row finds the rows in O(n) without sorting: each
    entry writes its position into its row's slot and reads back the one that stayed (3x
    faster than ``np.unique(return_inverse=True)`` on a batch's 512 entries).
    """
    flat = entries.ravel()
    order = _ORDER[: flat.size] if flat.size <= len(_ORDER) else np.arange(flat.size)
    slot = np.empty(n_rows, dtype=np.intp)  # only slots of rows in ``entries`` are read
    slot[flat] = order  # of a repeated row's positions one stays (which one is no matter)
    stayed = slot.take(flat) == order
    rows = flat[stayed]
    slot[rows] = order[: rows.size]
    n_first = int(np.count_nonzero(stayed[:split])) if split is not None else rows.size
    return rows, slot.take(entries), n_first


def _coefficients(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, shape: tuple[int, int], scale: float
) -> np.ndarray:
    """A float32 matrix of ``shape`` with ``C[rows, cols] += scale * values``, in order.

    Repeated ``(row, col)`` pairs sum. ``np.add.at`` on the flat matrix: its 1-D loop is
    fast (1.5-2.5 us for a batch's 512 values; ``np.bincount`` + ``astype`` 3-5 us).
    """
    C = np.zeros(shape, dtype=np.float32)
    np.add.at(C.reshape(-1), rows * shape[1] + cols, values.ravel() * np.float32(scale))
    return C


def _cbow_columns(plan: EpochPlan, n_ex: int) -> np.ndarray:
    """Each entry's example in a CBOW batch of ``n_ex`` examples: its inputs, then outputs."""
    if n_ex == plan.batch_size and plan.cbow_columns is not None:
        return plan.cbow_columns  # the same for every full batch
    example = np.arange(n_ex)
    n_inputs = plan.inputs.shape[1]
    n_outputs = plan.outputs.shape[1] if plan.labels is not None else 0
    return np.concatenate([example.repeat(n_inputs), example.repeat(n_outputs)])


def train_batch(
    params: np.ndarray, n_words: int, plan: EpochPlan, b: int, lr: float, config: Word2VecConfig
) -> tuple[float, int]:
    """Train on batch ``b`` of ``plan`` in place; returns ``(summed loss, predictions)``.

    ``params`` holds ``W`` (rows ``0..V-1``) on top of ``W_out`` (rows ``V..2V-1``). The
    batch works on its own rows: it gathers the distinct rows it reads, ``P = params[rows]``
    (input rows first, then output rows), computes everything on ``P`` and writes ``P`` back.

    The update is two matrix products. Input rows: ``P_in += C_in @ dL/dh``, where
    ``C_in[r, p]`` is ``-lr`` times the number of times row ``r`` is a real input of
    prediction ``p`` (each gets the whole of ``dL/dh``, as in gensim). Output rows:
    ``P_out += C_out @ h`` (one ``h`` per example), ``C_out[r, e]`` summing ``-lr *
    dL/dscore`` over row ``r``'s places among example ``e``'s outputs. A row that comes back
    (a frequent word appears many times in a batch) just sums in ``C``.

    Why so: the update must add many rows, some of them repeated, into ``params``. Measured
    on batches of gensim's ``head500`` corpus (CBOW, 32 examples, window 5, 5 negatives,
    d 50: 512 row updates, about 210 distinct rows), per batch on this shared 2-core
    machine, for the update alone: ``np.add.at(params, rows, ...)`` 240-320 us; sort +
    ``np.add.reduceat`` 83-150 us; ``np.unique`` + CSR product (``scipy.sparse.csr_array``)
    48-120 us; ``np.unique`` + ``np.bincount`` + dense product 45-60 us. Gathering the
    batch's rows once, finding them with slots (:func:`batch_rows`) and building ``C`` with
    ``np.add.at`` pays for most of it: the whole batch (forward, backward, update) takes
    1.15-1.2x the time it took with scipy's private COO kernel (the compiled loop behind
    ``coo_array @ dense``, 5 us for the update, which a scipy release may remove); 1.4x for
    skip-gram, whose batches have 4x more rows (measured per batch, interleaved with the old
    code, in CPU time; ``python -m bench.word2vec`` prints the speed against gensim's).
    """
    p0, p1 = plan.bounds[b], plan.bounds[b + 1]
    e0 = b * plan.batch_size
    e1 = min(e0 + plan.batch_size, plan.n_examples)
    inputs, weights, mask = plan.inputs[e0:e1], plan.weights[e0:e1], plan.mask[e0:e1]
    outputs, n_pred, n_ex = plan.outputs[p0:p1], p1 - p0, e1 - e0
    full_softmax = plan.labels is None
    if full_softmax:  # every output row is scored: W_out gets a dense update below
        entries = inputs.astype(np.intp).ravel()
    else:
        entries = np.concatenate(
            [inputs.ravel(), outputs.ravel() + np.int32(n_words)], dtype=np.intp
        )
    rows, index, n_in = batch_rows(entries, len(params), split=inputs.size)
    P = params.take(rows, axis=0)
    index_in = index[: inputs.size].reshape(inputs.shape)
    H = hidden(P, index_in, weights)  # one hidden vector per example
    h, example = H, None
    if config.sg:  # a prediction per (centre, context) pair; its input is its example's centre
        example = plan.pred_example[p0:p1]
        h = H.take(example, axis=0)
    if full_softmax:
        W_out = params[n_words:]
        loss, d_h, d_scores = softmax_from_h(h, W_out, outputs[:, 0])
        W_out -= matmul(lr * d_scores.T, h)
    else:
        U = P.take(index[inputs.size :].reshape(outputs.shape), axis=0)  # (n_pred, m, d)
        loss, d_scores = binary_loss(np.matvec(U, h), plan.labels[p0:p1], plan.asked[p0:p1])
        d_h = np.vecmat(d_scores, U)
    if example is None:  # CBOW: a prediction per example, so inputs and outputs share columns
        values = mask if full_softmax else np.concatenate([mask.ravel(), d_scores.ravel()])
        C = _coefficients(index, _cbow_columns(plan, n_ex), values, (len(rows), n_ex), -lr)
        C_in, C_out = C[:n_in], C[n_in:]
    else:  # skip-gram: a column per pair for the inputs (dL/dh), per example for the outputs
        ones = np.ones(n_pred, dtype=np.float32)
        C_in = _coefficients(index_in[example, 0], np.arange(n_pred), ones, (n_in, n_pred), -lr)
        if not full_softmax:
            out_rows = index[inputs.size :] - n_in
            out_cols = np.repeat(example, outputs.shape[1])
            shape = (len(rows) - n_in, n_ex)
            C_out = _coefficients(out_rows, out_cols, d_scores, shape, -lr)
    if not full_softmax:  # (matmul: BLAS on one thread, see there)
        P[n_in:] += matmul(C_out, H)
    P[:n_in] += matmul(C_in, d_h)
    params[rows] = P
    return loss, n_pred


# --- the state and the steps ---------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TrainState:
    """A frozen moment of training; :func:`train_steps` returns a new one.

    Attributes:
        config, vocab: the settings and the vocabulary.
        tokens, sentence_ids: the corpus as word ids (int32) and the sentence of each token.
        W: input vectors, ``V x d`` float32 (gensim's ``wv.vectors``, syn0).
        W_out: output vectors, ``V x d`` float32 (gensim's ``syn1neg`` / ``syn1``; the paper's
            ``d x V`` output matrix, transposed). With ``hs=1``, row ``j`` is inner node ``j``
            of the Huffman tree (``tree``), and the last row is unused, as in gensim's syn1.
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
    # plan (from (seed, epoch)), the negative sampler and the Huffman tree (from the counts).
    plan: EpochPlan | None = field(default=None, repr=False, compare=False)
    sampler: UnigramSampler | None = field(default=None, repr=False, compare=False)
    tree: HuffmanTree | None = field(default=None, repr=False, compare=False)

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
    zero, for every objective (as gensim's syn1neg and syn1 do).
    """
    config = config or Word2VecConfig()
    encoded = list(sentences)
    if any(isinstance(s, str) for s in encoded):
        raise TypeError("sentences must be lists of tokens, not strings (explorer.text.tokenize)")
    pre_encoded = bool(encoded) and isinstance(encoded[0], np.ndarray)
    if vocab is None:
        if pre_encoded:
            raise ValueError("word-id sentences need their vocab")
        vocab = Vocabulary.build(encoded, min_count=config.min_count, max_vocab=config.max_vocab)
    if len(vocab) < 2:
        message = (
            M_("no word appears at least min_count={min_count} times; lower min_count or add text")
            if len(vocab) == 0
            else M_(
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
            M_(
                "no sentence has two kept words: every word needs a neighbour within the window "
                "to train on; add longer sentences or lower min_count"
            )
        )
    return state


def with_plan(state: TrainState) -> TrainState:
    """The state with its sampler or tree and the plan of its current epoch (built if missing)."""
    sampler, tree = state.sampler, state.tree
    if sampler is None and state.config.negative:
        sampler = UnigramSampler.from_counts(state.vocab.counts)
    if tree is None and state.config.hs:
        tree = HuffmanTree.from_counts(state.vocab.counts)
    if state.finished or (state.plan is not None and state.plan.epoch == state.epoch):
        if sampler is state.sampler and tree is state.tree:
            return state
        return replace(state, sampler=sampler, tree=tree)
    plan = build_epoch_plan(
        state.tokens,
        state.sentence_ids,
        state.vocab.counts,
        state.config,
        state.epoch,
        sampler,
        tree,
    )
    return replace(state, plan=plan, sampler=sampler, tree=tree)


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
            loss, n = train_batch(params, V, plan, batch, _learning_rate(config, progress), config)
            loss_sum += loss
            n_pred += n
        if touched is not None and stop > b:
            e0, e1 = plan.examples(b).start, plan.examples(stop - 1).stop
            touched.append(plan.inputs[e0:e1][plan.mask[e0:e1] > 0])
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
            message = M_("epoch {epoch}/{epochs}").format(
                epoch=epoch + 1, epochs=state.config.epochs
            )
            progress(with_plan(state).progress, message)
    return state, history
