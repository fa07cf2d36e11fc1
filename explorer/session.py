"""The one module that touches Streamlit: session-state keys, cached loaders, the sidebar.

Usage (in a page):
    >>> from explorer import session
    >>> corpus = session.current_corpus()

Keys are prefixed by the page that owns them ("corpus.window"); the sidebar's corpus choice
is shared by every page under ``SAMPLE_KEY``.
"""

from __future__ import annotations

import streamlit as st

from explorer.samples import DEFAULT_SAMPLE, Sample, available_samples, get_sample

SAMPLE_KEY = "app.sample"


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


def init_state(defaults: dict[str, object]) -> None:
    """Set each key to its default once (idempotent: user choices are never overwritten)."""
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value


def corpus_sidebar() -> Sample:
    """The sidebar's corpus picker; returns the chosen sample."""
    samples = available_samples()
    keys = [s.key for s in samples]
    init_state({SAMPLE_KEY: DEFAULT_SAMPLE if DEFAULT_SAMPLE in keys else keys[0]})
    with st.sidebar:
        st.selectbox(
            "Corpus",
            keys,
            key=SAMPLE_KEY,
            format_func=lambda k: get_sample(k).title,
            help="The text every page works on. The demo corpora are small and made for "
            "this app; the Lee corpus is real news text.",
        )
        chosen = get_sample(st.session_state[SAMPLE_KEY])
        st.caption(chosen.description)
    return chosen


@st.cache_resource(show_spinner="Reading and tokenizing the corpus…", max_entries=8)
def _load_corpus(key: str, mtime: float):  # noqa: ANN202 (Corpus, imported lazily)
    # Read-only and shared by every session: the same sample is tokenized once per server.
    # mtime is part of the cache key so an edited sample file is read again.
    from explorer.dataset import Corpus
    from explorer.samples import load_sample_text

    return Corpus.from_text(load_sample_text(key), name=get_sample(key).title)


def current_corpus():  # noqa: ANN201
    """The tokenized corpus chosen in the sidebar (cached per server)."""
    sample = get_sample(st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE))
    return _load_corpus(sample.key, sample.path.stat().st_mtime)


RUN_KEY = "train.run"
RUN_SETTINGS_KEY = "train.run_settings"


def live_run(config, track: list[str], map_top: int = 0):  # noqa: ANN001, ANN201 (LiveRun)
    """This session's training run for the current corpus and ``config``.

    Returns ``(run, was_reset)``: a run built for other settings is replaced by a fresh one
    (and ``was_reset`` says so, for the page to tell the user); tracked words can change
    without touching the model.
    """
    from explorer.live import Analogy, LiveRun

    sample = get_sample(st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE))
    settings = (sample.key, config)
    run = st.session_state.get(RUN_KEY)
    if run is not None and st.session_state.get(RUN_SETTINGS_KEY) == settings:
        if run.track + run.missing != list(dict.fromkeys(track)) or run.map_top != map_top:
            run.set_track(track, map_top)
        return run, False
    analogy = Analogy(*sample.analogy) if sample.analogy else None
    st.session_state[RUN_KEY] = LiveRun(
        current_corpus().sentences, config, track, analogy, map_top=map_top
    )
    st.session_state[RUN_SETTINGS_KEY] = settings
    return st.session_state[RUN_KEY], run is not None


