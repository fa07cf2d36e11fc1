"""The speed-ups: negative sampling and the hierarchical softmax, instead of every word."""

import streamlit as st

from explorer.app import corpus, draw, state, training, view
from explorer.charts.lessons import cost_figure, distribution_figure, huffman_tree_figure
from explorer.i18n import _
from explorer.lessons import speed_ups as lesson

view.page_setup()
st.title("🎲 " + _("Speed-ups: negative sampling and hierarchical softmax"))
st.markdown(_(
    "The full softmax scores **every** word of the vocabulary for every example. Two "
    "speed-ups avoid it. **Negative sampling** scores the true centre word against **k random "
    "'negative' words**: push the true word's score up, the negatives' down. The negatives "
    "are drawn more often for frequent words, but less than their raw frequency: counts are "
    "raised to the power 0.75. **Hierarchical softmax** puts the words at the leaves of a "
    "binary tree and predicts a word by the left/right turns on its path: about log2 V "
    "yes/no questions instead of V scores."
))  # fmt: skip

st.subheader(_("1 · The noise distribution"))
vocab = corpus.current_corpus().vocab
n = st.slider(_("Words shown"), 10, 60, 25, key="ns.n", help=_("The most frequent words."))
noise_view = lesson.noise_view(vocab.counts)
raw, noise, rare = noise_view.raw, noise_view.noise, noise_view.rarest
draw.vega(distribution_figure(vocab.index_to_key[:n], raw[:n], noise[:n]))
st.markdown(_(
    "*{top}* makes {top_raw:.1%} of the tokens but is drawn {top_noise:.1%} of the time; a "
    "rare word such as *{rare}* goes from {rare_raw:.3%} to {rare_noise:.3%}. What to notice: "
    "the power 0.75 flattens the distribution, so rare words get to be negatives more often."
).format(top=vocab.index_to_key[0], top_raw=raw[0], top_noise=noise[0],
         rare=vocab.index_to_key[rare], rare_raw=raw[rare], rare_noise=noise[rare]))  # fmt: skip

st.subheader(_("2 · The negatives of one example"))
model = training.trained_model()[0]
trained = model.state_
track = lesson.centre_words(corpus.current_sample().track, vocab)
c = st.columns([2, 1, 1])
word = c[0].selectbox(_("Centre word"), track, key="ns.word", help=_("A window around it."))
k = c[1].slider(_("k negatives"), 1, 20, 5, key="ns.k", help=_("Negatives per example."))
nth = c[2].number_input(_("Draw"), 0, 999, 0, key="ns.draw", help=_("Another random draw."))
example = lesson.negatives(trained, word, k, nth)
st.markdown(_("Context **{context}** → target **{target}** (the trained model's vectors).")
            .format(context=", ".join(example.context_words),
                    target=example.target_word))  # fmt: skip
st.dataframe(lesson.negatives_table(example), hide_index=True)
st.markdown(
    _(
        "Loss of this example: **{loss:.3f}** = −log σ(target) − Σ log σ(−negative). "
        "What to notice: a trained model gives the target σ near 1 and the negatives σ near 0; "
        "a negative that happens to fit the context costs more."
    ).format(loss=example.losses.sum())
)

st.subheader(_("3 · Hierarchical softmax: the Huffman tree of this corpus"))
hs_config = lesson.hs_config(corpus.max_vocab_for_training())
hs = training.trained_model(hs_config)[0]  # a model trained with the hierarchical softmax
tree, words = hs.state_.tree, hs.vocab_.index_to_key
c = st.columns([2, 1])
word = c[0].selectbox(_("Word"), lesson.centre_words(track, hs.vocab_),
                      key="hs.word", help=_("Its path is drawn in red."))  # fmt: skip
top = c[1].slider(_("Most frequent words shown"), 15, 30, 20, key="hs.top")
target = hs.vocab_.key_to_index[word]
draw.vega(huffman_tree_figure(*lesson.top_of_tree(tree, range(top), words, highlight=target)))
facts = lesson.tree_facts(tree)
m = st.columns(4)
m[0].metric(_("Words (leaves)"), f"{facts.n_words:,}")
m[1].metric(_("Inner nodes (rows of W_out)"), f"{facts.inner_nodes:,}")
m[2].metric(_("Questions per token, on average"), f"{facts.mean_questions:.2f}")
m[3].metric(_("log2 V"), f"{facts.log2_v:.2f}")
st.markdown(_(
    "Huffman coding gives frequent words short paths: *{first}* takes {short} turn(s), the "
    "rarest words {long}. Weighted by the counts, a token takes {mean:.2f} questions, about "
    "log2 V = {log2v:.2f} or fewer. Each inner node has its own output vector, a row of W_out."
).format(first=words[0], short=facts.shortest_first, long=facts.longest,
         mean=facts.mean_questions, log2v=facts.log2_v))  # fmt: skip

st.subheader(_("4 · One word's path, left or right at each node"))
path = lesson.word_path(hs.state_, word)
code = lesson.path_code(path)
st.markdown(_(
    "Context **{context}** → target **{target}**: code **{code}** (0 = left, 1 = right), "
    "through inner nodes {nodes}. At each node the model (trained with the hierarchical "
    "softmax) gives the turn the probability σ(±u·h):"
).format(context=", ".join(path.context_words), target=word, code=code,
         nodes=", ".join(map(str, path.path_nodes))))  # fmt: skip
st.dataframe(lesson.path_table(path), hide_index=True)
st.markdown(_(
    "p({target} | context) = **{p:.4f}**: {n} dot products, where the full softmax needs "
    "{V:,}. The probabilities of all the words' paths sum to 1 (each node splits what "
    "reaches it in two), so it is still a softmax over the whole vocabulary."
).format(target=word, p=path.p_target_before, n=len(path.path_nodes), V=facts.n_words))  # fmt: skip

st.subheader(_("5 · What they save, measured"))
measured = state.cached(lesson.measure_step_cost, _("Timing the three on this server…"))()
table, pivots = lesson.cost_tables(measured)
draw.vega(cost_figure(table))
for name, pivot in pivots:
    st.markdown(f"**{name}**")
    st.dataframe(pivot)
st.caption(
    _(
        "Measured here, a batch of 32 CBOW examples, d = 50: the full softmax grows with the "
        "vocabulary; negative sampling does not (its cost depends on k, not V), nor does the "
        "hierarchical softmax, whose paths grow by one node each time V doubles."
    )
)
