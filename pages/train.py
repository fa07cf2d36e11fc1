"""Train live: press Play and watch a CBOW word2vec model learn."""

import time

import numpy as np
import streamlit as st

from explorer.app import (
    corpus,
    draw,
    exports,
    link,
    microscope,
    settings_form,
    state,
    training,
    turns,
    view,
)
from explorer.charts.training import loss_figure, map_figure, matrix_heatmap, rank_figure
from explorer.i18n import _, pgettext
from explorer.models.word2vec.huffman import output_rows

view.page_setup()
st.title(_("🏋️ Train live"))
st.markdown(_(
    "A tiny **CBOW** model reads the corpus a batch of windows at a time: the context words' "
    "rows of **W** are averaged and must predict the centre word. Press **Play** and watch "
    "the matrix change, the loss fall and related words drift together."
))  # fmt: skip
config, track, chunk, map_top = settings_form.training_settings()
run, was_reset = training.live_run(config, track, map_top)
link.replay_to_url_step(run, chunk)  # a shared link names a step: train to it
if was_reset:
    st.info(_("The settings changed, so the model restarted from step 0 with the new settings."))
if run.missing:
    st.warning(_("Not in the vocabulary (too rare?), so not tracked: {words}").format(
        words=", ".join(run.missing)))  # fmt: skip

TICK_SECONDS = 0.08  # a picture every 80 ms while playing: over 10 updates a second
state.init_state({"train.playing": False, "train.n": 10})


def play(on: bool) -> None:
    st.session_state["train.playing"] = on


def step(chunks: int) -> None:  # "Step" is "pause, then train"
    st.session_state["train.playing"] = False
    for _i in range(chunks):
        run.tick(chunk)


def reset() -> None:
    st.session_state["train.playing"] = False
    run.reset()


advanced = view.show_advanced()  # the presenter view keeps Play, Pause, Step, Reset
row = view.toolbar("train.player")  # one row, on a phone too
row.button(_("▶ Play"), key="train.play", on_click=play, args=(True,), type="primary",
           disabled=run.finished, help=_("Train on and on, a chunk per tick"))  # fmt: skip
row.button(_("⏸ Pause"), key="train.pause", on_click=play, args=(False,), help=_("Stop training"))
one = _("Pause, then train one chunk ({chunk} batches)").format(chunk=chunk)
label = pgettext("button", "Step")  # the button (单步), not the counter (步数)
row.button(label, key="train.step", on_click=step, args=(1,), help=one)
if advanced:  # Step x N, then N (the button reads N from the state the input keeps)
    n = st.session_state["train.n"]
    row.button(_("Step x {n}").format(n=n), key="train.stepn", on_click=step, args=(n,),
               help=_("Pause, then train {n} chunks").format(n=n))  # fmt: skip
    row.number_input("N", 1, 1000, key="train.n", width=56, label_visibility="collapsed",
                     help=_("How many chunks Step x N runs"))  # fmt: skip
row.button(_("Reset"), key="train.reset", on_click=reset,
           help=_("Back to step 0 and the seed's initial matrix"))  # fmt: skip
playing = st.session_state["train.playing"] and not run.finished


steps, frame = run.timeline.steps(), run.timeline.latest()
if advanced and not playing and len(steps) > 1:  # keyed by the step: a new step, the newest
    at = st.select_slider(
        _("Look back to step"), steps, value=steps[-1], key=f"train.at{run.step}",
        help=_("Scrub back through training: matrix, map, neighbours."))  # fmt: skip
    frame = run.timeline.at(at)
looking_back = frame.step != run.step


