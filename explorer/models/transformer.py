"""The layers of a tiny transformer encoder, each a forward pass and a hand-written backward.

Usage:
    >>> rng = np.random.default_rng(0)
    >>> p = init_block(rng, d_model=8, d_ff=16)
    >>> x = rng.normal(size=(2, 5, 8))                       # batch, tokens, model width
    >>> mask = attention_mask(np.array([5, 3]), causal=False)  # the second sentence has 3 tokens
    >>> y, cache = block(x, p, n_heads=2, mask=mask)
    >>> dx, grads = block_backward(np.ones_like(y), cache)  # d(sum y)/dx and /d each parameter

The names follow "Attention Is All You Need" and BERT: queries, keys and values
(``W_q, W_k, W_v``), the output projection ``W_o``, a feed-forward ``W_1, W_2`` with GELU
between, and post-layer-norm residuals as in BERT: ``h = LayerNorm(x + Attention(x))``, then
``LayerNorm(h + FeedForward(h))``. Every forward returns ``(output, cache)``; every backward
takes the gradient of the output and the cache, and returns the gradient of the input and a
dict of parameter gradients. Each is checked against finite differences in
``tests/models/test_transformer.py``. Arrays keep the dtype they are given (float32 for
training, float64 for the gradient checks).
"""

from __future__ import annotations

import numpy as np

Params = dict[str, np.ndarray]
NEG = -1e9  # added to the scores of keys a query may not see (softmax weight exactly 0)


# ---------------------------------------------------------------------------- embeddings

