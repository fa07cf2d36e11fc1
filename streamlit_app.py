"""Embedding Explorer: the entry point. Page config, navigation and the shared sidebar.

Run with `make run` (or `streamlit run streamlit_app.py`).
"""

import streamlit as st

from explorer import session

st.set_page_config(page_title="Embedding Explorer", page_icon="🧭", layout="wide")

PAGES = {
    "Explore": [
        st.Page("pages/home.py", title="Home", icon="🧭", default=True),
        st.Page("pages/corpus.py", title="Corpus", icon="📚", url_path="corpus"),
        st.Page("pages/train.py", title="Train live", icon="🏋️", url_path="train"),
        st.Page("pages/projections.py", title="Projections", icon="🗺️", url_path="projections"),
    ],
    "Lessons": [
        st.Page(
            "pages/embedding_layer.py",
            title="The embedding layer",
            icon="🔎",
            url_path="embedding-layer",
        ),
        st.Page(
            "pages/similarity.py",
            title="Similarity and analogies",
            icon="📐",
            url_path="similarity",
        ),
        st.Page(
            "pages/cbow_vs_skipgram.py",
            title="CBOW vs skip-gram",
            icon="⚖️",
            url_path="cbow-vs-skipgram",
        ),
        st.Page(
            "pages/negative_sampling.py",
            title="Negative sampling",
            icon="🎲",
            url_path="negative-sampling",
        ),
        st.Page("pages/beyond_words.py", title="Beyond words", icon="🛒", url_path="beyond-words"),
    ],
}

page = st.navigation(PAGES)
session.corpus_sidebar()
page.run()
