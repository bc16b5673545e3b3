#!/usr/bin/env python3
"""Generate ontology/lexicon/events.json from PETRARCH2's CAMEO.verbpatterns.150430.txt:
per CAMEO code, the verbs (with their inflected forms) and the phrase patterns reduced
to plain word sequences, plus the table that maps CAMEO roots and codes to newsgraph's
event classes.

    python3 ontology/lexicon/tools/generate_events.py

Deterministic, stdlib only.  Reading the file (dictionaries.rst, "Verb Dictionary"):
`--- NAME [CODE] ---` opens a verb block whose code every verb in it has unless the
verb line carries its own `[CODE]`; `VERB {FORMS}` lists irregular forms, otherwise
regular ones are made (S/ES/IES, D/ED/IED, ING, dropping a final E; no consonant
doubling, as in PETRARCH); in a multi-word verb `+` marks the inflected word.  `[---]`
is the null code: such verbs or patterns code no event and are left out.  A code
`[A:B]` keeps A.

Phrase patterns (`- ... * ... [CODE] # VERB`) keep their literal words in order, with
`*` replaced by the verb named in the pattern's comment (or the block's first verb).
Dropped syntax: the actor slots `$` (source), `+` (target), `%` (compound actor), the
skip marker `^`, synset references `&NAME` (a class of words: left out, not expanded),
braces `{...}` and parentheses `(...)` (their words are kept, the grouping and the
noun-phrase head rule are lost), and the distinction between `_` (consecutive) and a
blank (words may intervene): every phrase is a plain ordered word sequence.  A phrase
left with only its verb, or without it, is dropped; `*` joined to words by `_`
(`*_A_STRING_OF_TOWNS`) is the verb too.  Transformations (`~` lines) are not read.
"""

import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import petrarch_common as pc  # noqa: E402

# CAMEO 1.1 / 2.0 root labels (the CAMEO codebook's cue categories).
ROOT_LABELS = {
    "01": "MAKE PUBLIC STATEMENT", "02": "APPEAL", "03": "EXPRESS INTENT TO COOPERATE", "04": "CONSULT",
    "05": "ENGAGE IN DIPLOMATIC COOPERATION", "06": "ENGAGE IN MATERIAL COOPERATION", "07": "PROVIDE AID",
    "08": "YIELD", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "EXHIBIT FORCE POSTURE", "16": "REDUCE RELATIONS", "17": "COERCE", "18": "ASSAULT",
    "19": "FIGHT", "20": "USE UNCONVENTIONAL MASS VIOLENCE",
}

# Root -> newsgraph event class (names as in patterns.json, without the "ng:" prefix).
# "Event" is the generic class: the event is kept with its ng:cameoCode.  Chosen so
# that a class is given only where every code under the root is that kind of event;
# narrower matches are per-code overrides below.
ROOT_CLASSES = {
    "01": "Event",      # statements, comments, denials: only 010 is an announcement
    "02": "Event",
    "03": "Event",      # intents; 036 (intent to meet or negotiate) is a planned Meeting
    "04": "Meeting",    # consult / discuss / meet / negotiate
    "05": "Event",      # diplomatic cooperation; 054 and 057 are classes of their own
    "06": "Event",
    "07": "Event",
    "08": "Event",      # yielding includes easing sanctions (085): not an ng:Sanction
    "09": "Event",
    "10": "Event",
    "11": "Event",
    "12": "Event",
    "13": "Event",      # threats, including threats of sanctions or force, are not the act
    "14": "Event",
    "15": "Event",      # force posture (mobilisation, alerts) is not yet military action
    "16": "Event",      # reduce relations; 163 is the sanction
    "17": "Event",      # coercion (arrests, seizures, domestic bans)
    "18": "Event",      # assault by any actor (abduction, bombings, assassination): not always military
    "19": "MilitaryAction",
    "20": "Event",      # mass violence; 204 (weapons of mass destruction) is military action
}

