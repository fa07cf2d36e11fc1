"""Similarity and analogies for the lesson page: cosine tables, rankings in words, presets.

Usage:
    >>> sims, missing = cosine_table(wv, ["cat", "kitten", "dog", "house"])
    >>> ranking_sentence(wv, "cat", ["kitten", "dog", "house"])
    'Closest to cat: kitten (0.99), then dog (0.80), then house (0.41).'
    >>> xy = parallelogram(wv, "king", "man", "woman", "queen")   # 4 x 2, for a picture
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.maps.pca import pca_coords
from explorer.models.vectors import Vectors

#: a - b + c = expected, by corpus language; the first one that fits the vocabulary is shown.
ANALOGY_PRESETS: dict[str, tuple[str, str, str, str]] = {
    "king − man + woman": ("king", "man", "woman", "queen"),
    "walked − walking + swimming": ("walked", "walking", "swimming", "swam"),
    "Paris − France + China": ("paris", "france", "china", "beijing"),
    "国王 − 男人 + 女人": ("国王", "男人", "女人", "王后"),
    "巴黎 − 法国 + 中国": ("巴黎", "法国", "中国", "北京"),
    "王 − 男 + 女": ("王", "男", "女", "女王"),
}


def split_known(wv: Vectors, words: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(known, missing)``: the words in the vocabulary and the ones that are not."""
    known = [w for w in dict.fromkeys(words) if w in wv]
    return known, [w for w in dict.fromkeys(words) if w not in wv]


def cosine_table(wv: Vectors, words: Sequence[str]) -> tuple[pd.DataFrame, list[str]]:
    """Cosine similarity of every pair of the known ``words``, and the missing ones."""
    known, missing = split_known(wv, words)
    units = np.stack([wv.get_vector(w, norm=True) for w in known]) if known else np.zeros((0, 1))
    return pd.DataFrame(units @ units.T, index=known, columns=known), missing


def ranking_sentence(wv: Vectors, word: str, others: Sequence[str]) -> str:
    """The other words ranked by their cosine with ``word``, said in words."""
    ranked = sorted(((wv.similarity(word, o), o) for o in others if o != word), reverse=True)
    if not ranked:
        return _("Nothing to compare {word} with.").format(word=word)
    ranking = _(", then ").join(f"{o} ({s:.2f})" for s, o in ranked)
    return _("Closest to {word}: {ranking}.").format(word=word, ranking=ranking)


def presets_for(wv: Vectors) -> dict[str, tuple[str, str, str, str]]:
    """The analogy presets whose four words are all in the vocabulary."""
    return {k: v for k, v in ANALOGY_PRESETS.items() if all(w in wv for w in v)}


def parallelogram(wv: Vectors, *words: str) -> np.ndarray:
    """2D coordinates (PCA of just these vectors) for drawing an analogy's parallelogram."""
    return pca_coords(np.stack([wv[w] for w in words]).astype(float))


# --- seed 003's analogies, as the seed writes them ----------------------------------------

Form = tuple[str, tuple[str, str, str, str]]  # an equation, and it asked as a - b + c = d
#: Seed 003's analogies, each in the languages the demo corpora speak (the first one the
#: vectors know is shown): (as the seed writes it, the usual way).
SEED_ANALOGIES: tuple[tuple[tuple[Form, Form], ...], ...] = (
    ((("walked = walking − swimming + swam", ("walking", "swimming", "swam", "walked")),
      ("walked − walking + swimming = swam", ("walked", "walking", "swimming", "swam"))),),
    ((("|中国| − |北京| = |法国| − |巴黎|", ("法国", "巴黎", "北京", "中国")),
      ("巴黎 − 法国 + 中国 = 北京", ("巴黎", "法国", "中国", "北京"))),
     (("|china| − |beijing| = |france| − |paris|", ("france", "paris", "beijing", "china")),
      ("paris − france + china = beijing", ("paris", "france", "china", "beijing")))),
)  # fmt: skip
#: country, capital, country, capital: seed 003's |中国| − |北京| = |法国| − |巴黎|.
SEED_CAPITALS = (("中国", "北京", "法国", "巴黎"), ("china", "beijing", "france", "paris"))


def analogy_rank(
    wv: Vectors, a: str, b: str, c: str, expected: str, method: str = "3cosadd"
) -> tuple[int, float, str]:
    """``(rank, score, first answer)`` of ``expected`` for ``a − b + c`` (1 = the answer).

    The ranking is :meth:`Vectors.analogy`'s: the three query words are left out.
    """
    answers = wv.analogy(a, b, c, topn=len(wv), method=method)
    words = [w for w, _s in answers]
    i = words.index(expected)
    return i + 1, answers[i][1], words[0]


def _known_variant(
    wv: Vectors, variants: tuple[tuple[Form, Form], ...]
) -> tuple[Form, Form] | None:
    return next((v for v in variants if all(w in wv for w in v[0][1])), None)


def unscored_seed_analogies(wv: Vectors) -> list[str]:
    """Seed 003's analogies these vectors cannot answer (words missing), as the seed writes them."""
    return [v[0][0][0] for v in SEED_ANALOGIES if _known_variant(wv, v) is None]


