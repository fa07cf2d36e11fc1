"""Helpers for the browser tests: waiting for Streamlit the way a person would."""

from playwright.sync_api import Page, expect


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
