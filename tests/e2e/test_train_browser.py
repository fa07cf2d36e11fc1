"""Live training in a real browser: Play moves the step, the matrix and the loss; Pause stops."""

import re

from playwright.sync_api import Page, expect

from bench.server import StreamlitServer
from tests.e2e.helpers import metric, wait_idle, wait_until


def step(page: Page) -> int:
    return int(metric(page, "Step").inner_text().replace(",", ""))


def loss(page: Page) -> float:
    text = metric(page, "Loss (last chunk)").inner_text()
    return float("inf") if text == "–" else float(text)


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
    expect(metric(page, "Step")).to_have_text("0")
    before = heatmap_cells(page)
    assert len(before) == 9 * 16  # the tracked words' rows, 16 dimensions each

    page.get_by_role("button", name=re.compile("Play")).click()
    # Playing: the step passes 200 (10 ticks of 20 batches), the cells and the loss move.
    wait_until(lambda: step(page) >= 200, "Play did not train 200 steps")
    wait_until(lambda: heatmap_cells(page) != before, "the heatmap did not change")
    loss_early = loss(page)
    wait_until(lambda: loss(page) < loss_early, "the loss did not fall while playing")

    page.get_by_role("button", name=re.compile("Pause")).click()
    # Paused: the page offers the timeline, which it draws only when nothing plays; from
    # then on no timer is left to move the counter.
    expect(page.get_by_text("Look back to step")).to_be_visible()
    wait_idle(page)
    paused_at = step(page)
    page.wait_for_timeout(1500)  # a tick is 80 ms: enough for many, were one still running
    assert step(page) == paused_at, "the counter kept moving after Pause"
    page.screenshot(path=str(artifacts / "train.png"), full_page=True)
