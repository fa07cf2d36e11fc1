"""Home: what the explorer is and where to start. Kept light so the app opens quickly."""

import streamlit as st

from explorer import session

session.page_setup()
st.title("🧭 Embedding Explorer")
st.markdown(
    "See how **word embeddings** are learned: each word becomes a row of numbers in a matrix, "
    "and training moves words that appear in similar contexts close together. "
    "Pick a corpus in the sidebar (or upload your own), then open a page."
)

st.subheader("Explore")
st.page_link("pages/corpus.py", icon="📚",
             label="Corpus: its words, their counts, the windows training reads")  # fmt: skip
st.page_link("pages/train.py", icon="🏋️",
             label="Train live: press Play and watch a CBOW model learn")  # fmt: skip
st.page_link("pages/projections.py", icon="🗺️",
             label="Projections: PCA, t-SNE, word axes, and how much maps distort")  # fmt: skip

st.subheader("Lessons")
st.page_link("pages/embedding_layer.py", icon="🔎",
             label="The embedding layer: one-hot rows times W are a row lookup")  # fmt: skip
st.page_link("pages/similarity.py", icon="📐",
             label="Similarity and analogies: cosines, and king − man + woman")  # fmt: skip
st.page_link("pages/cbow_vs_skipgram.py", icon="⚖️", label="CBOW vs skip-gram")
st.page_link("pages/negative_sampling.py", icon="🎲",
             label="Negative sampling: a few random words instead of all")  # fmt: skip
st.page_link("pages/beyond_words.py", icon="🛒",
             label="Beyond words: item vectors for a shop, and contextual meaning")  # fmt: skip
st.caption(
    "Everything runs on this server with small, deterministic models: the same settings "
    "and seed always give the same result, and a link shares a run."
)
