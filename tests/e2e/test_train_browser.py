"""Live training in a real browser: Play moves the step, the matrix and the loss; Pause stops."""

import re
import time

from playwright.sync_api import Page, expect

from bench.server import StreamlitServer


def metric_value(page: Page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]', has=page.get_by_text(label, exact=True))
    return metric.locator('[data-testid="stMetricValue"]').first.inner_text()


def step(page: Page) -> int:
    return int(metric_value(page, "Step").replace(",", ""))


W_CELLS = '[data-testid="stVegaLiteChart"] g.mark-rect path'


def heatmap_cells(page: Page) -> list[str]:
    """The first W heatmap's cells as drawn (Vega's SVG: one path a cell, value in its label)."""
    cells = page.locator('[data-testid="stVegaLiteChart"]').first.locator(
        'g.mark-rect path[role="graphics-symbol"]'
    )
    return cells.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")


def test_play_trains_and_pause_stops(page: Page, artifacts):
    # A fresh server, and its first visitor lands straight on /train (not the home page).
    with StreamlitServer() as server:
        page.goto(f"{server.url}/train")
        _play_and_pause(page, artifacts)


def _play_and_pause(page: Page, artifacts) -> None:
    expect(page.get_by_role("heading", name=re.compile("Train live"))).to_be_visible(timeout=30_000)
    expect(page.locator(W_CELLS).first).to_be_visible()
    # Run through the app's navigation: its sidebar (corpus picker, page links) is there.
    expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text("Train live")
    expect(page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')).to_be_visible()
    assert step(page) == 0
    before = heatmap_cells(page)
    assert len(before) == 9 * 16  # the tracked words' rows, 16 dimensions each

    page.get_by_role("button", name=re.compile("Play")).click()
    deadline = time.monotonic() + 10
    while step(page) < 200 and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert step(page) > 0, "Play did not advance the Step metric within 10 s"
    assert heatmap_cells(page) != before, "the heatmap did not change"
    loss_early = float(metric_value(page, "Loss (last chunk)"))
    page.wait_for_timeout(2000)
    loss_later = float(metric_value(page, "Loss (last chunk)"))
    assert loss_later < loss_early

    page.get_by_role("button", name=re.compile("Pause")).click()
    page.wait_for_timeout(1000)
    paused_at = step(page)
    page.wait_for_timeout(1500)
    assert step(page) == paused_at, "the counter kept moving after Pause"
    page.screenshot(path=str(artifacts / "train.png"), full_page=True)
