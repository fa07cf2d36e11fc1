"""Beyond words: the shop log, item2vec training, users, recommendations and scores."""

import importlib.util
import warnings

import numpy as np
import pytest

from explorer.models.item2vec import (
    ITEM2VEC_DEFAULTS,
    SAMPLE_DIR,
    bought_with,
    category_purity,
    load_categories,
    load_sessions,
    load_shop,
    load_users,
    neighbours_in_category,
    recommend,
    score_matrix,
    train_items,
    unknown_items,
    user_vector,
)
from explorer.models.vectors import Vectors

SEEDS = (0, 1, 2)
# Measured with seeds 0-5 (ITEM2VEC_DEFAULTS): purity at k=5 0.972-0.974 (a shuffled
# category map: about 0.11; the 4 "everyday" items cap it near 0.98); worst rank of a
# substitute among its item's neighbours 4, mean at most 1.9; worst rank of a complement
# by bought_with 4, mean at most 2.2.
MIN_PURITY = 0.93


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_shop", SAMPLE_DIR / "make_shop.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines only; main() is not run
    return module


make_shop = _load_generator()
SUBSTITUTES = make_shop.SUBSTITUTES  # the pairs the generator wrote into the log
COMPLEMENTS = [
    ("tent", "sleeping_bag"),
    ("camping_stove", "fuel_canister"),
    ("game_console", "controller"),
    ("baby_bottle", "formula_milk"),
    ("running_shoes", "running_socks"),
    ("flour", "dried_yeast"),
    ("coffee_grinder", "coffee_beans"),
]


@pytest.fixture(scope="module")
def shop():
    return load_shop()


@pytest.fixture(scope="module")
def models(shop):
    return {seed: train_items(shop.sessions, seed=seed) for seed in SEEDS}


@pytest.fixture
def toy():
    # two categories in two directions, plus a long vector in between
    words = ["tent", "sleeping_bag", "stove", "flour", "whisk", "batteries"]
    vectors = np.array(
        [[1, 0.1], [1, 0.2], [0.9, 0], [0, 1], [0.1, 1], [1.4, 1.4]], dtype=np.float32
    )
    return Vectors(words, vectors)


# --- the data --------------------------------------------------------------------------------


def test_loaders_parse_lines():
    assert load_sessions("# a comment\ntent  sleeping_bag\n\n flour whisk \n") == [
        ["tent", "sleeping_bag"],
        ["flour", "whisk"],
    ]
    assert load_users("alex tent stove\ngus\n") == {"alex": ["tent", "stove"], "gus": []}
    assert load_categories("item\tcategory\ntent\tcamping\nflour\tbaking\n") == {
        "tent": "camping",
        "flour": "baking",
    }
    with pytest.raises(ValueError, match="line 2"):
        load_categories("tent\tcamping\nflour baking\n")


def test_shop_log_has_the_documented_shape(shop):
    assert len(shop.sessions) == 2500
    assert all(3 <= len(s) <= 10 for s in shop.sessions)
    assert all(len(set(s)) == len(s) for s in shop.sessions)  # a basket, no repeats
    seen = {item for s in shop.sessions for item in s}
    assert seen == set(shop.categories)  # every item has a category and turns up
    assert len(seen) == 101
    assert len(set(shop.categories.values())) == 9
    assert all(item in shop.categories for items in shop.users.values() for item in items)
    assert len(shop.users) == 7


def test_generator_rewrites_the_files_byte_for_byte():
    sessions = "".join(" ".join(s) + "\n" for s in make_shop.make_sessions())
    assert sessions == (SAMPLE_DIR / "shop_sessions.txt").read_text(encoding="utf-8")
    assert load_categories((SAMPLE_DIR / "shop_items.tsv").read_text()) == make_shop.categories()
    assert load_users((SAMPLE_DIR / "shop_users.txt").read_text()) == dict(make_shop.USERS)


# --- training: categories, substitutes, complements ------------------------------------------


def test_train_items_uses_documented_defaults(shop):
    model = train_items(shop.sessions[:200], epochs=1, vector_size=4)
    expected = ITEM2VEC_DEFAULTS | {"epochs": 1, "vector_size": 4}
    assert {k: getattr(model.config, k) for k in expected} == expected
    assert model.wv.vector_size == 4


@pytest.mark.parametrize("seed", SEEDS)
def test_neighbours_are_mostly_of_the_same_category(models, shop, seed):
    assert category_purity(models[seed].wv, shop.categories, k=5) > MIN_PURITY


def test_purity_of_a_shuffled_category_map_is_low(models, shop):
    rng = np.random.default_rng(0)
    items = list(shop.categories)
    shuffled = dict(zip(items, rng.permutation(list(shop.categories.values())), strict=True))
    assert category_purity(models[0].wv, shuffled, k=5) < 0.3


@pytest.mark.parametrize("seed", SEEDS)
def test_substitutes_are_nearest_neighbours(models, seed):
    wv = models[seed].wv
    ranks = [wv.rank(item, substitute) for item, substitute in SUBSTITUTES.items()]
    assert max(ranks) <= 6 and np.mean(ranks) <= 3, ranks


@pytest.mark.parametrize("seed", SEEDS)
def test_complements_come_first_by_bought_with(models, seed):
    model = models[seed]
    ranks = []
    for item, partner in COMPLEMENTS:
        found = [other for other, _ in bought_with(model, item, topn=len(model.wv))]
        assert item not in found
        ranks.append(found.index(partner) + 1)
    assert max(ranks) <= 6 and np.mean(ranks) <= 3, ranks


