#!/usr/bin/env python3
"""Benchmark `newsgraph lookup` on a generated graph of about a million triples.

usage: bench_lookup.py NEWSGRAPH_BINARY [TRIPLES] [--keep DIR]

1. Generates a graph in the shape of the output contract (ontology/newsgraph.ttl):
   people, countries, organizations, cities and initiatives with labels and
   alternative labels, documents, events with participants, a place and a date,
   reified relations (rdf:Statement with evidence, source and confidence),
   observations (some in conflict), quotations and partnerships. Who takes part
   in what follows a Zipf law, so the first names are hubs with thousands of
   facts, as the big countries are in real news. Written as sorted N-Triples,
   the way `newsgraph build` writes graph.nt.
2. Builds the index once (the first lookup finds none, builds graph.idx beside
   the graph and says so on stderr); prints how long that took.
3. Times lookups of several kinds (best and median of five runs, in seconds,
   wall clock of the whole process): a hub person, a hub country, a rare
   person, a surname, an acronym, an acronym many organizations share
   (ambiguous, exit 3), a near miss, an unknown name (exit 1), and the hubs
   in every format, with --evidence and with no limit; then one lookup
   without the index, for comparison.

The names are made up from syllables: the benchmark needs no knowledge of the world.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ID = "https://w3id.org/newsgraph/id/"
NG = "https://w3id.org/newsgraph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"

SYLLABLES = ["ka", "lo", "mir", "sen", "ta", "vo", "rin", "del", "ba", "shi", "ko", "nu", "zan", "pe", "lu",
             "gor", "an", "ev", "is", "ul", "dra", "men", "tso", "ji", "pin", "ra", "vik", "ol", "mar", "tek"]
ACCENTED = {"o": "ö", "e": "é", "a": "á", "u": "ü", "s": "ş"}
EVENT_CLASSES = ["Meeting", "Visit", "AgreementSigning", "Accession", "Exhibition", "Sanction", "Announcement",
                 "MilitaryAction", "DiplomaticRelationsEstablishment"]
RELATIONS = ["allyOf", "partnerOf", "supports", "opposes", "memberOf", "headOf", "sanctions", "participatesIn"]
MEASURES = [("bilateral trade", "USD"), ("exports", "USD"), ("imports", "percent"), ("agreements signed", "count"),
            ("investment", "USD"), ("meetings", "count")]


def iri(s):
    return "<" + s + ">"


def lit(s, datatype=None):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif o < 0x20 or o > 0x7E:
            out.append("\\u%04X" % o if o <= 0xFFFF else "\\U%08X" % o)
        else:
            out.append(ch)
    text = '"' + "".join(out) + '"'
    return text + ("^^<" + XSD + datatype + ">" if datatype else "")


class Graph:
    def __init__(self):
        self.by_subject = {}
        self.count = 0

    def add(self, s, p, o):
        lines = self.by_subject.setdefault(s, set())
        line = f"{iri(s)} {iri(p)} {o} .\n"
        if line not in lines:
            lines.add(line)
            self.count += 1

    def write(self, path):
        with open(path, "w", encoding="ascii") as f:
            for s in sorted(self.by_subject, key=lambda x: x.encode()):
                for line in sorted(self.by_subject[s]):
                    f.write(line)


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def word(self, low=2, high=3):
        while True:
            w = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(low, high)))
            if self.rng.random() < 0.08:
                i = self.rng.randrange(len(w))
                if w[i] in ACCENTED:
                    w = w[:i] + ACCENTED[w[i]] + w[i + 1:]
            return w.capitalize()

    def unique(self, make):
        """A name no other name has, also once case and accents are folded."""
        while True:
            n = make()
            if slug(n) not in self.used:
                self.used.add(slug(n))
                return n


def slug(name):
    import unicodedata
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    out, pending = "", False
    for ch in folded:
        if ch.isalnum():
            if pending and out:
                out += "-"
            pending = False
            out += ch
        else:
            pending = True
    return out or "unnamed"


def zipf_picker(rng, items, s=1.0):
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    total = sum(weights)
    cumulative, acc = [], 0.0
    for w in weights:
        acc += w / total
        cumulative.append(acc)
    import bisect

    def pick():
        return items[min(bisect.bisect_left(cumulative, rng.random()), len(items) - 1)]
    return pick


def generate(path, target, seed=7):
    """Writes about `target` triples to `path`; returns (triple count, names worth looking up)."""
    rng = random.Random(seed)
    names = Names(rng)
    g = Graph()
    scale = target / 1_000_000
    n_country, n_person, n_org = max(20, int(200 * scale)), max(50, int(20000 * scale)), max(20, int(3000 * scale))
    n_city, n_init, n_doc = max(20, int(2000 * scale)), max(10, int(1000 * scale)), max(20, int(10000 * scale))

    def entity(kind, cls, label, alts=(), sameas=None):
        e = ID + kind + "/" + slug(label)
        g.add(e, RDF + "type", iri(NG + cls))
        if cls == "City":
            g.add(e, RDF + "type", iri(NG + "Place"))
        g.add(e, RDFS + "label", lit(label))
        for a in alts:
            g.add(e, SKOS + "altLabel", lit(a))
        if sameas:
            g.add(e, OWL + "sameAs", iri(WD + sameas))
        return e, label

    countries = [entity("country", "Country", n, [n + "ia Republic"], "Q%d" % (1000 + i))
                 for i, n in enumerate(names.unique(lambda: names.word(2, 3)) for _ in range(n_country))]
    people = []
    for i in range(n_person):
        first = names.word(1, 2)
        last = names.unique(lambda: names.word(2, 4))
        e = entity("person", "Person", f"{first} {last}", [last, f"{first[0]}. {last}"])
        g.add(e[0], NG + "position", lit(rng.choice(["President", "Minister", "Ambassador", "Director"])))
        people.append(e)
    orgs = []
    for i in range(n_org):
        words = [names.unique(lambda: names.word(2, 3)), names.word(2, 2),
                 rng.choice(["Cooperation", "Economic", "Security", "Trade"]), rng.choice(["Organization", "Union", "Council", "Forum"])]
        label = " ".join(words)
        acronym = "".join(w[0] for w in words).upper()
        orgs.append(entity("organization", "Organization", label, [acronym]))
    cities = [entity("city", "City", names.unique(lambda: names.word(2, 3))) for _ in range(n_city)]
    initiatives = [entity("initiative", "Initiative", names.unique(lambda: names.word(2, 3)) + " Initiative")
                   for _ in range(n_init)]
    for c in countries:
        g.add(c[0], NG + "memberOf", iri(rng.choice(orgs)[0]))
    for i, p in enumerate(people[: n_country]):
        g.add(p[0], NG + "headOf", iri(countries[i][0]))

    docs = []
    for i in range(n_doc):
        d = ID + "document/%016x" % rng.getrandbits(64)
        g.add(d, RDF + "type", iri(NG + "Document"))
        g.add(d, DCT + "title", lit(f"{names.word()} and {names.word()}: report {i}"))
        g.add(d, DCT + "date", lit("20%02d-%02d-%02d" % (rng.randint(10, 24), rng.randint(1, 12), rng.randint(1, 28)), "date"))
        g.add(d, NG + "sourceFile", lit("%05d.txt" % i))
        g.add(d, NG + "sha256", lit("%064x" % rng.getrandbits(256)))
        docs.append(d)

    pick_country = zipf_picker(rng, countries)
    pick_person = zipf_picker(rng, people)
    pick_org = zipf_picker(rng, orgs)
    pick_city = zipf_picker(rng, cities)
    pick_init = zipf_picker(rng, initiatives)
    pick_actor = lambda: rng.choice([pick_country, pick_country, pick_person, pick_person, pick_org])()

    def sentence(*labels):
        return f"{' and '.join(labels)} said on the matter that {names.word()} {names.word()} would follow."

    def provenance(node, labels, k=None):
        for _ in range(k or rng.choice([1, 1, 1, 2, 3])):
            g.add(node, PROV + "wasDerivedFrom", iri(rng.choice(docs)))
            g.add(node, NG + "evidence", lit(sentence(*labels)))

    n = 0
    while g.count < target:
        n += 1
        r = rng.random()
        if r < 0.45:   # an event
            cls = rng.choice(EVENT_CLASSES)
            e = ID + "event/%016x" % rng.getrandbits(64)
            who = list({pick_actor() for _ in range(rng.choice([2, 2, 3]))})
            date = "20%02d-%02d-%02d" % (rng.randint(0, 24), rng.randint(1, 12), rng.randint(1, 28))
            g.add(e, RDF + "type", iri(NG + cls))
            g.add(e, RDFS + "label", lit(f"{cls} of {' and '.join(x[1] for x in who)}, {date}"))
            g.add(e, NG + "date", lit(date, "date"))
            g.add(e, NG + "cameoCode", lit("0%d" % rng.randint(10, 99)))
            for x in who:
                g.add(e, NG + "participant", iri(x[0]))
            g.add(e, NG + "agent", iri(who[0][0]))
            if len(who) > 1 and cls in ("Visit", "Meeting"):
                g.add(e, NG + "host", iri(who[1][0]))
            g.add(e, NG + "location", iri(pick_city()[0]))
            provenance(e, [x[1] for x in who])
        elif r < 0.78:   # a relation, reified
            s, o = pick_actor(), rng.choice([pick_actor, pick_init])()
            if s == o:
                continue
            p = rng.choice(RELATIONS)
            g.add(s[0], NG + p, iri(o[0]))
            for _ in range(rng.choice([1, 1, 2])):
                st = ID + "statement/%016x" % rng.getrandbits(64)
                g.add(st, RDF + "type", iri(RDF + "Statement"))
                g.add(st, RDF + "subject", iri(s[0]))
                g.add(st, RDF + "predicate", iri(NG + p))
                g.add(st, RDF + "object", iri(o[0]))
                g.add(st, NG + "confidence", lit("0.%d" % rng.randint(50, 95), "decimal"))
                g.add(st, NG + "rule", lit(p.lower() + ".verb"))
                provenance(st, [s[1], o[1]], 1)
        elif r < 0.90:   # an observation, sometimes two that conflict
            measure, unit = rng.choice(MEASURES)
            about = list({pick_country() for _ in range(2)})
            period = str(rng.randint(2000, 2024))
            nodes = []
            for _ in range(2 if rng.random() < 0.1 else 1):
                ob = ID + "observation/%016x" % rng.getrandbits(64)
                value = "%d.%d" % (rng.randint(1, 99999), rng.randint(0, 9))
                g.add(ob, RDF + "type", iri(NG + "Observation"))
                g.add(ob, RDFS + "label", lit(f"{measure}: {value} {unit}, {period}"))
                g.add(ob, NG + "measure", lit(measure))
                g.add(ob, NG + "value", lit(value, "decimal"))
                g.add(ob, NG + "unit", lit(unit))
                g.add(ob, NG + "period", lit(period))
                if rng.random() < 0.2:
                    g.add(ob, NG + "bound", lit(rng.choice(["about", "more than", "at least"])))
                for a in about:
                    g.add(ob, NG + "about", iri(a[0]))
                provenance(ob, [a[1] for a in about], 1)
                nodes.append(ob)
            if len(nodes) == 2:
                g.add(nodes[0], NG + "conflictsWith", iri(nodes[1]))
                g.add(nodes[1], NG + "conflictsWith", iri(nodes[0]))
        elif r < 0.97:   # a quotation
            speaker = pick_person()
            q = ID + "quotation/%016x" % rng.getrandbits(64)
            g.add(q, RDF + "type", iri(NG + "Quotation"))
            g.add(q, NG + "speaker", iri(speaker[0]))
            g.add(q, NG + "text", lit(f"We will keep working with {names.word()} on {names.word()}"))
            provenance(q, [speaker[1]], 1)
        else:   # a partnership
            parties = list({pick_country() for _ in range(2)})
            if len(parties) < 2:
                continue
            pn = ID + "partnership/%016x" % rng.getrandbits(64)
            level = rng.choice(["strategic partnership", "comprehensive partnership"])
            g.add(pn, RDF + "type", iri(NG + "Partnership"))
            g.add(pn, RDFS + "label", lit(level.capitalize() + " of " + " and ".join(p[1] for p in parties)))
            g.add(pn, NG + "level", lit(level))
            for p in parties:
                g.add(pn, NG + "party", iri(p[0]))
            provenance(pn, [p[1] for p in parties], 1)
    g.write(path)
    acronyms = {}
    for o in orgs:
        a = "".join(w[0] for w in o[1].split()).upper()
        acronyms.setdefault(slug(a), []).append(a)
    unique_acronym = next((names[0] for _, names in sorted(acronyms.items()) if len(names) == 1), "none")
    shared_acronym = acronyms[max(sorted(acronyms), key=lambda a: len(acronyms[a]))][0]
    long_name = next(p[1] for p in people[1:] if len(p[1]) >= 14)
    middle = len(long_name) // 2 + 2
    near_miss = long_name[:middle] + long_name[middle + 1:]   # one letter dropped
    return g.count, {
        "hub person": people[0][1], "hub country": countries[0][1], "rare person": people[-1][1],
        "surname": people[5][1].split(" ")[-1], "acronym": unique_acronym, "shared acronym": shared_acronym,
        "near miss": near_miss, "unknown": "Qqzzyxwv Plonk",
    }


def timed(cmd):
    """Seconds of wall clock, exit status, stderr and the bytes written to stdout."""
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - start, p.returncode, p.stderr.decode(), len(p.stdout)


def main(argv):
    args = [a for a in argv[1:]]
    keep = None
    if "--keep" in args:
        i = args.index("--keep")
        keep = args[i + 1]
        del args[i:i + 2]
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = os.path.abspath(args[0])
    target = int(args[1]) if len(args) > 1 else 1_000_000
    folder = keep or tempfile.mkdtemp(prefix="ng-bench-lookup-")
    os.makedirs(folder, exist_ok=True)
    graph = os.path.join(folder, "graph.nt")
    try:
        start = time.perf_counter()
        count, queries = generate(graph, target)
        size = os.path.getsize(graph)
        print(f"graph: {count} triples, {size / 1e6:.0f} MB, generated in {time.perf_counter() - start:.1f} s ({graph})")
        if os.path.exists(os.path.join(folder, "graph.idx")):
            os.remove(os.path.join(folder, "graph.idx"))
        seconds, rc, err, _ = timed([binary, "lookup", queries["rare person"], "--graph", graph])
        if rc != 0 or not os.path.exists(os.path.join(folder, "graph.idx")):
            print(f"the first lookup failed (exit {rc}): {err}", file=sys.stderr)
            return 1
        print(f"index: built on the first lookup in {seconds:.2f} s, "
              f"{os.path.getsize(os.path.join(folder, 'graph.idx')) / 1e6:.0f} MB")
        print(f"  stderr: {err.strip().splitlines()[0] if err.strip() else '(nothing)'}")
        cases = [(k, [v]) for k, v in queries.items()]
        cases += [("hub person, --evidence", [queries["hub person"], "--evidence"]),
                  ("hub person, json", [queries["hub person"], "--format", "json", "--limit", "20"]),
                  ("hub person, dot", [queries["hub person"], "--format", "dot"]),
                  ("hub person, turtle", [queries["hub person"], "--format", "turtle", "--limit", "20"]),
                  ("hub country, json, all", [queries["hub country"], "--format", "json"]),
                  ("hub person, turtle, all", [queries["hub person"], "--format", "turtle"])]
        print(f"\n{'lookup':<26} {'query':<22} {'exit':>4} {'best s':>7} {'median s':>8} {'output':>9}")
        worst = 0.0
        for name, extra in cases:
            runs = []
            for _ in range(5):
                seconds, rc, err, size = timed([binary, "lookup", *extra, "--graph", graph])
                runs.append(seconds)
                if "index" in err:
                    print(f"unexpected: {err}", file=sys.stderr)
            if "all" not in name:
                worst = max(worst, statistics.median(runs))
            print(f"{name:<26} {extra[0][:22]:<22} {rc:>4} {min(runs):>7.3f} {statistics.median(runs):>8.3f} {size:>9}")
        print(f"\nslowest median of the lookups with a limit: {worst:.3f} s")
        seconds, rc, _, _ = timed([binary, "lookup", queries["rare person"], "--graph", graph, "--no-index"])
        print(f"for comparison, the rare person without the index (--no-index, parsing the whole graph): {seconds:.2f} s")
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
