"""The recommender in a real browser: Play trains until test RMSE beats the item-mean
baseline; a ratings upload trains; a bad one leaves the model as it was."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import metric, metric_number, wait_until

CELLS = '[data-testid="stVegaLiteChart"] g.mark-rect path[role="graphics-symbol"]'






def test_play_beats_the_item_mean_baseline(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/recommender")
    expect(page.get_by_role("heading", name=re.compile("Recommender"))).to_be_visible(
        timeout=30_000
    )
    expect(metric(page, "Step")).to_have_text("0")
    expect(page.locator(CELLS).first).to_be_visible()
    baseline = metric_number(page, "Item-mean baseline")
    page.get_by_role("button", name=re.compile("Play")).click()
    wait_until(lambda: metric_number(page, "Test RMSE") < baseline,
               "test RMSE stayed above the baseline")
    page.get_by_role("button", name=re.compile("Pause")).click()
    expect(page.get_by_text("Look back to step")).to_be_visible()
    expect(page.get_by_text('Model: "model"')).to_be_visible()
    page.screenshot(path=str(artifacts / "recommender.png"), full_page=True)


def test_a_ratings_upload_trains_and_a_bad_one_is_refused(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/recommender")
    expect(page.get_by_role("heading", name=re.compile("Recommender"))).to_be_visible(
        timeout=30_000
    )
    page.get_by_text("Data and settings").click()
    chooser = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    chooser.set_input_files(files=[{"name": "bad.csv", "mimeType": "text/csv",
                                    "buffer": b"who,what\nann,tea\n"}])  # fmt: skip
    expect(page.get_by_text(re.compile("no user column"))).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    rows = "".join(f"u{i % 7},i{i % 5},{1 + (i * 3) % 5}\n" for i in range(60))
    chooser.set_input_files(files=[{"name": "mine.csv", "mimeType": "text/csv",
                                    "buffer": ("user,item,rating\n" + rows).encode()}])  # fmt: skip
    expect(page.get_by_text("Your ratings (mine.csv)")).to_be_visible()
    expect(page.get_by_text(re.compile("no user column"))).to_have_count(0)
    page.get_by_role("button", name=re.compile("Step")).first.click()
    wait_until(lambda: metric_number(page, "Step") > 0, "Step did not train on the upload")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.screenshot(path=str(artifacts / "recommender-upload.png"), full_page=True)
