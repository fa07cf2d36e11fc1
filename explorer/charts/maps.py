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

from explorer.i18n import Lazy, _

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
    groups: Sequence[str | Lazy] | None = None,
    labelled: Sequence[str] = (),
    highlight: Sequence[str] = (),
    neighbours: Sequence[str] = (),
    title: str = "",
    axis_titles: Sequence[str | Lazy] = (),
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
    groups = [str(g) for g in groups] if grouped else [""] * n  # names may be messages
    order = sorted(dict.fromkeys(groups), key=bool)  # "" (no group) first: drawn underneath
    small = 5 if n > 2000 else 8
    traces = []
    where = ["top center"] * n
    if show and not three_d:  # labels moved out of each other's way (in 3D they turn anyway)
        sizes = [16 if w in highlight else 13 if w in bold else small for w in words]
        texts = [w if w in show else "" for w in words]
        where = label_positions(coords, texts, sizes, [w in bold for w in words])

    def trace(rows: np.ndarray, name: str, colour: str, size: int, text: bool, ink: str) -> dict:
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
            "textposition": [where[i] for i in rows],
            "textfont": {"size": 15, "color": ink},
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
        ink = colour if name else "#444"  # a group's labels in its colour
        traces.append(trace(rows, label, colour, small, bool(show), ink))
    index = {w: i for i, w in enumerate(words)}
    for name, chosen, colour, size in (
        (_("neighbours"), neighbours, "#ff7f0e", 12),
        (_("chosen"), highlight, "#d62728", 16),
    ):
        rows = np.array([index[w] for w in chosen if w in index], dtype=int)
        if len(rows):
            traces.append(trace(rows, name, colour, size, True, colour))
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
    titles = [str(t) for t in axis_titles] + ["", "", ""]  # messages, translated here
    if three_d:
        layout["scene"] = {
            a: {**axes, "title": {"text": t}}
            for a, t in zip(("xaxis", "yaxis", "zaxis"), titles, strict=False)
        }
    else:
        layout["xaxis"] = {**axes, "title": {"text": titles[0]}}
        layout["yaxis"] = {**axes, "title": {"text": titles[1]}, "scaleanchor": "x"}
    return {"data": traces, "layout": layout}


#: Where a label may sit around its point (Plotly's ``textposition``), in order of preference.
POSITIONS = ("top center", "bottom center", "middle right", "middle left",
             "top right", "top left", "bottom right", "bottom left")  # fmt: skip


#: Each position's box, lower left corner: x = cx + a w + b r, y = cy + c h + e r (label w x h,
#: marker radius r), one row (a, b, c, e) per position.
_CORNER = np.array([
    (-0.5, 0, 0, 1), (-0.5, 0, -1, -1), (0, 1, -0.5, 0), (-1, -1, -0.5, 0),
    (0, 0.7, 0, 0.7), (-1, -0.7, 0, 0.7), (0, 0.7, -1, -0.7), (-1, -0.7, -1, -0.7),
])  # fmt: skip


def text_width(text: str, font_px: float = 15, bold: bool = False) -> float:
    """About how wide ``text`` is drawn, in pixels (a CJK character is about one em wide)."""
    ems = sum(1.0 if ord(ch) >= 0x2E80 else 0.56 for ch in text)
    return ems * font_px * (1.08 if bold else 1.0)


def label_positions(
    xy: np.ndarray,
    labels: Sequence[str],
    marker_px: Sequence[float] | float = 8,
    bold: Sequence[bool] | None = None,
    size_px: tuple[float, float] = (800, 540),
    font_px: float = 15,
) -> list[str]:
    """A ``textposition`` per point, so that labels cover each other as little as they can.

    Plotly writes each label at the same side of its point and never moves one out of
    another's way: a cluster of five examples (king, queen, prince...) became one smudge.
    Here each label, the larger points' first, takes the first of ``POSITIONS`` that overlaps
    least with the labels already placed and the other labelled points (a greedy pass, not an
    optimum). Pixels are estimated for a plot of ``size_px`` with equal axes (the map's
    ``scaleanchor``). Points with an empty label keep "top center".
    """
    xy = np.asarray(xy, dtype=float)[:, :2]
    n = len(labels)
    out = ["top center"] * n
    todo = [i for i in range(n) if labels[i]]
    if len(todo) < 2:
        return out
    sizes = np.broadcast_to(np.asarray(marker_px, dtype=float), (n,))
    bold = [False] * n if bold is None else list(bold)
    span = np.ptp(xy, axis=0) * 1.1 + 1e-9
    scale = min(size_px[0] / span[0], size_px[1] / span[1])  # pixels per unit, both axes
    centres = xy * scale
    h = font_px * 1.25
    half = sizes[todo, None] / 2
    marks = np.hstack([centres[todo] - half, centres[todo] + half])  # the labelled points
    placed = np.zeros((0, 4))
    for i in sorted(todo, key=lambda i: -sizes[i]):
        (cx, cy), r, w = centres[i], sizes[i] / 2 + 1, text_width(labels[i], font_px, bold[i])
        x0 = cx + _CORNER[:, 0] * w + _CORNER[:, 1] * r
        y0 = cy + _CORNER[:, 2] * h + _CORNER[:, 3] * r
        boxes = np.stack([x0, y0, x0 + w, y0 + h], axis=1)
        cost = _overlap(boxes, placed) + _overlap(boxes, marks)
        best = int(np.argmin(cost))  # ties: the earlier, more usual position
        out[i] = POSITIONS[best]
        placed = np.vstack([placed, boxes[best]])
    return out


def _overlap(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The area each of ``boxes`` shares with ``others``, summed (boxes are x0, y0, x1, y1)."""
    if not len(others):
        return np.zeros(len(boxes))
    b, o = boxes[:, None, :], others[None, :, :]
    dx = np.minimum(b[..., 2], o[..., 2]) - np.maximum(b[..., 0], o[..., 0])
    dy = np.minimum(b[..., 3], o[..., 3]) - np.maximum(b[..., 1], o[..., 1])
    return (np.clip(dx, 0, None) * np.clip(dy, 0, None)).sum(axis=1)


def figure_html(fig: dict) -> str:
    """A stand-alone HTML file of the figure (Plotly's JavaScript included)."""
    import plotly.io as pio

    return pio.to_html(fig, include_plotlyjs=True, full_html=True)
