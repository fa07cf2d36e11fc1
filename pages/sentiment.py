"""Sentiment classifier: an Embedding layer inside a model, watched while it learns its task."""

import streamlit as st

from explorer.app import draw, exports, link, player, sentiment, view
from explorer.charts.sentiment import polarity_figure, push_bars
from explorer.i18n import _
from explorer.lessons.sentiment import polarity_map, top_pushes

view.page_setup()
st.title("👍 " + _("Sentiment classifier"))
st.markdown(_(
    "Seed 002's model, as TensorFlow's tutorial writes it: `Embedding` → average of the "
    "words → `Dense(16, relu)` → `Dense(1, sigmoid)`. Its embedding table learns only what "
    "telling positive from negative reviews rewards. Press **Play** and watch polarity "
    "become a direction."
))  # fmt: skip
advanced = view.show_advanced()  # the presenter view keeps Play, Pause, Step, Reset
key, data = sentiment.data_picker(show=advanced)
language = sentiment.language_for(key)
config, chunk = sentiment.settings(data)
sentiment.small_data_note(key, data)
run, was_reset = sentiment.live_run(key, data, config, language)
link.replay_to_url_step(run, chunk)  # a shared link names a step: train to it
model = run.model
if was_reset:
    st.info(_("The data or a setting changed, so the model restarted from step 0."))

playing = player.controls(run, "clf", chunk)
back = player.look_back(run, "clf", playing)


def frame(shown, looking_back: bool) -> None:
    """Ten times a second while playing: figures, the tracked rows, polarity, pushes."""
    player.metrics("clf", sentiment.figures(run, shown))
    left, right = st.columns(2)
    player.heatmap(run, "embedding", shown, looking_back,
                   _("Embedding rows of the tracked words"), "clf.E", left)  # fmt: skip
    xy = polarity_map(model, run.state, run.track)
    title = _("Polarity: the direction the output layer reads")
    draw.vega(polarity_figure(run.track, xy, title), "clf.polarity", right)
    left, right = st.columns(2)
    player.steady_map(run, shown, looking_back, "clf.map", where=left)
    title = _("Which words push a review positive")
    draw.vega(push_bars(top_pushes(model, run.state, k=8), title), "clf.top", right)
    st.caption(_("Outlined rows: changed by the last chunk. A word's push alone: the logit of "
                 "a one-word review minus an empty one's (the polarity map and the pushes "
                 "show the newest step)."))  # fmt: skip


player.live(run, chunk, playing, frame, back, key="clf")
accuracy = {"accuracy": _("Training accuracy"), "test_accuracy": _("Held-out accuracy")}
player.curves(run, "clf", playing, [
    player.Curve(accuracy, _("Accuracy"), _("accuracy"), (_("chance"), 0.5)),
    player.Curve({"test_loss": _("Held-out loss")}, _("Held-out loss"), _("loss")),
])  # fmt: skip

if advanced and not playing:
    st.subheader(_("Try a sentence"))
    sentiment.prediction_box(model, run.state, language)
    st.subheader(_("model.summary()"))
    sentiment.summary_panel(model)
    st.subheader(_("The same words, two tasks"))
    st.markdown(_("word2vec learns from neighbours, so words used in the same places (a good "
                  "film, a bad film) get close vectors. The classifier learns from verdicts, "
                  "so they end up at opposite ends. An embedding learns what its task "
                  "rewards."))  # fmt: skip
    sentiment.comparison_panel(key, data, model, run.state, language)
    sentiment.upload_panel()
    exports.export_panel(run.vectors("embedding"), key="clf.export",
                         link=link.share_link("sentiment", run.step))
