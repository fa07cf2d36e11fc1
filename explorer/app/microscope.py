"""One training example under the microscope, for the Train page.

Usage:
    >>> from explorer.app import microscope
    >>> microscope.microscope_panel(run, "cat")
"""

from __future__ import annotations

import streamlit as st

from explorer.app.draw import vega
from explorer.i18n import _


def microscope_panel(run, word: str) -> None:  # noqa: ANN001 (LiveRun)
    """One training example of ``word`` under the microscope, for the Train page."""
    import numpy as np

    from explorer.charts.training import probability_figure
    from explorer.lessons.speed_ups import path_table
    from explorer.models.word2vec.microscope import inspect_example, pick_example

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
