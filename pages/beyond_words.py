"""Beyond words: the same idea on shop items, and what a static vector cannot do."""

import pandas as pd
import streamlit as st

from explorer.app import draw, view
from explorer.charts.training import map_figure
from explorer.i18n import _
from explorer.lessons.embedding_layer import EmbeddingLayer
from explorer.maps.pca import pca_coords
from explorer.models.item2vec import bought_with, load_shop, recommend, score_matrix, train_items
from explorer.text.tokenize import tokenize
from explorer.text.vocab import Vocabulary

view.page_setup()
st.title("🛒 " + _("Beyond words"))
st.markdown(
    _(
        "Word2vec never looks at letters: it only sees which tokens appear together. Give it "
        "**shopping sessions** instead of sentences and it learns item vectors: items bought in "
        "the same kind of session end up close. This is how many recommenders start."
    )
)


@st.cache_resource(show_spinner=_("Training item vectors on the shop log…"))
def shop_model():
    shop = load_shop()
    return shop, train_items(shop.sessions)


shop, model = shop_model()
wv = model.wv
st.caption(
    _(
        "A made-up shop log: {sessions:,} sessions over {items} items "
        "(sample_data/shop_sessions.txt), trained with the same engine (skip-gram)."
    ).format(sessions=len(shop.sessions), items=len(wv))
)
st.dataframe(pd.DataFrame({_("session"): [" · ".join(s) for s in shop.sessions[:5]]}),
             hide_index=True)  # fmt: skip

st.subheader(_("Similar items, and items bought together"))
item = st.selectbox(_("Item"), sorted(wv.index_to_key), key="bw.item",
                    index=sorted(wv.index_to_key).index("tent") if "tent" in wv else 0,
                    help=_("Its nearest items by cosine, and its complements."))  # fmt: skip
left, right = st.columns(2)
item_col, cosine_col, score_col = _("item"), _("cosine"), _("score")
left.markdown(_("**Similar** (cosine of input vectors: bought *in place of* it)"))
left.dataframe(pd.DataFrame(wv.most_similar(item, topn=6), columns=[item_col, cosine_col])
               .round(3), hide_index=True)  # fmt: skip
right.markdown(_("**Bought with it** (input · output vectors: bought *alongside* it)"))
right.dataframe(pd.DataFrame(bought_with(model, item, topn=6), columns=[item_col, score_col])
                .round(3), hide_index=True)  # fmt: skip
items = wv.index_to_key
groups = [shop.categories.get(i, "other") for i in items]
first = {g: i for i, g in reversed(list(enumerate(groups)))}
labels = [w if first[groups[i]] == i or w == item else "" for i, w in enumerate(items)]
xy = pca_coords(wv.vectors.astype(float))
title = _("Every item (PCA), one label per category")
by_category = dict(zip(items, groups, strict=True))  # one colour per category
draw.vega(map_figure(xy, items, highlight=[item], labels=labels, title=title,
                        groups=by_category))  # fmt: skip
st.caption(_("What to notice: each category has its colour, and they form clusters; the "
             "chosen item is drawn larger."))  # fmt: skip

st.subheader(_("Recommending: user · item scores"))
user = st.selectbox(_("User"), list(shop.users), key="bw.user", help=_("A made-up history."))
st.markdown(_("Bought before: {items}").format(items=", ".join(shop.users[user])))
st.dataframe(pd.DataFrame(recommend(wv, shop.users[user], topn=5), columns=[item_col, score_col])
             .round(3), hide_index=True)  # fmt: skip
st.caption(_("A user vector is the mean of their items' vectors; each item's score is its dot "
           "product with it. The whole users × items table:"))  # fmt: skip
st.dataframe(score_matrix(wv, shop.users).round(2))

st.subheader(_("One vector per word, whatever it means"))
st.markdown(
    _(
        "In *Don't trouble trouble*, the first **trouble** is a verb (to bother), the second a "
        "noun (a problem). Word2vec gives both the **same** vector: a word is one row of W, "
        "looked up by its id, whatever the sentence around it."
    )
)
tokens = tokenize("Don't trouble trouble")[0]
ids = Vocabulary.build([tokens]).encode([tokens])[0]
rows = EmbeddingLayer.random(len(set(tokens)), 4, seed=0)(ids)
table = pd.DataFrame(rows.round(3), columns=["d0", "d1", "d2", "d3"])
table.insert(0, "id", ids)
table.insert(0, _("token"), tokens)
st.dataframe(table, hide_index=True)
same = _("True") if (rows[1] == rows[2]).all() else _("False")
st.markdown(_("The two *trouble* rows are identical: **{same}**.").format(same=same))
st.markdown(
    _(
        "**Contextual** models compute a vector for each *occurrence* from the whole sentence: "
        "ELMo runs LSTMs over the sentence in both directions; BERT and GPT run Transformer "
        "layers in which every token attends to the others. The embedding lookup you saw is "
        "still their first layer; what changes is everything after it, so the two *trouble*s "
        "come out with different vectors."
    )
)
