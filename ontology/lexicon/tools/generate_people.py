#!/usr/bin/env python3
"""Generate ontology/lexicon/people.json from PETRARCH2's Phoenix.Countries.actors.txt.

Deterministic, stdlib only.  Inputs: the PETRARCH2 dictionaries (MIT, openeventdata/
petrarch2 commit 676801cd; `--source`, default ../shared/petrarch2 from the repo root)
and the lexicon's countries.json, places.json, organizations.json, titles.json.

    python3 ontology/lexicon/tools/generate_people.py
    python3 ontology/lexicon/tools/generate_offices.py   # then: adds the curated office holders

Officials of international organizations come from Phoenix.International.actors.txt
for the organizations listed in ORG_CODES; they get "organization" instead of "country"
(a person in both files keeps the country and gains the organization).

A person is an actor record with at least one date-bounded role line
(`[RUSGOV 991231-080507]`, `[RUSGOV >080508]`).  Records without dates are countries,
cities or institutions.  Precision first: records whose name looks like an
institution, single-token names (mostly surnames alone or garbled joins such as
BHORTEFEUX), names or alternatives that are also country, place or organization
names, and names shared by people of different countries are dropped; the counts
are printed.
"""

import collections
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import petrarch_common as pc  # noqa: E402

# Words that mark a record as an institution, a group or a place, not a person.
NOT_PERSON_WORDS = set("""
ARMY NAVY FORCE FORCES PARTY GOVERNMENT MINISTRY MINISTER MINISTERS COUNCIL COMMITTEE
ASSEMBLY PARLIAMENT CONGRESS SENATE COURT BANK UNION FRONT MOVEMENT LEAGUE ORGANIZATION
ORGANISATION AGENCY OFFICE POLICE GUARD GUARDS REPUBLIC KINGDOM STATE STATES PROVINCE
REGION CITY ISLAND ISLANDS DEPARTMENT SERVICE SERVICES COMMISSION AUTHORITY CORPS
BRIGADE BRIGADES MILITIA REBELS TROOPS SOLDIERS CABINET REGIME JUNTA ADMINISTRATION
NATIONAL FEDERAL DEMOCRATIC PEOPLE PEOPLES PEOPLE'S SOCIALIST COMMUNIST LIBERAL
INSTITUTE UNIVERSITY COMPANY CORPORATION AIRLINES AIRWAYS RADIO TELEVISION NEWS TIMES
EMBASSY CONSULATE DIET DUMA KNESSET MAJLIS SHURA SOVIET ALLIANCE COALITION COUNTY DISTRICT
""".split())

# Title words the synonyms put before a name, in addition to titles.json.  Matched
# on upper-case words; longest first.
EXTRA_TITLES = {
    "PRESIDENT": "President", "PRIME MINISTER": "Prime Minister", "PREMIER": "Premier",
    "FOREIGN MINISTER": "Foreign Minister", "DEFENSE MINISTER": "Defense Minister",
    "DEFENCE MINISTER": "Defence Minister", "KING": "King", "QUEEN": "Queen", "PRINCE": "Prince",
    "CHANCELLOR": "Chancellor", "SECRETARY OF STATE": "Secretary of State", "GENERAL": "General",
    "GEN.": "General", "GEN": "General", "COL.": "Colonel", "LT.": "Lieutenant", "PRES.": "President",
    "PM": "Prime Minister", "SEN.": "Senator", "REP.": "Representative", "DR.": "", "MR.": "",
    "MRS.": "", "MS.": "", "MR": "", "MRS": "", "DR": "", "SHEIKH": "Sheikh", "SHAIKH": "Sheikh",
    "SHEIK": "Sheikh", "AYATOLLAH": "Ayatollah", "EMIR": "Emir", "SULTAN": "Sultan",
    "VICE PRESIDENT": "Vice President", "VICE-PRESIDENT": "Vice President",
    "DEPUTY PRIME MINISTER": "Deputy Prime Minister", "FINANCE MINISTER": "Finance Minister",
    "INTERIOR MINISTER": "Interior Minister", "BUNDESKANZLER": "Chancellor", "KANZLER": "Chancellor",
    "BUNDESKANZLERIN": "Chancellor", "KANZLERIN": "Chancellor", "PRESIDENTE": "President",
    "PRÉSIDENT": "President", "KPA": "", "FORMER": "", "THE": "", "LATE": "", "EX": "",
}
# Titles written before a name that are honorifics, not offices: stripped, not recorded.
HONORIFICS = {"", "Sheikh"}

