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


def set_slider(page: Page, label: str, value: int, lo: int, hi: int, shows=None) -> None:
    """Move a Streamlit slider to ``value`` with the keyboard; wait until ``shows`` holds.

    Streamlit 1.67's slider sometimes moves its thumb without sending the new value to the
    server (seen after another widget's run: nothing goes over the websocket). A person would
    nudge it again; so does this helper, up to three times, via a neighbouring value.
    """
    thumb = page.locator('[data-testid="stSlider"]', has_text=label).get_by_role("slider")

    def move(v: int) -> None:
        wait_idle(page)
        now = int(thumb.input_value())
        thumb.focus()
        for _i in range(abs(v - now)):
            thumb.press("ArrowRight" if v > now else "ArrowLeft")
        expect(thumb).to_have_value(str(v))

    move(value)
    if shows is None:
        return
    for attempt in range(3):
        try:
            shows(3_000 if attempt == 0 else 10_000)
            return
        except AssertionError:
            print(f"slider {label!r}: value {value} was not sent; nudging it again")
            move(value + 1 if value < hi else value - 1)
            move(value)
    shows(10_000)


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
    set_slider(app, "Window size", 1, 1, 5, lambda ms: expect(context).to_have_count(2, timeout=ms))
    expect(app.locator(".ctx-focus .ctx-context")).to_have_text(["to", "the"])
    set_slider(app, "Window size", 3, 1, 5, lambda ms: expect(context).to_have_count(6, timeout=ms))
    app.screenshot(path=str(artifacts / "corpus.png"), full_page=True)
