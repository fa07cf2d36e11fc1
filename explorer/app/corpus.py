"""The corpus every page works on: the sidebar's picker, the chosen sample or upload.

Usage (in a page):
    >>> from explorer.app import corpus
    >>> vocab = corpus.current_corpus().vocab
    >>> track = corpus.current_sample().track
"""

from __future__ import annotations

import streamlit as st

from explorer.app.state import SAMPLE_KEY, UPLOAD_CHOICE, UPLOADED_CORPUS, init_state
from explorer.i18n import _
from explorer.text.samples import (
    DEFAULT_SAMPLE,
    SAMPLES_BY_KEY,
    Sample,
    available_samples,
    get_sample,
)


def corpus_sidebar() -> Sample:
    """The sidebar's corpus picker and the chosen corpus's description.

    The uploads (``uploads.collect_upload_job`` before it, ``uploads.uploads_panel`` after it)
    are the app's to call: an uploaded model restarts the live run, a layer above this one.
    """
    keys = [s.key for s in available_samples()]
    if st.session_state.get(UPLOADED_CORPUS) is not None:
        keys.append(UPLOAD_CHOICE)
    init_state({SAMPLE_KEY: DEFAULT_SAMPLE if DEFAULT_SAMPLE in keys else keys[0]})
    if st.session_state[SAMPLE_KEY] not in keys:
        st.session_state[SAMPLE_KEY] = DEFAULT_SAMPLE
    upload_title = current_upload_title()  # (format_func may run outside the script: AppTest)
    with st.sidebar:
        st.selectbox(
            _("Corpus"),
            keys,
            key=SAMPLE_KEY,
            format_func=lambda k: upload_title if k == UPLOAD_CHOICE else _(get_sample(k).title),
            help=_("The text every page works on. The demo corpora are small and made for "
                   "this app; the Lee corpus is real news text; or upload your own below."),
        )  # fmt: skip
        chosen = current_sample()
        st.caption(_(chosen.description))  # an upload's is built in the language already
    return chosen


def current_upload_title() -> str:
    upload = st.session_state.get(UPLOADED_CORPUS)
    return f"📄 {upload.name}" if upload is not None else _("(no upload)")


def uploaded_corpus():  # noqa: ANN201 (CorpusUpload | None)
    """The user's uploaded corpus when it is the one chosen, else None."""
    if st.session_state.get(SAMPLE_KEY) != UPLOAD_CHOICE:
        return None
    return st.session_state.get(UPLOADED_CORPUS)


def max_vocab_for_training() -> int | None:
    """The live trainer's vocabulary cap for an upload (None for the bundled samples)."""
    upload = uploaded_corpus()
    return upload.max_vocab if upload is not None else None


#: The cached loaders' spinners are drawn by their callers, in the session's language (a
#: decorator's text is fixed at import). st.spinner waits 0.5 s: a cache hit shows nothing.
@st.cache_resource(show_spinner=False, max_entries=8)
def load_corpus(key: str, mtime: float):  # noqa: ANN202 (Corpus, imported lazily)
    # Read-only and shared by every session: the same sample is tokenized once per server.
    # mtime is part of the cache key so an edited sample file is read again.
    from explorer.text.corpus import Corpus
    from explorer.text.samples import load_sample_text

    return Corpus.from_text(load_sample_text(key), name=get_sample(key).title)


def current_corpus():  # noqa: ANN201
    """The tokenized corpus chosen in the sidebar (samples are cached per server)."""
    upload = uploaded_corpus()
    if upload is not None:
        return upload.corpus
    sample = current_sample()
    with st.spinner(_("Reading and tokenizing the corpus…")):
        return load_corpus(sample.key, sample.path.stat().st_mtime)


def corpus_identity() -> tuple:
    """What the current corpus is, for caches and for knowing when a model is stale."""
    upload = uploaded_corpus()
    if upload is not None:
        return (UPLOAD_CHOICE, st.session_state.get("upload.digest"))
    sample = current_sample()
    return (sample.key, sample.path.stat().st_mtime)


def current_sample() -> Sample:
    """The corpus chosen in the sidebar: a bundled sample, or the user's upload."""
    key = st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE)
    upload = st.session_state.get(UPLOADED_CORPUS)
    if key == UPLOAD_CHOICE and upload is not None:
        return Sample(
            UPLOAD_CHOICE, f"📄 {upload.name}", upload.script,
            _("Your upload: {summary}").format(summary=", ".join(
                f"{_(k)} {v}" for k, v in upload.summary.items() if k != "Most frequent words")),
            filename="", source="upload", track=tuple(default_track(upload.corpus.vocab)),
        )  # fmt: skip
    return get_sample(key if key in SAMPLES_BY_KEY else DEFAULT_SAMPLE)


def default_track(vocab) -> list[str]:  # noqa: ANN001
    # The most frequent words are function words ("the", "的"): follow the next ones.
    words = [w for w in vocab.index_to_key[:400] if len(w) > (3 if w.isascii() else 1)]
    return words[:9]
