"""The one module that touches Streamlit: session-state keys, cached loaders, the sidebar.

Usage (in a page):
    >>> from explorer import session
    >>> corpus = session.current_corpus()

Keys are prefixed by the page that owns them ("corpus.window"); the sidebar's corpus choice
is shared by every page under ``SAMPLE_KEY``.
"""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from explorer import i18n
from explorer.i18n import LANGUAGES, N_, _
from explorer.text.samples import (
    DEFAULT_SAMPLE,
    SAMPLES_BY_KEY,
    Sample,
    available_samples,
    get_sample,
)

SAMPLE_KEY = "app.sample"
LANG_KEY = "app.lang"  # the interface language, "en" or "zh"
PRESENTER_KEY = "app.presenter"  # larger type, advanced controls hidden
ADVANCED_KEY = "app.advanced"  # in the presenter view: show the advanced controls anyway
#: Settings are the session's, not one page's: Streamlit otherwise forgets a widget's value
#: in runs that do not draw it, and the form then fell back to each widget's own default
#: (1 epoch, no tracked words), resetting the model (caught by a browser test).
KEEP = "session"
ALPHAS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2)
BATCH_SIZES = (1, 4, 8, 16, 32, 64, 128, 256)


def _int_in(lo: int, hi: int):  # noqa: ANN202
    return lambda raw: int(raw) if lo <= int(raw) <= hi else None


def _one_of(options: tuple, kind: type = str):  # noqa: ANN202
    return lambda raw: kind(raw) if kind(raw) in options else None


#: What a link carries, and how each value is read back (None: not a value the form offers).
#: Read once per session into the session state (see apply_link): widgets bound to the URL
#: themselves (``bind="query-params"``) sometimes sent stale values in Streamlit 1.67, which
#: reset a model with nonsense settings.
SHARED = {
    LANG_KEY: _one_of(tuple(LANGUAGES)),
    SAMPLE_KEY: lambda raw: next(
        (s.key for s in SAMPLES_BY_KEY.values() if raw in (s.key, s.title)), None
    ),
    "train.sg": _one_of(("CBOW", "Skip-gram")),
    "train.objective": _one_of(("Negative sampling", "Full softmax", "Hierarchical softmax")),
    "train.negative": _int_in(1, 20),
    "train.vector_size": _int_in(2, 100),
    "train.window": _int_in(1, 10),
    "train.alpha": _one_of(ALPHAS, float),
    "train.batch_size": _one_of(BATCH_SIZES, int),
    "train.epochs": _int_in(1, 50),
    "train.seed": _int_in(0, 2**31 - 1),
    "train.min_count": _int_in(1, 10),
    "train.chunk": _int_in(1, 200),
    "train.track": str,
    "train.map_top": _int_in(0, 100),
    "proj.method": _one_of(("PCA", "t-SNE", "Word axes")),
    "proj.dims": _one_of((2, 3), int),
    "proj.n": _int_in(10, 10_000),
    "proj.colour": _one_of(("none", "k-means", "my groups")),
    "proj.k": _int_in(2, 20),
    "proj.labels": _int_in(0, 200),
    "proj.groups": str,
    "proj.find": lambda raw: [w for w in raw.split(",") if w] or None,
}
SHARED_KEYS = tuple(SHARED)


def apply_link() -> None:
    """Once per session: the corpus and settings a shared link names become the session's.

    Values the form does not offer are ignored, so a hand-edited link cannot break a page.
    """
    if st.session_state.get("app.link_applied"):
        return
    st.session_state["app.link_applied"] = True
    for key, read in SHARED.items():
        if key not in st.query_params:
            continue
        try:
            value = read(st.query_params[key])
        except ValueError:
            continue
        if value is not None:
            st.session_state[key] = value
    if "train.track" in st.session_state:  # the link's words, not the corpus's defaults
        st.session_state["train.track_for"] = st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE)
    if st.query_params.get(PRESENTER_KEY, "").lower() in ("1", "true", "on"):
        st.session_state[PRESENTER_KEY] = True  # a teacher's own bookmark; never shared
        st.session_state[PRESENTER_GATE] = True  # a new browser tab: see page_style
    if LANG_KEY not in st.session_state:  # no language in the link: the browser's
        locale = (st.context.locale or "").lower()
        st.session_state[LANG_KEY] = "zh" if locale.startswith("zh") else "en"
    if st.session_state[LANG_KEY] == "zh" and SAMPLE_KEY not in st.session_state:
        st.session_state[SAMPLE_KEY] = "chinese"  # a Chinese interface starts on Chinese text
    if "proj.groups" in st.session_state:  # the link's groups, not the corpus's examples
        st.session_state["proj.groups_for"] = st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE)


def _session_language() -> str | None:
    # Where explorer.i18n reads the language from: this session's choice (None outside a
    # script run, e.g. in a background thread, which then speaks English).
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANG_KEY)


i18n.set_language_source(_session_language)


def _keep_choices() -> None:
    # A choice widget (radio, selectbox) tells the server which *label* is chosen; after a
    # language switch the browser still sends the old language's label, which matches no
    # option, and the choice (the model's settings with it) would fall back to the default.
    # Read every value now, while the old labels still decode, and set it again: the
    # browser then shows it under its new label.
    # (Only text values: the choices this app translates are strings; buttons, toggles,
    # uploaders and numbers neither change with the language nor may all be set.)
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        if key != LANG_KEY and isinstance(value, str):
            st.session_state[key] = value


def presenter() -> bool:
    """Whether this session is in the presenter view (a projector at the back of a room)."""
    return bool(st.session_state.get(PRESENTER_KEY))


