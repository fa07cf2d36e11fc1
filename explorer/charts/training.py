"""The live training page's pictures, as Vega-Lite specs: matrices, loss, map, a rank.

Usage:
    >>> spec = matrix_heatmap(W[rows], words, changed=[True, False, ...], title="W (input)")
    >>> st.vega_lite_chart(spec)    # or altair.Chart.from_dict(spec), or vega-embed

Data goes in ``data.values`` or named ``datasets`` (Streamlit ships both as Arrow tables).
These pictures are redrawn ten times a second while training plays. Measured here in
Chromium (bench/live.py), five Plotly charts held the page to about 4 updates a second (each
update re-lays out a whole Plotly figure), while the same five as Vega-Lite specs kept up
with 10. Numbers are rounded (fewer bytes per tick); colour scales, sizes and the map's axes
stay fixed from tick to tick where they can, so that frames differ only where the model did.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import numpy as np

from explorer.charts.spec import base
from explorer.i18n import Lazy, _

#: Colours of the map's groups (Tableau 10, which Vega also uses, without its grey), and grey
#: for the words in no group.
GROUP_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948",
                 "#ff9da7", "#9c755f"]  # fmt: skip
OTHER_COLOUR = "#bab0ac"
DIGITS = 3  # what a heatmap cell or a loss needs; fewer bytes per tick

def _r(x: float) -> float:
    return round(float(x), DIGITS)


def nice_bound(x: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 5, 7 times a power of ten that is >= x.

    Scales set to a nice bound change only now and then as training moves the numbers, so
    the chart's spec stays the same from tick to tick and the browser only swaps its data
    (a full redraw costs several times more).
    """
    x = max(float(x), 1e-6)
    power = 10.0 ** np.floor(np.log10(x))
    for step in (1, 1.5, 2, 3, 5, 7, 10):
        if step * power >= x * (1 - 1e-9):
            return float(step * power)
    return float(10 * power)


def _spec(title: str | dict, height: int, **body: object) -> dict:
    return base(height, title) | body


def matrix_heatmap(
    M: np.ndarray,
    words: Sequence[str | Lazy],
    changed: Sequence[bool] | None = None,
    title: str | Lazy = "",
    zmax: float | None = None,
) -> dict:
    """Rows of a matrix as a heatmap, one row a word; rows changed by the last chunk outlined.

    Row labels and the title may be messages (a Huffman tree's "root"): translated here."""
    M = np.asarray(M, dtype=float)
    words, title = [str(w) for w in words], str(title)
    flags = [False] * len(words) if changed is None else [bool(c) for c in changed]
    zmax = nice_bound(zmax or (float(np.abs(M).max()) if M.size else 1.0))
    values = [
        {"word": words[i], "dim": j, "value": _r(M[i, j]), "changed": flags[i]}
        for i in range(M.shape[0])
        for j in range(M.shape[1])
    ]
    return _spec(
        title,
        max(200, 36 * len(words)),
        data={"values": values},
        mark={"type": "rect", "stroke": "#111"},
        encoding={
            "x": {
                "field": "dim",
                "type": "ordinal",
                "title": _("dimension"),
                "axis": {"labels": M.shape[1] <= 24, "labelAngle": 0},
            },
            "y": {
                "field": "word",
                "type": "nominal",
                "sort": list(words),
                "title": None,
                "axis": {"labelFontSize": 16, "labelOverlap": False, "labelLimit": 220},
            },
            "color": {
                "field": "value",
                "type": "quantitative",
                "title": _("value"),
                "scale": {"scheme": "redblue", "reverse": True, "domain": [-zmax, zmax]},
            },
            "tooltip": [
                {"field": "word", "title": _("word")},
                {"field": "dim", "title": _("dimension")},
                {"field": "value", "title": _("value")},
            ],
            # rows the last chunk changed get an outline (data, not spec: see nice_bound)
            "strokeWidth": {"condition": {"test": "datum.changed", "value": 1.5}, "value": 0},
        },
    )


def smooth(values: Sequence[float], weight: float = 0.9) -> np.ndarray:
    """Exponential moving average (as TensorBoard's smoothing slider)."""
    out = np.empty(len(values))
    acc = None
    for i, value in enumerate(values):
        acc = value if acc is None else weight * acc + (1 - weight) * value
        out[i] = acc
    return out


