"""The projection explorer in a real browser: click a point, see its neighbours listed."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_idle


def test_click_a_point_and_see_its_neighbours(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/projections")
    expect(page.get_by_role("heading", name=re.compile("Projection explorer"))).to_be_visible(
        timeout=30_000
    )
    wait_idle(page)
    chart = page.locator('[data-testid="stPlotlyChart"]')
    points = chart.locator("g.scatterlayer path.point")
    expect(points.first).to_be_visible(timeout=30_000)
    assert points.count() >= 300
    # the labelled point "cat" (among the top words), clicked like a person would
    label = chart.locator("g.textpoint text", has_text=re.compile(r"^cat$")).first
    expect(label).to_be_visible()
    box = label.bounding_box()
    # the marker sits just under its label (textposition "top center")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] + 6)
    listed = page.get_by_text(re.compile(r"Nearest to \S+ in all"))
    expect(listed).to_be_visible(timeout=15_000)
    wait_idle(page)
    page.screenshot(path=str(artifacts / "projections.png"), full_page=True)
    text = listed.inner_text()
    chosen = re.search(r"Nearest to (\S+)", text).group(1)
    if chosen == "cat":
        expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
