"""The app in a real browser: load, switch the corpus, move the window slider."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import wait_idle


def choose_corpus(page: Page, title_part: str, caption_part: str) -> None:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    box.click()
    page.get_by_role("option", name=re.compile(re.escape(title_part))).click()
    expect(
        page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]')
    ).to_contain_text(caption_part)


def set_slider(page: Page, label: str, value: int) -> None:
    """Move a Streamlit slider with the keyboard, as a keyboard user would."""
    wait_idle(page)  # a key pressed while the script still runs can be lost
    slider = page.locator('[data-testid="stSlider"]', has_text=label).get_by_role("slider")
    for _ in range(20):
        now = int(slider.input_value())
        if now == value:
            break
        slider.focus()
        slider.press("ArrowRight" if now < value else "ArrowLeft")
        expect(slider).not_to_have_value(str(now))
        wait_idle(page)
    expect(slider).to_have_value(str(value))


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
    set_slider(app, "Window size", 1)
    expect(app.locator(".ctx-focus .ctx-context")).to_have_count(2)
    expect(app.locator(".ctx-focus .ctx-context")).to_have_text(["to", "the"])
    set_slider(app, "Window size", 3)
    expect(app.locator(".ctx-focus .ctx-context")).to_have_count(6)
    app.screenshot(path=str(artifacts / "corpus.png"), full_page=True)
