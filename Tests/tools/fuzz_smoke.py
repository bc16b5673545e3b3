#!/usr/bin/env python3
"""A mutation fuzz smoke run of the release binary, seeded so that every run is the same.

    fuzz_smoke.py NEWSGRAPH_BINARY [--rounds N] [--seed S]

Three targets, each run with a time limit:
  articles   seed articles with random bytes inserted, deleted and flipped, noncharacters,
             control characters, BOMs, and one run-on line of ~200 KB; `build` must exit 0 or 1,
             never by a signal or the time limit, and every graph it writes must parse in
             pyoxigraph with the triple count its summary states;
  long line  a single 200 KB line of words must build within the limit;
  index      graph.idx damaged by 1-4 random bytes; `lookup` must never crash and must answer
             exactly as with the intact index (a damaged index is rebuilt, never trusted).
Prints one line per failure and a last line "fuzz smoke: N runs, N failures"; exits 1 on any.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import pyoxigraph

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ONTOLOGY = os.path.join(ROOT, "ontology")
SEEDS = os.path.join(ROOT, "seeds")
LIMIT = 120  # seconds per run of the binary

failures = []
runs = 0


def run(args, timeout=LIMIT):
    global runs
    runs += 1
    try:
        return subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None


def check_build(binary, corpus, out, what):
    r = run([binary, "build", corpus, "--out", out, "--ontology", ONTOLOGY])
    if r is None:
        failures.append(f"{what}: build did not finish in {LIMIT} s")
        return
    if r.returncode < 0 or r.returncode not in (0, 1):
        failures.append(f"{what}: build exited {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}")
        return
    if r.returncode == 1:
        return  # nothing could be built: said so, not crashed
    m = re.search(rb"Built (\d+) triples", r.stdout)
    if not m:
        failures.append(f"{what}: no summary line")
        return
    stated = int(m.group(1))
    for name, fmt in (("graph.ttl", pyoxigraph.RdfFormat.TURTLE), ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES)):
        try:
            n = sum(1 for _ in pyoxigraph.parse(path=os.path.join(out, name), format=fmt))
        except Exception as e:  # noqa: BLE001 - any parse error is a failure to report
            failures.append(f"{what}: {name} does not parse in pyoxigraph: {e}")
            continue
        if n != stated:
            failures.append(f"{what}: {name} holds {n} triples, the summary says {stated}")
    try:
        sum(1 for _ in pyoxigraph.parse(path=os.path.join(out, "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    except Exception as e:  # noqa: BLE001
        failures.append(f"{what}: graph.nq does not parse in pyoxigraph: {e}")


HOSTILE = [b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\x00", b"\x01", b"\x1b[31m", b"\r", b"\xef\xbb\xbf",
           b"\xe2\x80\xae", b"\"", b"<>{}", b"\\u0000", b"\xf0\x9f\x98\x80", b"\xc3", b"\n\n---\n", b"Title: ", b"\t"]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        k = rng.randrange(len(data) + 1)
        op = rng.random()
        if op < 0.4:
            data[k:k] = rng.choice(HOSTILE)
        elif op < 0.6 and data:
            del data[k:k + rng.randint(1, 40)]
        elif op < 0.8 and k < len(data):
            data[k] ^= 1 << rng.randrange(8)
        else:
            data[k:k] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def articles(binary, work, rng, rounds):
    seeds = sorted(os.listdir(SEEDS))
    for i in range(rounds):
        corpus = os.path.join(work, f"a{i}")
        os.makedirs(corpus)
        for name in rng.sample(seeds, 2):
            with open(os.path.join(SEEDS, name), "rb") as f:
                data = f.read()
            with open(os.path.join(corpus, name), "wb") as f:
                f.write(mutate(data, rng))
        check_build(binary, corpus, os.path.join(work, f"a{i}-out"), f"articles round {i}")


def long_line(binary, work, rng):
    words = ["the", "minister", "said", "trade", "rose", "and", "Chile", "visited", "Peru", "on", "Monday",
             "percent", "agreement", "signed", "with", "President", "talks", "in", "Lima", "of", "met"]
    corpus = os.path.join(work, "long")
    os.makedirs(corpus)
    text = " ".join(rng.choice(words) for _ in range(36000))  # ~200 KB on one line
    with open(os.path.join(corpus, "long.txt"), "w") as f:
        f.write(text)
    check_build(binary, corpus, os.path.join(work, "long-out"), "a 200 KB line")


def index(binary, work, rng, rounds):
    out = os.path.join(work, "idx")
    r = run([binary, "build", SEEDS, "--out", out, "--ontology", ONTOLOGY, "--quiet"])
    if r is None or r.returncode != 0:
        failures.append("index: the seeds do not build")
        return
    graph = os.path.join(out, "graph.nt")
    idx = os.path.join(out, "graph.idx")
    with open(idx, "rb") as f:
        intact = f.read()
    names = ["Lukashenko", "Belarus", "Belt and Road", "Xi Jinping", "SCO"]
    expected = {}
    for n in names:
        e = run([binary, "lookup", n, "--graph", graph, "--format", "json"])
        expected[n] = (e.returncode, e.stdout) if e else None
    for i in range(rounds):
        damaged = bytearray(intact)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        with open(idx, "wb") as f:
            f.write(damaged)
        n = names[i % len(names)]
        got = run([binary, "lookup", n, "--graph", graph, "--format", "json"], timeout=60)
        if got is None:
            failures.append(f"index round {i}: lookup {n} did not finish")
        elif got.returncode < 0:
            failures.append(f"index round {i}: lookup {n} died by signal {-got.returncode}")
        elif (got.returncode, got.stdout) != expected[n]:
            failures.append(f"index round {i}: lookup {n} answered otherwise than with the intact index")
    with open(idx, "wb") as f:
        f.write(intact)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("binary")
    p.add_argument("--rounds", type=int, default=30)
    p.add_argument("--seed", type=int, default=2026)
    a = p.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="ng-fuzz-")
    try:
        articles(a.binary, work, rng, a.rounds)
        long_line(a.binary, work, rng)
        index(a.binary, work, rng, a.rounds * 4)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    print(f"fuzz smoke: {runs} runs, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
