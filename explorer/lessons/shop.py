"""Beyond words: the item2vec lesson's tables and map, and one vector per word.

Usage:
    >>> shop, model = train_shop()              # the bundled shop log, item vectors
    >>> items, first = item_choices(model.wv)   # sorted, "tent" first chosen
    >>> similar_table(model.wv, "tent")         # item, cosine: substitutes
    >>> bought_with_table(model, "tent")        # item, score: complements
    >>> recommend_table(model.wv, shop.users["alex"])
    >>> item_map(model.wv, shop.categories, "tent").xy.shape   # every item on a PCA map
    >>> table, same = one_vector_per_word()     # "Don't trouble trouble": both rows equal
    >>> same
    True

The item vectors come from :mod:`explorer.models.item2vec`; this module only shapes its
answers for the page (tables with translated column names, rounded as shown).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.lessons.embedding_layer import EmbeddingLayer
from explorer.maps.pca import pca_coords
from explorer.models.item2vec import (
    Shop,
    bought_with,
    load_shop,
    recommend,
    score_matrix,
    train_items,
)
from explorer.models.vectors import Vectors
from explorer.models.word2vec.model import Word2Vec
from explorer.text.tokenize import tokenize
from explorer.text.vocab import Vocabulary

#: The sentence whose two *trouble*s mean different things.
TROUBLE = "Don't trouble trouble"


def train_shop() -> tuple[Shop, Word2Vec]:
    """The bundled shop log and item vectors trained on its sessions."""
    shop = load_shop()
    return shop, train_items(shop.sessions)


def sessions_table(shop: Shop, n: int = 5) -> pd.DataFrame:
    """The first ``n`` sessions, items joined by a dot."""
    return pd.DataFrame({_("session"): [" · ".join(s) for s in shop.sessions[:n]]})


def item_choices(wv: Vectors, default: str = "tent") -> tuple[list[str], int]:
    """The items in alphabetical order, and the index of ``default`` (0 without it)."""
    items = sorted(wv.index_to_key)
    return items, items.index(default) if default in wv else 0


def _scores(pairs: Sequence[tuple[str, float]], score: str) -> pd.DataFrame:
    return pd.DataFrame(pairs, columns=[_("item"), score]).round(3)


def similar_table(wv: Vectors, item: str, topn: int = 6) -> pd.DataFrame:
    """The items nearest ``item`` by cosine of input vectors (bought in place of it)."""
    return _scores(wv.most_similar(item, topn=topn), _("cosine"))


def bought_with_table(model: Word2Vec, item: str, topn: int = 6) -> pd.DataFrame:
    """The items with the highest input · output score (bought alongside it)."""
    return _scores(bought_with(model, item, topn=topn), _("score"))


def recommend_table(wv: Vectors, items: Sequence[str], topn: int = 5) -> pd.DataFrame:
    """The best items for a user who had ``items`` (dot product with their mean vector)."""
    return _scores(recommend(wv, items, topn=topn), _("score"))


def scores_table(wv: Vectors, users: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Every user's score for every item, rounded to 2 places."""
    table = score_matrix(wv, users).round(2)
    table.index.name, table.columns.name = _("user"), _("item")
    return table


@dataclass(frozen=True)
class ItemMap:
    """Every item on a PCA map: coordinates, names, one label per category, categories."""

    xy: np.ndarray
    items: list[str]
    labels: list[str]
    groups: dict[str, str]


def item_map(wv: Vectors, categories: Mapping[str, str], chosen: str) -> ItemMap:
    """The items' PCA map, labelled with each category's first item and ``chosen``."""
    items = list(wv.index_to_key)
    groups = [categories.get(i, "other") for i in items]
    first = {g: i for i, g in reversed(list(enumerate(groups)))}
    labels = [w if first[groups[i]] == i or w == chosen else "" for i, w in enumerate(items)]
    xy = pca_coords(wv.vectors.astype(float))
    return ItemMap(xy, items, labels, dict(zip(items, groups, strict=True)))


def one_vector_per_word(
    sentence: str = TROUBLE, dim: int = 4, seed: int = 0
) -> tuple[pd.DataFrame, bool]:
    """Each token's id and its row of a random embedding table, and whether the two rows
    of the repeated word are the same (a static table looks words up by id only)."""
    tokens = tokenize(sentence)[0]
    ids = Vocabulary.build([tokens]).encode([tokens])[0]
    rows = EmbeddingLayer.random(len(set(tokens)), dim, seed=seed)(ids)
    table = pd.DataFrame(rows.round(3), columns=[f"d{j}" for j in range(dim)])
    table.insert(0, "id", ids)
    table.insert(0, _("token"), tokens)
    repeated = [i for i, t in enumerate(tokens) if tokens.count(t) > 1]
    return table, bool(repeated) and bool((rows[repeated] == rows[repeated[0]]).all())
