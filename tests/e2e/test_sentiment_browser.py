"""The sentiment classifier in a real browser: Play trains, the training accuracy rises."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import metric_number, wait_idle, wait_until


def test_play_raises_the_training_accuracy(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/sentiment")
    expect(page.get_by_role("heading", name=re.compile("Sentiment classifier"))).to_be_visible(
        timeout=30_000
    )
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    page.get_by_role("button", name=re.compile("Play")).click()
    # Training accuracy per chunk: near 0.5 at first, above 0.8 once the table has learnt.
    wait_until(lambda: metric_number(page, "Training accuracy") > 0.8,
               "the training accuracy did not rise", 60)
    page.get_by_role("button", name=re.compile("Pause")).click()
    wait_idle(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.screenshot(path=str(artifacts / "sentiment.png"), full_page=True)




def test_a_labelled_table_trains_and_a_single_label_one_is_refused(page: Page, app_server):
    page.goto(f"{app_server.url}/sentiment")
    expect(page.get_by_role("heading", name=re.compile("Sentiment classifier"))).to_be_visible(
        timeout=30_000
    )
    page.get_by_text("Your own labelled table").click()
    chooser = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    same = "".join(f"review number {i},pos\n" for i in range(20))
    chooser.set_input_files(files=[{"name": "same.csv", "mimeType": "text/csv",
                                    "buffer": ("text,label\n" + same).encode()}])  # fmt: skip
    page.get_by_role("button", name="Train on this table").click()
    expect(page.get_by_text(re.compile("has a single value"))).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    words = [("a fine warm film", "pos"), ("a dull cold film", "neg")]
    rows = "".join(f"{words[i % 2][0]} {i},{words[i % 2][1]}\n" for i in range(40))
    chooser.set_input_files(files=[{"name": "mine.csv", "mimeType": "text/csv",
                                    "buffer": ("text,label\n" + rows).encode()}])  # fmt: skip
    page.get_by_role("button", name="Train on this table").click()
    expect(page.get_by_text(re.compile("has a single value"))).to_have_count(0)
    expect(page.get_by_text(re.compile("mine.csv")).first).to_be_visible()  # the data now
    page.get_by_role("button", name=re.compile("^Step$")).click()
    wait_until(lambda: metric_number(page, "Step") > 0, "Step did not train on the uploaded table")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)

