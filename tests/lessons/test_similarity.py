"""The similarity lesson's article examples: its analogies and its difference vectors.

The numbers come from the demo corpora trained with the default settings, the model the
similarity page shows (``training.trained_model()``).
"""

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from explorer import Word2Vec
from explorer.lessons.similarity import (
    analogy_rank,
    capital_differences,
    random_difference_cosine,
    seed_analogy_table,
    unscored_seed_analogies,
)
from explorer.models.vectors import Vectors

ROOT = Path(__file__).resolve().parents[2]


@cache
def trained(language: str) -> Vectors:
    from explorer.text.tokenize import tokenize

    text = (ROOT / "sample_data" / f"{language}.txt").read_text(encoding="utf-8")
    return Word2Vec().fit(tokenize(text)).wv  # the defaults, as the page's cached model


def test_the_demo_corpora_have_the_articles_words():
    en, zh = trained("english"), trained("chinese")
    assert all(w in en for w in ("walked", "walking", "swimming", "swam"))
    assert all(w in en for w in ("china", "beijing", "france", "paris"))
    assert all(w in zh for w in ("中国", "北京", "法国", "巴黎"))


def test_the_walked_analogy_as_written_and_the_usual_way():
    table = seed_analogy_table(trained("english"))
    assert table["equation"].tolist() == [
        "walked = walking − swimming + swam",
        "walked − walking + swimming = swam",
        "|china| − |beijing| = |france| − |paris|",
        "paris − france + china = beijing",
    ]
    assert table["asked as"].tolist()[:2] == [
        "walking − swimming + swam = ?", "walked − walking + swimming = ?"
    ]  # fmt: skip
    # the article's form is not backwards: it finds walked, as the usual form finds swam
    assert table["expected"].tolist() == ["walked", "swam", "china", "beijing"]
    assert table["rank"].tolist() == [1, 1, 1, 1]
    assert table["first answer"].tolist() == ["walked", "swam", "china", "beijing"]
    assert table["cosine"].tolist() == pytest.approx([0.970, 0.978, 0.974, 0.973], abs=0.01)


def test_the_capital_analogy_in_chinese():
    table = seed_analogy_table(trained("chinese"))
    assert table["equation"].tolist() == [
        "|中国| − |北京| = |法国| − |巴黎|", "巴黎 − 法国 + 中国 = 北京"
    ]  # fmt: skip
    assert table["asked as"].tolist() == ["法国 − 巴黎 + 北京 = ?", "巴黎 − 法国 + 中国 = ?"]
    assert table["rank"].tolist() == [1, 1]
    assert table["first answer"].tolist() == ["中国", "北京"]
    assert table["cosine"].tolist() == pytest.approx([0.976, 0.973], abs=0.01)


def test_analogy_rank_agrees_with_the_analogy_ranking():
    wv = trained("english")
    answers = [w for w, _s in wv.analogy("king", "man", "woman", topn=10)]
    for rank, word in enumerate(answers, start=1):
        assert analogy_rank(wv, "king", "man", "woman", word)[0] == rank
    assert analogy_rank(wv, "king", "man", "woman", "queen")[2] == "queen"


@pytest.mark.parametrize(
    "language, words",
    [
        ("chinese", ("中国", "北京", "法国", "巴黎")),
        ("english", ("china", "beijing", "france", "paris")),
    ],
)
def test_the_difference_vectors_compared(language, words):
    d = capital_differences(trained(language))
    c1, k1, c2, k2 = words
    assert d.words == words
    first, seed, other, countries = d.table.index
    assert (first, seed, other, countries) == (
        f"{c1} − {k1}", f"{c2} − {k2}", f"{c1} − {k2}", f"{c1} − {c2}"
    )  # fmt: skip
    length, cosine, gap = d.table.columns[1:]
    t = d.table
    assert t.loc[first, cosine] == 1.0 and t.loc[first, gap] == 0.0
    # the article's two differences point the same way, far more than random ones do ...
    assert t.loc[seed, cosine] > 0.8 > 0.1 > abs(d.random_cosine)
    # ... two countries do not; the mismatched pair is longer (it holds a step between capitals)
    assert t.loc[countries, cosine] < 0.5
    assert t.loc[other, length] > 1.2 * t.loc[first, length]
    assert list(d.vectors.columns) == list(t.index) and d.vectors.shape == (16, 4)
    np.testing.assert_allclose(
        d.vectors[seed], trained(language)[c2] - trained(language)[k2], rtol=1e-6
    )


def test_the_difference_numbers_on_the_chinese_corpus():
    d = capital_differences(trained("chinese"))
    t = d.table
    assert t.iloc[:, 1].tolist() == pytest.approx([2.080, 1.980, 3.382, 2.136], abs=0.02)
    assert t.iloc[:, 2].tolist() == pytest.approx([1.0, 0.822, 0.750, 0.426], abs=0.02)
    assert t.iloc[:, 3].tolist() == pytest.approx([0.0, 1.215, 2.282, 2.259], abs=0.02)
    # |中国| − |北京| and |法国| − |巴黎| read literally: two lengths' differences
    assert d.literal == pytest.approx((-0.118, -0.431), abs=0.02)
    text = d.describe()
    assert "法国 − 巴黎 points nearly the way 中国 − 北京 does (cosine 0.82" in text
    assert "中国 − 法国, point elsewhere (cosine 0.43)" in text
    assert "|中国| − |北京| = |法国| − |巴黎|" in d.literal_note()


def test_an_exact_parallelogram_closes():
    words = ["中国", "北京", "法国", "巴黎", "猫"]
    vectors = np.array([[3, 1, 0], [1, 1, 0], [3, 0, 2], [1, 0, 2], [0, 5, 1]], dtype=float)
    d = capital_differences(Vectors(words, vectors))
    assert d.table.iloc[1, 2] == 1.0 and d.table.iloc[1, 3] == 0.0
    assert d.literal == pytest.approx((np.sqrt(10) - np.sqrt(2), np.sqrt(13) - np.sqrt(5)))


def test_analogies_whose_words_are_missing_are_named():
    assert unscored_seed_analogies(trained("english")) == []
    assert unscored_seed_analogies(trained("chinese")) == ["walked = walking − swimming + swam"]


def test_vectors_without_the_articles_words():
    wv = Vectors(["a", "b"], np.eye(2))
    assert seed_analogy_table(wv).empty
    assert len(unscored_seed_analogies(wv)) == 2
    assert capital_differences(wv) is None


def test_random_differences_are_seeded():
    wv = trained("english")
    assert random_difference_cosine(wv) == random_difference_cosine(wv, seed=0)
    assert random_difference_cosine(Vectors(["a"], np.ones((1, 2)))) == 0.0  # no pair: no NaN
