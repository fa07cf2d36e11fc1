"""The embedding layer lesson's worked examples, with their exact numbers."""

import numpy as np
import pytest

from explorer.lessons.embedding_layer import (
    EmbeddingLayer,
    OutOfVocabularyError,
    lookup_cost,
    parameter_count,
)


def test_the_articles_lookup_exactly():
    layer = EmbeddingLayer(np.arange(15).reshape(3, 5))
    out = layer(np.array([[0, 2], [1, 2]]))
    assert out.shape == (2, 2, 5)
    assert out.tolist() == [
        [[0, 1, 2, 3, 4], [10, 11, 12, 13, 14]],
        [[5, 6, 7, 8, 9], [10, 11, 12, 13, 14]],
    ]
    np.testing.assert_array_equal(layer.via_one_hot([[0, 2], [1, 2]]), out)


def test_an_id_outside_the_vocabulary_is_explained():
    layer = EmbeddingLayer(np.arange(15).reshape(3, 5))
    with pytest.raises(OutOfVocabularyError) as err:
        layer([5])
    message = str(err.value)
    assert "Id 5 is outside the vocabulary" in message
    assert "3 rows (ids 0 to 2)" in message
    with pytest.raises(OutOfVocabularyError, match="Id -1"):
        layer([-1])


def test_parameter_count():
    assert EmbeddingLayer.random(10_000, 16).parameter_count == 160_000
    assert parameter_count(10_000, 16) == 160_000


def test_one_hot_rows_times_w_select_rows():
    layer = EmbeddingLayer.random(5_000, 128, seed=1)
    ids = np.array([3, 17, 256, 4_999])  # a 4-word sentence such as 我 / 喜欢 / 学习 / 数学
    one_hot = layer.one_hot(ids)
    assert one_hot.shape == (4, 5_000) and one_hot.sum() == 4
    assert layer(ids).shape == (4, 128)
    np.testing.assert_array_equal(one_hot @ layer.W, layer(ids))


def test_costs_as_the_vocabulary_grows():
    cost = lookup_cost(4, 5_000, 128)
    assert cost["one_hot_shape"] == (4, 5_000) and cost["result_shape"] == (4, 128)
    assert cost["one_hot_multiplications"] == 4 * 5_000 * 128 == 2_560_000
    assert cost["lookup_multiplications"] == 0
    assert cost["one_hot_bytes"] == 80_000 and cost["result_bytes"] == 2_048


def test_padding_is_masked_and_training_changes_only_real_rows():
    layer = EmbeddingLayer.random(5, 4, seed=0, padding_idx=0)
    ids = np.array([0, 0, 1, 2, 3, 4])
    vectors = layer(ids)
    assert vectors.shape == (6, 4)
    assert layer.mask(ids).tolist() == [False, False, True, True, True, True]
    new = layer.sgd_step(ids, np.ones((6, 4)), lr=0.1)
    np.testing.assert_array_equal(new.W[0], layer.W[0])  # padding row untouched
    np.testing.assert_allclose(new.W[1:], layer.W[1:] - 0.1)


def test_the_shrinking_view():
    one_hot = EmbeddingLayer(np.zeros((6, 3))).one_hot([1, 4])
    assert one_hot.shape == (2, 6)
    assert (one_hot @ np.arange(18).reshape(6, 3)).shape == (2, 3)
    np.testing.assert_array_equal(one_hot @ np.arange(18).reshape(6, 3), [[3, 4, 5], [12, 13, 14]])


def test_sentence_ids_reserve_padding_and_unknown():
    from explorer.lessons.embedding_layer import sentence_ids

    index = {"the": 0, "cat": 1}
    assert sentence_ids(["the", "cat", "newword", "the"], index, 10) == [2, 3, 4, 2]
    assert sentence_ids(["the", "cat", "newword"], index, 4) == [2, 3, 1]  # past the cap


def test_typed_ids_are_read_and_one_step_moves_only_the_real_rows():
    from explorer.lessons.embedding_layer import parse_ids, rows_changed

    assert parse_ids("0 0 1 2 x 3 -4").tolist() == [0, 0, 1, 2, 3, -4]
    assert parse_ids("no ids here").tolist() == [0]
    layer = EmbeddingLayer.random(8, 4, seed=0, padding_idx=0)
    ids = parse_ids("0 0 1 2 3 4")
    before = layer(ids)
    after = layer.sgd_step(ids, np.ones_like(before), lr=0.1)(ids)
    assert rows_changed(before, after).tolist() == [False, False, True, True, True, True]


def test_the_pages_tables_and_checks():
    from explorer.lessons.embedding_layer import (
        ids_table,
        lookup_table,
        padding_table,
        parse_ids,
        row_of,
        same_as_one_hot,
        shrinking_view,
        worked_example,
    )

    layer = EmbeddingLayer.random(5_000, 128, seed=0)
    assert same_as_one_hot(layer, [7, 1, 2])
    table = lookup_table(layer, [7, 1], ["我", "喜欢"])
    assert table.shape == (2, 12) and table.index.tolist() == ["我", "喜欢"]
    np.testing.assert_array_equal(table.to_numpy(), np.round(layer.W[[7, 1], :12], 3))
    assert ids_table(["cat", "sat"], [2, 3]).to_numpy().tolist() == [["cat", "sat"], ["2", "3"]]
    cost = lookup_cost(4, 5_000, 128)
    assert (cost["one_hot_numbers"], cost["lookup_numbers"], cost["lookup_bytes"]) == (
        20_000, 4, 32,
    )  # fmt: skip

    ex = worked_example()  # the article's W = arange(15).reshape(3, 5), ids [[0, 2], [1, 2]]
    assert ex.W_table().index.tolist() == ["id 0", "id 1", "id 2"]
    assert [t.to_numpy().tolist() for t in ex.out_tables()] == ex.out.tolist()
    assert ex.out_tables()[1].index.tolist() == ["id 1", "id 2"]
    assert row_of(ex.layer, 2) == [10, 11, 12, 13, 14]
    with pytest.raises(OutOfVocabularyError):
        row_of(ex.layer, 5)

    padded = padding_table(parse_ids("0 0 1 2 3 4"))
    assert padded["id"].tolist() == [0, 0, 1, 2, 3, 4]
    assert padded["masked"].tolist() == [True, True, False, False, False, False]
    assert padded["changed by one step"].tolist() == [False, False, True, True, True, True]
    with pytest.raises(OutOfVocabularyError):
        padding_table(parse_ids("0 9"))

    A, B, C = shrinking_view()
    assert A.shape == (2, 6) and B.shape == (6, 3)
    assert C.tolist() == [[3, 4, 5], [12, 13, 14]]
