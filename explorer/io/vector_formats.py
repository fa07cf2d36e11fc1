"""Word vectors read from a file: word2vec text and binary, GloVe, fastText ``.vec``, projector TSV.

Usage:
    >>> wv, notes = read_vectors("glove.6B.50d.txt", data)     # data: the uploaded bytes
    >>> wv.most_similar("king", topn=3)
    >>> wv, notes = read_vectors("vectors.tsv", tsv, metadata=labels_tsv)

Writing them is :mod:`explorer.io.export`'s. One module of about 680 lines: one reader
for four formats that are told apart by their content, so the sniffing, the shared
row checks and every refusal's wording stay together.

Formats, told apart by the content (the name only decides when the content can't):
    - **word2vec text** (also fastText ``.vec``): a header line ``"N D"``, then N lines
      ``word x1 ... xD``.
    - **word2vec binary** (gensim's ``binary=True``, word2vec.c's ``.bin``): the same header,
      then for each word its UTF-8 bytes, a space and D little-endian float32s.
    - **GloVe text**: the word2vec text format without the header line.
    - **TensorFlow projector TSV**: ``vectors.tsv`` holds only numbers, tab-separated, one
      vector a line; the words come from ``metadata`` (``metadata.tsv``): one label a line,
      or, with several tab-separated columns, a header row and the word in the first
      column (a ``count`` column, if any, becomes the counts). Without metadata the rows
      are named ``#1``, ``#2``...

Pickles are never loaded: a ``.model``/``.pkl``/``.pickle``/``.joblib`` file, or any file
that starts like a pickle, is refused (a pickle can run code when it is loaded).

What is checked, and what is done (every refusal is an ``UploadError``, see
:mod:`explorer.io.uploads`):
    - A header that disagrees with the file (vector count or dimension): refused, saying
      what the header claims and what the file holds. Lines of different lengths: refused,
      naming the line. A dimension of 0, an empty file, fewer than 2 vectors: refused.
    - NaN or infinite values: the row is **dropped, with a note** (one bad row in a big
      downloaded file should not cost the rest).
    - A repeated word: the first vector is kept, the others dropped, with a note.
    - Words are plain strings, kept as they are: ``"<script>"`` is a word like any other,
      and the page escapes what it shows.
    - ``max_rows``: only the first rows are parsed (files usually list the most frequent
      words first); a note says how many were left out.

Parsing the numbers goes through pandas' C reader: a 50,000 x 300 text file (136 MB) takes
under two seconds.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np

from explorer.i18n import M_, N_, Message
from explorer.io.uploads import (
    MAX_UPLOAD_BYTES,
    UploadError,
    as_bytes,
    check_size,
    decode_upload,
    extension,
    friendly_errors,
    plural,
)
from explorer.models.vectors import Vectors
from explorer.text.encoding import BINARY_SIGNATURES, DecodeError, decode_bytes, utf16_without_bom

PICKLE_EXTENSIONS = (".model", ".pkl", ".pickle", ".joblib")
VECTOR_EXTENSIONS = (".txt", ".vec", ".bin", ".tsv")  # for help text; content decides

# Spaces only: "1<tab>0" is a row of a projector vectors.tsv, not a header.
_HEADER = re.compile(rb" *(\d+) +(\d+) *\r?")
# A word2vec binary word never holds ASCII control bytes; finding one means the reader
# is out of step with the file (a wrong dimension in the header, or a damaged file).
_CONTROL = re.compile(rb"[\x00-\x1f\x7f]")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")
_MAX_WORD_BYTES = 4096
_UTF16_SAMPLE = 65_536  # even, so that UTF-16 pairs stay whole


def pickle_refusal(name: str) -> Message:
    """Why a pickle is not opened, and what to upload instead."""
    return M_(
        "{name} is a Python pickle, which can run code when loaded, so it was not opened. "
        "Export word2vec text with model.wv.save_word2vec_format(path) instead."
    ).format(name=name)


def is_pickle(name: str, data: bytes) -> bool:
    """A pickle by its name (``.pkl``, gensim's ``.model``...) or by its first bytes."""
    return extension(name) in PICKLE_EXTENSIONS or (
        len(data) > 1 and data[0] == 0x80 and 1 < data[1] <= 5
    )


@dataclass
class _Rows:
    """What a format reader found, before the clean-up common to all formats."""

    words: list[str]
    vectors: np.ndarray
    places: list[int]  # for notes: each row's line number (or vector number, if binary)
    notes: list[Message] = field(default_factory=list)
    counts: np.ndarray | None = None
    left_out: int = 0  # rows past max_rows, counted but not read
    binary: bool = False

    def where(self, i: int) -> Message:
        """Where row ``i`` is in the file, for a note: ``"line 12"`` or ``"vector 12"``."""
        where = M_("vector {n:,}") if self.binary else M_("line {n:,}")
        return where.format(n=self.places[i])


@friendly_errors(N_("vector file"))
def read_vectors(
    name: str,
    data: bytes,
    max_rows: int | None = 50_000,
    metadata: bytes | None = None,
    max_bytes: int | None = MAX_UPLOAD_BYTES,
) -> tuple[Vectors, list[Message]]:
    """Read uploaded word vectors: ``(vectors, notes)``; the notes are messages for the page.

    ``max_rows`` keeps the first rows only (None: all). ``metadata`` is the projector's
    ``metadata.tsv`` for a ``vectors.tsv``. Raises :class:`~explorer.io.uploads.UploadError`
    with a message for the page when the file can't be used (see the module docstring).

    >>> wv, notes = read_vectors("tiny.txt", b"2 3\\ncat 1 0 0\\ndog 0 1 0\\n")
    >>> wv.index_to_key, [str(note) for note in notes]
    (['cat', 'dog'], ['Read as word2vec text: 2 vectors of 3 numbers.'])
    """
    data = as_bytes(data)
    check_size(name, data, max_bytes)
    if metadata is not None:
        metadata = as_bytes(metadata)
        check_size(M_("The metadata file"), metadata, max_bytes)
    if max_rows is not None and max_rows < 1:
        raise UploadError(M_("max_rows must be at least 1 (or None to read every row)."))
    _refuse_other_files(name, data)
    data = _utf8_compatible(name, data)

    first_line, _newline, body = data.lstrip(b"\r\n\t ").partition(b"\n")
    header = _HEADER.fullmatch(first_line)
    if header:
        n, d = int(header[1]), int(header[2])
        if d == 0:
            raise UploadError(
                M_(
                    "The header of {name} says the vectors have 0 numbers. "
                    "A vector file needs at least one number per word."
                ).format(name=name)
            )
        if n == 0:
            raise UploadError(
                M_(
                    "The header of {name} says it holds 0 vectors: there is nothing to read.",
                    name=name,
                )
            )
        if _looks_binary(name, body, d):
            rows = _read_binary(name, body, n, d, max_rows)
        else:
            rows = _read_text(name, body, max_rows, words=True, header=(n, d))
    else:
        kind = _headerless_kind(name, first_line)
        if kind == "projector":
            rows = _read_text(name, data, max_rows, words=False)
            _name_projector_rows(rows, metadata)
        else:
            rows = _read_text(name, data, max_rows, words=True)
            if metadata is not None:
                note = M_("The metadata file was not used: this file has its own words.")
                rows.notes.append(note)
    return _finish(name, rows)


# --- refusals before any parsing ---------------------------------------------------------


def _refuse_other_files(name: str, data: bytes) -> None:
    if not data.strip():
        raise UploadError(M_("{name} is empty. Upload a file of word vectors.").format(name=name))
    if is_pickle(name, data):
        raise UploadError(pickle_refusal(name))
    if extension(name) == ".npz" or data.startswith(b"PK\x03\x04"):
        raise UploadError(
            M_(
                "{name} is a ZIP archive (a saved .npz model is one), not word vectors. Open a "
                "saved model with the model upload; vectors must be word2vec, GloVe or TSV "
                "files."
            ).format(name=name)
        )
    if data.startswith(b"\x1f\x8b"):
        raise UploadError(
            M_(
                "{name} is gzip-compressed. Unpack it first (for example: gunzip {name}) "
                "and upload the file inside."
            ).format(name=name)
        )
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise UploadError(
                M_(
                    "{name} looks like {what}, not word vectors. "
                    "Upload a word2vec, GloVe, fastText .vec or projector .tsv file."
                ).format(name=name, what=M_(what))
            )


def _utf8_compatible(name: str, data: bytes) -> bytes:
    """Bytes the line-based readers can split: a UTF-16/32 text becomes UTF-8, a BOM goes.

    UTF-16 without a mark (Windows "Unicode" text) is recognised by its NULs on the first
    64 KB; a word2vec binary file has NULs too, but in both bytes of its pairs.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_upload(name, data).text.encode("utf-8")
    start = data[:_UTF16_SAMPLE]
    if b"\x00" in start and utf16_without_bom(start):
        return decode_upload(name, data).text.encode("utf-8")
    return data


def _looks_binary(name: str, body: bytes, d: int) -> bool:
    """After a header: word2vec binary (True) or text (False)?"""
    first = body[: 4 * d + _MAX_WORD_BYTES].split(b"\n", 1)[0].strip()
    fields = first.split()
    if len(fields) == d + 1 and not _CONTROL.search(first) and all(map(_is_number, fields[1:])):
        return False
    if extension(name) == ".bin":
        return True
    sample = body[: 4 * d + _MAX_WORD_BYTES]
    if _BINARY_BYTES.search(sample):
        return True
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as e:
        # Cutting the sample may split the last character; anything earlier is binary.
        return e.start < len(sample) - 4
    return False


def _headerless_kind(name: str, first_line: bytes) -> str:
    """``"projector"`` (numbers only) or ``"glove"`` (a word, then numbers); else refuse.

    A first line of numbers only is a projector row if it is tab-separated or the file a
    ``.tsv``; otherwise it is GloVe whose first word happens to be a number ("1", "nan").
    """
    fields = first_line.split()
    tsv = b"\t" in first_line or extension(name) == ".tsv"
    if tsv and all(map(_is_number, fields)):
        return "projector"
    if len(fields) == 1:
        raise UploadError(
            M_(
                "Line 1 of {name} holds only “{token}”, with no numbers. Each line of "
                "a vector file is a word followed by its numbers (a metadata.tsv goes with a "
                "vectors.tsv)."
            ).format(name=name, token=_show(fields[0]))
        )
    if not all(map(_is_number, fields[1:])):
        raise UploadError(
            M_(
                "{name} looks like plain text, not word vectors: each line should be a word "
                "followed by numbers. To train on a text, upload it as a corpus instead."
            ).format(name=name)
        )
    return "glove"


# --- the readers -------------------------------------------------------------------------


def _read_text(
    name: str,
    body: bytes,
    max_rows: int | None,
    words: bool,
    header: tuple[int, int] | None = None,
) -> _Rows:
    """word2vec text (with ``header``), GloVe (``words`` without header), projector vectors."""
    first_lineno = 2 if header else 1
    limit = max_rows if header is None else min(header[0], max_rows or header[0])
    lines, linenos, rest = _take_lines(body, first_lineno, limit)
    left_out = _count_lines(rest)
    if header is not None:
        n, d = header
        found = len(lines) + left_out
        if found != n:
            raise UploadError(
                M_(
                    "The header of {name} says it holds {vectors}, but the file holds "
                    "{found:,}. Fix the first line (“{found} {d}”) or check the file is "
                    "complete."
                ).format(name=name, vectors=_vectors(n), found=found, d=d)
            )
    if not lines:
        raise UploadError(M_("{name} holds no vectors, only a header line.").format(name=name))

    raw_words: list[bytes] = []
    if words:
        numbers = []
        for line in lines:
            parts = line.split(None, 1)
            raw_words.append(parts[0])
            numbers.append(parts[1] if len(parts) > 1 else b"")
    else:
        numbers = lines
    blob = b"\n".join(numbers)
    # Most files use single spaces: then counting spaces is enough (and much faster).
    single_spaced = not any(sep in blob for sep in (b"  ", b"\t", b"\r", b"\x0b", b"\x0c"))
    if single_spaced:
        counts = [r.count(b" ") + 1 if r else 0 for r in numbers]
    else:
        counts = [len(r.split()) for r in numbers]

    dim = header[1] if header else counts[0]
    if dim == 0:
        raise UploadError(
            M_(
                "Line {line} of {name} holds a word but no numbers. Each line of a vector "
                "file is a word followed by its numbers."
            ).format(line=linenos[0], name=name)
        )
    bad = next((i for i, c in enumerate(counts) if c != dim), None)
    if bad is not None:
        if header and bad == 0:
            raise UploadError(
                M_(
                    "The header of {name} says each vector has {dim:,} numbers, but line "
                    "{line} holds {count:,}. Fix the header or check the file."
                ).format(name=name, dim=dim, line=linenos[0], count=counts[0])
            )
        if header:
            message = M_(
                "Line {line:,} of {name} holds {count:,} numbers, but the header says "
                "{dim:,}. Every vector must have the same length; fix or remove that line."
            )
        else:
            message = M_(
                "Line {line:,} of {name} holds {count:,} numbers, but line {first} holds "
                "{dim:,}. Every vector must have the same length; fix or remove that line."
            )
        raise UploadError(
            message.format(line=linenos[bad], name=name, count=counts[bad], dim=dim,
                           first=linenos[0])
        )  # fmt: skip
    vectors = _parse_numbers(name, blob, numbers, linenos, dim, single_spaced)

    kind = N_("word2vec text") if header else (N_("GloVe text") if words else N_("projector TSV"))
    if header and extension(name) == ".vec":
        kind = N_("fastText .vec (word2vec text)")
    notes = [_read_as(kind, len(lines), dim)]
    if left_out:
        notes.append(_limit_note(len(lines), left_out))
    words_ = _decode_words(name, raw_words, notes) if words else []
    return _Rows(words_, vectors, linenos, notes, left_out=left_out)


def _take_lines(
    body: bytes, first_lineno: int, limit: int | None
) -> tuple[list[bytes], list[int], bytes]:
    """Up to ``limit`` non-blank lines (stripped), their line numbers, and the unread rest."""
    lines: list[bytes] = []
    linenos: list[int] = []
    lineno = first_lineno
    rest = body
    while rest and (limit is None or len(lines) < limit):
        if limit is None:
            pieces, rest = rest.split(b"\n"), b""
        else:
            # maxsplit: the lines past the limit are never split, let alone parsed.
            pieces = rest.split(b"\n", limit - len(lines))
            rest = pieces.pop() if len(pieces) > limit - len(lines) else b""
        for piece in pieces:
            piece = piece.strip()
            if piece:
                lines.append(piece)
                linenos.append(lineno)
            lineno += 1
    return lines, linenos, rest


def _count_lines(rest: bytes) -> int:
    """Non-blank lines in ``rest`` (counted, not parsed)."""
    if not rest.strip():
        return 0
    return sum(1 for line in rest.split(b"\n") if line.strip())


def _parse_numbers(
    name: str,
    blob: bytes,
    numbers: list[bytes],
    linenos: list[int],
    dim: int,
    single_spaced: bool,
) -> np.ndarray:
    import pandas as pd

    try:
        # Values too big for float32 become inf (their rows are dropped later): quietly.
        with np.errstate(over="ignore"):
            frame = pd.read_csv(
                io.BytesIO(blob),
                sep=" " if single_spaced else r"\s+",
                header=None,
                dtype=np.float32,
                engine="c",
                quoting=csv.QUOTE_NONE,
                skip_blank_lines=False,
            )
        vectors = frame.to_numpy(dtype=np.float32)
    except (ValueError, pd.errors.ParserError):
        vectors = None
    if vectors is None or vectors.shape != (len(numbers), dim):
        _report_bad_number(name, numbers, linenos)
        raise UploadError(
            M_("The numbers in {name} could not be read. Check that it is a vector file.").format(
                name=name
            )
        )
    return np.ascontiguousarray(vectors)


def _report_bad_number(name: str, numbers: list[bytes], linenos: list[int]) -> None:
    for line, lineno in zip(numbers, linenos, strict=True):
        for token in line.split():
            if not _is_number(token):
                raise UploadError(
                    M_(
                        "Line {line:,} of {name} holds “{token}” where a number should "
                        "be. Fix or remove that line."
                    ).format(line=lineno, name=name, token=_show(token))
                )


def _read_binary(name: str, body: bytes, n: int, d: int, max_rows: int | None) -> _Rows:
    want = n if max_rows is None else min(n, max_rows)
    step = 4 * d
    size = len(body)
    raw_words: list[bytes] = []
    offsets: list[int] = []
    pos = 0
    for i in range(want):
        while pos < size and body[pos] == 0x0A:  # word2vec.c ends each vector with "\n"
            pos += 1
        space = body.find(b" ", pos, pos + _MAX_WORD_BYTES)
        word = body[pos:space]
        message = None
        if space == -1 or space + 1 + step > size:
            message = M_(
                "The header of {name} says it holds {n:,} vectors of {d:,} numbers, but the "
                "file holds only {complete:,} complete vectors. Fix the header, or check that "
                "the file is complete and really word2vec binary."
            )
        elif not word or _CONTROL.search(word):
            message = M_(
                "The header of {name} says it holds {n:,} vectors of {d:,} numbers, but the "
                "file holds something other than a word where vector {vector:,} should start. "
                "Fix the header, or check that the file is complete and really word2vec binary."
            )
        if message:
            raise UploadError(message.format(name=name, n=n, d=d, complete=i, vector=i + 1))
        raw_words.append(word)
        offsets.append(space + 1)
        pos = space + 1 + step
    if want == n and body[pos:].strip():
        raise UploadError(
            M_(
                "The header of {name} says it holds {n:,} vectors of {d:,} numbers, but more "
                "data follows them. Fix the header, or check that the file really is "
                "word2vec binary."
            ).format(name=name, n=n, d=d)
        )
    vectors = np.empty((len(offsets), d), dtype=np.float32)
    for i, offset in enumerate(offsets):
        vectors[i] = np.frombuffer(body, dtype="<f4", count=d, offset=offset)
    notes = [_read_as(N_("word2vec binary"), len(offsets), d)]
    if want < n:
        notes.append(_limit_note(want, n - want))
    words = _decode_words(name, raw_words, notes)
    return _Rows(words, vectors, list(range(1, len(words) + 1)), notes, binary=True)


def _name_projector_rows(rows: _Rows, metadata: bytes | None) -> None:
    """Give a projector ``vectors.tsv``'s rows their words (from ``metadata``, or numbers)."""
    n = len(rows.vectors)
    if metadata is None:
        rows.words = [f"#{i + 1}" for i in range(n)]
        rows.notes.append(
            M_(
                "These vectors have no words (a projector vectors.tsv): the rows are named #1, "
                "#2... Upload its metadata.tsv too to see the words."
            )
        )
        return
    text = decode_upload(M_("The metadata file"), metadata).text
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    counts = None
    if lines and "\t" in lines[0]:
        header = [h.strip().lower() for h in lines[0].split("\t")]
        cells = [line.split("\t") for line in lines[1:]]
        labels = [c[0] for c in cells]
        counts = _count_column(header, cells)
        how = M_("the first of its {n} columns, after its header row").format(n=len(header))
    else:
        labels = lines
        how = M_("one label a line")
    expected = n + rows.left_out
    if len(labels) != expected:
        raise UploadError(
            M_(
                "The metadata file has {labels} ({how}) but the vectors file has {rows:,} "
                "rows; they must match line for line. Upload the pair that belongs together."
            ).format(
                labels=plural(len(labels), M_("{n:,} label"), M_("{n:,} labels")),
                how=how,
                rows=expected,
            )
        )
    rows.words = [label.strip() for label in labels[:n]]
    rows.counts = None if counts is None else counts[:n]
    rows.notes.append(M_("Words from the metadata file ({how}).").format(how=how))


def _count_column(header: list[str], cells: list[list[str]]) -> np.ndarray | None:
    for name in ("count", "counts", "frequency", "freq"):
        if name in header:
            i = header.index(name)
            try:
                return np.array([int(c[i]) for c in cells], dtype=np.int64)
            except (ValueError, IndexError):
                return None
    return None


# --- the clean-up common to all formats --------------------------------------------------


def _finish(name: str, rows: _Rows) -> tuple[Vectors, list[Message]]:
    words, vectors, where, notes = rows.words, rows.vectors, rows.where, rows.notes
    keep = np.ones(len(words), dtype=bool)

    empty = [i for i, w in enumerate(words) if not w]
    if empty:
        keep[empty] = False
        notes.append(
            M_("Dropped {rows} without a word (the first: {where}).").format(
                rows=plural(len(empty), M_("{n:,} row"), M_("{n:,} rows")), where=where(empty[0])
            )
        )

    finite = np.isfinite(vectors).all(axis=1)
    bad = np.flatnonzero(~finite & keep)
    if len(bad):
        keep &= finite
        i = int(bad[0])
        notes.append(
            M_(
                "Dropped {vectors} holding NaN or infinite values (the first: “{word}”, {where})."
            ).format(vectors=_vectors(len(bad)), word=words[i], where=where(i))
        )

    seen: set[str] = set()
    repeated: list[int] = []
    for i in np.flatnonzero(keep):
        if words[i] in seen:
            repeated.append(int(i))
        else:
            seen.add(words[i])
    if repeated:
        keep[repeated] = False
        notes.append(
            M_(
                "Dropped {words}, keeping the first vector of each "
                "(the first repeat: “{word}”, {where})."
            ).format(
                words=plural(len(repeated), M_("{n:,} repeated word"), M_("{n:,} repeated words")),
                word=words[repeated[0]],
                where=where(repeated[0]),
            )
        )

    index = np.flatnonzero(keep)
    if len(index) < 2:
        dropped = len(index) < len(words)
        if len(index) == 0:
            message = (
                M_(
                    "{name} holds no vector after dropping the unusable rows; at least two "
                    "are needed to compare words. Upload a file with more vectors."
                )
                if dropped
                else M_(
                    "{name} holds no vector; at least two are needed to compare words. "
                    "Upload a file with more vectors."
                )
            )
        else:
            message = (
                M_(
                    "{name} holds only one vector after dropping the unusable rows; at least "
                    "two are needed to compare words. Upload a file with more vectors."
                )
                if dropped
                else M_(
                    "{name} holds only one vector; at least two are needed to compare words. "
                    "Upload a file with more vectors."
                )
            )
        raise UploadError(message.format(name=name))
    counts = None if rows.counts is None else rows.counts[index]
    return Vectors([words[i] for i in index], vectors[index], counts), notes


# --- small helpers -----------------------------------------------------------------------


def _is_number(token: bytes) -> bool:
    try:
        float(token)
    except ValueError:
        return False
    return True


def _decode_words(name: str, raw: list[bytes], notes: list[Message]) -> list[str]:
    joined = b"\n".join(raw)
    try:
        return joined.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        pass
    try:
        decoded = decode_bytes(joined)
    except DecodeError:
        decoded = None
    words = None if decoded is None else decoded.text.split("\n")
    if words is None or len(words) != len(raw):
        raise UploadError(
            M_(
                "The words in {name} are not in an encoding the app reads (UTF-8, UTF-16, "
                "GB18030, Shift-JIS, Windows-1252...). Save the file as UTF-8 and try again."
            ).format(name=name)
        )
    notes.append(
        M_("The words were read as {encoding}, a guess (the file is not UTF-8).").format(
            encoding=M_(decoded.label)
        )
    )
    return words


def _read_as(kind: str, n: int, dim: int) -> Message:
    """The first note: the format (English, marked with ``N_``) and the size."""
    return M_("Read as {kind}: {n:,} vectors of {dim:,} numbers.", kind=M_(kind), n=n, dim=dim)


def _limit_note(kept: int, left_out: int) -> Message:
    return M_(
        "Read only the first {vectors}, leaving out {left_out:,} more "
        "(vector files usually list the most frequent words first)."
    ).format(vectors=_vectors(kept), left_out=left_out)


def _vectors(n: int) -> Message:
    return plural(n, M_("{n:,} vector"), M_("{n:,} vectors"))


def _show(token: bytes, width: int = 40) -> str:
    text = token.decode("utf-8", errors="replace")
    return text if len(text) <= width else text[: width - 1] + "…"
