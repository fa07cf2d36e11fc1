"""Seed 003's one-hot example, with its numbers: ten characters, a sentence, a whole article."""

import numpy as np
import pytest

from explorer.lessons.one_hot import (
    TEN_CHARACTER_SENTENCE,
    TEN_CHARACTERS,
    CharacterVocab,
    OneHotCost,
    wan,
)

TEN = CharacterVocab(TEN_CHARACTERS)


def test_the_ten_characters_are_ids_0_to_9():
    assert TEN_CHARACTERS == "小普喜欢星海湾的朋友"
    assert TEN.key_to_index == {c: i for i, c in enumerate("小普喜欢星海湾的朋友")}
    assert TEN.encode(TEN_CHARACTERS).ids == list(range(10))
    np.testing.assert_array_equal(TEN.one_hot(range(10)), np.eye(10, dtype=int))


def test_a_sentence_as_ids_and_as_one_hot_rows():
    sentence = TEN.encode(TEN_CHARACTER_SENTENCE)  # 小普的朋友喜欢星海湾
    assert sentence.chars == list("小普的朋友喜欢星海湾")
    assert sentence.ids == [0, 1, 7, 8, 9, 2, 3, 4, 5, 6]
    one_hot = TEN.one_hot(sentence.ids)
    assert one_hot.shape == (10, 10)  # one row per character, 10 columns
    assert one_hot.sum(axis=1).tolist() == [1] * 10  # a single 1 per row ...
    assert one_hot.argmax(axis=1).tolist() == sentence.ids  # ... in the column of its id
    assert one_hot[2].tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]  # 的 = 7


def test_repeated_characters_repeat_their_row():
    sentence = TEN.encode("朋友的朋友")
    assert sentence.ids == [8, 9, 7, 8, 9]
    one_hot = TEN.one_hot(sentence.ids)
    np.testing.assert_array_equal(one_hot[0], one_hot[3])
    table = TEN.one_hot_table("朋友的朋友")
    assert list(table.index) == ["1 · 朋", "2 · 友", "3 · 的", "4 · 朋", "5 · 友"]
    assert list(table.columns)[:3] == ["0 小", "1 普", "2 喜"]
    assert table.loc["3 · 的", "7 的"] == 1 and table.to_numpy().sum() == 5


def test_other_characters_have_no_id_and_are_named():
    sentence = TEN.encode("小普 爱大海!")
    assert sentence.ids == [0, 1, 5]  # 小 普 海; the space is skipped
    assert sentence.unknown == ["爱", "大", "!"]
    assert "爱 大 !" in sentence.unknown_note()
    assert TEN.encode("").ids == [] and TEN.one_hot([]).shape == (0, 10)


def test_counting_in_wan():
    assert wan(1_000_000) == "100万"
    assert wan(100_000) == "10万"
    assert wan(990_000) == "99万"
    assert wan(10_000) == "1万"
    assert wan(20) == "20" and wan(12_345) == "12,345"


def test_the_articles_one_hot_explosion():
    cost = OneHotCost()  # 100万 characters, 10万 possible ones, W of 10万 x 20
    assert (cost.n_tokens, cost.vocab_size, cost.dim) == (1_000_000, 100_000, 20)
    assert cost.cells == 100_000_000_000  # 100W x 10W = 10^11
    assert cost.bytes == 400_000_000_000  # float32
    assert cost.gigabytes == 400.0
    assert cost.gibibytes == pytest.approx(372.529, abs=1e-3)
    assert cost.zeros == 99_999_000_000  # one 1 per row
    assert cost.repeated_rows_cells == 99_000_000_000  # the article's 99W x 10W
    assert cost.shrink_factor == 5_000  # the article's 10W / 20 = 5000
    assert cost.multiplications == 2_000_000_000_000  # n V d; the lookup needs none


def test_the_explosion_as_shown():
    cost = OneHotCost()
    table = cost.table()
    one_hot, lookup = table.columns
    assert table[one_hot].tolist() == [
        "1,000,000 × 100,000",
        "100,000,000,000 (400 GB)",
        "2,000,000,000,000",
        "1,000,000 × 20 (80 MB)",
    ]
    assert table[lookup].tolist()[1:3] == ["1,000,000 ids (4 MB) + W 100,000 × 20 (8 MB)", "0"]
    text = cost.describe()
    for number in ("1,000,000 characters (100万)", "100,000 possible ones (10万)",
                   "100,000,000,000 numbers", "400 GB", "372.5 GiB", "99,999,000,000 are zeros",
                   "99,000,000,000 numbers, 99万 × 10万"):  # fmt: skip
        assert number in text
    shrink = cost.describe_shrink()
    assert "100万 × 10万 times 10万 × 20 gives 100万 × 20" in shrink
    assert "5,000 times fewer" in shrink


def test_the_2x6_times_6x3_example_halves_the_numbers():
    # "把一个A中的12个元素的矩阵变成C中6个元素的矩阵": one-hot rows pick rows of B
    A = CharacterVocab("abcdef").one_hot([1, 4])
    B = np.arange(18).reshape(6, 3)
    assert A.size == 12 and (A @ B).size == 6
    np.testing.assert_array_equal(A @ B, B[[1, 4]])


def test_the_ten_characters_ids_table():
    table = TEN.ids_table()
    assert table.index.tolist() == ["id"]
    assert list(table.columns) == list(TEN_CHARACTERS)
    assert table.loc["id"].tolist() == list(range(10))