def show_advanced() -> bool:
    """Whether to draw advanced controls: always, except in the presenter view until asked."""
    return not presenter() or bool(st.session_state.get(ADVANCED_KEY))


#: The presenter view's type: Streamlit sizes its text in rem, so a larger root size
#: scales every heading, label and table; the main column uses the whole 1280 px width.
PRESENTER_CSS = """<style>
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding: 1.5rem 2rem 3rem; max-width: 100%; }
[data-testid="stSidebar"] { min-width: 15rem; }
[data-testid="stCaptionContainer"] { font-size: 0.95rem; }
</style>"""


#: Every run draws a style, presenter view or not: the browser loads Streamlit's HTML
#: renderer (a script of its own) with the first page, so the presenter view's type
#: applies at once when it is switched on.
PLAIN_CSS = "<style>/* no rules: this loads the renderer */</style>"
PRESENTER_GATE = "app.presenter_gate"
#: A presenter link opened in a new tab: the browser may not have the HTML renderer yet,
#: and the page's text would show at the normal size until it arrives (0.1-1.5 s, measured
#: in Chromium). The style comes alone first; its own script then presses "continue"
#: (which a person can press too), and the page is drawn with the type already large.
_GATE_SCRIPT = """<script>
const go = () => {
  const button = window.parent.document.querySelector('.st-key-presenter_go button');
  if (button) { button.click(); } else { setTimeout(go, 30); }
};
go();
</script>"""


def presenter_opening() -> bool:
    """Whether this run only brings the presenter view's style (the page comes next)."""
    return presenter() and bool(st.session_state.get(PRESENTER_GATE))


def page_style() -> None:
    """The page's style, first in every run: the presenter view's larger type.

    Stops the run after the style when a presenter link has just opened (see above).
    """
    if not presenter():
        st.html(PLAIN_CSS)
        return
    if not presenter_opening():
        st.html(PRESENTER_CSS)
        return
    st.html(PRESENTER_CSS + _GATE_SCRIPT, unsafe_allow_javascript=True)
    st.button(_("📽️ Open the presenter view"), key="presenter_go",
              on_click=lambda: st.session_state.pop(PRESENTER_GATE, None),
              help=_("Opens by itself in a moment; press it if it does not."))  # fmt: skip
    st.stop()


def view_options() -> None:
    """The sidebar's top: the interface language and the presenter view."""
    with st.sidebar:
        st.radio(
            _("🌐 Language · 语言"), list(LANGUAGES), format_func=LANGUAGES.get, key=LANG_KEY,
            horizontal=True, help=_("The language of every page; part of a shared link."),
            on_change=_keep_choices, persist_state=KEEP,
        )  # fmt: skip
        st.toggle(_("📽️ Presenter view"), key=PRESENTER_KEY, persist_state=KEEP,
                  help=_("Larger type for a projector; advanced controls hidden."))  # fmt: skip
        if presenter():
            st.toggle(
                _("Show advanced controls"), key=ADVANCED_KEY, persist_state=KEEP,
                help=_("Settings, exports and details the presenter view hides."),
            )  # fmt: skip


#: A row of buttons on a phone: Streamlit's buttons keep 0.75 rem of padding on each side,
#: which puts the player's six controls just past a 390 px screen; a little less fits them.
COMPACT_ROW_CSS = """<style>@media (max-width: 640px) {
  .st-key-%s button { padding-left: 0.3rem; padding-right: 0.3rem; }
}</style>"""


def toolbar(key: str):  # noqa: ANN201 (a Streamlit container)
    """A row of controls that stays one row on a phone, where ``st.columns`` would stack.

    Streamlit's horizontal container, without wrapping (should the row not fit, it scrolls
    sideways), and slightly narrower buttons on small screens: a CSS rule scoped to the
    container's documented class (``st-key-<key>``).
    """
    st.html(COMPACT_ROW_CSS % key.replace(".", "-"))
    return st.container(
        key=key, horizontal=True, gap="xxsmall", vertical_alignment="center", wrap=False
    )


UPLOAD_CHOICE = "upload"  # the corpus picker's value for the user's own text
UPLOADED_CORPUS = "upload.corpus"  # the last corpus upload that was read successfully
UPLOADED_VECTORS = "upload.vectors"  # (file name, Vectors, notes) of the last vectors upload


def page_setup() -> None:
    """Call first in every page: makes sure the page runs inside the app's navigation.

    Until the app's own ``st.navigation`` has run once in a server, Streamlit treats the
    ``pages/`` folder the old way and runs a page file alone: a first visitor who lands on
    ``/train`` would get that page without the app's sidebar, layout and settings. Leave that
    mode (exactly what ``st.navigation`` does) and run again, through ``streamlit_app.py``.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def cached(fn, spinner: str | bool = False):  # noqa: ANN001, ANN201
    """``fn`` with its results kept per arguments (``st.cache_data``), for a page's slow steps.

    A page reruns on every click; a map's score or a clustering of thousands of vectors
    should not be computed again when nothing it depends on changed.
    """
    return st.cache_data(fn, show_spinner=spinner, max_entries=32)


def init_state(defaults: dict[str, object]) -> None:
    """Set each key to its default once (idempotent: user choices are never overwritten)."""
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value


def corpus_sidebar() -> Sample:
    """The sidebar: the corpus picker, and uploads of your own text, vectors or model."""
    apply_link()
    _collect_upload_job()  # before the picker: a finished upload may choose the corpus
    keys = [s.key for s in available_samples()]
    if st.session_state.get(UPLOADED_CORPUS) is not None:
        keys.append(UPLOAD_CHOICE)
    init_state({SAMPLE_KEY: DEFAULT_SAMPLE if DEFAULT_SAMPLE in keys else keys[0]})
    if st.session_state[SAMPLE_KEY] not in keys:
        st.session_state[SAMPLE_KEY] = DEFAULT_SAMPLE
    upload_title = current_upload_title()  # (format_func may run outside the script: AppTest)
    with st.sidebar:
        st.selectbox(
            _("Corpus"),
            keys,
            key=SAMPLE_KEY,
            format_func=lambda k: upload_title if k == UPLOAD_CHOICE else _(get_sample(k).title),
            help=_("The text every page works on. The demo corpora are small and made for "
                   "this app; the Lee corpus is real news text; or upload your own below."),
        )  # fmt: skip
        chosen = current_sample()
        st.caption(_(chosen.description))  # an upload's is built in the language already
        _uploads_panel()
    return chosen


def current_upload_title() -> str:
    upload = st.session_state.get(UPLOADED_CORPUS)
    return f"📄 {upload.name}" if upload is not None else _("(no upload)")


def uploaded_corpus():  # noqa: ANN201 (CorpusUpload | None)
    """The user's uploaded corpus when it is the one chosen, else None."""
    if st.session_state.get(SAMPLE_KEY) != UPLOAD_CHOICE:
        return None
    return st.session_state.get(UPLOADED_CORPUS)


