"""Word2vec's training settings, declared once: the config's checks, the form, the link.

Usage:
    >>> from explorer.models.word2vec.settings import SETTINGS, config_fields, form_values
    >>> form_values(Word2VecConfig(sg=1, negative=0, hs=1))["objective"]
    'hs'
    >>> Word2VecConfig(**config_fields({**defaults(SETTINGS), "objective": "softmax"})).negative
    0

``objective`` is the form's choice of output layer, which the config spells as two fields
(``negative`` > 0: negative sampling; ``hs=1``: the hierarchical softmax; neither: the full
softmax); every other setting is a field of :class:`~.trainer.Word2VecConfig`. The bounds
are what the config accepts; ``offer`` is the smaller range the live demo's form offers.
"""

from __future__ import annotations

from typing import Any

from explorer.i18n import N_
from explorer.models.settings import Setting

#: The learning rates and batch sizes the form offers (a select slider each).
ALPHAS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2)
BATCH_SIZES = (1, 4, 8, 16, 32, 64, 128, 256)
#: The output layers, by code (what the session and a link hold).
NEGATIVE_SAMPLING, FULL_SOFTMAX, HIERARCHICAL_SOFTMAX = "ns", "softmax", "hs"

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "sg", int, 0, choices=(0, 1), widget="radio", label=N_("Architecture"),
        choice_labels={0: N_("CBOW"), 1: N_("Skip-gram")},
        aliases={"CBOW": 0, "Skip-gram": 1},  # links made before the table
        help=N_("CBOW: the average of the context predicts the centre word. "
                "Skip-gram: the centre word predicts each context word."),
    ),
    Setting(
        "objective", str, NEGATIVE_SAMPLING, widget="radio", label=N_("Output layer"),
        choices=(NEGATIVE_SAMPLING, FULL_SOFTMAX, HIERARCHICAL_SOFTMAX),
        choice_labels={NEGATIVE_SAMPLING: N_("Negative sampling"),
                       FULL_SOFTMAX: N_("Full softmax"),
                       HIERARCHICAL_SOFTMAX: N_("Hierarchical softmax")},
        aliases={"Negative sampling": NEGATIVE_SAMPLING, "Full softmax": FULL_SOFTMAX,
                 "Hierarchical softmax": HIERARCHICAL_SOFTMAX},
        help=N_("Full softmax scores every word of the vocabulary; negative sampling "
                "scores the true word against k random 'negative' words; hierarchical "
                "softmax walks the true word's path in a Huffman tree, a yes/no question "
                "per node (about log2 V of them)."),
    ),
    Setting(
        "negative", int, 5, lo=0, offer=(1, 20), label=N_("Negatives k"),
        needs=("objective", NEGATIVE_SAMPLING),
        help=N_("Negative words drawn per example, from unigram counts ** 0.75."),
    ),
    Setting("vector_size", int, 16, lo=1, offer=(2, 100), label=N_("Vector size d"),
            help=N_("Columns of W. Small by default so the matrix stays readable.")),
    Setting("window", int, 2, lo=1, offer=(1, 10), label=N_("Window"),
            help=N_("Context words on each side of the centre word (at most).")),
    Setting("alpha", float, 0.05, lo=0, offer=ALPHAS, widget="select_slider",
            label=N_("Learning rate"), help=N_("Starting step size; it decays to 0.0001.")),
    Setting("batch_size", int, 32, lo=1, offer=BATCH_SIZES, widget="select_slider",
            label=N_("Batch size"), help=N_("Examples per update.")),
    Setting("epochs", int, 10, lo=1, offer=(1, 50), label=N_("Epochs"),
            help=N_("Passes over the corpus.")),
    Setting("seed", int, 0, lo=0, offer=(0, 2**31 - 1), widget="number", label=N_("Seed"),
            help=N_("Same seed, same settings: the same run, step for step.")),
    Setting("min_count", int, 2, lo=1, offer=(1, 10), label=N_("Min count"),
            help=N_("Words seen fewer times are left out of the vocabulary.")),
)  # fmt: skip


def form_values(config: Any) -> dict:
    """The table's values for a ``config`` (the inverse of :func:`config_fields`).

    Without negative sampling, ``negative`` is left out: the form keeps the k it had.
    """
    objective = NEGATIVE_SAMPLING if config.negative else FULL_SOFTMAX
    objective = HIERARCHICAL_SOFTMAX if config.hs else objective
    values = {s.key: getattr(config, s.key) for s in SETTINGS if hasattr(config, s.key)}
    values["objective"] = objective
    if not config.negative:
        del values["negative"]
    return values


def config_fields(values: dict) -> dict:
    """The config's fields for the table's ``values`` (the output layer as two fields)."""
    fields = {k: v for k, v in values.items() if k != "objective"}
    fields["sg"] = int(values["sg"])
    fields["negative"] = values["negative"] if values["objective"] == NEGATIVE_SAMPLING else 0
    fields["hs"] = int(values["objective"] == HIERARCHICAL_SOFTMAX)
    return fields
