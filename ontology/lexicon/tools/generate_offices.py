#!/usr/bin/env python3
"""Generate ontology/lexicon/offices.json from the hand-curated tools/offices_curated.json,
and add the curated office holders to people.json.

Run after generate_people.py (it reads and rewrites the people.json that script wrote):

    python3 ontology/lexicon/tools/generate_people.py && python3 ontology/lexicon/tools/generate_offices.py

Deterministic, stdlib only.  offices.json has one entry per (country or organization,
office) with its holders in date order, so that "the president of X" on a date can be
resolved.  The table is checked: every country and organization must be a name in
countries.json / organizations.json, every date well formed, and within one office a
holder may not start before the previous one left.
"""

import collections
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import petrarch_common as pc  # noqa: E402

# letters NFD does not decompose
FOLD_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
                              "ß": "ss", "þ": "th", "ð": "d"})
DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(FOLD_LETTERS)
    s = s.replace("ı", "i").replace("’", "").replace("'", "")
    return " ".join(re.sub(r"[^\w ]", " ", s.casefold()).split())


def main():
    a = pc.args(__doc__.splitlines()[0], ["offices.json", "people.json"])
    table = pc.load_json(os.path.join(os.path.dirname(os.path.abspath(__file__))), "offices_curated.json")
    countries = {c["name"] for c in pc.load_json(a.lexicon, "countries.json")}
    orgs = {o["name"] for o in pc.load_json(a.lexicon, "organizations.json")}
    errors = []
    groups = collections.defaultdict(list)
    for r in table["offices"]:
        where = r.get("country", "")
        org = r.get("organization", "")
        if bool(where) == bool(org):
            errors.append("%s: exactly one of country/organization" % r["person"])
        if where and where not in countries:
            errors.append("%s: unknown country %r" % (r["person"], where))
        if org and org not in orgs:
            errors.append("%s: unknown organization %r" % (r["person"], org))
        for d in (r["from"], r["to"]):
            if d and not DATE.match(d):
                errors.append("%s: bad date %r" % (r["person"], d))
        if not r["from"]:
            errors.append("%s: no start date" % r["person"])
        groups[(where, org, r["office"])].append(r)
    out = []
    for key in sorted(groups):
        where, org, office = key
        holders = sorted(groups[key], key=lambda r: (r["from"], r["person"]))
        for prev, nxt in zip(holders, holders[1:]):
            # compare at the coarser precision of the two dates
            n = min(len(prev["to"]), len(nxt["from"])) if prev["to"] else 0
            if not prev["to"]:
                errors.append("%s %s: %s has no end but %s follows" % (where or org, office, prev["person"], nxt["person"]))
            elif prev["to"][:n] > nxt["from"][:n]:
                errors.append("%s %s: %s ends after %s starts" % (where or org, office, prev["person"], nxt["person"]))
        out.append({"country": where, "organization": org, "office": office,
                    "holders": [{"person": h["person"], "from": h["from"], "to": h["to"], "precision": h["precision"]}
                                for h in holders]})
    if errors:
        sys.exit("offices_curated.json:\n  " + "\n  ".join(errors))
    # ---- people.json: add the curated holders
    people = pc.load_json(a.out, "people.json")
    by_fold = collections.defaultdict(list)
    for i, e in enumerate(people):
        for s in [e["name"]] + e["alt"]:
            by_fold[fold(s)].append(i)
    # one person per curated name, whatever offices and places they held
    curated = collections.OrderedDict()
    for r in sorted(table["offices"], key=lambda r: (r["person"], r["from"])):
        c = curated.setdefault(r["person"], {"alt": [], "offices": [], "countries": [], "orgs": []})
        c["alt"] += r.get("alt", [])
        c["offices"].append(r["office"])
        if r.get("country"):
            c["countries"].append(r["country"])
        if r.get("organization"):
            c["orgs"].append(r["organization"])
    blocked = set()
    for c in pc.load_json(a.lexicon, "countries.json"):
        blocked.update(fold(x) for x in [c["name"], c["official"], c["capital"]] + c["alt"] + c["capitalAlt"])
    for name in ("places.json", "organizations.json", "initiatives.json"):
        for e in pc.load_json(a.lexicon, name):
            blocked.update(fold(x) for x in [e["name"]] + e["alt"])
    stats = collections.Counter()
    canonical = {}   # curated spelling -> the people.json name it resolved to
    names = {e["name"] for e in people}
    for person, c in curated.items():
        forms = [person] + c["alt"]
        ctry = sorted(set(c["countries"]))
        orgs = sorted(set(c["orgs"]))
        if len(ctry) > 1:
            sys.exit("offices_curated.json: %s holds offices in several countries" % person)
        found = sorted({i for f in forms for i in by_fold.get(fold(f), [])})
        # the same person: same country, or (for someone curated only for an organization
        # office) the one person of that name
        hits = [i for i in found if people[i]["country"] in ctry
                or (not people[i]["country"] and people[i].get("organization") in orgs)] if ctry else found
        if len(hits) > 1:
            stats["curated person matching several people (added to none)"] += 1
            continue
        if hits:
            e = people[hits[0]]
            stats["matched an existing person"] += 1
            e["source"] = "petrarch2+curated"
            if e["name"] != person and person not in names:
                # the curated spelling is the display name ("Ban Ki Moon" -> "Ban Ki-moon",
                # "Hojatolislam Sayyed Ali Khamenei" -> "Ali Khamenei"); PETRARCH's stays an alternative
                names.discard(e["name"])
                e["alt"].append(e["name"])
                e["name"] = person
                names.add(person)
                stats["  of them renamed to the curated spelling"] += 1
        else:
            if fold(person) in blocked:
                stats["name is a country, place or organization name (skipped)"] += 1
                continue
            if person in names:
                stats["name already used by a person of another country (skipped)"] += 1
                continue
            e = {"name": person, "alt": [], "country": ctry[0] if ctry else "", "organization": "", "roles": [],
                 "titles": [], "source": "curated"}
            people.append(e)
            names.add(person)
            stats["added"] += 1
        if orgs and not e["organization"]:
            e["organization"] = orgs[0]
        if ctry and not e["country"]:
            e["country"] = ctry[0]
        for f in forms:
            owners = {i for i in by_fold.get(fold(f), []) if people[i] is not e}
            if owners or fold(f) in blocked:
                stats["curated alternative owned by another person or entity (not added)"] += 1
                continue
            if f != e["name"] and f not in e["alt"]:
                e["alt"].append(f)
        canonical[person] = e["name"]
        e["titles"] = sorted(pc.uniq(e["titles"] + c["offices"]))
        e["alt"] = sorted(pc.uniq(e["alt"], exclude=[e["name"]]))
    missing = sorted({h["person"] for o in out for h in o["holders"]} - set(canonical))
    if missing:
        sys.exit("office holders not in people.json: " + ", ".join(missing))
    for o in out:
        for h in o["holders"]:
            h["person"] = canonical[h["person"]]
    pc.write_json(a.out, "offices.json", out)
    print("wrote %d offices (%d holders, %d countries, %d organizations) to %s" % (
        len(out), len(table["offices"]), len({k[0] for k in groups if k[0]}), len({k[1] for k in groups if k[1]}),
        os.path.join(a.out, "offices.json")))

    people.sort(key=lambda e: e["name"])
    pc.write_json(a.out, "people.json", people)
    print("people.json now %d people" % len(people))
    for k, v in sorted(stats.items()):
        print("  %5d  %s" % (v, k))


if __name__ == "__main__":
    main()
