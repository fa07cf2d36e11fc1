"""Beyond words: the same idea on shop items, and what a static vector cannot do."""

import streamlit as st

from explorer.app import draw, view
from explorer.charts.training import map_figure
from explorer.i18n import _
from explorer.lessons import shop as lesson

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
    return lesson.train_shop()


shop, model = shop_model()
wv = model.wv
st.caption(
    _(
        "A made-up shop log: {sessions:,} sessions over {items} items "
        "(sample_data/shop_sessions.txt), trained with the same engine (skip-gram)."
    ).format(sessions=len(shop.sessions), items=len(wv))
)
st.dataframe(lesson.sessions_table(shop), hide_index=True)

st.subheader(_("Similar items, and items bought together"))
items, first = lesson.item_choices(wv)
item = st.selectbox(_("Item"), items, key="bw.item", index=first,
                    help=_("Its nearest items by cosine, and its complements."))  # fmt: skip
left, right = st.columns(2)
left.markdown(_("**Similar** (cosine of input vectors: bought *in place of* it)"))
left.dataframe(lesson.similar_table(wv, item), hide_index=True)
right.markdown(_("**Bought with it** (input · output vectors: bought *alongside* it)"))
right.dataframe(lesson.bought_with_table(model, item), hide_index=True)
m = lesson.item_map(wv, shop.categories, item)  # one colour per category
draw.vega(map_figure(m.xy, m.items, highlight=[item], labels=m.labels, groups=m.groups,
                     title=_("Every item (PCA), one label per category")))  # fmt: skip
st.caption(_("What to notice: each category has its colour, and they form clusters; the "
             "chosen item is drawn larger."))  # fmt: skip

st.subheader(_("Recommending: user · item scores"))
user = st.selectbox(_("User"), list(shop.users), key="bw.user", help=_("A made-up history."))
st.markdown(_("Bought before: {items}").format(items=", ".join(shop.users[user])))
st.dataframe(lesson.recommend_table(wv, shop.users[user]), hide_index=True)
st.caption(_("A user vector is the mean of their items' vectors; each item's score is its dot "
           "product with it. The whole users × items table:"))  # fmt: skip
st.dataframe(lesson.scores_table(wv, shop.users))

st.subheader(_("One vector per word, whatever it means"))
st.markdown(
    _(
        "In *Don't trouble trouble*, the first **trouble** is a verb (to bother), the second a "
        "noun (a problem). Word2vec gives both the **same** vector: a word is one row of W, "
        "looked up by its id, whatever the sentence around it."
    )
)
table, same = lesson.one_vector_per_word()
st.dataframe(table, hide_index=True)
same = _("True") if same else _("False")
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
st.page_link(page="pages/contextual.py", icon="🏦",
             label=_("Train one and watch it: Contextual embeddings"))  # fmt: skip
