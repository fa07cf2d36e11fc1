"""Projection explorer: maps of many vectors, and how much each map distorts."""

import streamlit as st

from explorer.app import draw, link, state, tsne_panel, vector_sources, view
from explorer.charts.maps import figure_html, projection_map
from explorer.i18n import N_, _
from explorer.lessons import projections as lesson

view.page_setup()
st.title(_("🗺️ Projection explorer"))
st.markdown(_("Vectors have 16 to 300 dimensions; a screen has two. **PCA** keeps the directions "
              "of largest spread (distances stay honest, clusters may overlap); **t-SNE** keeps "
              "each word's neighbours together (clusters are clear, but distances between them "
              "mean little). **Word axes** put a meaning on each axis, such as woman − man."))
wv = vector_sources.pick_vectors("proj.source")
vector_sources.map_defaults(wv)  # the corpus's example groups, until the user chooses otherwise
KEEP = state.KEEP  # these settings go in the page's link and survive a visit elsewhere
c = st.columns(4)
method = c[0].radio(_("Method"), ["PCA", "t-SNE", N_("Word axes")], key="proj.method",
                    format_func=_, persist_state=KEEP, help=_(
                        "PCA is instant; t-SNE takes about a second per 1,000 words."))  # fmt: skip
dims = c[1].radio(_("Dimensions"), [2, 3], key="proj.dims", horizontal=True, persist_state=KEEP)
n = c[2].number_input(_("Words (most frequent)"), 10, min(10_000, len(wv)), step=50,
                      key="proj.n", persist_state=KEEP, help=_(
                          "Up to 10,000 points; the groups' words are always there."))  # fmt: skip
colour = c[3].radio(_("Colour"), [N_("none"), "k-means", N_("my groups")], key="proj.colour",
                    format_func=_, persist_state=KEEP)  # fmt: skip
typed = st.text_input(_("Groups"), key="proj.groups", persist_state=KEEP, help=_(
    "name: word, word; name: word, … These words are always on the map, labelled and drawn "
    "larger; “my groups” colours them. Empty: no groups."))  # fmt: skip
found = st.session_state["proj.find"] = lesson.found_words(wv, st.session_state.get("proj.find"))
on_map = lesson.map_words(wv, n, typed, found)  # the groups' and found words (a link's) on it
words, X, examples, typed_groups = on_map.words, on_map.X, on_map.examples, on_map.groups
if typed_groups.unknown:
    st.warning(_("Not in these vectors' vocabulary: {words}").format(
        words=", ".join(typed_groups.unknown)))  # fmt: skip
if on_map.beyond:
    st.caption(_("Also on the map, beyond the {n:,} most frequent words: {words}.").format(
        n=on_map.n, words=", ".join(on_map.beyond)))  # fmt: skip
groups = typed_groups.label_names() if colour == "my groups" else None
if colour == "k-means":
    k = st.slider(_("Clusters k"), 2, 20, 8, key="proj.k", persist_state=KEEP,
                  help=_("k-means on the original vectors."))  # fmt: skip
    groups = state.cached(lesson.kmeans_groups)(X, int(k))
c = st.columns([2, 1, 1])
find = c[0].multiselect(_("Find words"), words, key="proj.find", max_selections=10,
                        placeholder=_("Type a word"))  # fmt: skip
labels = c[1].slider(_("Label the top"), 0, 200, key="proj.labels", persist_state=KEEP,
                     help=_("The most frequent words that carry meaning: function words "
                            "(the, of, 的, の…) stay unlabelled."))  # fmt: skip
metric = c[2].radio(_("Neighbours by"), [N_("cosine"), N_("euclidean")], key="proj.metric",
                    format_func=_)  # fmt: skip
labelled = lesson.map_labels(words, labels, examples, find)

