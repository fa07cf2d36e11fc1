"""Negative sampling: score the right word against a few random ones instead of all."""

import numpy as np
import pandas as pd
import streamlit as st

from explorer import session
from explorer.lesson_figures import cost_figure, distribution_figure
from explorer.microscope import inspect_example, pick_example
from explorer.sampling_cost import measure_step_cost, noise_distribution, raw_distribution

session.page_setup()
st.title("🎲 Negative sampling")
st.markdown(
    "The full softmax scores **every** word of the vocabulary for every example. Negative "
    "sampling scores the true centre word against **k random 'negative' words**: push the "
    "true word's score up, the negatives' down. The negatives are drawn more often for "
    "frequent words, but less than their raw frequency: counts are raised to the power 0.75."
)

st.subheader("1 · The noise distribution")
vocab = session.current_corpus().vocab
n = st.slider("Words shown", 10, 60, 25, key="ns.n", help="The most frequent words.")
raw = raw_distribution(vocab.counts)
noise = noise_distribution(vocab.counts)
st.vega_lite_chart(distribution_figure(vocab.index_to_key[:n], raw[:n], noise[:n]))
rare = int(np.argmin(vocab.counts))
st.markdown(
    f"*{vocab.index_to_key[0]}* makes {raw[0]:.1%} of the tokens but is drawn "
    f"{noise[0]:.1%} of the time; a rare word such as *{vocab.index_to_key[rare]}* goes from "
    f"{raw[rare]:.3%} to {noise[rare]:.3%}. What to notice: the power 0.75 flattens the "
    "distribution, so rare words get to be negatives more often."
)

st.subheader("2 · The negatives of one example")
model, _ = session.trained_model()
state = model.state_
track = [w for w in session.current_sample().track if w in vocab] or vocab.index_to_key[:20]
c = st.columns([2, 1, 1])
word = c[0].selectbox("Centre word", track, key="ns.word", help="A window around it.")
k = c[1].slider("k negatives", 1, 20, 5, key="ns.k", help="Negatives per example.")
draw = c[2].number_input("Draw", 0, 999, 0, key="ns.draw", help="Another random draw.")
view = inspect_example(state, pick_example(state, word), negative=int(k), draw=int(draw))
st.markdown(f"Context **{', '.join(view.context_words)}** → target **{view.target_word}** "
            "(the trained model's vectors).")  # fmt: skip
st.dataframe(pd.DataFrame({
    "word": [view.target_word, *view.negative_words],
    "role": ["target"] + ["negative"] * len(view.negative_words),
    "score u·h → σ": np.round(view.scores, 3),
    "loss": np.round(view.losses, 3),
}), hide_index=True)  # fmt: skip
st.markdown(
    f"Loss of this example: **{view.losses.sum():.3f}** = −log σ(target) − Σ log σ(−negative). "
    "What to notice: a trained model gives the target σ near 1 and the negatives σ near 0; "
    "a negative that happens to fit the context costs more."
)

st.subheader("3 · What it saves, measured")
table = session.cached(measure_step_cost, "Timing both on this server…")()
st.vega_lite_chart(cost_figure(table))
pivot = table.pivot(index="vocab_size", columns="method", values="ms_per_step").round(3)
st.dataframe(pivot)
st.caption(
    "Measured here, a batch of 32 CBOW examples, d = 50: the full softmax grows with the "
    "vocabulary, negative sampling does not (its cost depends on k, not V)."
)
