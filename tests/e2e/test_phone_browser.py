"""The Train page on a phone (390 x 844): the player's controls in one row, the picture near.

Streamlit stacks ``st.columns`` below 640 px: Play, Pause, Step, Step x N, N and Reset used
to take a line each, and the W heatmap began about a screen and a half below the title.
"""

import re
import time

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_for_app

PHONE = {"width": 390, "height": 844}
PLAYER = ["train-play", "train-pause", "train-step", "train-stepn", "train-n", "train-reset"]
W_CELLS = '[data-testid="stVegaLiteChart"] g.mark-rect path'


def boxes(page: Page) -> dict[str, dict]:
    """Where each of the player's controls is drawn (Streamlit's ``st-key-<key>`` classes)."""
    return {k: page.locator(f".st-key-{k}").first.bounding_box() for k in PLAYER}


def until(condition, what: str, timeout: float = 20.0):  # noqa: ANN001, ANN201
    """Poll ``condition()`` until it returns something true (a layout can settle late)."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"{what}: never true within {timeout} s"
    return value


def test_the_player_is_one_row_and_the_picture_comes_soon(page: Page, app_server, artifacts):
    page.set_viewport_size(PHONE)
    page.goto(f"{app_server.url}/train")
    wait_for_app(page)
    for key in PLAYER:
        expect(page.locator(f".st-key-{key}").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Step x"))).to_be_visible()

    def one_row() -> dict | None:
        b = boxes(page)
        tops = [box["y"] for box in b.values() if box]
        fits = all(box and box["x"] + box["width"] <= PHONE["width"] for box in b.values())
        return b if len(tops) == len(PLAYER) and max(tops) - min(tops) <= 4 and fits else None

    row = until(one_row, "the six controls share one row inside 390 px")
    assert all(row[k]["height"] < 60 for k in PLAYER)  # compact: no control grew to two lines

    heatmap = page.locator(W_CELLS).first
    expect(heatmap).to_be_visible(timeout=30_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    top = until(lambda: (box := chart.bounding_box()) and box["y"], "the W heatmap is laid out")
    assert top < 2 * PHONE["height"], f"the W heatmap starts {top:.0f} px down: over 2 screens"
    (artifacts / "pages").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "pages" / "train-phone.png"))
    # the first two screens at once: the player, the metrics and the heatmap
    page.set_viewport_size({"width": PHONE["width"], "height": 2 * PHONE["height"]})
    expect(heatmap).to_be_visible()
    until(one_row, "still one row on a taller screen")
    page.screenshot(path=str(artifacts / "pages" / "train-phone-two-screens.png"))