@st.fragment(run_every=TICK_SECONDS if playing else None)
@turns.taking_turns
def live_view() -> None:
    """Ten times a second while playing: a chunk of training, the matrices and the map."""
    started = time.perf_counter()
    if playing:
        run.tick(chunk)
        if run.finished:
            st.session_state["train.playing"] = False
            st.rerun(scope="app")
    shown = frame if looking_back else run.timeline.latest()
    # side by side, wrapping on a phone (where columns would stack, one metric a line)
    m = st.container(horizontal=True, horizontal_alignment="distribute", key="train.metrics")
    m.metric(_("Step"), f"{shown.step:,}", help=_("Batches trained so far"), width="content")
    epoch = f"{min(run.state.epoch + 1, config.epochs)} / {config.epochs}"
    m.metric(_("Epoch"), epoch, width="content")
    m.metric(_("Learning rate"), f"{run.state.learning_rate:.4f}", width="content")
    m.metric(_("Examples seen"), f"{run.state.examples_seen:,}", width="content")
    loss = shown.info.get("loss", float("nan"))
    m.metric(_("Loss (last chunk)"), "–" if np.isnan(loss) else f"{loss:.3f}", width="content")
    ids, rows = run.heatmap_rows()  # the whole matrix when small, else the tracked words
    changed = None if looking_back else run.changed(ids)
    W, W_out = shown.arrays["W"], shown.arrays["W_out"]
    left, right = st.columns(2)
    draw.vega(matrix_heatmap(W[ids], rows, changed, _("W: input vectors")), "tW", left)
    out, out_rows, title = output_rows(run.state.tree, ids, rows)  # hs: the paths' nodes
    draw.vega(matrix_heatmap(W_out[out], out_rows, None, title), "tO", right)
    st.caption(_("Outlined rows: changed by the last chunk. Red is positive, blue negative."))
    left, right = st.columns([3, 2])
    xy = shown.arrays["xy"] if len(shown.arrays["xy"]) == len(run.map_words) else run.map_xy
    trails = [] if looking_back else list(run.trails)
    group_of = corpus.current_sample().group_of  # the corpus's example groups, by colour
    groups = {w: _(group_of(w)) or _("tracked") for w in run.track}
    highlight = run.track if run.map_top else ()  # larger, among the frequent words (grey)
    draw.vega(map_figure(xy, run.map_words, trails, highlight, groups=groups), "tM", left)
    with right:
        if run.track:
            word = st.selectbox(_("Nearest neighbours of"), run.track, key="train.nn_word",
                                help=_("Cosine similarity in W at the step shown."))  # fmt: skip
            pairs = run.vectors(shown).most_similar(word, topn=8)
            st.table([{_("word"): w, _("cosine"): f"{s:.3f}"} for w, s in pairs])
    if playing:
        run.tick_seconds.append(time.perf_counter() - started)


@st.fragment(run_every=0.5 if playing else None)
@turns.taking_turns
def progress_view() -> None:
    """Twice a second while playing: the curves, which change slowly."""
    left, right = st.columns(2)
    draw.vega(loss_figure(run.steps, run.losses), "train.loss", left)
    if run.analogy is not None:
        title = _("Rank of '{expected}' for {a} − {b} + {c}").format(**vars(run.analogy))
        draw.vega(rank_figure(run.analogy_steps, run.analogy_ranks, title), "tR", right)
    if not advanced:
        return
    scope = st.toggle(_("🔬 One example under the microscope"), key="train.scope",
                      help=_("Follow one training example through the network."))  # fmt: skip
    if scope and run.track:
        microscope.microscope_panel(run, run.track[1 % len(run.track)])
    if run.tick_seconds:
        ms, ticks = 1000 * np.median(run.tick_seconds), len(run.tick_seconds)
        st.caption(_("⏱ Server time per tick: {ms:.0f} ms (median of {n}).").format(ms=ms, n=ticks))


live_view()
progress_view()
if advanced and not playing:
    url = link.share_link("train", run.step)
    exports.export_panel(run.vectors(), run.state, run.losses, "train.export", url)
st.caption(_("What to notice: the loss falls fastest at first; words that share contexts "
             "(cat and kitten, king and queen) end up near each other on the map."))  # fmt: skip
