"""Live training page speed: server time and bytes per tick, chart updates per second.

Usage:
    python -m bench.live [--seconds 10]

Two measurements at the page's defaults on the English sample:
1. In this process, the work of one tick as the page does it (a chunk of training, the
   figures, Streamlit's JSON encoding of each chart): median milliseconds and bytes.
2. In a real browser (Chromium) against `streamlit run`: press Play for N seconds and count
   how often the W heatmap is redrawn (a MutationObserver on its image), the steps trained,
   the bytes the server sent over the websocket, and the server time per tick that the page
   itself reports. Budgets (issue 4): >= 10 updates/s, <= 50 ms server work per tick (median).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

import numpy as np


def in_process(ticks: int = 60) -> dict[str, float]:
    import json

    from explorer.charts.training import loss_figure, map_figure, matrix_heatmap, rank_figure
    from explorer.models.word2vec.trainer import Word2VecConfig
    from explorer.player.word2vec import ANALOGY_RANK, Analogy, word2vec_run
    from explorer.text.samples import get_sample, load_sample_text
    from explorer.text.tokenize import tokenize

    sample = get_sample("english")
    run = word2vec_run(
        tokenize(load_sample_text("english")),
        Word2VecConfig(),
        sample.track,
        Analogy(*sample.analogy),
    )
    chunk = 20
    for _ in range(20):
        run.tick(chunk)
    train_ms, draw_ms, sizes = [], [], []
    for _ in range(ticks):
        t0 = time.perf_counter()
        run.tick(chunk)
        t1 = time.perf_counter()
        ids = run.track_ids()
        figs = [
            matrix_heatmap(run.state.W[ids], run.track, None, "W"),
            matrix_heatmap(run.state.W_out[ids], run.track, None, "W_out"),
            loss_figure(run.steps, run.losses),
            map_figure(run.map_xy, run.track, list(run.trails)),
            rank_figure(*run.series(ANALOGY_RANK), "rank"),
        ]
        run.vectors().most_similar(run.track[0], topn=8)
        specs = [json.dumps(f) for f in figs]  # what st.vega_lite_chart sends of each
        t2 = time.perf_counter()
        train_ms.append(1000 * (t1 - t0))
        draw_ms.append(1000 * (t2 - t1))
        sizes.append(sum(len(s) for s in specs))
    # When does the demo show what it promises? Train a fresh run to the end, chunk by chunk.
    run.reset()
    firsts: dict[str, int] = {}
    while not run.finished:
        run.tick(100)
        wv = run.vectors()
        checks = {
            "cat -> kitten": wv.most_similar("cat", topn=1)[0][0] == "kitten",
            "dog -> puppy": wv.most_similar("dog", topn=1)[0][0] == "puppy",
            "king - man + woman -> queen": wv.analogy("king", "man", "woman", topn=1)[0][0]
            == "queen",
        }
        for name, ok in checks.items():
            if ok:
                firsts.setdefault(name, run.step)
            else:
                firsts.pop(name, None)  # count from when it holds for good
    return {
        "firsts": firsts,
        "total_steps": run.step,
        "train_ms": statistics.median(train_ms),
        "draw_ms": statistics.median(draw_ms),
        "chart_bytes": statistics.median(sizes),
    }


def in_browser(seconds: float) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from bench.server import (
        CHROMIUM,
        CHROMIUM_ARGS,
        StreamlitServer,
        count_heatmap_redraws,
        metric_number,
    )

    received = {"bytes": 0, "frames": 0, "on": False}

    def on_ws(ws) -> None:
        def count(payload) -> None:
            if received["on"]:
                received["bytes"] += len(payload)
                received["frames"] += 1

        ws.on("framereceived", count)

    with StreamlitServer() as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.on("websocket", on_ws)
        page.goto(f"{server.url}/train")
        count_heatmap_redraws(page)  # W is the page's first heatmap

        def step() -> int:
            return metric_number(page, "Step")

        page.get_by_role("button", name=re.compile("Play")).click()
        page.wait_for_timeout(1000)  # past the first full rerun
        received["on"] = True
        start_updates, start_step, t0 = (
            page.evaluate("window.__updates"),
            step(),
            time.perf_counter(),
        )
        page.wait_for_timeout(seconds * 1000)
        updates, end_step, elapsed = (
            page.evaluate("window.__updates"),
            step(),
            time.perf_counter() - t0,
        )
        received["on"] = False
        page.get_by_role("button", name=re.compile("Pause")).click()
        caption = page.get_by_text(re.compile("Server time per tick")).first.inner_text()
        browser.close()
    server_ms = float(re.search(r"(\d+) ms", caption).group(1))
    ticks = max((end_step - start_step) / 20, 1)
    return {
        "updates_per_s": (updates - start_updates) / elapsed,
        "steps_per_s": (end_step - start_step) / elapsed,
        "ticks_per_s": ticks / elapsed,
        "bytes_per_tick": received["bytes"] / ticks,
        "server_ms": server_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    a = in_process()
    print("In process, one tick at the defaults (English sample, 20 batches of 32):")
    print(
        f"  training {a['train_ms']:.1f} ms + figures and JSON {a['draw_ms']:.1f} ms; "
        f"chart specs {a['chart_bytes'] / 1024:.1f} kB"
    )
    b = in_browser(args.seconds)
    print(f"In Chromium, {args.seconds:.0f} s of Play:")
    print(
        f"  W heatmap redrawn {b['updates_per_s']:.1f} times/s (budget >= 10); "
        f"{b['ticks_per_s']:.1f} ticks/s, {b['steps_per_s']:.0f} batches/s"
    )
    print(
        f"  server time per tick (median, as the page measures it): {b['server_ms']:.0f} ms "
        f"(budget <= 50)"
    )
    print(f"  websocket bytes per tick: {b['bytes_per_tick'] / 1024:.1f} kB")
    rate = b["steps_per_s"]
    print(
        f"At that rate ({rate:.0f} batches/s), the defaults train all {a['total_steps']:,} "
        f"batches in {a['total_steps'] / rate:.0f} s, and from then on:"
    )
    for name, step in a["firsts"].items():
        print(f"  {name:<30} from step {step:>6,} (after {step / rate:4.1f} s of Play)")
    _ = np  # numpy is imported for the figures' sake in the same interpreter


if __name__ == "__main__":
    main()
