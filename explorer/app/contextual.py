"""The contextual page's panels: its corpus, one sentence, the blank, static vs contextual.

Usage (in ``pages/contextual.py``):
    >>> data = contextual.context_data()             # the sense corpus, or the upload
    >>> contextual.sentence_panel(model, state, data, layer)
    >>> text = contextual.mask_input(data); contextual.mask_result(model, state, data, text)
    >>> contextual.static_panel(occurrence_map, data, identity)
    >>> contextual.remember_source(run, data, word)  # for the Projections page

Each panel reads its widgets, asks :mod:`explorer.lessons.contextual` and draws what comes
back; nothing here computes more than a label.
"""

from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.app import corpus, draw
from explorer.app.state import init_state
from explorer.app.view import show_advanced
from explorer.charts.contextual import attention_chart
from explorer.charts.training import matrix_heatmap, probability_figure
from explorer.i18n import _
from explorer.lessons import contextual as lesson

SOURCE_KEY = "ctx.source"  # (LiveRun, ContextData, word) of this session's contextual run
SENSE_CORPORA = {"en": "English", "zh": "中文", "ja": "日本語"}


@st.cache_resource(show_spinner=False)
def _sense_data(language: str) -> lesson.ContextData:
    return lesson.sense_data(language)  # one object per server: the probes' pass is shared


@st.cache_resource(show_spinner=False, max_entries=4)
def _upload_data(digest: str, _sentences, script: str) -> lesson.ContextData:  # noqa: ANN001
    return lesson.upload_data(_sentences, script)


def context_data() -> tuple[lesson.ContextData, tuple]:
    """The sentences the page trains on, and their identity (for rebuilding the run).

    An uploaded corpus when the sidebar's corpus is one (no senses), else a sense corpus:
    the interface language's, or another chosen in the advanced controls.
    """
    upload = corpus.uploaded_corpus()
    if upload is not None:
        digest = str(st.session_state.get("upload.digest"))
        text = upload.corpus
        return _upload_data(digest, text.sentences, text.script), ("upload", digest)
    language = i18n.current_language()
    init_state({"ctx.corpus": language if language in SENSE_CORPORA else "en"})
    if show_advanced():
        st.selectbox(_("Sense corpus"), list(SENSE_CORPORA), format_func=SENSE_CORPORA.get,
                     key="ctx.corpus", help=_("Which sense corpus the model reads: made-up "
                                              "sentences in which each sense is known."))
    language = st.session_state["ctx.corpus"]
    return _sense_data(language), ("senses", language)


def start_on(word: str, layer: int, words: list[str]) -> None:
    """The word and layer the page opens on (a link's or the lesson's word, if offered)."""
    init_state({"ctx.word": word, "ctx.layer": layer})
    if st.session_state["ctx.word"] not in words:
        st.session_state["ctx.word"] = word


def sense_label(sense: str | None) -> str:
    """A sense's name in the interface language ("" when unknown)."""
    return _(lesson.SENSE_LABELS[sense]) if sense in lesson.SENSE_LABELS else (sense or "")


def sentence_panel(model, state, data: lesson.ContextData, layer: int) -> None:  # noqa: ANN001
    """“Don't trouble trouble”: each token's vector, the repeated word's cosine, attention."""
    init_state({"ctx.sentence": lesson.TWICE_EXAMPLES.get(data.language, lesson.PROVERB)})
    text = st.text_input(_("A sentence"), key="ctx.sentence", help=_(
        "Type a sentence with a word twice in two senses; the model reads it as it is now."))
    tokens = lesson.tokens_of(text, list(data.sense_words()))
    if not tokens:
        st.info(_("Type a sentence to see its vectors."))
        return
    view = lesson.analyse_sentence(model, state, tokens, prefer=list(data.sense_words()))
    unknown = [t for t, known in zip(view.tokens, view.known, strict=True) if not known]
    if unknown:
        st.caption(_("Not in the vocabulary, read as [UNK]: {words}").format(
            words=", ".join(unknown)))
    left, right = st.columns(2)
    labels = [f"{i + 1}. {t}" for i, t in enumerate(view.tokens)]
    title = _("Each token's vector at layer {layer}").format(layer=layer)
    draw.vega(matrix_heatmap(view.layers[layer], labels, None, title), "ctx.tokens", left)
    if view.pair is None:
        right.info(_("No word appears twice: type one twice to compare its two vectors."))
    else:
        i, j = view.pair
        right.markdown(_("**Cosine of “{a}” and “{b}”**, layer by layer:").format(
            a=labels[i], b=labels[j]))
        right.table([{_("layer"): n, _("with positions"): f"{c:.3f}",
                      _("positions set to zero"): f"{z:.3f}"}
                     for n, (c, z) in enumerate(zip(view.pair_cosines, view.no_position_cosines,
                                                    strict=True))])  # fmt: skip
        right.caption(_("Layer 0 is the word's row of the embedding table: one vector, as in "
                        "word2vec. Without position embeddings attention cannot tell the two "
                        "copies apart, so they stay one vector at every layer."))
    at = max(layer, 1)
    heads = st.columns(view.attention.shape[1])
    for h, col in enumerate(heads):
        title = _("Attention, layer {layer}, head {head}").format(layer=at, head=h + 1)
        draw.vega(attention_chart(view.attention[at - 1, h], view.tokens, title),
                     f"ctx.attn{h}", col)


