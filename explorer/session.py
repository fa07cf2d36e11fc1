"""The one module that touches Streamlit: session-state keys, cached loaders, the sidebar.

Usage (in a page):
    >>> from explorer import session
    >>> corpus = session.current_corpus()

Keys are prefixed by the page that owns them ("corpus.window"); the sidebar's corpus choice
is shared by every page under ``SAMPLE_KEY``.
"""

from __future__ import annotations

import streamlit as st

from explorer.samples import DEFAULT_SAMPLE, Sample, available_samples, get_sample

SAMPLE_KEY = "app.sample"


def init_state(defaults: dict[str, object]) -> None:
    """Set each key to its default once (idempotent: user choices are never overwritten)."""
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value


def corpus_sidebar() -> Sample:
    """The sidebar's corpus picker; returns the chosen sample."""
    samples = available_samples()
    keys = [s.key for s in samples]
    init_state({SAMPLE_KEY: DEFAULT_SAMPLE if DEFAULT_SAMPLE in keys else keys[0]})
    with st.sidebar:
        st.selectbox(
            "Corpus",
            keys,
            key=SAMPLE_KEY,
            format_func=lambda k: get_sample(k).title,
            help="The text every page works on. The demo corpora are small and made for "
            "this app; the Lee corpus is real news text.",
        )
        chosen = get_sample(st.session_state[SAMPLE_KEY])
        st.caption(chosen.description)
    return chosen


@st.cache_resource(show_spinner="Reading and tokenizing the corpus…", max_entries=8)
def _load_corpus(key: str, mtime: float):  # noqa: ANN202 (Corpus, imported lazily)
    # Read-only and shared by every session: the same sample is tokenized once per server.
    # mtime is part of the cache key so an edited sample file is read again.
    from explorer.dataset import Corpus
    from explorer.samples import load_sample_text

    return Corpus.from_text(load_sample_text(key), name=get_sample(key).title)


def current_corpus():  # noqa: ANN201
    """The tokenized corpus chosen in the sidebar (cached per server)."""
    sample = get_sample(st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE))
    return _load_corpus(sample.key, sample.path.stat().st_mtime)
