"""Vega-Lite pictures for the lesson pages: a cosine heatmap, an analogy parallelogram.

Usage:
    >>> st.vega_lite_chart(cosine_heatmap(table))          # table: words x words cosines
    >>> st.vega_lite_chart(parallelogram_figure(xy, ["king", "man", "woman", "queen"]))
    >>> st.vega_lite_chart(huffman_tree_figure(*top_of_tree(tree, range(20), words, 7)))
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from explorer.charts.spec import base
from explorer.i18n import _


def cosine_heatmap(table: pd.DataFrame) -> dict:
    """Cosine similarities as a square heatmap with the values written in the cells."""
    words = list(table.index)
    values = [
        {"a": a, "b": b, "cos": round(float(table.loc[a, b]), 2)} for a in words for b in words
    ]
    x = {
        "field": "b",
        "type": "nominal",
        "sort": words,
        "title": None,
        "axis": {"labelFontSize": 16, "labelAngle": 0},
    }
    y = {
        "field": "a",
        "type": "nominal",
        "sort": words,
        "title": None,
        "axis": {"labelFontSize": 16},
    }
    return {
        **base(max(220, 60 * len(words))),
        "data": {"values": values},
        "encoding": {"x": x, "y": y},
        "layer": [
            {
                "mark": "rect",
                "encoding": {
                    "color": {
                        "field": "cos",
                        "type": "quantitative",
                        "scale": {"scheme": "redblue", "reverse": True, "domain": [-1, 1]},
                    }
                },
            },
            {
                "mark": {"type": "text", "fontSize": 16},
                "encoding": {
                    "text": {"field": "cos"},
                    "color": {
                        "condition": {"test": "abs(datum.cos) > 0.6", "value": "white"},
                        "value": "black",
                    },
                },
            },
        ],
    }


def parallelogram_figure(xy: np.ndarray, words: Sequence[str], answer: str | None = None) -> dict:
    """a, b, c, d on a plane: the arrows b→a and d→c are parallel when the analogy holds.

    ``words`` are ``(a, b, c, d)`` (d the expected answer); ``answer`` is the model's first
    answer, drawn too when it differs from d.
    """
    pts = [
        {
            "word": w,
            "x": round(float(p[0]), 4),
            "y": round(float(p[1]), 4),
            "role": _("expected") if i == 3 else _("query"),
        }
        for i, (w, p) in enumerate(zip(words, xy[:4], strict=True))
    ]
    a, b, c, d = (pts[i] for i in range(4))
    edges = [
        {"pair": f"{b['word']} → {a['word']}", "x": b["x"], "y": b["y"], "o": 0},
        {"pair": f"{b['word']} → {a['word']}", "x": a["x"], "y": a["y"], "o": 1},
        {"pair": f"{c['word']} → {d['word']}", "x": c["x"], "y": c["y"], "o": 0},
        {"pair": f"{c['word']} → {d['word']}", "x": d["x"], "y": d["y"], "o": 1},
    ]
    if answer and answer != d["word"] and len(xy) > 4:
        pts.append(
            {
                "word": answer,
                "x": round(float(xy[4][0]), 4),
                "y": round(float(xy[4][1]), 4),
                "role": _("model's answer"),
            }
        )
    xs = {"field": "x", "type": "quantitative", "axis": None, "scale": {"zero": False}}
    ys = {"field": "y", "type": "quantitative", "axis": None, "scale": {"zero": False}}
    return {
        **base(380, _("The analogy as a parallelogram (PCA of these words)")),
        "layer": [
            {
                "data": {"values": edges},
                "mark": {"type": "line", "strokeWidth": 3},
                "encoding": {
                    "x": xs,
                    "y": ys,
                    "detail": {"field": "pair"},
                    "order": {"field": "o"},
                    "color": {"field": "pair", "title": None},
                },
            },
            {
                "data": {"values": pts},
                "mark": {"type": "point", "filled": True, "size": 160},
                "encoding": {"x": xs, "y": ys, "shape": {"field": "role", "title": None}},
            },
            {
                "data": {"values": pts},
                "mark": {"type": "text", "dy": -16, "fontSize": 17},
                "encoding": {"x": xs, "y": ys, "text": {"field": "word"}},
            },
        ],
    }


def distribution_figure(words: Sequence[str], raw: np.ndarray, noise: np.ndarray) -> dict:
    """Raw unigram probabilities against the noise distribution (counts ** 0.75), per word."""
    values = []
    raw_name, noise_name = _("raw frequency"), _("noise: frequency^0.75")
    for w, r, n in zip(words, raw, noise, strict=True):
        values += [
            {"word": w, "which": raw_name, "p": float(r)},
            {"word": w, "which": noise_name, "p": float(n)},
        ]
    tooltip = [
        {"field": "word", "type": "nominal", "title": _("word")},
        {"field": "which", "type": "nominal", "title": _("distribution")},
        {"field": "p", "type": "quantitative", "title": _("probability"), "format": ".3%"},
    ]
    return {
        **base(320),
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {
                "field": "word",
                "type": "nominal",
                "sort": list(words),
                "title": None,
                "axis": {"labelAngle": -45},
            },
            "xOffset": {"field": "which"},
            "y": {"field": "p", "type": "quantitative", "title": _("probability")},
            "color": {"field": "which", "title": None, "legend": {"orient": "top"}},
            "tooltip": tooltip,
        },
    }


def cost_figure(table: pd.DataFrame) -> dict:
    """Measured milliseconds per training step against vocabulary size, one line a method.

    ``table`` is ``measure_step_cost``'s (:mod:`explorer.lessons.sampling_cost`); its
    ``method`` names are shown as they are (translate them first with
    ``sampling_cost.method_label``).
    """
    values = [
        {"V": int(r.vocab_size), "method": r.method, "ms": round(float(r.ms_per_step), 4)}
        for r in table.itertuples()
    ]
    return {
        **base(320),
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "V",
                "type": "quantitative",
                "scale": {"type": "log"},
                "title": _("vocabulary size V"),
            },
            "y": {
                "field": "ms",
                "type": "quantitative",
                "scale": {"type": "log"},
                "title": _("milliseconds per step (batch of 32)"),
            },
            "color": {"field": "method", "title": None, "legend": {"orient": "top"}},
            "tooltip": [
                {"field": "V", "type": "quantitative", "title": _("vocabulary size V")},
                {"field": "method", "type": "nominal", "title": _("method")},
                {"field": "ms", "type": "quantitative", "title": _("milliseconds per step")},
            ],
        },
    }


# --- seed 003: difference vectors compared (the seeds' worked examples) ---------------------


def difference_bars(vectors: pd.DataFrame) -> dict:
    """Difference vectors side by side, one bar per dimension: equal vectors, equal bars.

    ``vectors`` has one column per difference ("中国 − 北京", ...) and one row per dimension,
    as :func:`~explorer.lessons.similarity.capital_differences` returns them.
    """
    values = [
        {"dim": int(i), "pair": str(pair), "value": round(float(v), 4)}
        for pair in vectors.columns
        for i, v in enumerate(vectors[pair])
    ]
    return {
        **base(260),
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "dim", "type": "ordinal", "title": _("dimension")},
            "xOffset": {"field": "pair", "sort": list(map(str, vectors.columns))},
            "y": {"field": "value", "type": "quantitative", "title": _("value")},
            "color": {
                "field": "pair",
                "title": None,
                "sort": list(map(str, vectors.columns)),
                "scale": {"range": ["#1f77b4", "#ff7f0e", "#9e9e9e", "#2ca02c"]},
                "legend": {"orient": "top", "labelFontSize": 15},
            },
            "tooltip": [
                {"field": "pair", "type": "nominal", "title": _("difference")},
                {"field": "dim", "type": "ordinal", "title": _("dimension")},
                {"field": "value", "type": "quantitative", "title": _("value"), "format": ".3f"},
            ],
        },
    }


def huffman_tree_figure(nodes: list[dict], edges: list[dict]) -> dict:
    """The top of a Huffman tree, root on the left (``top_of_tree`` of
    :mod:`explorer.models.word2vec.huffman`): each branch marked 0 (left) or 1 (right), a
    chosen word's path in red, subtrees without a shown word as one grey leaf."""
    nodes = [{**n, "label": str(n["label"])} for n in nodes]  # labels may be messages
    for e in edges:
        e["mx"], e["my"] = (e["x"] + e["x2"]) / 2, (e["y"] + e["y2"]) / 2
    depth = max((n["x"] for n in nodes), default=0)
    x = {"field": "x", "type": "quantitative", "axis": None,
         "scale": {"domain": [-0.2, depth + 1.6]}}  # fmt: skip
    y = {"field": "y", "type": "quantitative", "axis": None, "scale": {"reverse": True}}
    on_path = {"condition": {"test": "datum.on_path", "value": "#d62728"}, "value": "#9e9e9e"}
    leaves = sum(n["kind"] != "node" for n in nodes)
    count = {"field": "count", "type": "quantitative", "title": _("count below"), "format": ","}
    return {
        **base(max(240, 22 * leaves)),
        "layer": [
            {
                "data": {"values": edges},
                "mark": {"type": "rule"},
                "encoding": {
                    "x": x, "y": y, "x2": {"field": "x2"}, "y2": {"field": "y2"},
                    "color": on_path,
                    "strokeWidth": {"condition": {"test": "datum.on_path", "value": 3.5},
                                    "value": 1.5},
                },
            },
            {
                "data": {"values": edges},
                "mark": {"type": "text", "fontSize": 12, "dy": -7},
                "encoding": {
                    "x": x | {"field": "mx"}, "y": y | {"field": "my"},
                    "text": {"field": "bit"}, "color": on_path,
                },
            },
            {
                "data": {"values": nodes},
                "transform": [{"filter": "datum.kind == 'node'"}],
                "mark": {"type": "circle", "size": 60, "color": "#555"},
                "encoding": {"x": x, "y": y, "tooltip": [count]},
            },
            {
                "data": {"values": nodes},
                "transform": [{"filter": "datum.kind != 'node' || datum.label != ''"}],
                "mark": {"type": "text", "align": "left", "dx": 7, "fontSize": 15},
                "encoding": {
                    "x": x, "y": y, "text": {"field": "label"},
                    "color": {"condition": {"test": "datum.kind == 'more'", "value": "#9e9e9e"},
                              "value": "black"},
                    "tooltip": [{"field": "label", "title": _("word")}, count],
                },
            },
        ],
    }  # fmt: skip
