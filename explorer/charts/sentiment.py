"""The sentiment classifier's pictures, as Vega-Lite specs: word pushes, the polarity map.

Usage:
    >>> spec = push_bars([("great", 2.1), ("dull", -1.7)], "Which words push a review positive")
    >>> spec = polarity_figure(["good", "bad"], np.array([[0.7, 0.1], [-0.9, 0.0]]), "Polarity")
    >>> st.vega_lite_chart(spec)    # the app draws them with app.draw.vega

Both are redrawn while training plays: the order of the bars is a sort on the data (not a
list in the spec) and the axes' bounds are "nice" numbers (``charts.training.nice_bound``),
so from tick to tick the spec stays the same and the browser only swaps the data.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from explorer.charts.spec import base
from explorer.charts.training import nice_bound
from explorer.i18n import _

POSITIVE, NEGATIVE = "#1a9850", "#d73027"  # ColorBrewer RdYlGn's ends: positive green


def _r(x: float) -> float:
    return round(float(x), 3)  # enough for a bar or a point; fewer bytes per tick


def push_bars(pushes: Sequence[tuple[str, float]], title: str, height: int | None = None) -> dict:
    """A diverging bar per word: right (green) pushes the review positive, left (red) negative.

    >>> spec = push_bars([("good", 1.5), ("bad", -2.0)], "t")
    >>> spec["encoding"]["x"]["scale"]["domain"], spec["data"]["values"][0]["order"]
    ([-2.0, 2.0], 0)
    """
    bound = nice_bound(max([abs(p) for _w, p in pushes] + [1e-6]))
    values = [{"word": w, "push": _r(p), "order": i, "positive": p >= 0}
              for i, (w, p) in enumerate(pushes)]  # fmt: skip
    return {
        # the height is the whole chart's (title and axis included): 110 px, then 30 a bar
        **base(height or 110 + 30 * max(len(values), 3), title),
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "word", "type": "nominal", "title": None,
                  "sort": {"field": "order", "order": "ascending"},
                  "axis": {"labelFontSize": 16, "labelOverlap": False}},
            "x": {"field": "push", "type": "quantitative", "title": _("push on the logit"),
                  "scale": {"domain": [-bound, bound]}},
            "color": {"field": "positive", "type": "nominal", "legend": None,
                      "scale": {"domain": [True, False], "range": [POSITIVE, NEGATIVE]}},
            "tooltip": [{"field": "word", "title": _("word")},
                        {"field": "push", "title": _("push on the logit")}],
        },
    }  # fmt: skip


def polarity_figure(words: Sequence[str], xy: np.ndarray, title: str) -> dict:
    """Words on the polarity map: x the direction the output layer reads, y the rest's PCA.

    >>> spec = polarity_figure(["good", "bad"], np.array([[0.7, 0.1], [-0.9, 0.0]]), "t")
    >>> spec["layer"][1]["encoding"]["x"]["scale"]["domain"]
    [-1.0, 1.0]
    """
    xy = np.asarray(xy, dtype=float).reshape(len(words), 2)
    # one bound for both axes: distances on the map are distances between the rows
    bx = by = nice_bound(float(np.abs(xy).max()) if len(words) else 1.0)
    values = [{"word": w, "x": _r(x), "y": _r(y), "positive": x >= 0}
              for w, (x, y) in zip(words, xy, strict=True)]  # fmt: skip
    x = {"field": "x", "type": "quantitative", "scale": {"domain": [-bx, bx]},
         "title": _("← negative · the direction the output layer reads · positive →")}
    y = {"field": "y", "type": "quantitative", "scale": {"domain": [-by, by]},
         "title": _("first principal axis of the rest")}  # fmt: skip
    colour = {"field": "positive", "type": "nominal", "legend": None,
              "scale": {"domain": [True, False], "range": [POSITIVE, NEGATIVE]}}  # fmt: skip
    return {
        **base(320, title),
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "rule", "color": "#999", "strokeDash": [4, 4]},
             "encoding": {"x": {"datum": 0, "type": "quantitative"}}},
            {"mark": {"type": "circle", "size": 90, "tooltip": True},
             "encoding": {"x": x, "y": y, "color": colour}},
            {"mark": {"type": "text", "dy": -12, "fontSize": 16},
             "encoding": {"x": x, "y": y, "text": {"field": "word"}}},
        ],
    }  # fmt: skip
