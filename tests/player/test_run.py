"""The live player over any steppable model: here the recommender and the classifier."""

import math

import numpy as np
import pytest

from explorer.models.classifier import ClassifierConfig, SentimentClassifier
from explorer.models.protocol import Steppable
from explorer.models.ratings_data import load_shop_ratings
from explorer.models.recommender import Recommender, RecommenderConfig
from explorer.models.sentiment_data import load_english
from explorer.player.run import LiveRun

ITEMS = ["tent", "flour", "sleeping_bag"]


@pytest.fixture(scope="module")
def model():
    return Recommender(load_shop_ratings(), RecommenderConfig(epochs=2, lazy_adam=True))


def probe_norm(state) -> float:
    return float(np.linalg.norm(state.params["items"]))


@pytest.fixture
def run(model):
    return LiveRun(model, ITEMS, map_table="items", probes={"norm": probe_norm})


def test_every_model_offers_the_protocol(model):
    assert isinstance(model, Steppable)
    assert isinstance(SentimentClassifier(load_english(), ClassifierConfig()), Steppable)


def test_ticks_match_the_pure_model_and_keep_a_history(run, model):
    for _ in range(3):
        run.tick(10)
    state, snap = model.train_steps(model.init_state(), 30)
    np.testing.assert_array_equal(run.tables()["items"].array, model.tables(state)["items"].array)
    assert run.step == 30 and run.steps == [10, 20, 30] and len(run.losses) == 3
    steps, rmse = run.series("test_rmse")
    assert steps == [10, 20, 30] and rmse[-1] == pytest.approx(snap.metrics["test_rmse"])
    assert run.timeline.steps() == [0, 10, 20, 30]
    assert run.timeline.latest().info["test_rmse"] == rmse[-1]


def test_probes_are_measured_from_step_0(run):
    run.tick(5)
    steps, norms = run.series("norm")
    assert steps == [0, 5] and norms[1] == pytest.approx(probe_norm(run.state))
    assert run.latest("norm") == norms[1] and math.isnan(run.latest("nothing"))


def test_reset_goes_back_to_step_0(run, model):
    run.tick(10)
    run.reset()
    assert run.step == 0 and run.losses == [] and run.last is None
    start = model.tables(model.init_state())["users"].array
    np.testing.assert_array_equal(run.tables()["users"].array, start)


def test_heatmaps_show_tracked_rows_and_outline_the_changed_ones(run):
    ids, labels = run.heatmap_rows("items")
    assert labels == ITEMS
    assert run.changed("items", ids) is None
    snap = run.tick(1)
    assert run.changed("items", ids).tolist() == np.isin(ids, snap.touched["items"]).tolist()
    users, user_labels = run.heatmap_rows("users", first=5)  # no tracked users: the first rows
    assert users.tolist() == [0, 1, 2, 3, 4] and len(user_labels) == 5


def test_the_map_is_steady_and_frames_give_back_old_tables(run):
    run.set_track(ITEMS, map_top=12)
    assert run.map_words[:3] == ITEMS and len(run.map_words) == 13  # flour: not in the 12
    for _ in range(20):
        run.tick(10)
    before = run.map_xy.copy()
    run.tick(1)
    assert np.abs(run.map_xy - before).max() < 0.3 * np.abs(before).max()
    first = run.timeline.at(0)
    assert run.tables(first)["items"].array is first.arrays["items"]
    assert run.vectors("items", first).index_to_key[:3] == run.tables()["items"].rows[:3]


def test_padding_rows_are_neither_mapped_nor_vectors():
    clf = SentimentClassifier(load_english(), ClassifierConfig(epochs=1))
    run = LiveRun(clf, map_top=5)
    assert "<pad>" not in run.map_words and len(run.map_words) == 5
    assert "<pad>" not in run.vectors("embedding").index_to_key
    assert run.track == [] and run.heatmap_rows("embedding", whole_below=0)[1][0] != "<pad>"


def test_a_finished_run_ticks_nothing(model):
    run = LiveRun(model)
    while not run.finished:
        run.tick(10_000)
    assert run.tick(10).batches == 0 and run.finished
