"""Lit text: the context-window view's HTML, and tables with some rows or cells lit.

Usage:
    >>> html = window_html(["we", "are", "about", "to", "study"], position=4, window=1)
    >>> styled = lit_rows(pd.DataFrame([[0.1], [0.2]], index=["cat", "sat"]), ["sat"])
    >>> styled = lit_cells(one_hot_table)           # every non-zero cell lit

Every token is HTML-escaped: a corpus may contain "<script>" and it must show as text.
Each token is a ``<span>`` with a class (``ctx-target``, ``ctx-context``, ``ctx-other``)
so tests and styles can find them.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from explorer.i18n import _
from explorer.text.windows import context_span

if TYPE_CHECKING:  # pandas is needed only by the pages that light tables
    import pandas as pd
    from pandas.io.formats.style import Styler

TARGET_STYLE = "background:#1f77b4;color:white;font-weight:700"
CONTEXT_STYLE = "background:#ffbf47;color:#222;font-weight:600"
OTHER_STYLE = "color:#555"
#: A lit table row or cell: the context's colour, bold.
LIT_STYLE = "background-color: #ffbf47; font-weight: 600"
_BASE = "display:inline-block;padding:0.1em 0.35em;margin:0.1em;border-radius:0.3em"


def window_html(tokens: Sequence[str], position: int, window: int, label: str = "") -> str:
    """One line of tokens with the target at ``position`` and its context window lit."""
    start, stop = context_span(len(tokens), position, window)
    spans = []
    for i, tok in enumerate(tokens):
        if i == position:
            cls, style = "ctx-target", TARGET_STYLE
        elif start <= i < stop:
            cls, style = "ctx-context", CONTEXT_STYLE
        else:
            cls, style = "ctx-other", OTHER_STYLE
        spans.append(f'<span class="{cls}" style="{_BASE};{style}">{html.escape(tok)}</span>')
    prefix = f'<span class="ctx-label">{html.escape(label)}</span> ' if label else ""
    style = "font-size:1.15rem;line-height:2"
    return f'<div class="ctx-line" style="{style}">{prefix}{"".join(spans)}</div>'


def legend_html() -> str:
    """A small legend for the colours used by :func:`window_html`."""
    target, context = html.escape(_("target (centre word)")), html.escape(_("context"))
    return (
        f'<span style="{_BASE};{TARGET_STYLE}">{target}</span> '
        f'<span style="{_BASE};{CONTEXT_STYLE}">{context}</span>'
    )


def lit_rows(table: pd.DataFrame, rows: Collection, number_format: str = "{:.3f}") -> Styler:
    """``table`` with the rows whose index is in ``rows`` lit, numbers formatted."""
    styled = table.style.apply(lambda r: [LIT_STYLE if r.name in rows else ""] * len(r), axis=1)
    return styled.format(number_format)


def lit_cells(table: pd.DataFrame) -> Styler:
    """``table`` with every non-zero cell lit (a one-hot matrix's ones)."""
    return table.style.map(lambda v: LIT_STYLE if v else "")