if method == "t-SNE":
    settings, init, live = tsne_panel.tsne_settings(words)
    if live:
        proj = tsne_panel.live_tsne(X, words, dims, init, settings, groups=groups,
                                 labelled=labelled, emphasis=examples)  # fmt: skip
    else:
        with st.spinner(_("t-SNE…")):
            proj = lesson.project(X, "tsne", dims, init=init, **settings)
    st.caption(_("t-SNE: a word's neighbours are kept; the size of a cluster and the gaps "
                 "between clusters mean little, and another seed draws another picture."))
elif method == "Word axes":
    c = st.columns(3)
    axes = [c[0].text_input(_("x axis"), "woman - man", key="proj.x"),
            c[1].text_input(_("y axis"), "queen - king", key="proj.y"),
            c[2].text_input(_("z axis"), "", key="proj.z") if dims == 3 else None]  # fmt: skip
    proj, problem = lesson.axes_map(wv, axes, words)
    if problem:
        st.warning(problem)
        st.stop()
else:
    proj = lesson.project(X, "pca", dims)
    st.caption(_("Share of the variance each axis shows: {shares}.").format(
        shares=lesson.variance_shares(proj)))  # fmt: skip
st.session_state["proj.prev"] = (words, proj.coords.copy())
for note in proj.notes:
    st.info(str(note))

chosen = lesson.chosen_word(words, st.session_state.get("proj.map"), find)  # clicked, found
near, around = lesson.neighbourhood(X, words, chosen, 8, metric=metric)
isolate = st.toggle(_("Show only the chosen word's neighbourhood"), key="proj.isolate",
                    help=_("Draw only the chosen word and its nearest neighbours."))
shown = lesson.shown_rows(len(words), near, around, isolate)
fig = projection_map(proj.coords[shown], lesson.subset(words, shown), lesson.subset(groups, shown),
                     labelled=labelled, highlight=[chosen] if chosen else [], emphasis=examples,
                     neighbours=[w for w, _s in near], axis_titles=proj.axis_labels,
                     title=_("{method} of {n:,} words").format(method=_(method), n=len(shown)))
draw.plotly(fig, key="proj.map", on_select="rerun", selection_mode="points")
left, right = st.columns(2)
if chosen is not None:
    left.markdown(_("**Nearest to {word}** in all {d} dimensions ({metric}):").format(
        word=chosen, d=wv.vector_size, metric=_(metric)))  # fmt: skip
    left.dataframe(lesson.neighbours_table(near, metric), hide_index=True)
else:
    left.info(_("Click a point (or find a word) to list its nearest neighbours."))
quality = state.cached(lesson.map_quality)(X, proj.coords, k=10, metric=metric)
right.metric(_("Trustworthiness"), f"{quality.trustworthiness:.3f}",
             help=_("1 = no word on the map has neighbours it lacks in the original."))  # fmt: skip
right.metric(_("Neighbours kept"), f"{quality.knn_preservation:.0%}",
             help=_("Of each word's {k} nearest neighbours in the original space, the "
             "share that are also its nearest on the map.").format(k=quality.k))  # fmt: skip
if st.toggle(_("PCA and t-SNE side by side"), key="proj.both"):
    cols = st.columns(2)
    for col, (name, m) in zip(cols, [("pca", "PCA"), ("tsne", "t-SNE")], strict=True):
        other, trust = state.cached(lesson.side_by_side)(X, name, metric)
        title = _("{method}: trustworthiness {score:.3f}").format(method=m, score=trust)
        both = projection_map(other.coords, words, groups, labelled, emphasis=examples, title=title)
        draw.plotly(both, col, key=f"proj.{name}")
c = st.columns(2)
c[0].download_button(_("Coordinates (CSV)"), lambda: lesson.to_csv(words, proj.coords, groups),
                     "coordinates.csv", "text/csv", key="proj.csv",
                     help=_("Columns: word, x, y[, z], cluster"))  # fmt: skip
c[1].download_button(_("The figure (HTML)"), lambda: figure_html(fig), "map.html", "text/html",
                     key="proj.html", help=_("The chart's camera icon saves a PNG."))  # fmt: skip
st.caption(_("A link to this map: the corpus, these settings, the groups and the words found."))
st.code(link.share_link("projections"), language=None)
