"""The bundled corpora are there, read as UTF-8, and say what they are."""

import pytest

from explorer.samples import (
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
