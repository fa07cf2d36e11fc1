"""The contextual page's pictures, as Vega-Lite specs: occurrences, separation, attention.

Usage:
    >>> spec = occurrence_chart(view.xy, ["money", "river", ...], view.sentences, "bank")
    >>> spec = separation_chart([0, 1, 2], [0.5, 0.84, 0.96], [0.5, 0.76, 0.77], chance=0.5)
    >>> spec = attention_chart(weights[0, 1], ["don't", "trouble", "trouble"], "Layer 1, head 2")

The specs keep their shape from tick to tick (fixed colour domains, axes on a nice bound),
so while training plays the browser swaps only their data, as
:mod:`explorer.charts.training` explains.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from explorer.charts.spec import base
from explorer.charts.training import DIGITS, GROUP_COLOURS, OTHER_COLOUR, nice_bound
from explorer.i18n import _


def _r(x: float) -> float:
    return round(float(x), DIGITS)


def _spec(title: str, height: int | dict, **body: object) -> dict:
    return base(height, title) | body  # type: ignore[arg-type]  (height {"step": px} too)


def occurrence_chart(xy: np.ndarray, senses: Sequence[str], sentences: Sequence[str],
                     title: str, sense_order: Sequence[str] = ()) -> dict:
    """One point per occurrence, coloured by sense (``""``: unknown, grey), the sentence on hover.

    ``sense_order`` fixes the colours (the word's senses, in order) so they do not swap
    between ticks. At layer 0 every point is at the same place: the static embedding.
    """
    xy = np.asarray(xy, dtype=float)
    unknown = _("sense unknown")
    points = [{"x": _r(xy[i, 0]), "y": _r(xy[i, 1]), "sense": senses[i] or unknown,
               "sentence": sentences[i]} for i in range(len(xy))]  # fmt: skip
    names = list(dict.fromkeys([*sense_order, *(p["sense"] for p in points)]))
    colours = [OTHER_COLOUR if n == unknown else GROUP_COLOURS[i % len(GROUP_COLOURS)]
               for i, n in enumerate(names)]  # fmt: skip
    extent = nice_bound(float(np.abs(xy).max()) * 1.15 if xy.size else 1.0)
    scale = {"domain": [-extent, extent], "nice": False}
    axis = {"title": None, "labels": False, "ticks": False, "grid": True}
    return _spec(
        title,
        420,
        data={"values": points},
        mark={"type": "point", "filled": True, "size": 110, "opacity": 0.7, "clip": True},
        encoding={
            "x": {"field": "x", "type": "quantitative", "scale": scale, "axis": axis},
            "y": {"field": "y", "type": "quantitative", "scale": scale, "axis": axis},
            "color": {
                "field": "sense",
                "type": "nominal",
                "title": _("sense"),
                "scale": {"domain": names, "range": colours},
                "legend": {"orient": "bottom"},
            },
            "tooltip": [
                {"field": "sentence", "title": _("sentence")},
                {"field": "sense", "title": _("sense")},
            ],
        },
    )


def separation_chart(layers: Sequence[int], now: Sequence[float | None],
                     start: Sequence[float | None], chance: float | None) -> dict:
    """Sense separation per layer: the untrained model (step 0) beside the model now.

    A dashed rule marks chance; 1.0 is a perfect split.
    """
    names = [_("untrained (step 0)"), _("now")]
    values = [
        {"layer": str(layer), "model": name, "accuracy": _r(score)}
        for layer, pair in zip(layers, zip(start, now, strict=True), strict=True)
        for name, score in zip(names, pair, strict=True)
        if score is not None
    ]
    rules = [{"chance": _r(chance)}] if chance is not None else []
    y = {"type": "quantitative", "scale": {"domain": [0, 1]}}
    return _spec(
        _("Senses apart, layer by layer"),
        300,
        datasets={"bars": values, "chance": rules},
        layer=[
            {
                "data": {"name": "bars"},
                "mark": {"type": "bar"},
                "encoding": {
                    "x": {"field": "layer", "type": "ordinal", "title": _("layer"),
                          "axis": {"labelAngle": 0}},
                    "xOffset": {"field": "model", "sort": names},
                    # a short axis title: a long vertical one pushes the chart's title out
                    "y": {**y, "field": "accuracy", "title": _("accuracy")},
                    "color": {
                        "field": "model",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": names, "range": ["#bab0ac", "#4e79a7"]},
                        "legend": {"orient": "bottom"},
                    },
                    "tooltip": [
                        {"field": "layer", "title": _("layer")},
                        {"field": "model", "title": _("model")},
                        {"field": "accuracy", "title": _("nearest-centroid accuracy")},
                    ],
                },
            },
            {
                "data": {"name": "chance"},
                "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#d62728"},
                "encoding": {"y": {**y, "field": "chance"}},
            },
        ],
    )  # fmt: skip


def attention_chart(weights: np.ndarray, tokens: Sequence[str], title: str) -> dict:
    """One head's attention: row = the token that looks, column = the token it looks at.

    Rows sum to 1; with the causal (GPT-style) mask the upper triangle is 0. Tokens are
    numbered, so a repeated word gets two rows.
    """
    W = np.asarray(weights, dtype=float)
    labels = [f"{i + 1}. {t}" for i, t in enumerate(tokens)]
    values = [{"query": labels[i], "key": labels[j], "weight": _r(W[i, j])}
              for i in range(len(labels)) for j in range(len(labels))]  # fmt: skip
    axis = {"labelAngle": -45, "labelOverlap": False}
    return _spec(
        title,
        {"step": 34},  # px a row: Streamlit fits a fixed height, which squashed short ones
        data={"values": values},
        mark={"type": "rect"},
        encoding={
            "x": {"field": "key", "type": "ordinal", "sort": labels, "title": _("looks at"),
                  "axis": axis},
            "y": {"field": "query", "type": "ordinal", "sort": labels, "title": None},
            "color": {"field": "weight", "type": "quantitative", "title": _("attention"),
                      "scale": {"scheme": "blues", "domain": [0, 1]}},
            "tooltip": [
                {"field": "query", "title": _("token")},
                {"field": "key", "title": _("looks at")},
                {"field": "weight", "title": _("attention")},
            ],
        },
    )  # fmt: skip
