"""The projection explorer in a real browser: the example clusters first, then a click."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_idle

LABELS = '[data-testid="stPlotlyChart"] g.textpoint text'


def open_projections(page: Page, url: str) -> None:
    page.goto(f"{url}/projections")
    expect(page.get_by_role("heading", name=re.compile("Projection explorer"))).to_be_visible(
        timeout=30_000
    )
    wait_idle(page)


def label(page: Page, word: str):  # noqa: ANN201 (a Locator)
    return page.locator(LABELS, has_text=re.compile(f"^{re.escape(word)}$"))


def test_the_map_opens_on_the_example_clusters(page: Page, app_server, artifacts):
    open_projections(page, app_server.url)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator("g.scatterlayer path.point").first).to_be_visible(timeout=30_000)
    for word in ("cat", "kitten", "dog", "puppy", "king", "queen", "man", "woman"):
        expect(label(page, word)).to_have_count(1)  # labelled at once, nothing to type
    for group in ("animals", "royalty", "people"):  # coloured by group, named in the legend
        expect(chart.locator("g.legend text.legendtext", has_text=group)).to_be_visible()
    for word in ("the", "of", "in", "is", "to", "and"):  # function words stay unlabelled
        expect(label(page, word)).to_have_count(0)
    wait_idle(page)
    (artifacts / "pages").mkdir(exist_ok=True)
    chart.screenshot(path=str(artifacts / "pages" / "projections-default.png"))


def test_click_a_point_and_see_its_neighbours(page: Page, app_server, artifacts):
    open_projections(page, app_server.url)
    chart = page.locator('[data-testid="stPlotlyChart"]')
    points = chart.locator("g.scatterlayer path.point")
    expect(points.first).to_be_visible(timeout=30_000)
    assert points.count() >= 300
    # the labelled point "cat" (an example word), clicked like a person would
    cat = label(page, "cat").first
    expect(cat).to_be_visible()
    box = cat.bounding_box()
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