def mask_input(data: lesson.ContextData, where=None) -> str:  # noqa: ANN001 (a column)
    """The box for a sentence with a blank (outside the live fragments, so typing is calm)."""
    init_state({"ctx.mask": lesson.MASK_EXAMPLES.get(data.language, "")})
    return (where or st).text_input(_("Fill the [MASK]: a sentence with a blank"), key="ctx.mask",
                         help=_("Write [MASK] where a word is missing; the top words follow "
                                "the model while it trains."))


def mask_result(model, state, data: lesson.ContextData, text: str) -> None:  # noqa: ANN001
    """The top words for the blank with their probabilities, as the model is now."""
    try:
        top = lesson.fill_mask(model, state, text, list(data.sense_words()), topk=5)
    except ValueError:
        st.info(_("Write [MASK] somewhere in the sentence."))
        return
    draw.vega(probability_figure([w for w, _p in top], [p for _w, p in top], ""), "ctx.fill")


def static_panel(view: lesson.OccurrenceMap, data: lesson.ContextData, identity: tuple) -> None:
    """word2vec's nearest words of the word against the nearest occurrences of one use."""
    wv = _static(identity, data)
    left, right = st.columns(2)
    left.markdown(_("**word2vec**: one vector for “{word}”, its nearest words").format(
        word=view.word))
    if view.word in wv:
        left.table([{_("word"): w, _("cosine"): f"{s:.3f}"}
                    for w, s in wv.most_similar(view.word, topn=8)])  # fmt: skip
    choices = list(range(len(view.sentences)))
    pick = right.selectbox(_("**Masked LM**: the occurrences nearest to this one"), choices,
                           format_func=view.sentences.__getitem__, key="ctx.occurrence",
                           help=_("Cosine of the occurrences' vectors at the layer shown."))
    right.table([{_("sentence"): n.sentence, _("sense"): sense_label(n.sense),
                  _("cosine"): f"{n.cosine:.3f}"}
                 for n in lesson.occurrence_neighbours(view, pick or 0, topn=8)])  # fmt: skip


@st.cache_resource(show_spinner=False, max_entries=4)
def _static(identity: tuple, _data: lesson.ContextData):  # noqa: ANN202 (Vectors)
    with st.spinner(_("Training word2vec on the same sentences…")):
        return lesson.static_vectors(_data)


def export_buttons(view: lesson.OccurrenceMap) -> None:
    """The occurrences' vectors at the layer shown, for projector.tensorflow.org."""
    vectors, metadata = lesson.projector_tsv(view)
    cols = st.columns(2)
    cols[0].download_button(_("Projector vectors.tsv"), vectors, "vectors.tsv",
                            "text/tab-separated-values", key="ctx.tsv",
                            help=_("With metadata.tsv, load both at projector.tensorflow.org."))
    cols[1].download_button(_("Projector metadata.tsv"), metadata, "metadata.tsv",
                            "text/tab-separated-values", key="ctx.meta",
                            help=_("One row per occurrence: its word, sense and sentence."))


def remember_source(run, data: lesson.ContextData, word: str) -> None:  # noqa: ANN001
    """Offer this run's occurrence vectors to the other pages (the Projections page)."""
    st.session_state[SOURCE_KEY] = (run, data, word)


def contextual_source():  # noqa: ANN201 (tuple[str, Vectors] | None)
    """``(label, vectors)``: the chosen word's occurrences at the top layer, if trained."""
    kept = st.session_state.get(SOURCE_KEY)
    if kept is None or kept[0].step == 0:
        return None
    run, data, word = kept
    top = run.model.config.n_layers
    view = lesson.occurrence_map(run.model, run.state, data, word, top)
    label = _("Contextual vectors of “{word}” (masked LM, step {step:,}, top layer)").format(
        word=word, step=run.step)
    return label, lesson.occurrence_vectors(view)
