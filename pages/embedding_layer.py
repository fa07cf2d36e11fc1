"""The embedding layer: one-hot rows times W are a row lookup."""

import numpy as np
import pandas as pd
import streamlit as st

from explorer.app import corpus, view
from explorer.i18n import _
from explorer.lessons import embedding_layer as lesson
from explorer.lessons import one_hot
from explorer.text.tokenize import tokenize

view.page_setup()
st.title("🔎 " + _("The embedding layer"))
st.markdown(
    _(
        "An embedding layer is a table with one row of numbers per word id. Multiplying a "
        "**one-hot** row (a single 1 at the word's id) by the matrix **W** selects that row, so "
        "real layers skip the multiplication and just read the row."
    )
)
LIT = "background-color: #ffbf47; font-weight: 600"


def lit_rows(df: pd.DataFrame, rows: list) -> object:
    styled = df.style.apply(lambda r: [LIT if r.name in rows else ""] * len(r), axis=1)
    return styled.format("{:.3f}")


st.subheader(_("1 · From a sentence to vectors"))
vocab = corpus.current_corpus().vocab
c = st.columns([3, 1, 1])
sentence = c[0].text_input(
    _("Sentence"), "我喜欢学习数学", key="emb.sentence", max_chars=200,
    help=_("English, 中文 or 日本語; cut by the app's tokenizer."))  # fmt: skip
V = c[1].number_input(_("Vocabulary size V"), 10, 100_000, 5_000, step=1_000, key="emb.V",
                      help=_("Rows of W. Ids: 0 = padding, 1 = unknown, then the corpus's "
                      "words (most frequent first), then this sentence's new words."))  # fmt: skip
d = c[2].number_input(_("Dimensions d"), 1, 1024, 128, key="emb.d", help=_("Columns of W."))
tokens = [t for s in tokenize(sentence) for t in s][:20]
if not tokens:
    st.info(_("Type a sentence with at least one word."))
    st.stop()
ids = lesson.sentence_ids(tokens, vocab.key_to_index, int(V))
layer = lesson.EmbeddingLayer.random(int(V), int(d), seed=0)
st.dataframe(pd.DataFrame({_("token"): tokens, "id": ids}).T.astype(str), hide_index=False)
cost = lesson.lookup_cost(len(ids), int(V), int(d))
m = st.columns(3)
m[0].metric(_("One-hot matrix"), "{} × {:,}".format(*cost["one_hot_shape"]))
m[1].metric("W", "{:,} × {}".format(*cost["W_shape"]))
m[2].metric(_("Result"), "{} × {}".format(*cost["result_shape"]))
same = np.array_equal(layer.one_hot(ids) @ layer.W, layer(ids))
st.markdown(
    _(
        "Each one-hot row has a single 1 (at column *id*) and {zeros:,} zeros. "
        "One-hot × W equals reading rows {ids} of W: **{verdict}**."
    ).format(zeros=int(V) - 1, ids=ids, verdict=_("identical ✓") if same else _("different"))
)
st.dataframe(lit_rows(pd.DataFrame(np.round(layer(ids)[:, :12], 3), index=tokens), tokens))
st.caption(_("The result's first 12 of {d} columns: each row is that word's row of W.")
           .format(d=int(d)))  # fmt: skip
nbytes = _("{n:,} bytes")
st.table(pd.DataFrame({
    "": [_("multiplications"), _("input numbers"), _("memory of the input (float32)")],
    _("one-hot × W"): [f"{cost['one_hot_multiplications']:,}", f"{len(ids) * int(V):,}",
                       nbytes.format(n=cost["one_hot_bytes"])],
    _("row lookup"): ["0", _("{n:,} ids").format(n=len(ids)), nbytes.format(n=len(ids) * 8)],
}))  # fmt: skip
st.caption(_("What to notice: the product's cost grows with V; the lookup's does not."))