def max_vocab_for_training() -> int | None:
    """The live trainer's vocabulary cap for an upload (None for the bundled samples)."""
    upload = uploaded_corpus()
    return upload.max_vocab if upload is not None else None


UPLOAD_JOB = "upload.job"  # (Job, file name, table columns) of an upload being tokenized


def _on_corpus_upload() -> None:
    # Runs once per change of the uploader, before the rerun: read, and switch corpus only
    # on success. A refusal leaves every earlier choice, upload and model as they were. A
    # file that takes long to tokenize (a big Chinese or Japanese text) is decoded here and
    # tokenized by a background job with a progress bar and Cancel (_upload_progress); it
    # becomes the corpus when the job is done (_collect_upload_job).
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
        st.session_state["upload.corpus_error"] = str(err)
        return
    _use_corpus_upload(upload, columns)


def _use_corpus_upload(upload, columns: list[str]) -> None:  # noqa: ANN001 (CorpusUpload)
    import hashlib

    st.session_state["upload.columns"] = columns
    st.session_state[UPLOADED_CORPUS] = upload
    st.session_state["upload.digest"] = hashlib.sha256(upload.text.encode()).hexdigest()[:16]
    st.session_state[SAMPLE_KEY] = UPLOAD_CHOICE


def _collect_upload_job() -> None:
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
        if job.done:  # the whole app reruns, and _collect_upload_job takes the result
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
        st.session_state["upload.vectors_error"] = str(err)
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
        st.session_state["upload.model_error"] = str(err)
        return
    state = model.state_
    st.session_state.update({**_form_from_config(state.config), "train.playing": False})
    track = [w for w in current_sample().track if w in state.vocab] or _default_track(state.vocab)
    st.session_state[RUN_KEY] = run_from_state(state, track)
    # Matches the settings form from now on, so the run is not rebuilt on the next run.
    st.session_state[RUN_SETTINGS_KEY] = (corpus_identity(), _config_from_form())
    st.session_state["upload.model_loaded"] = (file.name, state.step)  # shown in any language


def _default_track(vocab) -> list[str]:  # noqa: ANN001
    # The most frequent words are function words ("the", "的"): follow the next ones.
    words = [w for w in vocab.index_to_key[:400] if len(w) > (3 if w.isascii() else 1)]
    return words[:9]


def _uploads_panel() -> None:
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
            st.error(error)
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
                st.info(note)
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
            st.error(error)
        if (loaded := st.session_state.get(UPLOADED_VECTORS)) is not None:
            name, wv, notes = loaded
            st.caption(
                _("**Vectors:** {name}: {n:,} words × {d}").format(
                    name=name, n=len(wv), d=wv.vector_size
                )
            )
            for note in notes:
                st.info(note)
        st.file_uploader(
            _("A model saved by this app (.npz)"), type=["npz"], key="upload.model_file",
            on_change=_on_model_upload,
            help=_("Training goes on where it left off, on the Train live page."),
        )  # fmt: skip
        if error := st.session_state.get("upload.model_error"):
            st.error(error)
        if loaded := st.session_state.get("upload.model_loaded"):
            name, step = loaded
            st.caption(_("**Model:** {name}, step {step:,}").format(name=name, step=step))


#: The cached loaders' spinners are drawn by their callers, in the session's language (a
#: decorator's text is fixed at import). st.spinner waits 0.5 s: a cache hit shows nothing.
@st.cache_resource(show_spinner=False, max_entries=8)
def _load_corpus(key: str, mtime: float):  # noqa: ANN202 (Corpus, imported lazily)
    # Read-only and shared by every session: the same sample is tokenized once per server.
    # mtime is part of the cache key so an edited sample file is read again.
    from explorer.text.corpus import Corpus
    from explorer.text.samples import load_sample_text

    return Corpus.from_text(load_sample_text(key), name=get_sample(key).title)


def current_corpus():  # noqa: ANN201
    """The tokenized corpus chosen in the sidebar (samples are cached per server)."""
    upload = uploaded_corpus()
    if upload is not None:
        return upload.corpus
    sample = current_sample()
    with st.spinner(_("Reading and tokenizing the corpus…")):
        return _load_corpus(sample.key, sample.path.stat().st_mtime)


def corpus_identity() -> tuple:
    """What the current corpus is, for caches and for knowing when a model is stale."""
    upload = uploaded_corpus()
    if upload is not None:
        return (UPLOAD_CHOICE, st.session_state.get("upload.digest"))
    sample = current_sample()
    return (sample.key, sample.path.stat().st_mtime)


