"""Embedding Explorer: the entry point. Page config, navigation and the shared sidebar.

Run with `make run` (or `streamlit run streamlit_app.py`).
"""

import streamlit as st

from explorer import session

st.set_page_config(page_title="Embedding Explorer", page_icon="🧭", layout="wide")

PAGES = [
    st.Page("pages/home.py", title="Home", icon="🧭", default=True),
    st.Page("pages/corpus.py", title="Corpus", icon="📚", url_path="corpus"),
    st.Page("pages/train.py", title="Train live", icon="🏋️", url_path="train"),
]

page = st.navigation(PAGES)
session.corpus_sidebar()
page.run()
