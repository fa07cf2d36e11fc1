"""The app in a real browser: load, switch the corpus, move the window slider."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_idle


def choose_corpus(page: Page, title_part: str, caption_part: str) -> None:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    box.click()
    page.get_by_role("option", name=re.compile(re.escape(title_part))).click()
    page.locator("h1").first.click()  # leave the box: its blur would start another run
    expect(
        page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]')
    ).to_contain_text(caption_part)


def set_slider(page: Page, label: str, value: int) -> None:
    """Move a Streamlit slider to ``value`` with the keyboard, as a person would."""
    thumb = page.locator('[data-testid="stSlider"]', has_text=label).get_by_role("slider")
    wait_idle(page)
    now = int(thumb.input_value())
    thumb.focus()
    for _i in range(abs(value - now)):
        thumb.press("ArrowRight" if value > now else "ArrowLeft")
    expect(thumb).to_have_value(str(value))


def test_home_page_loads(app: Page, artifacts):
    expect(app.get_by_role("heading", name="Embedding Explorer")).to_be_visible()
    expect(app.locator('[data-testid="stSidebar"]')).to_contain_text("Corpus")
    app.screenshot(path=str(artifacts / "home.png"), full_page=True)


def test_switch_corpus_and_move_the_window(app: Page, artifacts):
    app.locator('[data-testid="stSidebarNav"] a', has_text="Corpus").click()
    expect(app.get_by_role("heading", name="Corpus")).to_be_visible()
    metric = app.locator('[data-testid="stMetric"]', has_text="Sentences")
    english_sentences = metric.locator('[data-testid="stMetricValue"]').inner_text()

    choose_corpus(app, "Chinese demo corpus", "jieba")
    expect(metric.locator('[data-testid="stMetricValue"]')).not_to_have_text(english_sentences)
    expect(app.locator('[data-testid="stPlotlyChart"] .js-plotly-plot')).to_be_visible()
    assert app.locator('[data-testid="stPlotlyChart"] g.scatterlayer path.point').count() > 50

    # The first sentence is the lesson's; its target "study" starts with window 2.
    expect(app.locator(".ctx-focus .ctx-target")).to_have_text("study")
    expect(app.locator(".ctx-focus .ctx-context")).to_have_count(4)
    context = app.locator(".ctx-focus .ctx-context")
    # (the slider starts where the page does: it once showed 1 while the page used 2)
    expect(app.locator('[data-testid="stSlider"]', has_text="Window size").get_by_role("slider")
           ).to_have_value("2")  # fmt: skip
    set_slider(app, "Window size", 1)
    expect(context).to_have_text(["to", "the"])
    set_slider(app, "Window size", 3)
    expect(context).to_have_count(6)
    app.screenshot(path=str(artifacts / "corpus.png"), full_page=True)
