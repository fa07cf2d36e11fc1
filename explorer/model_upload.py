"""Open an uploaded model file (our ``.npz``) safely, with a friendly message when it isn't one.

Usage:
    >>> model = read_model("model.npz", uploaded_bytes)     # a trained explorer Word2Vec
    >>> model.wv.most_similar("cat", topn=3)

Checks, in order: the size limit; an empty file; a pickle (by name: ``.model``, ``.pkl``...;
or by its first bytes) is refused unopened; other known binary files and word-vector files
are sent to the right place; the ZIP container is checked, including how large it unpacks
(a small file may unpack to gigabytes); then ``Word2Vec.load`` reads it with
``np.load(allow_pickle=False)`` and checks every part (:mod:`explorer.model_io`). Every
refusal is an :class:`~explorer.uploads.UploadError` whose message says what to do.
"""

from __future__ import annotations

import io
import zipfile

from explorer.encoding import _MAGIC
from explorer.uploads import (
    MAX_UPLOAD_BYTES,
    UploadError,
    as_bytes,
    check_size,
    extension,
    format_size,
    friendly_errors,
)
from explorer.vector_formats import VECTOR_EXTENSIONS, is_pickle
from explorer.word2vec import Word2Vec

MODEL_EXTENSION = ".npz"
# The arrays of a model unpack to several times the compressed size (the corpus ids
# compress well); this bounds the memory one upload can take.
UNPACK_FACTOR = 10

_WHERE_FROM = "Upload a .npz file saved with the Train page's download button."


@friendly_errors("model file")
def read_model(name: str, data: bytes, max_bytes: int | None = MAX_UPLOAD_BYTES) -> Word2Vec:
    """The :class:`~explorer.word2vec.Word2Vec` saved in ``data`` (see ``Word2Vec.to_bytes``).

    Raises :class:`~explorer.uploads.UploadError` with a message for the page if the file
    is too big, is not such a model, is damaged, or holds pickled Python objects.
    """
    data = as_bytes(data)
    check_size(name, data, max_bytes, "Save a model trained on a smaller corpus.")
    if not data.strip():
        raise UploadError(f"{name} is empty. {_WHERE_FROM}")
    if is_pickle(name, data):
        raise UploadError(
            f"{name} is a Python pickle (gensim saves its models that way), which can run "
            "code when loaded, so it was not opened. Export word2vec text with "
            "model.wv.save_word2vec_format(path) and upload it as word vectors instead."
        )
    if not data.startswith(b"PK\x03\x04"):
        raise UploadError(f"{name} is {_what(name, data)}, not a saved model. {_WHERE_FROM}")
    _check_archive(name, data, max_bytes)
    try:
        return Word2Vec.load(data)
    except ValueError as e:
        raise UploadError(_explain(name, str(e))) from None


def _what(name: str, data: bytes) -> str:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if extension(name) in VECTOR_EXTENSIONS or data[:1].isdigit():
        return "a text or word-vector file (upload vectors under “word vectors”)"
    return "an unknown kind of file"


def _check_archive(name: str, data: bytes, max_bytes: int | None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise UploadError(
            f"{name} is damaged (it is not a complete ZIP archive). {_WHERE_FROM}"
        ) from None
    if not any(m.filename.endswith(".npy") for m in members):
        raise UploadError(
            f"{name} is a ZIP archive but not a saved model (it holds no arrays). {_WHERE_FROM}"
        )
    unpacked = sum(m.file_size for m in members)
    limit = None if max_bytes is None else UNPACK_FACTOR * max_bytes
    if limit is not None and unpacked > limit:
        raise UploadError(
            f"{name} unpacks to {format_size(unpacked)}, more than the {format_size(limit)} "
            "a model may take here. Upload a model trained on a smaller corpus."
        )


def _explain(name: str, problem: str) -> str:
    """A sentence for the page from ``model_io``'s ``ValueError`` text."""
    problem = problem.removeprefix("not a saved Embedding Explorer model").strip(": ")
    problem = problem.removeprefix("not a valid Embedding Explorer model").strip(": ")
    if "allow_pickle" in problem or "pickle" in problem.lower():
        return (
            f"{name} holds pickled Python objects, which can run code when loaded, so it "
            f"was not opened. {_WHERE_FROM}"
        )
    if problem.startswith("missing arrays"):
        return f"{name} is not a model saved by Embedding Explorer ({problem}). {_WHERE_FROM}"
    if problem.startswith("(unreadable") and problem.endswith(")"):
        problem = problem.removeprefix("(unreadable").removesuffix(")").strip(": ")
    return f"{name} is not a usable Embedding Explorer model: {problem}. {_WHERE_FROM}"
