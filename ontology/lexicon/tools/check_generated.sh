#!/bin/sh
# Rerun every lexicon generator into a temporary folder and fail (exit 1, naming the
# file) if a committed JSON file differs from what the generators produce.
# Run from anywhere; CI runs it.  Needs python3 and the PETRARCH2 dictionaries at
# ../shared/petrarch2 relative to the repository root (or set PETRARCH2_SOURCE), and
# Debian's iso-codes for countries.json (skipped with a notice when missing).
set -eu
tools=$(cd "$(dirname "$0")" && pwd)
lexicon=$(cd "$tools/.." && pwd)
repo=$(cd "$lexicon/../.." && pwd)
source=${PETRARCH2_SOURCE:-$repo/../shared/petrarch2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

run() { python3 "$tools/$1" --source "$source" --out "$tmp" --lexicon "$lexicon" >/dev/null; }

# fixed order: people, then offices (adds the curated holders to people.json), then
# actors (reads people.json to keep person names out), agents, events
run generate_people.py
run generate_offices.py
run generate_actors.py
run generate_agents.py
run generate_events.py

for f in people.json offices.json actors.json agents.json events.json; do
  if ! cmp -s "$tmp/$f" "$lexicon/$f"; then
    echo "check_generated: ontology/lexicon/$f differs from what its generator writes; rerun the generators (see ontology/lexicon/README.md)" >&2
    status=1
  fi
done

if [ -f /usr/share/iso-codes/json/iso_3166-1.json ]; then
  cp "$lexicon/countries.json" "$tmp/countries.before.json"
  # generate_countries.py writes in place: compare and restore
  python3 "$tools/generate_countries.py" >/dev/null
  if ! cmp -s "$tmp/countries.before.json" "$lexicon/countries.json"; then
    cp "$tmp/countries.before.json" "$lexicon/countries.json"
    echo "check_generated: ontology/lexicon/countries.json differs from what generate_countries.py writes" >&2
    status=1
  fi
else
  echo "check_generated: iso-codes not installed, countries.json not checked" >&2
fi
exit $status
