"""Beyond words: word2vec on shopping sessions (item2vec), users as the mean of their items.

Usage:
    >>> from explorer.models.item2vec import load_shop, train_items, bought_with, recommend
    >>> from explorer.models.item2vec import score_matrix, category_purity
    >>> shop = load_shop()                       # the bundled made-up shop log
    >>> model = train_items(shop.sessions, seed=0)
    >>> model.wv.most_similar("tent", topn=3)    # camping gear, pop_up_tent first
    >>> bought_with(model, "tent", topn=3)       # tent_pegs, sleeping_mat, sleeping_bag
    >>> recommend(model.wv, ["tent", "headlamp"], topn=3)          # [(item, dot product)]
    >>> score_matrix(model.wv, shop.users, ["tent", "flour", "pram"])   # users x items
    >>> category_purity(model.wv, shop.categories, k=5)             # about 0.97

A session (one visit to the shop) plays the part of a sentence and its items the part of
words: items met in similar sessions get similar vectors, as words used in similar
contexts do (Barkan & Koenigstein, 2016, "Item2Vec"). A session is a basket more than a
sequence, so the window covers the whole session (``window=10``, no shrinking).

Two kinds of "close" (Nalisnick et al., 2016, call them typical and topical):

* input . input (``model.wv.most_similar``): items that keep the *same company*. With 16
  dimensions these are the category's items, an item's substitute first (a tent and a
  pop-up tent are bought with the same sleeping bags, rarely together).
* input . output (:func:`bought_with`): items that keep *each other's* company, the
  complements (a tent and its sleeping bag). The trainer fits ``W[a] . W_out[b]`` to how
  often ``b`` shows up around ``a``, so this is the score that sees co-occurrence directly.
  Input . input does not: an item is never in its own context, so training pushes its input
  vector away from its own output vector, which resembles those of its complements (they
  turn up in the same sessions); its input vector then differs from theirs. (Below about
  10 dimensions the model cannot afford that, and complements come closer than
  substitutes in ``most_similar``; try ``vector_size=6``.)

A user is the mean of the vectors of the items they had (:func:`user_vector`); an item's
score for a user is the dot product of the two vectors (:func:`recommend`,
:func:`score_matrix`), the way matrix-factorisation recommenders score. The dot product
also grows with the length of the item's vector, which tends to be longer for items seen
often; ``score="cosine"`` compares directions only.

Read the log with :func:`load_sessions`, not ``explorer.text.tokenize.tokenize``: item names are
snake_case and the tokenizer would cut them at the underscores.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from explorer.models.vectors import Vectors
from explorer.models.word2vec.model import Word2Vec
from explorer.text.samples import SAMPLE_DIR

if TYPE_CHECKING:  # pandas is imported where it is used: importing this module stays light
    import pandas as pd

SESSIONS_FILE = SAMPLE_DIR / "shop_sessions.txt"
ITEMS_FILE = SAMPLE_DIR / "shop_items.tsv"
USERS_FILE = SAMPLE_DIR / "shop_users.txt"

#: ``train_items``'s settings, measured on the bundled log (see ``tests/test_items.py``).
ITEM2VEC_DEFAULTS: dict[str, Any] = dict(
    sg=1,  # skip-gram, as in the Item2Vec paper: each item predicts each other item
    vector_size=16,  # 101 items in 9 categories need few dimensions
    window=10,  # a session has at most 10 items: the window covers all of it
    shrink_windows=False,  # ... and every pair counts the same (order means little)
    min_count=2,  # an item seen once cannot teach anything
    negative=5,
    alpha=0.025,
    epochs=10,
    sample=0.0,
)


# --- the data ------------------------------------------------------------------------------


def load_sessions(text: str) -> list[list[str]]:
    """One session per non-empty line, items split on whitespace (``#`` lines are comments).

    >>> load_sessions("tent sleeping_bag\\n\\nflour  whisk cake_tin\\n")
    [['tent', 'sleeping_bag'], ['flour', 'whisk', 'cake_tin']]
    """
    return [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def load_users(text: str) -> dict[str, list[str]]:
    """``name item item ...`` per line -> ``{name: [items]}`` (in file order).

    >>> load_users("alex tent headlamp\\nbea flour\\n")
    {'alex': ['tent', 'headlamp'], 'bea': ['flour']}
    """
    return {name: items for name, *items in load_sessions(text)}


def load_categories(text: str) -> dict[str, str]:
    """``item<TAB>category`` per line -> ``{item: category}``; a header ``item ...`` is skipped.

    >>> load_categories("item\\tcategory\\ntent\\tcamping\\n")
    {'tent': 'camping'}
    """
    out = {}
    for i, line in enumerate(text.splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise ValueError(f"line {i + 1}: need 'item<TAB>category', got {line!r}")
        item, category = (f.strip() for f in fields)
        if i == 0 and item == "item":
            continue
        out[item] = category
    return out


@dataclass(frozen=True)
class Shop:
    """The bundled shop log: sessions, each item's category, and the demo's users."""

    sessions: list[list[str]]
    categories: dict[str, str]
    users: dict[str, list[str]]


def load_shop() -> Shop:
    """The made-up shop log of ``sample_data/`` (written by ``sample_data/make_shop.py``)."""
    return Shop(
        sessions=load_sessions(SESSIONS_FILE.read_text(encoding="utf-8")),
        categories=load_categories(ITEMS_FILE.read_text(encoding="utf-8")),
        users=load_users(USERS_FILE.read_text(encoding="utf-8")),
    )


# --- training ------------------------------------------------------------------------------


def train_items(sessions: Sequence[Sequence[str]], **settings: Any) -> Word2Vec:
    """Our word2vec on sessions, with :data:`ITEM2VEC_DEFAULTS`; ``settings`` override them.

    Any :class:`~explorer.models.word2vec.trainer.Word2VecConfig` field may be given (``seed=1``,
    ``sg=0``, ``vector_size=8``...). Returns the fitted model; ``model.wv`` has the items.
    """
    return Word2Vec(**(ITEM2VEC_DEFAULTS | settings)).fit(sessions)


def bought_with(model: Word2Vec, item: str, topn: int = 5) -> list[tuple[str, float]]:
    """The complements of ``item``: the items ``b`` with the highest ``W[item] . W_out[b]``.

    That dot product is the score the trainer fits to "``b`` turns up in ``item``'s
    sessions" (its sigmoid is the model's probability that ``b`` is a real neighbour rather
    than a negative sample). ``item`` itself is left out; ``KeyError`` if it has no vector.
    """
    wv = model.wv
    i = wv.get_index(item)
    scores = (model.state_.W_out @ wv.vectors[i]).astype(np.float64)
    scores[i] = -np.inf
    return _top(wv, scores, topn)


# --- users and scores ----------------------------------------------------------------------


def unknown_items(wv: Vectors, items: Iterable[str]) -> list[str]:
    """The items that have no vector (never seen, or seen fewer than ``min_count`` times)."""
    return [item for item in items if item not in wv]


def user_vector(wv: Vectors, items: Sequence[str], strict: bool = False) -> np.ndarray:
    """The mean of the vectors of ``items``: where a user's taste points.

    Unknown items are left out with a ``UserWarning`` naming them (``strict=True`` raises a
    ``KeyError`` instead); a ``KeyError`` also when none of the items is known.
    """
    items = list(items)
    missing = unknown_items(wv, items)
    known = [item for item in items if item in wv]
    if not items:
        raise KeyError("no items given")
    if missing and (strict or not known):
        raise KeyError(f"not in the vocabulary: {', '.join(missing)}")
    if missing:
        warnings.warn(f"left out items without a vector: {', '.join(missing)}", stacklevel=2)
    return wv[known].mean(axis=0)


def _scores(wv: Vectors, user: np.ndarray, score: str) -> np.ndarray:
    if score == "dot":
        return wv.vectors @ user
    if score == "cosine":
        norm = float(np.linalg.norm(user))
        return wv.unit_vectors @ (user / norm if norm > 0 else user)
    raise ValueError(f"score must be 'dot' or 'cosine', got {score!r}")


def recommend(
    wv: Vectors,
    user_items: Sequence[str],
    topn: int = 5,
    exclude_seen: bool = True,
    score: Literal["dot", "cosine"] = "dot",
) -> list[tuple[str, float]]:
    """The ``topn`` items with the highest score for a user who had ``user_items``.

    The score is the dot product ``item_vector . user_vector`` (``score="cosine"``: the
    cosine). Items the user already had are left out unless ``exclude_seen=False``; ties keep
    the vocabulary order. Unknown ``user_items`` are handled as in :func:`user_vector`.
    """
    user_items = list(user_items)
    scores = _scores(wv, user_vector(wv, user_items), score).astype(np.float64)
    if exclude_seen:
        seen = [wv.key_to_index[item] for item in user_items if item in wv]
        scores[seen] = -np.inf
    return _top(wv, scores, topn)


def _top(wv: Vectors, scores: np.ndarray, topn: int) -> list[tuple[str, float]]:
    """The ``topn`` best scores, best first, ties in vocabulary order; -inf means left out."""
    order = np.lexsort((np.arange(len(scores)), -scores))
    picked = [i for i in order[: max(topn, 0)] if np.isfinite(scores[i])]
    return [(wv.index_to_key[i], float(scores[i])) for i in picked]


def score_matrix(
    wv: Vectors,
    users: Mapping[str, Sequence[str]],
    items: Sequence[str] | None = None,
    score: Literal["dot", "cosine"] = "dot",
) -> pd.DataFrame:
    """Users x items: the dot product of each user's vector with each item's vector
    (``score="cosine"``: their cosine).

    ``items`` defaults to the whole vocabulary (most frequent first); each must have a
    vector. A user none of whose items is known gets a row of NaN; unknown items of the
    others are left out (with a warning, see :func:`user_vector`).
    """
    import pandas as pd

    items = list(wv.index_to_key if items is None else items)
    columns = np.array([wv.get_index(item) for item in items], dtype=np.int64)
    rows = []
    for had in users.values():
        if not any(item in wv for item in had):
            rows.append(np.full(len(items), np.nan))
            continue
        rows.append(_scores(wv, user_vector(wv, had), score)[columns])
    data = np.array(rows, dtype=np.float64).reshape(len(rows), len(items))
    frame = pd.DataFrame(data, index=pd.Index(list(users), name="user"), columns=items)
    frame.columns.name = "item"
    return frame


# --- how well the categories come out ------------------------------------------------------


def neighbours_in_category(wv: Vectors, categories: Mapping[str, str], k: int = 5) -> pd.Series:
    """For each item with a category and a vector: the share of its ``k`` nearest
    neighbours (by cosine, itself left out, among all items with a vector) in its category.

    Neighbours without a category count as "not in it". Returned as a ``pandas.Series``
    indexed by item, in vocabulary order.
    """
    import pandas as pd

    if k < 1:
        raise ValueError("k must be at least 1")
    rows = [i for i, item in enumerate(wv.index_to_key) if item in categories]
    if not rows:
        raise ValueError("no item of `categories` has a vector")
    k = min(k, len(wv) - 1)
    labels = np.array([categories.get(item, "") for item in wv.index_to_key], dtype=object)
    cos = wv.unit_vectors[rows] @ wv.unit_vectors.T
    cos[np.arange(len(rows)), rows] = -np.inf  # not its own neighbour
    nearest = np.argsort(-cos, axis=1, kind="stable")[:, :k]
    same = labels[nearest] == labels[rows][:, None]
    return pd.Series(
        same.mean(axis=1), index=pd.Index([wv.index_to_key[i] for i in rows], name="item")
    )


def category_purity(wv: Vectors, categories: Mapping[str, str], k: int = 5) -> float:
    """The share of each item's ``k`` nearest neighbours in its own category, averaged over
    the items that have a category and a vector (1.0: every neighbourhood is one category).

    Shuffling the bundled shop's category map gives about 0.11; its trained models 0.97.
    """
    return float(neighbours_in_category(wv, categories, k).mean())
