"""Start-up budget: from `streamlit run` to the first page drawn in a real browser.

Usage:
    python -m bench.startup [--runs 5]

Prints, per run and as a median: seconds until the server answers its health check,
seconds until the browser shows the home page's heading (both from the moment the
`streamlit run` process starts), and the server's resident memory (the whole process
tree) with one session open. Budget (issue 2): first page within 1.5 s, at most 250 MB.
For reference it also times a bare one-line Streamlit page in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.server import CHROMIUM, CHROMIUM_ARGS, ROOT, StreamlitServer


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    pids, total = [pid], 0
    while pids:
        p = pids.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss = next(line for line in status.splitlines() if line.startswith("VmRSS"))
            total += int(rss.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                pids.extend(int(c) for c in children)
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total / 1024


def one_run(browser, script: str, heading: str) -> tuple[float, float, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    server = StreamlitServer(script=script).start()
    try:
        health = server.wait_healthy()
        page.goto(server.url)
        page.get_by_role("heading", name=heading).wait_for(state="visible", timeout=30_000)
        drawn = time.perf_counter() - server.started_at
        time.sleep(1.0)  # let the session settle before reading memory
        rss = tree_rss_mb(server.proc.pid)
        return health, drawn, rss
    finally:
        page.close()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        bare = Path(tmp) / "bare_page.py"
        bare.write_text('import streamlit as st\nst.title("Bare page")\n')
        bare_script = str(bare.relative_to(ROOT))
        results: dict[str, list[tuple[float, float, float]]] = {"app": [], "bare": []}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            one_run(browser, "streamlit_app.py", "Embedding Explorer")  # warm the disk cache
            for _ in range(args.runs):
                results["app"].append(one_run(browser, "streamlit_app.py", "Embedding Explorer"))
                results["bare"].append(one_run(browser, bare_script, "Bare page"))
            browser.close()
    print(f"{'':<22}{'health (s)':>12}{'first page (s)':>16}{'RSS (MB)':>10}")
    for name, runs in results.items():
        h, d, m = (statistics.median(x) for x in zip(*runs, strict=True))
        label = "Embedding Explorer" if name == "app" else "bare Streamlit page"
        print(f"{label:<22}{h:>12.2f}{d:>16.2f}{m:>10.0f}")
    app = [statistics.median(x) for x in zip(*results["app"], strict=True)]
    print(
        f"budget: first page <= 1.5 s: {'met' if app[1] <= 1.5 else 'MISSED'}; "
        f"RSS <= 250 MB: {'met' if app[2] <= 250 else 'MISSED'} (medians of {args.runs} runs)"
    )


if __name__ == "__main__":
    main()
