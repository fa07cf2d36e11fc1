"""Training the whole corpus with gensim in the background, with progress and Cancel.

Usage (on the corpus page):
    >>> from explorer.app import gensim_panel
    >>> gensim_panel.gensim_panel()  # its vectors then appear under GENSIM_VECTORS
"""

from __future__ import annotations

import streamlit as st

from explorer.app.corpus import current_corpus, current_sample
from explorer.app.view import show_advanced
from explorer.i18n import _

GENSIM_JOB = "gensim.job"
GENSIM_VECTORS = "gensim.vectors"  # (corpus title, Vectors) of the last finished gensim run
GENSIM_EPOCHS = 10


def gensim_panel() -> None:
    """Train the whole current corpus with gensim in the background: progress, cancel."""
    from explorer.jobs import Job
    from explorer.models.gensim_backend import train_gensim
    from explorer.models.word2vec.trainer import Word2VecConfig

    if not show_advanced():
        return
    corpus, sample = current_corpus(), current_sample()
    job = st.session_state.get(GENSIM_JOB)
    running = job is not None and not job.done

    def start() -> None:
        config = Word2VecConfig(vector_size=50, window=5, min_count=2, epochs=GENSIM_EPOCHS)
        sentences = corpus.sentences
        work = lambda report: train_gensim(sentences, config, progress=report)  # noqa: E731
        st.session_state[GENSIM_JOB] = Job(work).start()
        st.session_state["gensim.for"] = sample.title  # English: translated where shown

    cols = st.columns([2, 1, 3])
    cols[0].button(_("⚡ Train with gensim"), key="gensim.start", on_click=start,
                   disabled=running,
                   help=_("The whole vocabulary, 50 dimensions, window 5, {epochs} epochs, in the "
                          "background; the vectors then appear on the similarity page."
                          ).format(epochs=GENSIM_EPOCHS))  # fmt: skip
    cols[1].button(_("Cancel"), key="gensim.cancel", disabled=not running,
                   on_click=lambda: job.cancel() if job else None,
                   help=_("Stops at the end of the current epoch."))  # fmt: skip

    @st.fragment(run_every=0.5 if running else None)
    def status() -> None:
        job = st.session_state.get(GENSIM_JOB)
        if job is None:
            return
        if not job.done:  # not job.message: the language may change while the job runs
            epoch = round(job.fraction * GENSIM_EPOCHS)
            st.progress(job.fraction, text=_("Training with gensim: epoch {epoch}/{epochs}")
                        .format(epoch=epoch, epochs=GENSIM_EPOCHS))  # fmt: skip
            return
        if job.error:
            st.error(_("Training stopped: {error}").format(error=job.error))
        elif job.cancelled:
            st.warning(_("Cancelled; the vectors you had before are unchanged."))
        else:
            st.session_state[GENSIM_VECTORS] = (st.session_state.get("gensim.for", ""), job.result)
            st.success(_("Done: {n:,} words × {d}. Open the similarity page to use them.")
                       .format(n=len(job.result), d=job.result.vector_size))  # fmt: skip
        if running:  # it has just finished: redraw the buttons
            st.rerun(scope="app")

    with cols[2]:
        status()
