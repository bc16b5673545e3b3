#!/usr/bin/env python3
"""Check newsgraph's output with parsers other than Raptor.

usage: crosscheck.py GRAPH.ttl GRAPH.nt [GRAPH.nq]

Both files must parse in rapper (Debian's raptor2-utils, `rapper -c`), in
rdflib and in pyoxigraph, and all three must find the same graph in both
files (rdflib's isomorphism over the Turtle and the N-Triples). Prints one
line per check and a closing "N passed, N failed"; exits 1 on any failure.
"""
import subprocess
import sys


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ttl, nt = argv[1], argv[2]
    nq = argv[3] if len(argv) == 4 else None
    results = []

    def check(name, fn):
        try:
            detail = fn()
            results.append((name, True, detail))
        except Exception as e:  # a check that cannot run has failed
            results.append((name, False, str(e)))

    def rapper(path, syntax):
        out = subprocess.run(["rapper", "-i", syntax, "-c", path], capture_output=True, text=True)
        if out.returncode != 0 or "Error" in out.stderr:
            raise RuntimeError(out.stderr.strip())
        return out.stderr.strip().splitlines()[-1]

    check(f"rapper -c {ttl}", lambda: rapper(ttl, "turtle"))
    check(f"rapper -c {nt}", lambda: rapper(nt, "ntriples"))

    import rdflib
    from rdflib.compare import isomorphic, to_isomorphic

    graphs = {}

    def rdflib_load(path, fmt):
        g = rdflib.Graph()
        g.parse(path, format=fmt)
        graphs[fmt] = g
        return f"{len(g)} triples"

    check(f"rdflib reads {ttl}", lambda: rdflib_load(ttl, "turtle"))
    check(f"rdflib reads {nt}", lambda: rdflib_load(nt, "nt"))

    def same_graph():
        a, b = graphs["turtle"], graphs["nt"]
        if not isomorphic(to_isomorphic(a), to_isomorphic(b)):
            only_a = set(a) - set(b)
            only_b = set(b) - set(a)
            raise RuntimeError(f"graphs differ: {len(only_a)} triples only in Turtle, {len(only_b)} only in N-Triples; e.g. {sorted(only_a)[:2]} {sorted(only_b)[:2]}")
        return f"{len(a)} triples in both"

    check("rdflib: Turtle and N-Triples hold the same graph", same_graph)

    import pyoxigraph as ox

    def ox_same():
        a = ox.Store()
        a.load(path=ttl, format=ox.RdfFormat.TURTLE)
        b = ox.Store()
        b.load(path=nt, format=ox.RdfFormat.N_TRIPLES)
        qa = set(str(q) for q in a)
        qb = set(str(q) for q in b)
        if qa != qb:
            raise RuntimeError(f"graphs differ: {len(qa - qb)} only in Turtle, {len(qb - qa)} only in N-Triples")
        if len(qa) != len(graphs.get("nt", [])):
            raise RuntimeError(f"pyoxigraph found {len(qa)} triples, rdflib {len(graphs.get('nt', []))}")
        return f"{len(qa)} triples in both"

    check("pyoxigraph: Turtle and N-Triples hold the same graph", ox_same)

    if nq:
        check(f"rapper -c {nq}", lambda: rapper(nq, "nquads"))

        def nq_same():
            q = ox.Store()
            q.load(path=nq, format=ox.RdfFormat.N_QUADS)
            triples = set((x.subject, x.predicate, x.object) for x in q)
            b = ox.Store()
            b.load(path=nt, format=ox.RdfFormat.N_TRIPLES)
            flat = set((x.subject, x.predicate, x.object) for x in b)
            if triples != flat:
                raise RuntimeError(f"the named graphs' union differs from the N-Triples: {len(triples - flat)} extra, {len(flat - triples)} missing")
            graphs = set(x.graph_name for x in q)
            return f"{len(triples)} triples in {len(graphs)} named graphs"

        check("pyoxigraph: the N-Quads graphs' union is the N-Triples graph", nq_same)

    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    passed = sum(1 for r in results if r[1])
    print(f"crosscheck: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
