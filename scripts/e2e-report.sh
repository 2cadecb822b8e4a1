#!/usr/bin/env bash
# End-to-end checks of `omnigap report` on the real binary: the text report's sections, width and
# languages; the JSON report against the independent Python reference; damaged files listed;
# goals shown; Markdown, CSV and HTML (charts checked against the JSON); untrusted text made
# harmless; wrong flags refused.
# Usage: scripts/e2e-report.sh PATH-TO-OMNIGAP
set -uo pipefail

bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"

fits80() {  # NAME: every line of $work/out is at most 80 columns (characters; no wide text here)
  if python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$work/out"
  then ok "$1"; else fail "$1"; fi
}
no_escape() { if grep -q $'\e' "$work/out"; then fail "$1"; else ok "$1"; fi; }

"$bin" new ws --title "Nordic Home — omnichannel" >/dev/null
"$bin" simulate ws --participants 40 --seed 11 >/dev/null
"$bin" record ws --participant "Eve" --department logistics --item logistics.process.map --current 1 --target 3 \
  --comment $'Stores lag \e[31mbehind\e[0m' >/dev/null

run "report (text)" 0 "$bin" report ws && {
  for section in "OMNICHANNEL GAP REPORT" "PARTICIPATION" "EXECUTIVE SUMMARY" "Weakest link:" "LOGISTICS" \
                 "PERCEPTION GAPS" "GOALS" "No goals recorded yet." "METHODOLOGY" "ITEM DETAIL"; do
    contains "the text report has \"$section\"" "$section"
  done
  contains "the participation counts everyone" "Total                                          41"
  fits80 "the text report fits 80 columns"
  no_escape "the text report sends no escape sequence"
  contains "a comment's escape is shown, not sent" 'Stores lag \u{1B}[31mbehind'
}

for lang in pl sv it; do
  run "report --lang $lang" 0 "$bin" report ws --lang "$lang" && fits80 "the $lang report fits 80 columns"
done
run "report --lang pl" 0 "$bin" report ws --lang pl && contains "the Polish report is in Polish" "PODSUMOWANIE" \
  && cp "$work/out" "$work/polish.txt" \
  && check "Polish numbers use a decimal comma" grep -qE '[0-9],[0-9]{2} → [0-9],[0-9]{2}' "$work/polish.txt"
run "report --lang sv" 0 "$bin" report ws --lang sv && contains "the Swedish report is in Swedish" "svagaste"
run "report --lang it" 0 "$bin" report ws --lang it && contains "the Italian report is in Italian" "anello debole"

# The JSON report agrees with the independent Python implementation of the same formulas.
mkdir -p modules-json
# Every module the session froze, whatever they are: departments are data.
for module in $(python3 -c 'import json, sys; print(" ".join(m["id"] for m in json.load(open(sys.argv[1]))["modules"]))' ws/session.json); do
  "$bin" modules show "$module" --json --modules ws/modules >"modules-json/$module.json"
done
run "report --format json -o FILE" 0 "$bin" report ws --format json -o report.json && contains "it says where it wrote" "report.json"
python3 "$root/Tests/reference/reference_report.py" ws modules-json >reference.json
check "the JSON report agrees with the Python reference to 1e-9" python3 "$root/Tests/reference/compare_reports.py" report.json reference.json

# Damaged files are listed, and everybody else still counts.
cp "$(ls -S ws/participants/p-*.json | head -1)" cut.json  # the largest: a cut at 900 bytes always truncates it
head -c 900 cut.json >ws/participants/p-00000000000000ab.json
printf 'not json' >ws/participants/p-00000000000000ac.json
run "report with damaged files" 0 "$bin" report ws && {
  contains "the skipped files are listed" "SKIPPED FILES"
  contains "the truncated file is named" "participants/p-00000000000000ab.json: the file is truncated"
  contains "the foreign file is named" "participants/p-00000000000000ac.json"
  contains "the others still count" "Total                                          41"
  contains "stderr says so too" "note: 2 file(s) left out of the report"
}
"$bin" report ws --format json -o damaged.json 2>/dev/null
check "the JSON report lists the skipped files" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [s["path"] for s in d["skipped"]] == ["participants/p-00000000000000ab.json", "participants/p-00000000000000ac.json"], d["skipped"]
assert sum(p["joined"] for p in d["participation"]) == 41' damaged.json
rm ws/participants/p-00000000000000ab.json ws/participants/p-00000000000000ac.json

# Goals recorded by the facilitator appear; a damaged facilitator.json is listed, not fatal.
sid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' ws/session.json)
cat >ws/facilitator.json <<JSON
{"format": "omnigap-facilitator", "version": 1, "session": "$sid", "revision": 1, "phase_index": 2, "revealed": true,
 "votes_per_participant": 3, "goals": [{"id": "g-1", "statement": "Returns accepted in every store", "kpi": "Return rate",
 "baseline": "12%", "target": "8%", "owner": "Åsa P.", "due": "2027-03-31", "links": ["logistics.returns"],
 "created": "2026-11-23T19:20:01.002Z", "updated": "2026-11-23T19:24:30.120Z"}]}
