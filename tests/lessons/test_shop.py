"""The beyond-words lesson: the shop's tables and map, and one static vector per word."""

from functools import cache

import pytest

from explorer.lessons.shop import (
    TROUBLE,
    bought_with_table,
    item_choices,
    item_map,
    one_vector_per_word,
    recommend_table,
    scores_table,
    sessions_table,
    similar_table,
)


@cache
def shop_and_model():
    from explorer.lessons.shop import train_shop

    return train_shop()


@pytest.mark.slow
def test_the_shops_tables():
    shop, model = shop_and_model()
    wv = model.wv
    assert len(sessions_table(shop)) == 5
    items, first = item_choices(wv)
    assert items == sorted(items) and items[first] == "tent"
    similar = similar_table(wv, "tent")
    assert list(similar.columns) == ["item", "cosine"] and len(similar) == 6
    assert "tent" not in similar["item"].tolist()
    together = bought_with_table(model, "tent")
    assert list(together.columns) == ["item", "score"]
    assert "sleeping_bag" in together["item"].tolist()[:3]
    user = next(iter(shop.users))
    picks = recommend_table(wv, shop.users[user])
    assert len(picks) == 5 and not set(picks["item"]) & set(shop.users[user])
    assert scores_table(wv, shop.users).shape == (len(shop.users), len(wv))


@pytest.mark.slow
def test_the_item_map_labels_one_item_per_category_and_the_chosen_one():
    shop, model = shop_and_model()
    m = item_map(model.wv, shop.categories, "tent")
    assert m.xy.shape == (len(model.wv), 2)
    labelled = [w for w in m.labels if w]
    categories = {m.groups[w] for w in m.items}
    assert "tent" in labelled
    assert len(labelled) in (len(categories), len(categories) + 1)
    assert {m.groups[w] for w in labelled} == categories


def test_dont_trouble_trouble_gives_both_troubles_one_row():
    table, same = one_vector_per_word()
    assert TROUBLE == "Don't trouble trouble"
    words = table.iloc[:, 0].tolist()
    assert words.count("trouble") == 2
    rows = table[table.iloc[:, 0] == "trouble"]
    assert same and rows["id"].nunique() == 1
    assert (rows.iloc[0, 2:] == rows.iloc[1, 2:]).all()
    assert one_vector_per_word("the cat sat")[1] is False  # no word repeats
