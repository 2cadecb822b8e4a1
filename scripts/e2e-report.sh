#!/usr/bin/env bash
# End-to-end checks of `omnigap report` and `omnigap compare` on the real binary: the text report's sections, width and
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

# `omnigap compare` agrees with the independent Python implementation of docs/scoring.md,
# "Comparing sessions", to 1e-9: over time, with a changed question, side by side.
mkdir -p "$work/compare" && cd "$work/compare"
mjson() {  # SESSION: its modules as `modules show --json` gives them, in SESSION-mj/ (once per edition)
  mkdir -p "$1-mj" editions
  python3 -c 'import json, sys; [print(m["id"], m["sha256"]) for m in json.load(open(sys.argv[1]))["modules"]]' "$1/session.json" |
    while read -r module sha; do
      [ -f "editions/$sha.json" ] || "$bin" modules show "$module" --json --modules "$1/modules" >"editions/$sha.json"
      cp "editions/$sha.json" "$1-mj/$module.json"
    done
}
agrees() {  # NAME [FLAGS] SESSION...: compare --format json agrees with the reference
  local name=$1 flags=() pairs=() argument; shift
  local arguments=("$@")
  while [ "${#arguments[@]}" -gt 0 ]; do
    argument=${arguments[0]}; arguments=("${arguments[@]:1}")
    case $argument in
      --label) flags+=("$argument" "${arguments[0]}"); arguments=("${arguments[@]:1}") ;;
      --*) flags+=("$argument") ;;
      *) [ -d "$argument-mj" ] || mjson "$argument"; pairs+=("$argument:$argument-mj") ;;
    esac
  done
  if run "compare $* --format json" 0 "$bin" compare "$@" --format json -o ours.json \
    && python3 "$root/Tests/reference/reference_compare.py" "${flags[@]}" "${pairs[@]}" >reference.json 2>"$work/out"; then
    check "$name agrees with the Python reference to 1e-9" python3 "$root/Tests/reference/compare_comparisons.py" ours.json reference.json
  else
    fail "$name: the reference failed"
  fi
}
field() {  # PYTHON-EXPRESSION on the comparison d (ours.json): prints it
  python3 -c 'import json, sys; d = json.load(open("ours.json")); print(eval(sys.argv[1]))' "$1"
}
rate() {  # SESSION PARTICIPANT ITEM CURRENT TARGET: E… answer for e-commerce, I… for IT
  local department=ecommerce
  [[ $2 == I* ]] && department=it
  "$bin" record "$1" --participant "$2" --department "$department" --item "$3" --current "$4" --target "$5" >/dev/null \
    || fail "record $1 $2 $3"
}

# (a) A workshop and its follow-up.
"$bin" new then --title "Spring workshop" --date 2026-06-02 >/dev/null
"$bin" simulate then --participants 30 --seed 21 >/dev/null
"$bin" new now --title "Autumn follow-up" --date 2026-11-20 --follow-up then >/dev/null
"$bin" simulate now --participants 30 --seed 22 >/dev/null
agrees "a follow-up over time" then now
check "a follow-up is compared over time, the follow-up as reference" test "$(field 'd["mode"], d["reference"]')" = "('over-time', 1)"
agrees "a follow-up given first, put in chain order" now then
check "the chain's order wins over the order given" test "$(field '[s["title"] for s in d["sessions"]]')" = "['Spring workshop', 'Autumn follow-up']"
agrees "a follow-up forced side by side" --side-by-side now then

# (b) A question changed in the follow-up: other modules, one prompt, one level descriptor and one
# kind changed, a translation alone changed, a weight changed, an item replaced by another.
cp -r "$root/Modules" edited
python3 - edited <<'PY'
import sys
d = sys.argv[1]
def read(name): return open(f"{d}/{name}.yaml", encoding="utf-8").read()
def write(name, text): open(f"{d}/{name}.yaml", "w", encoding="utf-8").write(text)
def edit(name, old, new):
    text = read(name)
    assert text.count(old) == 1, (name, old)
    write(name, text.replace(old, new))
