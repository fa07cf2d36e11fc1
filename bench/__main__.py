"""Run every benchmark in turn and print their figures: `python -m bench` (or `make bench`).

Each benchmark is also runnable alone, e.g. `python -m bench.startup`.
"""

import subprocess
import sys

BENCHMARKS = [
    "bench.startup",
    "bench.word2vec",
    "bench.live",
    "bench.projection",
    "bench.load",
    "bench.task_models",
    "bench.mlm",
    "bench.encoding",
]

if __name__ == "__main__":
    failed = []
    for name in BENCHMARKS:
        print(f"\n=== {name} ===", flush=True)
        if subprocess.run([sys.executable, "-m", name]).returncode != 0:
            failed.append(name)
    if failed:
        sys.exit(f"benchmarks that failed: {', '.join(failed)}")
