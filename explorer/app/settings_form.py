"""The word2vec training settings form, and the form's values to and from a config.

The form is drawn from word2vec's settings table (:mod:`explorer.models.word2vec.settings`)
and this module's ``DRAWING_SETTINGS``; the shared link reads the same tables.

Usage (in a page that trains):
    >>> from explorer.app import settings_form
    >>> config, track, chunk, map_top = settings_form.training_settings()
"""

from __future__ import annotations

import streamlit as st

from explorer.app.corpus import current_sample, max_vocab_for_training
from explorer.app.state import KEEP, init_state
from explorer.app.view import show_advanced
from explorer.i18n import N_, _
from explorer.models.settings import Setting
from explorer.models.word2vec.settings import SETTINGS, config_fields, form_values


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


#: The form's settings that are not the model's: the live page's pictures.
DRAWING_SETTINGS: tuple[Setting, ...] = (
    Setting("chunk", int, 20, lo=1, hi=200, label=N_("Batches per tick"),
            help=N_("How much training happens between two pictures while playing.")),
    Setting("track", str, "", widget="text", label=N_("Tracked words"),
            help=N_("Comma-separated words to show in the matrix and on the map.")),
    Setting("map_top", int, 0, lo=0, hi=100, label=N_("Also map the most frequent words"),
            help=N_("Put the N most frequent words on the map too (in grey; tracked words "
                    "are larger). The model is not restarted.")),
)  # fmt: skip
#: Every setting of the form, in its order (four to a row), and where the session keeps it.
FORM = (*SETTINGS, *DRAWING_SETTINGS)
PREFIX = "train."
#: The drawing settings' starting values (the tracked words are the corpus's own).
DRAWING_DEFAULTS = {PREFIX + s.key: s.default for s in DRAWING_SETTINGS if s.key != "track"}


def _settings_form() -> None:
    with st.expander(_("Settings"), expanded=False, key="train.settings"):
        for i in range(0, len(FORM), 4):
            row = FORM[i : i + 4]
            if len(row) == 1:  # a setting alone on the last row spans the form
                _widget(row[0], st)
                continue
            for setting, column in zip(row, st.columns(4)[: len(row)], strict=True):
                _widget(setting, column)


def _widget(setting: Setting, where) -> None:  # noqa: ANN001 (a column, or st)
    # One setting's widget, its bounds or choices from the table. The session holds values
    # (0 or 1, "hs"), never labels: the labels are the widget's format_func. The start value
    # is the widget's own default as well as the session's: a browser sometimes drew a
    # slider whose start came only from the session state at its minimum.
    key = PREFIX + setting.key
    value = st.session_state[key]
    label = _(setting.label)
    common = {"key": key, "persist_state": KEEP, "help": _(setting.help)}
    if setting.needs is not None:
        other, wanted = setting.needs
        common["disabled"] = st.session_state[PREFIX + other] != wanted
    if setting.widget == "radio":
        options = list(setting.form_choices())
        names = setting.choice_labels
        where.radio(label, options, index=options.index(value), horizontal=len(options) < 3,
                    format_func=lambda v: _(names[v]), **common)  # fmt: skip
    elif setting.widget == "select_slider":
        where.select_slider(label, setting.form_choices(), value=value, **common)
    elif setting.widget == "slider":
        where.slider(label, *setting.form_range(), value=value, **common)
    elif setting.widget == "number":
        where.number_input(label, *setting.form_range(), value=value, **common)
    else:
        where.text_input(label, value=value, **common)


def form_from_config(config) -> dict:  # noqa: ANN001 (Word2VecConfig)
    """The session's form values for a ``config`` (the inverse of ``config_from_form``)."""
    return {PREFIX + k: v for k, v in form_values(config).items()}


def config_from_form():  # noqa: ANN201 (Word2VecConfig)
    """The config the form's values say (for an upload, with its vocabulary cap)."""
    from explorer.models.word2vec.trainer import Word2VecConfig

    values = {s.key: st.session_state[PREFIX + s.key] for s in SETTINGS}
    fields = config_fields(values) | {"seed": int(values["seed"])}
    return Word2VecConfig(**fields, max_vocab=max_vocab_for_training())
