#!/usr/bin/env python3
"""Summarize an output of ../shared/eval/score: facts that hold, traps avoided.

usage: evaluation.py SCORE_OUTPUT QUERY_DIR TITLE [--min-facts N] [--all-traps] [--summary-only]

Positive queries are the *.rq files of QUERY_DIR not named neg-*; traps are the
neg-* ones. Exits 1 when a gate is given and not met (fewer than N facts hold,
or any trap is fallen into). The summary is worded so that it is not taken for
a test runner's closing line.
"""
import os
import sys


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, qdir, title = argv[1], argv[2], argv[3]
    min_facts = int(argv[argv.index("--min-facts") + 1]) if "--min-facts" in argv else None
    all_traps = "--all-traps" in argv
    summary_only = "--summary-only" in argv
    names = [n for n in os.listdir(qdir) if n.endswith(".rq")]
    traps = sum(1 for n in names if n.startswith("neg-"))
    facts = len(names) - traps
    failed = [l for l in open(path, encoding="utf-8").read().splitlines() if l.startswith(("FAIL", "ERROR"))]
    traps_hit = sum(1 for l in failed if " neg-" in l)
    facts_missing = len(failed) - traps_hit
    print(f"{title}: {facts - facts_missing} of {facts} facts hold; {traps - traps_hit} of {traps} traps avoided")
    if not summary_only:
        for l in failed:
            print("   " + l)
    ok = True
    if min_facts is not None and facts - facts_missing < min_facts:
        print(f"{title}: gate not met: fewer than {min_facts} facts hold")
        ok = False
    if all_traps and traps_hit:
        print(f"{title}: gate not met: {traps_hit} trap(s) fallen into")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
