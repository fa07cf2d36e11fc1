"""Every set of vectors a page can explore, and the picker that chooses one.

Usage (in an exploring page):
    >>> from explorer.app import vector_sources
    >>> wv = vector_sources.pick_vectors("sim.source", radio=True)
"""

from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.app.contextual import contextual_source
from explorer.app.corpus import current_sample
from explorer.app.gensim_panel import GENSIM_VECTORS
from explorer.app.ratings_form import recommender_sources
from explorer.app.sentiment import classifier_source
from explorer.app.state import KEEP, UPLOADED_VECTORS, init_state
from explorer.app.training import live_run_for_this_corpus, trained_model
from explorer.i18n import LANGUAGES, _


def vector_sources() -> dict:
    """Every set of vectors a page can explore now: ``{id: (label, vectors)}``.

    The ids ("trained", "live", "gensim", "upload", "classifier") stay put while the labels
    change with the language and the live run's step, so a page's choice survives both.
    """
    model, seconds = trained_model()
    sources = {"trained": (_("A model trained here on this corpus ({seconds:.1f} s, cached)")
                           .format(seconds=seconds), model.wv)}  # fmt: skip
    run = live_run_for_this_corpus()
    if run is not None and run.step > 0:
        label = _("Your live training run (step {step:,})").format(step=run.step)
        sources["live"] = (label, run.vectors())
    if (trained := st.session_state.get(GENSIM_VECTORS)) is not None:
        label = _("Trained with gensim on {corpus}").format(corpus=_(trained[0]))
        sources["gensim"] = (label, trained[1])
    if (uploaded := st.session_state.get(UPLOADED_VECTORS)) is not None:
        label = _("Your uploaded vectors ({name})").format(name=uploaded[0])
        sources["upload"] = (label, uploaded[1])
    if (classifier := classifier_source()) is not None:  # the sentiment page's table
        sources["classifier"] = classifier
    sources |= recommender_sources()  # the recommender page's user and item tables
    if (contextual := contextual_source()) is not None:  # the contextual page's occurrences
        sources["contextual"] = contextual
    return sources


def pick_vectors(key: str, radio: bool = False):  # noqa: ANN201 (Vectors)
    """The "Vectors" picker of the exploring pages; returns the vectors chosen."""
    sources = vector_sources()
    widget, extra = (st.radio, {"horizontal": True}) if radio else (st.selectbox, {})
    choice = widget(  # kept for the session: the same choice on every page
        _("Vectors"), list(sources), key=key, format_func=lambda k: sources[k][0],
        persist_state=KEEP,
        help=_("Trained here, your live run, gensim's, or your own."), **extra,
    )  # fmt: skip
    return sources[choice][1]


def map_defaults(wv) -> None:  # noqa: ANN001 (Vectors)
    """The projection page's starting point: the corpus's example groups, labelled, coloured.

    The groups are the corpus's (``Sample.groups``) when the corpus changes, and follow the
    language while they are still the corpus's own; what a user typed, chose or opened
    through a shared link is kept. Without example groups (an upload), k-means colours.
    """
    from explorer.maps.clusters import format_groups

    sample, ss = current_sample(), st.session_state
    texts = [format_groups(sample.groups, code) for code in LANGUAGES]
    if ss.get("proj.groups_for") != sample.key or ss.get("proj.groups") in texts:
        ss["proj.groups"] = format_groups(sample.groups, i18n.current_language())
        ss["proj.groups_for"] = sample.key
        if not sample.groups and ss.get("proj.colour") == "my groups":
            ss["proj.colour"] = "k-means"
    colour = "my groups" if sample.groups else "k-means"
    init_state({"proj.colour": colour, "proj.labels": 10, "proj.n": min(300, len(wv))})
    ss["proj.n"] = min(ss["proj.n"], len(wv))  # a link's number, for smaller vectors
