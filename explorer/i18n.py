"""Interface language: English source text, translated at display time (gettext style).

Usage:
    >>> from explorer.i18n import _, use_language
    >>> use_language("zh")
    >>> _("Train live")
    '实时训练'
    >>> _("epoch {epoch}/{epochs}").format(epoch=2, epochs=5)
    '第 2/5 轮'
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

Translation happens at the edge. Below ``lessons``/``charts`` (``jobs``, ``text``, ``models``,
``maps``, ``io``) the library never calls ``_``: it returns plain data or :class:`Message`
objects (made with ``M_``), and raises exceptions that hold one, because its results are
cached and shared between sessions and may be computed in a background thread. A message is
translated when the app shows it, ``str(message)`` (``str(error)`` for an exception):

    >>> note = M_("{n:,} words", n=1200)   # computed once, cached, shared
    >>> str(note)
    '1,200 words'
    >>> use_language("zh")
    >>> str(note)
    '1,200 个词'
    >>> use_language("en")

Fields may hold messages themselves (translated with the outer one), a :class:`Joined`
list of them or a :class:`Lowered` one. ``M_("...")`` marks its text like ``_("...")``:
``tests/test_i18n.py`` checks it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).resolve().parent / "locales"
#: The interface languages, by code, each named in its own language.
LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"

_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)
_forced: ContextVar[str | None] = ContextVar("forced_language", default=None)  # in_language
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
    if (forced := _forced.get()) is not None:
        return forced
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


class Lazy:
    """Text that is translated when shown: ``str(value)`` (a message, joined ones, ...)."""

    __slots__ = ()


@dataclass(frozen=True)
class Message(Lazy):
    """Text to translate when it is shown: a message id, its ``{fields}`` and an optional context.

    ``str(message)`` is the text in the current language, its fields filled in (a field that
    is :class:`Lazy`, a message, is translated too). Two messages are equal when their
    ids, contexts and fields are. Make one with :func:`M_` (or :func:`pM_` with a context).

    >>> str(M_("{n:,} words", n=1200))
    '1,200 words'
    """

    msgid: str
    fields: tuple[tuple[str, Any], ...] = ()
    context: str | None = None

    def __str__(self) -> str:
        text = pgettext(self.context, self.msgid) if self.context else gettext(self.msgid)
        if not self.fields:
            return text
        return text.format(**{key: shown(value) for key, value in self.fields})

    def __hash__(self) -> int:  # fields may hold lists: hash what always hashes
        return hash((self.msgid, self.context, tuple(key for key, _v in self.fields)))

    def __repr__(self) -> str:
        fields = "".join(f", {key}={value!r}" for key, value in self.fields)
        return f"M_({self.msgid!r}{fields})"

    def format(self, **fields: Any) -> Message:
        """The same message with more fields (like ``str.format``, but still untranslated)."""
        return Message(self.msgid, _sorted({**dict(self.fields), **fields}), self.context)

    def in_language(self, code: str) -> str:
        """The text in the language ``code``, whatever the current one is."""
        token = _forced.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)
        try:
            return str(self)
        finally:
            _forced.reset(token)


@dataclass(frozen=True)
class Joined(Lazy):
    """Messages (or plain strings) joined by ``separator`` when shown.

    >>> str(Joined(", ", (M_("root"), "cat")))
    'root, cat'
    """

    separator: str
    items: tuple[Any, ...]

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)


@dataclass(frozen=True)
class Lowered(Lazy):
    """A message shown with a small first letter, to go inside a sentence ("name: problem").

    >>> str(Lowered(M_("The file is empty.")))
    'the file is empty.'
    """

    message: Any

    def __str__(self) -> str:
        text = str(self.message)
        return text[:1].lower() + text[1:]


def M_(msgid: str, **fields: Any) -> Message:  # noqa: N802 - like ``_`` and ``N_``
    """A message translated when shown (``str``); ``fields`` fill its ``{placeholders}``."""
    return Message(msgid, _sorted(fields))


def pM_(context: str, msgid: str, **fields: Any) -> Message:  # noqa: N802
    """:func:`M_` with a context, like :func:`pgettext`."""
    return Message(msgid, _sorted(fields), context)


def _sorted(fields: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    # One order for the same fields, however they were given: equal messages compare equal.
    return tuple(sorted(fields.items(), key=lambda item: item[0]))


def shown(value: Any) -> Any:
    """``value`` as the user sees it: messages translated (``str``), anything else as it is."""
    return str(value) if isinstance(value, Lazy) else value


def message_of(error: BaseException) -> Lazy | str:
    """What ``error`` says, still untranslated if it holds a message (to build a larger one).

    >>> message_of(ValueError(M_("the file is empty")))
    M_('the file is empty')
    """
    args = error.args
    return args[0] if len(args) == 1 and isinstance(args[0], Lazy) else str(error)
