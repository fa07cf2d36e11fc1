"""The contextual page in a real browser: Play trains, bank's senses pull apart, layer 0 is one."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import metric, metric_number, wait_idle, wait_until


def test_play_splits_the_senses_of_bank(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/contextual")
    expect(page.get_by_role("heading", name=re.compile("Contextual embeddings"))).to_be_visible(
        timeout=30_000)
    expect(metric(page, "Step")).to_have_text("0")
    apart = "Senses apart (layer 2)"
    expect(metric(page, apart)).to_be_visible()
    untrained = metric_number(page, apart)
    expect(metric(page, "Held-out [MASK] accuracy")).to_have_text("–")  # nothing trained yet
    points = page.locator('[data-testid="stVegaLiteChart"]').first.locator(
        'path[role="graphics-symbol"]')
    expect(points.first).to_be_attached()

    page.get_by_role("button", name=re.compile("Play")).click()
    wait_until(lambda: metric_number(page, "Held-out [MASK] accuracy") > 0.3,
               "the masked-word accuracy did not improve while playing", timeout=90)
    # training is seeded: at the page's defaults bank passes 0.9 near step 140 (bench.mlm)
    wait_until(lambda: metric_number(page, apart) >= max(0.9, untrained + 0.05),
               "bank's senses did not separate beyond the untrained model", timeout=120)
    page.get_by_role("button", name=re.compile("Pause")).click()
    wait_idle(page)

    # Train to the end with Step x N (N = 1000 chunks): the senses stay apart at the top.
    n_box = page.locator(".st-key-ctx-n input")
    n_box.fill("1000")
    n_box.press("Enter")
    page.get_by_role("button", name=re.compile(r"^Step x 1000")).click()
    expect(page.get_by_role("button", name=re.compile("Play"))).to_be_disabled(timeout=120_000)
    wait_until(lambda: metric_number(page, apart) >= 0.9, "bank's senses are mixed after training")
    page.screenshot(path=str(artifacts / "contextual-top.png"), full_page=True)

    # Layer 0: the static embedding, every occurrence one point, exactly chance.
    slider = page.locator('[data-testid="stSlider"]', has=page.get_by_text("Layer", exact=True))
    handle = slider.get_by_role("slider")
    handle.focus()
    for _ in range(2):
        handle.press("ArrowLeft")
    expect(metric(page, "Senses apart (layer 0)")).to_have_text("0.50")
    page.screenshot(path=str(artifacts / "contextual.png"), full_page=True)