# Cultures where one name is the whole name (Suharto, Sukarno, Thein Sein is 2 words).
MONONYM_COUNTRIES = {"IDN"}

# CAMEO codes of international organizations -> organizations.json names (only codes
# that name one organization).
ORG_CODES = {
    "IGOEUREEC": "European Union", "IGOWSTNAT": "North Atlantic Treaty Organization", "IGOUNO": "United Nations",
    "IGOUNODEVWBK": "World Bank", "IGOBUSIMF": "International Monetary Fund",
    "IGOBUSOPC": "Organization of the Petroleum Exporting Countries", "IGOUNOHLHWHO": "World Health Organization",
    "IGOUNOIAE": "International Atomic Energy Agency", "IGOAFRAFU": "African Union",
    "IGOOAS": "Organization of American States", "IGOSEAASN": "Association of Southeast Asian Nations",
    "IGOMEAARL": "Arab League", "IGOBUSWTO": "World Trade Organization", "IGOCWN": "Commonwealth of Nations",
    "NGOHLHIRC": "International Committee of the Red Cross",
}

# CAMEO country codes that differ from ISO 3166-1 alpha-3 (countries.json "iso3").
CODE_ALIASES = {"KSV": "XKX", "TMP": "TLS"}


def load_lexicon(folder):
    countries = pc.load_json(folder, "countries.json")
    iso3 = {c["iso3"]: c["name"] for c in countries}
    blocked = set()   # folded strings that are not people's names
    demonyms = set()
    for c in countries:
        for s in [c["name"], c["official"], c["capital"]] + c["alt"] + c["capitalAlt"] + c["demonyms"]:
            blocked.add(s.casefold())
        for d in c["demonyms"]:
            demonyms.add(d.upper())
        for s in [c["name"]] + c["alt"]:
            demonyms.add(s.upper())
    for name in ("places.json", "organizations.json", "initiatives.json"):
        for e in pc.load_json(folder, name):
            for s in [e["name"]] + e["alt"]:
                blocked.add(s.casefold())
    titles = dict(EXTRA_TITLES)
    for t in pc.load_json(folder, "titles.json"):
        for s in [t["title"]] + t["alt"]:
            titles.setdefault(" ".join(s.upper().replace("-", " - ").split()).replace(" - ", "-"), t["title"])
            titles.setdefault(s.upper(), t["title"])
    return iso3, blocked, demonyms, titles


