"""Shared helpers for the generators that read the PETRARCH2/Phoenix dictionaries.

Stdlib only.  The dictionaries are MIT-licensed (openeventdata/petrarch2, commit
676801cd; notice in tools/PETRARCH2-LICENSE).  Every generator reads them from
`../shared/petrarch2` relative to the repository root unless --source is given.
"""

import argparse
import datetime
import json
import os
import re
import unicodedata

TOOLS = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.normpath(os.path.join(TOOLS, ".."))
REPO = os.path.normpath(os.path.join(LEXICON, "..", ".."))
DEFAULT_SOURCE = os.path.normpath(os.path.join(REPO, "..", "shared", "petrarch2"))


def args(description, outputs):
    """--source (the petrarch2 folder) and --out (folder the JSON goes to)."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--source", default=DEFAULT_SOURCE, help="folder holding the PETRARCH2 dictionaries")
    p.add_argument("--out", default=LEXICON, help="folder to write %s to" % ", ".join(outputs))
    p.add_argument("--lexicon", default=LEXICON, help="folder holding the hand-curated lexicon files read as input")
    return p.parse_args()


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split()))


def load_json(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def write_json(folder, name, data):
    path = os.path.join(folder, name)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return path


def uniq(seq, exclude=()):
    """Order-keeping dedupe (exact strings), dropping empties and anything in exclude."""
    seen = set(exclude)
    out = []
    for s in seq:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def read_lines(path):
    """Lines with PETRARCH comments removed (a line starting '#', or ' #' / '#' later in
    the line; '<!-- -->' one-line comments).  Keeps the leading tab that marks date
    restrictions.  Yields (line_number, text)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#") or line.startswith("<!"):
                continue
            if "<!--" in line and "-->" in line:
                a = line.index("<!--")
                line = line[:a] + line[line.index("-->", a) + 3:]
            if "#" in line:
                line = line[:line.index("#")]
            if line.strip():
                yield n, line.rstrip()


def yy_date(s):
    """PETRARCH date (YYMMDD or YYYYMMDD) -> 'YYYY-MM-DD', or None if invalid.
    Century rule of PETRreader.dstr_to_ordate (same as KEDS/TABARI): a two-digit
    year 00-30 is 20YY, otherwise 19YY."""
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) <= 7:
        if len(s) != 6:
            return None
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = int(s[2:4]), int(s[4:6])
    else:
        year, mm, dd = int(s[:4]), int(s[4:6]), int(s[6:8])
    try:
        return datetime.date(year, mm, dd).isoformat()
    except ValueError:
        return None


RESTRICTION = re.compile(r"\[([^\]\s]*)\s*([^\]]*)\]")


def parse_restriction(text):
    """'[RUSGOV 991231-080507]' -> list of (code, from, to); '' for an open end.
    Returns None for a restriction whose dates cannot be read."""
    out = []
    for code, rest in RESTRICTION.findall(text):
        rest = rest.strip()
        if not rest:
            out.append((code, "", ""))
        elif rest[0] in "<>":
            d = yy_date(re.sub(r"\D", "", rest))
            if d is None:
                return None
            out.append((code, "", d) if rest[0] == "<" else (code, d, ""))
        elif "-" in rest:
            a, _, b = rest.partition("-")
            da, db = yy_date(a), yy_date(b)
            if da is None or db is None or db < da:
                return None
            out.append((code, da, db))
        else:
            return None
    return out


def read_actor_blocks(path):
    """Actor records as PETRreader.read_actor_dictionary groups them: a primary phrase
    (optionally with an inline [code]), '+' synonyms, and tab-indented date
    restrictions.  As in PETRARCH, a primary phrase that has collected no code yet
    does not close the record: the next primary phrase joins it (PETRARCH gives them
    the same code index).  Returns a list of dicts {phrases: [...], restrictions:
    [(code, from, to)], primaries: [indexes into phrases of the primary phrases], bad: n,
    line: n}."""
    blocks = []
    cur = None
    for n, line in read_lines(path):
        if line.startswith("\t") or (line.startswith(" ") and line.lstrip().startswith("[")):
            if cur is None:
                continue
            r = parse_restriction(line)
            if r is None:
                cur["bad"] += 1
            else:
                cur["restrictions"].extend(r)
            continue
        if line.startswith("+"):
            if cur is None:
                continue
            phrase, inline = split_inline(line[1:])
            cur["phrases"].append(phrase)
            if inline:
                r = parse_restriction(inline)
                if r is None:
                    cur["bad"] += 1
                else:
                    cur["restrictions"].extend(r)
            continue
        phrase, inline = split_inline(line)
        if cur is not None and not cur["restrictions"] and not cur["bad"]:
            cur["phrases"].append(phrase)
            cur["primaries"].append(len(cur["phrases"]) - 1)
        else:
            cur = {"phrases": [phrase], "primaries": [0], "restrictions": [], "bad": 0, "line": n}
            blocks.append(cur)
        if inline:
            r = parse_restriction(inline)
            if r is None:
                cur["bad"] += 1
            else:
                cur["restrictions"].extend(r)
    return [b for b in blocks if any(b["phrases"])]


