#!/usr/bin/env python3
"""Generate ontology/lexicon/actors.json from PETRARCH2's Phoenix.International.actors.txt
(IGOs, NGOs, multinational companies) and Phoenix.MilNonState.actors.txt (armed and
other non-state groups).

    python3 ontology/lexicon/tools/generate_actors.py

Deterministic, stdlib only.  Organizations only: records with a date-bounded role
(the officials of an organization) and records named by an office ("UN Secretary
General") are left out.  organizations.json is hand-curated and wins: a record any
of whose names is already there is skipped.  Precision first: one-word names are
kept only as upper-case acronyms of at most 6 letters (the extractor matches those
case-sensitively) or, for non-companies, as a longer proper name; leaders listed as
synonyms of their group are left out; a name claimed by
two records, or that is a country, place or person name, names neither.
"""

import collections
import difflib
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import petrarch_common as pc  # noqa: E402

OFFICE_WORDS = set("""
SECRETARY SECRETARY-GENERAL PRESIDENT CHIEF DIRECTOR DIRECTOR-GENERAL MINISTER SPOKESMAN
SPOKESWOMAN SPOKESPERSON OFFICIAL OFFICIALS CHAIRMAN CHAIRWOMAN HEAD ENVOY AMBASSADOR
COMMISSIONER LEADER LEADERS MEMBER MEMBERS DELEGATE DELEGATES DELEGATION REPRESENTATIVE
GENERAL-SECRETARY SECY SEC. GEN. GEN SPOKESPEOPLE STAFF WORKER WORKERS EMPLOYEE
""".split())

HONORIFICS = {"SHEIKH", "SHEIK", "SHAYKH", "SAYYED", "SAYYID", "MULLAH", "IMAM", "EMIR", "AMIR", "COMMANDER",
              "GENERAL", "LEADER", "MR.", "DR.", "MAULANA", "AYATOLLAH"}
ORG_WORDS = set("""
FRONT ARMY GROUP GROUPS MOVEMENT BRIGADE BRIGADES ORGANIZATION ORGANISATION PARTY COUNCIL
COMMITTEE LEAGUE UNION FORCE FORCES FEDERATION ASSOCIATION SOCIETY FOUNDATION FUND
INSTITUTE CENTER CENTRE NETWORK ALLIANCE COALITION CELL CELLS BATTALION MARTYRS JIHAD
COMPANY CORPORATION BANK INC CORP LTD TRUST INTERNATIONAL
""".split())

# role part of a CAMEO code -> kind, first match wins
ROLE_KINDS = [("REB", "armed group"), ("INS", "insurgent group"), ("UAF", "armed group"),
              ("PTY", "party"), ("OPP", "opposition"), ("SPY", "intelligence agency"),
              ("MIL", "military"), ("MED", "media"), ("BUS", "company"), ("GOV", "government body"),
              ("HRI", "ngo"), ("NGO", "ngo"), ("REL", "religious body"), ("EDU", "education")]
PREFIX_KINDS = {"IGO": "intergovernmental", "NGO": "ngo", "MNC": "company", "IMG": "militant group",
                "NGM": "movement"}


def kind_of(code):
    if code[:3] in PREFIX_KINDS:
        return PREFIX_KINDS[code[:3]]
    role = code[3:]
    for part, kind in ROLE_KINDS:
        if part in role:
            return kind
    return ""


def forms(phrase):
    """PETRARCH phrase -> (display name or "", [acronyms in parentheses])."""
    if ":" in phrase or any(ord(ch) < 32 for ch in phrase):
        return "", []   # list headings that slipped in ("SOURCE: MNC.MLH.ACTORS"), lost bytes
    acr = re.findall(r"\(([A-Z0-9.&\-]+)\)", phrase)
    bare = " ".join(re.sub(r"\([^)]*\)", " ", phrase).split()).strip(" -")
    if bare.startswith("THE "):
        bare = bare[4:]
    return bare, acr


def fold(s):
    return " ".join(re.sub(r"[^\w]+", " ", s.casefold()).split())


