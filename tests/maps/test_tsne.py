"""t-SNE: affinities, the gradient against a dense float64 reference, determinism, chunks."""

from dataclasses import replace

import numpy as np
import pytest

from explorer.maps.quality import trustworthiness
from explorer.maps.tsne import (
    _conditional_probabilities,
    affinities,
    clamp_perplexity,
    gradient,
    kl_divergence,
    tsne,
    tsne_init,
    tsne_steps,
)


def _blobs(n_per=30, centres=3, dim=10, seed=0, spread=0.3):
    rng = np.random.default_rng(seed)
    means = rng.standard_normal((centres, dim)) * 4
    X = np.concatenate([m + spread * rng.standard_normal((n_per, dim)) for m in means])
    return X.astype(np.float32), np.repeat(np.arange(centres), n_per)


def test_each_row_of_conditional_probabilities_has_the_asked_perplexity():
    rng = np.random.default_rng(0)
    d2 = np.sort(rng.random((50, 40)) * 10, axis=1)
    p = _conditional_probabilities(d2, perplexity=12.0)
    assert np.allclose(p.sum(axis=1), 1)
    entropy = -(p * np.log(np.where(p > 0, p, 1))).sum(axis=1)
    assert np.allclose(np.exp(entropy), 12.0, rtol=1e-4)


def test_affinities_are_symmetric_and_sum_to_one():
    X, _ = _blobs()
    P = affinities(X, perplexity=10)
    dense = P.toarray()
    assert dense.shape == (90, 90)
    assert np.allclose(dense, dense.T)
    assert dense.sum() == pytest.approx(1.0, rel=1e-5)
    assert (dense >= 0).all() and np.all(np.diag(dense) == 0)


def _dense_kl_and_gradient(P, Y, exaggeration=1.0):
    """Textbook t-SNE in float64, every pair: KL(P || Q) and 4 sum (aP - Q) w (yi - yj)."""
    diff = Y[:, None, :] - Y[None, :, :]
    w = 1 / (1 + (diff**2).sum(-1))
    np.fill_diagonal(w, 0)
    Q = w / w.sum()
    mask = P > 0
    kl = (P[mask] * np.log(P[mask] / Q[mask])).sum()
    grad = 4 * (((exaggeration * P - Q) * w)[:, :, None] * diff).sum(axis=1)
    return kl, grad