# Per-code overrides: {"class", "planned"?, "agentIsHost"?}.
CODE_CLASSES = {
    "010": {"class": "Announcement"},
    "036": {"class": "Meeting", "planned": True},
    "041": {"class": "Event"},                       # discuss by telephone: not a meeting
    "042": {"class": "Visit"},                       # make a visit
    "043": {"class": "Visit", "agentIsHost": True},  # host a visit: the subject is the host
    "045": {"class": "Event"},                       # mediate
    "054": {"class": "DiplomaticRelationsEstablishment"},
    "057": {"class": "AgreementSigning"},
    "163": {"class": "Sanction"},
    "1631": {"class": "Sanction"}, "1632": {"class": "Sanction"},
    "204": {"class": "MilitaryAction"}, "2041": {"class": "MilitaryAction"}, "2042": {"class": "MilitaryAction"},
}

# Verbs too common in everyday English to signal an event on their own: kept, marked
# "ambiguous", so the extractor can refuse them without a phrase around them.
AMBIGUOUS = set("""
say tell go come take get make have do give put see hold keep call set run turn move show face
bring leave let look find use work play pass stand stay fall carry head open close cut hit back
mark express consider expect seek want need try begin start continue end send meet_with note
raise push press fire deal lead break return reach receive offer follow join hear speak talk ask
add allow appear become change claim cover drop issue point remain serve win lose miss sign
""".split())

HEADER = re.compile(r"^---\s*(.*?)\s*\[([^\]]*)\]\s*---")


def regular_forms(word):
    w = word
    if re.search(r"[^AEIOU]Y$", w):
        return [w, w[:-1] + "IES", w[:-1] + "IED", w + "ING"]
    if w.endswith("EE"):
        return [w, w + "S", w + "D", w + "ING"]
    if w.endswith("E"):
        return [w, w + "S", w + "D", w[:-1] + "ING"]
    if re.search(r"(SS|SH|CH|X|Z)$", w):
        return [w, w + "ES", w + "ED", w + "ING"]
    return [w, w + "S", w + "ED", w + "ING"]


def verb_forms(spec):
    """'MEET {MEETS MET MEETING}' -> ('meet', [...]); '+BEEF_UP' -> ('beef up', [...])."""
    irregular = None
    if "{" in spec:
        irregular = spec[spec.index("{") + 1:spec.index("}") if "}" in spec else len(spec)].split()
        spec = spec[:spec.index("{")]
    spec = spec.strip()
    words = spec.split("_")
    base = " ".join(w.replace("+", "") for w in words if w)
    if irregular is not None:
        forms = [base] + [" ".join(x.replace("+", "") for x in f.split("_") if x) for f in irregular]
    else:
        k = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        forms = []
        for f in regular_forms(words[k].replace("+", "")):
            ws = [w.replace("+", "") for w in words]
            ws[k] = f
            forms.append(" ".join(w for w in ws if w))
    return base.lower(), pc.uniq([f.lower() for f in forms])


def code_of(text):
    c = text.strip().split(":")[0].strip()
    return c if re.fullmatch(r"\d{3,4}", c) else None


def reduce_pattern(body, verb):
    words = []
    for tok in body.split():
        if tok == "*":
            words.append(verb)
            continue
        if tok.startswith("&") or tok in ("$", "+", "%", "^"):
            continue
        tok = tok.replace("{", "").replace("}", "").replace("(", "").replace(")", "")
        parts = [p for p in tok.split("_") if p and p not in ("^", "$", "+", "%") and not p.startswith("&")]
        for p in parts:
            if p == "*":               # "*_A_STRING_OF_TOWNS": the verb joined to its words
                words.append(verb)
                continue
            p = p.strip("$+%^")
            if p and re.fullmatch(r"[A-Z][A-Z'\-]*", p):
                words.append(p.lower())
    return " ".join(words)


