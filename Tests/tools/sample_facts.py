#!/usr/bin/env python3
"""Draw a fixed random sample of extracted facts from a graph, each with its evidence sentence.

usage: sample_facts.py GRAPH.nt [N] [SEED]

A fact is a reified direct relation (an rdf:Statement: subject, property, object), an event,
an observation or a quotation node. Each is printed with the labels of what it names and the
sentence it was drawn from, so that a person can judge it against that sentence alone. The
same graph, N and SEED give the same sample (default 50 and 2026).
"""
import random
import re
import sys
from collections import defaultdict

NG = "https://w3id.org/newsgraph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
LINE = re.compile(r'^(<[^>]*>|_:\S+) <([^>]*)> (.*) \.$')


def literal(o):
    m = re.match(r'^"((?:[^"\\]|\\.)*)"', o)
    if not m:
        return o.strip("<>")
    escapes = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\", "'": "'", "b": "\b", "f": "\f"}

    def unescape(e):
        body = e.group(1)
        return chr(int(body[1:], 16)) if body[0] in "uU" else escapes.get(body, body)
    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", unescape, m.group(1))


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n = int(argv[2]) if len(argv) > 2 else 50
    seed = int(argv[3]) if len(argv) > 3 else 2026
    props = defaultdict(lambda: defaultdict(list))
    for line in open(argv[1], encoding="utf-8"):
        m = LINE.match(line.strip())
        if m:
            props[m.group(1)][m.group(2)].append(m.group(3))

    def label(node):
        names = props.get(node, {}).get(LABEL)
        return literal(names[0]) if names else literal(node).rsplit("/", 1)[-1]

    facts = []
    for node, p in sorted(props.items()):
        types = {t.strip("<>") for t in p.get(RDF + "type", [])}
        evidence = [literal(e) for e in p.get(NG + "evidence", [])]
        if not evidence:
            continue
        if RDF + "Statement" in types:
            s, o = p[RDF + "subject"][0], p[RDF + "object"][0]
            prop = p[RDF + "predicate"][0].strip("<>").replace(NG, "ng:")
            text = f"{label(s)} {prop} {label(o) if o.startswith('<') else literal(o)}"
            kind = "relation"
        elif NG + "Observation" in types:
            text, kind = label(node), "observation"
        elif NG + "Quotation" in types:
            speaker = label(p[NG + "speaker"][0]) if NG + "speaker" in p else "?"
            words = literal(p.get(NG + "text", ['""'])[0])
            text, kind = f'{speaker}: "{words[:160]}"', "quotation"
        elif any(t.startswith(NG) for t in types) and (NG + "date" in p or NG + "participant" in p or NG + "agent" in p):
            roles = []
            for r in ["agent", "host", "participant", "target", "location"]:
                for v in p.get(NG + r, []):
                    roles.append(f"{r}={label(v)}")
            extra = " planned" if NG + "planned" in p else ""
            text, kind = f"{label(node)}{extra} [{'; '.join(sorted(set(roles)))}]", "event"
        else:
            continue
        facts.append((kind, text, evidence[0]))
    sample = random.Random(seed).sample(facts, min(n, len(facts)))
    print(f"{len(facts)} facts in the graph; a sample of {len(sample)} (seed {seed}).\n")
    print("| # | kind | fact | sentence |\n|---|---|---|---|")
    for k, (kind, text, sentence) in enumerate(sample, 1):
        print(f"| {k} | {kind} | {text.replace('|', '/')} | {sentence.replace('|', '/')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