RUN_KEY = "train.run"
RUN_SETTINGS_KEY = "train.run_settings"


def live_run(config, track: list[str], map_top: int = 0):  # noqa: ANN001, ANN201 (LiveRun)
    """This session's training run for the current corpus and ``config``.

    Returns ``(run, was_reset)``: a run built for other settings is replaced by a fresh one
    (and ``was_reset`` says so, for the page to tell the user); tracked words can change
    without touching the model.
    """
    from explorer.player.word2vec import Analogy, word2vec_run

    sample = current_sample()
    settings = (corpus_identity(), config)
    run = st.session_state.get(RUN_KEY)
    if run is not None and st.session_state.get(RUN_SETTINGS_KEY) == settings:
        if run.track + run.missing != list(dict.fromkeys(track)) or run.map_top != map_top:
            run.set_track(track, map_top)
        return run, False
    analogy = Analogy(*sample.analogy) if sample.analogy else None
    st.session_state[RUN_KEY] = word2vec_run(
        current_corpus().sentences, config, track, analogy, map_top=map_top
    )
    st.session_state[RUN_SETTINGS_KEY] = settings
    return st.session_state[RUN_KEY], run is not None


def training_settings():  # noqa: ANN201 (Word2VecConfig, list[str], int)
    """The training settings form (an expander): ``(config, tracked words, chunk, map_top)``.

    Shared by the pages that train, so every one of them names and bounds the settings alike.
    """
    from explorer.models.word2vec.trainer import Word2VecConfig

    sample = current_sample()
    init_state(_form_from_config(Word2VecConfig()) | DRAWING_DEFAULTS)
    if st.session_state.get("train.track_for") != sample.key:  # new corpus: its own defaults
        st.session_state["train.track"] = ", ".join(sample.track)
        st.session_state["train.track_for"] = sample.key
    if show_advanced():  # the presenter view trains at the settings it has
        _settings_form()
    ss = st.session_state
    config = _config_from_form()
    track = [w.strip() for w in ss["train.track"].replace("，", ",").split(",") if w.strip()]
    return config, track, int(ss["train.chunk"]), int(ss["train.map_top"])


def _settings_form() -> None:
    with st.expander(_("Settings"), expanded=False, key="train.settings"):
        c = st.columns(4)
        c[0].radio(
            _("Architecture"),
            [N_("CBOW"), N_("Skip-gram")],  # stored and shared in English
            format_func=_,
            key="train.sg",
            persist_state=KEEP,
            horizontal=True,
            help=_(
                "CBOW: the average of the context predicts the centre word. "
                "Skip-gram: the centre word predicts each context word."
            ),
        )
        c[1].radio(
            _("Output layer"),
            [N_("Negative sampling"), N_("Full softmax"), N_("Hierarchical softmax")],
            format_func=_,
            key="train.objective",
            persist_state=KEEP,
            help=_(
                "Full softmax scores every word of the vocabulary; negative sampling "
                "scores the true word against k random 'negative' words; hierarchical "
                "softmax walks the true word's path in a Huffman tree, a yes/no question "
                "per node (about log2 V of them)."
            ),
        )
        c[2].slider(
            _("Negatives k"),
            1,
            20,
            key="train.negative",
            persist_state=KEEP,
            disabled=st.session_state["train.objective"] != "Negative sampling",
            help=_("Negative words drawn per example, from unigram counts ** 0.75."),
        )
        c[3].slider(
            _("Vector size d"),
            2,
            100,
            key="train.vector_size",
            persist_state=KEEP,
            help=_("Columns of W. Small by default so the matrix stays readable."),
        )
        c = st.columns(4)
        c[0].slider(
            _("Window"),
            1,
            10,
            key="train.window",
            persist_state=KEEP,
            help=_("Context words on each side of the centre word (at most)."),
        )
        c[1].select_slider(
            _("Learning rate"),
            ALPHAS,
            key="train.alpha",
            persist_state=KEEP,
            help=_("Starting step size; it decays to 0.0001."),
        )
        c[2].select_slider(
            _("Batch size"),
            BATCH_SIZES,
            key="train.batch_size",
            persist_state=KEEP,
            help=_("Examples per update."),
        )
        c[3].slider(_("Epochs"), 1, 50, key="train.epochs", persist_state=KEEP,
                    help=_("Passes over the corpus."))  # fmt: skip
        c = st.columns(4)
        c[0].number_input(
            _("Seed"),
            0,
            2**31 - 1,
            key="train.seed",
            persist_state=KEEP,
            help=_("Same seed, same settings: the same run, step for step."),
        )
        c[1].slider(
            _("Min count"),
            1,
            10,
            key="train.min_count",
            persist_state=KEEP,
            help=_("Words seen fewer times are left out of the vocabulary."),
        )
        c[2].slider(
            _("Batches per tick"),
            1,
            200,
            key="train.chunk",
            persist_state=KEEP,
            help=_("How much training happens between two pictures while playing."),
        )
        c[3].text_input(
            _("Tracked words"),
            key="train.track",
            persist_state=KEEP,
            help=_("Comma-separated words to show in the matrix and on the map."),
        )
        st.slider(
            _("Also map the most frequent words"),
            0,
            100,
            key="train.map_top",
            persist_state=KEEP,
            help=_(
                "Put the N most frequent words on the map too (in grey; tracked words "
                "are larger). The model is not restarted."
            ),
        )


#: The form's settings that are not the model's: batches per picture, frequent words mapped.
DRAWING_DEFAULTS = {"train.chunk": 20, "train.map_top": 0}


