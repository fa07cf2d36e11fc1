"""Interface language: English source text, translated at display time (gettext style).

Usage:
    >>> from explorer.i18n import _, use_language
    >>> use_language("zh")
    >>> _("Train live")
    '实时训练'
    >>> _("Step {step:,}").format(step=1200)
    '第 1,200 步'
    >>> use_language("en")

The English text in the code is the message id; the translations live in
``explorer/locales/<language>/*.json`` (one file per source module, {English: translation}).
Placeholders are ``str.format`` fields, so a translation may move them but must keep them:
``tests/test_i18n.py`` checks that every ``_("...")`` in the code has a translation with the
same fields. Text kept in a module-level constant is marked with ``N_`` (it does nothing)
and translated where it is shown, because the language is only known at display time.

The language is the current session's: the Streamlit glue installs where to read it from
(``set_language_source``); without one (a notebook, the tests) it is the one set by
``use_language``, English by default.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
#: The interface languages, by code, each named in its own language.
LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"

_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)
_source: Callable[[], str | None] | None = None


def use_language(code: str) -> None:
    """Set the language for this thread (where no session's language is known)."""
    _language.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)


def set_language_source(source: Callable[[], str | None] | None) -> None:
    """Where the current language comes from (the glue module passes the session's)."""
    global _source
    _source = source


def current_language() -> str:
    """The language text is shown in right now."""
    if _source is not None:
        code = _source()
        if code in LANGUAGES:
            return code
    return _language.get()


@cache
def catalog(code: str) -> dict[str, str]:
    """Every translation into ``code``, merged from its JSON files (empty for English)."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES / code).glob("*.json")):
        messages.update(json.loads(path.read_text(encoding="utf-8")))
    return messages


def _lookup(code: str, key: str) -> str | None:
    return None if code == DEFAULT_LANGUAGE else catalog(code).get(key) or None


def gettext(message: str) -> str:
    """``message`` in the current language (the English itself when there is no translation)."""
    return _lookup(current_language(), message) or message


_ = gettext


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context``, for English that one word says twice.

    "Step" is both a button (单步) and a counter (步数): ``pgettext("button", "Step")``
    is looked up as ``"button|Step"`` and falls back to ``"Step"`` itself.
    """
    return _lookup(current_language(), f"{context}|{message}") or message


def N_(message: str) -> str:  # noqa: N802 - the gettext convention's name
    """Mark text for translation without translating it (for module-level constants)."""
    return message


def translated(code: str, message: str) -> str:
    """``message`` in the language ``code``, whatever the current one is."""
    return _lookup(code, message) or message
