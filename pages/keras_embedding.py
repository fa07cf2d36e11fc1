"""Keras's Embedding layer: the documentation's example, its shapes, and model.summary()."""

import streamlit as st

from explorer.app import view
from explorer.charts.highlight import lit_rows
from explorer.i18n import _
from explorer.lessons import keras_layers as lesson

view.page_setup()
st.title("🧱 " + _("Keras's Embedding layer"))
st.markdown(
    _(
        "In Keras, `Embedding(input_dim, output_dim)` is the table W of the embedding-layer "
        "page: **input_dim** rows (the vocabulary size) of **output_dim** numbers each. "
        "Below, the Keras examples of a Stack Overflow question (“What is an embedding layer "
        "in a neural network?”) and of the article “深入探究EmbeddingLayer”, computed here "
        "without TensorFlow."
    )
)

st.subheader(_("1 · The documentation's example: [[4], [20]]"))
st.markdown(
    _(
        "Keras's documentation, as the question quotes it: the layer “turns positive integers "
        "(indexes) into dense vectors of fixed size, e.g. [[4], [20]] → [[0.25, 0.1], "
        "[0.6, -0.2]]”. Here is that lookup run, with a W whose rows 4 and 20 hold those numbers."
    )
)
ex = lesson.doc_example()
left, right = st.columns(2)
left.markdown(_("`ids = [[4], [20]]`: shape {shape}; W: {rows} × {cols} (rows: 1 + the largest id)")
              .format(shape=ex.ids.shape, rows=ex.layer.vocab_size, cols=ex.layer.dim))  # fmt: skip
left.dataframe(lit_rows(lesson.doc_W_table(ex), (4, 20)), height=220)
right.markdown(_("Output: shape {shape}").format(shape=ex.output.shape))
right.code(lesson.output_text(ex), language=None)
right.caption(_("The documentation prints [[0.25, 0.1], [0.6, -0.2]], shape (2, 2): it leaves "
                "out the middle axis, the sequence of length 1. Keras returns (2, 1, 2)."))

st.subheader(_("2 · Shapes: (samples, sequence_length) → (samples, sequence_length, output_dim)"))
c = st.columns(3)
samples = c[0].number_input(_("samples"), 1, 128, 32, key="keras.samples",
                            help=_("Sentences in the batch (the article draws 32)."))  # fmt: skip
length = c[1].number_input(_("sequence_length"), 1, 200, 10, key="keras.length",
                           help=_("Ids per sentence (the article: 10)."))  # fmt: skip
dim = c[2].number_input(_("output_dim"), 1, 64, 16, key="keras.dim",
                        help=_("Numbers per vector (the article: 16)."))  # fmt: skip
shapes = lesson.shape_demo(int(samples), int(length), int(dim))
m = st.columns(3)
m[0].metric(_("Input ids"), str(shapes["ids"]))
m[1].metric(_("Embedding output"), str(shapes["embedding"]))
m[2].metric(_("After Flatten"), str(shapes["flatten"]))
st.caption(_("Each id becomes a vector: one more axis, of length output_dim. Flatten lays each "
             "sample's vectors end to end."))  # fmt: skip

st.subheader(_("3 · model.summary()"))
preset = st.selectbox(_("Start from"), list(lesson.SEED_MODELS), format_func=_, key="keras.preset",
                      help=_("The article's three models; change any size below."))  # fmt: skip
p = lesson.SEED_MODELS[preset]
c = st.columns(4)
V = c[0].number_input(_("input_dim"), 1, 10_000_000, p["input_dim"], key=f"keras.V.{preset}",
                      help=_("Vocabulary size: the rows of W (1 + the largest id)."))  # fmt: skip
d = c[1].number_input(_("output_dim"), 1, 4096, p["output_dim"], key=f"keras.d.{preset}",
                      help=_("Length of each vector: the columns of W."))  # fmt: skip
L = c[2].number_input(_("input_length"), 1, 10_000, p["input_length"], key=f"keras.L.{preset}",
                      placeholder=_("None: any length"), help=_("Ids per sample; empty is None."))
units = c[3].text_input(_("Dense layers after it"), p["dense"], key=f"keras.dense.{preset}",
                        help=_("Units of each Dense layer, e.g. 6, 1 (the article's IMDB model)."))
t = st.columns(3)
flatten = t[0].checkbox(_("Flatten()"), p["flatten"], key=f"keras.flat.{preset}",
                        help=_("Lay the sequence's vectors end to end, one row per sample."))
mask = t[1].checkbox(_("mask_zero=True"), p["mask_zero"], key=f"keras.mask.{preset}",
                     help=_("Treat id 0 as padding and pass a mask to the next layers."))
frozen = t[2].checkbox(_("Frozen (trainable=False)"), False, key=f"keras.frozen.{preset}",
                       help=_("Pre-trained vectors kept fixed: W counts as non-trainable."))
model = lesson.summary_model(V, d, L, flatten, units, mask, frozen)
left, right = st.columns([3, 1])
left.code(lesson.summary_text(model), language=None)
right.metric(_("Total params"), f"{model.total:,}", help=_("input_dim × output_dim for the "
             "Embedding, (inputs + 1) × units for each Dense."))  # fmt: skip
right.metric(_("Trainable params"), f"{model.trainable:,}")
right.metric(_("Non-trainable params"), f"{model.non_trainable:,}")
for problem in model.problems:
    st.warning(str(problem))
st.caption(_("None in a shape means “not known until data arrives”: always the batch size, and "
             "the length when input_length is None. So Flatten prints (None, None), as in the "
             "article, and a Dense layer after it needs a fixed input_length."))  # fmt: skip

st.subheader(_("4 · The same two sizes, four names"))
st.table(lesson.argument_names())
st.caption(_("The article stores 16 in a variable it calls input_dim and says it is the output "
             "size; in Keras the first argument, input_dim, is the vocabulary (10,000) and the "
             "second, output_dim, the vector length (16). Lasagne's input_size and output_size "
             "(in the Stack Overflow answer) are the same two numbers."))  # fmt: skip
