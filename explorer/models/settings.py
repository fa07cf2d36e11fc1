"""Checks the models' configs share: one place that says what a valid setting is.

Usage:
    >>> require_positive_ints(config, "vector_size", "epochs")   # ValueError names the field
    >>> require_positive(config, "learning_rate")
"""

from __future__ import annotations

from typing import Any

import numpy as np


def require_positive_ints(config: Any, *names: str) -> None:
    """Raise ``ValueError`` unless each field ``names`` of ``config`` is an int >= 1."""
    for name in names:
        value = getattr(config, name)
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")


def require_positive(config: Any, name: str) -> None:
    """Raise ``ValueError`` unless the field ``name`` of ``config`` is a number above 0."""
    value = getattr(config, name)
    if not value > 0:
        raise ValueError(f"{name} must be positive, got {value!r}")
