"""The live player on a page, for any model :class:`~explorer.player.run.LiveRun` plays.

Usage (a page):
    >>> run, was_reset = player.session_run("clf", settings, lambda: LiveRun(model, track))
    >>> playing = player.controls(run, "clf", chunk)        # Play, Pause, Step, Reset
    >>> back = player.look_back(run, "clf", playing)        # a timeline frame, or None
    >>> def draw(frame, looking_back):                      # ten times a second while playing
    ...     player.heatmap(run, "embedding", frame, looking_back, "Embedding", "clf.E")
    >>> player.live(run, chunk, playing, draw, back)
    >>> player.curves(run, "clf", playing, [Curve("test_accuracy", "Held-out accuracy")])

Every page that trains draws the same controls with the same keys (``<key>.play``,
``<key>.pause``, ``<key>.step``, ``<key>.reset``), trains in the same fragment (one tick at
a time on a busy server, :func:`explorer.app.turns.taking_turns`), and keeps its run in
the session under ``<key>.run``, rebuilt only when the page's settings change. The
presenter view keeps Play, Pause, Step and Reset; Step x N and the look-back slider are
advanced controls.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import streamlit as st

from explorer.app import draw, state, turns, view
from explorer.charts.training import loss_figure, map_figure, matrix_heatmap, metric_figure
from explorer.charts.training import rank_figure as _rank_figure
from explorer.i18n import _, pgettext
from explorer.player.run import LiveRun
from explorer.player.timeline import Frame

TICK_SECONDS = 0.08  # a picture every 80 ms while playing: over 10 updates a second
CURVES_SECONDS = 0.5  # the curves change slowly: twice a second


def session_run(key: str, settings: Hashable, build: Callable[[], LiveRun]) -> tuple[LiveRun, bool]:
    """This session's run of a page, ``(run, was_reset)``: built by ``build()`` the first
    time, and again (``was_reset``) when ``settings`` differ from the run's."""
    ss = st.session_state
    run = ss.get(f"{key}.run")
    if run is not None and ss.get(f"{key}.run_settings") == settings:
        return run, False
    ss[f"{key}.run"], ss[f"{key}.run_settings"] = build(), settings
    return ss[f"{key}.run"], run is not None


def controls(run: LiveRun, key: str, chunk: int) -> bool:
    """Play, Pause, Step (and Step x N outside the presenter view), Reset, in one row.

    Returns whether the page is playing (never once training has finished).
    """
    state.init_state({f"{key}.playing": False, f"{key}.n": 10})

    def play(on: bool) -> None:
        st.session_state[f"{key}.playing"] = on

    def step(chunks: int) -> None:  # "Step" is "pause, then train"
        st.session_state[f"{key}.playing"] = False
        for _i in range(chunks):
            run.tick(chunk)

    def reset() -> None:
        st.session_state[f"{key}.playing"] = False
        run.reset()

    row = view.toolbar(f"{key}.player")  # one row, on a phone too
    row.button(_("▶ Play"), key=f"{key}.play", on_click=play, args=(True,), type="primary",
               disabled=run.finished, help=_("Train on and on, a chunk per tick"))  # fmt: skip
    row.button(_("⏸ Pause"), key=f"{key}.pause", on_click=play, args=(False,),
               help=_("Stop training"))  # fmt: skip
    one = _("Pause, then train one chunk ({chunk} batches)").format(chunk=chunk)
    label = pgettext("button", "Step")  # the button (单步), not the counter (步数)
    row.button(label, key=f"{key}.step", on_click=step, args=(1,), help=one)
    if view.show_advanced():  # Step x N, then N (the button reads N from the state)
        n = st.session_state[f"{key}.n"]
        row.button(_("Step x {n}").format(n=n), key=f"{key}.stepn", on_click=step, args=(n,),
                   help=_("Pause, then train {n} chunks").format(n=n))  # fmt: skip
        row.number_input("N", 1, 1000, key=f"{key}.n", width=56, label_visibility="collapsed",
                         help=_("How many chunks Step x N runs"))  # fmt: skip
    row.button(_("Reset"), key=f"{key}.reset", on_click=reset,
               help=_("Back to step 0 and the seed's initial matrix"))  # fmt: skip
    return bool(st.session_state[f"{key}.playing"]) and not run.finished


def look_back(run: LiveRun, key: str, playing: bool) -> Frame | None:
    """While paused (outside the presenter view): a slider back through the timeline.

    Returns the frame chosen, or None for "now" (the newest step).
    """
    steps = run.timeline.steps()
    if playing or not view.show_advanced() or len(steps) < 2:
        return None
    at = st.select_slider(  # keyed by the step: after more training, the newest again
        _("Look back to step"), steps, value=steps[-1], key=f"{key}.at{run.step}",
        help=_("Scrub back through training: matrix, map, neighbours."))  # fmt: skip
    frame = run.timeline.at(at)
    return None if frame.step == run.step else frame


