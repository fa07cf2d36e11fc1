"""Settings declared once: a table says each setting's type, valid values, default and label.

One table drives a model's config checks, the app's form and the shared link's reading, so
that they cannot disagree (issue 13: "like TF Playground's state").

Usage:
    >>> from explorer.i18n import N_
    >>> from explorer.models.settings import Setting, parse, require_valid, validate
    >>> TABLE = (Setting("window", int, 2, lo=1, offer=(1, 10), label=N_("Window")),)
    >>> parse(TABLE, {"window": "3", "colour": "red"})   # strings from a link: typed, offered
    {'window': 3}
    >>> validate(TABLE, {"window": 0})                     # out of range: dropped
    {}
    >>> require_valid(config, TABLE)                       # ValueError naming the field
    >>> require_positive_ints(config, "vector_size", "epochs")
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Any

#: The widgets a form may draw a setting with.
WIDGETS = ("slider", "select_slider", "radio", "number", "text")


@dataclass(frozen=True)
class Setting:
    """One setting: its name, type and valid values, its default, and how a form shows it.

    ``lo``/``hi`` (inclusive, None: open) or ``choices`` say what is valid, for a config;
    ``offer`` is what a form offers when that is narrower: ``(lo, hi)`` of a slider or a
    number box, or the values of a select slider. ``label`` and ``help`` are English
    message ids (marked with ``N_``; the app translates them), ``choice_labels`` a label
    per choice. ``aliases`` are older spellings a link may still carry ("Skip-gram" for 1).
    ``needs`` = (other key, value): the form offers this setting only while the other one
    has that value (k negatives only with negative sampling).
    """

    key: str
    kind: type
    default: Any
    lo: float | None = None
    hi: float | None = None
    choices: tuple = ()
    offer: tuple | None = None
    label: str = ""
    help: str = ""
    widget: str = "slider"
    choice_labels: Mapping[Any, str] = field(default_factory=dict)
    aliases: Mapping[str, Any] = field(default_factory=dict)
    needs: tuple[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.widget not in WIDGETS:
            raise ValueError(f"{self.key}: unknown widget {self.widget!r}")
        if self.choices and set(self.choice_labels) - set(self.choices):
            raise ValueError(f"{self.key}: a label for a value that is not a choice")
        if not is_valid(self, self.default) or not is_offered(self, self.default):
            raise ValueError(f"{self.key}: the default {self.default!r} is not valid")

    def form_range(self) -> tuple:
        """``(lo, hi)`` of the slider or number box a form draws."""
        return tuple(self.offer) if self.offer is not None else (self.lo, self.hi)

    def form_choices(self) -> tuple:
        """The values a radio or select slider offers."""
        return tuple(self.offer) if self.offer is not None else self.choices


def _has_kind(setting: Setting, value: Any) -> bool:
    # numpy's numbers count (they register as Integral or Real); True is not a number here.
    # (No numpy import: the app's first page reads these tables and must stay light.)
    if setting.kind is bool or isinstance(value, bool) or type(value).__name__ == "bool_":
        return setting.kind is bool and isinstance(value, bool)
    if setting.kind is int:
        return isinstance(value, Integral)
    if setting.kind is float:
        return isinstance(value, Real) and math.isfinite(value)
    return isinstance(value, setting.kind)


def is_valid(setting: Setting, value: Any) -> bool:
    """Whether ``value`` is a valid value of ``setting`` (its type, range or choices)."""
    if not _has_kind(setting, value):
        return False
    if setting.choices:
        return value in setting.choices
    above = setting.lo is None or value >= setting.lo
    return above and (setting.hi is None or value <= setting.hi)


def is_offered(setting: Setting, value: Any) -> bool:
    """Whether a form offers ``value``: valid, and inside the form's narrower offer."""
    if not is_valid(setting, value):
        return False
    if setting.offer is None or setting.kind is str and not setting.choices:
        return True
    if setting.widget in ("slider", "number"):
        lo, hi = setting.offer
        return lo <= value <= hi
    return value in setting.offer


def _by_key(table: Sequence[Setting]) -> dict[str, Setting]:
    return {s.key: s for s in table}


def validate(table: Sequence[Setting], values: Mapping[str, Any], offered: bool = False) -> dict:
    """The ``values`` that are valid for ``table`` (offered by its form, with ``offered``).

    Unknown keys and invalid values are dropped.
    """
    ok = is_offered if offered else is_valid
    settings = _by_key(table)
    return {k: v for k, v in values.items() if k in settings and ok(settings[k], v)}


def read(setting: Setting, raw: str) -> Any:
    """``raw`` text (a link's value) as a value of ``setting``, or None if it is none."""
    if raw in setting.aliases:
        return setting.aliases[raw]
    try:
        if setting.kind is bool:
            value = {"1": True, "true": True, "0": False, "false": False}[raw.lower()]
        elif setting.kind is int:
            value = int(raw)
        elif setting.kind is float:
            value = float(raw)
        else:
            value = setting.kind(raw)
    except (KeyError, TypeError, ValueError):
        return None
    return value


def parse(table: Sequence[Setting], raw: Mapping[str, str], offered: bool = True) -> dict:
    """Text values (a shared link's) read into their types; what is not offered is dropped.

    With ``offered=False``, every valid value is kept, even one the form does not offer.
    """
    settings = _by_key(table)
    values = {k: read(settings[k], v) for k, v in raw.items() if k in settings}
    return validate(table, values, offered=offered)


def describe(setting: Setting) -> str:
    """What the valid values are, in words (for an error message)."""
    if setting.choices:
        return "one of " + ", ".join(map(repr, setting.choices))
    kind = {int: "an integer", float: "a number"}.get(setting.kind, setting.kind.__name__)
    if setting.lo is not None and setting.hi is not None:
        return f"{kind} from {setting.lo} to {setting.hi}"
    if setting.lo is not None:
        return f"{kind} >= {setting.lo}"
    if setting.hi is not None:
        return f"{kind} <= {setting.hi}"
    return kind


def require_valid(config: Any, table: Sequence[Setting]) -> None:
    """Raise ``ValueError`` unless every field of ``config`` that ``table`` declares is valid.

    Settings of the table that are not fields of ``config`` (a form's own choices) are
    skipped.
    """
    for setting in table:
        if not hasattr(config, setting.key):
            continue
        value = getattr(config, setting.key)
        if not is_valid(setting, value):
            raise ValueError(f"{setting.key} must be {describe(setting)}, got {value!r}")


def defaults(table: Sequence[Setting]) -> dict:
    """Every setting's default: ``{key: default}``."""
    return {s.key: s.default for s in table}


def require_positive_ints(config: Any, *names: str) -> None:
    """Raise ``ValueError`` unless each field ``names`` of ``config`` is an int >= 1."""
    for name in names:
        value = getattr(config, name)
        if not isinstance(value, Integral) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")


def require_positive(config: Any, name: str) -> None:
    """Raise ``ValueError`` unless the field ``name`` of ``config`` is a number above 0."""
    value = getattr(config, name)
    if not value > 0:
        raise ValueError(f"{name} must be positive, got {value!r}")