def _form_from_config(c) -> dict:  # noqa: ANN001 (Word2VecConfig)
    # The settings form's values for a config (the inverse of _config_from_form). Without
    # negative sampling, k is left as the form had it.
    objective = "Hierarchical softmax" if c.hs else "Negative sampling" if c.negative else None
    form = {
        "train.sg": "Skip-gram" if c.sg else "CBOW",
        "train.objective": objective or "Full softmax",
        "train.vector_size": c.vector_size, "train.window": c.window, "train.alpha": c.alpha,
        "train.batch_size": c.batch_size, "train.epochs": c.epochs, "train.seed": c.seed,
        "train.min_count": c.min_count,
    }  # fmt: skip
    return form | ({"train.negative": c.negative} if c.negative else {})


def _config_from_form():  # noqa: ANN202 (Word2VecConfig)
    from explorer.models.word2vec.trainer import Word2VecConfig

    ss = st.session_state
    return Word2VecConfig(
        vector_size=ss["train.vector_size"], window=ss["train.window"],
        min_count=ss["train.min_count"], sg=int(ss["train.sg"] == "Skip-gram"),
        negative=ss["train.negative"] if ss["train.objective"] == "Negative sampling" else 0,
        hs=int(ss["train.objective"] == "Hierarchical softmax"),
        alpha=ss["train.alpha"], epochs=ss["train.epochs"], batch_size=ss["train.batch_size"],
        seed=int(ss["train.seed"]), max_vocab=max_vocab_for_training(),
    )  # fmt: skip


def _fit_timed(sentences, config):  # noqa: ANN001, ANN202 (Word2Vec, seconds)
    import time

    from explorer.models.word2vec.model import Word2Vec

    started = time.perf_counter()
    model = Word2Vec(**vars(config)).fit(sentences)
    return model, time.perf_counter() - started


@st.cache_resource(show_spinner=False, max_entries=16)
def _trained(key: str, mtime: float, config):  # noqa: ANN001, ANN202
    # Read-only and shared: one training per corpus and settings per server.
    return _fit_timed(_load_corpus(key, mtime).sentences, config)


@st.cache_resource(show_spinner=False, max_entries=8)
def _trained_upload(identity: tuple, _corpus, config):  # noqa: ANN001, ANN202
    # Keyed by the upload's content digest; the corpus itself is not hashed (underscore).
    return _fit_timed(_corpus.sentences, config)


def trained_model(config=None):  # noqa: ANN001, ANN201
    """A Word2Vec trained on the current corpus with ``config`` (default settings), cached.

    Returns ``(model, seconds the training took)``.
    """
    from explorer.models.word2vec.trainer import Word2VecConfig

    config = config or Word2VecConfig(max_vocab=max_vocab_for_training())
    upload = uploaded_corpus()
    if upload is not None:
        with st.spinner(_("Training word2vec on your text…")):
            return _trained_upload(corpus_identity(), upload.corpus, config)
    sample = current_sample()
    with st.spinner(_("Training word2vec on this corpus…")):
        return _trained(sample.key, sample.path.stat().st_mtime, config)


def live_run_for_this_corpus():  # noqa: ANN201 (LiveRun | None)
    """This session's live training run, if it was trained on the corpus now chosen."""
    settings = st.session_state.get(RUN_SETTINGS_KEY)
    if settings is None or settings[0] != corpus_identity():
        return None
    return st.session_state.get(RUN_KEY)


def current_sample() -> Sample:
    """The corpus chosen in the sidebar: a bundled sample, or the user's upload."""
    key = st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE)
    upload = st.session_state.get(UPLOADED_CORPUS)
    if key == UPLOAD_CHOICE and upload is not None:
        return Sample(
            UPLOAD_CHOICE, f"📄 {upload.name}", upload.script,
            _("Your upload: {summary}").format(summary=", ".join(
                f"{_(k)} {v}" for k, v in upload.summary.items() if k != "Most frequent words")),
            filename="", source="upload", track=tuple(_default_track(upload.corpus.vocab)),
        )  # fmt: skip
    return get_sample(key if key in SAMPLES_BY_KEY else DEFAULT_SAMPLE)


def export_panel(wv, state=None, losses=(), key: str = "export", link: str = "") -> None:  # noqa: ANN001
    """Download buttons for vectors (and a model state), made only when clicked; a link."""
    from explorer.io.vector_formats import to_projector_tsv, to_word2vec_text, vocabulary_csv
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


def vector_sources() -> dict:
    """Every set of vectors a page can explore now: ``{id: (label, vectors)}``.

    The ids ("trained", "live", "gensim", "upload") stay put while the labels change with
    the language and the live run's step, so a page's choice survives both.
    """
    model, seconds = trained_model()
    sources = {"trained": (_("A model trained here on this corpus ({seconds:.1f} s, cached)")
                           .format(seconds=seconds), model.wv)}  # fmt: skip
    run = live_run_for_this_corpus()
    if run is not None and run.step > 0:
        label = _("Your live training run (step {step:,})").format(step=run.step)
        sources["live"] = (label, run.vectors())
    if (trained := st.session_state.get(GENSIM_VECTORS)) is not None:
        label = _("Trained with gensim on {corpus}").format(corpus=_(trained[0]))
        sources["gensim"] = (label, trained[1])
    if (uploaded := st.session_state.get(UPLOADED_VECTORS)) is not None:
        label = _("Your uploaded vectors ({name})").format(name=uploaded[0])
        sources["upload"] = (label, uploaded[1])
    return sources


