"""Every layer's hand-written backward agrees with central finite differences (float64)."""

import numpy as np
import pytest

from explorer.models.transformer import (
    attention_mask,
    block,
    block_backward,
    embed,
    embed_backward,
    feed_forward,
    feed_forward_backward,
    init_block,
    layer_norm,
    layer_norm_backward,
    self_attention,
    self_attention_backward,
)
from tests.gradcheck import numeric_grad

D, FF, H = 6, 10, 2
LENGTHS = np.array([5, 3])  # the second sentence is padded


def check(f, analytic: np.ndarray, x: np.ndarray) -> None:
    numeric = numeric_grad(f, x)
    assert np.allclose(analytic, numeric, rtol=1e-5, atol=1e-7), np.abs(analytic - numeric).max()


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_layer_norm(rng):
    x, g, b = rng.normal(size=(2, 3, D)), rng.normal(size=D), rng.normal(size=D)
    R = rng.normal(size=(2, 3, D))

    def f():
        return float((layer_norm(x, g, b)[0] * R).sum())

    dx, grads = layer_norm_backward(R, layer_norm(x, g, b)[1])
    check(f, dx, x)
    check(f, grads["g"], g)
    check(f, grads["b"], b)


def test_layer_norm_output_has_mean_0_and_variance_1(rng):
    y, _ = layer_norm(rng.normal(3, 5, size=(4, D)), np.ones(D), np.zeros(D))
    assert np.allclose(y.mean(-1), 0) and np.allclose(y.var(-1), 1, atol=1e-4)


@pytest.mark.parametrize("causal", [False, True], ids=["bidirectional", "causal"])
def test_self_attention_with_padding(rng, causal):
    p = init_block(rng, D, FF)
    for name in ("b_q", "b_k", "b_v", "b_o"):
        p[name] = rng.normal(size=D)
    x = rng.normal(size=(2, 5, D))
    mask = attention_mask(LENGTHS, causal, dtype=np.float64)
    R = rng.normal(size=x.shape)

    def f():
        return float((self_attention(x, p, H, mask)[0] * R).sum())

    dx, grads = self_attention_backward(R, self_attention(x, p, H, mask)[1])
    check(f, dx, x)
    for name in ("W_q", "b_q", "W_k", "b_k", "W_v", "b_v", "W_o", "b_o"):
        check(f, grads[name], p[name])


def test_attention_never_looks_at_padding_or_ahead(rng):
    p = init_block(rng, D, FF)
    x = rng.normal(size=(2, 5, D))
    _, cache = self_attention(x, p, H, attention_mask(LENGTHS, causal=True))
    A = cache[4]
    assert np.allclose(A.sum(-1), 1)
    assert np.all(A[1, :, :, 3:] == 0)  # padding keys
    assert np.all(np.triu(A[0], k=1) == 0)  # keys to the right


def test_feed_forward(rng):
    p = init_block(rng, D, FF)
    p["b_1"], p["b_2"] = rng.normal(size=FF), rng.normal(size=D)
    x = rng.normal(size=(2, 3, D))
    R = rng.normal(size=x.shape)

    def f():
        return float((feed_forward(x, p)[0] * R).sum())

    dx, grads = feed_forward_backward(R, feed_forward(x, p)[1])
    check(f, dx, x)
    for name in ("W_1", "b_1", "W_2", "b_2"):
        check(f, grads[name], p[name])


def test_embeddings_with_repeated_tokens(rng):
    E, P = rng.normal(size=(7, D)), rng.normal(size=(6, D))
    ids = np.array([[1, 2, 1, 0], [3, 3, 3, 0]])  # "trouble trouble": one row, two positions
    R = rng.normal(size=(2, 4, D))

    def f():
        return float((embed(E, P, ids) * R).sum())

    grads = embed_backward(R, ids, E, P)
    check(f, grads["E"], E)
    check(f, grads["P"], P)


@pytest.mark.parametrize("causal", [False, True], ids=["bidirectional", "causal"])
def test_block(rng, causal):
    p = init_block(rng, D, FF)
    for name in ("ln_1.g", "ln_2.g", "ln_1.b", "ln_2.b"):
        p[name] = p[name] + 0.3 * rng.normal(size=D)
    x = rng.normal(size=(2, 5, D))
    mask = attention_mask(LENGTHS, causal, dtype=np.float64)
    R = rng.normal(size=x.shape)

    def f():
        return float((block(x, p, H, mask)[0] * R).sum())

    dx, grads = block_backward(R, block(x, p, H, mask)[1])
    check(f, dx, x)
    for name in p:
        check(f, grads[name], p[name])
