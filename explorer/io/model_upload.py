"""Open an uploaded model file (our ``.npz``) safely, with a friendly message when it isn't one.

Usage:
    >>> model = read_model("model.npz", uploaded_bytes)     # a trained explorer Word2Vec
    >>> model.wv.most_similar("cat", topn=3)

Checks, in order: the size limit; an empty file; a pickle (by name: ``.model``, ``.pkl``...;
or by its first bytes) is refused unopened; other known binary files and word-vector files
are sent to the right place; the ZIP container is checked, including how large it unpacks
(a small file may unpack to gigabytes); then ``Word2Vec.load`` reads it with
``np.load(allow_pickle=False)`` and checks every part
(:mod:`explorer.models.word2vec.storage`). Every
refusal is an :class:`~explorer.io.uploads.UploadError` whose message says what to do.
"""

from __future__ import annotations

import io
import zipfile

from explorer.i18n import M_, N_, Message, message_of
from explorer.io.uploads import (
    MAX_UPLOAD_BYTES,
    UploadError,
    as_bytes,
    check_size,
    extension,
    format_size,
    friendly_errors,
)
from explorer.io.vector_formats import VECTOR_EXTENSIONS, is_pickle
from explorer.models.word2vec.model import Word2Vec
from explorer.models.word2vec.storage import ModelFileError
from explorer.text.encoding import BINARY_SIGNATURES

MODEL_EXTENSION = ".npz"
# The arrays of a model unpack to several times the compressed size (the corpus ids
# compress well); this bounds the memory one upload can take.
UNPACK_FACTOR = 10


def _where_from() -> Message:
    return M_("Upload a .npz file saved with the Train page's download button.")


@friendly_errors(N_("model file"))
def read_model(name: str, data: bytes, max_bytes: int | None = MAX_UPLOAD_BYTES) -> Word2Vec:
    """The ``Word2Vec`` saved in ``data`` (see ``Word2Vec.to_bytes``).

    Raises :class:`~explorer.io.uploads.UploadError` with a message for the page if the file
    is too big, is not such a model, is damaged, or holds pickled Python objects.
    """
    data = as_bytes(data)
    check_size(name, data, max_bytes, M_("Save a model trained on a smaller corpus."))
    if not data.strip():
        raise UploadError(M_("{name} is empty. {advice}").format(name=name, advice=_where_from()))
    if is_pickle(name, data):
        raise UploadError(
            M_(
                "{name} is a Python pickle (gensim saves its models that way), which can run "
                "code when loaded, so it was not opened. Export word2vec text with "
                "model.wv.save_word2vec_format(path) and upload it as word vectors instead."
            ).format(name=name)
        )
    if not data.startswith(b"PK\x03\x04"):
        raise UploadError(
            M_("{name} is {what}, not a saved model. {advice}").format(
                name=name, what=_what(name, data), advice=_where_from()
            )
        )
    _check_archive(name, data, max_bytes)
    try:
        return Word2Vec.load(data)
    except ValueError as e:
        raise UploadError(_explain(name, e)) from None


def _what(name: str, data: bytes) -> Message:
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            return M_(what)
    if extension(name) in VECTOR_EXTENSIONS or data[:1].isdigit():
        return M_("a text or word-vector file (upload vectors under “word vectors”)")
    return M_("an unknown kind of file")


def _check_archive(name: str, data: bytes, max_bytes: int | None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise UploadError(
            M_("{name} is damaged (it is not a complete ZIP archive). {advice}").format(
                name=name, advice=_where_from()
            )
        ) from None
    if not any(m.filename.endswith(".npy") for m in members):
        raise UploadError(
            M_(
                "{name} is a ZIP archive but not a saved model (it holds no arrays). {advice}"
            ).format(name=name, advice=_where_from())
        )
    unpacked = sum(m.file_size for m in members)
    limit = None if max_bytes is None else UNPACK_FACTOR * max_bytes
    if limit is not None and unpacked > limit:
        raise UploadError(
            M_(
                "{name} unpacks to {size}, more than the {limit} a model may take here. "
                "Upload a model trained on a smaller corpus."
            ).format(name=name, size=format_size(unpacked), limit=format_size(limit))
        )


def _explain(name: str, error: ValueError) -> Message:
    """A message for the page from ``model_io``'s error (a :class:`ModelFileError`)."""
    if isinstance(error, ModelFileError):
        kind, reason = error.kind, error.reason
    else:  # from building the model: its own sentence
        kind, reason = "invalid", message_of(error)
    if kind == "pickle":
        message = M_(
            "{name} holds pickled Python objects, which can run code when loaded, so it "
            "was not opened. {advice}"
        )
    elif kind == "missing":
        message = M_(
            "{name} is not a model saved by Embedding Explorer (missing arrays: {reason}). {advice}"
        )
    else:
        message = M_("{name} is not a usable Embedding Explorer model: {reason}. {advice}")
    return message.format(name=name, reason=reason, advice=_where_from())