def pick_vectors(key: str, radio: bool = False):  # noqa: ANN201 (Vectors)
    """The "Vectors" picker of the exploring pages; returns the vectors chosen."""
    sources = vector_sources()
    widget, extra = (st.radio, {"horizontal": True}) if radio else (st.selectbox, {})
    choice = widget(  # kept for the session: the same choice on every page
        _("Vectors"), list(sources), key=key, format_func=lambda k: sources[k][0],
        persist_state=KEEP,
        help=_("Trained here, your live run, gensim's, or your own."), **extra,
    )  # fmt: skip
    return sources[choice][1]


def map_defaults(wv) -> None:  # noqa: ANN001 (Vectors)
    """The projection page's starting point: the corpus's example groups, labelled, coloured.

    The groups are the corpus's (``Sample.groups``) when the corpus changes, and follow the
    language while they are still the corpus's own; what a user typed, chose or opened
    through a shared link is kept. Without example groups (an upload), k-means colours.
    """
    from explorer.maps.clusters import format_groups

    sample, ss = current_sample(), st.session_state
    texts = [format_groups(sample.groups, code) for code in LANGUAGES]
    if ss.get("proj.groups_for") != sample.key or ss.get("proj.groups") in texts:
        ss["proj.groups"] = format_groups(sample.groups, i18n.current_language())
        ss["proj.groups_for"] = sample.key
        if not sample.groups and ss.get("proj.colour") == "my groups":
            ss["proj.colour"] = "k-means"
    colour = "my groups" if sample.groups else "k-means"
    init_state({"proj.colour": colour, "proj.labels": 10, "proj.n": min(300, len(wv))})
    ss["proj.n"] = min(ss["proj.n"], len(wv))  # a link's number, for smaller vectors


def tsne_settings(words: list[str]):  # noqa: ANN201 (settings, init, live)
    """The projection page's t-SNE tuning: ``(settings for tsne, init, watch it unfold)``.

    The presenter view runs t-SNE at its defaults (the tuning is an advanced control).
    """
    prev = st.session_state.get("proj.prev")
    if show_advanced():
        c = st.columns(4)
        perplexity = c[0].slider(_("Perplexity"), 2, 100, 30, key="proj.perp", help=_(
            "Roughly how many neighbours each word keeps close."))  # fmt: skip
        iters = c[1].slider(_("Iterations"), 250, 2000, 500, step=50, key="proj.iter")
        lr = c[2].select_slider(_("Learning rate"), [N_("auto"), 10, 50, 200, 1000], key="proj.lr",
                                format_func=lambda v: _(str(v)))  # fmt: skip
        seed = c[3].number_input(_("Seed"), 0, 10**6, 0, key="proj.seed")
        c = st.columns(2)
        live = c[0].toggle(_("Watch it unfold"), key="proj.live",
                           help=_("Run the optimisation in chunks and draw each one."))  # fmt: skip
        warm = c[1].toggle(_("Start from the last map"), key="proj.warm",
                           disabled=prev is None or prev[0] != words,
                           help=_("For vectors that changed a little (a few more training "
                           "steps): the new map stays comparable with the last one."))  # fmt: skip
    else:
        perplexity, iters, lr, seed, live, warm = 30, 500, "auto", 0, False, False
    init = prev[1] if warm and prev is not None and prev[0] == words else "pca"
    settings = dict(perplexity=perplexity, n_iter=iters, learning_rate=lr, seed=int(seed))
    return settings, init, live


def live_tsne(X, words, dims: int, init, settings: dict, **figure):  # noqa: ANN001, ANN201, ANN003
    """t-SNE drawn as it unfolds (a chunk of iterations per tick), with a Stop button.

    ``figure`` goes to ``projection_map`` (groups, labelled words, emphasis). Returns the
    finished (or stopped) map as a Projection; until then it draws and stops
    the page's script, so what follows a map only appears once the map is final.
    """
    import numpy as np

    from explorer.charts.maps import projection_map
    from explorer.maps.projection import cache_key
    from explorer.maps.tsne import tsne_init, tsne_steps

    key = cache_key(np.asarray(X), dims=dims, init=str(type(init)), **settings)
    if st.session_state.get("proj.live_key") != key:
        st.session_state["proj.live_key"] = key
        st.session_state["proj.live_state"] = tsne_init(X, n_components=dims, init=init, **settings)
        st.session_state["proj.live_stop"] = False
    state = st.session_state["proj.live_state"]
    if state.done or st.session_state["proj.live_stop"]:
        return state.projection()

    def stop() -> None:
        st.session_state["proj.live_stop"] = True

    st.button(_("⏹ Stop"), key="proj.stop", on_click=stop, help=_("Keep the map as it is now."))

    @st.fragment(run_every=0.3)
    @taking_turns  # shares the server with the other live pages when many are busy
    def unfold() -> None:
        state = st.session_state["proj.live_state"]
        if not state.done and not st.session_state["proj.live_stop"]:
            state = st.session_state["proj.live_state"] = tsne_steps(state, 25)
        phase = _("early exaggeration") if state.exaggerating else _("refining")
        done, total = state.iteration, state.params.n_iter
        st.progress(done / total, text=_("iteration {done} / {total} ({phase})")
                    .format(done=done, total=total, phase=phase))  # fmt: skip
        fig = projection_map(state.coords, words, title=_("t-SNE, unfolding"), **figure)
        plotly(fig, key="proj.unfold")
        if state.done:
            st.rerun(scope="app")

    unfold()
    st.stop()


