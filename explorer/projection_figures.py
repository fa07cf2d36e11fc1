"""The projection explorer's map: a Plotly scatter (WebGL for many points), 2D or 3D.

Usage:
    >>> fig = projection_map(coords, words, groups=labels, labelled=top_words,
    ...                      highlight=["cat"], neighbours=["kitten"], emphasis=examples,
    ...                      title="t-SNE")
    >>> st.plotly_chart(fig, on_select="rerun", selection_mode="points")

Every point carries its row number as ``customdata``, so a click (Plotly selection) tells
the page which word was picked, whatever trace it is in. One trace per group keeps the
legend readable; the highlighted word and its neighbours get their own traces on top.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from explorer.i18n import _

PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
]
OTHER = "#b8b8b8"  # points in no group, when there are groups: grey, so the groups stand out
WEBGL_ABOVE = 1500  # more points than this: scattergl (canvas) instead of SVG


def projection_map(
    coords: np.ndarray,
    words: Sequence[str],
    groups: Sequence[str] | None = None,
    labelled: Sequence[str] = (),
    highlight: Sequence[str] = (),
    neighbours: Sequence[str] = (),
    title: str = "",
    axis_titles: Sequence[str] = (),
    emphasis: Sequence[str] = (),
) -> dict:
    """A Plotly figure dict: one trace per group, then the neighbours, then the highlighted.

    ``groups`` names each point's group ("" for none: those points are drawn first, small and
    grey, as "other words", so that the groups stand out). ``emphasis`` words (a corpus's
    examples) are drawn larger, outlined, with bold labels, in their group's colour.
    """
    coords = np.asarray(coords, dtype=float)
    three_d = coords.shape[1] == 3
    n = len(words)
    kind = "scatter3d" if three_d else ("scattergl" if n > WEBGL_ABOVE else "scatter")
    show = set(labelled) | set(highlight) | set(neighbours)
    bold = set(emphasis)
    grouped = groups is not None
    groups = list(groups) if grouped else [""] * n
    order = sorted(dict.fromkeys(groups), key=bool)  # "" (no group) first: drawn underneath
    small = 5 if n > 2000 else 8
    traces = []

    def trace(rows: np.ndarray, name: str, colour: str, size: int, text: bool) -> dict:
        big = [words[i] in bold for i in rows]
        t = {
            "type": kind,
            "name": name,
            "customdata": rows.tolist(),
            "x": np.round(coords[rows, 0], 4).tolist(),
            "y": np.round(coords[rows, 1], 4).tolist(),
            "text": [words[i] for i in rows],
            "mode": "markers+text" if text else "markers",
            "marker": {"size": size, "color": colour, "opacity": 0.85},
            "hovertemplate": "%{text}<extra>" + name + "</extra>",
            "textposition": "top center",
            "textfont": {"size": 15},
        }
        if any(big):  # the examples: larger, outlined
            t["marker"]["size"] = [max(size, 13) if b else size for b in big]
            if not three_d:  # (3D markers take one outline width for the whole trace)
                t["marker"]["line"] = {"color": "#222", "width": [1.5 if b else 0 for b in big]}
        if text:  # label only some points of the trace: the others get an empty label
            t["texttemplate"] = [
                (f"<b>{words[i]}</b>" if b else words[i]) if words[i] in show else ""
                for i, b in zip(rows, big, strict=True)
            ]
        if three_d:
            t["z"] = np.round(coords[rows, 2], 4).tolist()
        return t

    named = [g for g in order if g]
    for name in order:
        rows = np.array([i for i in range(n) if groups[i] == name], dtype=int)
        if name:
            colour = PALETTE[named.index(name) % len(PALETTE)]
        else:
            colour = OTHER if grouped else PALETTE[0]
        label = name or (_("other words") if grouped else _("words"))
        traces.append(trace(rows, label, colour, small, text=bool(show)))
    index = {w: i for i, w in enumerate(words)}
    for name, chosen, colour, size in (
        (_("neighbours"), neighbours, "#ff7f0e", 12),
        (_("chosen"), highlight, "#d62728", 16),
    ):
        rows = np.array([index[w] for w in chosen if w in index], dtype=int)
        if len(rows):
            traces.append(trace(rows, name, colour, size, text=True))
    axes = {"showticklabels": False, "zeroline": False}
    layout = {
        "title": {"text": title, "x": 0.01, "font": {"size": 18}},
        "height": 620,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "template": {},
        "legend": {"orientation": "h", "y": -0.05},
        "uirevision": "keep",
        "dragmode": "pan" if not three_d else "orbit",
        "clickmode": "event+select",
    }
    titles = list(axis_titles) + ["", "", ""]
    if three_d:
        layout["scene"] = {
            a: {**axes, "title": {"text": t}}
            for a, t in zip(("xaxis", "yaxis", "zaxis"), titles, strict=False)
        }
    else:
        layout["xaxis"] = {**axes, "title": {"text": titles[0]}}
        layout["yaxis"] = {**axes, "title": {"text": titles[1]}, "scaleanchor": "x"}
    return {"data": traces, "layout": layout}


def figure_html(fig: dict) -> str:
    """A stand-alone HTML file of the figure (Plotly's JavaScript included)."""
    import plotly.io as pio

    return pio.to_html(fig, include_plotlyjs=True, full_html=True)
