#!/usr/bin/env bash
# End-to-end checks of the HTML report in a real browser: headless Chromium prints the demo
# workshop's report (English and Polish) to PDF and takes a screenshot; the checks read the PDF's
# pages (A4, every department on a page of its own, sections in order, Polish letters intact) and
# the pixels (not blank, the bar chart and the radars drawn).
# Needs chromium and poppler-utils: scripts/install-browser.
# Usage: scripts/e2e-browser.sh PATH-TO-OMNIGAP
# With OMNIGAP_ARTIFACTS=DIR set, the PDFs and PNGs are kept in DIR/browser/ for a person to look at.
set -uo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8

started=$(date +%s.%N)
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"
png_check() { python3 "$root/scripts/png_check.py" "$@"; }

# The browser: $CHROMIUM when set, else the first of Debian's, Ubuntu's and Google's names found.
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || echo chromium)}
for tool in "$chromium" pdfinfo pdftotext pdftoppm pdffonts; do
  command -v "$tool" >/dev/null || { echo "e2e-browser: $tool is missing; run scripts/install-browser" >&2; exit 1; }
done

elapsed() { python3 -c 'import sys, time; print("%.1f s" % (time.time() - float(sys.argv[1])))' "$1"; }

# browser NAME OUTPUT-FILE CHROMIUM-FLAGS... URL: runs headless Chromium with a private profile and
# a time limit. Its stderr (dbus complaints even when all is well) is shown only on failure, and
# the output file is checked: Chromium exits 0 even when the page does not load or the file cannot
# be written.
browser() {
  local name=$1 output=$2; shift 2
  rm -f "$output"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
    --no-first-run --no-default-browser-check "$@" >"$work/out" 2>&1; local status=$?
  if [ "$status" -eq 0 ] && [ -s "$output" ]; then ok "$name"; return 0; fi
  # The noise: dbus (no bus in a container) and the Debian wrapper's /dev/shm size test.
  local noise='ERROR:dbus/|/chromium: [0-9]+: \[: ' count
  count=$(grep -cE "$noise" "$work/out")
  grep -vE "$noise" "$work/out" >"$work/err"; mv "$work/err" "$work/out"
  [ "$count" -gt 0 ] && echo "     ($count lines of dbus and wrapper noise left out)" >>"$work/out"
  echo "     (exit status $status; $(basename "$output") $([ -s "$output" ] && echo written || echo missing))" >>"$work/out"
  fail "$name"; return 1
}

# The sample workshop: 24 participants in four departments plus the shared module, revealed,
# with two goals.
run "demo --no-ui" 0 "$bin" demo "$work/ws" --no-ui && contains "the demo printed its report" "OMNICHANNEL GAP REPORT"
# A comment no line break can split (a long link): it must wrap, not push tables off the page.
long_url="https://intranet.example.com/incidents?ref=$(printf 'OmnichannelStockSyncIncident%d' 1 2 3 4 5 6 7 8 9)"
run "a participant comments with a long link" 0 "$bin" record "$work/ws" --participant "Lena W." --department it \
  --item it.platform.upkeep --current 1 --target 3 --comment "See $long_url"

declare -A overall=([en]="Overall maturity" [pl]="Ogólny poziom dojrzałości")
# Section titles the JSON report does not carry (the departments' titles come from it).
declare -A heat=([en]="Heat map" [pl]="Mapa cieplna")
declare -A perception=([en]="Perception gaps" [pl]="Luki percepcji")
declare -A goals=([en]="Goals" [pl]="Cele")
declare -A detail=([en]="Item detail" [pl]="Szczegóły pytań")

for lang in en pl; do
  t0=$(date +%s.%N)
  run "report --format html --lang $lang" 0 "$bin" report ws --format html --lang "$lang" -o "$work/report-$lang.html" || continue
  run "report --format json --lang $lang" 0 "$bin" report ws --format json --lang "$lang" -o "$work/report-$lang.json" || continue
  url="file://$work/report-$lang.html"
  browser "Chromium prints the $lang report to PDF" "$work/report-$lang.pdf" \
    --no-pdf-header-footer --print-to-pdf="$work/report-$lang.pdf" "$url" || continue
  echo "     ($lang: HTML, JSON and PDF in $(elapsed "$t0"))"

  pdfinfo "report-$lang.pdf" >"info-$lang.txt" 2>&1
  cp "info-$lang.txt" "$work/out"
  check "the $lang PDF is A4" python3 -c '
