"""The live training page's pictures: matrices, loss, the moving map, an analogy's rank.

Usage:
    >>> fig = matrix_heatmap(W[rows], words, changed=[True, False, ...], title="W (input)")
    >>> fig = loss_figure(run.steps, run.losses)
    >>> fig = map_figure(run.map_xy, run.track, trails=list(run.trails))

Every figure keeps its size, colour scale and (for the map) its axis ranges fixed from tick to
tick where it can, so that consecutive frames differ only where the model changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from explorer.figures import BASE_FONT

CHANGED_MARK = "●"


def _base(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 18}},
        font=BASE_FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        template="plotly_white",
        uirevision="keep",  # keep zoom and hover state across updates
    )
    return fig


def matrix_heatmap(
    M: np.ndarray,
    words: Sequence[str],
    changed: Sequence[bool] | None = None,
    title: str = "",
    zmax: float | None = None,
    height: int | None = None,
) -> go.Figure:
    """Rows of a matrix as a heatmap, one row a word; rows changed by the last chunk marked."""
    M = np.asarray(M, dtype=float)
    labels = [
        f"{CHANGED_MARK} {w}" if changed is not None and changed[i] else w
        for i, w in enumerate(words)
    ]
    zmax = zmax or max(float(np.abs(M).max()) if M.size else 1.0, 1e-6)
    fig = go.Figure(
        go.Heatmap(
            z=M,
            y=labels,
            x=[f"d{j}" for j in range(M.shape[1])],
            zmin=-zmax,
            zmax=zmax,
            colorscale="RdBu",
            reversescale=True,
            colorbar={"thickness": 12},
            hovertemplate="%{y} · %{x}: %{z:.3f}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", tickfont={"size": 15})
    fig.update_xaxes(showticklabels=M.shape[1] <= 20, tickfont={"size": 11})
    return _base(fig, title, height or max(260, 34 * len(words) + 90))


def loss_figure(steps: Sequence[int], losses: Sequence[float], smooth: float = 0.9) -> go.Figure:
    """Mean loss per chunk (dots) and an exponentially smoothed line."""
    losses = np.asarray(losses, dtype=float)
    smoothed = np.empty_like(losses)
    acc = None
    for i, value in enumerate(losses):
        acc = value if acc is None else smooth * acc + (1 - smooth) * value
        smoothed[i] = acc
    fig = go.Figure(
        [
            go.Scatter(
                x=list(steps), y=losses, mode="markers", name="mean loss per chunk",
                marker={"size": 4, "color": "rgba(31,119,180,0.45)"},
            ),
            go.Scatter(
                x=list(steps), y=smoothed, mode="lines", name="smoothed",
                line={"color": "#d62728", "width": 3},
            ),
        ]
    )  # fmt: skip
    fig.update_xaxes(title="step (batches)")
    fig.update_yaxes(title="loss", rangemode="tozero")
    fig.update_layout(legend={"orientation": "h", "y": -0.3})
    return _base(fig, "Loss", 330)


def map_figure(
    xy: np.ndarray,
    words: Sequence[str],
    trails: Sequence[np.ndarray] = (),
    highlight: Sequence[str] = (),
    extent: float | None = None,
) -> go.Figure:
    """The tracked words on a 2D map, each with a faint trail of its last positions."""
    xy = np.asarray(xy, dtype=float)
    traces = []
    if trails:
        path = np.stack([*trails, xy])  # (T, n, 2)
        xs, ys = [], []
        for i in range(len(words)):
            xs += [*path[:, i, 0], None]
            ys += [*path[:, i, 1], None]
        traces.append(
            go.Scatter(
                x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                line={"color": "rgba(120,120,120,0.35)", "width": 2},
            )
        )  # fmt: skip
    colours = ["#d62728" if w in highlight else "#1f77b4" for w in words]
    traces.append(
        go.Scatter(
            x=xy[:, 0], y=xy[:, 1], mode="markers+text", text=list(words),
            textposition="top center", textfont={"size": 17}, showlegend=False,
            marker={"size": 12, "color": colours}, hovertemplate="%{text}<extra></extra>",
        )
    )  # fmt: skip
    fig = go.Figure(traces)
    if extent is None:
        extent = float(np.abs(xy).max()) * 1.25 if xy.size else 1.0
    extent = max(extent, 1e-3)
    fig.update_xaxes(range=[-extent, extent], showticklabels=False, zeroline=False)
    fig.update_yaxes(range=[-extent, extent], showticklabels=False, zeroline=False)
    return _base(fig, "Map of the tracked words (steady axes)", 480)


def rank_figure(steps: Sequence[int], ranks: Sequence[int], title: str) -> go.Figure:
    """The rank of an analogy's answer over training (1 = the model's first answer)."""
    fig = go.Figure(
        go.Scatter(x=list(steps), y=list(ranks), mode="lines+markers", marker={"size": 4})
    )
    fig.update_yaxes(type="log", autorange="reversed", title="rank (1 = first)", dtick=1)
    fig.update_xaxes(title="step (batches)")
    return _base(fig, title, 300)


def probability_figure(words: Sequence[str], probs: np.ndarray, target: str) -> go.Figure:
    """Bar chart of the top softmax probabilities, the true target in red."""
    colours = ["#d62728" if w == target else "#1f77b4" for w in words]
    fig = go.Figure(
        go.Bar(
            x=np.asarray(probs), y=list(words), orientation="h", marker={"color": colours},
            hovertemplate="%{y}: %{x:.3f}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="p(word | context)", rangemode="tozero")
    return _base(fig, "Softmax over the vocabulary: top 10", 380)
