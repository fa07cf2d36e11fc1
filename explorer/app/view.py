"""How the app looks to this session: the language, the presenter view, the page's style.

Usage (first lines of a page):
    >>> from explorer.app import view
    >>> view.page_setup()
    >>> if view.show_advanced(): ...  # False in the presenter view until asked

Importing this module makes :mod:`explorer.i18n` read each session's own language.
"""

from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.app.state import (
    ADVANCED_KEY,
    KEEP,
    LANG_KEY,
    PRESENTER_GATE,
    PRESENTER_KEY,
)
from explorer.i18n import LANGUAGES, _


def _session_language() -> str | None:
    # Where explorer.i18n reads the language from: this session's choice (None outside a
    # script run, e.g. in a background thread, which then speaks English).
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANG_KEY)


i18n.set_language_source(_session_language)


def _keep_choices() -> None:
    # A choice widget (radio, selectbox) tells the server which *label* is chosen; after a
    # language switch the browser still sends the old language's label, which matches no
    # option, and the choice (the model's settings with it) would fall back to the default.
    # Read every value now, while the old labels still decode, and set it again: the
    # browser then shows it under its new label. The session holds values, not labels
    # ("hs", 0 or 1), so setting them again changes nothing else.
    # (Only text and whole numbers, the values of the choices this app translates; True
    # and False are buttons' and toggles', uploads are files: those may not all be set.)
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        if key != LANG_KEY and isinstance(value, str | int) and not isinstance(value, bool):
            st.session_state[key] = value


def presenter() -> bool:
    """Whether this session is in the presenter view (a projector at the back of a room)."""
    return bool(st.session_state.get(PRESENTER_KEY))


def show_advanced() -> bool:
    """Whether to draw advanced controls: always, except in the presenter view until asked."""
    return not presenter() or bool(st.session_state.get(ADVANCED_KEY))


#: The presenter view's type: Streamlit sizes its text in rem, so a larger root size
#: scales every heading, label and table; the main column uses the whole 1280 px width.
PRESENTER_CSS = """<style>
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding: 1.5rem 2rem 3rem; max-width: 100%; }
[data-testid="stSidebar"] { min-width: 15rem; }
[data-testid="stCaptionContainer"] { font-size: 0.95rem; }
</style>"""


#: Every run draws a style, presenter view or not: the browser loads Streamlit's HTML
#: renderer (a script of its own) with the first page, so the presenter view's type
#: applies at once when it is switched on.
PLAIN_CSS = "<style>/* no rules: this loads the renderer */</style>"
#: A presenter link opened in a new tab: the browser may not have the HTML renderer yet,
#: and the page's text would show at the normal size until it arrives (0.1-1.5 s, measured
#: in Chromium). The style comes alone first; its own script then presses "continue"
#: (which a person can press too), and the page is drawn with the type already large.
_GATE_SCRIPT = """<script>
const go = () => {
  const button = window.parent.document.querySelector('.st-key-presenter_go button');
  if (button) { button.click(); } else { setTimeout(go, 30); }
};
go();
</script>"""


def presenter_opening() -> bool:
    """Whether this run only brings the presenter view's style (the page comes next)."""
    return presenter() and bool(st.session_state.get(PRESENTER_GATE))


def page_style() -> None:
    """The page's style, first in every run: the presenter view's larger type.

    Stops the run after the style when a presenter link has just opened (see above).
    """
    if not presenter():
        st.html(PLAIN_CSS)
        return
    if not presenter_opening():
        st.html(PRESENTER_CSS)
        return
    st.html(PRESENTER_CSS + _GATE_SCRIPT, unsafe_allow_javascript=True)
    st.button(_("📽️ Open the presenter view"), key="presenter_go",
              on_click=lambda: st.session_state.pop(PRESENTER_GATE, None),
              help=_("Opens by itself in a moment; press it if it does not."))  # fmt: skip
    st.stop()


def view_options() -> None:
    """The sidebar's top: the interface language and the presenter view."""
    with st.sidebar:
        st.radio(
            _("🌐 Language · 语言"), list(LANGUAGES), format_func=LANGUAGES.get, key=LANG_KEY,
            horizontal=True, help=_("The language of every page; part of a shared link."),
            on_change=_keep_choices, persist_state=KEEP,
        )  # fmt: skip
        st.toggle(_("📽️ Presenter view"), key=PRESENTER_KEY, persist_state=KEEP,
                  help=_("Larger type for a projector; advanced controls hidden."))  # fmt: skip
        if presenter():
            st.toggle(
                _("Show advanced controls"), key=ADVANCED_KEY, persist_state=KEEP,
                help=_("Settings, exports and details the presenter view hides."),
            )  # fmt: skip


#: A row of buttons on a phone: Streamlit's buttons keep 0.75 rem of padding on each side,
#: which puts the player's six controls just past a 390 px screen; a little less fits them.
COMPACT_ROW_CSS = """<style>@media (max-width: 640px) {
  .st-key-%s button { padding-left: 0.3rem; padding-right: 0.3rem; }
}</style>"""


def toolbar(key: str):  # noqa: ANN201 (a Streamlit container)
    """A row of controls that stays one row on a phone, where ``st.columns`` would stack.

    Streamlit's horizontal container, without wrapping (should the row not fit, it scrolls
    sideways), and slightly narrower buttons on small screens: a CSS rule scoped to the
    container's documented class (``st-key-<key>``).
    """
    st.html(COMPACT_ROW_CSS % key.replace(".", "-"))
    return st.container(
        key=key, horizontal=True, gap="xxsmall", vertical_alignment="center", wrap=False
    )


def page_setup() -> None:
    """Call first in every page: makes sure the page runs inside the app's navigation.

    Until the app's own ``st.navigation`` has run once in a server, Streamlit treats the
    ``pages/`` folder the old way and runs a page file alone: a first visitor who lands on
    ``/train`` would get that page without the app's sidebar, layout and settings. Leave that
    mode (exactly what ``st.navigation`` does) and run again, through ``streamlit_app.py``.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
