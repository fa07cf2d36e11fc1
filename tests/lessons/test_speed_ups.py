"""The speed-ups lesson on small trained models: negatives, the Huffman tree, a path."""

from functools import cache

import numpy as np
import pandas as pd
import pytest

from explorer import Word2Vec
from explorer.lessons.speed_ups import (
    centre_words,
    cost_tables,
    hs_config,
    negatives,
    negatives_table,
    noise_view,
    path_code,
    path_table,
    tree_facts,
    word_path,
)

CAT = ["the", "cat", "sat", "on", "the", "mat"]
SENTENCES = [CAT, ["the", "dog", "sat", "on", "a", "log"]] * 20


@cache
def model(**settings) -> Word2Vec:
    return Word2Vec(vector_size=8, min_count=1, epochs=2, seed=0, **settings).fit(SENTENCES)


def test_the_noise_view_flattens_and_finds_the_rarest_word():
    view = noise_view(np.array([1000, 100, 10, 1]))
    assert view.rarest == 3
    assert view.raw.round(3).tolist() == [0.9, 0.09, 0.009, 0.001]
    assert view.noise.round(3).tolist() == [0.823, 0.146, 0.026, 0.005]


def test_centre_words_are_the_tracked_ones_known_else_the_most_frequent():
    vocab = model().vocab_
    assert centre_words(["cat", "unicorn"], vocab) == ["cat"]
    assert centre_words(["unicorn"], vocab, n=2) == vocab.index_to_key[:2]


def test_one_examples_negatives_as_a_table():
    example = negatives(model().state_, "sat", k=4, draw=0)
    table = negatives_table(example)
    assert list(table.columns) == ["word", "role", "score u·h → σ", "loss"]
    assert table["role"].tolist() == ["target"] + ["negative"] * 4
    assert table["word"].iloc[0] == "sat"
    assert negatives(model().state_, "sat", k=4, draw=1).negative_words != example.negative_words
    assert np.isclose(table["loss"].sum(), example.losses.sum(), atol=0.01)


def test_the_tree_and_one_words_path():
    config = hs_config(max_vocab=5_000)
    assert (config.hs, config.negative, config.max_vocab) == (1, 0, 5_000)
    hs = model(hs=1, negative=0)
    tree = hs.state_.tree
    facts = tree_facts(tree)
    assert facts.inner_nodes == facts.n_words - 1 == len(hs.vocab_) - 1
    assert facts.log2_v == pytest.approx(np.log2(len(hs.vocab_)))
    assert facts.shortest_first <= facts.mean_questions <= facts.longest
    path = word_path(hs.state_, "sat")
    code = path_code(path)
    assert set(code) <= {"0", "1"} and len(code) == tree.lengths[hs.vocab_.key_to_index["sat"]]
    assert len(path_table(path)["node"]) == len(code) + 1  # and the product


def test_the_cost_tables_name_the_methods_and_pivot():
    measured = pd.DataFrame({
        "vocab_size": [100, 100, 1000, 1000],
        "method": ["full softmax", "negative sampling, k=5"] * 2,
        "ms_per_step": [1.0, 0.5, 10.0, 0.5],
        "outputs_per_example": [100, 6, 1000, 6],
        "multiply_adds": [1, 1, 1, 1],
    })  # fmt: skip
    table, pivots = cost_tables(measured)
    assert table["method"].iloc[1].startswith("negative sampling")
    assert [name for name, _pivot in pivots] == [
        "milliseconds per step", "rows of W_out scored per example"
    ]
    assert pivots[1][1].loc[1000].tolist() == [1000, 6]
