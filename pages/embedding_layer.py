"""The embedding layer: one-hot rows times W are a row lookup."""

import streamlit as st

from explorer.app import corpus, view
from explorer.charts.highlight import lit_cells, lit_rows
from explorer.i18n import _
from explorer.lessons import embedding_layer as lesson
from explorer.lessons import one_hot
from explorer.lessons.corpus_view import sentence_tokens

view.page_setup()
st.title("🔎 " + _("The embedding layer"))
st.markdown(
    _(
        "An embedding layer is a table with one row of numbers per word id. Multiplying a "
        "**one-hot** row (a single 1 at the word's id) by the matrix **W** selects that row, so "
        "real layers skip the multiplication and just read the row."
    )
)

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
tokens = sentence_tokens(sentence, limit=20)
if not tokens:
    st.info(_("Type a sentence with at least one word."))
    st.stop()
ids = lesson.sentence_ids(tokens, vocab.key_to_index, int(V))
layer = lesson.EmbeddingLayer.random(int(V), int(d), seed=0)
st.dataframe(lesson.ids_table(tokens, ids), hide_index=False)
cost = lesson.lookup_cost(len(ids), int(V), int(d))
m = st.columns(3)
m[0].metric(_("One-hot matrix"), "{} × {:,}".format(*cost["one_hot_shape"]))
m[1].metric("W", "{:,} × {}".format(*cost["W_shape"]))
m[2].metric(_("Result"), "{} × {}".format(*cost["result_shape"]))
same = lesson.same_as_one_hot(layer, ids)
st.markdown(
    _(
        "Each one-hot row has a single 1 (at column *id*) and {zeros:,} zeros. "
        "One-hot × W equals reading rows {ids} of W: **{verdict}**."
    ).format(zeros=int(V) - 1, ids=ids, verdict=_("identical ✓") if same else _("different"))
)
st.dataframe(lit_rows(lesson.lookup_table(layer, ids, tokens), tokens))
st.caption(_("The result's first 12 of {d} columns: each row is that word's row of W.")
           .format(d=int(d)))  # fmt: skip
nbytes = _("{n:,} bytes")
st.table({
    "": [_("multiplications"), _("input numbers"), _("memory of the input (float32)")],
    _("one-hot × W"): [f"{cost['one_hot_multiplications']:,}", f"{cost['one_hot_numbers']:,}",
                       nbytes.format(n=cost["one_hot_bytes"])],
    _("row lookup"): [f"{cost['lookup_multiplications']}",
                      _("{n:,} ids").format(n=cost["lookup_numbers"]),
                      nbytes.format(n=cost["lookup_bytes"])],
})  # fmt: skip
st.caption(_("What to notice: the product's cost grows with V; the lookup's does not."))

st.subheader(_("2 · The worked example, exactly"))
ex = lesson.worked_example()
left, right = st.columns(2)
left.markdown(_("`W = arange(15).reshape(3, 5)` → shape {shape}").format(shape=ex.layer.W.shape))
left.dataframe(ex.W_table())
right.markdown(_("`ids = [[0, 2], [1, 2]]` → shape {shape}").format(shape=ex.out.shape))
for table in ex.out_tables():
    right.dataframe(table)
probe = st.number_input(_("Look up an id in this W"), -5, 10, 5, key="emb.probe",
                        help=_("W has 3 rows. Try 5."))  # fmt: skip
try:
    st.success(_("Row {id}: {values}").format(id=probe, values=lesson.row_of(ex.layer, probe)))
except lesson.OutOfVocabularyError as err:
    st.error(str(err))

st.subheader(_("3 · Ten characters, one-hot"))
ten = one_hot.CharacterVocab(one_hot.TEN_CHARACTERS)
st.markdown(_("The article “深度学习中Embedding的解释” supposes Chinese had only ten characters: "
              "ids 0 to 9 name them all, a sentence is a list of ids, and its one-hot matrix has "
              "one row per character and 10 columns."))  # fmt: skip
st.dataframe(ten.ids_table())
text = st.text_input(_("A sentence of these ten characters"), one_hot.TEN_CHARACTER_SENTENCE,
                     key="emb.ten", max_chars=40, help=_("Any order, repeats allowed.")
                     )  # fmt: skip
sentence = ten.encode(text)
if sentence.unknown:
    st.warning(sentence.unknown_note())
st.markdown(_("As a list of ids: `{ids}`. As a one-hot matrix, {n} × {V}:")
            .format(ids=sentence.ids, n=len(sentence.ids), V=len(ten)))  # fmt: skip
st.dataframe(lit_cells(ten.one_hot_table(text)))
article = one_hot.OneHotCost()  # the article's 100万 characters over 10万
st.markdown(article.describe())
st.table(article.table())

st.subheader(_("4 · Padding and masking"))
st.markdown(_("Sentences in a batch are padded to one length with id 0, whose rows are masked."))
raw = st.text_input(_("Ids (0 = padding)"), "0 0 1 2 3 4", key="emb.pad")
try:
    st.dataframe(lesson.padding_table(lesson.parse_ids(raw)), hide_index=True)
except lesson.OutOfVocabularyError as err:
    st.error(str(err))
    st.stop()
st.caption(_("A training step moves the real rows; the padded rows keep their initial values."))

st.subheader(_("5 · The shrinking view"))
c = st.columns([7, 1, 4, 1, 4])
for col, matrix in zip(c[::2], lesson.shrinking_view(), strict=True):
    col.dataframe(matrix)
c[1].markdown("### ×")
c[3].markdown("### =")
st.caption(_("2 × 6 times 6 × 3 gives 2 × 3: the one-hot rows picked rows 1 and 4 of W."))
st.markdown(article.describe_shrink())
st.page_link(page="pages/keras_embedding.py", icon="🧱",
             label=_("Next: Keras's Embedding layer, its shapes and model.summary()"))  # fmt: skip
