"""Your own text, vectors or model: the sidebar's uploaders, their callbacks and progress.

Usage (the app's sidebar, around the corpus picker):
    >>> from explorer.app import uploads
    >>> uploads.collect_upload_job()  # a finished upload may choose the corpus
    >>> with st.sidebar:
    ...     uploads.uploads_panel()

A refused file leaves every earlier choice, upload and model as they were.
"""

from __future__ import annotations

import streamlit as st

from explorer.app.corpus import corpus_identity, current_sample, default_track
from explorer.app.settings_form import config_from_form, form_from_config
from explorer.app.state import (
    SAMPLE_KEY,
    UPLOAD_CHOICE,
    UPLOAD_JOB,
    UPLOADED_CORPUS,
    UPLOADED_VECTORS,
    init_state,
)
from explorer.app.training import RUN_KEY, RUN_SETTINGS_KEY
from explorer.app.view import show_advanced
from explorer.i18n import _, message_of


def _on_corpus_upload() -> None:
    # Runs once per change of the uploader, before the rerun: read, and switch corpus only
    # on success. A refusal leaves every earlier choice, upload and model as they were. A
    # file that takes long to tokenize (a big Chinese or Japanese text) is decoded here and
    # tokenized by a background job with a progress bar and Cancel (_upload_progress); it
    # becomes the corpus when the job is done (collect_upload_job).
    from explorer.io.uploads import (
        UploadError,
        needs_background,
        prepare_corpus_files,
        table_columns,
        tokenize_upload,
    )

    files = st.session_state.get("upload.corpus_files") or []
    for key in ("upload.corpus_error", "upload.cancelled"):
        st.session_state.pop(key, None)
    if (pending := st.session_state.pop(UPLOAD_JOB, None)) is not None:
        pending[0].cancel()  # a new choice replaces the one being read
    if not files:
        return
    pairs = [(f.name, f.getvalue()) for f in files]
    column = st.session_state.get("upload.text_column")
    try:
        columns = next((c for c in (table_columns(n, d) for n, d in pairs) if c), [])
        prepared = prepare_corpus_files(pairs, text_column=column if column in columns else None)
        if needs_background(prepared):
            from explorer.jobs import Job

            job = Job(lambda report: tokenize_upload(prepared, report=report)).start()
            st.session_state[UPLOAD_JOB] = (job, prepared.name, columns)
            return
        upload = tokenize_upload(prepared)
    except UploadError as err:
        st.session_state["upload.corpus_error"] = message_of(err)  # translated when shown
        return
    _use_corpus_upload(upload, columns)


def _use_corpus_upload(upload, columns: list[str]) -> None:  # noqa: ANN001 (CorpusUpload)
    import hashlib

    st.session_state["upload.columns"] = columns
    st.session_state[UPLOADED_CORPUS] = upload
    st.session_state["upload.digest"] = hashlib.sha256(upload.text.encode()).hexdigest()[:16]
    st.session_state[SAMPLE_KEY] = UPLOAD_CHOICE


def collect_upload_job() -> None:
    """A finished background upload becomes the corpus (or its error or cancel is kept)."""
    pending = st.session_state.get(UPLOAD_JOB)
    if pending is None or not pending[0].done:
        return
    job, name, columns = st.session_state.pop(UPLOAD_JOB)
    if job.cancelled:
        st.session_state["upload.cancelled"] = name
    elif job.error is not None:
        st.session_state["upload.corpus_error"] = job.error
    else:
        _use_corpus_upload(job.result, columns)


def _upload_progress() -> None:
    """The share of a big upload tokenized so far, and Cancel, redrawn twice a second."""
    pending = st.session_state.get(UPLOAD_JOB)
    running = pending is not None and not pending[0].done

    @st.fragment(run_every=0.5 if running else None)
    def progress() -> None:
        pending = st.session_state.get(UPLOAD_JOB)
        if pending is None:
            return
        job, name, _columns = pending
        if job.done:  # the whole app reruns, and collect_upload_job takes the result
            st.rerun(scope="app")
        st.progress(job.fraction, text=_("Tokenizing {name}: {percent}% done").format(
            name=name, percent=int(100 * job.fraction)))  # fmt: skip
        st.button(
            _("Cancel"),
            key="upload.cancel",
            on_click=job.cancel,
            help=_("Stop reading this file; your corpus and model stay as they are."),
        )

    progress()


def _on_vectors_upload() -> None:
    from explorer.io.uploads import UploadError
    from explorer.io.vector_formats import read_vectors

    files = st.session_state.get("upload.vector_files") or []
    st.session_state.pop("upload.vectors_error", None)
    if not files:
        return
    by_name = {f.name: f.getvalue() for f in files}
    meta = next((n for n in by_name if "metadata" in n.lower()), None)
    main = next((n for n in by_name if n != meta), meta)
    try:
        wv, notes = read_vectors(main, by_name[main], metadata=by_name.get(meta) if meta else None)
    except UploadError as err:
        st.session_state["upload.vectors_error"] = message_of(err)
        return
    st.session_state[UPLOADED_VECTORS] = (main, wv, notes)