def live(
    run: LiveRun,
    chunk: int,
    playing: bool,
    draw: Callable[[Frame, bool], None],
    back: Frame | None = None,
    key: str = "",
) -> None:
    """Ten times a second while playing: a chunk of training, then ``draw(frame,
    looking_back)`` (the newest frame, or the one looked back to). Stops at the end."""

    @st.fragment(run_every=TICK_SECONDS if playing else None)
    @turns.taking_turns
    def live_view() -> None:
        started = time.perf_counter()
        if playing:
            run.tick(chunk)
            if run.finished:
                st.session_state[f"{key}.playing"] = False
                st.rerun(scope="app")
        draw(back or run.timeline.latest(), back is not None)
        if playing:
            run.tick_seconds.append(time.perf_counter() - started)

    live_view()


def metrics(key: str, items: Sequence[tuple[str, str, str | None]]) -> None:
    """A row of ``(label, value, help)`` figures, wrapping on a phone."""
    row = st.container(horizontal=True, horizontal_alignment="distribute", key=f"{key}.metrics")
    for label, value, help_text in items:
        row.metric(label, value, help=help_text, width="content")


def heatmap(
    run: LiveRun,
    table: str,
    frame: Frame,
    looking_back: bool,
    title: str,
    key: str,
    where=None,  # noqa: ANN001 (a Streamlit container)
) -> None:
    """A table's rows (all of a small table, else the tracked ones) at ``frame``; the rows
    the last chunk changed are outlined (not when looking back)."""
    ids, rows = run.heatmap_rows(table)
    changed = None if looking_back else run.changed(table, ids)
    draw.vega(matrix_heatmap(frame.arrays[table][ids], rows, changed, title), key, where)


def steady_map(
    run: LiveRun,
    frame: Frame,
    looking_back: bool,
    key: str,
    groups: dict[str, str] | None = None,
    where=None,  # noqa: ANN001
) -> None:
    """The map of the tracked rows (and the first ``map_top``), axes steady between frames."""
    xy = frame.arrays["xy"] if len(frame.arrays["xy"]) == len(run.map_words) else run.map_xy
    trails = [] if looking_back else list(run.trails)
    highlight = run.track if run.map_top else ()  # larger, among the frequent rows (grey)
    figure = map_figure(xy, run.map_words, trails, highlight, groups=groups)
    draw.vega(figure, key, where)


def neighbours(run: LiveRun, frame: Frame, key: str, topn: int = 8) -> None:
    """A tracked row's nearest rows by cosine, at the step shown."""
    if not run.track:
        return
    word = st.selectbox(_("Nearest neighbours of"), run.track, key=f"{key}.nn_word",
                        help=_("Cosine similarity in W at the step shown."))  # fmt: skip
    pairs = run.vectors(frame=frame).most_similar(word, topn=topn)
    st.table([{_("word"): w, _("cosine"): f"{s:.3f}"} for w, s in pairs])


@dataclass(frozen=True)
class Curve:
    """A figure the curves show over training: ``names`` from the run's history (metrics
    or probes) in one chart, each with its legend label; ``reference``: a dashed level
    (chance, a baseline); ``rank``: a rank (1 = best) on a reversed log axis."""

    names: dict[str, str]
    title: str
    y_title: str = ""
    reference: tuple[str, float] | None = None
    rank: bool = False

    def figure(self, run: LiveRun) -> dict:
        if self.rank:
            name = next(iter(self.names))
            return _rank_figure(*run.series(name), self.title)
        series = {label: run.series(name) for name, label in self.names.items()}
        return metric_figure(series, self.title, self.y_title, self.reference)


def curves(
    run: LiveRun,
    key: str,
    playing: bool,
    charts: Sequence[Curve] = (),
    after: Callable[[], None] | None = None,
) -> None:
    """Twice a second while playing: the loss and ``charts``, two a row; then ``after()``
    and (outside the presenter view) the server's time per tick."""

    @st.fragment(run_every=CURVES_SECONDS if playing else None)
    @turns.taking_turns
    def progress_view() -> None:
        figures = [loss_figure(run.steps, run.losses)] + [c.figure(run) for c in charts]
        for i in range(0, len(figures), 2):
            columns = st.columns(2)
            for j, figure in enumerate(figures[i : i + 2]):
                draw.vega(figure, f"{key}.curve{i + j}", columns[j])
        if after is not None:
            after()
        if view.show_advanced() and run.tick_seconds:
            ms, ticks = 1000 * np.median(run.tick_seconds), len(run.tick_seconds)
            st.caption(_("⏱ Server time per tick: {ms:.0f} ms (median of {n}).").format(
                ms=ms, n=ticks))  # fmt: skip

    progress_view()
