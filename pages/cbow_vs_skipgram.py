"""CBOW vs skip-gram: the same windows, two ways to turn them into predictions."""

import dataclasses

import pandas as pd
import streamlit as st

from explorer.app import corpus, draw, training, view
from explorer.charts.training import loss_figure, map_figure
from explorer.i18n import _
from explorer.maps.pca import pca_coords
from explorer.models.word2vec.trainer import Word2VecConfig
from explorer.text.samples import load_lesson_sentences
from explorer.text.tokenize import tokenize
from explorer.text.windows import cbow_examples, skipgram_pairs

view.page_setup()
st.title("⚖️ " + _("CBOW vs skip-gram"))
st.markdown(
    _(
        "Both read the same windows. **CBOW** averages the context words and predicts the centre "
        "word: one prediction per window. **Skip-gram** uses the centre word to predict each "
        "context word on its own: one prediction per (centre, context) pair."
    )
)

sentence = st.text_input(_("Sentence"), load_lesson_sentences()[0], key="cs.sentence",
                         help=_("Any sentence; the lesson's is the default."))  # fmt: skip
tokens = [t for s in tokenize(sentence) for t in s]
if len(tokens) < 2:
    st.info(_("Type a sentence of at least two words."))
    st.stop()
context, predicts, centre = _("context"), _("→ predicts"), _("centre")
for window in (1, 2):
    st.markdown(_("**Window {window}**").format(window=window))
    left, right = st.columns(2)
    cbow = [{context: ", ".join(c), predicts: t} for c, t in cbow_examples(tokens, window)]
    left.caption(_("CBOW: {n} examples").format(n=len(cbow)))
    left.dataframe(pd.DataFrame(cbow), hide_index=True, height=200)
    pairs = [{centre: a, predicts: b} for a, b in skipgram_pairs(tokens, window)]
    right.caption(_("Skip-gram: {n} pairs").format(n=len(pairs)))
    right.dataframe(pd.DataFrame(pairs), hide_index=True, height=200)

st.subheader(_("Trained both ways on this corpus, same seed"))
base = Word2VecConfig()
runs = {name: training.trained_model(dataclasses.replace(base, sg=sg))
        for name, sg in (("CBOW", 0), ("Skip-gram", 1))}  # fmt: skip
sample = corpus.current_sample()
track = [w for w in sample.track if w in runs["CBOW"][0].wv]
groups = {w: _(g) for w in track if (g := sample.group_of(w))} or None  # coloured by group
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
        near = pd.DataFrame(model.wv.most_similar(word, topn=8),
                            columns=[_("word"), _("cosine")])  # fmt: skip
        st.dataframe(near.round(3), hide_index=True)
        if len(track) >= 2:
            xy = pca_coords(model.wv[track].astype(float))
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
