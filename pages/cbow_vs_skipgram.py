"""CBOW vs skip-gram: the same windows, two ways to turn them into predictions."""

import dataclasses

import pandas as pd
import streamlit as st

from explorer import session
from explorer.alignment import pca_coords
from explorer.corpus import tokenize
from explorer.samples import load_lesson_sentences
from explorer.training import Word2VecConfig
from explorer.training_figures import loss_figure, map_figure
from explorer.windows import cbow_examples, skipgram_pairs

session.page_setup()
st.title("⚖️ CBOW vs skip-gram")
st.markdown(
    "Both read the same windows. **CBOW** averages the context words and predicts the centre "
    "word: one prediction per window. **Skip-gram** uses the centre word to predict each "
    "context word on its own: one prediction per (centre, context) pair."
)

sentence = st.text_input("Sentence", load_lesson_sentences()[0], key="cs.sentence",
                         help="Any sentence; the lesson's is the default.")  # fmt: skip
tokens = [t for s in tokenize(sentence) for t in s]
if len(tokens) < 2:
    st.info("Type a sentence of at least two words.")
    st.stop()
for window in (1, 2):
    st.markdown(f"**Window {window}**")
    left, right = st.columns(2)
    cbow = [{"context": ", ".join(c), "→ predicts": t} for c, t in cbow_examples(tokens, window)]
    left.caption(f"CBOW: {len(cbow)} examples")
    left.dataframe(pd.DataFrame(cbow), hide_index=True, height=200)
    pairs = [{"centre": a, "→ predicts": b} for a, b in skipgram_pairs(tokens, window)]
    right.caption(f"Skip-gram: {len(pairs)} pairs")
    right.dataframe(pd.DataFrame(pairs), hide_index=True, height=200)

st.subheader("Trained both ways on this corpus, same seed")
base = Word2VecConfig()
runs = {name: session.trained_model(dataclasses.replace(base, sg=sg))
        for name, sg in (("CBOW", 0), ("Skip-gram", 1))}  # fmt: skip
sample = session.current_sample()
track = [w for w in sample.track if w in runs["CBOW"][0].wv]
word = st.selectbox("Neighbours of", track or runs["CBOW"][0].wv.index_to_key[:50],
                    key="cs.word", help="Compare the two models' nearest words.")  # fmt: skip
cols = st.columns(2)
for col, (name, (model, seconds)) in zip(cols, runs.items(), strict=True):
    with col:
        st.markdown(f"### {name}")
        st.metric("Training time", f"{seconds:.2f} s", help="Measured when it was trained here.")
        st.metric("Final loss", f"{model.loss_history_[-1]:.3f}",
                  help="Mean loss per prediction; skip-gram makes more, easier predictions, "
                  "so the two numbers are not directly comparable.")  # fmt: skip
        near = pd.DataFrame(model.wv.most_similar(word, topn=8), columns=["word", "cosine"])
        st.dataframe(near.round(3), hide_index=True)
        if len(track) >= 2:
            xy = pca_coords(model.wv[track].astype(float))
            st.vega_lite_chart(map_figure(xy, track), key=f"cs.map.{name}")
        history = model.loss_history_
        st.vega_lite_chart(loss_figure(list(range(1, len(history) + 1)), history),
                           key=f"cs.loss.{name}")  # fmt: skip
st.caption(
    "What to notice: skip-gram makes several predictions per window, so it trains slower; "
    "it often does better on rare words, CBOW on frequent ones."
)
