"""Every page opens in a real browser without an error, and leaves a screenshot to look at."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_drawn, wait_idle

# url path -> a heading the page must show
PAGES = {
    "": "Embedding Explorer",
    "corpus": "Corpus",
    "embedding-layer": "The embedding layer",
    "keras-embedding": "Keras's Embedding layer",
    "sentiment": "Sentiment classifier",
    "similarity": "Similarity and analogies",
    "cbow-vs-skipgram": "CBOW vs skip-gram",
    "train": "Train live",
    "negative-sampling": "Speed-ups: negative sampling and hierarchical softmax",
    "beyond-words": "Beyond words",
    "projections": "Projection explorer",
    "recommender": "Recommender",
    "contextual": "Contextual embeddings",
}


@pytest.mark.parametrize("path", list(PAGES))
def test_page_opens_without_an_error(page: Page, app_server, artifacts, path):
    page.goto(f"{app_server.url}/{path}")
    expect(page.get_by_role("heading", name=re.compile(PAGES[path])).first).to_be_visible(
        timeout=30_000
    )
    wait_idle(page)
    wait_drawn(page)  # so that the screenshot shows the page, not its placeholders
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    (artifacts / "pages").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "pages" / f"{path or 'home'}.png"), full_page=True)