JSON
run "report with a goal" 0 "$bin" report ws && contains "the goal is shown" "Returns accepted in every store" && contains "with its owner" "Åsa P., due 2027-03-31" \
  && contains "with the title of what it closes, not its id" "– Logistics · " \
  && contains "the summary quotes the goal" "The group agreed on “Returns accepted in every store”."
printf '{"format": "omnigap-facilitator", "ver' >ws/facilitator.json
run "report with a damaged facilitator.json" 0 "$bin" report ws && contains "it is listed" "facilitator.json: "

# Markdown and CSV.
run "report --format markdown" 0 "$bin" report ws --format markdown && {
  contains "the Markdown report has its heading" "# Omnichannel gap report: Nordic Home — omnichannel"
  contains "and tables" "|---|"
  for section in "## Executive summary" "### Biggest disagreements" "## Perception gaps" "## Goals" "## Item detail"; do
    contains "the Markdown report has \"$section\"" "$section"
  done
  contains "its dimension tables give n" "| Items | n |"
  contains "a comment's escape is shown, not sent, in Markdown" 'Stores lag \\u\{1B\}\[31mbehind'
}
run "report --format csv -o FILE" 0 "$bin" report ws --format csv -o report.csv
check "the CSV report is UTF-8 with a BOM, one row per item and department, every row complete" python3 -c '
import csv, io, sys
data = open(sys.argv[1], "rb").read()
assert data.startswith(b"\xef\xbb\xbf"), "no BOM"
rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
assert rows[0][:5] == ["item", "module", "dimension", "department", "n"], rows[0]
assert len(rows) > 150 and all(len(r) == len(rows[0]) for r in rows), len(rows)
assert any(r[3] == "all" for r in rows) and any(r[3] == "logistics" for r in rows)' report.csv

# HTML: one self-contained file whose charts draw the JSON's numbers, in every language, with
# untrusted text escaped.
cat >ws/facilitator.json <<JSON
{"format": "omnigap-facilitator", "version": 1, "session": "$sid", "revision": 1, "phase_index": 2, "revealed": true,
 "votes_per_participant": 3, "goals": [{"id": "g-1", "statement": "<script>alert(1)</script> & returns in \\"every\\" store",
 "kpi": "Return rate", "baseline": "12%", "target": "8%", "owner": "</td><img src=x onerror=alert(1)>", "due": "2027-03-31",
 "links": ["logistics.returns"], "created": "2026-11-23T19:20:01.002Z", "updated": "2026-11-23T19:24:30.120Z"}]}
JSON
"$bin" report ws --format json -o report.json 2>/dev/null
for lang in en pl sv it; do
  run "report --format html --lang $lang -o FILE" 0 "$bin" report ws --format html --lang "$lang" -o "report-$lang.html"
  "$bin" report ws --format json --lang "$lang" -o "report-$lang.json" 2>/dev/null
  check "the $lang HTML is well-formed, self-contained, and its charts match the JSON" \
    python3 "$root/Tests/reference/check_html_report.py" "report-$lang.html" "report-$lang.json" "$lang"
done
cp report-en.html "$work/out"
contains "the goal's markup is escaped" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; returns in &quot;every&quot; store"
contains "the owner's markup is escaped" "&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;"
contains "a comment's escape is shown, not sent, in HTML" 'Stores lag \u{1B}[31mbehind'
no_escape "the HTML report holds no escape character"
check "the Polish HTML is in Polish, with a decimal comma" grep -q 'Podsumowanie dla zarządu' report-pl.html
check "the Polish HTML uses a decimal comma" grep -qE '[0-9],[0-9]{2} → [0-9],[0-9]{2}' report-pl.html
run "--format md is Markdown" 0 "$bin" report ws --format md && contains "it is Markdown" "# Omnichannel gap report"

# The demo's own texts follow its language.
run "demo --no-ui --lang pl" 0 "$bin" demo "$work/demo-pl" --no-ui --lang pl && {
  contains "the Polish demo has a Polish title" "Nordic Home — droga do omnichannel"
  contains "and Polish goals" "Zwroty z zakupów online przyjmowane w każdym salonie"
}

# A session created with the first edition of the modules keeps its own: it still reads, scores
# and reports, although the shipped modules are the second edition now.
cp -r "$root/Tests/Fixtures/edition-1-session" "$work/edition-1"
run "status of a first-edition session" 0 "$bin" status "$work/edition-1" \
  && contains "it keeps the first edition's modules" "Modules: ecommerce 1.0, it 1.0, customer-service 1.0, logistics 1.0, omnichannel 1.0 (shared)"
run "report of a first-edition session" 0 "$bin" report "$work/edition-1" && {
  contains "it scores the first edition's items" "The agent's view of the customer"
  contains "everybody is counted" "Total                                           8"
}
for format in markdown html csv json; do
  run "report --format $format of a first-edition session" 0 "$bin" report "$work/edition-1" --format "$format" -o "$work/edition-1.$format"
done

# Wrong input.
run "an unknown format is a usage error" 64 "$bin" report ws --format xml && contains "the bad value is named" "xml"
run "an unknown language is a usage error" 64 "$bin" report ws --lang de
run "a folder that is not a session" 1 "$bin" report "$work" && contains "it says why" "not an omnigap session"

echo "e2e-report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
