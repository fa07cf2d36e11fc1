"""Home: what the explorer is and where to start. Kept light so the app opens quickly."""

import streamlit as st

from explorer.app import view
from explorer.i18n import _

view.page_setup()
st.title(_("🧭 Embedding Explorer"))
st.markdown(_(
    "See how **word embeddings** are learned: each word becomes a row of numbers in a matrix, "
    "and training moves words that appear in similar contexts close together. "
    "Pick a corpus in the sidebar (or upload your own), then open a page."
))  # fmt: skip

st.subheader(_("Explore"))
st.page_link(page="pages/lesson.py", icon="🧑‍🏫",
             label=_("Guided lesson: ten minutes for a class, predict then reveal"))  # fmt: skip
st.page_link(page="pages/corpus.py", icon="📚",
             label=_("Corpus: its words, their counts, the windows training reads"))  # fmt: skip
st.page_link(page="pages/train.py", icon="🏋️",
             label=_("Train live: press Play and watch a CBOW model learn"))  # fmt: skip
st.page_link(page="pages/projections.py", icon="🗺️",
             label=_("Projections: PCA, t-SNE, word axes, and how much maps distort"))  # fmt: skip

st.subheader(_("Lessons"))
st.page_link(page="pages/embedding_layer.py", icon="🔎",
             label=_("The embedding layer: one-hot rows times W are a row lookup"))  # fmt: skip
st.page_link(page="pages/keras_embedding.py", icon="🧱",
             label=_("Keras's Embedding layer: shapes, parameters, model.summary()"))  # fmt: skip
st.page_link(page="pages/similarity.py", icon="📐",
             label=_("Similarity and analogies: cosines, and king − man + woman"))  # fmt: skip
st.page_link(page="pages/cbow_vs_skipgram.py", icon="⚖️", label=_("CBOW vs skip-gram"))
st.page_link(
    page="pages/negative_sampling.py", icon="🎲",
    label=_("Speed-ups: a few random words, or a path in a tree, instead of all"),
)  # fmt: skip
st.page_link(page="pages/sentiment.py", icon="👍",
             label=_("Sentiment classifier: an Embedding layer learns what its task rewards"))
st.page_link(page="pages/beyond_words.py", icon="🛒",
             label=_("Beyond words: item vectors for a shop, and contextual meaning"))  # fmt: skip
st.page_link(page="pages/recommender.py", icon="🎯",
             label=_("Recommender: a user table and an item table, trained on ratings"))
st.page_link(page="pages/contextual.py", icon="🏦",
             label=_("Contextual embeddings: one word, a vector for each sentence it is in"))
st.caption(_(
    "Everything runs on this server with small, deterministic models: the same settings "
    "and seed always give the same result, and a link shares a run."
))  # fmt: skip
