"""Real-browser tests: the app served by `streamlit run`, driven by Playwright in Chromium.

Every test here is marked ``e2e``. Screenshots go to ``artifacts/`` (ignored by git).
"""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.server import CHROMIUM, CHROMIUM_ARGS, ROOT, StreamlitServer
from tests.e2e.helpers import wait_for_app

ARTIFACTS = ROOT / "artifacts"
# Conditions, not sleeps, decide every test; on a busy 2-core machine a cold page (jieba
# loading, a first model trained) can take several seconds, so wait up to 20 s for one.
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (or set CHROMIUM).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1400}}


@pytest.fixture(scope="session")
def app_server():
    ARTIFACTS.mkdir(exist_ok=True)
    with StreamlitServer(log_path=ARTIFACTS / "streamlit-e2e.log") as server:
        yield server


@pytest.fixture
def app(page: Page, app_server) -> Page:
    page.set_default_timeout(20_000)
    page.goto(app_server.url)
    wait_for_app(page)
    return page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
