"""Trained models: the session's live run, and word2vec models trained once per server.

Usage (in a page):
    >>> from explorer.app import training
    >>> model, seconds = training.trained_model()
    >>> run, was_reset = training.live_run(config, track, map_top)
"""

from __future__ import annotations

import streamlit as st

from explorer.app.corpus import (
    corpus_identity,
    current_corpus,
    current_sample,
    load_corpus,
    max_vocab_for_training,
    uploaded_corpus,
)
from explorer.i18n import _

RUN_KEY = "train.run"
RUN_SETTINGS_KEY = "train.run_settings"


def live_run(config, track: list[str], map_top: int = 0):  # noqa: ANN001, ANN201 (LiveRun)
    """This session's training run for the current corpus and ``config``.

    Returns ``(run, was_reset)``: a run built for other settings is replaced by a fresh one
    (and ``was_reset`` says so, for the page to tell the user); tracked words can change
    without touching the model.
    """
    from explorer.app import player  # numpy and the charts: not for the first page
    from explorer.player.word2vec import Analogy, word2vec_run

    sample = current_sample()
    analogy = Analogy(*sample.analogy) if sample.analogy else None
    run, was_reset = player.session_run(
        "train",  # keeps it under RUN_KEY and RUN_SETTINGS_KEY
        (corpus_identity(), config),
        lambda: word2vec_run(current_corpus().sentences, config, track, analogy, map_top),
    )
    if run.track + run.missing != list(dict.fromkeys(track)) or run.map_top != map_top:
        run.set_track(track, map_top)  # other words to follow: the model stays
    return run, was_reset


def _fit_timed(sentences, config):  # noqa: ANN001, ANN202 (Word2Vec, seconds)
    import time

    from explorer.models.word2vec.model import Word2Vec

    started = time.perf_counter()
    model = Word2Vec(**vars(config)).fit(sentences)
    return model, time.perf_counter() - started


@st.cache_resource(show_spinner=False, max_entries=16)
def trained(key: str, mtime: float, config):  # noqa: ANN001, ANN202
    # Read-only and shared: one training per corpus and settings per server.
    return _fit_timed(load_corpus(key, mtime).sentences, config)


@st.cache_resource(show_spinner=False, max_entries=8)
def _trained_upload(identity: tuple, _corpus, config):  # noqa: ANN001, ANN202
    # Keyed by the upload's content digest; the corpus itself is not hashed (underscore).
    return _fit_timed(_corpus.sentences, config)


def trained_model(config=None):  # noqa: ANN001, ANN201
    """A Word2Vec trained on the current corpus with ``config`` (default settings), cached.

    Returns ``(model, seconds the training took)``.
    """
    from explorer.models.word2vec.trainer import Word2VecConfig

    config = config or Word2VecConfig(max_vocab=max_vocab_for_training())
    upload = uploaded_corpus()
    if upload is not None:
        with st.spinner(_("Training word2vec on your text…")):
            return _trained_upload(corpus_identity(), upload.corpus, config)
    sample = current_sample()
    with st.spinner(_("Training word2vec on this corpus…")):
        return trained(sample.key, sample.path.stat().st_mtime, config)


def live_run_for_this_corpus():  # noqa: ANN201 (LiveRun | None)
    """This session's live training run, if it was trained on the corpus now chosen."""
    settings = st.session_state.get(RUN_SETTINGS_KEY)
    if settings is None or settings[0] != corpus_identity():
        return None
    return st.session_state.get(RUN_KEY)