def span(text, item_id):  # an item's lines, up to the next item
    start = text.index(f"      - id: {item_id}\n")
    return start, text.index("\n      - id: ", start) + 1
edit("it", "en: How do changes reach the live web shop?", "en: How do changes, the vendor's included, reach the live web shop?")
edit("it", "en: Checkout, payments and integrations are monitored too,", "en: Checkout, payments and every integration are monitored too,")
edit("it", "pl: Jak zmiany trafiają do działającego sklepu internetowego?", "pl: Jak zmiany trafiają do sklepu internetowego na żywo?")
edit("it", "- id: it.integration.method\n        kind: maturity\n        weight: 2\n", "- id: it.integration.method\n        kind: maturity\n        weight: 3\n")
text = read("logistics")
start, end = span(text, "logistics.process.measurement")  # maturity -> text: kind and levels go
item = text[start:end]
text = text[:start] + item[:item.index("        levels:\n")].replace("kind: maturity", "kind: text") + text[end:]
start, end = span(text, "logistics.returns.insight")  # the same question under a new id
text = text[:start] + text[start:end].replace("logistics.returns.insight", "logistics.returns.reasons") + text[end:]
write("logistics", text)
PY
run "modules validate edited" 0 "$bin" modules validate edited && contains "modules validate accepts the edited modules" "OK: 6 module(s)"
run "new --module-dir --follow-up with changed questions" 0 "$bin" new changed --title "Changed questions" \
  --date 2026-12-01 --module-dir edited --follow-up then \
  && contains "it counts the changed questions" "140 the same, 3 changed (left out of the comparison), 1 new, 1 no longer asked"
"$bin" simulate changed --participants 30 --seed 23 >/dev/null
agrees "a follow-up with changed questions" then changed
check "the changed questions are listed, not compared" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [(c["id"], c["what"], c["sessions"]) for c in d["changed_items"]] == [
    ("it.platform.releases", ["prompt"], [0]), ("it.platform.incidents", ["level 3"], [0]),
    ("logistics.process.measurement", ["kind"], [0])], d["changed_items"]
assert d["items_not_in_all"] == [{"id": "logistics.returns.reasons", "sessions": [1]},
                                 {"id": "logistics.returns.insight", "sessions": [0]}], d["items_not_in_all"]
assert "it.platform.incidents" not in d["compared_items"] and "it.integration.method" in d["compared_items"]' ours.json
agrees "two follow-ups of one session, side by side, labelled" then now changed --label A --label B --label C
agrees "two follow-ups of one session, forced over time (date order)" --over-time changed now then