def fold(s):
    """Case, accents, hyphens and punctuation folded: the key two spellings of one name share."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w ]", " ", s.casefold().replace("'", "")).split())


def clean_words(words):
    """Source noise out of a phrase: a trailing '(ACTING' note, quoted nicknames
    ('"NANDO"'), backticks for the Arabic ayn (SA`ID -> SA'ID).  Returns None for text
    with control characters (bytes lost in an old conversion: 'STRASK\x1aY') or commas
    other than before JR."""
    if any(unicodedata.category(ch)[0] == "C" for ch in words):
        return None
    words = words.replace("`", "'")
    out = []
    for w in words.split():
        if w.startswith("("):
            break
        if '"' in w:
            continue
        out.append(w)
    text = " ".join(out)
    if "," in text.replace(", JR", " JR"):
        return None
    return text


def strip_titles(words, demonyms, titles):
    """'RUSSIAN PRESIDENT VLADIMIR V. PUTIN' -> ('VLADIMIR V. PUTIN', ['President'])."""
    ws = words.split()
    found = []
    changed = True
    while changed and len(ws) > 1:
        changed = False
        for n in range(min(5, len(ws) - 1), 0, -1):
            head = " ".join(ws[:n])
            if head in titles:
                if titles[head] not in HONORIFICS:
                    found.append(titles[head])
                ws = ws[n:]
                changed = True
                break
            if head in demonyms and n < len(ws) - 1:
                # a demonym or country name only counts when a title follows it
                rest = ws[n:]
                for m in range(min(5, len(rest) - 1), 0, -1):
                    if " ".join(rest[:m]) in titles:
                        ws = rest
                        changed = True
                        break
                if changed:
                    break
    return " ".join(ws), found


def main():
    a = pc.args(__doc__.splitlines()[0], ["people.json"])
    iso3, blocked, demonyms, titles = load_lexicon(a.lexicon)
    blocks = pc.read_actor_blocks(os.path.join(a.source, "Phoenix.Countries.actors.txt"))
    dropped = collections.Counter()
    people = {}   # name -> entry

    for b in blocks:
        dated = [r for r in b["restrictions"] if r[1] or r[2]]
        if not dated:
            continue   # countries, cities, institutions: no date-bounded role
        primary = b["phrases"][0]
        pw = primary.split()
        if any(w.strip("()") in NOT_PERSON_WORDS for w in pw) or any(ch.isdigit() for ch in primary):
            dropped["institution-like name"] += 1
            continue
        # country of the record: the ISO3 prefix of its role codes, most frequent first
        codes = [r[0] for r in b["restrictions"] if len(r[0]) >= 3]
        ctr = collections.Counter(c[:3] for c in codes)
        if not ctr:
            dropped["no role code"] += 1
            continue
        code3 = sorted(ctr.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        country = iso3.get(CODE_ALIASES.get(code3, code3))
        if country is None:
            dropped["role code maps to no current country (territory or former state)"] += 1
            dropped_codes[code3] += 1
            continue
        korean = code3 in ("KOR", "PRK")
        primary = clean_words(primary)
        if not primary:
            dropped["garbled name (lost bytes, comma)"] += 1
            continue
        core, ttl = strip_titles(primary, demonyms, titles)
        if len(core.split()) < 2 and code3 not in MONONYM_COUNTRIES:
            dropped["single-token name"] += 1
            continue
        name = pc.display_name(core, korean=korean)
        if name.casefold() in blocked:
            dropped["name is a country/place/organization name"] += 1
            continue
        name_tokens = set(t.strip(".").casefold() for t in name.replace("-", " ").split())
        alts, all_titles = [], list(ttl)
        for syn in b["phrases"][1:]:
            syn = clean_words(syn)
            if not syn:
                dropped["alt: garbled (lost bytes, comma)"] += 1
                continue
            core2, t2 = strip_titles(syn, demonyms, titles)
            all_titles.extend(t2)
            alt = pc.display_name(core2, korean=korean)
            toks = [t.strip(".").casefold() for t in alt.replace("-", " ").split()]
            if any(w.strip("()") in NOT_PERSON_WORDS for w in core2.split()) or re.search(r"(^| )\.", alt):
                dropped["alt: institution word or garbled"] += 1
                continue
            if alt.casefold() in blocked:
                dropped["alt: country/place/organization name"] += 1
                continue
            if len(toks) < 2 and code3 not in MONONYM_COUNTRIES:
                dropped["alt: single token (surname alone)"] += 1
                continue
            if not (set(t for t in toks if len(t) > 1) & set(t for t in name_tokens if len(t) > 1)):
                dropped["alt: shares no word with the name (likely another person)"] += 1
                continue
            alts.append(alt)
        roles = []
        for code, frm, to in b["restrictions"]:
            if code[:3] != code3:
                if len(code) >= 3:
                    dropped["role: code of another country or body"] += 1
                continue
            roles.append({"code": code[3:], "from": frm, "to": to})
        roles = sorted({(r["from"], r["to"], r["code"]): r for r in roles}.values(),
                       key=lambda r: (r["from"], r["to"], r["code"]))
        e = people.get(name)
        if e is not None and e["country"] != country:
            e["conflict"] = True
            dropped["record whose name a person of another country has"] += 1
            continue
        if e is None:
            e = people[name] = {"name": name, "alt": [], "country": country, "roles": [], "titles": []}
        e["alt"] = e["alt"] + alts
        e["roles"] = e["roles"] + roles
        e["titles"] = e["titles"] + all_titles

    # officials of international organizations (Phoenix.International.actors.txt), for the
    # organizations whose CAMEO code is unambiguous
    orgs = set()
    org_prefixes = set(demonyms)
    for o in pc.load_json(a.lexicon, "organizations.json"):
        orgs.add(o["name"])
        org_prefixes.update(s.upper() for s in [o["name"]] + o["alt"])
    # the country people by folded name and alternatives, to merge an official into
    by_fold = collections.defaultdict(set)
    for e in people.values():
        for s in [e["name"]] + e["alt"]:
            by_fold[fold(s)].add(e["name"])
    for b in pc.read_actor_blocks(os.path.join(a.source, "Phoenix.International.actors.txt")):
        dated = [r for r in b["restrictions"] if r[1] or r[2]]
        if not dated:
            continue
        org = ORG_CODES.get(dated[0][0])
        if org is None or org not in orgs:
            dropped["official: organization code not mapped"] += 1
            continue
        first = clean_words(b["phrases"][0])
        if not first:
            dropped["official: garbled name"] += 1
            continue
        core, ttl = strip_titles(first, org_prefixes, titles)
        cw = core.split()
        if len(cw) < 2 or any(w.strip("()") in NOT_PERSON_WORDS for w in cw) or "," in core \
                or cw[-1].lower() in pc.PARTICLES:
            dropped["official: single-token, garbled or institution-like name"] += 1
            continue
        name = pc.display_name(core)
        if name.casefold() in blocked:
            dropped["official: name is a country/place/organization name"] += 1
            continue
        name_tokens = set(t.strip(".").casefold() for t in name.replace("-", " ").split())
        alts, all_titles = [], list(ttl)
        for syn in b["phrases"][1:]:
            syn = clean_words(syn)
            if not syn:
                continue
            core2, t2 = strip_titles(syn, org_prefixes, titles)
            all_titles.extend(t2)
            alt = pc.display_name(core2)
            toks = [t.strip(".").casefold() for t in alt.replace("-", " ").split()]
            if len(toks) >= 2 and alt.casefold() not in blocked and set(toks) & name_tokens \
                    and not any(w.strip("()") in NOT_PERSON_WORDS for w in core2.split()):
                alts.append(alt)
        roles = [{"code": c, "from": f, "to": t} for c, f, t in b["restrictions"] if c == dated[0][0]]
        same = set()
        for f in [name] + alts:
            same |= by_fold.get(fold(f), set())
        if len(same) > 1:
            dropped["official: matches several country people"] += 1
            continue
        if same:
            # the same person as a national one ("Ban Ki Moon" of South Korea)
            e = people[same.pop()]
            alts = alts + ([name] if name != e["name"] else [])
            name = e["name"]
            dropped["official: merged into the national entry (not a drop)"] += 1
        e = people.get(name)
        if e is None:
            e = people[name] = {"name": name, "alt": [], "country": "", "roles": [], "titles": []}
        if e.get("organization") and e["organization"] != org:
            dropped["official: already an official of another organization"] += 1
            continue
        e["organization"] = org
        e["alt"] = e["alt"] + alts
        e["roles"] = e["roles"] + roles
        e["titles"] = e["titles"] + all_titles

    # an alternative form claimed by two people names neither
    owners = collections.defaultdict(set)
    for e in people.values():
        if e.get("conflict"):
            continue
        for s in [e["name"]] + e["alt"]:
            owners[s.casefold()].add(e["name"])
    out = []
    for name in sorted(people):
        e = people[name]
        if e.pop("conflict", False):
            dropped["name shared by people of two countries (all of them dropped)"] += 1
            continue
        alt = []
        for s in e["alt"]:
            if len(owners[s.casefold()]) > 1:
                dropped["alt: claimed by two people"] += 1
                continue
            alt.append(s)
        e["alt"] = sorted(pc.uniq(alt, exclude=[name]))
        seen = set()
        roles = []
        for r in sorted(e["roles"], key=lambda r: (r["from"], r["to"], r["code"])):
            k = (r["code"], r["from"], r["to"])
            if k not in seen:
                seen.add(k)
                roles.append(r)
        e["roles"] = roles
        e["titles"] = sorted(pc.uniq(e["titles"]))
        out.append({"name": e["name"], "alt": e["alt"], "country": e["country"],
                    "organization": e.get("organization", ""),
                    "roles": e["roles"], "titles": e["titles"], "source": "petrarch2"})
    pc.write_json(a.out, "people.json", out)
    print("wrote %d people to %s" % (len(out), os.path.join(a.out, "people.json")))
    for k, v in sorted(dropped.items()):
        print("  dropped %5d  %s" % (v, k))
    if dropped_codes:
        print("  codes with no current country:", " ".join("%s:%d" % kv for kv in sorted(dropped_codes.items())))


dropped_codes = collections.Counter()

if __name__ == "__main__":
    main()
