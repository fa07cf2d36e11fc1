"""Embedding Explorer: the entry point. Page config, navigation and the shared sidebar.

Run with `make run` (or `streamlit run streamlit_app.py`).
"""

import streamlit as st

from explorer.app import corpus, lesson_nav, link, uploads, view
from explorer.i18n import _

link.apply_link()  # a shared link's language and settings, before anything is drawn
st.set_page_config(page_title=_("Embedding Explorer"), page_icon="🧭", layout="wide")


def page(path: str, title: str, icon: str, url: str | None = None) -> st.Page:
    return st.Page(path, title=title, icon=icon, url_path=url, default=url is None)


PAGES = {
    _("Explore"): [
        page("pages/home.py", _("Home"), "🧭"),
        page("pages/lesson.py", _("Guided lesson"), "🧑‍🏫", "lesson"),
        page("pages/corpus.py", _("Corpus"), "📚", "corpus"),
        page("pages/train.py", _("Train live"), "🏋️", "train"),
        page("pages/projections.py", _("Projections"), "🗺️", "projections"),
    ],
    _("Lessons"): [
        page("pages/embedding_layer.py", _("The embedding layer"), "🔎", "embedding-layer"),
        page("pages/keras_embedding.py", _("Keras's Embedding layer"), "🧱", "keras-embedding"),
        page("pages/sentiment.py", _("Sentiment classifier"), "👍", "sentiment"),
        page("pages/similarity.py", _("Similarity and analogies"), "📐", "similarity"),
        page("pages/cbow_vs_skipgram.py", _("CBOW vs skip-gram"), "⚖️", "cbow-vs-skipgram"),
        page("pages/negative_sampling.py", _("Speed-ups"), "🎲", "negative-sampling"),
        page("pages/beyond_words.py", _("Beyond words"), "🛒", "beyond-words"),
        page("pages/recommender.py", _("Recommender"), "🎯", "recommender"),
        page("pages/contextual.py", _("Contextual embeddings"), "🏦", "contextual"),
    ],
}

# (the navigation waits too while a presenter link brings its style: see page_style)
current = st.navigation(PAGES, position="hidden" if view.presenter_opening() else "sidebar")
view.page_style()  # before any text: the presenter view's type
view.view_options()
uploads.collect_upload_job()  # before the picker: a finished upload may choose the corpus
corpus.corpus_sidebar()
with st.sidebar:
    uploads.uploads_panel()  # your own text, vectors or model
lesson_nav.lesson_banner(current.url_path)
current.run()
