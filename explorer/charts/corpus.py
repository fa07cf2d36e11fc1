"""Plotly figures the pages draw. No streamlit here: every function returns a Figure.

Usage:
    >>> fig = zipf_figure(corpus.vocab.counts, corpus.vocab.index_to_key)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from explorer.i18n import _

#: Fonts large enough to read from the back of a classroom.
BASE_FONT = {"size": 16}


def _layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        font=BASE_FONT,
        height=height,
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
        template="plotly_white",
        hovermode="closest",
    )
    return fig


def zipf_figure(counts: np.ndarray, words: Sequence[str], label_top: int = 5) -> go.Figure:
    """Rank-frequency on log-log axes, with the ideal Zipf line (frequency ~ 1 / rank).

    The ideal line is anchored at the most frequent word; the top ``label_top`` words are
    labelled on the chart, every point names its word on hover.
    """
    counts = np.asarray(counts, dtype=float)
    ranks = np.arange(1, len(counts) + 1)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=ranks,
            y=counts,
            mode="markers+text" if label_top else "markers",
            text=[w if i < label_top else "" for i, w in enumerate(words)],
            textposition="top right",
            customdata=list(words),
            hovertemplate=_("rank %{x}: <b>%{customdata}</b> × %{y}") + "<extra></extra>",
            marker={"size": 6, "color": "#1f77b4"},
            name=_("words"),
        )
    )
    if len(counts):
        fig.add_trace(
            go.Scatter(
                x=ranks,
                y=counts[0] / ranks,
                mode="lines",
                line={"dash": "dash", "color": "#d62728"},
                name=_("Zipf: count ∝ 1 / rank"),
                hoverinfo="skip",
            )
        )
    # Powers of ten only: minor log ticks ("2", "5") read as noise from afar.
    fig.update_xaxes(type="log", dtick=1, title=_("rank (1 = most frequent)"))
    fig.update_yaxes(type="log", dtick=1, title=_("count"))
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return _layout(fig, _("Rank and frequency (Zipf's law)"))