st.subheader(_("2 · The worked example, exactly"))
W = np.arange(15).reshape(3, 5)
small = lesson.EmbeddingLayer(W)
left, right = st.columns(2)
left.markdown(_("`W = arange(15).reshape(3, 5)` → shape {shape}").format(shape=W.shape))
left.dataframe(pd.DataFrame(W, index=["id 0", "id 1", "id 2"]))
out = small(np.array([[0, 2], [1, 2]]))
right.markdown(_("`ids = [[0, 2], [1, 2]]` → shape {shape}").format(shape=out.shape))
for i, seq in enumerate([[0, 2], [1, 2]]):
    right.dataframe(pd.DataFrame(out[i], index=[f"id {j}" for j in seq]))
probe = st.number_input(_("Look up an id in this W"), -5, 10, 5, key="emb.probe",
                        help=_("W has 3 rows. Try 5."))  # fmt: skip
try:
    st.success(_("Row {id}: {values}").format(id=probe, values=small([int(probe)])[0].tolist()))
except lesson.OutOfVocabularyError as err:
    st.error(str(err))

st.subheader(_("3 · Ten characters, one-hot"))
ten = one_hot.CharacterVocab(one_hot.TEN_CHARACTERS)
st.markdown(_("The article “深度学习中Embedding的解释” supposes Chinese had only ten characters: "
              "ids 0 to 9 name them all, a sentence is a list of ids, and its one-hot matrix has "
              "one row per character and 10 columns."))  # fmt: skip
st.dataframe(pd.DataFrame([range(len(ten))], columns=list(one_hot.TEN_CHARACTERS), index=["id"]))
text = st.text_input(_("A sentence of these ten characters"), one_hot.TEN_CHARACTER_SENTENCE,
                     key="emb.ten", max_chars=40, help=_("Any order, repeats allowed.")
                     )  # fmt: skip
sentence = ten.encode(text)
if sentence.unknown:
    st.warning(sentence.unknown_note())
st.markdown(_("As a list of ids: `{ids}`. As a one-hot matrix, {n} × {V}:")
            .format(ids=sentence.ids, n=len(sentence.ids), V=len(ten)))  # fmt: skip
st.dataframe(ten.one_hot_table(text).style.map(lambda v: LIT if v else ""))
article = one_hot.OneHotCost()  # the article's 100万 characters over 10万
st.markdown(article.describe())
st.table(article.table())

st.subheader(_("4 · Padding and masking"))
st.markdown(_("Sentences in a batch are padded to one length with id 0, whose rows are masked."))
raw = st.text_input(_("Ids (0 = padding)"), "0 0 1 2 3 4", key="emb.pad")
pad_ids = lesson.parse_ids(raw)
padded = lesson.EmbeddingLayer.random(8, 4, seed=0, padding_idx=0)
try:
    before = padded(pad_ids)
    after = padded.sgd_step(pad_ids, np.ones_like(before), lr=0.1)(pad_ids)
except lesson.OutOfVocabularyError as err:
    st.error(str(err))
    st.stop()
table = pd.DataFrame(np.round(before, 3), columns=[f"d{j}" for j in range(4)])
table.insert(0, "id", pad_ids)
table[_("masked")] = ~padded.mask(pad_ids)
table[_("changed by one step")] = lesson.rows_changed(before, after)
st.dataframe(table, hide_index=True)
st.caption(_("A training step moves the real rows; the padded rows keep their initial values."))

st.subheader(_("5 · The shrinking view"))
A = lesson.EmbeddingLayer(np.zeros((6, 3))).one_hot([1, 4]).astype(int)
B = np.arange(18).reshape(6, 3)
c = st.columns([7, 1, 4, 1, 4])
for col, matrix in zip(c[::2], (A, B, A @ B), strict=True):
    col.dataframe(pd.DataFrame(matrix))
c[1].markdown("### ×")
c[3].markdown("### =")
st.caption(_("2 × 6 times 6 × 3 gives 2 × 3: the one-hot rows picked rows 1 and 4 of W."))
st.markdown(article.describe_shrink())
st.page_link(page="pages/keras_embedding.py", icon="🧱",
             label=_("Next: Keras's Embedding layer, its shapes and model.summary()"))  # fmt: skip
