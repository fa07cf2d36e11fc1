"""A shared link in a real browser: a second visitor sees the same step and the same matrix."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_idle, wait_until


def step_value(page: Page):
    metric = page.locator('[data-testid="stMetric"]', has=page.get_by_text("Step", exact=True))
    return metric.locator('[data-testid="stMetricValue"]').first


def heatmap_cells(page: Page) -> list[str]:
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    cells = chart.locator('g.mark-rect path[role="graphics-symbol"]')
    return cells.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")


def test_a_shared_link_reproduces_the_run(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/train")
    expect(page.get_by_role("heading", name=re.compile("Train live"))).to_be_visible(timeout=30_000)
    wait_until(lambda: len(heatmap_cells(page)) == 9 * 16, "the W heatmap was not drawn")
    at_step_0 = heatmap_cells(page)
    page.get_by_role("button", name=re.compile(r"^Step x")).click()
    expect(step_value(page)).to_have_text("200", timeout=30_000)
    wait_idle(page)
    # the chart draws its new table after the script's run: wait for step 200's cells
    wait_until(lambda: heatmap_cells(page) != at_step_0, "the heatmap did not change")
    mine = heatmap_cells(page)
    page.get_by_text(re.compile("Share and")).click()
    code = page.locator('[data-testid="stCode"]', has_text="step=")
    expect(code).to_contain_text("step=200")
    link = code.inner_text().strip()

    other = page.context.new_page()
    other.set_viewport_size({"width": 1280, "height": 1400})
    other.goto(link)
    expect(step_value(other)).to_have_text("200", timeout=60_000)
    wait_idle(other)
    wait_until(lambda: heatmap_cells(other) == mine, "the link's heatmap differs", timeout=20)
    other.screenshot(path=str(artifacts / "shared-link.png"), full_page=True)