import re, sys
m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", open(sys.argv[1]).read(), re.M)
assert m, "no page size"
w, h = float(m.group(1)), float(m.group(2))
print("page size %s x %s pts" % (w, h))
assert abs(w - 595.28) <= 1 and abs(h - 841.89) <= 1, "not A4"' "info-$lang.txt"
  pages=$(awk '/^Pages:/ {print $2}' "info-$lang.txt")
  check "the $lang PDF has between 10 and 59 pages (it has ${pages:-none})" test "${pages:-0}" -ge 10 -a "${pages:-0}" -lt 60

  # The first non-empty line of every page, one a line (pdftotext ends each page with a form feed).
  pdftotext -enc UTF-8 "report-$lang.pdf" "text-$lang.txt"
  awk 'BEGIN { RS = "\f" } { n = split($0, line, "\n"); first = ""
         for (i = 1; i <= n; i++) { s = line[i]; gsub(/^[ \t]+|[ \t]+$/, "", s); if (s != "") { first = s; break } }
         print first }' "text-$lang.txt" | head -n "${pages:-0}" >"firsts-$lang.txt"

  # The expected sequence of page-starting sections: heat map, the departments in the JSON's order
  # (the shared module last), perception gaps, goals, item detail.
  python3 - "report-$lang.json" "firsts-$lang.txt" "${heat[$lang]}" "${perception[$lang]}" "${goals[$lang]}" \
    "${detail[$lang]}" >"pages-$lang.txt" 2>&1 <<'PY'
import json, sys
report, firsts_file, heat, perception, goals, detail = sys.argv[1:]
modules = json.load(open(report))["modules"]
departments = [m["title"] for m in modules]
firsts = open(firsts_file, encoding="utf-8").read().split("\n")[:-1]

def starts(title, line):  # a section's heading, alone or with its note: "Omnichannel (answered by …)"
    return line == title or line.startswith(title + " (")

def page_of(title, before=None):
    limit = before - 1 if before else len(firsts)
    return next((i + 1 for i, line in enumerate(firsts[:limit]) if starts(title, line)), 0)

detail_page = page_of(detail)
# Item detail repeats the departments' names as headings: look for department pages before it.
sequence = [("section", heat, page_of(heat))]
sequence += [("department", t, page_of(t, detail_page or None)) for t in departments]
sequence += [("section", t, page_of(t)) for t in (perception, goals, detail)]
for index, (kind, title, page) in enumerate(sequence):
    following = sequence[index + 1][1] if index + 1 < len(sequence) else ""
    after = firsts[page] if page and page < len(firsts) else ""
    print("\x1f".join((kind, title, str(page), following, after)))
PY
  if [ -s "pages-$lang.txt" ] && ! grep -q Traceback "pages-$lang.txt"; then
    ok "the $lang section titles come from the JSON report"
  else
    cp "pages-$lang.txt" "$work/out"; fail "the $lang section titles come from the JSON report"; continue
  fi
  : >"$work/out"
  failed_before=$failed
  order=""
  previous=0 ascending=1
  while IFS=$'\x1f' read -r kind title page following after; do
    if [ "$page" -gt 0 ]; then ok "$lang: \"$title\" begins page $page"; else fail "$lang: \"$title\" begins no page"; fi
    order+="$title=$page "
    [ "$page" -gt "$previous" ] || ascending=0
    previous=$page
    if [ "$kind" = department ] && [ "$page" -gt 0 ]; then
      if [ "$after" = "$following" ] || [[ "$after" == "$following ("* ]]; then
        ok "$lang: \"$title\" fits page $page (page $((page + 1)) begins \"$following\")"
      else
        fail "$lang: department \"$title\" spills onto page $((page + 1)), which begins \"$after\", not \"$following\""
      fi
    fi
    [ "$kind" = department ] && [ "$page" -gt 0 ] && echo "$page" >>"department-pages-$lang.txt"
  done <"pages-$lang.txt"
  if [ "$ascending" -eq 1 ]; then ok "$lang: the sections come in order: ${order% }"
  else fail "$lang: the sections are out of order: ${order% }"; fi
  if [ "$failed" -gt "$failed_before" ]; then  # what each page begins with, to see where it went wrong
    echo "     $lang pages and their first lines:"
    awk '{ printf "     | %3d  %s\n", NR, $0 }' "firsts-$lang.txt" | head -40
  fi

  check "nothing in the $lang PDF runs past the right margin (the long link wraps)" python3 - "report-$lang.pdf" <<'PY'