# (c) Hand-made sessions over time, on the method's edges: a gap then of 0, of 1.1e-16 (0 in exact
# arithmetic) and below 0 (no share closed), a dimension unrated then, questions moving exactly one
# stage (5/3 -> 8/3 too) and ties in the moves, a new and a settled disagreement, an item rated then
# only, a rating without target, a perception gap of 8/3 - 7/6 (flagged although it computes as
# 1.4999999999999998).
"$bin" new r1 --title "Hand-made then" --date 2026-01-10 --modules ecommerce,it,omnichannel >/dev/null
rate r1 E1 omnichannel.customer.channel-conflict 3 4; rate r1 E2 omnichannel.customer.channel-conflict 3 4
rate r1 E3 omnichannel.customer.channel-conflict 2 4
rate r1 I1 omnichannel.customer.channel-conflict 1 3; rate r1 I2 omnichannel.customer.channel-conflict 2 3
rate r1 I1 omnichannel.customer.customer-view 1 3;    rate r1 I2 omnichannel.customer.customer-view 1 2
rate r1 E1 ecommerce.ownership.owner 3 3;             rate r1 E1 ecommerce.ownership.placement 2 1
rate r1 E1 ecommerce.roles.coverage 1 4;              rate r1 E2 ecommerce.roles.coverage 3 4
rate r1 E1 ecommerce.analytics.use 2 2
rate r1 E1 ecommerce.marketing.seo-content 2 3;       rate r1 E1 ecommerce.marketing.acquisition 1 3
rate r1 E1 ecommerce.marketing.automation 4 4;        rate r1 E1 ecommerce.experience.conversion 2 4
rate r1 E1 ecommerce.experience.accessibility 3 dk
rate r1 I1 it.platform.releases 1 3;                  rate r1 I2 it.platform.releases 2 3
rate r1 I1 it.integration.method 2 3;                 rate r1 I1 it.product-data.master dk 3
rate r1 E1 ecommerce.sourcing.policy 1 4;             rate r1 E2 ecommerce.sourcing.policy 2 4
rate r1 E3 ecommerce.sourcing.policy 2 4
rate r1 E1 ecommerce.product-content.data-quality 1 3; rate r1 E2 ecommerce.product-content.data-quality 1 2
rate r1 E3 ecommerce.product-content.data-quality 2 2; rate r1 E1 ecommerce.product-content.onboarding 3 2
"$bin" new r2 --title "Hand-made now" --date 2026-09-01 --modules ecommerce,it,omnichannel --follow-up r1 >/dev/null
rate r2 E1 omnichannel.customer.channel-conflict 4 4; rate r2 I1 omnichannel.customer.channel-conflict 1 4
rate r2 E1 omnichannel.journey.knowledge 2 3
rate r2 E1 ecommerce.ownership.owner 4 4;             rate r2 E1 ecommerce.ownership.placement 2 2
rate r2 E1 ecommerce.roles.coverage 2 3;              rate r2 E2 ecommerce.roles.coverage 3 3
rate r2 E1 ecommerce.analytics.use 3 4
rate r2 E1 ecommerce.marketing.seo-content 3 3;       rate r2 E1 ecommerce.marketing.acquisition 3 4
rate r2 E1 ecommerce.marketing.automation 2 4
rate r2 I1 it.platform.releases 2 3;                  rate r2 I2 it.platform.releases 2 4
rate r2 I1 it.integration.method 1 3;                 rate r2 I2 it.integration.method 3 4
rate r2 I1 it.product-data.master 2 3
rate r2 E1 ecommerce.sourcing.policy 3 4;             rate r2 E2 ecommerce.sourcing.policy 3 4
rate r2 E3 ecommerce.sourcing.policy 2 4
rate r2 E1 ecommerce.product-content.data-quality 2 3
agrees "hand-made sessions over time" r2 r1
check "the edges come out as docs/scoring.md says" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
dims = {(m["id"], x["id"]): x for m in d["modules"] for x in m["dimensions"]}
assert dims[("ecommerce", "ownership")]["change"]["closed"] is None          # gap then -1/3
assert dims[("ecommerce", "analytics")]["change"] == {"current": 1, "target": 2, "closed": None}  # gap then 0
# gap then (7/3 - 4/3 - 1) / 2 = 0 computes as 1.1e-16: within 1e-9 of 0, so no share closed either
assert dims[("ecommerce", "product-content")]["change"]["closed"] is None, dims[("ecommerce", "product-content")]
assert dims[("ecommerce", "roles")]["change"] == {"current": 0.5, "target": -1, "closed": 0.25}
assert dims[("it", "product-data")]["sessions"][0]["items_rated"] == 0 and dims[("it", "product-data")]["change"]["current"] is None
# 5/3 -> 8/3 computes as 0.9999999999999998: a whole stage all the same, listed after the exact ones.
assert [(m["id"], round(m["change"], 9)) for m in d["moved"]] == [("ecommerce.marketing.acquisition", 2),
    ("ecommerce.marketing.automation", -2), ("ecommerce.ownership.owner", 1), ("ecommerce.marketing.seo-content", 1),
    ("ecommerce.analytics.use", 1), ("ecommerce.sourcing.policy", 1)], d["moved"]
