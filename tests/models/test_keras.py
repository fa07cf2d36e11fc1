"""Keras's Embedding as the articles show it: the doc example, shapes, model.summary()."""

import numpy as np

from explorer.models.keras import (
    DOC_VECTORS,
    SEED_MODELS,
    doc_example,
    output_shape,
    parse_units,
    sequential,
    shape_demo,
    summary_table,
    summary_text,
)

#: The article's model.summary() for Embedding(10000, 16) + Flatten, as printed (trailing
#: spaces included): "深入探究EmbeddingLayer", lines 30-41.
ARTICLE_SUMMARY = "\n".join([
    'Model: "sequential"',
    "_________________________________________________________________",
    "Layer (type)                 Output Shape              Param #   ",
    "=================================================================",
    "embedding (Embedding)        (None, None, 16)          160000    ",
    "_________________________________________________________________",
    "flatten (Flatten)            (None, None)              0         ",
    "=================================================================",
    "Total params: 160,000",
    "Trainable params: 160,000",
    "Non-trainable params: 0",
    "_________________________________________________________________",
])  # fmt: skip


def test_the_articles_summary_character_for_character():
    model = sequential(10_000, 16)
    assert summary_text(model) == ARTICLE_SUMMARY
    assert (model.total, model.trainable, model.non_trainable) == (160_000, 160_000, 0)
    table = summary_table(model)
    assert table["Layer (type)"].tolist() == ["embedding (Embedding)", "flatten (Flatten)"]
    assert table["Output Shape"].tolist() == ["(None, None, 16)", "(None, None)"]
    assert table["Param #"].tolist() == [160_000, 0]


def test_the_imdb_classifier():
    model = sequential(10_000, 16, input_length=120, dense=(6, 1))
    shapes = [r.output_shape for r in model.rows]
    assert shapes == [(None, 120, 16), (None, 1920), (None, 6), (None, 1)]
    assert [r.params for r in model.rows] == [160_000, 0, 1920 * 6 + 6, 6 + 1]
    assert [r.label for r in model.rows][2:] == ["dense (Dense)", "dense_1 (Dense)"]
    assert model.total == 171_533 and not model.problems
    text = summary_text(model)
    assert "dense (Dense)                (None, 6)                 11526     " in text
    assert "Total params: 171,533" in text


def test_a_fixed_length_and_a_mask():
    model = sequential(10_000, 16, input_length=10, mask_zero=True)
    assert [r.output_shape for r in model.rows] == [(None, 10, 16), (None, 160)]
    assert model.total == 160_000
    assert any("does not support masking" in str(p) for p in model.problems)
    assert not sequential(10_000, 16, input_length=10, mask_zero=True, flatten=False).problems


def test_dense_after_an_unknown_length_cannot_be_built():
    model = sequential(10_000, 16, dense=(6, 1))
    assert [r.kind for r in model.rows] == ["Embedding", "Flatten"]
    assert len(model.problems) == 1 and "Dense(6) cannot be built" in str(model.problems[0])
    assert "(None, None)" in str(model.problems[0])


def test_dense_without_flatten_works_on_the_last_axis():
    model = sequential(1_000, 16, flatten=False, dense=(6,))
    assert model.rows[-1].output_shape == (None, None, 6)
    assert model.rows[-1].params == (16 + 1) * 6


def test_a_frozen_embedding_is_non_trainable():
    model = sequential(10_000, 16, trainable=False)
    assert (model.total, model.trainable, model.non_trainable) == (160_000, 0, 160_000)
    assert "Non-trainable params: 160,000" in summary_text(model)


def test_long_fields_are_cut_as_keras_cuts_them():
    line = summary_text(sequential(10_000_000, 4096, input_length=1_000_000)).splitlines()[4]
    assert len(line) == 65 and line.startswith("embedding (Embedding)        (None, 1000000, 4096)")


def test_the_documentations_example():
    ex = doc_example()
    assert ex.ids.tolist() == [[4], [20]] and ex.ids.shape == (2, 1)
    assert ex.layer.W.shape == (21, 2)  # input_dim = 1 + the largest id
    assert ex.output.shape == (2, 1, 2)  # (samples, sequence_length, output_dim)
    assert ex.output[:, 0].tolist() == [list(v) for v in DOC_VECTORS]
    assert ex.output[:, 0].tolist() == [[0.25, 0.1], [0.6, -0.2]]
    np.testing.assert_array_equal(ex.layer.via_one_hot(ex.ids), ex.output)
    others = np.delete(ex.layer.W, [4, 20], axis=0)
    assert (np.abs(others) <= 0.05).all()  # Keras's uniform initial values
    np.testing.assert_array_equal(doc_example().layer.W, ex.layer.W)  # seeded


def test_the_shape_rule():
    assert output_shape((2, 1), 2) == (2, 1, 2)
    assert output_shape((None, None), 16) == (None, None, 16)
    assert shape_demo(32, 10, 16) == {
        "ids": (32, 10), "embedding": (32, 10, 16), "flatten": (32, 160)
    }  # fmt: skip


def test_units_typed_by_a_person():
    assert parse_units("6, 1") == (6, 1)
    assert parse_units("") == ()
    assert parse_units(" 6 x 0 -3; 2 ") == (6, 2)


def test_the_article_presets_build_the_articles_models():
    first, second, imdb = SEED_MODELS.values()
    assert sequential(**{**first, "dense": parse_units(first["dense"])}).total == 160_000
    assert sequential(**{**second, "dense": parse_units(second["dense"])}).rows[1].output_shape == (
        None, 160)  # fmt: skip
    assert sequential(**{**imdb, "dense": parse_units(imdb["dense"])}).total == 171_533
