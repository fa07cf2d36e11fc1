"""Recommender: a user table and an item table learn from ratings alone, live."""

import streamlit as st

from explorer.app import exports, link, player, ratings_form, view
from explorer.i18n import _
from explorer.lessons import recommender as rec

view.page_setup()
st.title("🎯 " + _("Recommender"))
st.markdown(_(
    "Seed 002's second model: each **user** and each **item** gets a row in its own Embedding "
    "table, and their **dot product** (plus a bias each) predicts the rating. The ratings never "
    "name a category, yet users rate by taste, so items rated alike should end up close. Press "
    "**Play**: the test error falls below the item-mean baseline and the categories appear."
))  # fmt: skip
data, config, chunk, settings = ratings_form.ratings_settings()
run, was_reset = player.session_run("rec", settings, lambda: rec.live_run(data, config))
link.replay_to_url_step(run, chunk)  # a shared link names a step: train to it
if was_reset:
    st.info(_("The data or a setting changed, so the model restarted from step 0."))
baseline, advanced = rec.item_mean_baseline(data), view.show_advanced()
playing = player.controls(run, "rec", chunk)
back = player.look_back(run, "rec", playing)


def draw(shown, looking_back: bool) -> None:
    """Ten times a second while playing: the figures, both tables and the map of items."""
    train, test = (shown.info.get(k, float("nan")) for k in ("train_rmse", "test_rmse"))
    player.metrics("rec", [
        (_("Step"), f"{shown.step:,}", _("Batches trained so far")),
        (_("Train RMSE"), "–" if train != train else f"{train:.3f}", None),
        (_("Test RMSE"), "–" if test != test else f"{test:.3f}", _("On ratings held out.")),
        (_("Item-mean baseline"), f"{baseline:.3f}",
         _("Test RMSE of predicting each item's mean training rating.")),
    ])  # fmt: skip
    left, right = st.columns(2)
    users, items = (_(title) for title in rec.heatmap_titles(data))
    player.heatmap(run, "users", shown, looking_back, users, "rU", left)
    player.heatmap(run, "items", shown, looking_back, items, "rI", right)
    st.caption(_("Outlined rows: changed by the last chunk. Red is positive, blue negative."))
    player.steady_map(run, shown, looking_back, "rM", data.categories or None)


player.live(run, chunk, playing, draw, back, key="rec")
curves = [player.Curve({"train_rmse": _("train"), "test_rmse": _("test")}, _("RMSE"), "RMSE",
                       (_("item means"), baseline))]  # fmt: skip
if rec.CATEGORY_PROBE in run.probes:
    chance = (_("chance"), rec.category_chance(data))
    curves.append(player.Curve({rec.CATEGORY_PROBE: _("item table")}, _("Categories recovered "
                  "(nearest centroid)"), _("accuracy"), chance))  # fmt: skip
player.curves(run, "rec", playing, curves)
if advanced and not playing:
    model, now = run.model, run.state
    st.subheader(_("model.summary()"))
    st.code(rec.summary_text(model.summary()), language=None)
    st.subheader(_("One user's predictions for the items they have not rated"))
    user = st.selectbox(_("User"), data.users, key="rec.user",
                        help=_("Items this user rated in training are left out."))  # fmt: skip
    if taste := rec.user_taste(data, user):
        st.markdown(_("Hidden taste: loves **{loved}**, dislikes **{disliked}**.").format(
            loved=", ".join(taste[0]), disliked=", ".join(taste[1])))  # fmt: skip
    st.dataframe(rec.for_display(rec.unseen_predictions(model, now, user, 8), _), hide_index=True)
    if data.tastes:  # the made-up users' hidden tastes
        hits, share = rec.taste_hits(model, now)
        st.caption(_("Over all users: {hits:.0%} of each one's top 5 unseen items are of a loved "
                     "category; {share:.0%} of all their unseen items are.").format(
                         hits=hits, share=share))  # fmt: skip
    if data.categories:
        st.subheader(_("Bought together, or rated alike?"))
        i2v = st.cache_resource(rec.item2vec_on_sessions, show_spinner=False)()[1]
        items = rec.table_vectors(model, now, "items")
        item = st.selectbox(_("Item"), data.items, key="rec.item", help=_(
            "Its neighbours in item2vec (sessions) and here (ratings)."))  # fmt: skip
        st.dataframe(rec.for_display(rec.bought_vs_rated(i2v, items, item, data.categories), _),
                     hide_index=True)  # fmt: skip
        table = rec.recovery_table({_("recommender"): items, "item2vec": i2v.wv}, data.categories)
        st.dataframe(rec.for_display(table, _), hide_index=True)
        st.caption(_(
            "item2vec learns from sessions: items bought together (a tent and its pegs). The "
            "recommender learns from ratings: items the same people like. Both find the "
            "categories; they rank the neighbours differently."))  # fmt: skip
    tables = {"items": _("items"), "users": _("users")}
    which = st.radio(_("Export the table of"), list(tables), format_func=tables.get,
                     horizontal=True, key="rec.table", help=_("Which one to save."))  # fmt: skip
    shared = link.share_link("recommender", run.step) if settings[0] == "shop" else ""
    exports.export_panel(run.vectors(which), key="rec.export", link=shared)
st.caption(_(
    "What to notice: test RMSE drops below the item-mean line within the first epoch; on the "
    "map, items of one category (one colour) gather although no rating names it."))  # fmt: skip
