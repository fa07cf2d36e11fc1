"""Keras's ``Embedding`` in Keras's own words: the documentation's example, shapes, summary.

Usage:
    >>> ex = doc_example()                      # the doc's [[4], [20]] -> 2-d vectors
    >>> ex.ids.shape, ex.output.shape
    ((2, 1), (2, 1, 2))
    >>> ex.output[:, 0].tolist()                # what the documentation prints
    [[0.25, 0.1], [0.6, -0.2]]
    >>> output_shape((32, 10), 16)              # (samples, sequence_length) + (output_dim,)
    (32, 10, 16)
    >>> model = sequential(10_000, 16)          # seed 002: Embedding(10000, 16) + Flatten
    >>> [(r.label, r.output_shape, r.params) for r in model.rows]
    [('embedding (Embedding)', (None, None, 16), 160000), ('flatten (Flatten)', (None, None), 0)]
    >>> print(summary_text(model))              # doctest: +SKIP
    Model: "sequential"
    ...
    Total params: 160,000

The layers are not run (no TensorFlow here): their output shapes and parameter counts follow
Keras's rules, and :func:`summary_text` prints them the way tf.keras 2 prints
``model.summary()`` (the format of seed 002's table, character for character). An embedding
layer learns ``input_dim x output_dim`` numbers; ``Flatten`` learns none; ``Dense(units)``
learns ``(inputs + 1) x units`` (a weight per input and a bias, for each unit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from explorer.i18n import M_, N_, Message
from explorer.models.embedding import EmbeddingLayer

#: The Keras documentation's example (seed 004): ids [[4], [20]] -> [[0.25, 0.1], [0.6, -0.2]].
DOC_IDS = ((4,), (20,))
DOC_VECTORS = ((0.25, 0.1), (0.6, -0.2))

Shape = tuple[int | None, ...]


@dataclass(frozen=True)
class DocExample:
    """The doc's lookup run for real: a ``21 x 2`` W whose rows 4 and 20 are the doc's."""

    ids: np.ndarray
    layer: EmbeddingLayer
    output: np.ndarray


def doc_example(seed: int = 0) -> DocExample:
    """``Embedding(21, 2)`` applied to ``[[4], [20]]``: output shape ``(2, 1, 2)``.

    ``input_dim`` is the doc's own rule, 1 + the largest id in the input (20 + 1 = 21). W
    starts as Keras's does (uniform in [-0.05, 0.05), here from ``seed``); rows 4 and 20 are
    set to the numbers the doc prints, as if training had moved them there.
    """
    ids = np.array(DOC_IDS)
    W = EmbeddingLayer.random(int(ids.max()) + 1, len(DOC_VECTORS[0]), seed=seed).W
    W[ids[:, 0]] = DOC_VECTORS
    layer = EmbeddingLayer(W)
    return DocExample(ids, layer, layer(ids))


def output_shape(input_shape: Shape, output_dim: int) -> Shape:
    """Keras's rule: ``(samples, sequence_length)`` in, ``(..., output_dim)`` out."""
    return (*tuple(input_shape), int(output_dim))


@dataclass(frozen=True)
class Row:
    """One layer as ``model.summary()`` lists it."""

    name: str
    kind: str
    output_shape: Shape
    params: int
    trainable: bool = True

    @property
    def label(self) -> str:
        return f"{self.name} ({self.kind})"


