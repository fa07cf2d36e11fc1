"""Read people's own corpora: text and table files in any supported encoding, checked first.

Usage:
    >>> upload = read_corpus_files([("notes.txt", b"The cat sat. The dog ran.")])
    >>> upload.n_sentences, upload.n_tokens, upload.vocab_size
    (2, 6, 5)
    >>> str(upload.summary["Encoding"]), upload.top_words(2)  # values: text or messages
    ('notes.txt: UTF-8', [('the', 2), ('cat', 1)])
    >>> corpus = upload.corpus                  # an explorer.text.corpus.Corpus, ready to explore
    >>> table_columns("reviews.csv", b"id,text\\n1,Great film")
    ['id', 'text']

A big upload is read in two steps, so that a page can tokenize it in the background with
a progress bar (``Job`` is :class:`explorer.jobs.Job`)::

    prepared = prepare_corpus_files(files)          # quick: decode, tables, notes
    if needs_background(prepared):                   # seconds of jieba or janome
        job = Job(lambda report: tokenize_upload(prepared, report=report)).start()
    else:
        upload = tokenize_upload(prepared)

Every refusal is an :class:`UploadError` (a ``ValueError``) whose message is one or two
sentences for the page: what is wrong and what to do. Nothing else escapes the public
functions here, in :mod:`explorer.io.vector_formats` or in :mod:`explorer.io.model_upload`
(see :func:`friendly_errors`), so a page can swap its state only after a success.

What is accepted:
    - ``.txt`` and ``.md``: the whole text.
    - ``.csv`` and ``.tsv``: one column of a table with a header row, one row per line.
      The delimiter of a ``.csv`` is the one its header line uses most (``,``, ``;``,
      tab or ``|``). Without ``text_column`` the column is guessed (:func:`guess_text_column`).
    - Several files at once: each is decoded on its own (they may use different
      encodings), then they are joined, one after the other.
    - Every encoding :func:`explorer.text.encoding.decode_bytes` reads, guessed when the file
      does not say, and files with terminal colour codes or stray control characters
      (removed); the notes say what was guessed and what was removed.

The size limit (``max_bytes``, 50 MB like the app's Streamlit setting) holds for each file
and for all of them together. A vocabulary larger than ``max_vocab`` is not refused: the
upload says how many words the live trainer will keep (``upload.max_vocab``; pass it to
``Word2VecConfig(max_vocab=...)``).
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from explorer.i18n import M_, N_, Joined, Lazy, Lowered, Message, message_of
from explorer.jobs import Cancelled
from explorer.text.corpus import SCRIPT_NAMES, Corpus
from explorer.text.encoding import Decoded, DecodeError, decode_bytes
from explorer.text.tokenize import detect_script, tokenize
from explorer.text.vocab import Vocabulary

if TYPE_CHECKING:
    import pandas as pd

MAX_UPLOAD_BYTES = 50 * 2**20  # the same as .streamlit/config.toml's maxUploadSize
LIVE_MAX_VOCAB = 5_000  # the live trainer stays interactive up to about this many words
TEXT_EXTENSIONS = (".txt", ".md")
TABLE_EXTENSIONS = (".csv", ".tsv")
CORPUS_EXTENSIONS = TEXT_EXTENSIONS + TABLE_EXTENSIONS
TOP_WORDS = 20

# Column names that usually hold the text, best first (compared lowercased).
_TEXT_COLUMN_NAMES = (
    "text", "content", "body", "sentence", "sentences", "document", "review", "comment",
    "message", "abstract", "description", "tweet", "title",
)  # fmt: skip
_DELIMITERS = (",", ";", "\t", "|")
_SCRIPT_SAMPLE = 20_000
#: Tokenizing that should take longer than this runs in the background (see needs_background).
BACKGROUND_AFTER_SECONDS = 0.5
CHUNK_CHARS = 20_000  # a piece of text tokenized between two progress reports
_SPACED_PER_SECOND = 2_000_000
_CHINESE_PER_SECOND = 190_000
_JAPANESE_PER_SECOND = 27_000
_ESTIMATE_SAMPLE = 200_000
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_KANA_CHARS = re.compile(r"[\u3040-\u30ff]")
_GUESS_ROWS = 1000  # rows looked at to guess the text column

F = TypeVar("F", bound=Callable[..., Any])


class UploadError(ValueError):
    """An upload (or export) that cannot be used; ``str(error)`` is a message for the page.

    The error holds a :class:`~explorer.i18n.Message`: ``str(error)`` translates it into the
    language of the session that shows it (see :mod:`explorer.i18n`).
    """


def friendly_errors(what: str) -> Callable[[F], F]:
    """Decorate a public function so that every failure is an :class:`UploadError`.

    The checks raise ``UploadError`` themselves with precise messages; this is the net
    under them, for anything unforeseen (a parser's own error, a bug): the page gets a
    sentence instead of a traceback, and the original exception stays as ``__cause__``
    for the logs. ``what`` names the thing being read, in English marked with ``N_``,
    e.g. ``N_("file")`` (translated when the message is shown).
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except (UploadError, Cancelled):
                raise
            except MemoryError as e:
                raise UploadError(
                    M_("This {what} is too big to handle in memory. Try a smaller one.").format(
                        what=M_(what)
                    )
                ) from e
            except Exception as e:  # the whole point: nothing else escapes
                raise UploadError(
                    M_(
                        "Something went wrong with this {what} ({error}). "
                        "Check that it is the kind of file this page expects, or try another."
                    ).format(what=M_(what), error=type(e).__name__)
                ) from e

        return wrapper  # type: ignore[return-value]

    return decorate


def format_size(n_bytes: int) -> str | Message:
    """A size for people: ``"50 MB"``, ``"1.5 KB"``, ``"11 bytes"`` (1 MB = 2**20 bytes).

    >>> format_size(50 * 2**20), format_size(1536), str(format_size(11))
    ('50 MB', '1.5 KB', '11 bytes')
    """
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n_bytes >= size:
            return f"{n_bytes / size:,.1f}".removesuffix(".0") + f" {unit}"
    return plural(n_bytes, M_("{n:,} byte"), M_("{n:,} bytes"))


def plural(n: int, one: Message, many: Message) -> Message:
    """``one`` or ``many`` (messages with an ``{n}`` field) filled in with ``n``.

    >>> str(plural(3, M_("{n:,} vector"), M_("{n:,} vectors")))
    '3 vectors'
    """
    return (one if n == 1 else many).format(n=n)


def as_bytes(data: bytes | bytearray | memoryview | Any) -> bytes:
    """The bytes of an upload: bytes-like, or a file object such as Streamlit's ``UploadedFile``."""
    if hasattr(data, "getvalue"):
        data = data.getvalue()
    elif hasattr(data, "read"):
        data = data.read()
    return bytes(data)


def check_size(
    name: str | Lazy, data: bytes, max_bytes: int | None, advice: Lazy | None = None
) -> None:
    """Refuse ``data`` if it is larger than ``max_bytes`` (the message names the limit).

    ``advice`` is a message saying what to do (default: upload a smaller file).
    """
    if max_bytes is None or len(data) <= max_bytes:
        return
    size, limit = format_size(len(data)), format_size(max_bytes)
    if size == limit:  # just over: rounding would make them look the same
        size, limit = M_("{n:,} bytes").format(n=len(data)), M_("{n:,} bytes").format(n=max_bytes)
    raise UploadError(
        M_("{name} is {size}, over the limit of {limit}. {advice}").format(
            name=name, size=size, limit=limit,
            advice=M_("Upload a smaller file.") if advice is None else advice,
        )
    )  # fmt: skip


def decode_upload(name: str | Lazy, data: bytes, hint: Lazy | None = None) -> Decoded:
    """:func:`decode_bytes`, with its refusal turned into an :class:`UploadError` naming ``name``.

    ``hint`` (a message, e.g. what to upload instead) is added after a refusal
    that does not already say what to do.
    """
    try:
        return decode_bytes(data)
    except DecodeError as e:
        message = M_("{name}: {problem}").format(name=name, problem=Lowered(message_of(e)))
        if hint and not e.advises:
            message = M_("{message} {hint}").format(message=message, hint=hint)
        raise UploadError(message) from None


def extension(name: str) -> str:
    """The lowercased extension of a file name, with its dot (``""`` if there is none)."""
    return PurePath(name).suffix.lower()


def accepted_list(extensions: Sequence[str]) -> Message:
    """``".txt, .md, .csv or .tsv"``."""
    return M_("{items} or {last}", items=", ".join(extensions[:-1]), last=extensions[-1])


@dataclass(frozen=True)
class UploadedFile:
    """How one uploaded file was read."""

    name: str
    encoding: str  # as shown to people, e.g. "GB18030 (GBK)"
    size: int  # bytes
    column: str | None = None  # the table column used, for .csv and .tsv


@dataclass(frozen=True)
class CorpusUpload:
    """An uploaded corpus, tokenized, with what the page shows about it.

    Attributes:
        name: the file name, or ``"a.txt + 2 more"`` for several files.
        text: all the text, the files joined one after the other.
        files: how each file was read (encoding, table column).
        corpus: the :class:`~explorer.text.corpus.Corpus` (sentences, full vocabulary, script).
        max_vocab: the cap for the live trainer, or None when the vocabulary fits.
        notes: messages for the page about choices made (column used, vocabulary cap),
            translated when shown (``str``).
    """

    name: str | Message
    text: str
    files: list[UploadedFile]
    corpus: Corpus
    max_vocab: int | None = None
    notes: list[Message] = field(default_factory=list)

    @property
    def encodings(self) -> dict[str, str]:
        """The encoding each file was read with, by file name."""
        return {f.name: f.encoding for f in self.files}

    @property
    def script(self) -> str:
        """``"latin"``, ``"zh"``, ``"ja"``, ``"mixed"`` or ``"other"`` (see ``detect_script``)."""
        return self.corpus.script

    @property
    def sentences(self) -> list[list[str]]:
        return self.corpus.sentences

    @property
    def n_sentences(self) -> int:
        return self.corpus.n_sentences

    @property
    def n_tokens(self) -> int:
        return self.corpus.n_tokens

    @property
    def vocab_size(self) -> int:
        """Distinct words in the whole corpus (before any cap)."""
        return len(self.corpus.vocab)

    def top_words(self, n: int = TOP_WORDS) -> list[tuple[str, int]]:
        """The ``n`` most frequent words with their counts."""
        vocab = self.corpus.vocab
        return [(w, int(c)) for w, c in zip(vocab.index_to_key[:n], vocab.counts[:n], strict=True)]

    @property
    def summary(self) -> dict[str, str | Lazy]:
        """What to show on the page, label to value, in reading order.

        Encoding (per file), Script, Sentences, Tokens, Vocabulary (with the cap, if any)
        and the 20 most frequent words with their counts. The labels stay English (code
        compares them; they are in :data:`SUMMARY_LABELS`): show them with ``_(label)``.
        The values are text or messages: show them with ``str``.
        """
        if self.max_vocab is None:
            vocabulary = M_("{n:,} words").format(n=self.vocab_size)
        else:
            vocabulary = M_("{n:,} words (the live trainer keeps the {cap:,} most frequent)")
            vocabulary = vocabulary.format(n=self.vocab_size, cap=self.max_vocab)
        values = (
            Joined("; ", tuple(Joined(": ", (f.name, M_(f.encoding))) for f in self.files)),
            M_(SCRIPT_NAMES.get(self.script, self.script)),
            f"{self.n_sentences:,}",
            f"{self.n_tokens:,}",
            vocabulary,
            ", ".join(f"{w} ({c:,})" for w, c in self.top_words()),
        )
        return dict(zip(SUMMARY_LABELS, values, strict=True))


#: The labels of :attr:`CorpusUpload.summary`, English (translate them where shown).
SUMMARY_LABELS = (
    N_("Encoding"), N_("Script"), N_("Sentences"), N_("Tokens"), N_("Vocabulary"),
    N_("Most frequent words"),
)  # fmt: skip


@friendly_errors(N_("upload"))
def read_corpus_files(
    files: Sequence[tuple[str, bytes]],
    text_column: str | None = None,
    max_bytes: int | None = MAX_UPLOAD_BYTES,
    max_vocab: int | None = LIVE_MAX_VOCAB,
) -> CorpusUpload:
    """Read, decode, join and tokenize uploaded files: ``[(file name, bytes), ...]``.

    ``text_column`` picks the column of ``.csv``/``.tsv`` files (guessed when None; every
    table must have it). Raises :class:`UploadError` for an unknown extension, a file (or
    all of them together) over ``max_bytes``, an empty, binary or undecodable file, a
    table without a usable text column, and a corpus with fewer than two distinct words.
    The same as :func:`prepare_corpus_files` then :func:`tokenize_upload`, which a page
    runs apart when tokenizing is slow (:func:`needs_background`).

    >>> read_corpus_files([("a.txt", "我喜欢学习数学".encode("gb18030"))]).encodings
    {'a.txt': 'GB18030 (GBK)'}
    """
    prepared = prepare_corpus_files(files, text_column=text_column, max_bytes=max_bytes)
    return tokenize_upload(prepared, max_vocab=max_vocab)


@dataclass(frozen=True)
class PreparedUpload:
    """Uploaded files read and joined, not yet tokenized (see :func:`tokenize_upload`).

    ``script`` is guessed from the start of every file, so that a second file in another
    language counts too.
    """

    name: str | Message  # "a.txt + 2 more" for several files
    text: str
    files: list[UploadedFile]
    notes: list[Message]
    script: str

    @property
    def seconds_to_tokenize(self) -> float:
        """A rough estimate of :func:`tokenize_upload`'s time (see :func:`needs_background`)."""
        return estimated_seconds(self.text)


@friendly_errors(N_("upload"))
def prepare_corpus_files(
    files: Sequence[tuple[str, bytes]],
    text_column: str | None = None,
    max_bytes: int | None = MAX_UPLOAD_BYTES,
) -> PreparedUpload:
    """Check, decode and join uploaded files, the quick part of :func:`read_corpus_files`.

    Raises :class:`UploadError` as that does, except for the vocabulary checks, which need
    the tokens. Each file's notes say what was guessed or cleaned (encoding, terminal
    codes, the table column used).

    >>> prepared = prepare_corpus_files([("a.txt", "Ça coûte 2 €".encode("cp1252"))])
    >>> prepared.text, prepared.files[0].encoding
    ('Ça coûte 2 €', 'Windows-1252 (Western, Latin-1)')
    """
    files = [(name, as_bytes(data)) for name, data in files]
    if not files:
        raise UploadError(M_("No file was uploaded. Choose one or more text files."))
    for name, data in files:
        _check_corpus_extension(name)
        check_size(name, data, max_bytes, M_("Upload a part of it: that is enough to explore."))
    total = sum(len(data) for _name, data in files)
    if len(files) > 1 and max_bytes is not None and total > max_bytes:
        raise UploadError(
            M_(
                "Together these files are {size}, over the limit of {limit}. "
                "Upload fewer or smaller files."
            ).format(size=format_size(total), limit=format_size(max_bytes))
        )

    texts: list[str] = []
    read: list[UploadedFile] = []
    notes: list[Message] = []
    for name, data in files:
        decoded = decode_upload(name, data, hint=_corpus_hint())
        notes += [_lead(name, note) for note in decoded.notes()]
        column = None
        text = decoded.text
        if extension(name) in TABLE_EXTENSIONS:
            header, rows = split_table(name, text)
            column = _choose_column(name, header, rows, text_column)
            text, n_rows = _column_text(name, header, rows, column)
            if text_column is not None:
                note = M_("{name}: used the column “{column}” (chosen), {n_rows:,} rows.")
            else:
                note = M_("{name}: used the column “{column}” (guessed), {n_rows:,} rows.")
            notes.append(note.format(name=name, column=column, n_rows=n_rows))
        texts.append(text)
        read.append(UploadedFile(name, decoded.label, len(data), column))

    if len(files) == 1:
        name = files[0][0]
    else:
        name = M_("{first} + {n} more").format(first=files[0][0], n=len(files) - 1)
    return PreparedUpload(
        name=name,
        text="\n".join(t.strip("\n") for t in texts),
        files=read,
        notes=notes,
        script=detect_script("\n".join(t[: _SCRIPT_SAMPLE // len(texts)] for t in texts)),
    )


Report = Callable[[float, str], None]


@friendly_errors(N_("upload"))
def tokenize_upload(
    prepared: PreparedUpload,
    max_vocab: int | None = LIVE_MAX_VOCAB,
    report: Report | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> CorpusUpload:
    """Tokenize a :class:`PreparedUpload` into a :class:`CorpusUpload`, the slow part.

    The text is tokenized in pieces of whole lines (about ``chunk_chars`` characters),
    after each of which ``report(share done, "")`` is called: a
    :class:`~explorer.jobs.Job`'s report, which raises
    :class:`~explorer.jobs.Cancelled` (passed through) once the job is cancelled.
    Sentences never cross a line break, so the pieces give exactly :func:`tokenize` of the
    whole text. Raises :class:`UploadError` for fewer than two distinct words.
    """
    text = prepared.text
    sentences: list[list[str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + chunk_chars)
        if end < len(text):
            cut = text.find("\n", end)  # whole lines
            end = len(text) if cut < 0 else cut + 1
        sentences += tokenize(text[start:end])
        start = end
        if report is not None:
            report(end / len(text), "")
    vocab = Vocabulary.build(sentences, min_count=1)
    _check_vocabulary(vocab, len(prepared.files))
    notes = list(prepared.notes)
    cap = None
    if max_vocab is not None and len(vocab) > max_vocab:
        cap = max_vocab
        notes.append(
            M_(
                "The vocabulary has {n:,} words: the live trainer keeps the "
                "{max_vocab:,} most frequent and leaves the rest out."
            ).format(n=len(vocab), max_vocab=max_vocab)
        )
    labels = list(dict.fromkeys(f.encoding for f in prepared.files))
    corpus = Corpus(
        name=prepared.name,
        sentences=sentences,
        vocab=vocab,
        script=prepared.script,
        encoding=", ".join(labels),
    )
    return CorpusUpload(name=prepared.name, text=text, files=prepared.files, corpus=corpus,
                        max_vocab=cap, notes=notes)  # fmt: skip


def estimated_seconds(text: str) -> float:
    """Roughly how long :func:`tokenize_upload` takes on ``text``, from its characters.

    Rates measured on one idle core of the development machine: spaced scripts about 2
    million characters a second, Chinese (jieba) 190,000, Japanese (janome: a sentence
    with kana) 27,000. An estimate from counts, not a clock, so the same file always takes
    the same path.

    >>> estimated_seconds("the cat sat " * 100_000) < 1 < estimated_seconds("猫が好き。" * 10_000)
    True
    """
    sample = text[:_ESTIMATE_SAMPLE]
    kana = len(_KANA_CHARS.findall(sample))
    cjk = len(_CJK_CHARS.findall(sample))
    seconds = (
        (len(sample) - cjk) / _SPACED_PER_SECOND
        + cjk / (_JAPANESE_PER_SECOND if kana > 0.1 * cjk else _CHINESE_PER_SECOND)
    )  # fmt: skip
    return seconds * len(text) / max(len(sample), 1)


def needs_background(prepared: PreparedUpload) -> bool:
    """Whether tokenizing should run apart, with a progress bar and Cancel.

    Over :data:`BACKGROUND_AFTER_SECONDS` of estimated work: about a million characters of
    English, 95,000 of Chinese or 13,000 of Japanese (a busy machine takes two or three
    times longer: 2 MB of Chinese took 17 s with both cores busy).
    """
    return prepared.seconds_to_tokenize > BACKGROUND_AFTER_SECONDS


@friendly_errors(N_("file"))
def table_columns(name: str, data: bytes) -> list[str]:
    """The column names of a ``.csv`` or ``.tsv`` file (its header row); ``[]`` for text files.

    Empty names become ``"column 3"``, repeated ones ``"name (2)"``, as in
    :func:`read_corpus_files`. Raises :class:`UploadError` if the file cannot be read.
    """
    if _check_corpus_extension(name) not in TABLE_EXTENSIONS:
        return []
    text = decode_upload(name, as_bytes(data), hint=_corpus_hint()).text
    header, _rows = split_table(name, text, max_rows=0)
    return header


@friendly_errors(N_("file"))
def guess_text_column(name: str, data: bytes) -> str | None:
    """The column :func:`read_corpus_files` uses when none is chosen (None for text files).

    A column named like text ("text", "content", "body", "sentence", "review"...) if there
    is one, else the column with the most letters in it.
    """
    if _check_corpus_extension(name) not in TABLE_EXTENSIONS:
        return None
    text = decode_upload(name, as_bytes(data), hint=_corpus_hint()).text
    header, rows = split_table(name, text, max_rows=_GUESS_ROWS)
    return _choose_column(name, header, rows, None)


@friendly_errors(N_("file"))
def read_table(name: str, data: bytes, max_bytes: int | None = MAX_UPLOAD_BYTES) -> pd.DataFrame:
    """A ``.csv`` or ``.tsv`` upload as a table of strings (a header row, then the rows).

    Decoded and split as :func:`read_corpus_files` reads tables (any supported encoding, the
    header's delimiter, cleaned column names); cells are stripped, and empty or missing ones
    are ``None`` (so ``dropna`` drops incomplete rows). Raises :class:`UploadError` with a
    sentence for the page.

    >>> read_table("r.csv", b"user,item,rating\\nann,tea,5\\n").to_dict("records")
    [{'user': 'ann', 'item': 'tea', 'rating': '5'}]
    """
    import pandas as pd

    data = as_bytes(data)
    if extension(name) not in TABLE_EXTENSIONS:
        raise UploadError(
            M_("{name} is not a table; upload {accepted} with a header row.").format(
                name=name, accepted=accepted_list(TABLE_EXTENSIONS)
            )
        )
    check_size(name, data, max_bytes)
    hint = M_("Upload a table ({accepted}).").format(accepted=accepted_list(TABLE_EXTENSIONS))
    header, rows = split_table(name, decode_upload(name, data, hint=hint).text)
    width = len(header)
    cells = [[c.strip() or None for c in (row + [""] * width)[:width]]
             for row in rows if any(c.strip() for c in row)]  # fmt: skip
    return pd.DataFrame(cells, columns=header, dtype=object)


# --- the parts ---------------------------------------------------------------------------


def _corpus_hint() -> Message:
    return M_("Upload a text file ({accepted}).").format(accepted=accepted_list(CORPUS_EXTENSIONS))


def _check_corpus_extension(name: str) -> str:
    ext = extension(name)
    if ext not in CORPUS_EXTENSIONS:
        what = M_("a {ext} file").format(ext=ext) if ext else M_("a file without an extension")
        raise UploadError(
            M_(
                "{name} is {what}; a corpus can be {accepted} files. "
                "Save the text as plain text (.txt) and upload that."
            ).format(name=name, what=what, accepted=accepted_list(CORPUS_EXTENSIONS))
        )
    return ext


def split_table(
    name: str, text: str, max_rows: int | None = None
) -> tuple[list[str], list[list[str]]]:
    """The header (cleaned names) and the rows (the first ``max_rows``) of a CSV/TSV text."""
    first_line = text.lstrip("\n").split("\n", 1)[0]
    # The header line is the cleanest place to see a .csv's delimiter.
    delimiter = "\t" if extension(name) == ".tsv" else max(_DELIMITERS, key=first_line.count)
    # A long document in one cell is fine; the file size is limited already.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        reader = csv.reader(io.StringIO(text.lstrip("\n")), delimiter=delimiter)
        rows = list(reader if max_rows is None else itertools.islice(reader, max_rows + 1))
    except csv.Error as e:
        raise UploadError(
            M_(
                "{name} could not be read as a table ({error}). Check that it is a valid CSV "
                "file, or save the text as .txt."
            ).format(name=name, error=e)
        ) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise UploadError(
            M_("{name} has no header row. The first row must name the columns.").format(name=name)
        )
    header = _clean_names(rows[0])
    return header, rows[1:]


def _clean_names(raw: list[str]) -> list[str]:
    # "column 3" stays English: it is a value (the chosen column is kept and compared).
    names: list[str] = []
    for i, name in enumerate(raw):
        name = name.strip() or f"column {i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def _choose_column(name: str, header: list[str], rows: list[list[str]], wanted: str | None) -> str:
    if wanted is not None:
        if wanted not in header:
            raise UploadError(
                M_(
                    "{name} has no column “{column}”; its columns are: {columns}. "
                    "Choose one of these."
                ).format(name=name, column=wanted, columns=some_names(header))
            )
        return wanted
    lowered = [h.lower() for h in header]
    for candidate in _TEXT_COLUMN_NAMES:
        if candidate in lowered:
            return header[lowered.index(candidate)]
    letters = [0] * len(header)
    for row in rows[:_GUESS_ROWS]:
        for i, cell in enumerate(row[: len(header)]):
            letters[i] += sum(ch.isalpha() for ch in cell)
    best = max(range(len(header)), key=letters.__getitem__)
    if letters[best] == 0:
        raise UploadError(
            M_(
                "{name} has no column with words in it (columns: {columns}). "
                "Upload a table with a text column, or the text itself as .txt."
            ).format(name=name, columns=some_names(header))
        )
    return header[best]


def _column_text(
    name: str, header: list[str], rows: list[list[str]], column: str
) -> tuple[str, int]:
    i = header.index(column)
    cells = [row[i].strip() for row in rows if i < len(row)]
    cells = [c for c in cells if c]
    if not cells:
        raise UploadError(
            M_(
                "The column “{column}” of {name} is empty. Choose the column that holds the text."
            ).format(column=column, name=name)
        )
    return "\n".join(cells), len(cells)


def _check_vocabulary(vocab: Vocabulary, n_files: int) -> None:
    one = n_files == 1
    if len(vocab) == 0:
        raise UploadError(
            M_(
                "No words were found in this file, only punctuation or spaces. "
                "Upload a text with words in it."
            )
            if one
            else M_(
                "No words were found in these files, only punctuation or spaces. "
                "Upload a text with words in it."
            )
        )
    if len(vocab) == 1:
        message = (
            M_(
                "This file holds only one distinct word (“{word}”); "
                "word embeddings need at least two. Upload a longer text."
            )
            if one
            else M_(
                "These files hold only one distinct word (“{word}”); "
                "word embeddings need at least two. Upload a longer text."
            )
        )
        raise UploadError(message.format(word=vocab.index_to_key[0]))


def _lead(name: str, sentence: Message) -> Message:
    """``"notes.txt: read as ..."`` from a file name and a sentence about it."""
    return M_("{name}: {problem}").format(name=name, problem=Lowered(sentence))


def some_names(names: list[str], n: int = 8) -> str | Message:
    """``"a, b, c"``, or the first ``n`` and how many more."""
    shown = ", ".join(names[:n])
    if len(names) <= n:
        return shown
    return M_("{names} and {n:,} more").format(names=shown, n=len(names) - n)
