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

import streamlit as st

from explorer.app.state import KEEP, init_state
from explorer.app.view import show_advanced
from explorer.i18n import _
from explorer.lessons import recommender as rec
from explorer.models.ratings_data import Ratings

DEFAULTS = {"rec.data": "shop", "rec.dim": 8, "rec.bias": True, "rec.lr": 0.005,
            "rec.epochs": 10, "rec.seed": 0, "rec.chunk": rec.CHUNK}  # fmt: skip
LEARNING_RATES = (0.001, 0.002, 0.005, 0.01, 0.02)


def _on_upload() -> None:  # the current model stays unless the new table can train one
    ss = st.session_state
    if (f := ss.get("rec.file")) is not None:
        try:
            ss["rec.upload"] = (f.name, rec.ratings_upload(f.name, f.getvalue()))
            ss["rec.data"], ss["rec.error"] = "upload", None
        except (rec.UploadError, rec.RatingsError) as e:
            ss["rec.error"] = str(e)


@st.cache_resource(show_spinner=False)
def _shop() -> Ratings:
    return rec.load_shop_ratings()


def ratings_settings() -> tuple[Ratings, rec.RecommenderConfig, int, Hashable]:
    """The form (outside the presenter view): ``(data, config, batches per tick, settings)``,
    where ``settings`` changes exactly when the run must restart."""
    ss, keep = st.session_state, {"persist_state": KEEP}
    init_state(DEFAULTS)
    upload = ss.get("rec.upload")
    if show_advanced():
        _form(upload, keep)
    mine = ss["rec.data"] == "upload" and upload is not None
    data = upload[1] if mine else _shop()
    config = rec.RecommenderConfig(output_dim=ss["rec.dim"], use_bias=ss["rec.bias"],
                                   learning_rate=ss["rec.lr"], epochs=ss["rec.epochs"],
                                   seed=ss["rec.seed"])  # fmt: skip
    return data, config, int(ss["rec.chunk"]), (("upload", id(data)) if mine else "shop", config)


def _form(upload: tuple | None, keep: dict) -> None:
    ss = st.session_state
    with st.expander(_("Data and settings"), expanded=ss.get("rec.error") is not None):
        names = {"shop": _("The made-up shop's ratings (400 users, 101 items)")}
        if upload is not None:
            names["upload"] = _("Your ratings ({name})").format(name=upload[0])
        st.radio(
            _("Ratings"),
            list(names),
            format_func=names.get,
            key="rec.data",
            **keep,
            help=_("Made-up ratings drawn from hidden tastes, or your own table."),
        )
        st.file_uploader(
            _("Your ratings: a user,item,rating table (.csv or .tsv)"),
            ["csv", "tsv"],
            key="rec.file",
            on_change=_on_upload,
            help=_("One row per rating, numbers in the rating column."),
        )
        if error := ss.get("rec.error"):
            st.error(
                _(
                    "This table cannot train the recommender, so the current model stays. {reason}"
                ).format(reason=error)
            )
        c = st.columns(6)
        c[0].slider(_("output_dim"), 2, 32, key="rec.dim", **keep, help=_("Length of each vector."))
        c[1].checkbox(
            _("use_bias"), key="rec.bias", **keep, help=_("A learned bias per user and item.")
        )
        c[2].select_slider(
            _("learning_rate"), LEARNING_RATES, key="rec.lr", **keep, help=_("Adam's step size.")
        )
        c[3].slider(
            _("epochs"), 1, 40, key="rec.epochs", **keep, help=_("Passes over the ratings.")
        )
        c[4].number_input(
            _("seed"), 0, 9999, key="rec.seed", **keep, help=_("First weights, and order.")
        )
        c[5].slider(
            _("Batches per tick"), 1, 50, key="rec.chunk", **keep, help=_("Training per picture.")
        )
