"""The guided lesson's questions and computed answers, in both interface languages."""

import pytest

from explorer.i18n import use_language
from explorer.lessons.guided import STEPS, lesson_words
from explorer.models.word2vec.model import Word2Vec
from explorer.models.word2vec.trainer import Word2VecConfig
from explorer.text.corpus import Corpus
from explorer.text.samples import load_sample_text

MODELS = {}
TASKS = {}


def task_vectors_for(words):
    from explorer.lessons.sentiment import DEFAULT_DATA, load_data, train_to_end

    language = words.sample.language
    if language not in TASKS:
        TASKS[language] = train_to_end(load_data(DEFAULT_DATA[language]))
    return TASKS[language]


def vectors_for(step, words):
    return task_vectors_for(words) if step.model == "classifier" else model_for(words).wv


def model_for(words):
    key = words.sample.key
    if key not in MODELS:
        corpus = Corpus.from_text(load_sample_text(key), name=key)
        MODELS[key] = Word2Vec(**vars(Word2VecConfig())).fit(corpus.sentences)
    return MODELS[key]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_step_asks_and_answers_from_the_model(language):
    use_language(language)
    try:
        words = lesson_words(language)
        wv = model_for(words).wv
        for step in STEPS:
            question = step.ask(words)
            assert question.text and len(question.options) >= 3
            assert len(set(question.options)) == len(question.options)
            reveal = step.reveal(vectors_for(step, words) if step.model != "word2vec" else wv,
                                 words)  # fmt: skip
            assert -1 <= reveal.answer < len(question.options)
            assert reveal.lines
    finally:
        use_language("en")


def test_the_english_lesson_reveals_what_the_demo_corpus_teaches():
    words = lesson_words("en")
    answers = {s.key: s.ask(words).options[s.reveal(vectors_for(s, words), words).answer]
               for s in STEPS}  # fmt: skip
    assert answers == {
        "lookup": "row 2 of W",
        "windows": "34",  # 10 words, window 2
        "train": "kitten",
        "map": "cat & kitten",
        "similarity": "kitten > dog > house",
        "analogy": "queen",
        "classifier": "film",  # not "bad": the far end of the classifier's table
        "contextual": "farther",  # 1.000 at layer 0, less at the top (computed)
    }


def test_the_chinese_lesson_uses_the_chinese_corpus_and_words():
    words = lesson_words("zh")
    assert words.sample.key == "chinese"
    assert (words.cat, words.kitten, words.king, words.queen) == ("猫", "小猫", "国王", "王后")
    assert words.sentence_tokens == ["我", "喜欢", "学习", "数学"]
    wv = model_for(words).wv
    train = next(s for s in STEPS if s.key == "train")
    assert train.ask(words).options[train.reveal(wv, words).answer] == "小猫"


def test_each_step_opens_a_page_of_the_app_with_settings_it_offers():
    from tests.pagetest import ROOT

    words = lesson_words("en")
    for step in STEPS:
        assert (ROOT / step.page).exists()
        assert all(key.split(".")[0] in {"train", "proj", "sim", "corpus", "clf", "ctx"}
                   for key in step.settings(words))  # fmt: skip
    assert [s.url_path for s in STEPS][:3] == ["embedding-layer", "corpus", "train"]
    keys = [s.key for s in STEPS]
    assert keys[keys.index("analogy") + 1] == "classifier"  # right after analogies
    assert keys[-1] == "contextual"  # the last step


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_classifier_step_reveals_from_the_classifier_and_word2vec(language):
    words = lesson_words(language)
    step = next(s for s in STEPS if s.key == "classifier")
    tv = task_vectors_for(words)
    options = step.ask(words).options
    assert all(w in tv.classifier for w in options)
    reveal = step.reveal(tv, words)
    good, bad = {"en": ("good", "bad"), "zh": ("好", "差")}[language]
    best = max(options, key=lambda w: tv.classifier.similarity(good, w))
    assert options[reveal.answer] == best != bad
    assert tv.classifier.similarity(good, bad) < 0 < tv.word2vec.similarity(good, bad)
    assert any(bad in line for line in reveal.lines)
