"""The contextual page's charts carry their numbers and keep their shape from tick to tick."""

import numpy as np

from explorer.charts.contextual import attention_chart, occurrence_chart, separation_chart


def test_occurrences_coloured_by_sense_with_the_sentence_on_hover():
    xy = np.array([[0.1, 0.2], [-0.3, 0.4], [0.0, 0.0]])
    spec = occurrence_chart(xy, ["money", "river", None], ["a", "b", "c"], "bank",
                            sense_order=["money", "river"])
    points = spec["data"]["values"]
    assert points[0] == {"x": 0.1, "y": 0.2, "sense": "money", "sentence": "a"}
    colour = spec["encoding"]["color"]["scale"]
    assert colour["domain"] == ["money", "river", points[2]["sense"]]
    assert colour["range"][2] == "#bab0ac"  # unknown sense: grey
    assert {"field": "sentence", "title": "sentence"} in spec["encoding"]["tooltip"]
    moved = occurrence_chart(xy * 1.01, ["money", "river", None], ["a", "b", "c"], "bank",
                             sense_order=["money", "river"])
    spec.pop("data"), moved.pop("data")
    assert spec == moved


def test_separation_bars_beside_step_0_with_chance():
    spec = separation_chart([0, 1, 2], [0.5, 0.84, 0.96], [0.5, 0.76, 0.77], chance=0.5)
    bars = spec["datasets"]["bars"]
    assert len(bars) == 6 and bars[-1] == {"layer": "2", "model": "now", "accuracy": 0.96}
    assert bars[-2]["accuracy"] == 0.77
    assert spec["datasets"]["chance"] == [{"chance": 0.5}]
    none = separation_chart([0, 1], [None, None], [None, None], chance=None)
    assert none["datasets"] == {"bars": [], "chance": []}


def test_attention_is_a_matrix_per_head_with_numbered_tokens():
    W = np.array([[1.0, 0.0], [0.25, 0.75]])
    spec = attention_chart(W, ["trouble", "trouble"], "head 1")
    cells = spec["data"]["values"]
    assert cells[1] == {"query": "1. trouble", "key": "2. trouble", "weight": 0.0}
    assert cells[3]["weight"] == 0.75
    assert spec["encoding"]["color"]["scale"]["domain"] == [0, 1]
