"""A whole class at once: N sessions open the app and train at the defaults on one server.

Usage:
    python -m bench.load                     # 30 sessions, 60 s of training, then figures
    python -m bench.load --sessions 4 --seconds 10
    python -m bench.load --browser           # one of the 30 is a real Chromium

Each simulated student speaks Streamlit's own websocket protocol (the protobuf messages a
browser sends), so thirty of them fit beside the server on a 2-core machine where thirty
Chromiums would not: it opens the home page, goes to "Train live", presses Play, keeps the
page's live fragments ticking as a browser does (an automatic rerun every ``run_every``),
and every few seconds pauses and plays again. What it measures:

- **interaction latency**: from sending a rerun (open, navigate, click) to the server's
  "script finished" for that run, as a browser would see it less its own drawing time;
- **throughput**: training ticks and interactions served per second;
- **fairness**: how evenly the training steps are spread over the sessions (Jain's index,
  1 = perfectly even), and the server's CPU use;
- **errors**: exceptions drawn on a page, dropped connections, runs that never finished.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from bench.server import StreamlitServer

FINISHED = ForwardMsg.ScriptFinishedStatus
WIDGETS = ("button", "selectbox", "slider", "radio", "toggle", "checkbox", "number_input",
           "text_input", "select_slider", "multiselect")  # fmt: skip


@dataclass
class Stats:
    """What one simulated session saw."""

    latencies: list[tuple[str, float]] = field(default_factory=list)  # (kind, seconds)
    ticks: int = 0  # pictures of the model drawn (each shows a "Step" metric)
    step: int = 0  # the training step the page last showed
    trace: list[tuple[float, int]] = field(default_factory=list)  # (time, step) per picture
    errors: list[str] = field(default_factory=list)

    def step_at(self, t: float) -> int:
        """The step the page showed at time ``t`` (0 before the first picture)."""
        return next((s for when, s in reversed(self.trace) if when <= t), 0)


class Student:
    """One browser tab, played over the websocket."""

    def __init__(self, url: str, name: str, seed: int) -> None:
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.origin = url
        self.name = name
        self.random = random.Random(seed)
        self.stats = Stats()
        self.ids: dict[str, str] = {}  # widget key -> widget id
        self.page = ""
        self.page_hash = ""
        self.timers: dict[str, asyncio.Task] = {}  # fragment id -> auto-rerun task
        self.finished = asyncio.Event()
        self.run_started = False  # the full run asked for has begun

    async def run(
        self, seconds: float, every: tuple[float, float], rounds: int | None = None
    ) -> Stats:
        """Open, go to Train, Play; then pause and play again every ``every`` seconds, for
        ``seconds`` (or exactly ``rounds`` times: a count, for tests that assert no time)."""
        try:
            # a browser's own cookie, as a load balancer with sticky sessions would see it
            cookie = {"Cookie": f"explorer_replica={self.name.replace(' ', '-')}"}
            async with connect(self.ws_url, subprotocols=["streamlit"], origin=self.origin,
                               additional_headers=cookie, max_size=None,
                               open_timeout=60) as ws:  # fmt: skip
                self.ws = ws
                reader = asyncio.create_task(self._read())
                try:
                    await self._interact("open", "")
                    await self._interact("navigate", "train")
                    await self._interact("play", "train", click="train.play")
                    end = time.perf_counter() + seconds
                    done = 0
                    while done < rounds if rounds is not None else time.perf_counter() < end:
                        done += 1
                        await asyncio.sleep(self.random.uniform(*every))
                        await self._interact("pause", "train", click="train.pause")
                        await self._interact("play", "train", click="train.play")
                finally:
                    for task in self.timers.values():
                        task.cancel()
                    reader.cancel()
        except Exception as err:  # noqa: BLE001 - any failure is a figure to report
            self.stats.errors.append(f"{self.name}: {type(err).__name__}: {err}")
        return self.stats

    async def _interact(self, kind: str, page: str, click: str | None = None) -> None:
        states = []
        if click is not None:
            if click not in self.ids:
                self.stats.errors.append(f"{self.name}: no widget {click!r} on the page")
                return
            states.append({"id": self.ids[click], "trigger_value": True})
        self.finished.clear()
        self.run_started = False
        started = time.perf_counter()
        await self._send(page, states)
        try:
            await asyncio.wait_for(self.finished.wait(), timeout=60)
        except TimeoutError:
            self.stats.errors.append(f"{self.name}: {kind} did not finish within 60 s")
            return
        self.stats.latencies.append((kind, time.perf_counter() - started))

    async def _send(self, page: str, states: list[dict], fragment: str = "") -> None:
        msg = BackMsg()
        client = msg.rerun_script
        client.query_string = ""
        client.page_name = page
        client.page_script_hash = self.page_hash if page == self.page else ""
        self.page = page
        for state in states:
            w = client.widget_states.widgets.add()
            w.id = state["id"]
            w.trigger_value = state["trigger_value"]
        if fragment:
            client.fragment_id = fragment
            client.is_auto_rerun = True
        await self.ws.send(msg.SerializeToString())

    async def _auto_rerun(self, fragment: str, interval: float) -> None:
        while True:  # as the browser does: a rerun of the fragment every interval
            await asyncio.sleep(interval)
            await self._send(self.page, [], fragment)

    async def _read(self) -> None:
        async for raw in self.ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session" and not msg.metadata.run.fragment_ids:
                for task in self.timers.values():  # a full run: its fragments register again
                    task.cancel()
                self.timers.clear()
                self.run_started = True
            elif kind == "navigation":  # the page that runs: later reruns name it
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "auto_rerun":
                fid, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
                if fid not in self.timers:
                    self.timers[fid] = asyncio.create_task(self._auto_rerun(fid, interval))
            elif kind == "stop_auto_rerun":
                for fid in msg.stop_auto_rerun.fragment_ids:
                    if (task := self.timers.pop(fid, None)) is not None:
                        task.cancel()
            elif kind == "delta":
                self._read_delta(msg.delta)
            elif (
                kind == "script_finished"
                and msg.script_finished == FINISHED.FINISHED_SUCCESSFULLY
                and self.run_started
            ):
                self.finished.set()

    def _read_delta(self, delta) -> None:  # noqa: ANN001
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        which = element.WhichOneof("type")
        if which == "exception":
            self.stats.errors.append(f"{self.name}: {element.exception.message}")
        elif which == "metric" and element.metric.label == "Step":
            self.stats.step = int(element.metric.body.replace(",", "") or 0)
            self.stats.ticks += 1
            self.stats.trace.append((time.perf_counter(), self.stats.step))
        elif which in WIDGETS:
            widget_id = getattr(element, which).id
            key = widget_id.rsplit("-", 1)[-1] if widget_id.startswith("$$ID") else ""
            if key:
                self.ids[key] = widget_id


def browser_student(url: str, seconds: float, ramp: float, every: tuple[float, float]) -> list:
    """One real Chromium among the simulated students: what a person sees, drawing included.

    It arrives last, presses Play, then pauses and plays as the others do; each latency is
    from the click to the page showing the result (the timeline slider appearing on Pause,
    going on Play). Returns ``[(kind, seconds), ...]``.
    """
    from playwright.sync_api import expect, sync_playwright

    from bench.server import CHROMIUM, CHROMIUM_ARGS

    pause = random.Random(99)
    seen = []
    time.sleep(ramp)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{url}/train")
        look_back = page.get_by_text("Look back to step")
        expect(page.get_by_role("button", name="▶ Play")).to_be_visible(timeout=60_000)
        page.get_by_role("button", name="Step", exact=True).click()  # a timeline to show
        expect(look_back).to_be_visible(timeout=60_000)
        # checked on every animation frame (expect() polls at 100-1000 ms: too coarse here)
        shown = "document.body.innerText.includes('Look back to step')"
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            for kind, name, until in (("play", "▶ Play", f"!{shown}"),
                                      ("pause", "⏸ Pause", shown)):  # fmt: skip
                button = page.get_by_role("button", name=name)
                button.click(trial=True)  # wait until it can be clicked, then time the click
                started = time.perf_counter()
                button.click(force=True, no_wait_after=True)
                page.wait_for_function(f"() => {until}", polling="raf", timeout=60_000)
                seen.append((kind, time.perf_counter() - started))
                time.sleep(pause.uniform(*every) if kind == "play" else 1.0)
        browser.close()
    return seen


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else 0.0


def jain(values: list[float]) -> float:
    """Jain's fairness index: 1 when every session got the same, 1/n when one got all."""
    total = sum(values)
    return total**2 / (len(values) * sum(v * v for v in values)) if total else 0.0


