"""The recommender lesson: categories recovered, a user's unseen items, bought vs rated."""

import numpy as np
import pytest
from sklearn.model_selection import LeaveOneOut, cross_val_predict
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import normalize

from explorer.io.uploads import UploadError
from explorer.lessons.recommender import (
    ACCURACY,
    BOUGHT,
    CATEGORY,
    ITEM,
    RATED,
    SCORE,
    TASTE,
    RatingsError,
    bought_vs_rated,
    category_accuracy,
    chance_accuracy,
    for_display,
    purity_chance,
    ratings_upload,
    recovery,
    recovery_table,
    same_category_share,
    table_vectors,
    taste_hits,
    unseen_predictions,
    user_taste,
)
from explorer.models.item2vec import load_shop, train_items
from explorer.models.ratings_data import load_shop_ratings
from explorer.models.recommender import Recommender, RecommenderConfig, item_mean_baseline


@pytest.fixture(scope="module")
def shop():
    return load_shop_ratings()


@pytest.fixture(scope="module")
def trained(shop):
    model = Recommender(shop)
    state, _ = model.train_steps(model.init_state(), model.total_steps)
    return model, state


@pytest.fixture(scope="module")
def item2vec():
    return train_items(load_shop().sessions, seed=0)


def test_nearest_centroid_agrees_with_scikit_learn():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 5)) + np.repeat(np.eye(5)[:4] * 1.5, 10, axis=0)
    labels = np.repeat(list("abcd"), 10)
    predicted = cross_val_predict(NearestCentroid(), normalize(X), labels, cv=LeaveOneOut())
    assert category_accuracy(X, labels) == pytest.approx(np.mean(predicted == labels))


def test_chance_levels():
    labels = ["a"] * 6 + ["b"] * 3 + ["c"]
    assert chance_accuracy(labels) == 0.6
    assert purity_chance(labels) == pytest.approx((6 * 5 + 3 * 2) / (10 * 9))


def test_trained_item_table_recovers_the_hidden_categories(shop, trained):
    model, state = trained
    before = recovery(table_vectors(model, model.init_state(), "items"), shop.categories)
    acc, chance, purity, p_chance = recovery(table_vectors(model, state, "items"), shop.categories)
    assert chance == pytest.approx(14 / 101)  # baby, the largest category
    assert before[0] < chance + 0.1 and before[2] < p_chance + 0.1  # random start: chance
    # defaults, seed 0: accuracy 0.98, purity 0.958 (chance 0.139, 0.110)
    assert acc > 0.9 and purity > 0.9


def test_item2vec_recovers_them_too(shop, trained, item2vec):
    model, state = trained
    table = recovery_table({"recommender": table_vectors(model, state, "items"),
                            "item2vec": item2vec.wv}, shop.categories)  # fmt: skip
    assert list(table["vectors"]) == ["recommender", "item2vec"]
    assert (table[ACCURACY] > 0.9).all()


def test_unseen_predictions_leave_out_what_the_user_rated(shop, trained):
    model, state = trained
    table = unseen_predictions(model, state, "user001", topn=8)
    assert list(table.columns) == [ITEM, SCORE, CATEGORY, TASTE]
    assert len(table) == 8 and not set(table[ITEM]) & model.rated("user001")
    assert list(table[SCORE]) == sorted(table[SCORE], reverse=True)
    assert user_taste(shop, "user001") == (("gardening", "running"), ("coffee",))
    loved = table[CATEGORY].isin(["gardening", "running"])
    assert list(table[TASTE][loved]) == ["loved"] * loved.sum()


def test_top_predictions_find_the_hidden_tastes(trained):
    model, state = trained
    hits, chance = taste_hits(model, state, k=5)
    start_hits, same_chance = taste_hits(model, model.init_state(), k=5)
    # defaults, seed 0: 0.62 of the top 5 unseen items are of a loved category; 0.09 by chance
    assert chance == same_chance and chance < 0.15
    assert hits > 4 * chance and start_hits < 2 * chance


def test_taste_hits_without_tastes_are_nan(trained):
    from dataclasses import replace

    model, state = trained
    blind = Recommender(replace(model.data, tastes={}), RecommenderConfig())
    assert np.isnan(taste_hits(blind, state)).all()


