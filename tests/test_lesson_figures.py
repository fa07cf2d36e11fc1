"""The lessons' Vega-Lite figures."""

import numpy as np

from explorer.lesson_figures import parallelogram_figure


def test_the_parallelogram_draws_the_models_answer_when_it_is_not_the_expected_one():
    # An undertrained model answers "prince" to king - man + woman: five points, not four.
    xy = np.arange(10, dtype=float).reshape(5, 2)
    spec = parallelogram_figure(xy, ["king", "man", "woman", "queen"], answer="prince")
    words = [p["word"] for layer in spec["layer"] for p in layer["data"]["values"]
             if "word" in p]  # fmt: skip
    assert "prince" in words and "queen" in words


def test_the_parallelogram_with_the_expected_answer():
    xy = np.arange(8, dtype=float).reshape(4, 2)
    spec = parallelogram_figure(xy, ["king", "man", "woman", "queen"], answer="queen")
    words = [p["word"] for layer in spec["layer"] for p in layer["data"]["values"]
             if "word" in p]  # fmt: skip
    assert "prince" not in words and "queen" in words
