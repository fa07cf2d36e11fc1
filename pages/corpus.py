"""Corpus: from raw text to tokens, a vocabulary and the context windows training uses."""

import streamlit as st

from explorer.app import corpus, draw, gensim_panel, state, view
from explorer.charts.corpus import zipf_figure
from explorer.charts.highlight import legend_html, window_html
from explorer.i18n import _
from explorer.lessons import corpus_view as lesson

view.page_setup()
st.title(_("📚 Corpus"))
st.markdown(_(
    "Word2vec learns only from **which words appear near which**. Here is the text as the "
    "model sees it: sentences of tokens, how often each word occurs, and the "
    "(context → centre word) examples that a window cuts out of every sentence."
))  # fmt: skip

text = corpus.current_corpus()
if text.n_tokens == 0:
    st.info(_("This corpus has no words yet. Choose another one in the sidebar."))
    st.stop()

cols = st.columns(4)
cols[0].metric(_("Sentences"), f"{text.n_sentences:,}")
cols[1].metric(_("Tokens"), f"{text.n_tokens:,}", help=_("Words as the tokenizer cut them."))
cols[2].metric(_("Vocabulary"), f"{len(text.vocab):,}", help=_("Distinct tokens."))
cols[3].metric(_("Script"), str(text.script_name),
               help=_("How the text is cut into words. Read as {encoding}.").format(
                   encoding=text.encoding))  # fmt: skip

table_col, chart_col = st.columns([2, 3])
with table_col:
    st.subheader(_("Vocabulary"))
    st.dataframe(
        text.frequency_table(),
        hide_index=True,
        height=420,
        column_config={
            "rank": st.column_config.NumberColumn(_("Rank"), help=_("1 = most frequent")),
            "word": st.column_config.TextColumn(_("Word")),
            "count": st.column_config.NumberColumn(_("Count"), help=_("Times it occurs")),
            "share": st.column_config.NumberColumn(_("Share"), format="percent"),
        },
    )
with chart_col:
    draw.plotly(zipf_figure(text.vocab.counts, text.vocab.index_to_key))
st.caption(_(
    "What to notice: a handful of words make up a large share of all tokens, and most words "
    "are rare. Rare words give the model few examples to learn from."
))  # fmt: skip

with st.expander(_("Too big to train live? Train the whole corpus with gensim"), expanded=False):
    st.markdown(_(
        "The live trainer shows every step but keeps at most 5,000 words. gensim's compiled "
        "word2vec trains the whole vocabulary in seconds, in the background."
    ))  # fmt: skip
    gensim_panel.gensim_panel()

st.subheader(_("Context windows"))
st.markdown(_(
    "Training walks through every sentence. Each word in turn is the **target** (centre "
    "word); the words up to *window* places on either side are its **context**. "
    "CBOW predicts the target from its context; skip-gram predicts each context word from "
    "the target."
))  # fmt: skip

choices = lesson.sentence_choices(text.sentences)
state.init_state({"corpus.sentence": 0, "corpus.mode": "CBOW"})
if st.session_state["corpus.sentence"] >= len(choices):
    st.session_state["corpus.sentence"] = 0
left, right = st.columns([3, 2])
with left:
    st.selectbox(_("Sentence"), range(len(choices)), format_func=lambda i: choices[i],
                 key="corpus.sentence",
                 help=_("The lessons' sentences first, then the corpus's own."))  # fmt: skip
    custom = st.text_input(_("…or type your own sentence"), key="corpus.custom", max_chars=300,
                           help=_("English, 中文 or 日本語: tokenized the same way."))  # fmt: skip
with right:
    # The start value is the widget's own default, not a session value set before it: a
    # browser sometimes drew such a slider at its minimum while the page used 2.
    window = st.slider(_("Window size"), 1, 5, 2, key="corpus.window",
                       help=_("How many words on each side count as context."))  # fmt: skip
    mode = st.radio(_("Model"), lesson.MODES, key="corpus.mode", horizontal=True,
                    help=_("CBOW: context → target. Skip-gram: target → context."))  # fmt: skip

tokens = lesson.sentence_tokens(custom or choices[st.session_state["corpus.sentence"]])
if len(tokens) < 2:
    st.info(_("This sentence has fewer than two words, so it makes no training examples."))
    st.stop()

if st.session_state.get("corpus.target", 0) >= len(tokens):
    st.session_state["corpus.target"] = 0
target = st.select_slider(
    _("Target word"),
    options=range(len(tokens)),
    value=(len(tokens) - 1) // 2,
    format_func=lambda i: f"{i}: {tokens[i]}",
    key="corpus.target",
    help=_("Move along the sentence to see each word's context."),
)

st.markdown(legend_html(), unsafe_allow_html=True)
focus = f'<div class="ctx-focus">{window_html(tokens, target, window)}</div>'  # markup only
st.markdown(focus, unsafe_allow_html=True)
context = lesson.context_of(tokens, target, window)
if mode == "CBOW":
    st.markdown(_("**Training example:** ({context}) → **{target}**").format(
        context=", ".join(context), target=tokens[target]))  # fmt: skip
else:
    pairs = ", ".join(f"({tokens[target]} → {c})" for c in context)
    st.markdown(_("**Training pairs:** {pairs}").format(pairs=pairs))
rows = lesson.training_examples(tokens, window, mode)
with st.expander(_("All {n} training examples in this sentence ({mode})").format(
        n=len(rows), mode=mode)):  # fmt: skip
    st.dataframe(rows, hide_index=True)
st.caption(_(
    "What to notice: a bigger window gives each target more context (and more examples), "
    "mixing in words that are related more loosely."
))  # fmt: skip
