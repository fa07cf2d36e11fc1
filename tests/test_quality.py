"""With the default settings, the sample corpora teach the relations the app shows off."""

from functools import cache
from pathlib import Path

import pytest

from explorer import Word2Vec

ROOT = Path(__file__).resolve().parent.parent

WORDS = {
    "english": dict(
        cat="cat", kitten="kitten", dog="dog", house="house",
        king="king", man="man", woman="woman", queen="queen",
    ),
    "chinese": dict(
        cat="猫", kitten="小猫", dog="狗", house="房子",
        king="国王", man="男人", woman="女人", queen="王后",
    ),
}  # fmt: skip


@cache
def _model(language: str) -> Word2Vec:
    path = ROOT / "sample_data" / f"{language}.txt"
    if not path.exists():
        pytest.skip(f"{path.name} is not there")
    from explorer.text.tokenize import tokenize

    return Word2Vec().fit(tokenize(path.read_text(encoding="utf-8")))  # the defaults


@pytest.mark.parametrize("language", list(WORDS))
def test_cat_is_next_to_kitten(language):
    w, wv = WORDS[language], _model(language).wv
    assert w["kitten"] in [word for word, _ in wv.most_similar(w["cat"], topn=3)]


@pytest.mark.parametrize("language", list(WORDS))
def test_similarities_are_ordered(language):
    w, wv = WORDS[language], _model(language).wv
    kitten, dog, house = (wv.similarity(w["cat"], w[x]) for x in ("kitten", "dog", "house"))
    assert kitten > dog > house


@pytest.mark.parametrize("language", list(WORDS))
@pytest.mark.parametrize("method", ["3cosadd", "3cosmul"])
def test_king_minus_man_plus_woman_is_queen(language, method):
    w, wv = WORDS[language], _model(language).wv
    assert wv.analogy(w["king"], w["man"], w["woman"], method=method)[0][0] == w["queen"]