def seed_analogy_table(wv: Vectors) -> pd.DataFrame:
    """Seed 003's analogies that these vectors can answer: as written, and the usual way.

    One row per form: the equation, the question it asks (a − b + c), the expected word,
    its rank among the answers and its 3CosAdd cosine, and the model's first answer.
    """
    rows = []
    for variants in SEED_ANALOGIES:
        if (known := _known_variant(wv, variants)) is None:
            continue
        (written, q1), (usual, q2) = known
        for form, equation, (a, b, c, d) in (
            (_("the article’s"), written, q1),
            (_("usual form"), usual, q2),
        ):
            rank, score, first = analogy_rank(wv, a, b, c, d)
            rows.append({
                _("form"): form, _("equation"): equation,
                _("asked as"): f"{a} − {b} + {c} = ?", _("expected"): d,
                _("rank"): rank, _("cosine"): round(score, 3), _("first answer"): first,
            })  # fmt: skip
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class CapitalDifferences:
    """Seed 003's |中国| − |北京| = |法国| − |巴黎| measured on one set of vectors.

    ``table``: each difference vector's length, its cosine with the first one and the gap
    between them (the first two are the seed's; the last two are controls). ``vectors``:
    the differences themselves, one column each. ``literal``: the equation read with bars as
    lengths, ``(|中国| − |北京|, |法国| − |巴黎|)``. ``random_cosine``: the mean cosine of
    the differences of random word pairs, for scale.
    """

    words: tuple[str, str, str, str]
    table: pd.DataFrame
    vectors: pd.DataFrame
    literal: tuple[float, float]
    random_cosine: float

    def literal_note(self) -> str:
        """The seed's bars read as lengths: two numbers that say nothing about capitals."""
        c1, k1, c2, k2 = self.words
        return _(
            "The article writes |{c1}| − |{k1}| = |{c2}| − |{k2}|. Read literally, bars are "
            "lengths and each side is one number: {lhs:.2f} and {rhs:.2f}, which say nothing "
            "about capitals. What it means are the difference vectors {c1} − {k1} and {c2} − {k2}:"
        ).format(c1=c1, k1=k1, c2=c2, k2=k2, lhs=self.literal[0], rhs=self.literal[1])

    def describe(self) -> str:
        """What the table shows, with its numbers."""
        t = self.table
        length, cosine, gap = t.columns[1], t.columns[2], t.columns[3]
        first, seed, other, countries = t.index
        return _(
            "What to notice: {seed} points nearly the way {first} does (cosine {cos:.2f}; two "
            "random word differences average {rand:.2f}), and the gap between them ({gap:.2f}) "
            "is how far the parallelogram is from closing: the article’s “=” holds only roughly. "
            "{other} has a high cosine too ({cos_other:.2f}) because it is {first} plus a step "
            "between capitals; its length ({len_other:.2f} against {len_first:.2f}) gives it "
            "away. Two countries, {countries}, point elsewhere (cosine {cos_countries:.2f})."
        ).format(
            seed=seed, first=first, cos=t.loc[seed, cosine], rand=self.random_cosine,
            gap=t.loc[seed, gap], other=other, cos_other=t.loc[other, cosine],
            len_other=t.loc[other, length], len_first=t.loc[first, length],
            countries=countries, cos_countries=t.loc[countries, cosine],
        )  # fmt: skip


def random_difference_cosine(wv: Vectors, n: int = 2_000, seed: int = 0) -> float:
    """Mean cosine between ``x1 − y1`` and ``x2 − y2`` for ``n`` random word pairs."""
    rng = np.random.default_rng(seed)
    i = rng.integers(0, len(wv), size=(n, 4))
    d1 = wv.vectors[i[:, 0]] - wv.vectors[i[:, 1]]
    d2 = wv.vectors[i[:, 2]] - wv.vectors[i[:, 3]]
    norms = np.linalg.norm(d1, axis=1) * np.linalg.norm(d2, axis=1)
    ok = norms > 0  # a word minus itself has no direction
    return float(np.mean((d1 * d2).sum(axis=1)[ok] / norms[ok])) if ok.any() else 0.0


def capital_differences(wv: Vectors) -> CapitalDifferences | None:
    """The seed's two country − capital differences and two controls, or None if unknown.

    Controls: the country minus the *other* capital (中国 − 巴黎), which still holds
    中国 − 北京 plus a step between capitals, and two countries (中国 − 法国).
    """
    words = next((q for q in SEED_CAPITALS if all(w in wv for w in q)), None)
    if words is None:
        return None
    c1, k1, c2, k2 = words
    pairs = [(c1, k1), (c2, k2), (c1, k2), (c1, c2)]
    roles = [_("the article’s left side"), _("the article’s right side"),
             _("control: the other capital"), _("control: two countries")]  # fmt: skip
    names = [f"{x} − {y}" for x, y in pairs]
    diffs = np.stack([wv[x] - wv[y] for x, y in pairs]).astype(float)
    lengths = np.linalg.norm(diffs, axis=1)
    table = pd.DataFrame(
        {
            _("role"): roles,
            _("length"): lengths.round(3),
            _("cosine with {pair}").format(pair=names[0]): (
                diffs @ diffs[0] / (lengths * lengths[0])
            ).round(3),
            _("gap to {pair}").format(pair=names[0]): np.linalg.norm(diffs - diffs[0], axis=1)
            .round(3),
        },
        index=names,
    )
    vectors = pd.DataFrame(diffs.T, columns=names)
    literal = (float(wv.norms[wv.get_index(c1)] - wv.norms[wv.get_index(k1)]),
               float(wv.norms[wv.get_index(c2)] - wv.norms[wv.get_index(k2)]))  # fmt: skip
    return CapitalDifferences(words, table, vectors, literal, random_difference_cosine(wv))