def embed(E: np.ndarray, P: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Token embedding plus learned position embedding: ``E[ids] + P[:T]``, (B, T, d)."""
    return E[ids] + P[: ids.shape[1]]


def embed_backward(dx: np.ndarray, ids: np.ndarray, E: np.ndarray, P: np.ndarray) -> Params:
    """Gradients of ``E`` and ``P`` (rows of tokens that occur several times add up)."""
    dE = np.zeros_like(E)
    np.add.at(dE, ids.ravel(), dx.reshape(-1, dx.shape[-1]))
    dP = np.zeros_like(P)
    dP[: ids.shape[1]] = dx.sum(axis=0)
    return {"E": dE, "P": dP}


# ---------------------------------------------------------------------------- layer norm

def layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float = 1e-5):
    """Normalise each vector to mean 0 and variance 1, then scale by ``g`` and shift by ``b``."""
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    rstd = 1.0 / np.sqrt((xc * xc).mean(axis=-1, keepdims=True) + eps)
    xhat = xc * rstd
    return xhat * g + b, (xhat, rstd, g)


def layer_norm_backward(dy: np.ndarray, cache) -> tuple[np.ndarray, Params]:
    xhat, rstd, g = cache
    dxhat = dy * g
    dx = rstd * (
        dxhat
        - dxhat.mean(axis=-1, keepdims=True)
        - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True)
    )
    axes = tuple(range(dy.ndim - 1))
    return dx, {"g": (dy * xhat).sum(axis=axes), "b": dy.sum(axis=axes)}


# ------------------------------------------------------------------------ self-attention

def attention_mask(lengths: np.ndarray, causal: bool, dtype=np.float32) -> np.ndarray:
    """The additive mask (B, 1, T, T): 0 where query i may see key j, ``NEG`` elsewhere.

    A query never sees padding (keys at or past the sentence's length); with ``causal``
    (GPT-style) it sees only itself and the tokens to its left.
    """
    T = int(lengths.max())
    visible = np.arange(T)[None, None, :] < lengths[:, None, None]  # (B, 1, T) keys
    visible = np.broadcast_to(visible, (len(lengths), T, T))
    if causal:
        visible = visible & np.tri(T, dtype=bool)[None]
    return np.where(visible, 0.0, NEG).astype(dtype)[:, None]


def _heads(x: np.ndarray, n_heads: int) -> np.ndarray:
    B, T, d = x.shape
    return x.reshape(B, T, n_heads, d // n_heads).transpose(0, 2, 1, 3)  # (B, H, T, d_head)


def _merge(x: np.ndarray) -> np.ndarray:
    B, H, T, dh = x.shape
    return x.transpose(0, 2, 1, 3).reshape(B, T, H * dh)


def self_attention(x: np.ndarray, p: Params, n_heads: int, mask: np.ndarray):
    """Multi-head scaled dot-product self-attention; the cache holds the weights ``A``.

    ``A[b, h, i, j]`` is how much token i attends to token j in head h (rows sum to 1).
    """
    q = _heads(x @ p["W_q"] + p["b_q"], n_heads)
    k = _heads(x @ p["W_k"] + p["b_k"], n_heads)
    v = _heads(x @ p["W_v"] + p["b_v"], n_heads)
    scale = float(1.0 / np.sqrt(q.shape[-1]))
    scores = q @ k.transpose(0, 1, 3, 2) * scale + mask
    scores = scores - scores.max(axis=-1, keepdims=True)
    A = np.exp(scores)
    A /= A.sum(axis=-1, keepdims=True)
    ctx = _merge(A @ v)
    y = ctx @ p["W_o"] + p["b_o"]
    return y, (x, q, k, v, A, ctx, scale, p)


def self_attention_backward(dy: np.ndarray, cache) -> tuple[np.ndarray, Params]:
    x, q, k, v, A, ctx, scale, p = cache
    d = x.shape[-1]
    x2, ctx2, dy2 = x.reshape(-1, d), ctx.reshape(-1, d), dy.reshape(-1, d)
    grads = {"W_o": ctx2.T @ dy2, "b_o": dy2.sum(axis=0)}
    dctx = _heads(dy @ p["W_o"].T, q.shape[1])
    dA = dctx @ v.transpose(0, 1, 3, 2)
    dv = A.transpose(0, 1, 3, 2) @ dctx
    dscores = A * (dA - (dA * A).sum(axis=-1, keepdims=True)) * scale  # softmax backward
    dq = dscores @ k
    dk = dscores.transpose(0, 1, 3, 2) @ q
    dx = np.zeros_like(x)
    for name, dz in (("q", dq), ("k", dk), ("v", dv)):
        dz2 = _merge(dz).reshape(-1, d)
        grads[f"W_{name}"] = x2.T @ dz2
        grads[f"b_{name}"] = dz2.sum(axis=0)
        dx += (dz2 @ p[f"W_{name}"].T).reshape(x.shape)
    return dx, grads


# -------------------------------------------------------------------------- feed-forward

_C = float(np.sqrt(2.0 / np.pi))


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, the tanh approximation BERT and GPT-2 use."""
    return 0.5 * x * (1.0 + np.tanh(_C * (x + 0.044715 * x * x * x)))


def gelu_backward(x: np.ndarray) -> np.ndarray:
    """d gelu(x) / dx."""
    x2 = x * x
    t = np.tanh(_C * (x + 0.044715 * x2 * x))
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * _C * (1.0 + 3 * 0.044715 * x2)


def feed_forward(x: np.ndarray, p: Params):
    """``gelu(x W_1 + b_1) W_2 + b_2``, applied to each token alone."""
    a = x @ p["W_1"] + p["b_1"]
    h = gelu(a)
    return h @ p["W_2"] + p["b_2"], (x, a, h, p)


def feed_forward_backward(dy: np.ndarray, cache) -> tuple[np.ndarray, Params]:
    x, a, h, p = cache
    d, f = x.shape[-1], h.shape[-1]
    dh = dy @ p["W_2"].T
    da = dh * gelu_backward(a)
    grads = {
        "W_2": h.reshape(-1, f).T @ dy.reshape(-1, d),
        "b_2": dy.reshape(-1, d).sum(axis=0),
        "W_1": x.reshape(-1, d).T @ da.reshape(-1, f),
        "b_1": da.reshape(-1, f).sum(axis=0),
    }
    return da @ p["W_1"].T, grads


# ----------------------------------------------------------------------------- the block


def init_block(rng: np.random.Generator, d_model: int, d_ff: int, dtype=np.float64) -> Params:
    """One block's parameters: weights N(0, 1/fan_in), biases 0, layer-norm gains 1."""
    def w(n_in, n_out):
        return (rng.normal(size=(n_in, n_out)) / np.sqrt(n_in)).astype(dtype)

    p = {}
    for name in ("q", "k", "v", "o"):
        p[f"W_{name}"] = w(d_model, d_model)
        p[f"b_{name}"] = np.zeros(d_model, dtype)
    p["W_1"], p["b_1"] = w(d_model, d_ff), np.zeros(d_ff, dtype)
    p["W_2"], p["b_2"] = w(d_ff, d_model), np.zeros(d_model, dtype)
    for ln in ("ln_1", "ln_2"):
        p[f"{ln}.g"], p[f"{ln}.b"] = np.ones(d_model, dtype), np.zeros(d_model, dtype)
    return p


def block(x: np.ndarray, p: Params, n_heads: int, mask: np.ndarray):
    """One encoder block (post-LN, as BERT): attention, add & norm, feed-forward, add & norm."""
    a, c_att = self_attention(x, p, n_heads, mask)
    h, c_ln1 = layer_norm(x + a, p["ln_1.g"], p["ln_1.b"])
    f, c_ff = feed_forward(h, p)
    y, c_ln2 = layer_norm(h + f, p["ln_2.g"], p["ln_2.b"])
    return y, (c_att, c_ln1, c_ff, c_ln2)


def block_backward(dy: np.ndarray, cache) -> tuple[np.ndarray, Params]:
    c_att, c_ln1, c_ff, c_ln2 = cache
    ds2, g_ln2 = layer_norm_backward(dy, c_ln2)
    dh, g_ff = feed_forward_backward(ds2, c_ff)
    ds1, g_ln1 = layer_norm_backward(ds2 + dh, c_ln1)
    dx, g_att = self_attention_backward(ds1, c_att)
    grads = {**g_att, **g_ff}
    grads.update({f"ln_1.{k}": v for k, v in g_ln1.items()})
    grads.update({f"ln_2.{k}": v for k, v in g_ln2.items()})
    return ds1 + dx, grads
