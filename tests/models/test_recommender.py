"""The recommender: gradients, the protocol's rules, and what its item table learns."""

import numpy as np
import pandas as pd
import pytest

from explorer.models.item2vec import category_purity
from explorer.models.keras import summary_text
from explorer.models.protocol import Steppable
from explorer.models.ratings_data import (
    RatingsError,
    load_shop_ratings,
    make_ratings,
    ratings_from_table,
)
from explorer.models.recommender import (
    Recommender,
    RecommenderConfig,
    gradients,
    item_mean_baseline,
    predict_ids,
    summary_rows,
)
from explorer.models.vectors import Vectors
from tests.gradcheck import numeric_grad


@pytest.fixture(scope="module")
def shop():
    return load_shop_ratings()


@pytest.fixture(scope="module")
def toy():
    rng = np.random.default_rng(0)
    users = [f"u{rng.integers(6)}" for _ in range(60)]
    items = [f"i{rng.integers(5)}" for _ in range(60)]
    return make_ratings(users, items, rng.integers(1, 6, 60), seed=0)


@pytest.mark.parametrize("use_bias", [True, False])
def test_gradients_match_central_differences(toy, use_bias):
    m = Recommender(toy, RecommenderConfig(output_dim=3, use_bias=use_bias))
    rng = np.random.default_rng(1)
    params = {k: a.astype(np.float64) + rng.normal(size=a.shape) for k, a in
              m.init_state().params.items()}  # fmt: skip
    u, i, r = toy.train_users[:9], toy.train_items[:9], toy.train_ratings[:9].astype(np.float64)
    loss, grads, _ = gradients(params, u, i, r, m.mean)

    def loss_of(p):
        return np.mean((predict_ids(p, u, i, m.mean) - r) ** 2)

    assert loss == pytest.approx(loss_of(params))
    assert set(grads) == set(params)
    h = 1e-6
    for name, a in params.items():
        numeric = numeric_grad(lambda: loss_of(params), a, h)
        rows, g = grads[name]
        full = np.zeros_like(a)
        full[rows] = g
        np.testing.assert_allclose(full, numeric, rtol=1e-5, atol=1e-8, err_msg=name)


def test_follows_the_protocol(shop):
    m = Recommender(shop)
    assert isinstance(m, Steppable)
    tables = m.tables(m.init_state())
    assert tables["users"].rows == shop.users and tables["items"].rows == shop.items
    for t in tables.values():
        assert t.array.shape == (len(t.rows), 8)
    assert shop.items[:2] == ["tent", "sleeping_bag"]  # the shop's item order


@pytest.mark.parametrize("lazy", [False, True])
def test_pure_and_chunk_invariant(shop, lazy):
    m = Recommender(shop, RecommenderConfig(lazy_adam=lazy))
    start = m.init_state()
    before = {k: a.copy() for k, a in start.params.items()}
    a, _ = m.train_steps(start, 10)
    for k in before:
        np.testing.assert_array_equal(start.params[k], before[k])
    a, _ = m.train_steps(a, 10)
    b, _ = m.train_steps(start, 20)
    for k in before:
        assert a.params[k].tobytes() == b.params[k].tobytes(), k
        assert a.adam.v[k].tobytes() == b.adam.v[k].tobytes(), k


def test_seeded_and_finishing(toy):
    def run(seed, n):
        m = Recommender(toy, RecommenderConfig(seed=seed, epochs=2, batch_size=16))
        return m, *m.train_steps(m.init_state(), n)

    m, s1, snap = run(5, 100)
    _, s2, _ = run(5, 100)
    _, s3, _ = run(6, 100)
    assert np.array_equal(s1.params["items"], s2.params["items"])
    assert not np.array_equal(s1.params["items"], s3.params["items"])
    assert snap.finished and snap.batches == m.total_steps == 2 * m.batches_per_epoch
    _, snap = m.train_steps(s1, 1)
    assert snap.batches == 0 and snap.finished and np.isnan(snap.loss)


def test_touched_rows_under_lazy_adam_are_the_batchs(shop):
    m = Recommender(shop, RecommenderConfig(lazy_adam=True))
    _, snap = m.train_steps(m.init_state(), 1)
    idx = m._batch(0)
    np.testing.assert_array_equal(snap.touched["users"], np.unique(shop.train_users[idx]))
    np.testing.assert_array_equal(snap.touched["items"], np.unique(shop.train_items[idx]))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_learns_the_hidden_categories_and_beats_the_item_mean(shop, seed):
    # defaults, seeds 0-2: test RMSE 0.836-0.847 (item means: 1.156), item purity at k=5
    # 0.956-0.960 (a shuffled category map gives about 0.11)
    m = Recommender(shop, RecommenderConfig(seed=seed))
    state, snap = m.train_steps(m.init_state(), 10_000)
    assert snap.finished
    assert snap.metrics["test_rmse"] < item_mean_baseline(shop) - 0.2
    assert snap.metrics["train_rmse"] < snap.metrics["test_rmse"]
    items = m.tables(state)["items"]
    assert category_purity(Vectors(items.rows, items.array), shop.categories) > 0.85
    # a user who loves camping (the hidden taste shows in their training ratings)
    user = "user001"
    scores = dict(zip(shop.items, m.predict(state, user, shop.items), strict=True))
    assert set(m.rated(user)) < set(shop.items)
    assert np.isfinite(list(scores.values())).all()


def test_summary_counts_every_parameter(shop):
    m = Recommender(shop)
    assert m.summary().total == sum(a.size for a in m.init_state().params.values())
    assert "352,000" in summary_text(summary_rows(1000, 10_000, 32, use_bias=False))


def test_predict_names_an_unknown_item(shop):
    m = Recommender(shop)
    with pytest.raises(KeyError, match="'no_such_item'"):
        m.predict(m.init_state(), "user001", ["tent", "no_such_item"])


def test_ratings_from_table():
    t = pd.DataFrame({"who": list("aabbccddee") + [None], "what": list("xyxyxyxyxy") + ["x"],
                      "stars": [5, 1, 4, 2, 5, 1, 4, 1, 5, 2, 3]})  # fmt: skip
    r = ratings_from_table(t, "who", "what", "stars")
    assert r.users == list("abcde") and r.items == ["x", "y"] and r.n_train + r.n_test == 10


@pytest.mark.parametrize(
    ("table", "match"),
    [
        (pd.DataFrame({"user": ["a"], "item": ["x"]}), "no rating column called 'rating'"),
        (pd.DataFrame({"user": ["a"] * 10, "item": ["x"] * 10, "rating": ["5"] * 9 + ["five"]}),
         "must hold numbers.*'five'"),
        (pd.DataFrame({"user": ["a"] * 3, "item": ["x"] * 3, "rating": [1, 2, 3]}),
         "at least 10"),
    ],
)  # fmt: skip
def test_ratings_table_errors(table, match):
    with pytest.raises(RatingsError, match=match):
        ratings_from_table(table)
