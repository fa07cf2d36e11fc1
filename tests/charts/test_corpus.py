"""Figures carry the data they claim to draw."""

import numpy as np

from explorer.charts.corpus import zipf_figure


def test_zipf_figure_has_points_and_reference_line():
    counts = np.array([100, 50, 33, 25])
    fig = zipf_figure(counts, ["a", "b", "c", "d"], label_top=2)
    points, line = fig.data
    assert list(points.y) == [100, 50, 33, 25]
    assert list(points.text) == ["a", "b", "", ""]
    np.testing.assert_allclose(line.y, 100 / np.arange(1, 5))
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "log"


def test_zipf_figure_of_nothing():
    fig = zipf_figure(np.array([]), [])
    assert len(fig.data) == 1
