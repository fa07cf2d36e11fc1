"""The recommender page's settings, declared once: its form, and what a shared link carries.

Usage:
    >>> from explorer.models.recommender_settings import SETTINGS, CHUNK
    >>> [s.key for s in SETTINGS]
    ['output_dim', 'use_bias', 'learning_rate', 'epochs', 'seed', 'chunk']

Every setting but ``chunk`` (batches per tick, the page's own) is a field of
:class:`explorer.models.recommender.RecommenderConfig`, with its default
(``tests/lessons/test_recommender.py`` checks they agree). Kept apart from the model so that
the shared link can read it without numpy or pandas: the app's first page stays light.
"""

from __future__ import annotations

from explorer.i18n import N_
from explorer.models.settings import Setting

#: Batches per tick at the page's defaults: the shop's 1,370 batches in 137 ticks; the item
#: table's categories are clear after one epoch (14 ticks).
CHUNK = 10

#: The page's settings, in the form's order.
SETTINGS: tuple[Setting, ...] = (
    Setting("output_dim", int, 8, lo=1, offer=(2, 32), label=N_("output_dim"),
            help=N_("Length of each user and item vector.")),
    Setting("use_bias", bool, True, choices=(True, False), widget="radio", label=N_("use_bias"),
            choice_labels={True: N_("dot + biases"), False: N_("dot only")},
            help=N_("A learned bias per user and item, plus the mean (False: seed 002's model).")),
    Setting("learning_rate", float, 0.005, lo=0, offer=(0.001, 0.002, 0.005, 0.01, 0.02),
            widget="select_slider", label=N_("learning_rate"), help=N_("Adam's step size.")),
    Setting("epochs", int, 10, lo=1, offer=(1, 40), label=N_("epochs"),
            help=N_("Passes over the training ratings.")),
    Setting("seed", int, 0, lo=0, offer=(0, 9999), widget="number", label=N_("seed"),
            help=N_("The first weights and the order of the ratings.")),
    Setting("chunk", int, CHUNK, lo=1, hi=50, label=N_("Batches per tick"),
            help=N_("How much training happens between two pictures while playing.")),
)  # fmt: skip