def split_inline(text):
    """'VLADIMIR_PUTIN_  [RUSGOV]' -> ('VLADIMIR PUTIN', '[RUSGOV]')."""
    if "[" in text:
        a = text.index("[")
        return phrase_words(text[:a]), text[a:]
    return phrase_words(text), ""


def phrase_words(text):
    """PETRARCH phrase -> upper-case words joined by single spaces ('_' and blanks are word breaks)."""
    return " ".join(text.replace("_", " ").split()).strip()


# ---------------------------------------------------------------- display forms

PARTICLES = {"de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
             "la", "le", "las", "los", "bin", "ibn", "bint", "al", "el", "y", "e", "zu", "af", "ben", "ould", "abu"}
# particles that stay lower case only when written with a hyphen ("al-Assad")
HYPHEN_PARTICLES = {"al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ibn", "ben", "ul", "ud"}
ROMAN = {"II", "III", "IV"}   # not XI (Xi Jinping) nor VI
LOWER_ALWAYS = {"of", "the", "and", "for", "on", "in", "against", "to", "at", "by", "with", "a"}
# particles kept capitalised: they mostly begin a name in news use ("Ben Ali", "Abu Mazen")
CAP_PARTICLES = {"ben", "abu", "ould", "bin", "ibn"}


def cap_word(w, lower_after_hyphen=False):
    """One word in display case: 'PUTIN' -> 'Putin', 'MCCAIN' -> 'McCain',
    "O'BRIEN" -> "O'Brien", 'V.' -> 'V.', 'II' -> 'II', 'JEAN-CLAUDE' -> 'Jean-Claude'."""
    if "-" in w:
        parts = w.split("-")
        out = [cap_word(parts[0])]
        for p in parts[1:]:
            out.append(p.lower() if lower_after_hyphen else cap_word(p))
        return "-".join(out)
    if w.upper() in ROMAN:
        return w.upper()
    if w.upper() == "JR." or w.upper() == "JR":
        return "Jr."
    if w.upper() == "SR." or w.upper() == "SR":
        return "Sr."
    low = w.lower()
    if not low:
        return w
    if len(low) > 3 and low.startswith("mc") and low[2].isalpha():
        return "Mc" + low[2].upper() + low[3:]
    if len(low) > 2 and low[1] == "'" and low[0] in "odl":
        return low[0].upper() + "'" + low[2].upper() + low[3:]
    return low[0].upper() + low[1:]


def display_name(words, korean=False):
    """'VLADIMIR PUTIN' -> 'Vladimir Putin'; 'BASHAR AL-ASSAD' -> 'Bashar al-Assad';
    'CHARLES DE GAULLE' -> 'Charles de Gaulle'.  For Korean names (korean=True) the
    part after a hyphen stays lower case ('Ban Ki-moon')."""
    ws = words.split()
    out = []
    for i, w in enumerate(ws):
        low = w.lower()
        if i > 0 and i < len(ws) - 1 and low in PARTICLES and low not in CAP_PARTICLES:
            out.append(low)
            continue
        if i > 0 and "-" in low and low.split("-")[0] in HYPHEN_PARTICLES:
            head, _, rest = w.partition("-")
            out.append(head.lower() + "-" + cap_word(rest))
            continue
        out.append(cap_word(w, lower_after_hyphen=korean))
    s = " ".join(out)
    s = re.sub(r"\b([A-Z])\.(?=[A-Z])", r"\1. ", s)   # "V.I." -> "V. I."
    return nfc(s)


COMPANY_SUFFIXES = {"LTD": "Ltd", "INC": "Inc", "CORP": "Corp", "CO": "Co", "PLC": "PLC", "LLC": "LLC",
                    "AG": "AG", "SA": "SA", "NV": "NV", "AB": "AB", "ASA": "ASA", "SPA": "SpA", "BV": "BV"}


def org_display(words):
    """Organisation names: Title Case with small words lower case, acronyms (in
    parentheses or of <= 4 letters without vowels) upper case."""
    ws = words.split()
    out = []
    for i, w in enumerate(ws):
        bare = w.strip("()")
        if w.upper().strip(".,") in COMPANY_SUFFIXES:
            out.append(COMPANY_SUFFIXES[w.upper().strip(".,")] + ("." if w.endswith(".") else ""))
        elif w.startswith("(") and w.endswith(")"):
            out.append(w.upper())
        elif i > 0 and w.lower() in LOWER_ALWAYS:
            out.append(w.lower())
        elif len(bare) <= 5 and not re.search(r"[AEIOUY]", bare.upper()) and bare.isalpha():
            out.append(w.upper())
        elif "." in bare and len(bare) <= 8 and re.fullmatch(r"([A-Za-z]\.)+", bare):
            out.append(w.upper())
        else:
            out.append(cap_word(w))
    return nfc(" ".join(out))