async def _class(
    url: str, sessions: int, seconds: float, ramp: float, every: tuple, rounds: int | None
) -> list:
    async def student(i: int) -> Stats:
        await asyncio.sleep(ramp * i / max(1, sessions))  # students arrive over `ramp` s
        return await Student(url, f"student {i + 1}", seed=i).run(seconds, every, rounds)

    return await asyncio.gather(*(student(i) for i in range(sessions)))


def run_load(sessions: int = 30, seconds: float = 60, ramp: float = 10.0,
             every: tuple[float, float] = (5.0, 10.0), url: str | None = None,
             browser: bool = False, rounds: int | None = None) -> dict:  # fmt: skip
    """Drive ``sessions`` students against a server (a fresh local one unless ``url``).

    With ``browser``, one of them is a real Chromium (see ``browser_student``). With
    ``rounds``, each student pauses and plays exactly that many times instead of for
    ``seconds`` (the figures that describe a time window then mean little).
    """
    server = None if url else StreamlitServer().__enter__()
    try:
        target = url or server.url
        pid = server.proc.pid if server else None
        cpu0, t0 = (cpu_seconds(pid) if pid else 0.0), time.perf_counter()
        # in a thread of its own: the caller may already run an event loop (Playwright's)
        with ThreadPoolExecutor(2) as pool:
            simulated = sessions - 1 if browser else sessions
            job = pool.submit(
                asyncio.run, _class(target, simulated, seconds, ramp, every, rounds)
            )
            real = pool.submit(browser_student, target, seconds - ramp, ramp, every) if browser \
                else None  # fmt: skip
            results = job.result()
            in_browser = real.result() if real else []
        wall = time.perf_counter() - t0
        # Fairness while everyone is in: from the last arrival (plus its first clicks) on.
        begin, end = t0 + ramp + 5.0, t0 + ramp + seconds
        cpu = (cpu_seconds(pid) - cpu0) if pid else float("nan")
    finally:
        if server:
            server.stop()
    latencies = [s for r in results for _k, s in r.latencies]
    steps = [r.step_at(end) - r.step_at(begin) for r in results]
    return {
        "sessions": sessions,
        "seconds": wall,
        "errors": [e for r in results for e in r.errors],
        "interactions": len(latencies),
        "interactions_per_s": len(latencies) / wall,
        "ticks_per_s": sum(r.ticks for r in results) / wall,
        "window": end - begin,
        "p50": percentile(latencies, 50),
        "p90": percentile(latencies, 90),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "max": max(latencies, default=0.0),
        "by_kind": {
            kind: percentile([s for r in results for k, s in r.latencies if k == kind], 95)
            for kind in ("open", "navigate", "play", "pause")
        },
        "browser": [s for _k, s in in_browser],
        "last_steps": [r.step for r in results],  # the step each student's page showed last
        "steps_min": min(steps, default=0),
        "steps_median": statistics.median(steps) if steps else 0,
        "steps_max": max(steps, default=0),
        "fairness": jain([float(s) for s in steps]),
        "server_cpu": cpu / wall,
    }


