"""Opening the app in Streamlit's AppTest, the same way for every page test."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from explorer.i18n import use_language

ROOT = Path(__file__).resolve().parent.parent


def open_app(page: str | None = None, timeout: float = 90, **state: object) -> AppTest:
    """The app after its first run (and a switch to ``page``), with ``state`` preset.

    ``state`` keys contain dots ("app.sample"), so pass them as ``**{"app.sample": "lee"}``.
    Fails the test if any run raised.
    """
    # AppTest calls widgets' format_func in the test's own thread, where no session's
    # language is known: speak the session's language there too.
    use_language(str(state.get("app.lang", "en")))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=timeout)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_link(params: dict[str, str], page: str | None = None, timeout: float = 90) -> AppTest:
    """The app opened from a link with ``params`` in its query (then switched to ``page``).

    Fails the test if any run raised.
    """
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=timeout)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
