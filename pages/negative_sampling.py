"""Negative sampling: score the right word against a few random ones instead of all."""

import numpy as np
import pandas as pd
import streamlit as st

from explorer import session
from explorer.i18n import _
from explorer.lesson_figures import cost_figure, distribution_figure
from explorer.microscope import inspect_example, pick_example
from explorer.sampling_cost import (
    measure_step_cost,
    method_label,
    noise_distribution,
    raw_distribution,
)

session.page_setup()
st.title("🎲 " + _("Negative sampling"))
st.markdown(
    _(
        "The full softmax scores **every** word of the vocabulary for every example. Negative "
        "sampling scores the true centre word against **k random 'negative' words**: push the "
        "true word's score up, the negatives' down. The negatives are drawn more often for "
        "frequent words, but less than their raw frequency: counts are raised to the power 0.75."
    )
)

st.subheader(_("1 · The noise distribution"))
vocab = session.current_corpus().vocab
n = st.slider(_("Words shown"), 10, 60, 25, key="ns.n", help=_("The most frequent words."))
raw = raw_distribution(vocab.counts)
noise = noise_distribution(vocab.counts)
session.vega(distribution_figure(vocab.index_to_key[:n], raw[:n], noise[:n]))
rare = int(np.argmin(vocab.counts))
st.markdown(_(
    "*{top}* makes {top_raw:.1%} of the tokens but is drawn {top_noise:.1%} of the time; a "
    "rare word such as *{rare}* goes from {rare_raw:.3%} to {rare_noise:.3%}. What to notice: "
    "the power 0.75 flattens the distribution, so rare words get to be negatives more often."
).format(top=vocab.index_to_key[0], top_raw=raw[0], top_noise=noise[0],
         rare=vocab.index_to_key[rare], rare_raw=raw[rare], rare_noise=noise[rare]))  # fmt: skip

st.subheader(_("2 · The negatives of one example"))
model = session.trained_model()[0]
state = model.state_
track = [w for w in session.current_sample().track if w in vocab] or vocab.index_to_key[:20]
c = st.columns([2, 1, 1])
word = c[0].selectbox(_("Centre word"), track, key="ns.word", help=_("A window around it."))
k = c[1].slider(_("k negatives"), 1, 20, 5, key="ns.k", help=_("Negatives per example."))
draw = c[2].number_input(_("Draw"), 0, 999, 0, key="ns.draw", help=_("Another random draw."))
view = inspect_example(state, pick_example(state, word), negative=int(k), draw=int(draw))
st.markdown(_("Context **{context}** → target **{target}** (the trained model's vectors).")
            .format(context=", ".join(view.context_words), target=view.target_word))  # fmt: skip
st.dataframe(pd.DataFrame({
    _("word"): [view.target_word, *view.negative_words],
    _("role"): [_("target")] + [_("negative")] * len(view.negative_words),
    _("score u·h → σ"): np.round(view.scores, 3),
    _("loss"): np.round(view.losses, 3),
}), hide_index=True)  # fmt: skip
st.markdown(
    _(
        "Loss of this example: **{loss:.3f}** = −log σ(target) − Σ log σ(−negative). "
        "What to notice: a trained model gives the target σ near 1 and the negatives σ near 0; "
        "a negative that happens to fit the context costs more."
    ).format(loss=view.losses.sum())
)

st.subheader(_("3 · What it saves, measured"))
table = session.cached(measure_step_cost, _("Timing both on this server…"))()
table = table.assign(method=table["method"].map(method_label))
session.vega(cost_figure(table))
pivot = table.pivot(index="vocab_size", columns="method", values="ms_per_step").round(3)
st.dataframe(pivot.rename_axis(index=_("vocab_size"), columns=_("method")))
st.caption(
    _(
        "Measured here, a batch of 32 CBOW examples, d = 50: the full softmax grows with the "
        "vocabulary, negative sampling does not (its cost depends on k, not V)."
    )
)