def loss_figure(steps: Sequence[int], losses: Sequence[float], max_points: int = 150) -> dict:
    """Mean loss per chunk (dots) and a smoothed line; long runs are thinned to max_points."""
    steps, losses = np.asarray(steps), np.asarray(losses, dtype=float)
    smoothed = smooth(losses)
    if len(steps) > max_points:  # keep the picture, not every point: bounded bytes per tick
        keep = np.unique(np.linspace(0, len(steps) - 1, max_points).astype(int))
        steps, losses, smoothed = steps[keep], losses[keep], smoothed[keep]
    values = [
        {"step": int(s), "loss": _r(v), "smoothed": _r(m)}
        for s, v, m in zip(steps, losses, smoothed, strict=True)
    ]
    # One view, not layers: Streamlit moves a top-level dataset into an Arrow table, which
    # layered specs did not pick up (empty chart); a fold draws both series from it, each
    # named in the interface's language (the data keeps its English field names).
    names = [_("loss"), _("smoothed")]
    quoted = [json.dumps(n, ensure_ascii=False) for n in names]
    name = f"datum.key == 'loss' ? {quoted[0]} : {quoted[1]}"
    return _spec(
        _("Loss (mean per chunk, and smoothed)"),
        300,
        data={"values": values},
        transform=[
            {"fold": ["loss", "smoothed"], "as": ["key", "value"]},
            {"calculate": name, "as": "series"},
        ],
        mark={"type": "line"},
        encoding={
            "x": {"field": "step", "type": "quantitative", "title": _("step (batches)")},
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": _("loss"),
                "scale": {"zero": True},
            },
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": names, "range": ["#9ecae1", "#d62728"]},
                "legend": {"orient": "bottom"},
            },
            "strokeWidth": {
                "field": "series",
                "type": "nominal",
                "legend": None,
                "scale": {"domain": names, "range": [1.5, 3.5]},
            },
            "tooltip": [
                {"field": "step", "type": "quantitative", "title": _("step (batches)")},
                {"field": "series", "type": "nominal", "title": _("series")},
                {"field": "value", "type": "quantitative", "title": _("loss")},
            ],
        },
    )


