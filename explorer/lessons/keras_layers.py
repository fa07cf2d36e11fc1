"""The Keras page's lesson: the documentation's example, shapes, and a model's summary.

Usage:
    >>> ex = doc_example()                   # Embedding(21, 2) on [[4], [20]]
    >>> output_text(ex)                      # the output, printed as numpy prints it
    >>> doc_W_table(ex).shape                # W: 21 rows d0, d1
    (21, 2)
    >>> model = summary_model(10_000, 16, 120, True, "6, 1", mask_zero=False, frozen=False)
    >>> model.total                          # the article's IMDB classifier
    171533
    >>> print(summary_text(model))           # as model.summary() prints it

The arithmetic lives in :mod:`explorer.models.keras`; this module hands the page what
it shows, so the page computes nothing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.models.keras import (
    SEED_MODELS,
    DocExample,
    Sequential,
    doc_example,
    parse_units,
    sequential,
    shape_demo,
    summary_text,
)

__all__ = [
    "SEED_MODELS", "argument_names", "doc_W_table", "doc_example", "output_text",
    "shape_demo", "summary_model", "summary_text",
]  # fmt: skip


def doc_W_table(ex: DocExample) -> pd.DataFrame:  # noqa: N802 - W is the matrix's name
    """The example's W, one row per id, its columns ``d0``, ``d1``..."""
    return pd.DataFrame(ex.layer.W, columns=[f"d{j}" for j in range(ex.layer.dim)])


def output_text(ex: DocExample) -> str:
    """The example's output as numpy prints it, commas between numbers."""
    return np.array2string(ex.output, separator=", ")


def summary_model(
    input_dim: int,
    output_dim: int,
    input_length: int | None,
    flatten: bool,
    dense: str,
    mask_zero: bool,
    frozen: bool,
) -> Sequential:
    """The model the page's widgets describe; ``dense`` is typed text such as ``"6, 1"``."""
    length = None if input_length is None else int(input_length)
    return sequential(
        int(input_dim), int(output_dim), length, flatten, parse_units(dense), mask_zero,
        trainable=not frozen,
    )  # fmt: skip


def argument_names() -> pd.DataFrame:
    """The two sizes of an embedding layer, as each library (and seed 002) names them.

    A table made to be shown at once (``st.table``), in the reader's language.
    """
    return pd.DataFrame(
        {
            _("vocabulary size (rows of W)"): [
                "vocab_size", "input_dim", "input_size", "num_embeddings"
            ],
            _("vector length (columns of W)"): [
                _("input_dim ✗ (it is output_dim)"), "output_dim", "output_size", "embedding_dim"
            ],
        },
        index=[_("the article’s variables"), "Keras", _("Lasagne (the answer)"), "PyTorch"],
    )  # fmt: skip