def share_link(path: str, step: int | None = None) -> str:
    """A link to ``path`` that reproduces this session's corpus, settings (and step).

    Opening it runs the same seed with the same settings up to the same step: the same
    matrix, since training is deterministic.
    """
    params = {k: st.session_state[k] for k in SHARED_KEYS if k in st.session_state}
    params = {k: ",".join(v) if isinstance(v, list) else v for k, v in params.items()}
    if params.get(SAMPLE_KEY) in SAMPLES_BY_KEY:  # its English title, whatever the language
        params[SAMPLE_KEY] = get_sample(params[SAMPLE_KEY]).title
    if step:
        params["step"] = step
    return _link(path, params)


def _link(path: str, params: dict) -> str:
    # An address on the server this session reached, with ``params`` as its query.
    from urllib.parse import urlencode, urlsplit

    here = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{here.scheme}://{here.netloc}/{path.lstrip('/')}?{urlencode(params)}"


def replay_to_url_step(run, chunk: int) -> None:  # noqa: ANN001 (LiveRun)
    """Once per session: train ``run`` to the ``step`` a shared link names (deterministic)."""
    if st.session_state.get("train.url_step_done"):
        return
    st.session_state["train.url_step_done"] = True
    try:
        target = int(st.query_params.get("step", 0))
    except ValueError:
        return
    if target <= run.step:
        return
    with st.spinner(_("Replaying the shared run to step {target:,}…").format(target=target)):
        while run.step < target and not run.finished:
            run.tick(min(chunk, target - run.step))


@st.cache_resource
def _turnstile():  # noqa: ANN202 (Turnstile): one per server, shared by every session
    import os

    from explorer.player.turns import Turnstile

    # The share of the server's time live ticks may take when many sessions play at once;
    # the rest stays free for clicks. EXPLORER_TICK_DUTY=1 gives ticks all of it.
    return Turnstile(slots=1, duty=float(os.environ.get("EXPLORER_TICK_DUTY", TICK_DUTY)))


def taking_turns(fn):  # noqa: ANN001, ANN201
    """Decorate a live fragment: its timed reruns take turns (``tick_turn``).

    Only the fragment's own reruns wait; when a click reruns the whole page, the fragment
    draws at once (a click never waits for other sessions).
    """
    import functools

    from streamlit.runtime.scriptrunner import get_script_run_ctx

    @functools.wraps(fn)
    def in_turn():  # noqa: ANN202
        ctx = get_script_run_ctx()
        if ctx is None or not ctx.fragment_ids_this_run:
            return fn()
        with tick_turn():
            return fn()

    return in_turn


@contextmanager
def tick_turn():  # noqa: ANN201
    """Run a live page's tick in its turn: sessions take turns when the server is busy.

    Waiting holds no CPU. It waits in short slices, each a Streamlit yield point (an
    empty placeholder redrawn), so a click in this session stops the wait at once rather
    than queueing behind the other sessions' ticks. See ``explorer.player.turns``.
    """
    turns = _turnstile()
    ticket = turns.enter()
    try:
        if not turns.wait(ticket, 0.0):
            slot = st.empty()
            while not turns.wait(ticket, 0.05):
                slot.empty()
        yield
    finally:
        turns.leave(ticket)


TICK_DUTY = 0.5
LESSON_STEP = "lesson.step"  # the guided lesson's current step (0-based)


def lesson_words():  # noqa: ANN201 (LessonWords)
    """The guided lesson's corpus and words for the interface language now chosen."""
    return _lesson_words(i18n.current_language())


@st.cache_resource(show_spinner=False)
def _lesson_words(language: str):  # noqa: ANN202 (LessonWords): tokenized once per server
    from explorer.lessons.guided import lesson_words as words_for

    return words_for(language)


def lesson_model(words):  # noqa: ANN001, ANN201 (Word2Vec)
    """The model the lesson's reveals read: its corpus at the default settings (cached).

    The same settings the lesson opens the Train page with, so the reveal is what the
    live run reaches at its end.
    """
    from explorer.models.word2vec.trainer import Word2VecConfig

    with st.spinner(_("Training word2vec on this corpus…")):
        sample = words.sample
        return _trained(sample.key, sample.path.stat().st_mtime, Word2VecConfig())[0]


def lesson_step() -> int:
    """The lesson's step: from the link (``?lesson=3``) once, then the session's."""
    from explorer.lessons.guided import STEPS

    if LESSON_STEP not in st.session_state:
        try:
            st.session_state[LESSON_STEP] = int(st.query_params.get("lesson", 1)) - 1
        except ValueError:
            st.session_state[LESSON_STEP] = 0
    step = min(max(int(st.session_state[LESSON_STEP]), 0), len(STEPS) - 1)
    st.session_state[LESSON_STEP] = step
    st.query_params["lesson"] = str(step + 1)  # the address names the step and language
    st.query_params[LANG_KEY] = st.session_state.get(LANG_KEY, "en")
    return step


def lesson_link(step: int) -> str:
    """The address of the lesson's ``step`` (0-based) in this session's language."""
    return _link("lesson", {"lesson": step + 1, LANG_KEY: st.session_state.get(LANG_KEY, "en")})


def go_to_lesson_step(step: int) -> None:
    """Callback: show another step of the lesson."""
    st.session_state[LESSON_STEP] = step


def open_lesson_step(step: int) -> None:
    """Callback: the step's page gets the lesson's corpus and settings, then opens."""
    from explorer.lessons.guided import STEPS

    words, opened = lesson_words(), STEPS[step]
    st.session_state[SAMPLE_KEY] = words.sample.key
    st.session_state["train.track_for"] = words.sample.key
    if opened.config is not None:  # the training settings it opens the page with
        st.session_state.update(_form_from_config(opened.config) | DRAWING_DEFAULTS)
    st.session_state.update(opened.settings(words))
    st.session_state[LESSON_STEP] = step
    st.session_state["lesson.open"] = STEPS[step].page


