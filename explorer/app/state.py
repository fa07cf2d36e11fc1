"""Session-state keys every page shares, and the two helpers that set or cache values.

Usage (in a page):
    >>> from explorer.app import state
    >>> state.init_state({"corpus.sentence": 0})
    >>> score = state.cached(map_quality)(X, coords, k=10)

Keys are prefixed by the page that owns them ("corpus.window"); the sidebar's corpus choice
is shared by every page under ``SAMPLE_KEY``.
"""

from __future__ import annotations

import streamlit as st

SAMPLE_KEY = "app.sample"
LANG_KEY = "app.lang"  # the interface language, "en" or "zh"
PRESENTER_KEY = "app.presenter"  # larger type, advanced controls hidden
ADVANCED_KEY = "app.advanced"  # in the presenter view: show the advanced controls anyway
#: Settings are the session's, not one page's: Streamlit otherwise forgets a widget's value
#: in runs that do not draw it, and the form then fell back to each widget's own default
#: (1 epoch, no tracked words), resetting the model (caught by a browser test).
KEEP = "session"
PRESENTER_GATE = "app.presenter_gate"  # a presenter link opened: its style comes first
UPLOAD_CHOICE = "upload"  # the corpus picker's value for the user's own text
UPLOADED_CORPUS = "upload.corpus"  # the last corpus upload that was read successfully
UPLOADED_VECTORS = "upload.vectors"  # (file name, Vectors, notes) of the last vectors upload
UPLOAD_JOB = "upload.job"  # (Job, file name, table columns) of an upload being tokenized


def cached(fn, spinner: str | bool = False):  # noqa: ANN001, ANN201
    """``fn`` with its results kept per arguments (``st.cache_data``), for a page's slow steps.

    A page reruns on every click; a map's score or a clustering of thousands of vectors
    should not be computed again when nothing it depends on changed.
    """
    return st.cache_data(fn, show_spinner=spinner, max_entries=32)


def init_state(defaults: dict[str, object]) -> None:
    """Set each key to its default once (idempotent: user choices are never overwritten)."""
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value
