"""Adam against a plain float64 transcription of Keras's update, and the lazy rows variant."""

import numpy as np
import pytest

from explorer.models.adam import AdamConfig, adam_init, adam_update, adam_update_rows


def reference(w, grads, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
    """Kingma & Ba's Algorithm 1 with Keras's epsilon (added to sqrt(v_hat) * ...)."""
    w, m, v = w.astype(np.float64), np.zeros_like(w, np.float64), np.zeros_like(w, np.float64)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w = w - lr_t * m / (np.sqrt(v) + eps)
    return w


def test_matches_the_reference_over_many_steps():
    rng = np.random.default_rng(0)
    w0 = rng.normal(size=(4, 3)).astype(np.float32)
    grads = [rng.normal(size=(4, 3)).astype(np.float32) for _ in range(50)]
    params, state = {"w": w0}, adam_init({"w": w0})
    for g in grads:
        params, state = adam_update(params, {"w": g}, state)
    assert state.t == 50
    np.testing.assert_allclose(params["w"], reference(w0, grads), rtol=1e-5, atol=1e-6)


def test_first_step_moves_each_weight_by_the_learning_rate():
    # m_hat / sqrt(v_hat) = sign(g) at t = 1: the step is lr whatever the gradient's size
    params = {"w": np.zeros(3, np.float32)}
    new, _ = adam_update(params, {"w": np.array([5.0, -0.5, 0.0], np.float32)}, adam_init(params),
                         AdamConfig(learning_rate=0.1))  # fmt: skip
    np.testing.assert_allclose(new["w"], [-0.1, 0.1, 0.0], atol=1e-5)


def test_pure():
    params = {"w": np.ones(3, np.float32)}
    state = adam_init(params)
    adam_update(params, {"w": np.ones(3, np.float32)}, state)
    assert params["w"].tolist() == [1, 1, 1] and state.t == 0 and not state.m["w"].any()


def test_minimises_a_quadratic():
    params = {"w": np.array([3.0, -2.0])}
    state = adam_init(params)
    for _ in range(2000):
        params, state = adam_update(params, {"w": 2 * params["w"]}, state, AdamConfig(0.05))
    assert np.abs(params["w"]).max() < 0.05


def test_dense_rule_moves_rows_out_of_the_batch_lazy_rule_does_not():
    W = np.ones((3, 2), np.float32)
    g1 = np.array([[1.0, 1.0], [0, 0], [0, 0]], np.float32)  # step 1: row 0 in the batch
    g2 = np.array([[0, 0], [1.0, 1.0], [0, 0]], np.float32)  # step 2: only row 1
    params, state = {"E": W}, adam_init({"E": W})
    for g in (g1, g2):
        params, state = adam_update(params, {"E": g}, state)
    dense = params["E"]
    lazy, m, v = W.copy(), np.zeros_like(W), np.zeros_like(W)
    for t, (rows, g) in enumerate(((np.array([0]), g1[:1]), (np.array([1]), g2[1:2])), start=1):
        adam_update_rows(lazy, m, v, rows, g, t)
    # row 0 kept moving on its momentum under the dense rule, not under the lazy one
    assert dense[0, 0] < lazy[0, 0] < 1
    assert dense[2].tolist() == lazy[2].tolist() == [1, 1]  # never seen: never moves


@pytest.mark.parametrize("seed", [0, 1])
def test_lazy_equals_dense_when_every_row_is_in_every_batch(seed):
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(5, 2)).astype(np.float32)
    params, state = {"E": W}, adam_init({"E": W})
    lazy, m, v = W.copy(), np.zeros_like(W), np.zeros_like(W)
    for t in range(1, 11):
        g = rng.normal(size=(5, 2)).astype(np.float32)
        params, state = adam_update(params, {"E": g}, state)
        adam_update_rows(lazy, m, v, np.arange(5), g, t)
    np.testing.assert_allclose(params["E"], lazy, rtol=1e-6)