import re, subprocess, sys
out = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], capture_output=True, text=True, check=True).stdout
worst = (0.0, "", 0)
for number, page in enumerate(out.split("<page ")[1:], 1):
    width = float(re.search(r'width="([\d.]+)"', page).group(1))
    for x_max, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', page):
        if float(x_max) > worst[0]:
            worst = (float(x_max), word, number)
# A4 is 595 pt wide and the right margin 12 mm (34 pt): text ends before 561 pt, with a point to spare.
print("rightmost text ends at %.1f pt (page %d: %s)" % (worst[0], worst[2], worst[1]))
assert worst[0] <= 562, "text runs past the margin"
PY
  check "the $lang PDF's text has \"${overall[$lang]}\" (its letters survived)" grep -qF "${overall[$lang]}" "text-$lang.txt"
  pdffonts "report-$lang.pdf" >"fonts-$lang.txt" 2>&1
  check "the $lang PDF embeds every font it uses" python3 -c '
import sys
rows = open(sys.argv[1]).read().splitlines()[2:]
print("\n".join(rows))
assert rows, "no fonts"
assert all(r.split()[-5] == "yes" for r in rows), "a font is not embedded"' "fonts-$lang.txt"
  check "the $lang PDF's text has no replacement characters" python3 -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = [l for l in text.splitlines() if "\ufffd" in l]
print("\n".join(bad[:5]))
assert not bad' "text-$lang.txt"
done

# The screen: the English report at 1000 px wide, the top of it (summary with its bar chart).
t0=$(date +%s.%N)
if browser "Chromium takes a screenshot of the en report" "$work/screen-en.png" \
    --screenshot="$work/screen-en.png" --window-size=1000,2400 --hide-scrollbars "file://$work/report-en.html"; then
  echo "     (screenshot in $(elapsed "$t0"))"
  check "the screenshot is not blank" png_check screen-en.png --min-ink 0.08 --min-colours 200
  check "the top-gaps bar chart is drawn (#4a7fb5 bars)" png_check screen-en.png --colour bar=74,127,181,2,5000
fi

# The radar on every department page of the English PDF: its translucent fill (rgba(74,127,181,.35)
# over white = rgb 191,210,229) and the target's red dashed outline (#c0392b).
if [ -s department-pages-en.txt ]; then
  while read -r page; do
    title=$(sed -n "${page}p" firsts-en.txt)
    pdftoppm -r 60 -png -f "$page" -l "$page" report-en.pdf "page-$page" >"$work/out" 2>&1
    png=$(ls "page-$page"*.png 2>/dev/null | head -1)
    if [ -z "$png" ]; then fail "pdftoppm renders page $page"; continue; fi
    mv "$png" "department-page-$page.png"
    check "the radar is drawn on page $page ($title)" png_check "department-page-$page.png" \
      --colour radar-fill=191,210,229,4,300 --colour target-outline=192,57,43,8,20
  done <department-pages-en.txt
else
  fail "no department page to look for a radar on"
fi

if [ -n "${OMNIGAP_ARTIFACTS:-}" ]; then
  keep="$OMNIGAP_ARTIFACTS/browser"
  mkdir -p "$keep"
  for file in report-en.pdf report-pl.pdf screen-en.png department-page-*.png; do
    [ -f "$file" ] && cp "$file" "$keep/" && echo "     kept $keep/$file"
  done
else
  echo "     (set OMNIGAP_ARTIFACTS=DIR to keep the PDFs and screenshots in DIR/browser/)"
fi

echo "     (all in $(elapsed "$started"))"
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
