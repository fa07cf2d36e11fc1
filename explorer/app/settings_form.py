"""The word2vec training settings form, and the form's values to and from a config.

Usage (in a page that trains):
    >>> from explorer.app import settings_form
    >>> config, track, chunk, map_top = settings_form.training_settings()
"""

from __future__ import annotations

import streamlit as st

from explorer.app.corpus import current_sample, max_vocab_for_training
from explorer.app.state import ALPHAS, BATCH_SIZES, KEEP, init_state
from explorer.app.view import show_advanced
from explorer.i18n import N_, _


def training_settings():  # noqa: ANN201 (Word2VecConfig, list[str], int)
    """The training settings form (an expander): ``(config, tracked words, chunk, map_top)``.

    Shared by the pages that train, so every one of them names and bounds the settings alike.
    """
    from explorer.models.word2vec.trainer import Word2VecConfig

    sample = current_sample()
    init_state(form_from_config(Word2VecConfig()) | DRAWING_DEFAULTS)
    if st.session_state.get("train.track_for") != sample.key:  # new corpus: its own defaults
        st.session_state["train.track"] = ", ".join(sample.track)
        st.session_state["train.track_for"] = sample.key
    if show_advanced():  # the presenter view trains at the settings it has
        _settings_form()
    ss = st.session_state
    config = config_from_form()
    track = [w.strip() for w in ss["train.track"].replace("，", ",").split(",") if w.strip()]
    return config, track, int(ss["train.chunk"]), int(ss["train.map_top"])


def _settings_form() -> None:
    with st.expander(_("Settings"), expanded=False, key="train.settings"):
        c = st.columns(4)
        c[0].radio(
            _("Architecture"),
            [N_("CBOW"), N_("Skip-gram")],  # stored and shared in English
            format_func=_,
            key="train.sg",
            persist_state=KEEP,
            horizontal=True,
            help=_(
                "CBOW: the average of the context predicts the centre word. "
                "Skip-gram: the centre word predicts each context word."
            ),
        )
        c[1].radio(
            _("Output layer"),
            [N_("Negative sampling"), N_("Full softmax"), N_("Hierarchical softmax")],
            format_func=_,
            key="train.objective",
            persist_state=KEEP,
            help=_(
                "Full softmax scores every word of the vocabulary; negative sampling "
                "scores the true word against k random 'negative' words; hierarchical "
                "softmax walks the true word's path in a Huffman tree, a yes/no question "
                "per node (about log2 V of them)."
            ),
        )
        c[2].slider(
            _("Negatives k"),
            1,
            20,
            key="train.negative",
            persist_state=KEEP,
            disabled=st.session_state["train.objective"] != "Negative sampling",
            help=_("Negative words drawn per example, from unigram counts ** 0.75."),
        )
        c[3].slider(
            _("Vector size d"),
            2,
            100,
            key="train.vector_size",
            persist_state=KEEP,
            help=_("Columns of W. Small by default so the matrix stays readable."),
        )
        c = st.columns(4)
        c[0].slider(
            _("Window"),
            1,
            10,
            key="train.window",
            persist_state=KEEP,
            help=_("Context words on each side of the centre word (at most)."),
        )
        c[1].select_slider(
            _("Learning rate"),
            ALPHAS,
            key="train.alpha",
            persist_state=KEEP,
            help=_("Starting step size; it decays to 0.0001."),
        )
        c[2].select_slider(
            _("Batch size"),
            BATCH_SIZES,
            key="train.batch_size",
            persist_state=KEEP,
            help=_("Examples per update."),
        )
        c[3].slider(_("Epochs"), 1, 50, key="train.epochs", persist_state=KEEP,
                    help=_("Passes over the corpus."))  # fmt: skip
        c = st.columns(4)
        c[0].number_input(
            _("Seed"),
            0,
            2**31 - 1,
            key="train.seed",
            persist_state=KEEP,
            help=_("Same seed, same settings: the same run, step for step."),
        )
        c[1].slider(
            _("Min count"),
            1,
            10,
            key="train.min_count",
            persist_state=KEEP,
            help=_("Words seen fewer times are left out of the vocabulary."),
        )
        c[2].slider(
            _("Batches per tick"),
            1,
            200,
            key="train.chunk",
            persist_state=KEEP,
            help=_("How much training happens between two pictures while playing."),
        )
        c[3].text_input(
            _("Tracked words"),
            key="train.track",
            persist_state=KEEP,
            help=_("Comma-separated words to show in the matrix and on the map."),
        )
        st.slider(
            _("Also map the most frequent words"),
            0,
            100,
            key="train.map_top",
            persist_state=KEEP,
            help=_(
                "Put the N most frequent words on the map too (in grey; tracked words "
                "are larger). The model is not restarted."
            ),
        )


#: The form's settings that are not the model's: batches per picture, frequent words mapped.
DRAWING_DEFAULTS = {"train.chunk": 20, "train.map_top": 0}


def form_from_config(c) -> dict:  # noqa: ANN001 (Word2VecConfig)
    # The settings form's values for a config (the inverse of config_from_form). Without
    # negative sampling, k is left as the form had it.
    objective = "Hierarchical softmax" if c.hs else "Negative sampling" if c.negative else None
    form = {
        "train.sg": "Skip-gram" if c.sg else "CBOW",
        "train.objective": objective or "Full softmax",
        "train.vector_size": c.vector_size, "train.window": c.window, "train.alpha": c.alpha,
        "train.batch_size": c.batch_size, "train.epochs": c.epochs, "train.seed": c.seed,
        "train.min_count": c.min_count,
    }  # fmt: skip
    return form | ({"train.negative": c.negative} if c.negative else {})


def config_from_form():  # noqa: ANN202 (Word2VecConfig)
    from explorer.models.word2vec.trainer import Word2VecConfig

    ss = st.session_state
    return Word2VecConfig(
        vector_size=ss["train.vector_size"], window=ss["train.window"],
        min_count=ss["train.min_count"], sg=int(ss["train.sg"] == "Skip-gram"),
        negative=ss["train.negative"] if ss["train.objective"] == "Negative sampling" else 0,
        hs=int(ss["train.objective"] == "Hierarchical softmax"),
        alpha=ss["train.alpha"], epochs=ss["train.epochs"], batch_size=ss["train.batch_size"],
        seed=int(ss["train.seed"]), max_vocab=max_vocab_for_training(),
    )  # fmt: skip
