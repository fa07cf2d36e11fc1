"""The speed-ups: the noise distribution, the negatives drawn, and the cost of a step."""

import numpy as np
import pytest
from scipy.stats import chisquare

import explorer.lessons.sampling_cost as sampling_cost
from explorer.lessons.sampling_cost import (
    draw_negatives,
    measure_step_cost,
    multiply_adds,
    noise_distribution,
    raw_distribution,
    scored_outputs,
)
from explorer.models.word2vec.plan import NS_EXPONENT

ZIPF = 1000 / np.arange(1, 21)  # 20 words, the most frequent 20 times the rarest


def test_distributions_sum_to_one():
    assert raw_distribution(ZIPF).sum() == pytest.approx(1)
    assert noise_distribution(ZIPF).sum() == pytest.approx(1)
    np.testing.assert_allclose(raw_distribution([3, 1]), [0.75, 0.25])


def test_noise_flattens_the_raw_distribution():
    raw, noise = raw_distribution(ZIPF), noise_distribution(ZIPF)
    assert noise[0] < raw[0]  # the most frequent word is drawn less often than it occurs
    assert noise[-1] > raw[-1]  # the rarest more often
    assert np.all(np.diff(noise / raw) > 0)  # the rarer, the bigger the boost
    assert noise[0] / noise[-1] == pytest.approx(20**NS_EXPONENT)  # 9.5 instead of 20
    np.testing.assert_allclose(noise_distribution(ZIPF, power=1), raw)
    np.testing.assert_allclose(noise_distribution(ZIPF, power=0), np.full(20, 1 / 20))


def test_bad_counts_are_refused():
    for counts in ([], [0, 0], [1, -1], [[1, 2]]):
        with pytest.raises(ValueError):
            noise_distribution(counts)


def test_negatives_follow_the_noise_distribution():
    n = 200_000
    drawn = draw_negatives(ZIPF, k=n, seed=0)
    assert drawn.shape == (n,) and drawn.min() >= 0 and drawn.max() < len(ZIPF)
    observed = np.bincount(drawn, minlength=len(ZIPF))
    # a fixed seed, so no flakiness; the threshold only catches a wrong distribution
    assert chisquare(observed, n * noise_distribution(ZIPF)).pvalue > 1e-3
    assert chisquare(observed, n * raw_distribution(ZIPF)).pvalue < 1e-12
    np.testing.assert_allclose(observed / n, noise_distribution(ZIPF), atol=0.005)


def test_draw_negatives_is_seeded():
    assert np.array_equal(draw_negatives(ZIPF, 50, seed=3), draw_negatives(ZIPF, 50, seed=3))
    assert not np.array_equal(draw_negatives(ZIPF, 50, seed=3), draw_negatives(ZIPF, 50, 4))
    assert draw_negatives(ZIPF, 0).shape == (0,)
    uniform = draw_negatives(ZIPF, 20_000, seed=0, power=0)
    assert np.bincount(uniform).min() > 800  # about 1000 each


def test_multiply_adds():
    assert multiply_adds(50_000, batch_size=32, vector_size=50, negative=0) == 32 * 50_000 * 50
    assert multiply_adds(50_000, batch_size=32, vector_size=50, negative=5) == 32 * 6 * 50
    assert multiply_adds(50_000, 32, 50, 0, path_length=10.5) == 32 * 10.5 * 50
    assert scored_outputs(50_000, 0) == 50_000 and scored_outputs(50_000, 5) == 6


@pytest.fixture(scope="module")
def table():
    return measure_step_cost(vocab_sizes=(200, 1_000, 4_000), vector_size=8, repeats=2)


def test_cost_table_shape(table):
    columns = ["vocab_size", "method", "ms_per_step", "outputs_per_example", "multiply_adds"]
    assert list(table.columns) == columns
    assert len(table) == 9
    assert table["vocab_size"].tolist() == [200] * 3 + [1_000] * 3 + [4_000] * 3
    methods = {"full softmax", "negative sampling, k=5", "hierarchical softmax"}
    assert set(table["method"]) == methods
    assert np.all(np.isfinite(table["ms_per_step"])) and np.all(table["ms_per_step"] > 0)


def test_softmax_cost_grows_with_vocabulary_and_the_speed_ups_do_not(table):
    by_method = {m: t.set_index("vocab_size") for m, t in table.groupby("method")}
    softmax, sampling = by_method["full softmax"], by_method["negative sampling, k=5"]
    assert softmax["multiply_adds"].tolist() == [32 * v * 8 for v in (200, 1_000, 4_000)]
    assert sampling["multiply_adds"].tolist() == [32 * 6 * 8] * 3
    # the tree: a path of about log2 V nodes at most, fewer for frequent words
    tree = by_method["hierarchical softmax"]["outputs_per_example"]
    assert np.all(tree < np.log2(tree.index) + 1) and np.all(np.diff(tree) > 0)


def test_timings_come_from_the_trainers_batch_code(monkeypatch):
    calls = []
    real = sampling_cost.train_batch

    def counting(params, n_words, plan, b, lr, config):
        calls.append((n_words, config.negative, config.hs, plan.outputs.shape[1] > 1))
        return real(params, n_words, plan, b, lr, config)

    monkeypatch.setattr(sampling_cost, "train_batch", counting)
    measure_step_cost(vocab_sizes=(300,), vector_size=4, negative=3, repeats=2)
    # one warm-up and two timed batches per method; negatives or paths in the plan
    assert calls == [(300, 0, 0, False)] * 3 + [(300, 3, 0, True)] * 3 + [(300, 0, 1, True)] * 3
    with pytest.raises(ValueError):
        measure_step_cost(negative=0)
