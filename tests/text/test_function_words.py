"""Function words: the most frequent words of every corpus, and not what a map labels."""

from collections import Counter

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from explorer.text.function_words import CHINESE, JAPANESE, content_words, english, is_function_word
from explorer.text.samples import load_sample_text
from explorer.text.tokenize import tokenize


def test_english_is_scikit_learns_list_and_ignores_case():
    assert english() == ENGLISH_STOP_WORDS
    assert is_function_word("the") and is_function_word("The") and is_function_word("OF")
    assert not is_function_word("cat") and not is_function_word("Kitten")


def test_chinese_and_japanese_function_words():
    assert {"的", "了", "是", "在", "和", "我们", "一只"} <= CHINESE
    assert {"の", "は", "が", "を", "に", "た", "て", "この"} <= JAPANESE
    for word in ("猫", "小猫", "国王", "王后", "子猫", "犬", "女王", "北京"):
        assert not is_function_word(word), word


def test_content_words_keep_order_and_count_only_content():
    words = ["the", "cat", "of", "的", "kitten", "の", "dog"]
    assert content_words(words) == ["cat", "kitten", "dog"]
    assert content_words(words, 2) == ["cat", "kitten"]
    assert content_words(words, 0) == []


@pytest.mark.parametrize(
    ("key", "examples"),
    [("english", {"cat", "dog"}), ("chinese", {"猫", "狗"}), ("japanese", {"猫", "犬"})],
)
def test_a_corpus_most_frequent_words_are_mostly_function_words(key, examples):
    counts = Counter(t for s in tokenize(load_sample_text(key)) for t in s)
    top = [w for w, _n in counts.most_common()]
    # what the projection page labelled before: the top 10 words, most of them grammar
    assert sum(map(is_function_word, top[:10])) >= 6, top[:10]
    # what it labels now: the most frequent words that carry meaning, the examples among them
    labels = content_words(top, 10)
    assert not any(map(is_function_word, labels))
    assert examples <= set(labels), labels
