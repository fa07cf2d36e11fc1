"""Files to download: a map's coordinates as CSV, vectors as word2vec text or projector TSV.

Usage:
    >>> to_word2vec_text(wv)                  # bytes gensim's load_word2vec_format reads
    >>> vectors_tsv, metadata_tsv = to_projector_tsv(wv)   # for projector.tensorflow.org
    >>> vocabulary_csv(wv.index_to_key, wv.counts)
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
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from explorer.i18n import M_, N_, Message, shown
from explorer.io.uploads import UploadError, friendly_errors, plural
from explorer.models.vectors import Vectors

# What ends a field in the text formats (gensim splits on spaces; we also take tabs).
_TEXT_SEPARATORS = re.compile(r"[ \t\n\r\x0b\x0c]+")
_TSV_SEPARATORS = re.compile(r"[\t\n\r]+")
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


@friendly_errors(N_("export"))
def to_word2vec_text(wv: Vectors) -> bytes:
    """The word2vec text format (UTF-8): gensim's ``KeyedVectors.load_word2vec_format`` reads
    it back to the same float32 values (9 significant digits each).

    The format splits a line on spaces, so a word with a space, tab or line break in it
    cannot be written as it is: each run of them becomes ``"_"`` (see
    :func:`word2vec_text_notes`). If that makes two words the same, or a word is empty,
    :class:`~explorer.io.uploads.UploadError` says so (the projector TSV export keeps them).
    """
    words, _changed = _word2vec_words(wv.index_to_key)
    fmt = " ".join(["%.9g"] * wv.vector_size)
    lines = [f"{len(words)} {wv.vector_size}"]
    lines += [f"{w} {fmt % tuple(row)}" for w, row in zip(words, wv.vectors.tolist(), strict=True)]
    return ("\n".join(lines) + "\n").encode("utf-8")


@friendly_errors(N_("export"))
def word2vec_text_notes(wv: Vectors) -> list[Message]:
    """What :func:`to_word2vec_text` changes: a note for the page, or ``[]``."""
    _written, changed = _word2vec_words(wv.index_to_key)
    if not changed:
        return []
    example = M_("“{word}” becomes “{written}”").format(
        word=changed[0], written=_TEXT_SEPARATORS.sub("_", changed[0])
    )
    return [
        M_(
            "{words} contain spaces, which the word2vec text format cannot hold; they are "
            "written with “_” instead ({example})."
        ).format(words=plural(len(changed), M_("{n:,} word"), M_("{n:,} words")), example=example)
    ]


def _word2vec_words(words: Sequence[str]) -> tuple[list[str], list[str]]:
    written = [_TEXT_SEPARATORS.sub("_", w) for w in words]
    changed = [w for w, x in zip(words, written, strict=True) if w != x]
    if "" in written:
        raise UploadError(
            M_(
                "A word is empty, which the word2vec text format cannot hold. "
                "Export as projector TSV instead."
            )
        )
    if changed and len(set(written)) < len(written):
        clash = next(
            w for w, x in zip(words, written, strict=True) if w != x and written.count(x) > 1
        )
        raise UploadError(
            M_(
                "“{word}” has spaces, which word2vec text cannot hold, and written with “_” it "
                "would be the same as another word. Export as projector TSV instead."
            ).format(word=clash)
        )
    return written, changed


@friendly_errors(N_("export"))
def to_projector_tsv(wv: Vectors) -> tuple[bytes, bytes]:
    """``(vectors.tsv, metadata.tsv)`` for https://projector.tensorflow.org (UTF-8).

    With counts, the metadata has a header row and two columns (``word``, ``count``);
    without, one word a line. Tabs and line breaks inside a word become spaces.
    :func:`read_vectors` reads the pair back.
    """
    fmt = "\t".join(["%.9g"] * wv.vector_size)
    vectors = "".join(f"{fmt % tuple(row)}\n" for row in wv.vectors.tolist())
    labels = [_TSV_SEPARATORS.sub(" ", w) for w in wv.index_to_key]
    if wv.counts is None:
        metadata = "".join(f"{label}\n" for label in labels)
    else:
        pairs = zip(labels, wv.counts.tolist(), strict=True)
        metadata = "word\tcount\n" + "".join(f"{label}\t{c}\n" for label, c in pairs)
    return vectors.encode("utf-8"), metadata.encode("utf-8")


@friendly_errors(N_("export"))
def vocabulary_csv(index_to_key: Sequence[str], counts: Sequence[int] | np.ndarray | None) -> bytes:
    """A ``word,count`` CSV (UTF-8 with a BOM, so spreadsheets show Chinese and Japanese).

    Quoting is the csv module's. A word that a spreadsheet would run as a formula
    (starting with ``= + - @``) gets a leading ``'``, the usual guard. The header row stays
    English (``word,count``): it is part of the file format, like the projector's.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["word", "count"])
    counts = [""] * len(index_to_key) if counts is None else [int(c) for c in counts]
    for word, count in zip(index_to_key, counts, strict=True):
        writer.writerow(["'" + word if word.startswith(_FORMULA_START) else word, count])
    return buffer.getvalue().encode("utf-8-sig")
