"""The recommender page's data and settings: the shop's ratings or the user's table, the
model's settings, in one expander.

Usage (the recommender page):
    >>> from explorer.app import ratings_form
    >>> data, config, chunk, settings = ratings_form.ratings_settings()

An upload is read when it arrives (``on_change``); a table that cannot train a model leaves
the current data and model as they were and says why (no traceback: the readers raise only
``UploadError`` and ``RatingsError``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import streamlit as st

from explorer.app.state import KEEP, init_state
from explorer.app.view import show_advanced
from explorer.i18n import _
from explorer.models.recommender_settings import SETTINGS
from explorer.models.settings import Setting

if TYPE_CHECKING:  # the shared link imports this module: numpy and pandas only when drawn
    from explorer.models.ratings_data import Ratings
    from explorer.models.recommender import RecommenderConfig

#: Where the session keeps the settings (``rec.output_dim``...); the shared link reads them
#: with the same table (``explorer.app.link``).
PREFIX = "rec."
FORM = SETTINGS
#: The page's choices of a user and an item, forgotten when the data changes (a name of the
#: old data would match no option of the new).
PICKS = ("rec.user", "rec.item")


def _forget_picks() -> None:
    for key in PICKS:
        st.session_state.pop(key, None)


def _on_upload() -> None:  # the current model stays unless the new table can train one
    from explorer.lessons import recommender as rec

    ss = st.session_state
    if (f := ss.get("rec.file")) is not None:
        try:
            ss["rec.upload"] = (f.name, rec.ratings_upload(f.name, f.getvalue()))
            ss["rec.data"], ss["rec.error"] = "upload", None
            _forget_picks()
        except (rec.UploadError, rec.RatingsError) as e:
            ss["rec.error"] = e.args[0] if e.args else str(e)  # a message: shown translated


@st.cache_resource(show_spinner=False)
def _shop() -> Ratings:
    from explorer.models.ratings_data import load_shop_ratings

    return load_shop_ratings()


def ratings_settings() -> tuple[Ratings, RecommenderConfig, int, Hashable]:
    """The form (outside the presenter view): ``(data, config, batches per tick, settings)``,
    where ``settings`` changes exactly when the run must restart."""
    from explorer.lessons.recommender import config_from

    ss = st.session_state
    init_state({"rec.data": "shop"} | {PREFIX + s.key: s.default for s in FORM})
    upload = ss.get("rec.upload")
    if show_advanced():
        _form(upload)
    mine = ss["rec.data"] == "upload" and upload is not None
    data = upload[1] if mine else _shop()
    config = config_from({s.key: ss[PREFIX + s.key] for s in FORM})
    return data, config, int(ss["rec.chunk"]), (("upload", id(data)) if mine else "shop", config)


def _form(upload: tuple | None) -> None:
    ss = st.session_state
    with st.expander(_("Data and settings"), expanded=ss.get("rec.error") is not None):
        names = {"shop": _("The made-up shop's ratings (400 users, 101 items)")}
        if upload is not None:
            names["upload"] = _("Your ratings ({name})").format(name=upload[0])
        st.radio(_("Ratings"), list(names), format_func=names.get, key="rec.data",
                 on_change=_forget_picks, persist_state=KEEP,
                 help=_("Made-up ratings from hidden tastes, or your own."))  # fmt: skip
        st.file_uploader(_("Your ratings: a user,item,rating table (.csv or .tsv)"),
                         ["csv", "tsv"], key="rec.file", on_change=_on_upload,
                         help=_("One row per rating, numbers in the rating column."))  # fmt: skip
        if error := ss.get("rec.error"):
            st.error(_("This table cannot train the recommender, so the current model stays. "
                       "{reason}").format(reason=error))  # fmt: skip
        for setting, column in zip(FORM, st.columns(len(FORM)), strict=True):
            _widget(setting, column)


def _widget(setting: Setting, where) -> None:  # noqa: ANN001 (a column)
    # As explorer.app.settings_form draws word2vec's: bounds and choices from the table; the
    # session holds values, the labels are the widget's format_func.
    key = PREFIX + setting.key
    value, label = st.session_state[key], _(setting.label)
    common = {"key": key, "persist_state": KEEP, "help": _(setting.help)}
    if setting.widget == "radio":
        options, names = list(setting.form_choices()), setting.choice_labels
        where.radio(label, options, index=options.index(value),
                    format_func=lambda v: _(names[v]), **common)  # fmt: skip
    elif setting.widget == "select_slider":
        where.select_slider(label, setting.form_choices(), value=value, **common)
    elif setting.widget == "number":
        where.number_input(label, *setting.form_range(), value=value, **common)
    else:
        where.slider(label, *setting.form_range(), value=value, **common)


def recommender_sources() -> dict:
    """The session's user and item tables for ``vector_sources``, once they have trained."""
    run = st.session_state.get("rec.run")  # where player.session_run("rec", ...) keeps it
    if run is None or run.step == 0:
        return {}
    users = _("Recommender: the user table (step {step:,})").format(step=run.step)
    items = _("Recommender: the item table (step {step:,})").format(step=run.step)
    return {"rec.users": (users, run.vectors("users")), "rec.items": (items, run.vectors("items"))}