@dataclass(frozen=True)
class Sequential:
    """The layers that could be built, and why the rest could not (Keras would raise)."""

    rows: list[Row]
    problems: list[Message] = field(default_factory=list)  # shown with ``str``
    name: str = "sequential"

    @property
    def total(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def trainable(self) -> int:
        return sum(r.params for r in self.rows if r.trainable)

    @property
    def non_trainable(self) -> int:
        return self.total - self.trainable


def _flat(shape: Shape) -> int | None:
    """Flatten's size: the product of the non-batch axes, unknown if any of them is."""
    return None if any(s is None for s in shape[1:]) else int(np.prod(shape[1:]))


def sequential(
    input_dim: int,
    output_dim: int,
    input_length: int | None = None,
    flatten: bool = True,
    dense: Sequence[int] = (),
    mask_zero: bool = False,
    trainable: bool = True,
) -> Sequential:
    """``Sequential([Embedding(input_dim, output_dim, ...), Flatten(), Dense(u), ...])``.

    Seed 002's first model is ``sequential(10_000, 16)``; its IMDB classifier is
    ``sequential(10_000, 16, input_length=120, dense=(6, 1))`` (171,533 parameters).
    ``trainable=False`` freezes the embedding (pre-trained vectors): its parameters move to
    "Non-trainable params". A Dense layer needs a known input size: after Flatten of an
    unknown length it cannot be built, and the layers stop there with the reason.
    """
    shape: Shape = (None, input_length, int(output_dim))
    rows = [Row("embedding", "Embedding", shape, int(input_dim) * int(output_dim), trainable)]
    problems = []
    if mask_zero and flatten:
        problems.append(
            M_(
                "mask_zero=True then Flatten: Flatten does not support masking. tf.keras 2 stops "
                "with “TypeError: Layer flatten does not support masking”; Keras 3 drops the "
                "mask with a warning. Masks are for layers that read a sequence step by step "
                "(LSTM, GRU, attention)."
            )
        )
    if flatten:
        shape = (None, _flat(shape))
        rows.append(Row("flatten", "Flatten", shape, 0))
    for i, units in enumerate(dense):
        if shape[-1] is None:
            problems.append(
                M_(
                    "Dense({units}) cannot be built: its input has shape {shape}, and a Dense "
                    "layer needs to know how many numbers come in to make its weights. Give "
                    "the Embedding a fixed input_length."
                ).format(units=units, shape=shape)
            )
            break
        name = "dense" if i == 0 else f"dense_{i}"
        rows.append(Row(name, "Dense", (*shape[:-1], int(units)), (shape[-1] + 1) * int(units)))
        shape = rows[-1].output_shape
    return Sequential(rows, problems)


def _row(fields: Sequence[object], positions: Sequence[int]) -> str:
    # tf.keras 2's print_row: each field cut at its column's end, padded to it
    line = ""
    for i, text in enumerate(fields):
        if i > 0:
            line = line[:-1] + " "
        line += str(text)
        line = line[: positions[i]]
        line += " " * (positions[i] - len(line))
    return line


def summary_text(model: Sequential, line_length: int = 65) -> str:
    """``model.summary()`` as tf.keras 2 prints a Sequential model (seed 002's table)."""
    positions = [int(line_length * p) for p in (0.45, 0.85, 1.0)]
    lines = [f'Model: "{model.name}"', "_" * line_length]
    lines += [_row(["Layer (type)", "Output Shape", "Param #"], positions), "=" * line_length]
    for i, r in enumerate(model.rows):
        lines.append(_row([r.label, r.output_shape, r.params], positions))
        lines.append(("=" if i == len(model.rows) - 1 else "_") * line_length)
    lines += [
        f"Total params: {model.total:,}",
        f"Trainable params: {model.trainable:,}",
        f"Non-trainable params: {model.non_trainable:,}",
        "_" * line_length,
    ]
    return "\n".join(lines)


def summary_table(model: Sequential) -> pd.DataFrame:
    """The summary's rows as a table (Keras's column names, which Keras prints in English)."""
    return pd.DataFrame(
        {
            "Layer (type)": [r.label for r in model.rows],
            "Output Shape": [str(r.output_shape) for r in model.rows],
            "Param #": [r.params for r in model.rows],
        }
    )


#: Seed 002's three models, as starting points for the summary: (label, keyword arguments).
SEED_MODELS: dict[str, dict] = {
    N_("Embedding(10000, 16) + Flatten (the article’s first model)"): dict(
        input_dim=10_000, output_dim=16, input_length=None, flatten=True, dense="",
        mask_zero=False),
    N_("… with input_length=10, mask_zero=True (its second)"): dict(
        input_dim=10_000, output_dim=16, input_length=10, flatten=True, dense="",
        mask_zero=True),
    N_("Its IMDB classifier: + Dense(6) + Dense(1)"): dict(
        input_dim=10_000, output_dim=16, input_length=120, flatten=True, dense="6, 1",
        mask_zero=False),
}  # fmt: skip


def parse_units(text: str) -> tuple[int, ...]:
    """Units of Dense layers typed as "6, 1" (anything that is not a positive whole number
    is skipped): ``parse_units("6, 1") == (6, 1)``."""
    return tuple(int(t) for t in re.split(r"[\s,;]+", text.strip()) if t.isdigit() and int(t) > 0)


def shape_demo(samples: int, sequence_length: int, output_dim: int, seed: int = 0) -> dict:
    """Seed 002's random batch run through a real lookup and flattened: the shapes that result.

    ``ids`` of shape ``(samples, sequence_length)`` (as ``tf.random.uniform((32, 10), ...)``)
    from a 100-word vocabulary (its size does not change any shape), looked up in a random W.
    """
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, 100, size=(samples, sequence_length))
    out = EmbeddingLayer.random(100, output_dim, seed=seed)(ids)
    return {"ids": ids.shape, "embedding": out.shape, "flatten": out.reshape(samples, -1).shape}
