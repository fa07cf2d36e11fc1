"""The analytic gradients of the three objectives equal central finite differences (float64)."""

import numpy as np
import pytest

from explorer.models.word2vec.huffman import HuffmanTree
from explorer.models.word2vec.objectives import (
    dense_grads,
    hierarchical_softmax_loss_and_grads,
    matmul,
    negative_sampling_loss_and_grads,
    softmax_loss_and_grads,
)
from tests.gradcheck import numeric_grad

V, D = 7, 4
TREE = HuffmanTree.from_counts([30, 21, 13, 13, 8, 5, 2])  # paths of 2 to 4 nodes


def _case(sg: bool, seed: int = 0):
    """A small random batch, float64, with a repeated context word and padded positions."""
    rng = np.random.default_rng(seed)
    W = rng.normal(scale=0.5, size=(V, D))
    W_out = rng.normal(scale=0.5, size=(V, D))
    if sg:  # skip-gram: one input (the centre word) per example
        contexts = np.array([[0], [3], [3], [6]])
        mask = np.ones_like(contexts, dtype=bool)
        targets = np.array([1, 2, 5, 3])
    else:  # CBOW windows: word 2 twice in the first, padding (any id) behind the mask
        contexts = np.array([[2, 2, 4, 5], [1, 3, 6, 6], [0, 1, 0, 0]])
        mask = np.array([[1, 1, 1, 1], [1, 1, 0, 0], [1, 1, 0, 0]], dtype=bool)
        targets = np.array([3, 2, 6])
    # a negative repeated, and one equal to the target (skipped, as in word2vec.c)
    negatives = rng.integers(0, V, size=(len(targets), 3))
    negatives[0, :2] = 4
    negatives[1, 2] = targets[1]
    return W, W_out, contexts, mask, targets, negatives


def _objective(kind, contexts, mask, targets, negatives):
    if kind == "softmax":
        return lambda W, W_out: softmax_loss_and_grads(W, W_out, contexts, mask, targets)
    if kind == "hierarchical":
        return lambda W, W_out: hierarchical_softmax_loss_and_grads(
            W, W_out, contexts, mask, targets, TREE
        )
    return lambda W, W_out: negative_sampling_loss_and_grads(
        W, W_out, contexts, mask, targets, negatives
    )


def _numeric(f, W, W_out, eps=1e-6):
    """Central differences of the summed loss for every entry of W and W_out."""
    W, W_out = W.copy(), W_out.copy()
    loss = lambda: f(W, W_out).loss  # noqa: E731
    return [numeric_grad(loss, W, eps), numeric_grad(loss, W_out, eps)]


@pytest.mark.parametrize("kind", ["softmax", "negative", "hierarchical"])
@pytest.mark.parametrize("sg", [False, True], ids=["cbow", "skipgram"])
def test_gradients_match_finite_differences(kind, sg):
    W, W_out, contexts, mask, targets, negatives = _case(sg)
    f = _objective(kind, contexts, mask, targets, negatives)
    dW, dW_out = dense_grads(f(W, W_out), contexts, mask, n_words=V)
    nW, nW_out = _numeric(f, W, W_out)
    for analytic, numeric in ((dW, nW), (dW_out, nW_out)):
        rel = np.linalg.norm(analytic - numeric) / np.linalg.norm(analytic + numeric)
        assert rel < 1e-6
        np.testing.assert_allclose(analytic, numeric, atol=1e-7)
    # Rows that are no real input of any example (padding only) get no gradient.
    unused = np.setdiff1d(np.arange(V), contexts[mask])
    assert not dW[unused].any() and not nW[unused].any()


def test_masked_positions_do_not_matter():
    W, W_out, contexts, mask, targets, negatives = _case(sg=False)
    other = np.where(mask, contexts, (contexts + 3) % V)
    a = negative_sampling_loss_and_grads(W, W_out, contexts, mask, targets, negatives)
    b = negative_sampling_loss_and_grads(W, W_out, other, mask, targets, negatives)
    assert a.loss == b.loss
    np.testing.assert_array_equal(a.d_h, b.d_h)


def test_negative_equal_to_target_is_skipped():
    W, W_out, contexts, mask, targets, _ = _case(sg=True)
    negatives = np.repeat(targets[:, None], 2, axis=1)
    g = negative_sampling_loss_and_grads(W, W_out, contexts, mask, targets, negatives)
    h = W[contexts[:, 0]]
    expected = np.logaddexp(0, -(h * W_out[targets]).sum(1)).sum()
    assert g.loss == pytest.approx(expected)
    assert not g.d_scores[:, 1:].any()


def test_softmax_loss_is_cross_entropy():
    W, W_out, contexts, mask, targets, _ = _case(sg=True)
    h = W[contexts[:, 0]]
    scores = h @ W_out.T
    p = np.exp(scores) / np.exp(scores).sum(1, keepdims=True)
    g = softmax_loss_and_grads(W, W_out, contexts, mask, targets)
    assert g.loss == pytest.approx(-np.log(p[np.arange(len(targets)), targets]).sum())


def test_empty_window_is_refused():
    W, W_out, contexts, mask, targets, negatives = _case(sg=False)
    mask[0] = False
    with pytest.raises(ValueError, match="at least one input"):
        softmax_loss_and_grads(W, W_out, contexts, mask, targets)


def test_float32_stays_float32():
    W, W_out, contexts, mask, targets, negatives = _case(sg=False)
    g = negative_sampling_loss_and_grads(
        W.astype(np.float32), W_out.astype(np.float32), contexts, mask, targets, negatives
    )
    assert g.d_h.dtype == np.float32 and g.d_scores.dtype == np.float32


def test_hierarchical_softmax_loss_is_minus_log_of_the_paths_product():
    W, W_out, contexts, mask, targets, _ = _case(sg=False)
    g = hierarchical_softmax_loss_and_grads(W, W_out, contexts, mask, targets, TREE)
    h = np.stack([W[c[m]].mean(axis=0) for c, m in zip(contexts, mask, strict=True)])
    expected = 0.0
    for t, hb in zip(targets, h, strict=True):
        p = 1.0
        for node, bit in zip(TREE.point(t), TREE.code(t), strict=True):
            s = 1 / (1 + np.exp(-W_out[node] @ hb))
            p *= s if bit == 0 else 1 - s  # code 0: left, with probability s(u . h)
        expected -= np.log(p)
    assert g.loss == pytest.approx(expected, rel=1e-12)
    # the last row of W_out belongs to no inner node: no gradient
    assert not dense_grads(g, contexts, mask, n_words=V)[1][V - 1].any()
    # and the paths' probabilities sum to one over the vocabulary
    p_all = np.exp(TREE.word_log_probabilities(W_out[: V - 1] @ h[0]))
    assert p_all.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("shape", [(3, 4, 5), (2000, 8, 50), (32, 9000, 50), (32, 50, 9000)])
def test_matmul_in_blocks_equals_the_product(shape):
    m, k, n = shape
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(m, k)), rng.normal(size=(k, n))
    np.testing.assert_allclose(matmul(a, b), a @ b, rtol=1e-10, atol=1e-10)
