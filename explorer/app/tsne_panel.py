"""The projection page's t-SNE: its tuning controls, and a map drawn as it unfolds.

Usage:
    >>> from explorer.app import tsne_panel
    >>> settings, init, live = tsne_panel.tsne_settings(words)
    >>> proj = tsne_panel.live_tsne(X, words, 2, init, settings)
"""

from __future__ import annotations

import streamlit as st

from explorer.app.draw import plotly
from explorer.app.turns import taking_turns
from explorer.app.view import show_advanced
from explorer.i18n import N_, _


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
