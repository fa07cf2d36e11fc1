"""Maps of word vectors: our PCA and t-SNE against scikit-learn's, speed and quality.

Usage (from the repository root):
    python -m bench.projection            # 3 repeats, 10,000 points once (about 3 minutes)
    python -m bench.projection --quick    # 1 repeat, no 10,000-point t-SNE

Points are real word vectors: gensim's Word2Vec trained on its test corpus
``lee_background.cor`` (min_count 1, seed 0, one worker; 10,781 words), the first N words
of its vocabulary (the most frequent). t-SNE maps the 50-dimensional vectors; PCA the
300-dimensional ones trained on the same corpus.

- Ours: ``explorer.maps.tsne.tsne`` with its defaults: exact gradients, PCA init, perplexity 30,
  learning rate "auto" (N/48 while exaggerating, then N/4), 250 + 250 iterations.
- scikit-learn: ``TSNE(random_state=0)``, its defaults: Barnes-Hut (angle 0.5), PCA init,
  perplexity 30, learning rate N/48, 250 + 750 iterations.

Quality: trustworthiness with k = 10 (``explorer.maps.quality``, which equals
``sklearn.manifold.trustworthiness``) and kNN preservation (k = 10), of the last run. Times:
the median of the repeats (min-max beside it), ours and scikit-learn's alternating so that
load changes hit both; imports are warmed up first. The machine is shared: the load average
is printed at the start and the end.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time

BUDGETS = {"pca": 0.050, 1000: 1.0, 3000: 3.0}


def _vectors(vector_size: int):
    import gensim
    from gensim.models import Word2Vec

    logging.getLogger("gensim").setLevel(logging.WARNING)
    path = os.path.join(os.path.dirname(gensim.__file__), "test", "test_data", "lee_background.cor")
    with open(path, encoding="utf-8") as f:
        sentences = [line.split() for line in f]
    model = Word2Vec(sentences, vector_size=vector_size, min_count=1, seed=0, workers=1)
    return model.wv.vectors


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, out


def _row(what: str, n: int, seconds: list[float], quality=None, budget: float | None = None):
    med = statistics.median(seconds)
    scale, unit = (1000, "ms") if med < 0.5 else (1, "s")
    shown = f"{med * scale:8.{1 if scale > 1 else 2}f} {unit}"
    low, high = min(seconds) * scale, max(seconds) * scale
    spread = f"({low:.3g}-{high:.3g} {unit})" if len(seconds) > 1 else ""
    trust, kept = ("", "") if quality is None else (f"{quality[0]:.4f}", f"{quality[1]:.3f}")
    if budget is None:
        verdict = ""
    else:
        limit = f"{budget * 1000:.0f} ms" if budget < 0.5 else f"{budget:.0f} s"
        status = "ok" if med <= budget else f"over by {med / budget - 1:.0%}"
        verdict = f"<= {limit}: {status}"
    print(f"{what:34s}{n:>7,d}{shown:>12s} {spread:19s}{trust:>8s}{kept:>8s}   {verdict}".rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 repeat, no 10,000 points")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else args.repeats

    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE

    from explorer.maps.pca import pca
    from explorer.maps.quality import map_quality
    from explorer.maps.tsne import tsne

    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}")
    X300 = _vectors(300)[:10_000]
    X50 = _vectors(50)
    print(f"vectors: Word2Vec on lee_background.cor, {len(X50):,} words; repeats: {repeats}")
    tsne(X50[:200], n_iter=20)  # warm up imports (scikit-learn, scipy) for both sides
    TSNE(max_iter=250, random_state=0).fit_transform(X50[:200])

    print()
    head = f"{'what':34s}{'points':>7s}{'time':>12s} {'(min-max)':19s}{'trust':>8s}{'kNN':>8s}"
    print(head + "   budget")
    pca_times = [_timed(pca, X300, 2)[0] for _ in range(max(repeats, 5))]
    _row("PCA 10,000 x 300, ours", 10_000, pca_times, None, BUDGETS["pca"])
    ref_times = [_timed(PCA(2).fit_transform, X300)[0] for _ in range(max(repeats, 5))]
    _row("PCA 10,000 x 300, scikit-learn", 10_000, ref_times)

    for n in (1000, 3000, 10_000):
        if n == 10_000 and args.quick:
            continue
        X = X50[:n]
        runs = {"ours": [], "scikit-learn TSNE": []}
        maps = {}
        for _ in range(1 if n == 10_000 else repeats):  # 10,000 points: once (a minute)
            seconds, proj = _timed(tsne, X)
            runs["ours"].append(seconds)
            maps["ours"] = proj.coords
            seconds, Y = _timed(TSNE(random_state=0).fit_transform, X)
            runs["scikit-learn TSNE"].append(seconds)
            maps["scikit-learn TSNE"] = Y
        for name, seconds in runs.items():
            if seconds:
                q = map_quality(X, maps[name], k=10)
                budget = BUDGETS.get(n) if name == "ours" else None
                _row(f"t-SNE, {name}", n, seconds, (q.trustworthiness, q.knn_preservation), budget)
    print()
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (2 cores: above 2 means waiting)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
