"""The lessons' Vega-Lite figures."""

import numpy as np

from explorer.charts.lessons import parallelogram_figure


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


def test_the_huffman_tree_figure_is_valid_vega_lite():
    import altair as alt

    from explorer.charts.lessons import huffman_tree_figure
    from explorer.models.word2vec.huffman import HuffmanTree, top_of_tree

    tree = HuffmanTree.from_counts([50, 30, 20, 10, 9, 5, 2, 1])
    spec = huffman_tree_figure(*top_of_tree(tree, range(3), list("abcdefgh"), highlight=6))
    alt.LayerChart.from_dict(spec, validate=True)  # raises on a bad spec
    # every layer shares one x and one y scale (Vega-Lite drew nothing when they differed)
    encodings = [layer["encoding"] for layer in spec["layer"]]
    assert len({str(e["x"].get("scale")) for e in encodings}) == 1
    assert len({str(e["y"].get("scale")) for e in encodings}) == 1
    edges = spec["layer"][0]["data"]["values"]
    assert sum(e["on_path"] for e in edges) == tree.lengths[6]
