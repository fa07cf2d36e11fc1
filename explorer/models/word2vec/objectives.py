"""The three word2vec objectives, as pure functions: loss and exact gradients for a batch.

Usage:
    >>> rng = np.random.default_rng(0)
    >>> W, W_out = rng.normal(size=(6, 3)), rng.normal(size=(6, 3))
    >>> contexts = np.array([[1, 2, 0], [3, 4, 5]])           # two CBOW windows
    >>> mask = np.array([[True, True, False], [True, True, True]])
    >>> g = negative_sampling_loss_and_grads(W, W_out, contexts, mask,
    ...                                      targets=np.array([0, 2]),
    ...                                      negatives=np.array([[4, 5], [1, 1]]))
    >>> g.loss > 0, g.d_h.shape, g.out_rows.shape
    (True, (2, 3), (2, 3))
    >>> dW, dW_out = dense_grads(g, contexts, mask, n_words=6)   # the full gradients

One *example* is a set of input rows of ``W`` and one target word:

* CBOW: the inputs are the context words of a window (``contexts[b]``, padded, ``mask[b]``
  says which positions are real); their rows are averaged into the hidden vector ``h``.
* Skip-gram: the input is the centre word alone (``contexts[b] = [centre]``) and the target
  is one context word, so the same code serves both architectures.

The output matrix is stored like gensim's ``syn1neg`` / ``syn1``: ``W_out`` is ``V x d``,
row ``j`` is the output vector ``u_j`` of word ``j`` (the paper's ``d x V`` matrix,
transposed), and the score of word ``j`` is ``u_j . h``. With the hierarchical softmax, row
``j`` belongs to inner node ``j`` of the Huffman tree instead (:mod:`.huffman`).

Negative sampling and the hierarchical softmax are both yes/no questions about rows of
``W_out`` (:func:`binary_loss`): the target against ``k`` random words, or left/right at
each node on the target's path. Each objective is split in two, so that the trainer runs
exactly the code tested here: the input layer (:func:`hidden`) and the output layer
(``*_from_h``, :func:`binary_loss`). The loss is
**summed** over the batch. Gradients come back in row form (:class:`BatchGrads`), the way a
trainer applies them; :func:`dense_grads` turns them into full ``V x d`` arrays (used by the
finite-difference test). Everything runs in the dtype of ``W`` (float64 for the gradient
check, float32 for training).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit, log_softmax

from explorer.models.word2vec.huffman import HuffmanTree


@dataclass(frozen=True)
class BatchGrads:
    """The loss of a batch and its gradients, row by row.

    Exact gradients, written as sums over the batch's examples ``b``:

    * ``dL/dW[contexts[b, c]] += mask[b, c] * d_h[b] / n_ctx[b]`` (the mean spreads ``d_h``),
    * ``dL/dW_out[out_rows[b, j]] += d_scores[b, j] * h[b]`` (``out_rows is None``: all
      rows, ``j`` runs over the whole vocabulary, as in the full softmax).

    Attributes:
        loss: the summed loss of the batch (a Python float).
        h: hidden vectors, ``(B, d)``.
        d_h: ``dL/dh``, ``(B, d)``.
        n_ctx: number of real inputs per example, ``(B,)`` (at least 1).
        out_rows: output rows scored per example, ``(B, m)``, or None for all ``V`` rows.
        d_scores: ``dL/dscore`` for those rows, ``(B, m)`` (``(B, V)`` when all rows).
    """

    loss: float
    h: np.ndarray
    d_h: np.ndarray
    n_ctx: np.ndarray
    out_rows: np.ndarray | None
    d_scores: np.ndarray


# --- products that stay on one thread ------------------------------------------------------

#: Multiply-adds per BLAS call in :func:`matmul`. OpenBLAS gives a product one thread per
#: 4 * 65536 of them (``GEMM_MULTITHREAD_THRESHOLD``), so below twice that it stays on one;
#: a second thread costs far more than it saves at a batch's sizes: on the busy 2-core
#: machine a skip-gram batch took 3 ms instead of 0.3 ms, and a full-softmax step with
#: V = 1,000 56 ms instead of 0.4 ms.
ONE_THREAD_PRODUCT = 2 * 4 * 65536 - 1


def matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` for 2-D arrays, in blocks small enough for BLAS to stay on one thread.

    The blocks split the longest of the three dimensions (rows of ``a``, columns of ``b``,
    or the shared one, whose partial products are then summed in order).
    """
    (m, k), n = a.shape, b.shape[1]
    if m * n * k <= ONE_THREAD_PRODUCT:
        return a @ b
    if k >= max(m, n):
        step = max(1, ONE_THREAD_PRODUCT // (m * n))
        out = a[:, :step] @ b[:step]
        for start in range(step, k, step):
            out += a[:, start : start + step] @ b[start : start + step]
        return out
    out = np.empty((m, n), dtype=np.result_type(a, b))
    if m >= n:
        step = max(1, ONE_THREAD_PRODUCT // (n * k))
        for start in range(0, m, step):
            np.matmul(a[start : start + step], b, out=out[start : start + step])
    else:
        step = max(1, ONE_THREAD_PRODUCT // (m * k))
        for start in range(0, n, step):
            np.matmul(a, b[:, start : start + step], out=out[:, start : start + step])
    return out


# --- the input layer ---------------------------------------------------------------------


def mean_weights(mask: np.ndarray, dtype: type = np.float64) -> tuple[np.ndarray, np.ndarray]:
    """``(weights, n_ctx)``: ``weights[b, c] = mask[b, c] / n_ctx[b]``, the averaging weights."""
    mask = np.asarray(mask, dtype=bool)
    n_ctx = mask.sum(axis=1)
    if np.any(n_ctx == 0):
        raise ValueError("every example needs at least one input word (a row of mask is empty)")
    return (mask / n_ctx[:, None]).astype(dtype, copy=False), n_ctx


def hidden(W: np.ndarray, contexts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``h[b] = sum_c weights[b, c] * W[contexts[b, c]]`` (the mean of the real inputs).

    Padded positions may hold any valid row id: their weight is 0.
    """
    # take() is much faster than fancy indexing; np.vecmat then averages and masks in one
    # pass (a (C,) @ (C, d) product per example; 2x faster than the same batched matmul).
    return np.vecmat(weights, W.take(contexts, axis=0))


# --- the output layer --------------------------------------------------------------------


def softmax_from_h(
    h: np.ndarray, W_out: np.ndarray, targets: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """Full softmax cross-entropy: ``(loss, d_h, d_scores)`` with ``d_scores = p - onehot``."""
    logp = log_softmax(matmul(h, W_out.T), axis=1)  # (B, V)
    rows = np.arange(len(targets))
    loss = -float(logp[rows, targets].sum())
    d_scores = np.exp(logp)
    d_scores[rows, targets] -= 1
    return loss, matmul(d_scores, W_out), d_scores


def binary_loss(
    scores: np.ndarray, labels: np.ndarray, asked: np.ndarray | None = None
) -> tuple[float, np.ndarray]:
    """Independent yes/no questions, one per score: ``(loss, d_scores)``.

    ``labels`` is ``+1`` where the answer is yes (``s(score)`` should go to 1: the target of
    negative sampling), ``-1`` where it is no (a negative) and ``0`` where there is no
    question (padding, or a negative equal to its target). With ``a = label * score``:
    ``loss = sum -log s(a)`` over the questions and ``d_scores = (s(a) - 1) * label``.
    ``asked`` (``labels ** 2``, 1 where a question is asked) may be given if known.
    """
    a = scores * labels  # the score of the right answer
    q = expit(a)  # the probability given to it
    # np.log(q) is 3x faster than log_expit(a); it is exact until s(a) underflows to 0
    # (a < -88 in float32, far beyond word2vec's scores; the loss is then inf).
    loss = -float(np.vdot(np.log(q), labels * labels if asked is None else asked))
    q -= 1
    q *= labels
    return loss, q


def binary_from_h(
    h: np.ndarray, W_out: np.ndarray, out_rows: np.ndarray, labels: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """The output layer of negative sampling: ``(loss, d_h, d_scores)``.

    Example ``b`` asks one yes/no question per row ``out_rows[b, j]`` of ``W_out``, about
    the score ``u . h[b]``, with the answer ``labels[b, j]`` (see :func:`binary_loss`).
    """
    U = W_out.take(out_rows, axis=0)  # (B, m, d)
    loss, d_scores = binary_loss(np.matvec(U, h), labels)
    return loss, np.vecmat(d_scores, U), d_scores


def negative_sampling_labels(out_rows: np.ndarray, dtype: type = np.float32) -> np.ndarray:
    """``+1`` for the target (column 0), ``-1`` for each negative, ``0`` for a negative equal
    to its target (word2vec.c and gensim skip it)."""
    labels = np.empty(out_rows.shape, dtype=dtype)
    labels[:, 0] = 1
    np.equal(out_rows[:, 1:], out_rows[:, :1], out=labels[:, 1:])  # 1 where skipped
    labels[:, 1:] -= 1
    return labels


def negative_sampling_from_h(
    h: np.ndarray, W_out: np.ndarray, out_rows: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """Negative sampling: ``(loss, d_h, d_scores)``; see the public function.

    ``out_rows[b]`` is the target of example ``b`` followed by its negatives.
    """
    return binary_from_h(h, W_out, out_rows, negative_sampling_labels(out_rows, h.dtype))


# --- the whole objectives ----------------------------------------------------------------


def softmax_loss_and_grads(
    W: np.ndarray,
    W_out: np.ndarray,
    contexts: np.ndarray,
    mask: np.ndarray,
    targets: np.ndarray,
) -> BatchGrads:
    """Full softmax over the vocabulary, cross-entropy against ``targets`` (``negative=0``).

    ``loss = sum_b [ log sum_j exp(u_j . h_b) - u_{t_b} . h_b ]``.
    Costs ``O(B V d)``: meant for the small vocabularies of the live demo.
    """
    weights, n_ctx = mean_weights(mask, W.dtype)
    h = hidden(W, contexts, weights)
    loss, d_h, d_scores = softmax_from_h(h, W_out, targets)
    return BatchGrads(loss, h, d_h, n_ctx, None, d_scores)


def negative_sampling_loss_and_grads(
    W: np.ndarray,
    W_out: np.ndarray,
    contexts: np.ndarray,
    mask: np.ndarray,
    targets: np.ndarray,
    negatives: np.ndarray,
) -> BatchGrads:
    """Negative sampling: ``loss = sum_b [ -log s(u_t . h) - sum_k log s(-u_k . h) ]``.

    ``negatives`` is ``(B, k)``. A negative equal to its example's target is skipped (it adds
    nothing to loss or gradient), as word2vec.c and gensim do; a negative drawn twice counts
    twice. ``out_rows`` is ``[target, negatives...]`` per example.
    """
    weights, n_ctx = mean_weights(mask, W.dtype)
    h = hidden(W, contexts, weights)
    out_rows = np.concatenate([targets[:, None], negatives], axis=1)  # (B, 1 + k)
    loss, d_h, d_scores = negative_sampling_from_h(h, W_out, out_rows)
    return BatchGrads(loss, h, d_h, n_ctx, out_rows, d_scores)


def hierarchical_softmax_loss_and_grads(
    W: np.ndarray,
    W_out: np.ndarray,
    contexts: np.ndarray,
    mask: np.ndarray,
    targets: np.ndarray,
    tree: HuffmanTree,
) -> BatchGrads:
    """Hierarchical softmax (gensim's ``hs=1``): ``loss = sum_b -log p(t_b | h_b)``.

    ``p(t | h)`` is the product, over the inner nodes ``j`` on the target's path in ``tree``,
    of ``s(label_j * u_j . h)`` (``label`` +1 to go left, -1 to go right; see
    :mod:`.huffman`). ``W_out`` holds the inner nodes' vectors: row ``j`` is node
    ``j`` (as gensim's ``syn1``: ``V`` rows, the last unused). ``out_rows`` are the padded
    paths; ``d_scores`` is 0 on the padding.
    """
    weights, n_ctx = mean_weights(mask, W.dtype)
    h = hidden(W, contexts, weights)
    out_rows = tree.points[targets]
    loss, d_h, d_scores = binary_from_h(h, W_out, out_rows, tree.labels(W.dtype)[targets])
    return BatchGrads(loss, h, d_h, n_ctx, out_rows, d_scores)


def dense_grads(
    grads: BatchGrads, contexts: np.ndarray, mask: np.ndarray, n_words: int
) -> tuple[np.ndarray, np.ndarray]:
    """The full gradients ``(dL/dW, dL/dW_out)``, both ``n_words x d`` (reference, slow path)."""
    d = grads.h.shape[1]
    mask = np.asarray(mask, dtype=bool)
    dW = np.zeros((n_words, d), dtype=grads.d_h.dtype)
    per_example = grads.d_h / grads.n_ctx[:, None]
    example_of = np.broadcast_to(np.arange(len(contexts))[:, None], contexts.shape)
    np.add.at(dW, contexts[mask], per_example[example_of[mask]])
    if grads.out_rows is None:
        dW_out = grads.d_scores.T @ grads.h
    else:
        dW_out = np.zeros((n_words, d), dtype=grads.d_h.dtype)
        outer = grads.d_scores[:, :, None] * grads.h[:, None, :]
        np.add.at(dW_out, grads.out_rows.ravel(), outer.reshape(-1, d))
    return dW, dW_out
