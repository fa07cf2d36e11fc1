"""Beyond words: the same idea on shop items, and what a static vector cannot do."""

import pandas as pd
import streamlit as st

from explorer import session
from explorer.alignment import pca_coords
from explorer.corpus import tokenize
from explorer.embedding_layer import EmbeddingLayer
from explorer.items import bought_with, load_shop, recommend, score_matrix, train_items
from explorer.training_figures import map_figure
from explorer.vocab import Vocabulary

session.page_setup()
st.title("🛒 Beyond words")
st.markdown(
    "Word2vec never looks at letters: it only sees which tokens appear together. Give it "
    "**shopping sessions** instead of sentences and it learns item vectors: items bought in "
    "the same kind of session end up close. This is how many recommenders start."
)


@st.cache_resource(show_spinner="Training item vectors on the shop log…")
def shop_model():
    shop = load_shop()
    return shop, train_items(shop.sessions)


shop, model = shop_model()
wv = model.wv
st.caption(
    f"A made-up shop log: {len(shop.sessions):,} sessions over {len(wv)} items "
    "(sample_data/shop_sessions.txt), trained with the same engine (skip-gram)."
)
st.dataframe(pd.DataFrame({"session": [" · ".join(s) for s in shop.sessions[:5]]}),
             hide_index=True)  # fmt: skip

st.subheader("Similar items, and items bought together")
item = st.selectbox("Item", sorted(wv.index_to_key), key="bw.item",
                    index=sorted(wv.index_to_key).index("tent") if "tent" in wv else 0,
                    help="Its nearest items by cosine, and its complements.")  # fmt: skip
left, right = st.columns(2)
left.markdown("**Similar** (cosine of input vectors: bought *in place of* it)")
left.dataframe(pd.DataFrame(wv.most_similar(item, topn=6), columns=["item", "cosine"]).round(3),
               hide_index=True)  # fmt: skip
right.markdown("**Bought with it** (input · output vectors: bought *alongside* it)")
right.dataframe(pd.DataFrame(bought_with(model, item, topn=6), columns=["item", "score"])
                .round(3), hide_index=True)  # fmt: skip
items = wv.index_to_key
groups = [shop.categories.get(i, "other") for i in items]
first = {g: i for i, g in reversed(list(enumerate(groups)))}
labels = [w if first[groups[i]] == i or w == item else "" for i, w in enumerate(items)]
xy = pca_coords(wv.vectors.astype(float))
title = "Every item (PCA), one label per category"
st.vega_lite_chart(map_figure(xy, items, highlight=[item], labels=labels, title=title))
st.caption("What to notice: the categories form clusters; the chosen item is red.")

st.subheader("Recommending: user · item scores")
user = st.selectbox("User", list(shop.users), key="bw.user", help="A made-up history.")
st.markdown("Bought before: " + ", ".join(shop.users[user]))
st.dataframe(pd.DataFrame(recommend(wv, shop.users[user], topn=5), columns=["item", "score"])
             .round(3), hide_index=True)  # fmt: skip
st.caption("A user vector is the mean of their items' vectors; each item's score is its dot "
           "product with it. The whole users × items table:")  # fmt: skip
st.dataframe(score_matrix(wv, shop.users).round(2))

st.subheader("One vector per word, whatever it means")
st.markdown(
    "In *Don't trouble trouble*, the first **trouble** is a verb (to bother), the second a "
    "noun (a problem). Word2vec gives both the **same** vector: a word is one row of W, "
    "looked up by its id, whatever the sentence around it."
)
tokens = tokenize("Don't trouble trouble")[0]
ids = Vocabulary.build([tokens]).encode([tokens])[0]
rows = EmbeddingLayer.random(len(set(tokens)), 4, seed=0)(ids)
table = pd.DataFrame(rows.round(3), columns=["d0", "d1", "d2", "d3"])
table.insert(0, "id", ids)
table.insert(0, "token", tokens)
st.dataframe(table, hide_index=True)
st.markdown(f"The two *trouble* rows are identical: **{bool((rows[1] == rows[2]).all())}**.")
st.markdown(
    "**Contextual** models compute a vector for each *occurrence* from the whole sentence: "
    "ELMo runs LSTMs over the sentence in both directions; BERT and GPT run Transformer "
    "layers in which every token attends to the others. The embedding lookup you saw is "
    "still their first layer; what changes is everything after it, so the two *trouble*s "
    "come out with different vectors."
)
