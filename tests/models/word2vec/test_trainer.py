"""Steppable training: the update rule, determinism, chunk invariance, decay, finishing."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import explorer.models.word2vec.trainer as training
from explorer.models.word2vec.objectives import (
    hierarchical_softmax_loss_and_grads,
    negative_sampling_loss_and_grads,
    softmax_loss_and_grads,
)
from explorer.models.word2vec.plan import UnigramSampler, keep_probabilities
from explorer.models.word2vec.trainer import (
    Word2VecConfig,
    init_state,
    train_steps,
    train_to_end,
)

ROOT = Path(__file__).resolve().parents[3]
VARIANTS = [
    pytest.param(dict(sg=0, negative=5), id="cbow-ns"),
    pytest.param(dict(sg=1, negative=5), id="sg-ns"),
    pytest.param(dict(sg=0, negative=0), id="cbow-softmax"),
    pytest.param(dict(sg=1, negative=0), id="sg-softmax"),
    pytest.param(dict(sg=0, negative=0, hs=1), id="cbow-hs"),
    pytest.param(dict(sg=1, negative=0, hs=1), id="sg-hs"),
]


@pytest.fixture(scope="module")
def toy() -> list[list[str]]:
    """A small generated corpus: animals and their young, royals, places."""
    rng = np.random.default_rng(0)
    frames = [
        "the {a} and the {b} played in the {p}",
        "a {a} is bigger than a {b}",
        "the {r} and the {s} lived in the {p}",
        "my {a} slept near the {p}",
    ]
    fill = dict(
        a=["cat", "dog", "cow", "hen"],
        b=["kitten", "puppy", "calf", "chick"],
        r=["king", "prince"],
        s=["queen", "princess"],
        p=["house", "garden", "palace", "yard"],
    )
    sentences = []
    for _ in range(400):
        frame = frames[rng.integers(len(frames))]
        words = {k: v[rng.integers(len(v))] for k, v in fill.items()}
        sentences.append(frame.format(**words).split())
    return sentences


@pytest.fixture(scope="module")
def english() -> list[list[str]]:
    path = ROOT / "sample_data" / "english.txt"
    if not path.exists():
        pytest.skip("sample_data/english.txt is not there")
    from explorer.text.tokenize import tokenize

    return tokenize(path.read_text(encoding="utf-8"))[:1500]


def _config(**kw) -> Word2VecConfig:
    return Word2VecConfig(**{**dict(min_count=1, epochs=3, batch_size=16), **kw})


# --- the update rule ------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_one_batch_update_is_minus_lr_times_the_documented_gradient(toy, variant):
    """W_out moves by -lr * dL/dW_out; each input row by -lr * dL/dh (gensim's cbow_mean=1)."""
    state = init_state(toy[:30], _config(**variant))
    W_out0 = np.random.default_rng(1).normal(scale=0.1, size=state.W_out.shape)
    state = replace(state, W_out=W_out0.astype(np.float32))  # non-zero, so W moves too
    plan, lr = state.plan, state.learning_rate
    assert lr == state.config.alpha
    p0, p1 = plan.pred_bounds[0], plan.pred_bounds[1]
    example = plan.pred_example[p0:p1]  # each prediction's example (skip-gram: its centre)
    contexts = plan.inputs[plan.examples(0)][example]
    mask = plan.weights[plan.examples(0)][example] > 0
    W, W_out = state.W.astype(np.float64), state.W_out.astype(np.float64)
    targets = plan.targets[p0:p1]
    if state.config.negative or state.config.hs:
        if state.config.hs:
            g = hierarchical_softmax_loss_and_grads(W, W_out, contexts, mask, targets, state.tree)
        else:
            negatives = plan.negatives[p0:p1]
            g = negative_sampling_loss_and_grads(W, W_out, contexts, mask, targets, negatives)
        dW_out = np.zeros_like(W_out)
        outer = g.d_scores[:, :, None] * g.h[:, None, :]
        np.add.at(dW_out, g.out_rows.ravel(), outer.reshape(-1, W.shape[1]))
    else:
        g = softmax_loss_and_grads(W, W_out, contexts, mask, targets)
        dW_out = g.d_scores.T @ g.h
    # gensim's convention: every real context row gets the whole dL/dh (n_ctx x the exact one)
    dW = np.zeros_like(W)
    example = np.broadcast_to(np.arange(len(contexts))[:, None], contexts.shape)
    np.add.at(dW, contexts[mask], g.d_h[example[mask]])

    new, snap = train_steps(state, 1)
    np.testing.assert_allclose(new.W, W - lr * dW, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(new.W_out, W_out - lr * dW_out, rtol=1e-5, atol=1e-6)
    assert snap.loss == pytest.approx(g.loss / (p1 - p0), rel=1e-5)


def test_batch_rows_finds_each_entrys_row():
    rng = np.random.default_rng(0)
    entries = rng.integers(0, 50, (30, 7)).astype(np.intp)  # many repeats
    rows, index, _ = training.batch_rows(entries, 60)
    assert sorted(rows.tolist()) == np.unique(entries).tolist()  # each row once
    np.testing.assert_array_equal(rows[index], entries)
    # rows of an earlier part of the entries come first (inputs before outputs)
    head, tail = entries[:10] % 20, entries[10:] % 20 + 20
    both = np.concatenate([head, tail])
    rows, _, n_head = training.batch_rows(both, 40, split=head.size)
    assert n_head == len(np.unique(head))
    assert np.all(rows[: len(np.unique(head))] < 20) and np.all(rows[len(np.unique(head)) :] >= 20)


def test_no_private_scipy_or_numpy_import():
    for path in (ROOT / "explorer").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "._" not in "".join(
            line for line in text.splitlines() if line.lstrip().startswith(("import", "from"))
        ), path


# --- what training does ---------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_loss_falls_on_the_sample_corpus(english, variant):
    state = init_state(english, Word2VecConfig(epochs=3, **variant))
    state, first = train_steps(state, 20)
    _, history = train_to_end(state)
    if variant.get("hs"):
        # The Huffman tree already knows the words' frequencies: hierarchical softmax starts
        # near the unigram model's loss (log 2 per node on the path: 5.4 here).
        assert history[-1] < first.loss - 0.5
    else:
        assert history[-1] < 0.8 * first.loss


@pytest.mark.parametrize("sg", [0, 1], ids=["cbow", "skipgram"])
def test_hierarchical_softmax_learns_as_well_as_the_full_softmax(english, sg):
    """Both losses are -log p(target | context) over the whole vocabulary: comparable."""
    final = {}
    for hs in (0, 1):
        state = init_state(english, Word2VecConfig(epochs=3, sg=sg, negative=0, hs=hs))
        final[hs] = train_to_end(state)[1][-1]
    assert final[1] < final[0] + 0.3


def test_same_seed_same_bits_other_seed_other_bits(toy):
    a = train_to_end(init_state(toy, _config(sample=1e-2)))[0]
    b = train_to_end(init_state(toy, _config(sample=1e-2)))[0]
    c = train_to_end(init_state(toy, _config(sample=1e-2, seed=1)))[0]
    assert np.array_equal(a.W, b.W) and np.array_equal(a.W_out, b.W_out)
    assert not np.array_equal(a.W, c.W)


@pytest.mark.parametrize("variant", VARIANTS)
def test_chunks_do_not_matter(toy, variant):
    state = init_state(toy, _config(sample=1e-2, **variant))
    once, _ = train_steps(state, 20)
    twice, _ = train_steps(train_steps(state, 10)[0], 10)
    singles = state
    for _ in range(20):
        singles, _ = train_steps(singles, 1)
    for other in (twice, singles):
        assert np.array_equal(other.W, once.W) and np.array_equal(other.W_out, once.W_out)
        assert (other.step, other.epoch, other.position) == (once.step, once.epoch, once.position)
    # across epoch ends too, and the fast path computes the same
    end_steps, _ = train_steps(train_steps(state, 37)[0], 10**6)
    end_fast, _ = train_to_end(state)
    assert np.array_equal(end_steps.W, end_fast.W)
    assert np.array_equal(end_steps.W_out, end_fast.W_out)


def test_learning_rate_decays_linearly_from_alpha_to_min_alpha(toy):
    config = _config(alpha=0.04, min_alpha=0.001, epochs=2)
    state = init_state(toy, config)
    assert state.learning_rate == 0.04
    rates, progress = [], []
    while not state.finished:
        state, snap = train_steps(state, 7)
        rates.append(snap.learning_rate)
        progress.append(snap.progress)
    expected = 0.04 - (0.04 - 0.001) * np.array(progress)
    np.testing.assert_allclose(rates, expected, rtol=1e-12)
    assert rates[-1] == 0.001 and progress[-1] == 1.0
    assert np.all(np.diff(rates) < 0)


def test_train_steps_leaves_its_input_alone(toy):
    state = init_state(toy, _config())
    W, W_out = state.W.copy(), state.W_out.copy()
    step = state.step
    new, _ = train_steps(state, 5)
    assert np.array_equal(state.W, W) and np.array_equal(state.W_out, W_out)
    assert state.step == step and new.step == step + 5
    assert not np.array_equal(new.W, W)


def test_snapshot_reports_the_chunk(toy):
    state = init_state(toy, _config(batch_size=8))
    state, snap = train_steps(state, 3, track=("cat", "queen"))
    assert (snap.step, snap.batches, snap.epoch, snap.examples_seen) == (3, 3, 0, 24)
    assert set(snap.tracked) == {"cat", "queen"}
    np.testing.assert_array_equal(snap.tracked["cat"], state.W[state.vocab.key_to_index["cat"]])
    rows = snap.touched_rows
    assert np.all(np.diff(rows) > 0)  # sorted, unique
    plan = state.plan
    expected = np.unique(
        plan.inputs[: plan.pred_bounds[3]][plan.weights[: plan.pred_bounds[3]] > 0]
    )
    np.testing.assert_array_equal(rows, expected)
    assert np.isfinite(snap.loss) and snap.loss > 0
    with pytest.raises(KeyError, match="'unicorn' is not in the vocabulary"):
        train_steps(state, 1, track=("unicorn",))


def test_finishing(toy):
    state = init_state(toy, _config(epochs=2))
    state, snap = train_steps(state, 10**6)
    assert snap.finished and state.finished and snap.epoch == 2 and snap.progress == 1.0
    again, snap2 = train_steps(state, 5)
    assert snap2.finished and snap2.batches == 0 and np.isnan(snap2.loss)
    assert again.step == state.step and np.array_equal(again.W, state.W)


# --- the epoch plan -------------------------------------------------------------------------


def test_windows_shrink_and_stay_in_the_sentence():
    sentences = [[f"w{i}" for i in range(12)], ["a", "b"]] * 3
    full = init_state(sentences, _config(window=3, shrink_windows=False)).plan
    shrunk = init_state(sentences, _config(window=3)).plan
    reach_full = (full.weights > 0).sum(1)
    # the first word of a 12-word sentence sees 3 words, the fourth 6; "a" sees "b" only
    assert reach_full[:4].tolist() == [3, 4, 5, 6] and reach_full[12:14].tolist() == [1, 1]
    assert (shrunk.weights > 0).sum() < (full.weights > 0).sum()
    assert set(shrunk.inputs[12][shrunk.weights[12] > 0]) == {shrunk.targets[13]}


def test_downsampling_follows_gensim_formula():
    counts = np.array([1000, 100, 10, 1])
    keep = keep_probabilities(counts, 1e-2)
    t = 1e-2 * counts.sum()
    np.testing.assert_allclose(keep[0], (np.sqrt(1000 / t) + 1) * t / 1000)
    assert keep[-1] == 1.0 and np.all(np.diff(keep) >= 0)
    assert np.all(keep_probabilities(counts, 0) == 1)


def test_negatives_follow_counts_to_the_three_quarters():
    counts = np.array([500, 200, 50, 10, 1])
    draws = UnigramSampler.from_counts(counts).draw(np.random.default_rng(0), (200_000,))
    p = counts**0.75 / (counts**0.75).sum()
    np.testing.assert_allclose(np.bincount(draws, minlength=5) / 200_000, p, atol=0.004)


def test_refuses_too_small_a_corpus():
    with pytest.raises(ValueError, match=r"only 1 distinct word appears at least min_count=5"):
        init_state([["cat"] * 9, ["dog"] * 2], Word2VecConfig(min_count=5))
    with pytest.raises(ValueError, match="no word appears at least min_count=2"):
        init_state([["a", "b"]], Word2VecConfig())
    with pytest.raises(TypeError, match="lists of tokens"):
        init_state(["the cat sat", "the dog sat"], Word2VecConfig())
    with pytest.raises(ValueError, match="window"):
        Word2VecConfig(window=0)


def test_hierarchical_softmax_plan_follows_the_tree(toy):
    state = init_state(toy, _config(negative=0, hs=1))
    plan, tree = state.plan, state.tree
    assert plan.negatives is None and plan.hs
    np.testing.assert_array_equal(plan.outputs, tree.points[plan.targets])
    np.testing.assert_array_equal(plan.labels, tree.labels()[plan.targets])
    assert state.W_out.shape == state.W.shape  # V rows, as gensim's syn1; inner nodes 0..V-2
    with pytest.raises(ValueError, match="choose one output layer"):
        Word2VecConfig(hs=1, negative=5)
