"""The Share and export panel: download buttons for vectors and a model, and a link.

Usage:
    >>> from explorer.app import exports
    >>> exports.export_panel(run.vectors(), run.state, run.losses, "train.export", url)
"""

from __future__ import annotations

import streamlit as st

from explorer.app.state import SAMPLE_KEY, UPLOAD_CHOICE
from explorer.i18n import _


def export_panel(wv, state=None, losses=(), key: str = "export", link: str = "") -> None:  # noqa: ANN001
    """Download buttons for vectors (and a model state), made only when clicked; a link."""
    from explorer.io.export import to_projector_tsv, to_word2vec_text, vocabulary_csv
    from explorer.models.word2vec.storage import state_to_bytes

    with st.expander(_("🔗 Share and 💾 export"), expanded=False, key=f"{key}.panel"):
        if link:
            st.markdown(_("**This run as a link**: the same corpus, settings, seed and step "
                          "(copy it with the icon on the right):"))  # fmt: skip
            st.code(link, language=None, wrap_lines=True)
            if st.session_state.get(SAMPLE_KEY) == UPLOAD_CHOICE:
                st.caption(_("An uploaded corpus is not in the link: send the file too."))
        cols = st.columns(4 if state is not None else 3)
        cols[0].download_button(
            _("Vectors (word2vec text)"), lambda: to_word2vec_text(wv), "vectors.txt",
            "text/plain", key=f"{key}.w2v",
            help=_("gensim: KeyedVectors.load_word2vec_format('vectors.txt')"),
        )  # fmt: skip
        cols[1].download_button(
            _("Projector vectors.tsv"), lambda: to_projector_tsv(wv)[0], "vectors.tsv",
            "text/tab-separated-values", key=f"{key}.tsv",
            help=_("With metadata.tsv, load both at projector.tensorflow.org."),
        )  # fmt: skip
        cols[1].download_button(
            _("Projector metadata.tsv"), lambda: to_projector_tsv(wv)[1], "metadata.tsv",
            "text/tab-separated-values", key=f"{key}.meta",
        )  # fmt: skip
        counts = wv.counts if wv.counts is not None else [0] * len(wv)
        cols[2].download_button(
            _("Vocabulary (CSV)"), lambda: vocabulary_csv(wv.index_to_key, counts),
            "vocabulary.csv", "text/csv", key=f"{key}.vocab",
        )  # fmt: skip
        if state is not None:
            cols[3].download_button(
                _("Model (.npz)"), lambda: state_to_bytes(state, list(losses)), "model.npz",
                "application/octet-stream", key=f"{key}.model",
                help=_("Upload it in the sidebar later: training goes on where it left off."),
            )  # fmt: skip