def test_bought_with_scores_are_input_dot_output(models):
    model = models[0]
    wv, W_out = model.wv, model.state_.W_out
    for other, score in bought_with(model, "flour", topn=4):
        assert score == pytest.approx(float(wv["flour"] @ W_out[wv.get_index(other)]), rel=1e-5)
    with pytest.raises(KeyError, match="xyzzy"):
        bought_with(model, "xyzzy")


# --- users, recommendations, scores ----------------------------------------------------------


def test_user_vector_is_the_mean(toy):
    np.testing.assert_allclose(user_vector(toy, ["tent", "flour"]), [0.5, 0.55], rtol=1e-6)


def test_user_vector_reports_unknown_items(toy):
    assert unknown_items(toy, ["tent", "kayak", "paddle"]) == ["kayak", "paddle"]
    with pytest.warns(UserWarning, match="kayak"):
        v = user_vector(toy, ["tent", "kayak"])
    np.testing.assert_array_equal(v, toy["tent"])
    with pytest.raises(KeyError, match="kayak"):
        user_vector(toy, ["tent", "kayak"], strict=True)
    with pytest.raises(KeyError, match="kayak"):
        user_vector(toy, ["kayak"])
    with pytest.raises(KeyError, match="no items"):
        user_vector(toy, [])


def test_recommend_ranks_by_dot_product_and_leaves_out_seen_items(toy):
    got = recommend(toy, ["tent", "stove"], topn=10)
    user = toy[["tent", "stove"]].mean(axis=0)
    expected = sorted(
        ((w, float(toy[w] @ user)) for w in toy.index_to_key if w not in ("tent", "stove")),
        key=lambda pair: -pair[1],
    )
    assert [w for w, _ in got] == [w for w, _ in expected]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in expected], rtol=1e-6)
    top2 = [w for w, _ in recommend(toy, ["tent", "stove"], topn=2)]
    assert top2 == ["batteries", "sleeping_bag"]


def test_recommend_can_keep_seen_items_and_use_cosine(toy):
    assert "tent" in dict(recommend(toy, ["tent"], topn=6, exclude_seen=False))
    # by dot product the long "batteries" vector beats "stove"; by cosine it does not
    dot = [w for w, _ in recommend(toy, ["tent", "sleeping_bag"], topn=2)]
    cos = [w for w, _ in recommend(toy, ["tent", "sleeping_bag"], topn=2, score="cosine")]
    assert dot == ["batteries", "stove"] and cos == ["stove", "batteries"]
    with pytest.raises(ValueError, match="score"):
        recommend(toy, ["tent"], score="euclid")


def test_recommend_on_the_shop_suggests_the_users_category(models, shop):
    wv = models[0].wv
    for name, items in shop.users.items():
        if len({shop.categories[i] for i in items}) > 1:
            continue  # mixed tastes: no single expected category
        (category,) = {shop.categories[i] for i in items}
        top = recommend(wv, items, topn=3)
        assert {shop.categories[i] for i, _ in top} == {category}, (name, top)
        assert not set(items) & {i for i, _ in top}


def test_score_matrix_holds_the_dot_products(models, shop):
    wv = models[0].wv
    items = ["tent", "flour", "pram", "batteries"]
    frame = score_matrix(wv, shop.users, items)
    assert frame.shape == (len(shop.users), len(items))
    assert list(frame.index) == list(shop.users) and list(frame.columns) == items
    for name, had in shop.users.items():
        user = wv[had].mean(axis=0)
        for item in items:
            assert frame.loc[name, item] == pytest.approx(float(wv[item] @ user), rel=1e-5)
    assert score_matrix(wv, {"x": ["tent"]}).shape == (1, len(wv))


def test_score_matrix_gives_nan_to_users_without_known_items(toy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = score_matrix(toy, {"new": ["kayak"], "old": ["tent", "kayak"]}, ["flour"])
    assert np.isnan(frame.loc["new", "flour"])
    assert frame.loc["old", "flour"] == pytest.approx(float(toy["tent"] @ toy["flour"]))


# --- category purity -------------------------------------------------------------------------


def test_category_purity_counts_neighbours_in_the_same_category(toy):
    categories = {
        "tent": "camping",
        "sleeping_bag": "camping",
        "stove": "camping",
        "flour": "baking",
        "whisk": "baking",
        "batteries": "everyday",
    }
    # k=2, by cosine: tent -> sleeping_bag, stove; sleeping_bag -> tent, stove;
    # stove -> tent, sleeping_bag; flour -> whisk, batteries; whisk -> flour, batteries;
    # batteries -> sleeping_bag, then tent or whisk (none of them "everyday")
    shares = neighbours_in_category(toy, categories, k=2)
    assert shares.to_dict() == {
        "tent": 1.0,
        "sleeping_bag": 1.0,
        "stove": 1.0,
        "flour": 0.5,
        "whisk": 0.5,
        "batteries": 0.0,
    }
    assert category_purity(toy, categories, k=2) == pytest.approx(4 / 6)
    # items without a category are neighbours that count against, but are not scored
    assert category_purity(toy, {"flour": "baking", "whisk": "baking"}, k=1) == 1.0
    with pytest.raises(ValueError):
        category_purity(toy, {"kayak": "boats"})
