#!/usr/bin/env python3
"""Generate ontology/lexicon/agents.json from PETRARCH2's Phoenix.agents.txt: generic
agents ("rebels", "police", "protesters", "foreign minister") and their CAMEO agent codes.

    python3 ontology/lexicon/tools/generate_agents.py

Deterministic, stdlib only.  Reading follows PETRreader.read_agent_dictionary:
`!MARKER! = A, B` substitution sets are expanded (all expansions of one line are forms
of one entry), `{PLURAL}` gives an irregular plural and `{}` none; otherwise a
regular plural is made.  Two deliberate differences from PETRARCH's rule: a word
already ending in a single S ("STUDENTS") gets no plural (PETRARCH would add ES), and
a vowel before a final Y gives YS ("ATTORNEYS", not ATTORNIES); CH, SH, X, Z and SS
take ES.  PETRARCH's blank between two words ("words may come between") becomes a
plain blank: the forms are consecutive word sequences.
"""

import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import petrarch_common as pc  # noqa: E402


def plural(phrase):
    w = phrase
    if re.search(r"[^AEIOU]Y$", w):
        return w[:-1] + "IES"
    if re.search(r"(SS|CH|SH|X|Z)$", w):
        return w + "ES"
    if w.endswith("S"):
        return ""
    return w + "S"


def main():
    a = pc.args(__doc__.splitlines()[0], ["agents.json"])
    subs = {}
    entries = collections.OrderedDict()   # term -> {forms, code}
    dropped = collections.Counter()
    for n, line in pc.read_lines(os.path.join(a.source, "Phoenix.agents.txt")):
        line = line.strip()
        if "!" in line and "=" in line:
            m = re.match(r"!([^!]+)!\s*=\s*(.*)$", line)
            if m:
                subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        if "[" not in line:
            dropped["no code"] += 1
            continue
        head, _, rest = line.partition("[")
        code = rest.partition("]")[0].strip()
        code = code.replace("~", "").strip()
        if not code or not re.fullmatch(r"[A-Z]{3}[A-Z]*", code):
            dropped["unreadable code"] += 1
            continue
        irregular = None
        if "{" in head:
            if "}" not in head:
                dropped["unclosed {"] += 1
                continue
            irregular = head[head.index("{") + 1:head.index("}")].strip()
            head = head[:head.index("{")]
        phrase = head.strip()
        if "!" in phrase:
            m = re.search(r"!([^!]+)!", phrase)
            if not m or m.group(1) not in subs:
                dropped["unknown substitution marker"] += 1
                continue
            expansions = [phrase[:m.start()] + s + phrase[m.end():] for s in subs[m.group(1)]]
            forms = [pc.phrase_words(x) for x in expansions]
        else:
            p = pc.phrase_words(phrase)
            forms = [p]
            if irregular is None:
                forms.append(plural(p))
            elif irregular:
                forms.append(pc.phrase_words(irregular))
        forms = [f.lower() for f in forms if f]
        if not forms or any(ch.isdigit() for ch in forms[0]):
            dropped["empty or a model number"] += 1
            continue
        term = forms[0]
        e = entries.get(term)
        if e is None:
            entries[term] = {"forms": forms, "code": code}
        elif e["code"] != code:
            dropped["term listed again with another code (first kept)"] += 1
        else:
            e["forms"] += forms
    # a form given to two terms (with different codes) names neither
    owners = collections.defaultdict(set)
    for t, e in entries.items():
        for f in e["forms"]:
            owners[f].add(e["code"])
    out = []
    for t in sorted(entries):
        e = entries[t]
        forms = []
        for f in e["forms"]:
            if len(owners[f]) > 1:
                dropped["form with two codes"] += 1
                continue
            forms.append(f)
        if t not in forms:
            dropped["term with two codes"] += 1
            continue
        out.append({"term": t, "forms": sorted(pc.uniq(forms)), "code": e["code"]})
    pc.write_json(a.out, "agents.json", out)
    codes = collections.Counter(e["code"][:3] for e in out)
    print("wrote %d agents to %s" % (len(out), os.path.join(a.out, "agents.json")))
    print("  codes: " + ", ".join("%s %d" % kv for kv in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:15]))
    for k, v in sorted(dropped.items()):
        print("  dropped %5d  %s" % (v, k))


if __name__ == "__main__":
    main()