def follow_lesson_link() -> None:
    """After ``open_lesson_step``: switch to the page (not allowed inside a callback)."""
    if page := st.session_state.pop("lesson.open", None):
        st.switch_page(page)


def lesson_banner(url_path: str) -> None:
    """On a page the lesson opened: its question, and the way back to reveal the answer."""
    if LESSON_STEP not in st.session_state or url_path == "lesson":
        return  # (before importing the lesson: it loads numpy, and the home page must not)
    from explorer.lessons.guided import STEPS

    step = STEPS[st.session_state[LESSON_STEP]]
    if step.url_path != url_path:
        return
    words = lesson_words()
    with st.container(border=True):
        left, right = st.columns([4, 1])
        left.markdown(_("🧑‍🏫 **Lesson, step {n} of {total}:** {question}").format(
            n=STEPS.index(step) + 1, total=len(STEPS), question=step.ask(words).text))  # fmt: skip
        left.caption(_(step.task).format(**words.by_role))
        right.page_link(page="pages/lesson.py", label=_("Back to reveal →"), icon="🧑‍🏫",
                        query_params={"lesson": STEPS.index(step) + 1})  # fmt: skip


def _arrow_bytes(rows: list[dict]) -> bytes:
    # What Streamlit would send for a chart's table, made straight from the rows: its own
    # route (rows -> pandas -> Arrow) was the largest cost of a live tick under load.
    import pyarrow as pa

    table = pa.Table.from_pylist(rows)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


#: How much larger chart text is in the presenter view.
PRESENTER_CHART_SCALE = 1.35


def _larger_text(node, scale: float):  # noqa: ANN001, ANN202
    # Every font size in a chart spec times ``scale``: Vega-Lite's "fontSize",
    # "labelFontSize", ... and Plotly's "size" inside "font", "textfont", "tickfont", ...
    if isinstance(node, list | tuple):
        return [_larger_text(v, scale) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k.lower().endswith("fontsize") and isinstance(v, int | float):
            out[k] = round(v * scale, 1)
        elif k.endswith("font") and isinstance(v, dict):
            out[k] = {**_larger_text(v, scale), "size": round(v.get("size", 12) * scale, 1)}
        else:
            out[k] = _larger_text(v, scale)
    return out


def plotly(fig, where=None, **kwargs):  # noqa: ANN001, ANN201
    """Draw a Plotly figure (``st.plotly_chart``); larger text in the presenter view."""
    if presenter():
        fig = fig.to_dict() if hasattr(fig, "to_dict") else fig
        layout = {"font": {}, **fig.get("layout", {})}  # Plotly's default font: 12 px
        fig = {**fig, "layout": _larger_text(layout, PRESENTER_CHART_SCALE)}
    return (where or st).plotly_chart(fig, **kwargs)


def vega(spec: dict, key: str | None = None, where=None) -> None:  # noqa: ANN001
    """Draw a Vega-Lite ``spec`` (``st.vega_lite_chart``), its tables sent as Arrow bytes.

    In the presenter view its text is larger. ``where`` is a column or container.
    """
    spec = dict(spec)
    datasets = dict(spec.pop("datasets", {}))
    data = spec.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        datasets["table"] = data["values"]
        spec["data"] = {"name": "table"}
    spec["datasets"] = {
        name: _arrow_bytes(rows) if isinstance(rows, list) and rows and isinstance(rows[0], dict)
        else rows for name, rows in datasets.items()
    }  # fmt: skip
    if not spec["datasets"]:
        del spec["datasets"]
    if presenter():
        spec = _larger_text(spec, PRESENTER_CHART_SCALE)
    (where or st).vega_lite_chart(spec, key=key)


def microscope_panel(run, word: str) -> None:  # noqa: ANN001 (LiveRun)
    """One training example of ``word`` under the microscope, for the Train page."""
    import numpy as np

    from explorer.charts.training import probability_figure
    from explorer.models.word2vec.microscope import inspect_example, path_table, pick_example

    view = inspect_example(run.state, pick_example(run.state, word))
    st.markdown(_(
        "Context **{context}** → target **{target}**. Each context word is a one-hot row (a 1 "
        "at its id, {zeros:,} zeros); times W it selects that word's row. Their average is **h**."
    ).format(context=", ".join(view.context_words), target=view.target_word,
             zeros=len(run.state.vocab) - 1))  # fmt: skip
    rows = zip(view.context_words, view.context_ids, np.round(view.rows, 3), strict=True)
    table = {_("{word} (id {id})").format(word=w, id=i): row for w, i, row in rows}
    table[_("h (average)")] = np.round(view.h, 3)
    st.dataframe(table)
    fig = probability_figure(view.top_words, view.top_probs, view.target_word)
    vega(fig, key="train.probs")
    if view.path_nodes.size:  # hierarchical softmax: left or right at each node of the path
        st.dataframe(path_table(view), hide_index=True)
    if view.negative_words:
        st.markdown(_("Negative sampling scores the target against random words, σ(u · h):"))
        kinds = [_("target")] + [_("negative")] * len(view.negative_words)
        st.dataframe(
            {_("word"): [view.target_word, *view.negative_words], _("role"): kinds,
             "σ(u·h)": np.round(view.scores, 3), _("loss"): np.round(view.losses, 3)},
            hide_index=True,
        )  # fmt: skip
    st.markdown(_(
        "p({target} | context) = **{before:.4f}** now; one update on this example (learning "
        "rate {lr:.4f}) makes it **{after:.4f}**."
    ).format(target=view.target_word, before=view.p_target_before, lr=view.learning_rate,
             after=view.p_target_after))  # fmt: skip
