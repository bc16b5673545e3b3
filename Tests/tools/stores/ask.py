#!/usr/bin/env python3
"""The answers of the evaluation's ASK queries over a graph file, by pyoxigraph.

usage: ask.py GRAPH_FILE QUERY_DIR SCORE_SCRIPT

Prints one JSON object, {"file.rq": true|false|"error: ..."}, each query run
with the PREFIX block of SCORE_SCRIPT (../shared/eval/score) prepended, exactly
as the score does. The store tests compare a server's answers with these.
"""
import importlib.machinery
import importlib.util
import json
import os
import sys


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    graph, qdir, score = argv[1:]
    loader = importlib.machinery.SourceFileLoader("score", score)
    spec = importlib.util.spec_from_loader("score", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    import pyoxigraph as ox
    fmt = {".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS}.get(os.path.splitext(graph)[1], ox.RdfFormat.TURTLE)
    store = ox.Store()
    store.load(path=graph, format=fmt)
    answers = {}
    for name in sorted(n for n in os.listdir(qdir) if n.endswith(".rq")):
        text = open(os.path.join(qdir, name), encoding="utf-8").read()
        try:
            answers[name] = bool(store.query(module.PREFIXES + text, use_default_graph_as_union=True))
        except Exception as e:  # reported, compared as text
            answers[name] = f"error: {e}"
    print(json.dumps(answers, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
