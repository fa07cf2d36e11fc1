"""Start the app on a free localhost port, for browser tests and benchmarks.

Usage:
    >>> with StreamlitServer() as server:
    ...     print(server.url)  # http://127.0.0.1:PORT
    >>> count_heatmap_redraws(page); page.evaluate("window.__updates")   # in Chromium
    >>> metric_number(page, "Step")                                       # 1200

The server runs in its own process group, which is stopped (SIGTERM, then SIGKILL) on exit.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """``streamlit run streamlit_app.py`` on 127.0.0.1 and a free port."""

    def __init__(self, script: str = "streamlit_app.py", log_path: Path | None = None) -> None:
        self.script = script
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0

    def start(self) -> StreamlitServer:
        cmd = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        log = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        return self

    def wait_healthy(self, timeout: float = 60.0) -> float:
        """Poll ``/_stcore/health`` until it says ok; returns seconds since start."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc and self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        return time.perf_counter() - self.started_at
            except OSError:
                pass
            time.sleep(0.02)
        raise TimeoutError(f"streamlit did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        if not self.proc or self.proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def __enter__(self) -> StreamlitServer:
        self.start()
        try:
            self.wait_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


#: Counts redraws of the page's first heatmap (its cells' labels carry the values drawn).
_REDRAWS = """() => {
    window.__updates = 0;
    const look = () => {
        const chart = document.querySelector('[data-testid="stVegaLiteChart"]');
        const cells = chart ? chart.querySelectorAll('g.mark-rect path') : [];
        const now = Array.from(cells, c => c.getAttribute('aria-label')).join('|');
        if (now && now !== window.__last) { window.__updates++; window.__last = now; }
    };
    new MutationObserver(look).observe(document.body,
        {subtree: true, childList: true, attributes: true});
}"""


def count_heatmap_redraws(page) -> None:  # noqa: ANN001 (a Playwright page)
    """Once the first heatmap is drawn, count its redraws in ``window.__updates``."""
    page.locator('[data-testid="stVegaLiteChart"] g.mark-rect path').first.wait_for(
        state="visible", timeout=60_000
    )
    page.evaluate(_REDRAWS)


def metric_number(page, label: str) -> int:  # noqa: ANN001
    """The integer a ``st.metric`` labelled ``label`` shows (commas allowed)."""
    box = page.locator('[data-testid="stMetric"]', has=page.get_by_text(label, exact=True))
    return int(box.locator('[data-testid="stMetricValue"]').first.inner_text().replace(",", ""))
