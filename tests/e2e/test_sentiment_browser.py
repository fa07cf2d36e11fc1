"""The sentiment classifier in a real browser: Play trains, the training accuracy rises."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_idle, wait_until


def metric_value(page: Page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has=page.get_by_text(label, exact=True))
    return box.locator('[data-testid="stMetricValue"]').first.inner_text()


def test_play_raises_the_training_accuracy(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/sentiment")
    expect(page.get_by_role("heading", name=re.compile("Sentiment classifier"))).to_be_visible(
        timeout=30_000
    )
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    page.get_by_role("button", name=re.compile("Play")).click()
    # Training accuracy per chunk: near 0.5 at first, above 0.8 once the table has learnt.
    wait_until(lambda: _accuracy(page) > 0.8, "the training accuracy did not rise", 60)
    page.get_by_role("button", name=re.compile("Pause")).click()
    wait_idle(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.screenshot(path=str(artifacts / "sentiment.png"), full_page=True)


def _accuracy(page: Page) -> float:
    try:
        return float(metric_value(page, "Training accuracy"))
    except (ValueError, TimeoutError):
        return 0.0
