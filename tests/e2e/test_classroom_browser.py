"""Classroom mode in Chromium: switching the language, the lesson from a link, the projector."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import metric, wait_for_app, wait_idle


def test_switching_the_language_keeps_the_run(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/train")
    wait_for_app(page)
    page.get_by_text("Settings", exact=True).click()
    page.get_by_text("Full softmax", exact=True).click()
    wait_idle(page)
    page.get_by_role("button", name="Step", exact=True).click()
    expect(metric(page, "Step")).to_have_text("20", timeout=30_000)
    wait_idle(page)

    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("简体中文").click()
    expect(page.get_by_role("heading", name=re.compile("实时训练"))).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name=re.compile("播放"))).to_be_visible()
    expect(sidebar.get_by_text("实时训练")).to_be_visible()  # the navigation too
    expect(metric(page, "步数")).to_have_text("20")  # same model, same step
    wait_idle(page)
    expect(page.get_by_role("radio", name="完整 softmax")).to_be_checked()
    page.screenshot(path=str(artifacts / "pages" / "train-zh.png"), full_page=True)

    sidebar.get_by_text("English").click()
    expect(page.get_by_role("heading", name=re.compile("Train live"))).to_be_visible(timeout=30_000)
    wait_idle(page)
    expect(page.get_by_role("radio", name="Full softmax")).to_be_checked()
    expect(metric(page, "Step")).to_have_text("20")


#: Runs in the page before the app: the root font size when the first heading appears.
FIRST_HEADING_SIZE = """
window.__firstHeadingSize = null;
const look = () => {
  if (document.querySelector('h1')) {
    window.__firstHeadingSize = getComputedStyle(document.documentElement).fontSize;
  } else {
    requestAnimationFrame(look);
  }
};
requestAnimationFrame(look);
"""


def test_a_lesson_link_in_chinese_on_a_projector(page: Page, app_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.add_init_script(FIRST_HEADING_SIZE)
    page.goto(f"{app_server.url}/lesson?lesson=3&app.lang=zh&app.presenter=1")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile("引导课程"))).to_be_visible()
    expect(page.get_by_text(re.compile("最后哪个词离“猫”最近"))).to_be_visible()
    expect(page.locator("html")).to_have_css("font-size", "22px")  # the larger type
    # ... from the first frame that shows text, not a moment later
    assert page.evaluate("window.__firstHeadingSize") == "22px"
    page.get_by_text("小猫", exact=True).click()
    wait_idle(page)
    page.screenshot(path=str(artifacts / "pages" / "lesson-presenter-zh.png"))

    page.get_by_role("button", name=re.compile("打开页面")).click()
    expect(page.get_by_role("heading", name=re.compile("实时训练"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text(re.compile("课程第 3 步"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("单步"))).to_be_visible()
    expect(page.get_by_text("设置", exact=True)).to_have_count(0)  # settings hidden
    wait_idle(page)
    page.screenshot(path=str(artifacts / "pages" / "train-presenter-zh.png"))

    page.get_by_text(re.compile("回去揭晓")).click()
    expect(page.get_by_role("heading", name=re.compile("引导课程"))).to_be_visible(timeout=30_000)
    page.get_by_text("👀 揭晓答案").click()
    expect(page.get_by_text(re.compile("答案：.*小猫。你猜对了"))).to_be_visible(timeout=60_000)
    assert "lesson=3" in page.url and "app.lang=zh" in page.url
