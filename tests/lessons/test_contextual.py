"""The contextual lesson: layer 0 is word2vec's situation, training adds to what mixing does."""

from dataclasses import replace

import numpy as np
import pytest

from explorer.lessons.contextual import (
    MASK_EXAMPLES,
    PROVERB,
    SENSE_LABELS,
    TWICE_EXAMPLES,
    analyse_sentence,
    build_model,
    fill_mask,
    first_reached,
    layer_scores,
    occurrence_map,
    occurrence_neighbours,
    occurrence_vectors,
    projector_tsv,
    repeated_pair,
    sense_data,
    separation_probe,
    static_vectors,
    tokens_of,
    two_senses,
    upload_data,
    word_choices,
)
from explorer.models.mlm import MLMConfig

SMALL = MLMConfig(d_model=16, n_heads=2, n_layers=2, d_ff=32, epochs=2)


@pytest.fixture(scope="module")
def english():
    """The English sense corpus and the default model after 300 steps (a few seconds)."""
    data = sense_data("en")
    model = build_model(data, MLMConfig())
    start = model.init_state()
    state, _snap = model.train_steps(start, 300)
    return data, model, start, state


def test_every_sense_word_of_every_language_is_offered_first_and_labelled():
    for language, first in (("en", "bank"), ("zh", "打"), ("ja", "はし")):
        data = sense_data(language)
        model = build_model(data, SMALL)
        choices = word_choices(data, model)
        assert choices[0] == first
        assert set(data.sense_words()) <= set(choices[: len(data.sense_words())])
        assert all(s in SENSE_LABELS for senses in data.sense_words().values() for s in senses)


def test_occurrences_are_capped_evenly_and_keep_their_senses():
    data = sense_data("en")
    every = data.occurrences("bank", limit=None)
    some = data.occurrences("bank", limit=50)
    assert len(every) > 50 == len(some)
    assert some[0] == every[0] and some[-1] == every[-1]
    assert {o.sense for o in some} == {"money", "river"}


def test_at_layer_0_every_occurrence_is_the_same_point_and_scores_chance(english):
    data, model, _start, state = english
    view = occurrence_map(model, state, data, "bank", layer=0)
    assert np.allclose(view.vectors, view.vectors[0])
    assert np.allclose(view.xy, 0)
    assert view.separation == view.chance == 0.5
    assert view.sentences[0] == data.texts[data.occurrences("bank")[0].sentence]


def test_training_separates_bank_beyond_what_random_mixing_does(english):
    data, model, start, state = english
    scores = layer_scores(model, state, start, data, "bank")
    assert scores.layers == [0, 1, 2] and scores.chance == 0.5
    assert scores.now[0] == scores.start[0] == 0.5
    assert scores.start[-1] > 0.5  # mixing alone already moves the untrained model off chance
    assert scores.now[-1] > scores.start[-1] + 0.05  # the gap is what training adds
    assert separation_probe(model, data, "bank")(state) == pytest.approx(scores.now[-1])
    assert first_reached([10, 20, 30], [0.6, 0.92, 0.95], 0.9) == 20
    assert first_reached([10], [0.6], 0.9) is None


def test_dont_trouble_trouble_one_vector_at_layer_0_two_after(english):
    data, model, _start, state = english
    tokens = tokens_of(PROVERB)
    assert tokens == ["don't", "trouble", "trouble"]
    view = analyse_sentence(model, state, tokens, prefer=data.sense_words())
    assert view.pair == (1, 2) and all(view.known)
    assert view.pair_cosines[0] == pytest.approx(1.0)
    assert view.pair_cosines[-1] < 0.99
    # without positions, attention cannot tell the two copies apart: the same vector throughout
    assert np.allclose(view.no_position_cosines, 1.0)
    assert view.attention.shape == (2, 2, 3, 3)
    assert np.allclose(view.attention.sum(axis=-1), 1.0)
    assert [len(h) for h in view.layers] == [3, 3, 3]


