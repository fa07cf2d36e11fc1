"""Projection explorer: maps of many vectors, and how much each map distorts."""

import numpy as np
import pandas as pd
import streamlit as st

from explorer import session
from explorer.clusters import kmeans, word_groups
from explorer.i18n import N_, _
from explorer.map_metrics import map_quality, neighbours
from explorer.projection import project, word_axes
from explorer.projection_export import to_csv
from explorer.projection_figures import figure_html, projection_map

session.page_setup()
st.title(_("🗺️ Projection explorer"))
st.markdown(_("Vectors have 16 to 300 dimensions; a screen has two. **PCA** keeps the directions "
              "of largest spread (distances stay honest, clusters may overlap); **t-SNE** keeps "
              "each word's neighbours together (clusters are clear, but distances between them "
              "mean little). **Word axes** put a meaning on each axis, such as woman − man."))
wv = session.pick_vectors("proj.source")
c = st.columns(4)
method = c[0].radio(_("Method"), ["PCA", "t-SNE", N_("Word axes")], key="proj.method",
                    format_func=_, help=_("PCA is instant; t-SNE takes about a second per "
                                          "1,000 words."))  # fmt: skip
dims = c[1].radio(_("Dimensions"), [2, 3], key="proj.dims", horizontal=True)
n = c[2].number_input(_("Words (most frequent)"), 10, min(10_000, len(wv)), min(300, len(wv)),
                      step=50, key="proj.n", help=_("Up to 10,000 points."))  # fmt: skip
colour = c[3].radio(_("Colour"), [N_("none"), "k-means", N_("my groups")], key="proj.colour",
                    format_func=_)  # fmt: skip
words = wv.index_to_key[: int(n)]
X = wv.vectors[: int(n)].astype(np.float32)

if method == "t-SNE":
    prev = st.session_state.get("proj.prev")
    if session.show_advanced():  # the presenter view runs t-SNE at its defaults
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
    if live:
        proj = session.live_tsne(X, words, dims, init, settings)
    else:
        with st.spinner(_("t-SNE…")):
            proj = project(X, "tsne", dims, init=init, **settings)
    st.caption(_("t-SNE: a word's neighbours are kept; the size of a cluster and the gaps "
                 "between clusters mean little, and another seed draws another picture."))
elif method == "Word axes":
    c = st.columns(3)
    axes = [c[0].text_input(_("x axis"), "woman - man", key="proj.x"),
            c[1].text_input(_("y axis"), "queen - king", key="proj.y"),
            c[2].text_input(_("z axis"), "", key="proj.z") if dims == 3 else None]  # fmt: skip
    try:
        proj = word_axes(wv, axes[0], axes[1], axes[2] or None, words=words)
    except (KeyError, ValueError) as err:
        st.warning(str(err.args[0] if err.args else err))
        st.stop()
else:
    proj = project(X, "pca", dims)
    shares = ", ".join(f"PC{i + 1} {v:.0%}" for i, v in enumerate(proj.explained_variance))
    st.caption(_("Share of the variance each axis shows: {shares}.").format(shares=shares))
st.session_state["proj.prev"] = (words, np.array(proj.coords))
for note in proj.notes:
    st.info(note)

groups = None
if colour == "k-means":
    k = st.slider(_("Clusters k"), 2, 20, 8, key="proj.k",
                  help=_("k-means on the original vectors."))  # fmt: skip
    groups = session.cached(kmeans)(X, int(k), metric="cosine").label_names()
elif colour == "my groups":
    text = st.text_input(_("Groups"), _("animals: cat, kitten, dog, puppy; royalty: king, "
                         "queen, prince, princess; places: house, home, school, palace"),
                         key="proj.groups", help=_("name: word, word; name: word, …"))  # fmt: skip
    g = word_groups(words, text)
    groups = g.label_names()
    if g.unknown:
        st.warning(_("Not among the words on the map: {words}").format(words=", ".join(g.unknown)))
c = st.columns([2, 1, 1])
find = c[0].multiselect(_("Find words"), words, key="proj.find", max_selections=10,
                        placeholder=_("Type a word"))  # fmt: skip
labels = c[1].slider(_("Label the top"), 0, 200, 30, key="proj.labels")
metric = c[2].radio(_("Neighbours by"), [N_("cosine"), N_("euclidean")], key="proj.metric",
                    format_func=_)  # fmt: skip
picked = st.session_state.get("proj.map")
rows = [p.get("customdata") for p in (picked.selection.points if picked else [])]
chosen = words[int(rows[0])] if rows and rows[0] is not None else (find[0] if find else None)
near = []
if chosen is not None:
    near = [(words[i], s) for i, s in neighbours(X, words.index(chosen), 8, metric=metric)]
isolate = st.toggle(_("Show only the chosen word's neighbourhood"), key="proj.isolate")
keep = [words.index(w) for w in [chosen, *(w for w, _s in near)]] if isolate and near else None
shown = np.arange(len(words)) if keep is None else np.array(keep)
fig = projection_map(proj.coords[shown], [words[i] for i in shown],
                     None if groups is None else [groups[i] for i in shown],
                     labelled=[*words[:labels], *find], highlight=[chosen] if chosen else [],
                     neighbours=[w for w, _s in near], axis_titles=proj.axis_labels,
                     title=_("{method} of {n:,} words").format(method=_(method), n=len(shown)))
session.plotly(fig, key="proj.map", on_select="rerun", selection_mode="points")
left, right = st.columns(2)
if chosen is not None:
    left.markdown(_("**Nearest to {word}** in all {d} dimensions ({metric}):").format(
        word=chosen, d=wv.vector_size, metric=_(metric)))  # fmt: skip
    left.dataframe(pd.DataFrame(near, columns=[_("word"), _(metric)]).round(3), hide_index=True)
else:
    left.info(_("Click a point (or find a word) to list its nearest neighbours."))
quality = session.cached(map_quality)(X, np.asarray(proj.coords), k=10, metric=metric)
right.metric(_("Trustworthiness"), f"{quality.trustworthiness:.3f}",
             help=_("1 = no word on the map has neighbours it lacks in the original."))  # fmt: skip
right.metric(_("Neighbours kept"), f"{quality.knn_preservation:.0%}",
             help=_("Of each word's {k} nearest neighbours in the original space, the "
             "share that are also its nearest on the map.").format(k=quality.k))  # fmt: skip
if st.toggle(_("PCA and t-SNE side by side"), key="proj.both"):
    cols = st.columns(2)
    for col, (name, m) in zip(cols, [("pca", "PCA"), ("tsne", "t-SNE")], strict=True):
        other = project(X, name, 2, **({} if name == "pca" else {"seed": 0}))
        q = session.cached(map_quality)(X, np.asarray(other.coords), k=10, metric=metric)
        title = _("{method}: trustworthiness {score:.3f}").format(method=m, score=q.trustworthiness)
        both = projection_map(other.coords, words, groups, labelled=words[:labels], title=title)
        session.plotly(both, col, key=f"proj.{name}")
c = st.columns(2)
c[0].download_button(_("Coordinates (CSV)"), lambda: to_csv(words, proj.coords, groups),
                     "coordinates.csv", "text/csv", key="proj.csv",
                     help=_("Columns: word, x, y[, z], cluster"))  # fmt: skip
c[1].download_button(_("The figure (HTML)"), lambda: figure_html(fig), "map.html", "text/html",
                     key="proj.html", help=_("The chart's camera icon saves a PNG."))  # fmt: skip
