"""Similarity and analogies: cosines between words, and a − b + c = ?"""

import pandas as pd
import streamlit as st

from explorer.app import corpus, draw, vector_sources, view
from explorer.charts.lessons import cosine_heatmap, difference_bars, parallelogram_figure
from explorer.i18n import N_, _
from explorer.lessons.similarity import (
    capital_differences,
    cosine_table,
    parallelogram,
    presets_for,
    ranking_sentence,
    seed_analogy_table,
    split_known,
    unscored_seed_analogies,
)

view.page_setup()
st.title("📐 " + _("Similarity and analogies"))
st.markdown(
    _(
        "Two words are **similar** when their vectors point the same way: the cosine of the angle "
        "between them is near 1. **Analogies** are arithmetic on directions: if *man → king* is "
        "the same step as *woman → queen*, then king − man + woman lands near queen."
    )
)
wv = vector_sources.pick_vectors("sim.source", radio=True)

st.subheader(_("Cosine similarity"))
sample = corpus.current_sample()
default = [sample.track[i] for i in (0, 1, 2, 4) if i < len(sample.track)]
words = st.multiselect(_("Words"), wv.index_to_key[:3000], default=[w for w in default if w in wv],
                       key="sim.words", max_selections=12, placeholder=_("Type a word"),
                       help=_("Pick up to 12 words (type to search)."))  # fmt: skip
table, missing = cosine_table(wv, words)
if len(table) >= 2:
    draw.vega(cosine_heatmap(table), key="sim.heat")
    st.markdown("**" + ranking_sentence(wv, table.index[0], list(table.index[1:])) + "**")
else:
    st.info(_("Choose at least two words to compare."))

st.subheader(_("Analogies: a − b + c = ?"))
presets = presets_for(wv)
preset = st.selectbox(_("Preset"), [*presets, N_("(type your own)")], key="sim.preset",
                      format_func=_,
                      help=_("Classic analogies whose words this corpus knows."))  # fmt: skip
a0, b0, c0, d0 = presets.get(preset, ("", "", "", ""))
cols = st.columns([2, 2, 2, 1, 2])
a = cols[0].text_input("a", a0, key=f"sim.a.{preset}").strip().lower()
b = cols[1].text_input("− b", b0, key=f"sim.b.{preset}").strip().lower()
c = cols[2].text_input("+ c", c0, key=f"sim.c.{preset}").strip().lower()
topn = cols[3].number_input(_("top k"), 1, 20, 5, key="sim.topn")
method = cols[4].radio(_("Method"), ["3cosadd", "3cosmul"], key="sim.method", horizontal=True,
                       help=_("3CosAdd: cos(x, a − b + c). 3CosMul: Levy and Goldberg's "
                       "multiplicative form, less dominated by one large term."))  # fmt: skip
known, unknown = split_known(wv, [w for w in (a, b, c) if w])
if unknown:
    st.warning(_("Not in this corpus's vocabulary: {words}").format(words=", ".join(unknown)))
elif len(known) == 3 and len({a, b, c}) == 3:
    answers = wv.analogy(a, b, c, topn=int(topn), method=method)
    left, right = st.columns([2, 3])
    left.dataframe(pd.DataFrame(answers, columns=[_("answer"), _("score")]).round(3),
                   hide_index=True)  # fmt: skip
    expected = d0 if d0 and d0 in wv else answers[0][0]
    shown = [a, b, c, expected] + ([answers[0][0]] if answers[0][0] != expected else [])
    xy = parallelogram(wv, *shown)
    draw.vega(parallelogram_figure(xy, shown[:4], answers[0][0]), "sim.par", right)
    st.caption(
        _(
            "What to notice: when the analogy holds, the two arrows are nearly parallel and "
            "equally long. The picture is a 2D shadow of 16 or more dimensions."
        )
    )

st.subheader(_("An article’s analogies, as it writes them"))
st.markdown(
    _(
        "The article “深度学习中Embedding的解释” writes walked = walking − swimming + swam. "
        "It is not backwards: moving the terms across gives walked − walking = swam − swimming, "
        "the same parallelogram as the usual walked − walking + swimming = swam; it asks for "
        "another corner of it. Both forms, scored with these vectors (3CosAdd, the three query "
        "words left out):"
    )
)
seed_table = seed_analogy_table(wv)
if seed_table.empty:
    st.info(_("These vectors know none of the article’s words: pick the English or Chinese demo."))
else:
    st.dataframe(seed_table, hide_index=True)
if unscored := unscored_seed_analogies(wv):
    st.caption(_("Not scored, its words are not in these vectors: {equations}.")
               .format(equations="; ".join(unscored)))  # fmt: skip
if (diffs := capital_differences(wv)) is not None:
    st.markdown(diffs.literal_note())
    st.dataframe(diffs.table)
    draw.vega(difference_bars(diffs.vectors.iloc[:, [0, 1, 3]]), key="sim.diffs")
    st.caption(diffs.describe())

st.subheader(_("Many analogies at once: the Google analogy set"))
st.markdown(
    _(
        "19,544 questions in 14 categories (capital-common-countries, family, past-tense, ...). "
        "Meant for vectors trained on large text: a question counts only when all four of its "
        "words are in the vocabulary, so small corpora answer few of them."
    )
)
if st.toggle(_("Evaluate these vectors"), key="sim.google",
             help=_("3CosAdd over every question whose four words these vectors know.")):
    from explorer.lessons.analogy_eval import evaluate

    with st.spinner(_("Answering the questions…")):
        result = evaluate(wv)
    st.metric(_("Accuracy"), "–" if not result.asked else f"{result.accuracy:.1%}",
              help=_("{correct:,} right of {asked:,} asked; {skipped:,} skipped (unknown words).")
              .format(correct=result.correct, asked=result.asked,
                      skipped=result.skipped))  # fmt: skip
    st.dataframe(result.shown_table().round(3), hide_index=True)
