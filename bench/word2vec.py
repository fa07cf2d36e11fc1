"""Our numpy word2vec against gensim's compiled one: speed and quality on the same text.

Usage (from the repository root):
    python -m bench.word2vec            # both output layers, 3 seeds, 10 epochs (2-3 min)
    python -m bench.word2vec --only ns  # negative sampling only (--only hs: the tree only)
    python -m bench.word2vec --quick    # 1 seed, 2 epochs (a smoke run)

Both train CBOW on gensim's test corpus ``head500.noblanks.cor`` (stemmed Wikipedia text),
single-threaded (gensim ``workers=1``), with the same settings: min_count 5, vector_size 50,
window 5, sample 1e-3, alpha 0.025, and as the output layer negative sampling (negative 5)
or the hierarchical softmax (``hs=1, negative=0``). Ours uses its default ``batch_size``
(32). Speed is corpus words x epochs / wall time (vocabulary building included, for both).
Quality is gensim's ``evaluate_word_pairs`` on ``wordsim353.tsv`` (Spearman), for ours
through ``Vectors.to_gensim()``; many WordSim words are missing from this small stemmed
corpus, hence the OOV column. Targets: speed at least 0.5x gensim's (negative sampling);
Spearman within 0.02 of gensim's mean (negative sampling), within 0.03 (hierarchical
softmax). Timings on a shared machine are noisy: runs alternate between the two; the ratio
is given for the best runs and as the median of back-to-back pairs, in wall time and in CPU
time (``time.process_time``: what each run itself used, the steadier figure when other
processes share the cores).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time
import warnings

SETTINGS = dict(sg=0, min_count=5, vector_size=50, window=5, sample=1e-3, alpha=0.025)
#: The output layers compared: (name, their settings, quality target in Spearman).
OUTPUTS = {
    "ns": ("negative sampling", dict(negative=5, hs=0), 0.02),
    "hs": ("hierarchical softmax", dict(negative=0, hs=1), 0.03),
}


def _test_data() -> str:
    import gensim

    return os.path.join(os.path.dirname(gensim.__file__), "test", "test_data")


def _evaluate(kv) -> tuple[float, float]:
    """(Spearman, OOV share in %) on WordSim-353."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, spearman, oov = kv.evaluate_word_pairs(os.path.join(_test_data(), "wordsim353.tsv"))
    return float(spearman.statistic), float(oov)


def _run_ours(sentences, output: dict, epochs: int, seed: int, batch_size: int | None):
    from explorer import Word2Vec

    extra = {} if batch_size is None else {"batch_size": batch_size}
    start, cpu = time.perf_counter(), time.process_time()
    model = Word2Vec(**SETTINGS, **output, epochs=epochs, seed=seed, **extra).fit(sentences)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu, _evaluate(model.wv.to_gensim())


def _run_gensim(sentences, output: dict, epochs: int, seed: int):
    from gensim.models import Word2Vec

    start, cpu = time.perf_counter(), time.process_time()
    model = Word2Vec(
        sentences, **SETTINGS, **output, epochs=epochs, seed=seed, workers=1, cbow_mean=1
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu, _evaluate(model.wv)


def _compare(sentences, n_words: int, key: str, seeds: int, epochs: int, batch_size) -> None:
    """Train both with one output layer, alternating, and print the table and the ratios."""
    name, output, target = OUTPUTS[key]
    print(f"\n== {name}: {output}")
    rows: dict[str, list[tuple[float, float, float, float]]] = {"ours": [], "gensim": []}
    for seed in range(seeds):
        for who in ("ours", "gensim"):  # alternate, so that load changes hit both alike
            if who == "ours":
                seconds, cpu, (rho, oov) = _run_ours(sentences, output, epochs, seed, batch_size)
            else:
                seconds, cpu, (rho, oov) = _run_gensim(sentences, output, epochs, seed)
            wps, cpu_wps = n_words * epochs / seconds, n_words * epochs / cpu
            rows[who].append((wps, rho, oov, cpu_wps))
            print(
                f"  seed {seed} {who:6s} {seconds:6.2f} s ({cpu:6.2f} s CPU) {wps:9,.0f} words/s"
                f"  rho {rho:.4f}"
            )

    print()
    header = f"{'':8s}{'words/s mean':>14s}{'best':>12s}{'ratio':>8s}{'wordsim rho':>13s}"
    print(header + f"{'OOV %':>8s}")
    best = {who: max(r[0] for r in rs) for who, rs in rows.items()}
    rho = {who: statistics.mean(r[1] for r in rs) for who, rs in rows.items()}
    for who, rs in rows.items():
        mean_wps = statistics.mean(r[0] for r in rs)
        ratio = best[who] / best["gensim"]
        print(
            f"{who:8s}{mean_wps:14,.0f}{best[who]:12,.0f}{ratio:8.2f}"
            f"{rho[who]:13.4f}{rs[0][2]:8.1f}"
        )
    ratio = best["ours"] / best["gensim"]
    # each seed ran ours then gensim back to back: their ratio suffers least from load changes
    pairs = list(zip(rows["ours"], rows["gensim"], strict=True))
    paired = statistics.median(o[0] / g[0] for o, g in pairs)
    cpu_ratio = max(r[3] for r in rows["ours"]) / max(r[3] for r in rows["gensim"])
    cpu_paired = statistics.median(o[3] / g[3] for o, g in pairs)
    gap = rho["ours"] - rho["gensim"]
    goal = "; target >= 0.5" if key == "ns" else ""
    print()
    print(
        f"speed ({name}): ours / gensim = {ratio:.2f} (best runs), {paired:.2f} (median of"
        f" back-to-back pairs){goal}"
    )
    print(f"  in CPU time: {cpu_ratio:.2f} (best runs), {cpu_paired:.2f} (median of pairs)")
    print(
        f"quality ({name}): ours - gensim = {gap:+.4f} Spearman (target: within {target} of"
        " gensim's mean)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 seed, 2 epochs")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=None, help="ours (default: 32)")
    parser.add_argument("--only", choices=sorted(OUTPUTS), help="one output layer only")
    args = parser.parse_args(argv)
    seeds, epochs = (1, 2) if args.quick else (args.seeds, args.epochs)
    logging.getLogger("gensim").setLevel(logging.WARNING)

    path = os.path.join(_test_data(), "head500.noblanks.cor")
    with open(path, encoding="utf-8") as f:
        sentences = [line.split() for line in f]
    n_words = sum(map(len, sentences))
    print(f"corpus: {os.path.basename(path)}, {len(sentences)} lines, {n_words} words")
    print(f"settings: {SETTINGS}, epochs={epochs}, seeds={seeds}, cores={os.cpu_count()}")
    for key in [args.only] if args.only else list(OUTPUTS):
        _compare(sentences, n_words, key, seeds, epochs, args.batch_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