def _on_model_upload() -> None:
    # A model file saved by this app: the live training page goes on where it left off.
    from explorer.io.model_upload import read_model
    from explorer.io.uploads import UploadError
    from explorer.player.word2vec import run_from_state

    file = st.session_state.get("upload.model_file")
    st.session_state.pop("upload.model_error", None)
    if file is None:
        return
    try:
        model = read_model(file.name, file.getvalue())
    except UploadError as err:
        st.session_state["upload.model_error"] = message_of(err)
        return
    state = model.state_
    st.session_state.update({**form_from_config(state.config), "train.playing": False})
    track = [w for w in current_sample().track if w in state.vocab] or default_track(state.vocab)
    st.session_state[RUN_KEY] = run_from_state(state, track)
    # Matches the settings form from now on, so the run is not rebuilt on the next run.
    st.session_state[RUN_SETTINGS_KEY] = (corpus_identity(), config_from_form())
    st.session_state["upload.model_loaded"] = (file.name, state.step)  # shown in any language


def uploads_panel() -> None:
    from explorer.text.encoding import SUPPORTED_ENCODINGS

    # A toggle, not an expander: an expander's uploaders are built on every run, the first
    # page's included; these are built only once someone asks for them.
    busy = any(k in st.session_state for k in (UPLOADED_CORPUS, UPLOADED_VECTORS, UPLOAD_JOB))
    init_state({"upload.open": busy})
    if not show_advanced():
        return
    if not st.toggle(_("📤 Your own text or vectors"), key="upload.open",
                     help=_("Upload a corpus, vectors or a model saved by this app.")):  # fmt: skip
        return
    with st.container(border=True):
        st.file_uploader(
            _("Text (.txt, .md, .csv, .tsv)"), type=["txt", "md", "csv", "tsv"],
            accept_multiple_files=True, key="upload.corpus_files", on_change=_on_corpus_upload,
            help=_("One or more files, in English, Chinese, Japanese or another language; read "
                   "as {encodings} (the encoding is guessed when the file does not say). "
                   "Terminal colour codes and stray control characters are removed. Nothing "
                   "you had is lost if a file is refused."
                   ).format(encodings=", ".join(SUPPORTED_ENCODINGS)),
        )  # fmt: skip
        _upload_progress()
        if error := st.session_state.get("upload.corpus_error"):
            st.error(str(error))
        if cancelled := st.session_state.get("upload.cancelled"):
            st.warning(_("Cancelled: {name} was not loaded; your corpus and model are unchanged.")
                       .format(name=cancelled))  # fmt: skip
        upload = st.session_state.get(UPLOADED_CORPUS)
        if upload is not None:
            if columns := st.session_state.get("upload.columns"):
                st.selectbox(_("Text column"), columns, key="upload.text_column",
                             on_change=_on_corpus_upload,
                             help=_("The column of your table that holds the text."))  # fmt: skip
            for label, value in upload.summary.items():
                st.caption(_("**{label}:** {value}").format(label=_(label), value=value))
            for note in upload.notes:
                st.info(str(note))
        st.file_uploader(
            _("Vectors (word2vec text or .bin, GloVe, fastText .vec, projector .tsv)"),
            # .model and .pkl are accepted only so that the refusal can say why (pickles)
            type=["txt", "vec", "bin", "tsv", "w2v", "model", "pkl", "pickle"],
            accept_multiple_files=True,
            key="upload.vector_files", on_change=_on_vectors_upload,
            help=_("For the projector's pair, add metadata.tsv with vectors.tsv. Python pickles "
                   "(gensim .model files) are refused: they can run code when loaded."),
        )  # fmt: skip
        if error := st.session_state.get("upload.vectors_error"):
            st.error(str(error))
        if (loaded := st.session_state.get(UPLOADED_VECTORS)) is not None:
            name, wv, notes = loaded
            st.caption(
                _("**Vectors:** {name}: {n:,} words × {d}").format(
                    name=name, n=len(wv), d=wv.vector_size
                )
            )
            for note in notes:
                st.info(str(note))
        st.file_uploader(
            _("A model saved by this app (.npz)"), type=["npz"], key="upload.model_file",
            on_change=_on_model_upload,
            help=_("Training goes on where it left off, on the Train live page."),
        )  # fmt: skip
        if error := st.session_state.get("upload.model_error"):
            st.error(str(error))
        if loaded := st.session_state.get("upload.model_loaded"):
            name, step = loaded
            st.caption(_("**Model:** {name}, step {step:,}").format(name=name, step=step))