def main():
    a = pc.args(__doc__.splitlines()[0], ["actors.json"])
    taken = set()      # names used elsewhere in the lexicon
    curated = set()    # organizations.json names
    for o in pc.load_json(a.lexicon, "organizations.json"):
        for s in [o["name"]] + o["alt"]:
            curated.add(fold(s))
    for c in pc.load_json(a.lexicon, "countries.json"):
        for s in [c["name"], c["official"], c["capital"]] + c["alt"] + c["capitalAlt"] + c["demonyms"]:
            taken.add(fold(s))
    for name in ("places.json", "initiatives.json", "titles.json"):
        for e in pc.load_json(a.lexicon, name):
            for s in [e.get("name") or e.get("title")] + e["alt"]:
                taken.add(fold(s))
    # PETRARCH lists some leaders as synonyms of their group (KHALED_MESHAAL under
    # HAMAS): a form that starts with a given name of people.json and has no
    # organization word is taken for a person and left out.
    given = collections.Counter()
    people_path = os.path.join(a.out, "people.json")
    if not os.path.exists(people_path):
        people_path = os.path.join(a.lexicon, "people.json")
    for e in pc.load_json(os.path.dirname(people_path), "people.json"):
        for s in [e["name"]] + e["alt"]:
            taken.add(fold(s))
        given[e["name"].split()[0].upper()] += 1
    given_names = {g for g, n in given.items() if n >= 3 and g.lower() not in pc.PARTICLES
                   and g not in ("ABD", "ABDUL", "ABDEL", "AL", "EL")}

    dropped = collections.Counter()
    records = []
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for b in pc.read_actor_blocks(os.path.join(a.source, fname)):
            if any(r[1] or r[2] for r in b["restrictions"]):
                dropped["dated role: a person, not an organization"] += 1
                continue
            codes = [r[0] for r in b["restrictions"] if r[0]]
            if not codes:
                dropped["no code"] += 1
                continue
            code = codes[0]
            kind = kind_of(code)
            if not kind:
                dropped["code gives no organization kind"] += 1
                continue
            names = []
            for p in b["phrases"]:
                if any(w in OFFICE_WORDS for w in p.split()):
                    continue
                bare, acr = forms(p)
                names.append(bare)
                names.extend(acr)
            if not names or any(w in OFFICE_WORDS for w in b["phrases"][0].split()):
                dropped["named by an office, not an organization"] += 1
                continue
            shown = []
            for j, n in enumerate(names):
                ws = n.split()
                if j > 0 and ws and ws[0] in HONORIFICS:
                    dropped["alt: a person's name"] += 1
                    continue
                if j > 0 and len(ws) >= 2 and ws[0] in given_names and not (set(ws) & ORG_WORDS):
                    dropped["alt: a person's name"] += 1
                    continue
                if j == 0 and len(ws) == 1 and kind != "company" and len(ws[0]) >= 5 and ws[0].isalpha():
                    shown.append(pc.cap_word(ws[0]))
                    continue
                if len(ws) == 1:
                    w = ws[0]
                    if len(w.strip(".")) <= 6 and re.fullmatch(r"[A-Z0-9.&\-]+", w):
                        shown.append(w)   # acronym: matched case-sensitively
                    elif kind != "company" and len(w) > 6 and w.isalpha():
                        # a one-word alternative must be a spelling of the name (Hizballah,
                        # Taleban), not another word (Nasrallah under Hezbollah)
                        if j > 0 and max(difflib.SequenceMatcher(None, w, x).ratio()
                                         for x in names[0].split()) < 0.6:
                            dropped["alt: one word that is not a spelling of the name"] += 1
                            continue
                        shown.append(pc.cap_word(w))
                    else:
                        dropped["one-word name (common word risk)"] += 1
                    continue
                shown.append(pc.org_display(n))
            shown = pc.uniq(shown)
            if not shown:
                dropped["no usable name"] += 1
                continue
            if any(fold(s) in curated for s in shown):
                dropped["already in organizations.json (hand-curated wins)"] += 1
                continue
            shown = [s for s in shown if fold(s) not in taken]
            if not shown:
                dropped["every name is a country, place, title or person name"] += 1
                continue
            # the display name: the first multi-word form, else the first form
            # the display name: the primary phrase, unless it is only an acronym
            multi = [s for s in shown if len(s.split()) > 1]
            primary_ok = shown[0] == names[0] or shown[0] == pc.org_display(names[0]) or shown[0] == pc.cap_word(names[0])
            if primary_ok and not (shown[0].isupper() and multi):
                name = shown[0]
            else:
                name = multi[0] if multi else shown[0]
            records.append({"name": name, "alt": [s for s in shown if s != name], "kind": kind, "cameo": code})

    # merge records of the same name and code; a form claimed by two different records names neither
    # (same name and kind: the first record's code is kept, its forms get the others')
    merged = collections.OrderedDict()
    for r in records:
        k = (fold(r["name"]), r["kind"])
        if k in merged:
            merged[k]["alt"] += r["alt"]
            dropped["merged duplicate record"] += 1
        else:
            merged[k] = r
    owners = collections.defaultdict(set)
    for k, r in merged.items():
        for s in [r["name"]] + r["alt"]:
            owners[fold(s)].add(k)
    out = []
    byname = collections.defaultdict(list)
    for k, r in merged.items():
        if len(owners[fold(r["name"])]) > 1:
            dropped["name claimed by two records"] += 1
            continue
        alt = []
        for s in r["alt"]:
            if len(owners[fold(s)]) > 1:
                dropped["alt claimed by two records"] += 1
                continue
            alt.append(s)
        byname[r["name"]].append(r)
        out.append({"name": r["name"], "alt": sorted(pc.uniq(alt, exclude=[r["name"]])), "kind": r["kind"],
                    "cameo": r["cameo"]})
    out.sort(key=lambda e: (e["name"], e["cameo"]))
    pc.write_json(a.out, "actors.json", out)
    kinds = collections.Counter(e["kind"] for e in out)
    print("wrote %d actors to %s" % (len(out), os.path.join(a.out, "actors.json")))
    print("  kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    for k, v in sorted(dropped.items()):
        print("  dropped %5d  %s" % (v, k))


if __name__ == "__main__":
    main()
