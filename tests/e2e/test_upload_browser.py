"""Uploads in a real browser: a GB18030 Chinese text trained on; a broken file refused; old
Windows and terminal files read with notes; a long upload's progress bar and Cancel."""

import re

from playwright.sync_api import Page, expect

from bench.encoding import FIXTURES, source
from tests.e2e.helpers import wait_idle

CHINESE = "".join(
    f"{who}在{where}{what}。"
    for who in ("猫", "小猫", "狗", "小狗", "国王", "王后", "男人", "女人")
    for where in ("家里", "公园里", "王宫里", "花园里")
    for what in ("睡觉", "吃饭", "散步")
)


def open_uploads(page: Page) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_text("Your own text or vectors").click()
    expect(
        page.locator('[data-testid="stSidebar"] [data-testid="stFileUploader"]').first
    ).to_be_visible()


def upload_text(page: Page, name: str, data: bytes) -> None:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stFileUploader"]').first
    box.locator('input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": data}]
    )


def test_upload_a_gb18030_chinese_text_and_train_on_it(page: Page, app_server, artifacts, tmp_path):
    page.goto(f"{app_server.url}/corpus")
    expect(page.get_by_role("heading", name=re.compile("Corpus"))).to_be_visible(timeout=30_000)
    open_uploads(page)
    upload_text(page, "家.txt", CHINESE.encode("gb18030"))
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text("GB18030", timeout=30_000)
    expect(page.locator('[data-testid="stMetric"]', has_text="Script")).to_contain_text("Chinese")
    page.screenshot(path=str(artifacts / "upload-chinese.png"), full_page=True)

    page.locator('[data-testid="stSidebarNav"] a', has_text="Train live").click()
    expect(page.get_by_role("heading", name=re.compile("Train live"))).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Step x")).click()
    step = page.locator('[data-testid="stMetric"]', has=page.get_by_text("Step", exact=True))
    expect(step.locator('[data-testid="stMetricValue"]')).not_to_have_text("0", timeout=30_000)
    cells = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(cells).to_contain_text("小猫")  # the tracked words come from the upload
    page.screenshot(path=str(artifacts / "upload-trained.png"), full_page=True)


def test_a_broken_file_gets_a_message_and_the_work_stays(page: Page, app_server, artifacts):
    page.goto(f"{app_server.url}/train")
    expect(page.get_by_role("heading", name=re.compile("Train live"))).to_be_visible(timeout=30_000)
    page.get_by_role("button", name=re.compile(r"^Step$")).click()
    step = page.locator('[data-testid="stMetric"]', has=page.get_by_text("Step", exact=True))
    value = step.locator('[data-testid="stMetricValue"]')
    expect(value).not_to_have_text("0")
    before = value.inner_text()
    wait_idle(page)
    open_uploads(page)
    upload_text(page, "notes.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    error = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]').first
    expect(error).to_contain_text("PNG image", timeout=30_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(value).to_have_text(before)  # the model is still the one trained before
    page.screenshot(path=str(artifacts / "upload-refused.png"), full_page=True)


def _sidebar(page: Page):
    return page.locator('[data-testid="stSidebar"]')


def test_a_windows_1252_text_and_a_colourised_log_load_with_notes(page: Page, app_server,
                                                                  artifacts):  # fmt: skip
    page.goto(f"{app_server.url}/corpus")
    expect(page.get_by_role("heading", name=re.compile("Corpus"))).to_be_visible(timeout=30_000)
    open_uploads(page)
    # Saved by an old Windows editor: curly quotes, dashes, accents, the euro sign.
    upload_text(page, "lettre.txt", source("fr").encode("cp1252"))
    expect(_sidebar(page)).to_contain_text("read as Windows-1252", timeout=30_000)
    expect(_sidebar(page)).to_contain_text("a guess")
    words = page.locator('[data-testid="stMetric"]', has_text="Vocabulary")
    expect(words).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.screenshot(path=str(artifacts / "upload-cp1252.png"), full_page=True)

    log = (FIXTURES / "terminal" / "pytest_color.txt").read_bytes()
    upload_text(page, "log.txt", log)  # added to the first: the corpus is both files now
    n = log.count(b"\x1b")
    expect(_sidebar(page)).to_contain_text(f"log.txt: removed {n} terminal codes", timeout=30_000)
    expect(_sidebar(page)).to_contain_text("lettre.txt: read as Windows-1252")
    top = re.compile(r"Most frequent words: .*passed \(\d+\).*café \(\d+\)")
    expect(_sidebar(page)).to_contain_text(top)  # the words of both files
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.screenshot(path=str(artifacts / "upload-colour-log.png"), full_page=True)


def test_a_long_upload_shows_its_progress_and_can_be_cancelled(page: Page, app_server,
                                                               artifacts):  # fmt: skip
    page.goto(f"{app_server.url}/corpus")
    expect(page.get_by_role("heading", name=re.compile("Corpus"))).to_be_visible(timeout=30_000)
    script = page.locator('[data-testid="stMetric"]', has_text="Script")
    expect(script).to_contain_text("Spaced words", timeout=30_000)  # the page is drawn
    open_uploads(page)
    # 1.2 million characters of Japanese: janome needs half a minute or more for them,
    # and a cancel is honoured within one piece of 20,000 characters.
    upload_text(page, "長い.txt", (source("ja") * 6000).encode("utf-8"))
    bar = _sidebar(page).locator('[data-testid="stProgress"]')
    expect(bar).to_contain_text("Tokenizing 長い.txt", timeout=30_000)
    expect(bar).to_contain_text(re.compile(r"[1-9]\d*% done"), timeout=60_000)  # it advances
    page.screenshot(path=str(artifacts / "upload-progress.png"), full_page=True)
    _sidebar(page).get_by_role("button", name="Cancel").click()
    expect(_sidebar(page)).to_contain_text("Cancelled: 長い.txt was not loaded", timeout=30_000)
    expect(bar).to_have_count(0)
    expect(script).to_contain_text("Spaced words")  # the corpus is still the one before
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.screenshot(path=str(artifacts / "upload-cancelled.png"), full_page=True)


def test_a_long_upload_becomes_the_corpus_when_it_is_tokenized(page: Page, app_server):
    page.goto(f"{app_server.url}/corpus")
    expect(page.get_by_role("heading", name=re.compile("Corpus"))).to_be_visible(timeout=30_000)
    open_uploads(page)
    upload_text(page, "京都.txt", (source("ja") * 300).encode("shift_jis"))  # a few seconds
    script = page.locator('[data-testid="stMetric"]', has_text="Script")
    expect(script).to_contain_text("Japanese", timeout=120_000)
    expect(_sidebar(page).locator('[data-testid="stProgress"]')).to_have_count(0)
    expect(_sidebar(page)).to_contain_text("read as Shift-JIS")
