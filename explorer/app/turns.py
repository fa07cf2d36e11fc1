"""Fair turns for live fragments: one tick at a time on a busy server.

Usage:
    >>> from explorer.app import turns
    >>> @st.fragment(run_every=0.08)
    ... @turns.taking_turns
    ... def tick(): ...

See :mod:`explorer.player.turns` for the turnstile itself.
"""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st


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