def test_the_reference_gradient_is_the_derivative_of_the_reference_kl():
    X, _ = _blobs(n_per=8)
    P = affinities(X, perplexity=5).toarray().astype(np.float64)
    Y = np.random.default_rng(1).standard_normal((len(X), 2))
    _, grad = _dense_kl_and_gradient(P, Y)
    h, numeric = 1e-6, np.zeros((4, 2))
    kl = lambda Y_: _dense_kl_and_gradient(P, Y_)[0]  # noqa: E731
    for i in range(4):
        for c in range(2):
            Yp, Ym = Y.copy(), Y.copy()
            Yp[i, c] += h
            Ym[i, c] -= h
            numeric[i, c] = (kl(Yp) - kl(Ym)) / (2 * h)
    assert np.allclose(grad[:4], numeric, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("n_components", [2, 3])
@pytest.mark.parametrize("exaggeration", [1.0, 12.0])
def test_gradient_and_kl_match_the_dense_reference(n_components, exaggeration):
    X, _ = _blobs(n_per=40)  # 120 points: more than one block of rows
    state = tsne_init(X, perplexity=10, n_components=n_components)
    Y = (np.random.default_rng(2).standard_normal((len(X), n_components)) * 3).astype(np.float32)
    kl_ref, grad_ref = _dense_kl_and_gradient(state.P.toarray().astype(np.float64), Y, exaggeration)
    grad = gradient(state, Y, exaggeration)
    assert np.linalg.norm(grad - grad_ref) / np.linalg.norm(grad_ref) < 1e-4
    assert kl_divergence(replace(state, coords=Y)) == pytest.approx(kl_ref, rel=1e-4)


def test_same_seed_same_map_and_another_random_seed_another_map():
    X, _ = _blobs()
    a = tsne(X, perplexity=10, n_iter=120, seed=3, init="random").coords
    b = tsne(X, perplexity=10, n_iter=120, seed=3, init="random").coords
    c = tsne(X, perplexity=10, n_iter=120, seed=4, init="random").coords
    assert np.array_equal(a, b)
    assert not np.allclose(a, c)


def test_chunks_give_exactly_the_map_of_one_long_run():
    X, _ = _blobs()
    start = tsne_init(X, perplexity=10, n_iter=120, early_exaggeration_iter=40)
    whole = tsne_steps(start, 120)
    chunked = start
    for n in (1, 7, 32, 30, 50):  # crosses the end of early exaggeration mid-chunk
        chunked = tsne_steps(chunked, n)
    assert chunked.iteration == whole.iteration == 120 and chunked.done
    assert np.array_equal(chunked.coords, whole.coords)
    assert np.array_equal(chunked.gains, whole.gains)
    assert np.array_equal(chunked.update, whole.update)


def test_steps_leave_the_given_state_alone_and_stop_at_n_iter():
    X, _ = _blobs()
    start = tsne_init(X, perplexity=10, n_iter=20)
    before = start.coords.copy()
    after = tsne_steps(start, 50)
    assert np.array_equal(start.coords, before) and start.iteration == 0
    assert after.iteration == 20
    assert tsne_steps(after, 10).iteration == 20


def test_perplexity_is_clamped_to_what_few_points_allow_with_a_note():
    X = np.random.default_rng(0).standard_normal((28, 5)).astype(np.float32)
    proj = tsne(X, perplexity=30, n_iter=50)
    assert proj.params["perplexity"] == 9
    assert [str(n) for n in proj.notes] == ["perplexity lowered from 30 to 9: only 28 points"]
    assert clamp_perplexity(5, 28) == (5.0, [])
    assert tsne(X[:2], n_iter=20).coords.shape == (2, 2)  # two points still work


def test_tsne_keeps_clusters_apart_and_neighbours_close():
    X, labels = _blobs()
    proj = tsne(X, perplexity=10)
    assert proj.coords.shape == (90, 2) and proj.method == "tsne"
    assert trustworthiness(X, proj.coords, k=5) > 0.95  # scikit-learn's TSNE: 0.967
    # every point's nearest neighbour on the map is from its own cluster
    d = ((proj.coords[:, None] - proj.coords[None]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    assert (labels[d.argmin(axis=1)] == labels).all()


def test_kl_goes_down_and_3d_maps_have_three_columns():
    X, _ = _blobs()
    start = tsne_init(X, perplexity=10, n_components=3, n_iter=200)
    end = tsne_steps(start, 200)
    assert end.coords.shape == (90, 3)
    assert kl_divergence(end) < kl_divergence(start)


def test_a_warm_start_begins_at_the_previous_map_without_exaggeration():
    X, _ = _blobs()
    first = tsne(X, perplexity=10).coords
    nudged = X + 0.01 * np.random.default_rng(5).standard_normal(X.shape).astype(np.float32)
    state = tsne_init(nudged, perplexity=10, n_iter=100, init=first)
    assert state.params.early_exaggeration_iter == 0
    assert np.allclose(state.coords, first - first.mean(axis=0))
    moved = tsne_steps(state, 100).coords
    shift = np.linalg.norm(moved - state.coords, axis=1)
    assert np.median(shift) < 0.05 * np.ptp(first, axis=0).max()  # the map stays put


def test_cosine_metric_is_euclidean_on_unit_vectors():
    X, _ = _blobs()
    X = X * np.linspace(0.5, 3, len(X), dtype=np.float32)[:, None]  # lengths vary
    unit = X / np.linalg.norm(X, axis=1, keepdims=True)
    Pa = affinities(X, 10, metric="cosine").toarray()
    Pb = affinities(unit, 10).toarray()
    assert np.allclose(Pa, Pb, atol=1e-6)


def test_bad_inputs_are_refused_with_a_message():
    X, _ = _blobs()
    with pytest.raises(ValueError, match="n_components"):
        tsne_init(X, n_components=4)
    with pytest.raises(ValueError, match="init has shape"):
        tsne_init(X, init=np.zeros((3, 2)))
    with pytest.raises(ValueError, match="metric"):
        tsne_init(X, metric="manhattan")


def test_threads_change_nothing_and_chunks_still_add_up(monkeypatch):
    import explorer.maps.tsne as tsne_module

    X, _ = _blobs(n_per=370)  # 1,110 points: the repulsion runs on the thread pool
    start = tsne_init(X, perplexity=10, n_iter=30, early_exaggeration_iter=15)
    whole = tsne_steps(start, 30)
    chunked = tsne_steps(tsne_steps(start, 11), 19)
    assert np.array_equal(whole.coords, chunked.coords)
    monkeypatch.setattr(tsne_module, "THREADS", 1)  # no pool: one thread, the same sums
    assert np.array_equal(tsne_steps(start, 30).coords, whole.coords)
