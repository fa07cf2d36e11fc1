"""Recommender: a user table and an item table learn from ratings alone, live."""

import streamlit as st

from explorer.app import exports, player, state, view
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
ss, advanced = st.session_state, view.show_advanced()
state.init_state({"rec.data": "shop", "rec.dim": 8, "rec.bias": True, "rec.lr": 0.005,
                    "rec.epochs": 10, "rec.seed": 0, "rec.chunk": rec.CHUNK})  # fmt: skip


def on_upload() -> None:  # the current model stays unless the new table can train one
    if (f := ss.get("rec.file")) is not None:
        try:
            ss["rec.upload"] = (f.name, rec.ratings_upload(f.name, f.getvalue()))
            ss["rec.data"], ss["rec.error"] = "upload", None
        except (rec.UploadError, rec.RatingsError) as e:
            ss["rec.error"] = str(e)


upload = ss.get("rec.upload")
if advanced:
    with st.expander(_("Data and settings"), expanded=ss.get("rec.error") is not None):
        names = {"shop": _("The made-up shop's ratings (400 users, 101 items)")}
        if upload is not None:
            names["upload"] = _("Your ratings ({name})").format(name=upload[0])
        st.radio(_("Ratings"), list(names), format_func=names.get, key="rec.data",
                 help=_("Made-up ratings drawn from hidden tastes, or your own table."))
        st.file_uploader(_("Your ratings: a user,item,rating table (.csv or .tsv)"),
                         ["csv", "tsv"], key="rec.file", on_change=on_upload,
                         help=_("One row per rating, numbers in the rating column."))
        if error := ss.get("rec.error"):
            st.error(_("This table cannot train the recommender, so the current model stays. "
                       "{reason}").format(reason=error))  # fmt: skip
        c = st.columns(6)
        c[0].slider(_("output_dim"), 2, 32, key="rec.dim", help=_("Length of each vector."))
        c[1].checkbox(_("use_bias"), key="rec.bias", help=_("A learned bias per user and item."))
        c[2].select_slider(_("learning_rate"), [0.001, 0.002, 0.005, 0.01, 0.02], key="rec.lr",
                           help=_("Adam's step size."))  # fmt: skip
        c[3].slider(_("epochs"), 1, 40, key="rec.epochs", help=_("Passes over the ratings."))
        c[4].number_input(_("seed"), 0, 9999, key="rec.seed", help=_("First weights, and order."))
        c[5].slider(_("Batches per tick"), 1, 50, key="rec.chunk", help=_("Training per picture."))
mine = ss["rec.data"] == "upload" and upload is not None
data = upload[1] if mine else st.cache_resource(rec.load_shop_ratings, show_spinner=False)()
config = rec.RecommenderConfig(ss["rec.dim"], ss["rec.bias"], ss["rec.lr"],
                               epochs=ss["rec.epochs"], seed=ss["rec.seed"])  # fmt: skip
settings = (("upload", id(upload[1])) if mine else ("shop",), config)
run, was_reset = player.session_run("rec", settings, lambda: rec.live_run(data, config))
if was_reset:
    st.info(_("The data or a setting changed, so the model restarted from step 0."))
baseline, chunk = rec.item_mean_baseline(data), ss["rec.chunk"]
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
    player.heatmap(run, "users", shown, looking_back, _("users (the first 20)"), "rU", left)
    title = _("items (three of each category)")
    player.heatmap(run, "items", shown, looking_back, title, "rI", right)
    st.caption(_("Outlined rows: changed by the last chunk. Red is positive, blue negative."))
    player.steady_map(run, shown, looking_back, "rM", data.categories or None)


player.live(run, chunk, playing, draw, back, key="rec")
curves = [player.Curve({"train_rmse": _("train"), "test_rmse": _("test")}, _("RMSE"), "RMSE",
                       (_("item means"), baseline))]  # fmt: skip
if rec.CATEGORY_PROBE in run.probes:
    chance = rec.chance_accuracy([data.categories[i] for i in data.items if i in data.categories])
    curves.append(player.Curve({rec.CATEGORY_PROBE: _("item table")}, _("Categories recovered "
                  "(nearest centroid)"), _("accuracy"), (_("chance"), chance)))  # fmt: skip
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
    st.dataframe(rec.unseen_predictions(model, now, user, 8).rename(columns=_), hide_index=True)
    hits, share = rec.taste_hits(model, now)
    if hits == hits:  # not NaN: the data knows the users' tastes
        st.caption(_("Over all users: {hits:.0%} of each one's top 5 unseen items are of a loved "
                     "category; {share:.0%} of all their unseen items are.").format(
                         hits=hits, share=share))  # fmt: skip
    if data.categories:
        st.subheader(_("Bought together, or rated alike?"))
        i2v = st.cache_resource(rec.item2vec_on_sessions, show_spinner=False)()[1]
        items = rec.table_vectors(model, now, "items")
        item = st.selectbox(_("Item"), data.items, key="rec.item",
                            help=_("Its neighbours in item2vec (sessions) and here (ratings)."))
        st.dataframe(rec.bought_vs_rated(i2v, items, item, data.categories).rename(columns=_),
                     hide_index=True)  # fmt: skip
        table = rec.recovery_table({_("recommender"): items, "item2vec": i2v.wv}, data.categories)
        st.dataframe(table.rename(columns=_), hide_index=True)
        st.caption(_("item2vec learns from sessions: items bought together (a tent and its "
                     "pegs). The recommender learns from ratings: items the same people like. "
                     "Both find the categories; they rank the neighbours differently."))
    tables = {"items": _("items"), "users": _("users")}
    which = st.radio(_("Export the table of"), list(tables), format_func=tables.get,
                     horizontal=True, key="rec.export_table", help=_("Rows and their vectors."))
    exports.export_panel(run.vectors(which), key="rec.export")
st.caption(_("What to notice: test RMSE drops below the item-mean line within the first epoch; "
             "on the map, items of one category (one colour) gather although no rating names it."))
