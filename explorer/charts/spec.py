"""What every chart of the app shares: fonts readable from the back of a room, full width.

Usage:
    >>> from explorer.charts.spec import base
    >>> {**base(320, "Loss"), "data": {"values": rows}, "mark": "line", "encoding": {...}}
"""

from __future__ import annotations

#: Fonts large enough to read from the back of a classroom.
CONFIG = {
    "axis": {"labelFontSize": 14, "titleFontSize": 15},
    "legend": {"labelFontSize": 14, "titleFontSize": 14},
    "title": {"fontSize": 18, "anchor": "start"},
    "view": {"stroke": None},
}
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def base(height: int, title: str | dict | None = None) -> dict:
    """The top of a Vega-Lite spec: schema, the shared config, the container's width,
    ``height`` pixels and (if given) a title; add data, marks and encodings to it."""
    top = {"$schema": SCHEMA, "config": CONFIG, "width": "container", "height": height}
    return top | ({"title": title} if title is not None else {})
