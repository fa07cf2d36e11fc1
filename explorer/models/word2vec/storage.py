"""Save and load a training state as one ``.npz`` file: plain arrays and JSON, never pickle.

Usage:
    >>> save_state(state, "model.npz", loss_history=[4.1, 3.2])
    >>> state, history = load_state("model.npz")          # or bytes, or a file object
    >>> state, snap = train_steps(state, 10)              # carries on where it stopped

The file holds the arrays ``W``, ``W_out``, ``counts``, the corpus as word ids (``tokens``,
``sentence_ids``: needed to carry on training) and ``meta``: UTF-8 JSON stored as a
``uint8`` array (settings, vocabulary, progress, loss history). It is read with
``np.load(..., allow_pickle=False)``, and everything is checked: a bad file raises
:class:`ModelFileError` (a ``ValueError``) saying what is wrong (a message: ``str`` shows it).
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import IO, Any

import numpy as np

from explorer.i18n import M_, Lazy, Message, message_of
from explorer.models.word2vec.trainer import TrainState, Word2VecConfig, with_plan
from explorer.text.vocab import Vocabulary

FORMAT = "embedding-explorer/word2vec"
VERSION = 1
ARRAYS = ("W", "W_out", "counts", "tokens", "sentence_ids", "meta")


class ModelFileError(ValueError):
    """A file that is not a usable saved model.

    ``str(error)`` is the whole sentence (it holds a message, translated by ``str``); ``kind``
    and ``reason`` let a page phrase its own: ``"missing"`` (``reason`` names the missing
    arrays), ``"pickle"`` (the file holds pickled objects), ``"unreadable"`` (``reason`` is
    the reader's error) or ``"invalid"`` (``reason`` says which part is wrong).
    """

    def __init__(self, message: Message, kind: str, reason: str | Lazy) -> None:
        super().__init__(message)
        self.kind = kind
        self.reason = reason


def save_state(
    state: TrainState, file: str | Path | IO[bytes], loss_history: list[float] | tuple = ()
) -> None:
    """Write ``state`` (and the loss history) to ``file``, a path or a binary file object."""
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "config": asdict(state.config),
        "vocab": {
            "index_to_key": state.vocab.index_to_key,
            "total_words": int(state.vocab.total_words),
            "dropped_words": int(state.vocab.dropped_words),
        },
        "progress": {
            "step": int(state.step),
            "epoch": int(state.epoch),
            "position": int(state.position),
            "examples_seen": int(state.examples_seen),
        },
        "loss_history": [float(x) for x in loss_history],
    }
    np.savez_compressed(
        file,
        W=np.ascontiguousarray(state.W, dtype=np.float32),
        W_out=np.ascontiguousarray(state.W_out, dtype=np.float32),
        counts=np.asarray(state.vocab.counts, dtype=np.int64),
        tokens=np.asarray(state.tokens, dtype=np.int32),
        sentence_ids=np.asarray(state.sentence_ids, dtype=np.int32),
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
    )


def state_to_bytes(state: TrainState, loss_history: list[float] | tuple = ()) -> bytes:
    """The bytes :func:`save_state` would write (for a download)."""
    buffer = io.BytesIO()
    save_state(state, buffer, loss_history)
    return buffer.getvalue()


def load_state(file: str | Path | bytes | IO[bytes]) -> tuple[TrainState, list[float]]:
    """Read a file written by :func:`save_state`: ``(state, loss_history)``.

    Raises :class:`ModelFileError` (a ``ValueError``) if the file is not such a file or is
    inconsistent.
    """
    if isinstance(file, (bytes, bytearray, memoryview)):
        file = io.BytesIO(bytes(file))
    try:
        with np.load(file, allow_pickle=False) as npz:
            missing = [name for name in ARRAYS if name not in npz.files]
            if missing:
                names = ", ".join(missing)
                raise ModelFileError(
                    M_("not a saved Embedding Explorer model: missing arrays: {names}").format(
                        names=names
                    ),
                    "missing",
                    names,
                )
            arrays = {name: npz[name] for name in ARRAYS}
    except ModelFileError:
        raise
    except ValueError as e:  # numpy's own: "Object arrays cannot be loaded when allow_pickle=False"
        kind = "pickle" if "pickle" in str(e).lower() else "unreadable"
        raise ModelFileError(
            M_("not a saved Embedding Explorer model: {error}").format(error=str(e)), kind, str(e)
        ) from None
    except (OSError, EOFError, zipfile.BadZipFile, KeyError) as e:
        raise ModelFileError(
            M_("not a saved Embedding Explorer model (unreadable: {error})").format(error=str(e)),
            "unreadable",
            str(e),
        ) from None
    try:
        return _build(arrays)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        reason = M_("meta is not valid UTF-8 JSON ({error})").format(error=str(e))
    except KeyError as e:
        reason = M_("meta has no entry {key}").format(key=str(e))
    except TypeError as e:
        reason = M_("a value has the wrong type ({error})").format(error=str(e))
    except ValueError as e:  # ours (a message), or the settings' own checks
        reason = message_of(e)
    raise ModelFileError(
        M_("not a valid Embedding Explorer model: {reason}").format(reason=reason),
        "invalid",
        reason,
    )


def _build(arrays: dict[str, np.ndarray]) -> tuple[TrainState, list[float]]:
    """Check every part of a loaded file and assemble the state."""
    meta_bytes = arrays["meta"]
    if meta_bytes.dtype != np.uint8 or meta_bytes.ndim != 1:
        raise ValueError(M_("meta must be a uint8 byte array"))
    meta = json.loads(meta_bytes.tobytes().decode("utf-8"))
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError(M_("the format tag is not {tag!r}").format(tag=FORMAT))
    if meta.get("version") != VERSION:
        raise ValueError(
            M_("version {version!r} is not supported (only {supported})").format(
                version=meta.get("version"), supported=VERSION
            )
        )
    config = _config(meta["config"])
    words = meta["vocab"]["index_to_key"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(M_("the vocabulary must be a list of strings"))
    V, d = len(words), config.vector_size
    W, W_out = arrays["W"], arrays["W_out"]
    counts, tokens, sentence_ids = arrays["counts"], arrays["tokens"], arrays["sentence_ids"]
    for name, a in (("W", W), ("W_out", W_out)):
        _expect(name, a, (V, d), np.floating)
        if not np.isfinite(a).all():
            raise ValueError(M_("{name} holds NaN or infinite values").format(name=name))
    _expect("counts", counts, (V,), np.integer)
    _expect("tokens", tokens, (len(tokens),), np.integer)
    _expect("sentence_ids", sentence_ids, (len(tokens),), np.integer)
    if len(tokens) and (tokens.min() < 0 or tokens.max() >= V):
        raise ValueError(M_("tokens hold word ids outside the vocabulary"))
    if len(sentence_ids) > 1 and np.any(np.diff(sentence_ids) < 0):
        raise ValueError(M_("sentence_ids must be non-decreasing"))
    progress = {k: int(meta["progress"][k]) for k in ("step", "epoch", "position", "examples_seen")}
    if min(progress.values()) < 0 or progress["epoch"] > config.epochs:
        raise ValueError(M_("impossible progress {progress}").format(progress=progress))
    if progress["position"] % config.batch_size:
        raise ValueError(M_("position must be a whole number of batches"))
    history = [float(x) for x in meta.get("loss_history", [])]
    vocab = Vocabulary(
        index_to_key=words,
        counts=counts.astype(np.int64),
        total_words=int(meta["vocab"].get("total_words", 0)),
        dropped_words=int(meta["vocab"].get("dropped_words", 0)),
    )
    if len(vocab.key_to_index) != V:
        raise ValueError(M_("the vocabulary repeats a word"))
    state = TrainState(
        config=config,
        vocab=vocab,
        tokens=tokens.astype(np.int32),
        sentence_ids=sentence_ids.astype(np.int32),
        W=np.ascontiguousarray(W, dtype=np.float32),
        W_out=np.ascontiguousarray(W_out, dtype=np.float32),
        **progress,
    )
    state = with_plan(state)  # rebuilt from (seed, epoch): the same as when it was saved
    if state.plan is not None and state.position > state.plan.n_examples:
        raise ValueError(
            M_("position {position} is past the end of epoch {epoch}").format(
                position=state.position, epoch=state.epoch
            )
        )
    return state, history


def _config(raw: Any) -> Word2VecConfig:
    if not isinstance(raw, dict):
        raise ValueError(M_("config must be a JSON object"))
    known = {f.name for f in fields(Word2VecConfig)}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(M_("unknown settings: {names}").format(names=", ".join(sorted(unknown))))
    return Word2VecConfig(**raw)


def _expect(name: str, a: np.ndarray, shape: tuple[int, ...], kind: type) -> None:
    if a.shape != shape:
        raise ValueError(
            M_("{name} has shape {shape}, expected {expected}").format(
                name=name, shape=a.shape, expected=shape
            )
        )
    if not np.issubdtype(a.dtype, kind):
        raise ValueError(
            M_("{name} has dtype {dtype}, expected {expected}").format(
                name=name, dtype=a.dtype, expected=kind.__name__
            )
        )
