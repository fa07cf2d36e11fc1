"""The bundled corpora are there, read as UTF-8, and say what they are."""

import pytest

from explorer.text.samples import (
    SAMPLE_DIR,
    SAMPLES,
    available_samples,
    gensim_test_data_dir,
    get_sample,
    load_lesson_sentences,
    load_sample_text,
)


def test_every_sample_is_available():
    assert [s.key for s in available_samples()] == [s.key for s in SAMPLES]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.key)
def test_sample_is_described_in_the_readme(sample):
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    assert sample.filename in readme


def test_lee_corpus_comes_from_gensim_not_a_copy():
    assert get_sample("lee").path.parent == gensim_test_data_dir()
    assert not (SAMPLE_DIR / "lee_background.cor").exists()


def test_english_sample_is_varied_and_has_the_demo_words():
    lines = load_sample_text("english").splitlines()
    assert len(lines) >= 2000
    assert len(set(lines)) / len(lines) > 0.8  # varied, not a few templates repeated
    text = " ".join(lines).lower()
    for word in [
        "cat",
        "kitten",
        "dog",
        "puppy",
        "king",
        "queen",
        "man",
        "woman",
        "walked",
        "walking",
        "swimming",
        "swam",
        "paris",
        "france",
        "beijing",
        "china",
    ]:
        assert f" {word} " in f" {text} ", word


def test_chinese_sample_has_the_demo_words():
    text = load_sample_text("chinese")
    for word in ["猫", "小猫", "狗", "小狗", "国王", "王后", "男人", "女人"]:
        assert word in text


def test_lesson_sentences():
    lessons = load_lesson_sentences()
    assert lessons[0] == "We are about to study the idea of deep learning."
    assert "我喜欢学习数学" in lessons


def test_unknown_sample_names_the_choices():
    with pytest.raises(KeyError, match="english"):
        get_sample("klingon")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.key)
def test_the_example_groups_are_what_the_default_model_groups(sample):
    # Maps open on these groups (labelled, coloured): each must be a real cluster of the
    # model the app trains on that corpus at the default settings, not a wish.
    import numpy as np

    from explorer.models.word2vec.model import Word2Vec
    from explorer.models.word2vec.trainer import Word2VecConfig
    from explorer.text.corpus import Corpus

    corpus = Corpus.from_text(sample.path.read_text(encoding="utf-8"), name=sample.key)
    wv = Word2Vec(**vars(Word2VecConfig())).fit(corpus.sentences).wv
    words = [w for _name, group in sample.groups for w in group]
    names = [name for name, group in sample.groups for _w in group]
    assert len(sample.groups) >= 4 and all(w in wv for w in words), sample.key
    unit = wv[words] / np.linalg.norm(wv[words], axis=1, keepdims=True)
    cos = unit @ unit.T
    same = np.equal.outer(names, names)
    np.fill_diagonal(cos, np.nan)
    within, across = np.nanmean(cos[same]), np.nanmean(cos[~same])
    assert within > across + 0.3, (within, across)
    # most words are, on average, closest to their own group
    nearest = [
        max(dict.fromkeys(names), key=lambda g: np.nanmean(cos[i, np.equal(names, g)]))
        for i in range(len(words))
    ]
    assert np.mean(np.equal(nearest, names)) >= 0.8


def test_example_words_are_the_groups_then_the_tracked_words():
    english = get_sample("english")
    assert english.example_words[:4] == ("cat", "kitten", "dog", "puppy")
    assert "house" in english.example_words  # tracked, in no group
    assert english.group_of("kitten") == "animals" and english.group_of("house") == ""
