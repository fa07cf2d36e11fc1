"""CBOW vs skip-gram: the same windows, two ways to turn them into predictions."""

import streamlit as st

from explorer.app import corpus, draw, training, view
from explorer.charts.training import loss_figure, map_figure
from explorer.i18n import _
from explorer.lessons import cbow_vs_skipgram as lesson
from explorer.lessons.corpus_view import lesson_sentence, sentence_tokens, window_tables

view.page_setup()
st.title("⚖️ " + _("CBOW vs skip-gram"))
st.markdown(
    _(
        "Both read the same windows. **CBOW** averages the context words and predicts the centre "
        "word: one prediction per window. **Skip-gram** uses the centre word to predict each "
        "context word on its own: one prediction per (centre, context) pair."
    )
)

sentence = st.text_input(_("Sentence"), lesson_sentence(), key="cs.sentence",
                         help=_("Any sentence; the lesson's is the default."))  # fmt: skip
tokens = sentence_tokens(sentence)
if len(tokens) < 2:
    st.info(_("Type a sentence of at least two words."))
    st.stop()
for window in (1, 2):
    st.markdown(_("**Window {window}**").format(window=window))
    left, right = st.columns(2)
    cbow, pairs = window_tables(tokens, window)
    left.caption(_("CBOW: {n} examples").format(n=len(cbow)))
    left.dataframe(cbow, hide_index=True, height=200)
    right.caption(_("Skip-gram: {n} pairs").format(n=len(pairs)))
    right.dataframe(pairs, hide_index=True, height=200)

st.subheader(_("Trained both ways on this corpus, same seed"))
runs = {name: training.trained_model(c) for name, c in lesson.both_configs().items()}
sample = corpus.current_sample()
track = lesson.tracked_words(sample, runs["CBOW"][0].wv)
groups = lesson.tracked_groups(sample, track)  # coloured by group
word = st.selectbox(_("Neighbours of"), track or runs["CBOW"][0].wv.index_to_key[:50],
                    key="cs.word", help=_("Compare the two models' nearest words."))  # fmt: skip
cols = st.columns(2)
for col, (name, (model, seconds)) in zip(cols, runs.items(), strict=True):
    with col:
        st.markdown(f"### {name}")
        st.metric(_("Training time"), f"{seconds:.2f} s",
                  help=_("Measured when it was trained here."))  # fmt: skip
        st.metric(_("Final loss"), f"{model.loss_history_[-1]:.3f}",
                  help=_("Mean loss per prediction; skip-gram makes more, easier predictions, "
                  "so the two numbers are not directly comparable."))  # fmt: skip
        st.dataframe(lesson.neighbours_table(model.wv, word), hide_index=True)
        if len(track) >= 2:
            xy = lesson.tracked_map(model.wv, track)
            title = _("The tracked words (PCA)")
            draw.vega(map_figure(xy, track, title=title, groups=groups), key=f"cs.map.{name}")
        history = model.loss_history_
        draw.vega(loss_figure(list(range(1, len(history) + 1)), history), f"cs.loss.{name}")
st.caption(
    _(
        "What to notice: skip-gram makes several predictions per window, so it trains slower; "
        "it often does better on rare words, CBOW on frequent ones."
    )
)
