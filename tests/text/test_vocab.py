"""The gensim-like Vocabulary: counts, order, min_count, max_vocab, stop words, encode."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.text.vocab import Vocabulary

SENTENCES = [["the", "cat", "sat"], ["the", "dog", "sat"], ["a", "cat", "the"]]


def test_counts_and_order() -> None:
    vocab = Vocabulary.build(SENTENCES)
    # the: 3; cat, sat: 2 (cat seen first); dog, a: 1 (dog seen first).
    assert vocab.index_to_key == ["the", "cat", "sat", "dog", "a"]
    assert vocab.counts.tolist() == [3, 2, 2, 1, 1]
    assert vocab.counts.dtype == np.int64
    assert vocab.key_to_index == {"the": 0, "cat": 1, "sat": 2, "dog": 3, "a": 4}
    assert vocab.get_count("cat") == 2
    assert vocab.get_count("unseen") == 0
    assert vocab.total_words == 9
    assert vocab.dropped_words == 0
    assert len(vocab) == 5
    assert "dog" in vocab and "unseen" not in vocab


def test_same_text_same_ids() -> None:
    assert Vocabulary.build(SENTENCES).index_to_key == Vocabulary.build(SENTENCES).index_to_key


def test_accepts_a_generator() -> None:
    vocab = Vocabulary.build(iter(s) for s in SENTENCES)
    assert vocab.index_to_key[0] == "the"


def test_min_count() -> None:
    vocab = Vocabulary.build(SENTENCES, min_count=2)
    assert vocab.index_to_key == ["the", "cat", "sat"]
    assert vocab.total_words == 9
    assert vocab.dropped_words == 2


def test_max_vocab_keeps_the_most_frequent() -> None:
    vocab = Vocabulary.build(SENTENCES, max_vocab=2)
    assert vocab.index_to_key == ["the", "cat"]
    assert vocab.dropped_words == 3


def test_stop_words() -> None:
    vocab = Vocabulary.build(SENTENCES, stop_words={"the", "a"})
    assert vocab.index_to_key == ["cat", "sat", "dog"]
    assert vocab.total_words == 9
    assert vocab.dropped_words == 2


def test_stop_words_apply_before_the_cap() -> None:
    vocab = Vocabulary.build(SENTENCES, max_vocab=2, stop_words=["the"])
    assert vocab.index_to_key == ["cat", "sat"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"min_count": 0}, "min_count must be at least 1"), ({"max_vocab": 0}, "max_vocab")],
)
def test_bad_settings(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Vocabulary.build(SENTENCES, **kwargs)


def test_encode_drops_unknown_words() -> None:
    vocab = Vocabulary.build(SENTENCES, min_count=2)
    encoded = vocab.encode([["the", "dog", "sat"], ["unseen"], []])
    assert [ids.tolist() for ids in encoded] == [[0, 2], [], []]
    assert all(ids.dtype == np.int64 for ids in encoded)


def test_decode_reverses_encode() -> None:
    vocab = Vocabulary.build(SENTENCES)
    ids = vocab.encode([["a", "cat", "the"]])[0]
    assert vocab.decode(ids) == ["a", "cat", "the"]


def test_empty_corpus() -> None:
    vocab = Vocabulary.build([])
    assert len(vocab) == 0
    assert vocab.counts.shape == (0,)
    assert vocab.encode([["x"]])[0].tolist() == []


def test_chinese_tokens() -> None:
    vocab = Vocabulary.build([["我", "喜欢", "学习"], ["我", "学习"]])
    assert vocab.index_to_key == ["我", "学习", "喜欢"]


def test_equality_compares_contents() -> None:
    assert Vocabulary.build(SENTENCES) == Vocabulary.build(SENTENCES)
    assert Vocabulary.build(SENTENCES) != Vocabulary.build(SENTENCES, min_count=2)
    assert Vocabulary.build(SENTENCES) != "not a vocabulary"
