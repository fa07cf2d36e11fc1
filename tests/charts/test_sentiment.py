"""The sentiment charts: numbers in the data, specs that stay put from tick to tick."""

import json

import numpy as np

from explorer.charts.sentiment import NEGATIVE, POSITIVE, polarity_figure, push_bars


def _without_data(spec):
    return json.dumps({k: v for k, v in spec.items() if k != "data"}, sort_keys=True)


def test_push_bars_carry_the_pushes_in_order():
    spec = push_bars([("good", 1.2345), ("film", 0.1), ("bad", -0.9)], "t")
    values = spec["data"]["values"]
    assert [v["word"] for v in values] == ["good", "film", "bad"]
    assert [v["push"] for v in values] == [1.234, 0.1, -0.9]
    assert [v["positive"] for v in values] == [True, True, False]
    assert spec["encoding"]["x"]["scale"]["domain"] == [-1.5, 1.5]
    assert spec["encoding"]["color"]["scale"]["range"] == [POSITIVE, NEGATIVE]


def test_push_bars_spec_is_the_same_when_only_numbers_move():
    a = push_bars([("good", 1.2), ("bad", -0.9)], "t")
    b = push_bars([("great", 1.1), ("awful", -1.3)], "t")
    assert _without_data(a) == _without_data(b)


def test_polarity_figure_symmetric_nice_axes():
    spec = polarity_figure(["good", "bad"], np.array([[0.7, 0.1], [-1.2, 0.0]]), "t")
    assert spec["data"]["values"][1] == {"word": "bad", "x": -1.2, "y": 0.0, "positive": False}
    assert spec["layer"][1]["encoding"]["x"]["scale"]["domain"] == [-1.5, 1.5]
    later = polarity_figure(["good", "bad"], np.array([[0.8, 0.05], [-1.1, 0.02]]), "t")
    assert _without_data(spec) == _without_data(later)
