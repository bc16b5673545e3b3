#!/usr/bin/env python3
"""Benchmark `newsgraph build` on a synthetic corpus: seeds/ copied N times.

usage: bench.py NEWSGRAPH_BINARY [COPIES...]

Each copy gets a distinct first line so that no copy is deduplicated. Prints,
for each size, the documents, the seconds (best of three) and the words per
second; a build that is linear in its input keeps words per second roughly
constant as the corpus grows.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    sizes = [int(a) for a in argv[2:]] or [1, 4, 16]
    seeds = sorted(f for f in os.listdir("seeds") if f.endswith(".txt"))
    texts = [open(os.path.join("seeds", f), encoding="utf-8").read() for f in seeds]
    print(f"{'copies':>6} {'docs':>6} {'words':>8} {'seconds':>8} {'words/s':>9}")
    for n in sizes:
        corpus = tempfile.mkdtemp(prefix="ng-bench-")
        words = 0
        for c in range(n):
            for i, t in enumerate(texts):
                body = f"Copy {c} of article {i}\n\n{t}"
                words += len(body.split())
                with open(os.path.join(corpus, f"{c:04d}_{i}.txt"), "w", encoding="utf-8") as f:
                    f.write(body)
        best = None
        for _ in range(3):
            out = tempfile.mkdtemp(prefix="ng-bench-out-")
            start = time.perf_counter()
            subprocess.run([binary, "build", corpus, "--out", out, "--quiet"], check=True)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
            shutil.rmtree(out)
        shutil.rmtree(corpus)
        print(f"{n:>6} {n * len(texts):>6} {words:>8} {best:>8.2f} {words / best:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