def class_of(code):
    if code in CODE_CLASSES:
        return dict(CODE_CLASSES[code])
    if code[:3] in CODE_CLASSES:
        return dict(CODE_CLASSES[code[:3]])
    return {"class": ROOT_CLASSES[code[:2]]}


def main():
    a = pc.args(__doc__.splitlines()[0], ["events.json"])
    path = os.path.join(a.source, "CAMEO.verbpatterns.150430.txt")
    verbs = collections.defaultdict(dict)      # code -> base -> forms
    phrases = collections.defaultdict(set)     # code -> phrases
    dropped = collections.Counter()
    block_code, block_verbs, in_synset = None, [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("&"):
                in_synset = True
                continue
            m = HEADER.match(line)
            if m:
                in_synset = False
                block_code = code_of(m.group(2))
                block_verbs = []
                continue
            if in_synset or block_verbs is None:
                continue
            if line.startswith("~"):
                dropped["transformation line"] += 1
                continue
            if line.startswith("-"):
                body, _, comment = line[1:].partition("#")
                mm = re.search(r"\[([^\]]*)\]", body)
                if not mm:
                    dropped["pattern without code"] += 1
                    continue
                code = code_of(mm.group(1))
                if code is None:
                    dropped["pattern with the null code"] += 1
                    continue
                body = body[:mm.start()]
                cv = comment.split("<")[0].strip().split()
                named = cv[0].replace("_", " ").replace("+", "").lower() if cv else ""
                known = [b for b in block_verbs]
                verb = named if named in known else (known[0] if known else "")
                if not verb:
                    dropped["pattern before any verb"] += 1
                    continue
                p = reduce_pattern(body, verb)
                if p == verb or not p:
                    dropped["pattern with nothing but its verb"] += 1
                    continue
                if verb not in p.split(" ") and not (" " in verb and verb in p):
                    dropped["pattern without its verb"] += 1
                    continue
                phrases[code].add(p)
                continue
            # a verb line
            text = line.split("#")[0].strip()
            if not text:
                continue
            own = None
            mm = re.search(r"\[([^\]]*)\]", text)
            if mm:
                own = mm.group(1)
                text = (text[:mm.start()] + text[mm.end():]).strip()
            base, forms = verb_forms(text)
            if not base or not re.fullmatch(r"[a-z][a-z' \-]*", base):
                dropped["unreadable verb line"] += 1
                continue
            block_verbs.append(base)
            code = code_of(own) if own is not None else block_code
            if code is None:
                dropped["verb with the null code"] += 1
                continue
            verbs[code].setdefault(base, [])
            verbs[code][base] = pc.uniq(verbs[code][base] + forms)

    out = []
    for code in sorted(set(verbs) | set(phrases)):
        if code[:2] not in ROOT_LABELS:
            dropped["code outside roots 01-20"] += 1
            continue
        e = {"code": code, "root": code[:2]}
        e.update(class_of(code))
        e["verbs"] = [{"verb": b, "forms": sorted(fs), "ambiguous": b.replace(" ", "_") in AMBIGUOUS}
                      for b, fs in sorted(verbs[code].items())]
        e["phrases"] = sorted(phrases[code])
        out.append(e)
    doc = {
        "roots": {r: {"class": ROOT_CLASSES[r], "label": ROOT_LABELS[r]} for r in sorted(ROOT_LABELS)},
        "overrides": {c: CODE_CLASSES[c] for c in sorted(CODE_CLASSES)},
        "events": out,
    }
    pc.write_json(a.out, "events.json", doc)
    nv = sum(len(e["verbs"]) for e in out)
    na = sum(1 for e in out for v in e["verbs"] if v["ambiguous"])
    npz = sum(len(e["phrases"]) for e in out)
    print("wrote %d codes (%d verbs, %d ambiguous; %d phrases) to %s" % (
        len(out), nv, na, npz, os.path.join(a.out, "events.json")))
    for k, v in sorted(dropped.items()):
        print("  dropped %5d  %s" % (v, k))


if __name__ == "__main__":
    main()