def test_causal_attention_looks_only_left():
    data = sense_data("en")
    model = build_model(data, replace(SMALL, causal=True))
    view = analyse_sentence(model, model.init_state(), tokens_of(PROVERB))
    assert np.allclose(np.triu(view.attention, k=1), 0)


def test_typed_sentences_keep_the_sense_words_and_the_mask_whole():
    zh = sense_data("zh").sense_words()
    assert tokens_of(TWICE_EXAMPLES["zh"], zh) == [
        "爸爸", "去", "河里", "打", "水", "我", "去", "打", "篮球"]
    assert repeated_pair(tokens_of(TWICE_EXAMPLES["zh"], zh), prefer=zh) == (3, 7)
    assert tokens_of("She put money in the [mask].") == ["she", "put", "money", "in", "the",
                                                         "[MASK]"]
    assert repeated_pair(["a", "b"]) is None


def test_fill_the_mask_after_training(english):
    data, model, _start, state = english
    top = fill_mask(model, state, MASK_EXAMPLES["en"], topk=3)
    assert top[0][0] == "bank" and 0 < top[0][1] <= 1
    assert [p for _w, p in top] == sorted((p for _w, p in top), reverse=True)
    with pytest.raises(ValueError):
        fill_mask(model, state, "no blank here")


def test_static_words_against_contextual_occurrences(english):
    data, model, _start, state = english
    wv = static_vectors(data)
    assert "bank" in wv and len(wv.most_similar("bank", topn=5)) == 5
    view = occurrence_map(model, state, data, "bank", layer=2)
    near = occurrence_neighbours(view, 0, topn=5)
    assert len(near) == 5
    assert [n.cosine for n in near] == sorted((n.cosine for n in near), reverse=True)
    assert sum(n.sense == view.senses[0] for n in near) >= 3  # mostly the same sense


def test_projector_tsv_has_a_row_per_occurrence_and_the_sentence(english):
    data, model, _start, state = english
    view = occurrence_map(model, state, data, "bank", layer=1)
    vectors, metadata = projector_tsv(view)
    rows = vectors.decode().splitlines()
    meta = metadata.decode().splitlines()
    assert len(rows) == len(view.xy) == len(meta) - 1
    assert len(rows[0].split("\t")) == model.config.d_model
    assert meta[0] == "label\tword\tsense\tsentence"
    assert meta[1].split("\t")[2:] == [view.senses[0], view.sentences[0]]
    wv = occurrence_vectors(view)
    assert len(wv) == len(view.xy) and wv.index_to_key[0].startswith("bank#1")


def test_an_upload_has_no_senses_but_the_layers_still_work():
    data = upload_data([["the", "cat", "sat"], ["the", "dog", "ran"]] * 10)
    model = build_model(data, SMALL)
    assert data.sense_words() == {}
    view = occurrence_map(model, model.init_state(), data, "the", layer=2)
    assert view.separation is None and view.senses[0] is None and view.sentences[0] == "the cat sat"
    assert np.isnan(separation_probe(model, data, "the")(model.init_state()))


def test_the_guided_pair_is_one_vector_at_layer_0_and_two_at_the_top(english):
    data, model, _start, state = english
    pair = two_senses(model, state, data)
    assert pair.word == "bank" and pair.senses == ("money", "river")
    assert pair.trained[0] == pytest.approx(1.0) and pair.untrained[0] == pytest.approx(1.0)
    assert pair.trained[-1] < 0.99


def test_one_pass_gives_every_layer_as_the_model_does(english):
    from explorer.lessons.contextual import occurrence_layers

    data, model, _start, state = english
    occ = data.occurrences("light", limit=30)
    layers = occurrence_layers(model, state, data, occ)
    assert layers.shape == (3, 30, model.config.d_model)
    for layer in range(3):
        np.testing.assert_array_equal(
            layers[layer], model.occurrence_vectors(state, data.sentences, occ, layer))
    assert occurrence_layers(model, state, data, occ) is layers  # kept for the same state
