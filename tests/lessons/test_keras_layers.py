"""The Keras page's lesson: the documentation's example and the article's summary."""

from explorer.lessons.keras_layers import (
    SEED_MODELS,
    argument_names,
    doc_example,
    doc_W_table,
    output_text,
    summary_model,
    summary_text,
)


def test_the_documentations_example_as_the_page_shows_it():
    ex = doc_example()
    table = doc_W_table(ex)
    assert table.shape == (21, 2) and list(table.columns) == ["d0", "d1"]
    assert table.loc[4].tolist() == [0.25, 0.1] and table.loc[20].tolist() == [0.6, -0.2]
    assert output_text(ex).replace(" ", "") == "[[[0.25,0.1]],\n\n[[0.6,-0.2]]]"


def test_the_articles_imdb_model_from_typed_sizes():
    model = summary_model(10_000, 16, 120, True, "6, 1", mask_zero=False, frozen=False)
    assert model.total == 171_533 and model.non_trainable == 0
    frozen = summary_model(10_000, 16, 120, True, "6, 1", mask_zero=False, frozen=True)
    assert frozen.non_trainable == 160_000  # W: 10,000 x 16
    assert "171,533" in summary_text(model)


def test_every_preset_builds():
    for p in SEED_MODELS.values():
        model = summary_model(p["input_dim"], p["output_dim"], p["input_length"], p["flatten"],
                              p["dense"], p["mask_zero"], frozen=False)  # fmt: skip
        assert model.total >= p["input_dim"] * p["output_dim"]


def test_the_names_of_the_two_sizes():
    names = argument_names()
    assert names.loc["Keras"].tolist() == ["input_dim", "output_dim"]
    assert names.loc["PyTorch"].tolist() == ["num_embeddings", "embedding_dim"]
