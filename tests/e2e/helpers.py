"""Helpers for the browser tests: waiting for Streamlit the way a person would."""

import time
from collections.abc import Callable

from playwright.sync_api import Error, Locator, Page, expect


def wait_for_app(page: Page) -> None:
    """Wait until the app is connected and has drawn its page."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=30_000
    )
    expect(page.locator('[data-testid="stMainBlockContainer"] h1').first).to_be_visible(
        timeout=30_000
    )


def wait_idle(page: Page) -> None:
    """Wait until the script has finished its run (not for pages with a live timer)."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000
    )


def wait_drawn(page: Page) -> None:
    """Wait until every element is drawn: no loading placeholder left, tables and charts
    with their canvas or SVG (they draw after the script's run, some from scripts the
    browser loads on first use)."""
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0)
    page.wait_for_function(
        """() => [...document.querySelectorAll(
                '[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"]')]
            .every(el => el.querySelector('canvas, svg'))""",
        timeout=30_000,
    )


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll ``condition`` (every 100 ms, reading the page anew) until it holds; fail with ``what``.

    For conditions Playwright's ``expect`` cannot say (a number passing a threshold, two
    readings compared). It waits on the condition, not on the clock: a regression still
    fails, after ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except (Error, ValueError):
            pass  # an element between two redraws: read it again
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} (waited {timeout:.0f} s)")
        time.sleep(0.1)


def metric(page: Page, label: str) -> Locator:
    """The value of the ``st.metric`` labelled ``label``."""
    box = page.locator('[data-testid="stMetric"]', has=page.get_by_text(label, exact=True))
    return box.locator('[data-testid="stMetricValue"]').first


def metric_number(page: Page, label: str) -> float:
    """That value as a number (NaN for "–", before anything was measured)."""
    text = metric(page, label).inner_text().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return float("nan")