def test_bought_together_and_rated_alike(shop, trained, item2vec):
    model, state = trained
    table = bought_vs_rated(item2vec, table_vectors(model, state, "items"), "tent",
                            shop.categories)  # fmt: skip
    assert len(table) == 5 and "tent (camping)" not in table.to_numpy()
    assert table[BOUGHT][0] == "tent_pegs (camping)"  # the tent's own mission
    share = same_category_share(table, "tent", shop.categories)
    assert share[RATED] == 1.0


def test_ratings_upload_reads_a_csv_with_loose_column_names():
    body = "User , Item,RATING\n" + "".join(f"u{i % 4},i{i % 3},{1 + i % 5}\n" for i in range(20))
    data = ratings_upload("mine.csv", body.encode())
    assert data.users == ["u0", "u1", "u2", "u3"] and data.n_train + data.n_test == 20


@pytest.mark.parametrize(
    ("name", "body", "error", "match"),
    [
        ("r.txt", b"user,item,rating\n", UploadError, "not a table"),
        ("r.csv", b"", UploadError, "empty"),
        ("r.csv", b",,\n1,2,3\n", UploadError, "header"),
        ("r.csv", b"who,what,stars\na,b,5\n", RatingsError, "no user column"),
        ("r.csv", b"user,item,rating\na,b,five\n", RatingsError, "must hold numbers"),
        ("r.csv", b"user,item,rating\na,b,5\n", RatingsError, "at least"),
        ("r.csv", bytes(range(256)) * 4, UploadError, "binary"),
    ],
)
def test_ratings_upload_refuses_with_a_sentence(name, body, error, match):
    with pytest.raises(error, match=match):
        ratings_upload(name, body)


def test_the_pages_live_run_follows_three_items_a_category_and_probes_the_categories(shop):
    from explorer.lessons.recommender import CATEGORY_PROBE, CHUNK, live_run

    run = live_run(shop, RecommenderConfig())
    assert run.track[:3] == ["tent", "sleeping_bag", "sleeping_mat"] and len(run.track) == 27
    assert run.map_words == run.track and run.map_table == "items"
    _, start = run.series(CATEGORY_PROBE)
    for _tick in range(20):
        run.tick(CHUNK)
    # after 200 batches (1.5 epochs): categories far above chance (0.14)
    assert start[0] < 0.3 and run.latest(CATEGORY_PROBE) > 0.8
    assert run.latest("test_rmse") < item_mean_baseline(shop)


def test_for_display_translates_the_column_ids_and_the_taste_words(trained):
    model, state = trained
    table = unseen_predictions(model, state, "user001", topn=8)
    shown = for_display(table, lambda s: s.upper())
    assert list(shown.columns) == ["ITEM", "PREDICTED RATING", "CATEGORY", "TASTE"]
    assert set(shown["TASTE"]) <= {"LOVED", "DISLIKED", ""}


def test_heatmap_titles_say_which_rows_are_shown(shop):
    from explorer.lessons.recommender import heatmap_titles

    assert heatmap_titles(shop) == ("users (the first 20)", "items (three of each category)")
    small = ratings_upload("r.csv", b"user,item,rating\n" + b"".join(
        f"u{i % 7},i{i % 5},{1 + i % 5}\n".encode() for i in range(60)))  # fmt: skip
    assert heatmap_titles(small) == ("users", "items")


def test_the_settings_table_defaults_are_the_configs():
    from explorer.lessons.recommender import CHUNK, SETTINGS, config_from
    from explorer.models.settings import defaults, require_valid

    values = defaults(SETTINGS)
    assert config_from(values) == RecommenderConfig() and values["chunk"] == CHUNK
    require_valid(RecommenderConfig(), SETTINGS)


def test_the_hidden_tastes_file_is_what_the_generator_draws(shop):
    from tests.models.test_item2vec import make_shop

    tastes = {}
    rows = make_shop.make_ratings(tastes=tastes)
    assert rows == make_shop.make_ratings()  # writing the tastes down draws nothing
    assert {u: (tuple(a), tuple(b)) for u, (a, b) in tastes.items()} == shop.tastes
    assert len(shop.tastes) == 400 and all(loved and bad for loved, bad in shop.tastes.values())


def test_category_chance(shop):
    from dataclasses import replace

    from explorer.lessons.recommender import category_chance

    assert category_chance(shop) == pytest.approx(14 / 101)
    assert np.isnan(category_chance(replace(shop, categories={})))