def map_figure(
    xy: np.ndarray,
    words: Sequence[str],
    trails: Sequence[np.ndarray] = (),
    highlight: Sequence[str] = (),
    extent: float | None = None,
    labels: Sequence[str] | None = None,
    title: str | None = None,
    groups: Mapping[str, str] | None = None,
) -> dict:
    """The tracked words on a 2D map, each with a faint trail of its last positions.

    ``labels`` (default: the words) are the texts written next to the points; an empty
    label leaves a point unlabelled. ``title`` defaults to "Map of the tracked words".
    Without ``groups``, the ``highlight`` words are red and the others blue. With ``groups``
    (word -> group name, such as a corpus's example groups), each group has its colour and a
    legend, words in no group are grey, and the ``highlight`` words are drawn larger.
    """
    if title is None:
        title = _("Map of the tracked words (PCA, steady axes)")
    xy = np.asarray(xy, dtype=float)
    frames = [*trails, xy] if len(words) and len(trails) else []
    labels = list(words) if labels is None else list(labels)
    path = [
        {"word": w, "t": t, "x": _r(f[i, 0]), "y": _r(f[i, 1])}
        for t, f in enumerate(frames)
        for i, w in enumerate(words)
    ]
    points = [
        {
            "word": w,
            "label": labels[i],
            "x": _r(xy[i, 0]),
            "y": _r(xy[i, 1]),
            "group": w in highlight,
        }
        for i, w in enumerate(words)
    ]
    if extent is None:  # a nice bound, so the axes change only now and then; trails are clipped
        extent = nice_bound(float(np.abs(xy).max()) * 1.15 if xy.size else 1.0)
    axis = {"title": None, "labels": False, "ticks": False, "grid": True}
    scale = {"domain": [-extent, extent], "nice": False}
    tooltip = {"field": "word", "title": _("word")}
    x = {"field": "x", "type": "quantitative", "scale": scale, "axis": axis}
    y = {"field": "y", "type": "quantitative", "scale": scale, "axis": axis}
    colour: dict = {
        "field": "group",
        "type": "nominal",
        "legend": None,
        "scale": {"domain": [False, True], "range": ["#1f77b4", "#d62728"]},
    }
    size: dict = {"value": 150}
    stroke: dict = {"value": 0}
    if groups is not None:  # colours by group (the legend changes only with the words)
        other = _("other words")
        for p in points:
            p["colour"] = groups.get(p["word"]) or other
        names = list(dict.fromkeys(p["colour"] for p in points if p["colour"] != other))
        colours = [GROUP_COLOURS[i % len(GROUP_COLOURS)] for i in range(len(names))]
        if len(names) < len(points) and any(p["colour"] == other for p in points):
            names, colours = [*names, other], [*colours, OTHER_COLOUR]
        colour = {
            "field": "colour",
            "type": "nominal",
            "title": None,
            "legend": {"orient": "bottom", "columns": 4, "symbolStrokeWidth": 0},
            "scale": {"domain": names, "range": colours},
        }
        size = {"condition": {"test": "datum.group", "value": 320}, "value": 150}
        stroke = {"condition": {"test": "datum.group", "value": 2}, "value": 0}
    return _spec(
        title,
        460,
        # named datasets: the spec stays the same from tick to tick, only the data changes
        datasets={"path": path, "points": points},
        layer=[
            {
                "data": {"name": "path"},
                "mark": {"type": "line", "color": "#999", "opacity": 0.5, "clip": True},
                "encoding": {"x": x, "y": y, "detail": {"field": "word"}, "order": {"field": "t"}},
            },
            {
                "data": {"name": "points"},
                "mark": {"type": "point", "filled": True, "clip": True, "stroke": "#222"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "size": size,
                    "strokeWidth": stroke,
                    "tooltip": tooltip,
                },
            },
            {
                "data": {"name": "points"},
                "mark": {"type": "text", "dy": -14, "fontSize": 17, "clip": True},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
        ],
    )


def rank_figure(steps: Sequence[int], ranks: Sequence[int], title: str) -> dict:
    """The rank of an analogy's answer over training (1 = the model's first answer)."""
    values = [{"step": int(s), "rank": int(r)} for s, r in zip(steps, ranks, strict=True)]
    return _spec(
        title,
        280,
        data={"values": values},
        mark={"type": "line", "point": True, "tooltip": True},
        encoding={
            "x": {"field": "step", "type": "quantitative", "title": _("step (batches)")},
            "y": {
                "field": "rank",
                "type": "quantitative",
                "title": _("rank (1 = first)"),
                "scale": {"type": "log", "reverse": True},
            },
        },
    )


def probability_figure(words: Sequence[str], probs: np.ndarray, target: str) -> dict:
    """Bar chart of the top softmax probabilities, the true target in red."""
    values = [
        {"word": w, "p": _r(p), "target": w == target} for w, p in zip(words, probs, strict=True)
    ]
    title = {"text": _("Softmax over the vocabulary"),  # a subtitle: narrow columns cut it
             "subtitle": _("the {n} most probable words").format(n=len(values))}  # fmt: skip
    return _spec(
        title,
        320,
        data={"values": values},
        mark={"type": "bar"},
        encoding={
            "y": {"field": "word", "type": "nominal", "sort": list(words), "title": None},
            "x": {"field": "p", "type": "quantitative", "title": _("p(word | context)")},
            "color": {
                "field": "target",
                "type": "nominal",
                "legend": None,
                "scale": {"domain": [False, True], "range": ["#1f77b4", "#d62728"]},
            },
            "tooltip": [
                {"field": "word", "title": _("word")},
                {"field": "p", "title": _("p(word | context)")},
            ],
        },
    )


def metric_figure(
    series: Mapping[str, tuple[Sequence[int], Sequence[float]]],
    title: str,
    y_title: str,
    reference: tuple[str, float] | None = None,
    max_points: int = 150,
) -> dict:
    """Figures over training, one line per named series (e.g. training and held-out
    accuracy), with an optional dashed reference line (chance, a baseline's score).

    The spec stays the same from tick to tick (only its data changes), and long runs are
    thinned to ``max_points`` per series, as the loss figure is.
    """
    values = []
    for name, (steps, ys) in series.items():
        steps, ys = np.asarray(steps), np.asarray(ys, dtype=float)
        if len(steps) > max_points:
            keep = np.unique(np.linspace(0, len(steps) - 1, max_points).astype(int))
            steps, ys = steps[keep], ys[keep]
        values += [{"step": int(s), "value": _r(v), "series": name, "dash": 0}
                   for s, v in zip(steps, ys, strict=True) if np.isfinite(v)]  # fmt: skip
    names = list(series)
    if reference is not None:
        label, level = reference
        ends = [v["step"] for v in values] or [0]
        values += [{"step": s, "value": _r(level), "series": label, "dash": 1}
                   for s in (min(ends), max(ends))]  # fmt: skip
        names.append(label)
    palette = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#7f7f7f"]
    colours = palette[: len(series)] + (["#7f7f7f"] if reference is not None else [])
    return _spec(
        title,
        280,
        data={"values": values},
        mark={"type": "line", "point": {"size": 20}},
        encoding={
            "x": {"field": "step", "type": "quantitative", "title": _("step (batches)")},
            "y": {"field": "value", "type": "quantitative", "title": y_title,
                  "scale": {"zero": False}},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "scale": {"domain": names, "range": colours},
                      "legend": {"orient": "bottom"}},
            "strokeDash": {"field": "dash", "type": "nominal", "legend": None,
                           "scale": {"domain": [0, 1], "range": [[1, 0], [6, 4]]}},
            "tooltip": [
                {"field": "step", "type": "quantitative", "title": _("step (batches)")},
                {"field": "series", "type": "nominal", "title": _("series")},
                {"field": "value", "type": "quantitative", "title": y_title, "format": ".3f"},
            ],
        },
    )  # fmt: skip
