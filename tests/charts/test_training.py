"""The live page's figures: Vega-Lite specs carrying the numbers they draw."""

import numpy as np

from explorer.charts.training import (
    OTHER_COLOUR,
    loss_figure,
    map_figure,
    matrix_heatmap,
    nice_bound,
    probability_figure,
    rank_figure,
    smooth,
)


def test_nice_bounds():
    assert [nice_bound(x) for x in (0.38, 0.4, 0.41, 1.0, 1.01, 6.0, 9.0)] == [
        0.5,
        0.5,
        0.5,
        1.0,
        1.5,
        7.0,
        10.0,
    ]


def test_heatmap_marks_changed_rows_with_a_symmetric_scale():
    M = np.array([[0.1, -0.2], [0.3, 0.4]])
    spec = matrix_heatmap(M, ["cat", "dog"], changed=[True, False], title="W")
    cells = spec["data"]["values"]
    assert cells[0] == {"word": "cat", "dim": 0, "value": 0.1, "changed": True}
    assert [c["value"] for c in cells] == [0.1, -0.2, 0.3, 0.4]
    assert [c["changed"] for c in cells] == [True, True, False, False]
    assert spec["encoding"]["color"]["scale"]["domain"] == [-0.5, 0.5]
    assert spec["encoding"]["y"]["sort"] == ["cat", "dog"]


def test_specs_stay_the_same_when_only_the_numbers_move():
    # The browser then swaps the data instead of rebuilding the chart.
    rng = np.random.default_rng(0)
    M = rng.normal(size=(3, 4)) * 0.1
    a = matrix_heatmap(M, ["a", "b", "c"], [True, False, True], "W")
    b = matrix_heatmap(M * 1.01, ["a", "b", "c"], [False, False, True], "W")
    a.pop("data"), b.pop("data")
    assert a == b
    xy = rng.normal(size=(3, 2))
    a, b = map_figure(xy, list("abc")), map_figure(xy * 1.01, list("abc"))
    a.pop("datasets"), b.pop("datasets")
    assert a == b


def test_loss_is_smoothed_and_thinned():
    np.testing.assert_allclose(smooth([1.0, 0.0], weight=0.5), [1.0, 0.5])
    spec = loss_figure(np.arange(1000), np.linspace(5, 1, 1000), max_points=100)
    values = spec["data"]["values"]
    assert len(values) <= 100
    assert values[0]["step"] == 0 and values[-1]["step"] == 999
    assert values[0]["loss"] == 5.0 and values[-1]["smoothed"] > 1.0


def test_map_has_trails_points_and_fixed_symmetric_axes():
    xy = np.array([[1.0, 0.0], [-1.0, 0.5]])
    spec = map_figure(xy, ["cat", "dog"], trails=[xy * 0.5, xy * 0.8], highlight=["cat"])
    trail, points, labels = spec["layer"]
    path = spec["datasets"][trail["data"]["name"]]
    assert [p["x"] for p in path if p["word"] == "cat"] == [0.5, 0.8, 1.0]
    first = spec["datasets"][points["data"]["name"]][0]
    assert first == {"word": "cat", "label": "cat", "x": 1.0, "y": 0.0, "group": True}
    domain = points["encoding"]["x"]["scale"]["domain"]
    assert domain[0] == -domain[1] and domain[1] >= 1.0
    assert all(layer["mark"]["clip"] for layer in spec["layer"])


def test_rank_and_probability_figures():
    spec = rank_figure([0, 10], [50, 1], "rank of queen")
    assert spec["data"]["values"] == [{"step": 0, "rank": 50}, {"step": 10, "rank": 1}]
    assert spec["encoding"]["y"]["scale"] == {"type": "log", "reverse": True}
    spec = probability_figure(["cat", "dog"], np.array([0.7, 0.2]), "dog")
    assert [v["target"] for v in spec["data"]["values"]] == [False, True]


def test_map_coloured_by_group_with_other_words_grey():
    xy = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    words = ["cat", "kitten", "king", "the"]
    groups = {"cat": "animals", "kitten": "animals", "king": "royalty"}
    spec = map_figure(xy, words, highlight=["cat", "kitten", "king"], groups=groups)
    _trail, points, _labels = spec["layer"]
    data = spec["datasets"][points["data"]["name"]]
    assert [p["colour"] for p in data] == ["animals", "animals", "royalty", "other words"]
    colour = points["encoding"]["color"]
    assert colour["scale"]["domain"] == ["animals", "royalty", "other words"]
    assert colour["scale"]["range"][-1] == OTHER_COLOUR and colour["legend"]["orient"] == "bottom"
    assert points["encoding"]["size"]["condition"]["test"] == "datum.group"  # tracked: larger
    # every word in a group: no "other words" in the legend
    spec = map_figure(xy[:3], words[:3], groups=groups)
    domain = spec["layer"][1]["encoding"]["color"]["scale"]["domain"]
    assert domain == ["animals", "royalty"]