def report(r: dict) -> str:
    lines = [
        f"{r['sessions']} sessions for {r['seconds']:.0f} s: {r['interactions']} interactions "
        f"({r['interactions_per_s']:.1f}/s); {r['ticks_per_s']:.1f} pictures of the model/s in "
        f"all ({r['ticks_per_s'] / r['sessions']:.2f} per session)",
        f"interaction latency: p50 {r['p50']:.3f} s, p90 {r['p90']:.3f} s, "
        f"p95 {r['p95']:.3f} s (budget 1 s), p99 {r['p99']:.3f} s, max {r['max']:.3f} s",
        "p95 by kind: " + ", ".join(f"{k} {v:.3f} s" for k, v in r["by_kind"].items()),
        f"training steps per session in the {r['window']:.0f} s everyone was in: "
        f"min {r['steps_min']:,}, median {r['steps_median']:,.0f}, max {r['steps_max']:,}; "
        f"Jain's fairness index {r['fairness']:.3f} (1 = even)",
        f"server CPU: {r['server_cpu']:.2f} cores on average (the machine has {os.cpu_count()})",
        f"errors: {len(r['errors'])}",
    ]
    if r["browser"]:
        b = r["browser"]
        lines.insert(3, f"one real Chromium among them, click to picture: p50 "
                     f"{percentile(b, 50):.3f} s, p95 {percentile(b, 95):.3f} s, "
                     f"max {max(b):.3f} s ({len(b)} clicks)")  # fmt: skip
    lines += [f"  {e}" for e in r["errors"][:10]]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--ramp", type=float, default=10, help="students arrive over this")
    parser.add_argument("--every", type=float, nargs=2, default=(5.0, 10.0),
                        help="seconds between a student's pause-and-play (uniform range)")
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--browser", action="store_true",
                        help="make one student a real Chromium (on this machine's cores too)")
    args = parser.parse_args()
    figures = run_load(args.sessions, args.seconds, args.ramp, tuple(args.every), args.url,
                       browser=args.browser)
    print(report(figures), flush=True)
