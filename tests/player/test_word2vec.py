"""A live run of word2vec: ticks, history, reset, tracked words, the steady map, the analogy."""

import numpy as np
import pytest

from explorer.models.vectors import Vectors
from explorer.models.word2vec.trainer import Word2VecConfig, init_state, train_steps
from explorer.player.word2vec import (
    ANALOGY_RANK,
    Analogy,
    analogy_rank,
    run_from_state,
    word2vec_run,
)
from explorer.text.samples import load_sample_text
from explorer.text.tokenize import tokenize

TRACK = ["cat", "kitten", "dog", "puppy", "house", "king", "queen", "man", "woman"]


@pytest.fixture(scope="module")
def sentences():
    return tokenize(load_sample_text("english"))


@pytest.fixture
def run(sentences):
    analogy = Analogy("king", "man", "woman", "queen")
    return word2vec_run(sentences, Word2VecConfig(), TRACK, analogy)


def test_ticks_match_the_pure_trainer(run, sentences):
    for _ in range(3):
        run.tick(10)
    state, _ = train_steps(init_state(sentences, Word2VecConfig()), 30)
    np.testing.assert_array_equal(run.state.W, state.W)
    assert run.steps == [10, 20, 30] and len(run.losses) == 3
    assert run.timeline.steps() == [0, 10, 20, 30]


def test_reset_returns_to_the_seeds_matrix(run):
    W0 = run.state.W.copy()
    run.tick(10)
    run.reset()
    assert run.step == 0 and run.losses == []
    np.testing.assert_array_equal(run.state.W, W0)
    assert run.timeline.steps() == [0]


def test_tracked_words_and_frequent_words_on_the_map(run):
    run.tick(5)
    step = run.step
    run.set_track(["cat", "kitten", "nosuchword"], map_top=10)
    assert run.step == step
    assert run.track == ["cat", "kitten"] and run.missing == ["nosuchword"]
    assert run.map_words[:2] == ["cat", "kitten"] and len(run.map_words) >= 10
    assert run.map_xy.shape == (len(run.map_words), 2)


def test_map_moves_smoothly_between_ticks(run):
    for _ in range(30):
        run.tick(20)
    before = run.map_xy.copy()
    run.tick(1)
    spread = np.abs(before).max()
    # one batch later the words barely move: the axes did not flip or spin
    assert np.abs(run.map_xy - before).max() < 0.2 * spread


def test_analogy_rank_matches_vectors(run):
    for _ in range(20):
        run.tick(20)
    wv = Vectors(run.state.vocab.index_to_key, run.state.W)
    answers = [w for w, _ in wv.most_similar(positive=["king", "woman"], negative=["man"], topn=5)]
    rank = analogy_rank(run.state.W, run.state.vocab.key_to_index, run.analogy)
    assert rank == run.series(ANALOGY_RANK)[1][-1] == run.latest(ANALOGY_RANK)
    if "queen" in answers:
        assert rank == answers.index("queen") + 1
    else:
        assert rank > 5


def test_finished_run_ticks_nothing(sentences):
    run = word2vec_run(sentences[:50], Word2VecConfig(epochs=1), ["cat"])
    while not run.finished:
        run.tick(1000)
    snap = run.tick(10)
    assert snap.batches == 0 and snap.finished


def test_a_saved_run_goes_on_where_it_left_off(run, sentences):
    from explorer.models.word2vec.storage import load_state, state_to_bytes

    for _ in range(3):
        run.tick(10)
    state, _ = load_state(state_to_bytes(run.state))
    resumed = run_from_state(state, TRACK)
    assert resumed.step == 30
    resumed.tick(10)
    run.tick(10)
    np.testing.assert_array_equal(resumed.state.W, run.state.W)
    resumed.reset()
    np.testing.assert_array_equal(resumed.state.W, init_state(sentences, Word2VecConfig()).W)


def test_the_heatmaps_show_the_tracked_rows_and_outline_what_the_last_chunk_changed(run):
    ids, labels = run.heatmap_rows()
    assert labels == TRACK and [run.state.vocab.index_to_key[i] for i in ids] == TRACK
    assert run.changed("W", ids) is None  # nothing trained yet
    snap = run.tick(1)
    changed = run.changed("W", ids)
    assert changed.tolist() == [bool(np.isin(i, snap.touched["W"])) for i in ids]


def test_a_small_vocabulary_shows_the_whole_matrix():
    small = word2vec_run([["a", "b", "c"], ["b", "c", "a"]] * 5, Word2VecConfig(min_count=1), ["a"])
    ids, labels = small.heatmap_rows()
    assert ids.tolist() == [0, 1, 2] and sorted(labels) == ["a", "b", "c"]
