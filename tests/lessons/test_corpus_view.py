"""The corpus lessons' windows: the lesson sentence's examples, as the pages show them."""

from explorer.lessons.corpus_view import (
    MODES,
    context_of,
    lesson_sentence,
    sentence_choices,
    sentence_tokens,
    training_examples,
    window_tables,
)

LESSON = "we are about to study the idea of deep learning"


def test_the_lesson_sentence_is_ten_tokens():
    assert lesson_sentence() == "We are about to study the idea of deep learning."
    assert sentence_tokens(lesson_sentence()) == LESSON.split()  # lower case, no full stop
    assert sentence_tokens(LESSON, limit=3) == ["we", "are", "about"]


def test_chinese_is_cut_into_words_and_sentences_are_joined():
    assert sentence_tokens("我喜欢学习数学") == ["我", "喜欢", "学习", "数学"]
    joined = ["the", "cat", "sat", "the", "dog", "ran"]
    assert sentence_tokens("the cat sat. the dog ran.") == joined


def test_the_choices_are_the_lessons_sentences_then_the_corpus():
    choices = sentence_choices([["a", "b"], ["c"]] * 300, n=2)
    assert choices[0] == lesson_sentence()
    assert choices[-2:] == ["a b", "c"]


def test_the_context_of_study():
    tokens = LESSON.split()
    assert context_of(tokens, 4, 1) == ["to", "the"]
    assert context_of(tokens, 4, 2) == ["about", "to", "the", "idea"]
    assert context_of(tokens, 0, 2) == ["are", "about"]  # the sentence's edge


def test_training_examples_in_both_modes():
    tokens = LESSON.split()
    assert MODES == ["CBOW", "Skip-gram"]
    cbow = training_examples(tokens, 1, "CBOW")
    assert list(cbow.columns) == ["context", "target"] and len(cbow) == 10
    assert cbow[cbow["target"] == "study"]["context"].tolist() == ["to the"]
    pairs = training_examples(tokens, 1, "Skip-gram")
    assert list(pairs.columns) == ["input", "predicts"] and len(pairs) == 18
    assert pairs[pairs["input"] == "study"]["predicts"].tolist() == ["to", "the"]


def test_window_tables_count_one_example_per_window_or_per_pair():
    tokens = LESSON.split()
    cbow1, sg1 = window_tables(tokens, 1)
    cbow2, sg2 = window_tables(tokens, 2)
    assert (len(cbow1), len(sg1), len(cbow2), len(sg2)) == (10, 18, 10, 34)  # 2 x (9 + 8)
    assert cbow2[cbow2["→ predicts"] == "study"]["context"].tolist() == ["about, to, the, idea"]
    assert sg1[sg1["centre"] == "study"]["→ predicts"].tolist() == ["to", "the"]