assert d["new_disagreements"] == ["it.integration.method"] and d["settled_disagreements"] == ["ecommerce.roles.coverage"]
customer = [p for p in d["perception"] if p["dimension"] == "customer"][0]
assert customer["flagged"] == [True, True] and abs(customer["gaps"][0] - 1.5) < 1e-9, customer
journey = [p for p in d["perception"] if p["dimension"] == "journey"][0]
assert journey["gaps"] == [None, None] and journey["flagged"] == [False, False], journey' ours.json

# (d) Side by side: three sessions, one with fewer modules and a department nobody answered; two
# sessions level on e-commerce in exact arithmetic (8/3, 2 and 4/3 average 2, computed as
# 1.9999999999999998) are both best.
"$bin" new north --title "North" --date 2026-05-01 >/dev/null
"$bin" simulate north --participants 30 --seed 24 >/dev/null
"$bin" new east --title "East" --date 2026-05-03 >/dev/null
"$bin" simulate east --participants 25 --seed 25 >/dev/null
for branch in south west; do
  "$bin" new "$branch" --title "${branch^}" --date 2026-05-02 --modules ecommerce,it,omnichannel >/dev/null
  rate "$branch" E2 omnichannel.journey.knowledge 2 4
done
rate south E1 ecommerce.ownership.owner 2 4;           rate south E1 ecommerce.ownership.placement 4 4
rate south E1 ecommerce.roles.coverage 2 3
for who in E1 E2; do rate south "$who" ecommerce.sourcing.policy 1 3; rate south "$who" ecommerce.sourcing.agency-management 1 2; done
rate south E3 ecommerce.sourcing.policy 2 3;           rate south E3 ecommerce.sourcing.agency-management 2 2
rate west E1 ecommerce.analytics.use 2 3
agrees "three branches side by side" north south east
check "the modules only some branches have are listed, and nobody's department has no level" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [m["id"] for m in d["modules"]] == ["ecommerce", "it", "omnichannel"], [m["id"] for m in d["modules"]]
assert d["modules_not_in_all"] == [{"id": m, "sessions": [0, 2]} for m in ("customer-service", "logistics", "stores")], d["modules_not_in_all"]
it = [m for m in d["modules"] if m["id"] == "it"][0]
assert it["sessions"][1]["current"] is None and it["sessions"][1]["n"] == 0 and 1 not in it["best"], it["sessions"][1]
assert d["moved"] == [] and d["new_disagreements"] == [] and all(m["change"] is None for m in d["modules"])' ours.json
agrees "branches forced over time, in date order, a tie in the order given" --over-time west east north south
check "forced over time, the sessions are in date order, a tie in the order given" \
  test "$(field '[s["title"] for s in d["sessions"]]')" = "['North', 'West', 'South', 'East']"
agrees "two branches level within rounding" south west
check "they are both best on e-commerce" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
m = d["modules"][0]
assert [x["current"] for x in m["sessions"]] == [1.9999999999999998, 2] and m["best"] == [0, 1], m["sessions"]' ours.json

# Wrong input is refused, with the reason.
run "compare the same folder twice" 64 "$bin" compare then ./then/ && contains "the same folder twice is refused" "the same session folder is given twice"
cp -r then then-copy
run "compare a copy of a session" 64 "$bin" compare then then-copy && contains "the same session id twice is refused, naming both folders" "then and then-copy hold the same session"
run "compare with a missing folder" 1 "$bin" compare then /nonexistent && contains "a missing folder is named" "/nonexistent is not an omnigap session"
run "compare one session" 64 "$bin" compare then && contains "one session is refused" "give two or more session folders"
"$bin" new only-web --title "Web" --modules ecommerce,omnichannel >/dev/null
"$bin" new only-it --title "IT" --modules it --shared "" >/dev/null
run "compare sessions with no module in common" 1 "$bin" compare only-web only-it && contains "sessions with no module in common are refused" "no module in common"
run "one --label for two sessions" 64 "$bin" compare then now --label a && contains "one --label for two sessions is refused" "give one label per session"
run "--over-time with --side-by-side" 64 "$bin" compare then now --over-time --side-by-side && contains "--over-time with --side-by-side is refused" "cannot be given together"
cd "$work"

echo "e2e-report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
