"""Ratings for the recommender: the made-up shop's, or the user's ``user,item,rating`` table.

Usage:
    >>> data = load_shop_ratings()                   # sample_data/shop_ratings.csv (made up)
    >>> len(data.users), len(data.items), data.n_train, data.n_test
    (400, 101, 8750, 2188)
    >>> data.categories["tent"]                      # the shop's hidden categories, for colours
    'camping'
    >>> data.tastes["user001"]                       # a made-up user's hidden taste
    (('gardening', 'running'), ('coffee',))
    >>> data = ratings_from_table(df)   # the user's table: user, item, rating  # doctest: +SKIP

A :class:`Ratings` holds integer ids (rows of the user and item tables) and float32
ratings, split by a seeded permutation of the ratings into train and test. A rating whose
user or item appears only in the test split is still kept: its row is trained by no rating,
the "cold start" every recommender knows. The shop's ratings are made up by
``sample_data/make_shop.py`` from hidden tastes over the same items as the shop log (see its
docstring).

Refusals are messages (``explorer.i18n.M_``), translated where they are shown.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from explorer.i18n import M_
from explorer.models.item2vec import ITEMS_FILE, load_categories
from explorer.text.samples import SAMPLE_DIR

if TYPE_CHECKING:
    import pandas as pd

RATINGS_FILE = SAMPLE_DIR / "shop_ratings.csv"
TASTES_FILE = SAMPLE_DIR / "shop_tastes.csv"
TEST_SIZE = 0.2
MIN_RATINGS = 10


class RatingsError(ValueError):
    """A ratings table the recommender cannot learn from (missing column, no numbers...).

    It holds a :class:`~explorer.i18n.Message`: ``str(error)`` is the sentence in the
    language of the session that shows it.
    """


@dataclass(frozen=True, eq=False)
class Ratings:
    """Ratings as ids into ``users`` and ``items``, split into train and test."""

    users: list[str]
    items: list[str]
    train_users: np.ndarray
    train_items: np.ndarray
    train_ratings: np.ndarray
    test_users: np.ndarray
    test_items: np.ndarray
    test_ratings: np.ndarray
    name: str = ""
    #: item -> category, where known (the shop's), for colouring maps and checks.
    categories: dict[str, str] = field(default_factory=dict)
    #: user -> (loved categories, disliked categories), where known (the shop's made-up users).
    tastes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    @property
    def n_train(self) -> int:
        return len(self.train_ratings)

    @property
    def n_test(self) -> int:
        return len(self.test_ratings)


def make_ratings(
    users: Sequence[str],
    items: Sequence[str],
    ratings: Sequence[float],
    item_order: Sequence[str] = (),
    test_size: float = TEST_SIZE,
    seed: int = 0,
    name: str = "",
    categories: dict[str, str] | None = None,
) -> Ratings:
    """Number the users (in order of first appearance) and the items (``item_order`` first,
    then the others as they appear), and split the ratings with a seeded permutation.

    >>> r = make_ratings(["ann", "bo", "ann"], ["tea", "tea", "jam"], [5, 3, 1], test_size=0.34)
    >>> r.users, r.items, r.n_train, r.n_test
    (['ann', 'bo'], ['tea', 'jam'], 2, 1)
    """
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be between 0 and 1, got {test_size!r}")
    user_names = list(dict.fromkeys(users))
    item_names = list(dict.fromkeys([*item_order, *items]))
    u_index = {u: i for i, u in enumerate(user_names)}
    i_index = {it: i for i, it in enumerate(item_names)}
    u = np.array([u_index[x] for x in users], dtype=np.int64)
    i = np.array([i_index[x] for x in items], dtype=np.int64)
    r = np.asarray(ratings, dtype=np.float32)
    order = np.random.default_rng(seed).permutation(len(r))
    n_test = max(1, int(round(test_size * len(r))))
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])
    return Ratings(user_names, item_names, u[train], i[train], r[train], u[test], i[test],
                   r[test], name, dict(categories or {}))  # fmt: skip


def load_shop_ratings(test_size: float = TEST_SIZE, seed: int = 0) -> Ratings:
    """The made-up shop's 10,938 ratings by 400 users of its 101 items (items in the order of
    ``shop_items.tsv``, with their categories), and the users' hidden tastes
    (``shop_tastes.csv``)."""
    categories = load_categories(ITEMS_FILE.read_text(encoding="utf-8"))
    with RATINGS_FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    data = make_ratings(
        [r["user"] for r in rows],
        [r["item"] for r in rows],
        [float(r["rating"]) for r in rows],
        item_order=list(categories),
        test_size=test_size,
        seed=seed,
        name="shop_ratings",
        categories=categories,
    )
    with TASTES_FILE.open(encoding="utf-8", newline="") as f:
        tastes = {r["user"]: (tuple(r["loved"].split()), tuple(r["disliked"].split()))
                  for r in csv.DictReader(f)}  # fmt: skip
    return replace(data, tastes=tastes)


def ratings_from_table(
    table: pd.DataFrame,
    user_column: str = "user",
    item_column: str = "item",
    rating_column: str = "rating",
    test_size: float = TEST_SIZE,
    seed: int = 0,
) -> Ratings:
    """The user's table of ratings: one row per (user, item, rating); ratings are numbers.

    Rows with an empty cell are skipped. Raises :class:`RatingsError` for a missing column,
    a rating that is not a number (the first few are named), or fewer than
    ``MIN_RATINGS`` ratings left.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"user": list("aabbccddee"), "item": list("xyxyxyxyxy"),
    ...                   "rating": [5, 1, 4, 2, 5, 1, 4, 1, 5, 2]})
    >>> ratings_from_table(t).items
    ['x', 'y']
    """
    import pandas as pd

    for kind, column in (("user", user_column), ("item", item_column), ("rating", rating_column)):
        if column not in table.columns:
            names = ", ".join(map(str, table.columns))
            raise RatingsError(M_(
                "There is no {kind} column called '{column}'; the columns are {names}.",
                kind=kind, column=column, names=names))  # fmt: skip
    rows = table[[user_column, item_column, rating_column]].dropna()
    numbers = pd.to_numeric(rows[rating_column], errors="coerce")
    bad = rows[rating_column][numbers.isna() | ~np.isfinite(numbers.fillna(0))]
    if len(bad):
        shown = ", ".join(repr(v) for v in bad.head(3).tolist())
        raise RatingsError(M_(
            "The rating column '{column}' must hold numbers; {n:,} rows do not (for example "
            "{shown}).", column=rating_column, n=len(bad), shown=shown))  # fmt: skip
    if len(rows) < MIN_RATINGS:
        raise RatingsError(M_(
            "Only {n:,} complete ratings: the recommender needs at least {least}.",
            n=len(rows), least=MIN_RATINGS))  # fmt: skip
    return make_ratings(
        [str(u) for u in rows[user_column]],
        [str(i) for i in rows[item_column]],
        numbers.to_numpy(dtype=np.float32),
        test_size=test_size,
        seed=seed,
        name="upload",
    )