def training_settings():  # noqa: ANN201 (Word2VecConfig, list[str], int)
    """The training settings form (an expander): ``(config, tracked words, chunk, map_top)``.

    Shared by the pages that train, so every one of them names and bounds the settings alike.
    """
    from explorer.training import Word2VecConfig

    sample = get_sample(st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE))
    d = Word2VecConfig()
    init_state({
        "train.sg": "CBOW", "train.objective": "Negative sampling", "train.negative": d.negative,
        "train.vector_size": d.vector_size, "train.window": d.window, "train.alpha": d.alpha,
        "train.batch_size": d.batch_size, "train.epochs": d.epochs, "train.seed": d.seed,
        "train.min_count": d.min_count, "train.chunk": 20, "train.map_top": 0,
    })  # fmt: skip
    if st.session_state.get("train.track_for") != sample.key:  # new corpus: its own defaults
        st.session_state["train.track"] = ", ".join(sample.track)
        st.session_state["train.track_for"] = sample.key
    with st.expander("Settings", expanded=False):
        c = st.columns(4)
        c[0].radio("Architecture", ["CBOW", "Skip-gram"], key="train.sg", horizontal=True,
                   help="CBOW: the average of the context predicts the centre word. "
                   "Skip-gram: the centre word predicts each context word.")
        c[1].radio("Output layer", ["Negative sampling", "Full softmax"], key="train.objective",
                   help="Full softmax scores every word of the vocabulary; negative sampling "
                   "scores the true word against k random 'negative' words.")
        c[2].slider("Negatives k", 1, 20, key="train.negative",
                    disabled=st.session_state["train.objective"] == "Full softmax",
                    help="Negative words drawn per example, from unigram counts ** 0.75.")
        c[3].slider("Vector size d", 2, 100, key="train.vector_size",
                    help="Columns of W. Small by default so the matrix stays readable.")
        c = st.columns(4)
        c[0].slider("Window", 1, 10, key="train.window",
                    help="Context words on each side of the centre word (at most).")
        c[1].select_slider("Learning rate", [0.005, 0.01, 0.025, 0.05, 0.1, 0.2],
                           key="train.alpha", help="Starting step size; it decays to 0.0001.")
        c[2].select_slider("Batch size", [1, 4, 8, 16, 32, 64, 128, 256],
                           key="train.batch_size", help="Examples per update.")
        c[3].slider("Epochs", 1, 50, key="train.epochs", help="Passes over the corpus.")
        c = st.columns(4)
        c[0].number_input("Seed", 0, 2**31 - 1, key="train.seed",
                          help="Same seed, same settings: the same run, step for step.")
        c[1].slider("Min count", 1, 10, key="train.min_count",
                    help="Words seen fewer times are left out of the vocabulary.")
        c[2].slider("Batches per tick", 1, 200, key="train.chunk",
                    help="How much training happens between two pictures while playing.")
        c[3].text_input("Tracked words", key="train.track",
                        help="Comma-separated words to show in the matrix and on the map.")
        st.slider("Also map the most frequent words", 0, 100, key="train.map_top",
                  help="Put the N most frequent words on the map too (in blue; tracked words "
                  "are red). The model is not restarted.")
    ss = st.session_state
    config = Word2VecConfig(
        vector_size=ss["train.vector_size"], window=ss["train.window"],
        min_count=ss["train.min_count"], sg=int(ss["train.sg"] == "Skip-gram"),
        negative=0 if ss["train.objective"] == "Full softmax" else ss["train.negative"],
        alpha=ss["train.alpha"], epochs=ss["train.epochs"], batch_size=ss["train.batch_size"],
        seed=int(ss["train.seed"]),
    )  # fmt: skip
    track = [w.strip() for w in ss["train.track"].replace("，", ",").split(",") if w.strip()]
    return config, track, int(ss["train.chunk"]), int(ss["train.map_top"])


@st.cache_resource(show_spinner="Training word2vec on this corpus…", max_entries=16)
def _trained(key: str, mtime: float, config):  # noqa: ANN001, ANN202 (Word2VecConfig)
    # Read-only and shared: one training per corpus and settings per server.
    import time

    from explorer.word2vec import Word2Vec

    sentences = _load_corpus(key, mtime).sentences
    started = time.perf_counter()
    model = Word2Vec(**vars(config)).fit(sentences)
    return model, time.perf_counter() - started


def trained_model(config=None):  # noqa: ANN001, ANN201
    """A Word2Vec trained on the current corpus with ``config`` (default settings), cached.

    Returns ``(model, seconds the training took)``.
    """
    from explorer.training import Word2VecConfig

    sample = get_sample(st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE))
    return _trained(sample.key, sample.path.stat().st_mtime, config or Word2VecConfig())


def live_run_for_this_corpus():  # noqa: ANN201 (LiveRun | None)
    """This session's live training run, if it was trained on the corpus now chosen."""
    settings = st.session_state.get(RUN_SETTINGS_KEY)
    if settings is None or settings[0] != st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE):
        return None
    return st.session_state.get(RUN_KEY)


def current_sample() -> Sample:
    """The sample chosen in the sidebar."""
    return get_sample(st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE))
