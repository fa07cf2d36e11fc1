"""A map's coordinates as CSV text, for a download button or a spreadsheet.

Usage:
    >>> text = to_csv(["king", "queen"], proj.coords, clusters=["royalty", "royalty"])
    >>> print(text)
    word,x,y,cluster
    king,0.1,-0.4,royalty
    queen,0.2,-0.3,royalty

Columns ``word, x, y`` (and ``z`` for a 3D map), then ``cluster`` (empty when there are
none). Written with the ``csv`` module: a word with a comma, a quote or a line break is
quoted as spreadsheets expect, so reading the text back gives the same words. Numbers keep
enough digits to read back as the same float32 values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import numpy as np

from explorer.i18n import shown


def to_csv(
    words: Sequence[str],
    coords: np.ndarray,
    clusters: Sequence[Any] | Any | None = None,
) -> str:
    """CSV text with one row per word: ``word, x, y[, z], cluster``.

    ``clusters`` is one value per word (a name or a number), or a ``clusters.Clusters``
    (its group names; points in no group get an empty cell), or None.
    """
    coords = np.asarray(coords)
    if coords.ndim != 2 or coords.shape[1] not in (2, 3):
        raise ValueError(f"coords must be (n, 2) or (n, 3), got {coords.shape}")
    if len(words) != len(coords):
        raise ValueError(f"{len(words)} words but {len(coords)} coordinates")
    if clusters is None:
        cells = [""] * len(words)
    elif hasattr(clusters, "label_names"):
        cells = [shown(c) for c in clusters.label_names()]  # a file: in the reader's language
    else:
        cells = ["" if c is None else shown(c) for c in clusters]
    if len(cells) != len(words):
        raise ValueError(f"{len(words)} words but {len(cells)} cluster values")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["word", "x", "y", "z"][: 1 + coords.shape[1]] + ["cluster"])
    for word, xyz, cell in zip(words, coords, cells, strict=True):
        writer.writerow([word, *(_number(v) for v in xyz), cell])
    return out.getvalue()


def _number(v: float) -> str:
    """Shortest text that reads back as the same value (float32 values stay short)."""
    if isinstance(v, np.floating) and v.dtype == np.float32:
        return np.format_float_positional(v, trim="-")
    return repr(float(v))
