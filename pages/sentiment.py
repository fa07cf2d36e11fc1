"""Sentiment classifier: an Embedding layer inside a model, watched while it learns its task."""

import streamlit as st

from explorer.app import player, sentiment, session
from explorer.charts.sentiment import polarity_figure, push_bars
from explorer.i18n import _
from explorer.lessons.sentiment import polarity_map, top_pushes

session.page_setup()
st.title("👍 " + _("Sentiment classifier"))
st.markdown(_(
    "Seed 002's model, as TensorFlow's tutorial writes it: `Embedding` → average of the "
    "words → `Dense(16, relu)` → `Dense(1, sigmoid)`. Its embedding table learns only what "
    "telling positive from negative reviews rewards. Press **Play** and watch polarity "
    "become a direction."
))  # fmt: skip
advanced = session.show_advanced()
key, data = sentiment.data_picker(show=advanced)
language = sentiment.language_for(key)
config, chunk = sentiment.settings(data)
sentiment.small_data_note(key, data)
run, was_reset = sentiment.live_run(key, data, config, language)
model = run.model
if was_reset:
    st.info(_("The data or a setting changed, so the model restarted from step 0."))

playing = player.controls(run, "clf", chunk)
frame, looking_back = player.frame_to_show(run, "clf", playing)


def draw(frame, looking_back) -> None:  # noqa: ANN001
    """Each tick: the tracked words' rows, the polarity map, the words that push."""
    left, right = st.columns(2)
    player.heatmap(run, "embedding", frame, looking_back, _("Embedding rows of the tracked "
                                                           "words"), where=left)  # fmt: skip
    xy = polarity_map(model, run.state, run.track)
    session.vega(polarity_figure(run.track, xy, _("Polarity: the direction the output layer "
                                                 "reads")), "clf.polarity", right)  # fmt: skip
    left, right = st.columns(2)
    player.steady_map(run, frame, looking_back, "clf.map", where=left)
    session.vega(push_bars(top_pushes(model, run.state, k=8), _("Which words push a review "
                                                               "positive")), "clf.top", right)


player.live(run, "clf", chunk, playing, draw)
player.curves(run, "clf", playing, {"accuracy": _("Training accuracy"),
                                    "test_accuracy": _("Held-out accuracy")})  # fmt: skip
st.caption(_("The push of a word alone: the logit of a one-word review minus an empty one's. "
             "Outlined rows changed in the last chunk."))  # fmt: skip

if advanced and not playing:
    sentiment.share_vectors(run)
    st.subheader(_("Try a sentence"))
    sentiment.prediction_box(model, run.state, language)
    st.subheader(_("The same words, two tasks"))
    st.markdown(_("word2vec learns from neighbours, so words used in the same places (a good "
                  "film, a bad film) get close vectors. The classifier learns from verdicts, "
                  "so they end up at opposite ends. An embedding learns what its task "
                  "rewards."))  # fmt: skip
    sentiment.comparison_panel(key, data, model, run.state, language)
    st.subheader(_("model.summary()"))
    sentiment.summary_panel(model)
    sentiment.upload_panel()
    session.export_panel(sentiment.classifier_table(run), key="clf.export",
                         link=session.share_link("sentiment", run.step))
