"""Home: what the explorer is and where to start. Kept light so the app opens quickly."""

import streamlit as st

from explorer import session

session.page_setup()
st.title("🧭 Embedding Explorer")
st.markdown(
    "See how **word embeddings** are learned: each word becomes a row of numbers in a matrix, "
    "and training moves words that appear in similar contexts close together. "
    "Pick a corpus in the sidebar, then open a page."
)

st.subheader("Start here")
st.page_link(
    "pages/corpus.py",
    label="Corpus: the words, their frequencies, and the context windows training uses",
    icon="📚",
)

st.subheader("What you will see")
st.markdown(
    "- **Corpus**: how text becomes sentences of tokens, a vocabulary, and "
    "(context → centre word) training examples.\n"
    "- More pages arrive as the app grows: the embedding layer as a lookup, live CBOW "
    "training, maps of the vectors, similarity and analogies."
)
st.caption(
    "Everything runs on this server with small, deterministic models: the same settings "
    "and seed always give the same result."
)
