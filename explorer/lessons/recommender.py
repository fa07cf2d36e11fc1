"""The recommender lesson: what the user and item tables learn from ratings alone.

Usage:
    >>> from explorer.models.ratings_data import load_shop_ratings
    >>> from explorer.models.recommender import Recommender
    >>> data = load_shop_ratings()
    >>> model = Recommender(data)
    >>> state, _snap = model.train_steps(model.init_state(), model.total_steps)
    >>> items = table_vectors(model, state, "items")
    >>> recovery(items, data.categories)                 # about (0.97, 0.14, 0.96, 0.11)
    >>> unseen_predictions(model, state, "user001", topn=5)   # items, scores, categories
    >>> taste_hits(model, state, k=5)                    # top-5 in a loved category vs chance
    >>> bought_vs_rated(item2vec_model, items, "tent", data.categories)  # doctest: +SKIP
    >>> run = live_run(data, RecommenderConfig())       # the page's LiveRun (items on the map)

Ratings never name a category, yet the shop's made-up users rate by category (each has a
hidden taste per category), so items of a category are *rated alike* and the item table
puts them together. How well it does is measured two ways, each against what chance gives:

* **nearest centroid**, leave one out: each item gets the category whose mean direction
  (the mean of its other items' unit vectors) is closest; chance is always guessing the
  largest category;
* **neighbour purity** (:func:`explorer.models.item2vec.category_purity`): the share of an
  item's ``k`` nearest neighbours (cosine) in its own category; chance is the share of
  same-category pairs among all pairs of different items.

item2vec learns the same items from *sessions* (items bought together), so the two can be
compared item by item (:func:`bought_vs_rated`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from explorer.i18n import M_, N_
from explorer.io.uploads import UploadError, read_table
from explorer.models.item2vec import Shop, bought_with, category_purity, load_shop, train_items
from explorer.models.keras import summary_text
from explorer.models.ratings_data import (
    Ratings,
    RatingsError,
    load_shop_ratings,
    ratings_from_table,
)
from explorer.models.recommender import (
    Recommender,
    RecommenderConfig,
    item_mean_baseline,
    predict_ids,
)
from explorer.models.recommender_settings import CHUNK, SETTINGS
from explorer.models.vectors import Vectors
from explorer.player.run import LiveRun

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CATEGORY_PROBE", "CHUNK", "SETTINGS", "RatingsError", "RecommenderConfig", "UploadError",
    "bought_vs_rated", "category_accuracy", "category_chance", "chance_accuracy", "config_from",
    "for_display", "heatmap_titles", "item2vec_on_sessions", "item_mean_baseline", "live_run",
    "load_shop_ratings", "purity_chance", "ratings_upload", "recovery", "recovery_table",
    "same_category_share", "summary_text", "table_vectors", "taste_hits", "tracked_items",
    "unseen_predictions", "user_taste",
]  # fmt: skip

#: Column names of the tables below (English ids; the page translates them).
ITEM, SCORE, CATEGORY, TASTE = N_("item"), N_("predicted rating"), N_("category"), N_("taste")
LOVED, DISLIKED = N_("loved"), N_("disliked")
SOURCE, ACCURACY, CHANCE = N_("vectors"), N_("nearest-centroid accuracy"), N_("chance (accuracy)")
PURITY, PURITY_CHANCE = N_("neighbours in its category"), N_("chance (neighbours)")
BOUGHT, RATED = N_("bought with it (item2vec)"), N_("rated alike (recommender)")
SAME_SESSIONS = N_("same company (item2vec)")


#: The items the heatmap and the map follow: the first of each category.
PER_CATEGORY = 3
def config_from(values: Mapping[str, Any]) -> RecommenderConfig:
    """The model's config from the settings' values (``chunk`` is the page's own).

    >>> config_from({"output_dim": 4, "seed": 2, "chunk": 5}).output_dim
    4
    """
    fields = {s.key for s in SETTINGS} - {"chunk"}
    return RecommenderConfig(**{k: v for k, v in values.items() if k in fields})


#: The probe LiveRun evaluates after each chunk: :func:`category_accuracy` of the item table.
CATEGORY_PROBE = "category_accuracy"


def tracked_items(data: Ratings, per_category: int = PER_CATEGORY, n: int = 20) -> list[str]:
    """The items the heatmap follows: the first ``per_category`` of each category, or the
    first ``n`` items when the data has no categories.

    >>> tracked_items(load_shop_ratings())[:4]
    ['tent', 'sleeping_bag', 'sleeping_mat', 'flour']
    """
    if not data.categories:
        return data.items[:n]
    seen: Counter[str] = Counter()
    picked = []
    for item in data.items:
        category = data.categories.get(item)
        if category is not None and seen[category] < per_category:
            seen[category] += 1
            picked.append(item)
    return picked


def heatmap_titles(data: Ratings, whole_below: int = 40) -> tuple[str, str]:
    """Titles (English ids) of the users' and the items' heatmaps, saying which rows the
    player shows (``LiveRun.heatmap_rows``: a small table whole, else the tracked rows, else
    the first 20).

    >>> heatmap_titles(load_shop_ratings())
    ('users (the first 20)', 'items (three of each category)')
    """
    users = N_("users") if len(data.users) <= whole_below else N_("users (the first 20)")
    if len(data.items) <= whole_below:
        return users, N_("items")
    return users, N_("items (three of each category)") if data.categories else N_(
        "items (the first 20)"
    )


def live_run(data: Ratings, config: RecommenderConfig | None = None) -> LiveRun:
    """The page's run: the tracked items (:func:`tracked_items`) in the item table's heatmap
    and on the map, and the categories' nearest-centroid accuracy over all items after each
    chunk (when the data has categories).

    The map shows the tracked items only: with all 101 of the shop's, their labels cover
    each other (the player's map labels every point)."""
    model = Recommender(data, config)
    known = np.array([i for i, item in enumerate(data.items) if item in data.categories])
    labels = [data.categories[data.items[i]] for i in known]
    probes = {}
    if len(set(labels)) > 1:
        probes[CATEGORY_PROBE] = lambda state: category_accuracy(
            model.tables(state)["items"].array[known], labels
        )
    return LiveRun(model, tracked_items(data), map_table="items", probes=probes)


def table_vectors(model: Recommender, state: Any, table: str) -> Vectors:
    """One of the model's tables (``"users"`` or ``"items"``) as :class:`Vectors`."""
    t = model.tables(state)[table]
    return Vectors(t.rows, t.array)


def for_display(table: pd.DataFrame, gettext: Any) -> pd.DataFrame:
    """``table`` (one of this module's) with its column names and its taste words passed
    through ``gettext`` (the page's ``_``): the library speaks English ids, the page the
    reader's language."""
    shown = table.rename(columns=gettext)
    if TASTE in table.columns:
        shown[gettext(TASTE)] = [gettext(t) if t else t for t in table[TASTE]]
    return shown


# --- does the item table know the categories? ----------------------------------------------


def _unit(X: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return X / np.where(norms > 0, norms, 1.0)


def category_accuracy(vectors: np.ndarray, labels: Sequence[str]) -> float:
    """Leave-one-out nearest-centroid accuracy of ``labels`` from the rows' directions.

    Each row is scaled to length 1; a row's class is the one whose centroid (the mean of its
    *other* rows) is nearest in Euclidean distance, as scikit-learn's ``NearestCentroid``
    does under ``LeaveOneOut`` (``tests/lessons/test_recommender.py`` checks they agree). A
    class with a single row cannot be predicted for it. Vectorised here because the page
    evaluates it after every chunk (about 0.3 ms for the shop's 101 items, against about
    60 ms for scikit-learn's 101 refits).

    >>> category_accuracy(np.array([[1, 0], [1, .1], [0, 1], [.1, 1]]), list("aabb"))
    1.0
    """
    X = _unit(np.asarray(vectors, dtype=np.float64))
    labels = np.asarray(labels, dtype=object)
    classes = sorted(set(labels))
    onehot = np.array([[lab == c for c in classes] for lab in labels], dtype=np.float64)
    sums, counts = onehot.T @ X, onehot.sum(axis=0)
    own = onehot.astype(bool)
    # centroid of each class seen from each row: its own class without it
    n_out = counts[None, :] - own
    cent_sums = sums[None, :, :] - own[:, :, None] * X[:, None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        centroids = cent_sums / n_out[:, :, None]
    dist = np.sum((centroids - X[:, None, :]) ** 2, axis=2)
    dist[n_out == 0] = np.inf
    predicted = np.array(classes, dtype=object)[np.argmin(dist, axis=1)]
    return float(np.mean(predicted == labels))


def chance_accuracy(labels: Sequence[str]) -> float:
    """Always guessing the largest category: its share of the items.

    >>> chance_accuracy(list("aabc"))
    0.5
    """
    return Counter(labels).most_common(1)[0][1] / len(labels)


def category_chance(data: Ratings) -> float:
    """:func:`chance_accuracy` of the items' categories (NaN when the data has none)."""
    labels = [data.categories[i] for i in data.items if i in data.categories]
    return chance_accuracy(labels) if labels else float("nan")


def purity_chance(labels: Sequence[str]) -> float:
    """The share of same-category pairs among pairs of different items: the neighbour
    purity of random neighbours.

    >>> purity_chance(list("aabb"))      # each item: 1 of the 3 others is of its category
    0.3333333333333333
    """
    n = len(labels)
    return sum(c * (c - 1) for c in Counter(labels).values()) / (n * (n - 1))


def recovery(
    wv: Vectors, categories: Mapping[str, str], k: int = 5
) -> tuple[float, float, float, float]:
    """``(accuracy, chance, purity, purity chance)`` of the categories from ``wv``'s vectors,
    over the items that have a category (see the module docstring)."""
    items = [w for w in wv.index_to_key if w in categories]
    labels = [categories[w] for w in items]
    known = Vectors(items, wv[items])
    return (category_accuracy(known.vectors, labels), chance_accuracy(labels),
            category_purity(known, categories, k), purity_chance(labels))  # fmt: skip


def recovery_table(
    sources: Mapping[str, Vectors], categories: Mapping[str, str], k: int = 5
) -> pd.DataFrame:
    """One row per named set of vectors, on the items they all share: accuracy and purity
    next to their chance levels."""
    import pandas as pd

    shared = set(categories)
    for wv in sources.values():
        shared &= set(wv.index_to_key)
    order = [w for w in categories if w in shared]
    rows = []
    for name, wv in sources.items():
        acc, chance, purity, p_chance = recovery(Vectors(order, wv[order]), categories, k)
        rows.append({SOURCE: name, ACCURACY: acc, CHANCE: chance, PURITY: purity,
                     PURITY_CHANCE: p_chance})  # fmt: skip
    return pd.DataFrame(rows).round(3)


# --- one user's predictions -----------------------------------------------------------------


def user_taste(data: Ratings, user: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``(loved, disliked)`` categories of ``user`` if the data knows them (the shop's)."""
    return data.tastes.get(user)


def _taste_of(data: Ratings, user: str, item: str) -> str:
    taste = user_taste(data, user)
    category = data.categories.get(item)
    if taste is None or category is None:
        return ""
    return LOVED if category in taste[0] else DISLIKED if category in taste[1] else ""


def unseen_predictions(model: Recommender, state: Any, user: str, topn: int = 5) -> pd.DataFrame:
    """The ``topn`` items ``user`` did not rate in training, by predicted rating (best
    first), with their category and the user's hidden taste for it where known."""
    import pandas as pd

    data = model.data
    unseen = [i for i in data.items if i not in model.rated(user)]
    scores = model.predict(state, user, unseen)
    order = np.argsort(-scores, kind="stable")[:topn]
    return pd.DataFrame({
        ITEM: [unseen[i] for i in order],
        SCORE: scores[order].round(2),
        CATEGORY: [data.categories.get(unseen[i], "") for i in order],
        TASTE: [_taste_of(data, user, unseen[i]) for i in order],
    })  # fmt: skip


def taste_hits(model: Recommender, state: Any, k: int = 5) -> tuple[float, float]:
    """Over the users whose taste is known: the share of their top-``k`` unseen items that
    are of a loved category, and the same share among all their unseen items (chance).

    ``(nan, nan)`` when no taste is known (an uploaded table).
    """
    data = model.data
    users = np.array([u for u, name in enumerate(data.users) if name in data.tastes], dtype=int)
    if not len(users) or not data.categories:
        return float("nan"), float("nan")
    n_items = len(data.items)
    scores = predict_ids(state.params, np.repeat(users, n_items),
                         np.tile(np.arange(n_items), len(users)), model.mean)  # fmt: skip
    scores = scores.reshape(len(users), n_items).astype(np.float64)
    seen = np.zeros((len(data.users), n_items), dtype=bool)
    seen[data.train_users, data.train_items] = True
    seen = seen[users]
    loved = np.array([[data.categories.get(i) in data.tastes[data.users[u]][0]
                       for i in data.items] for u in users])  # fmt: skip
    scores[seen] = -np.inf
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    top_loved = np.take_along_axis(loved, top, axis=1)
    top_valid = np.isfinite(np.take_along_axis(scores, top, axis=1))
    hits = float(top_loved[top_valid].mean())
    return hits, float(loved[~seen].mean())


# --- bought together, rated alike -----------------------------------------------------------


def item2vec_on_sessions(seed: int = 0) -> tuple[Shop, Any]:
    """The shop's sessions and item2vec trained on them (the "beyond words" page's model)."""
    shop = load_shop()
    return shop, train_items(shop.sessions, seed=seed)


def bought_vs_rated(
    item2vec: Any, rated: Vectors, item: str, categories: Mapping[str, str], topn: int = 5
) -> pd.DataFrame:
    """Side by side for ``item``: its complements in item2vec (input . output, items bought
    *with* it), its item2vec neighbours (cosine, items bought in the same kind of session)
    and its recommender neighbours (cosine of the item table: items *rated alike*).

    ``item2vec`` is a fitted :class:`~explorer.models.word2vec.model.Word2Vec` on the shop's
    sessions. Each cell is ``"item (category)"``.
    """
    import pandas as pd

    def cells(pairs: list[tuple[str, float]]) -> list[str]:
        cell = [f"{w} ({categories.get(w, '?')})" for w, _score in pairs]
        return cell + [""] * (topn - len(cell))

    return pd.DataFrame({
        BOUGHT: cells(bought_with(item2vec, item, topn)),
        SAME_SESSIONS: cells(item2vec.wv.most_similar(item, topn=topn)),
        RATED: cells(rated.most_similar(item, topn=topn)),
    })  # fmt: skip


def same_category_share(table: pd.DataFrame, item: str, categories: Mapping[str, str]) -> dict:
    """For each column of :func:`bought_vs_rated`: the share of its items in ``item``'s
    category."""
    mine = categories.get(item)
    return {
        column: float(np.mean([c.endswith(f"({mine})") for c in table[column] if c]))
        for column in table.columns
    }


# --- the user's own ratings -----------------------------------------------------------------


def ratings_upload(name: str, data: bytes) -> Ratings:
    """The user's ``user,item,rating`` table (``.csv`` or ``.tsv``) as :class:`Ratings`.

    Column names are matched without regard to case or spaces around them. Raises
    :class:`UploadError` (a file that cannot be read) or :class:`RatingsError` (a table the
    recommender cannot learn from); nothing else.
    """
    table = read_table(name, data)
    wanted = {c.strip().lower(): c for c in table.columns}
    table = table.rename(columns={wanted[c]: c for c in ("user", "item", "rating") if c in wanted})
    try:
        return ratings_from_table(table)
    except RatingsError:
        raise
    except Exception as e:  # a net, as the upload readers have: a sentence, not a traceback
        raise RatingsError(M_("This table could not be read as ratings ({error}).",
                              error=type(e).__name__)) from e  # fmt: skip
