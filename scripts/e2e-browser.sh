#!/usr/bin/env bash
# End-to-end checks of the HTML report in a real browser: headless Chromium prints the demo
# workshop's report (English and Polish), and a session with six departments, to PDF and takes a screenshot; the checks read the PDF's
# pages (A4, every department on a page of its own and not split, sections in order, no mostly
# empty page, Polish letters intact) and the pixels (not blank, the bar chart and the radars
# drawn). A session with one participant per department shows the low-confidence warning on the
# first page. `omnigap compare` of the demo's baseline and follow-up (slope charts), and of two
# sessions side by side (dot charts), prints on A4 with every department on a page of its own.
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

# The sample workshop: a follow-up of a baseline six months back (in ws-baseline), 24 participants
# in five departments plus the shared module, revealed, with the baseline's goals reviewed.
run "demo --no-ui" 0 "$bin" demo "$work/ws" --no-ui && contains "the demo printed its report" "OMNICHANNEL GAP REPORT"
# A comment no line break can split (a long link): it must wrap, not push tables off the page.
long_url="https://intranet.example.com/incidents?ref=$(printf 'OmnichannelStockSyncIncident%d' 1 2 3 4 5 6 7 8 9)"
run "a participant comments with a long link" 0 "$bin" record "$work/ws" --participant "Lena W." --department it \
  --item it.platform.releases --current 1 --target 3 --comment "See $long_url"

declare -A overall=([en]="Overall maturity" [pl]="Ogólny poziom dojrzałości")
# Section titles the JSON report does not carry (the departments' titles come from it).
declare -A heat=([en]="Heat map" [pl]="Mapa cieplna")
declare -A perception=([en]="Perception gaps" [pl]="Luki percepcji")
declare -A goals=([en]="Goals" [pl]="Cele")
declare -A detail=([en]="Item detail" [pl]="Szczegóły pytań")

# The demo (five departments) in English and Polish, and a session with a sixth department from a
# module file the code has never seen (logistics copied as "Wholesale and B2B"): every department
# still begins its page and fits it.
mkdir -p "$work/six-modules" && cp "$root"/Modules/*.yaml "$work/six-modules/"
sed -e 's/^id: logistics/id: wholesale/' -e 's/logistics\./wholesale./g' -e 's/^order: 40 /order: 60 /' \
  -e 's/^  en: Logistics$/  en: Wholesale and B2B/' "$root/Modules/logistics.yaml" >"$work/six-modules/wholesale.yaml"
run "a session with six departments" 0 "$bin" new "$work/six" --title "Six departments" --module-dir "$work/six-modules" \
  && run "48 simulated participants in six departments" 0 "$bin" simulate "$work/six" --participants 48 --seed 4
for target in ws:en ws:pl six:en; do
  folder=${target%%:*} lang=${target##*:}
  tag=$lang
  [ "$folder" = ws ] || tag="$folder-$lang"
  t0=$(date +%s.%N)
  run "report --format html --lang $lang" 0 "$bin" report "$folder" --format html --lang "$lang" -o "$work/report-$tag.html" || continue
  run "report --format json --lang $lang" 0 "$bin" report "$folder" --format json --lang "$lang" -o "$work/report-$tag.json" || continue
  url="file://$work/report-$tag.html"
  browser "Chromium prints the $tag report to PDF" "$work/report-$tag.pdf" \
    --no-pdf-header-footer --print-to-pdf="$work/report-$tag.pdf" "$url" || continue
  echo "     ($tag: HTML, JSON and PDF in $(elapsed "$t0"))"

  pdfinfo "report-$tag.pdf" >"info-$tag.txt" 2>&1
  cp "info-$tag.txt" "$work/out"
  check "the $tag PDF is A4" python3 -c '
import re, sys
m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", open(sys.argv[1]).read(), re.M)
assert m, "no page size"
w, h = float(m.group(1)), float(m.group(2))
print("page size %s x %s pts" % (w, h))
assert abs(w - 595.28) <= 1 and abs(h - 841.89) <= 1, "not A4"' "info-$tag.txt"
  pages=$(awk '/^Pages:/ {print $2}' "info-$tag.txt")
  check "the $tag PDF has between 10 and 59 pages (it has ${pages:-none})" test "${pages:-0}" -ge 10 -a "${pages:-0}" -lt 60

  # The first non-empty line of every page, one a line (pdftotext ends each page with a form feed).
  pdftotext -enc UTF-8 "report-$tag.pdf" "text-$tag.txt"
  awk 'BEGIN { RS = "\f" } { n = split($0, line, "\n"); first = ""
         for (i = 1; i <= n; i++) { s = line[i]; gsub(/^[ \t]+|[ \t]+$/, "", s); if (s != "") { first = s; break } }
         print first }' "text-$tag.txt" | head -n "${pages:-0}" >"firsts-$tag.txt"

  # The expected sequence: the heat map and each department (in the JSON's order, the shared
  # module last) begin a page, and each department fits its page; the small sections that follow
  # (perception gaps, goals, item detail) run on after what precedes them, in order.
  python3 - "report-$tag.json" "text-$tag.txt" "${heat[$lang]}" "${perception[$lang]}" "${goals[$lang]}" \
    "${detail[$lang]}" >"pages-$tag.txt" 2>&1 <<'PY'
import json, sys
report, text_file, heat, perception, goals, detail = sys.argv[1:]
modules = json.load(open(report))["modules"]
departments = [m["title"] for m in modules]
pages = [[l.strip() for l in page.split("\n") if l.strip()] for page in open(text_file, encoding="utf-8").read().split("\f")]
firsts = [page[0] if page else "" for page in pages]

def starts(title, line):  # a section's heading, alone or with its note: "Omnichannel (answered by …)"
    return line == title or line.startswith(title + " (")

def page_beginning(title, after=0):
    return next((i + 1 for i in range(after, len(firsts)) if starts(title, firsts[i])), 0)

def page_holding(title, after=0):
    return next((i + 1 for i in range(after, len(pages)) if any(starts(title, l) for l in pages[i])), 0)

sequence = [("begins", heat, page_beginning(heat))]
previous = sequence[0][2]
for title in departments:
    page = page_beginning(title, previous)
    sequence.append(("department", title, page))
    previous = page or previous
for title in (perception, goals, detail):
    page = page_holding(title, max(previous - 1, 0))
    sequence.append(("follows", title, page))
    previous = page or previous
for index, (kind, title, page) in enumerate(sequence):
    following = sequence[index + 1][1] if index + 1 < len(sequence) else ""
    # A department is whole on its page when the next page begins the next section, or when the
    # next section starts on the department's own page.
    after = firsts[page] if page and page < len(firsts) else ""
    shares = "yes" if page and any(starts(following, l) for l in pages[page - 1]) else "no"
    print("\x1f".join((kind, title, str(page), following, after, shares)))
PY
  if [ -s "pages-$tag.txt" ] && ! grep -q Traceback "pages-$tag.txt"; then
    ok "the $tag section titles come from the JSON report"
  else
    cp "pages-$tag.txt" "$work/out"; fail "the $tag section titles come from the JSON report"; continue
  fi
  : >"$work/out"
  failed_before=$failed
  order=""
  previous=0 ascending=1
  while IFS=$'\x1f' read -r kind title page following after shares; do
    case "$kind" in
      follows) if [ "$page" -gt 0 ]; then ok "$tag: \"$title\" is on page $page"; else fail "$tag: \"$title\" is on no page"; fi
               [ "$page" -ge "$previous" ] || ascending=0 ;;
      *) if [ "$page" -gt 0 ]; then ok "$tag: \"$title\" begins page $page"; else fail "$tag: \"$title\" begins no page"; fi
         [ "$page" -gt "$previous" ] || ascending=0 ;;
    esac
    order+="$title=$page "
    previous=$page
    if [ "$kind" = department ] && [ "$page" -gt 0 ]; then
      if [ "$after" = "$following" ] || [[ "$after" == "$following ("* ]] || [ "$shares" = yes ]; then
        ok "$tag: \"$title\" fits page $page (\"$following\" comes next)"
      else
        fail "$tag: department \"$title\" spills onto page $((page + 1)), which begins \"$after\", not \"$following\""
      fi
    fi
    [ "$kind" = department ] && [ "$page" -gt 0 ] && echo "$page" >>"department-pages-$tag.txt"
  done <"pages-$tag.txt"
  if [ "$ascending" -eq 1 ]; then ok "$tag: the sections come in order: ${order% }"
  else fail "$tag: the sections are out of order: ${order% }"; fi
  if [ "$failed" -gt "$failed_before" ]; then  # what each page begins with, to see where it went wrong
    echo "     $tag pages and their first lines:"
    awk '{ printf "     | %3d  %s\n", NR, $0 }' "firsts-$tag.txt" | head -40
  fi

  # No mostly empty page: every page but the last is inked at least 60% of the way down (the
  # pages rendered in grey at 20 dpi; the ink is anything darker than light grey). One page is
  # excused: the executive summary's last, before the heat map's sheet. The summary is as long
  # as the session's data makes it (the demo's data differs with its random session id), and a
  # few lines over a page leave that page short; the heat map, kept whole on one sheet, cannot
  # fill it.
  heat_page=$(awk -F$'\x1f' -v t="${heat[$lang]}" '$2 == t { print $3 }' "pages-$tag.txt")
  check "no page of the $tag PDF but the last is mostly empty" python3 - "report-$tag.pdf" "$work" "${heat_page:-0}" <<'PY'
import glob, subprocess, sys
pdf, work, heat_page = sys.argv[1], sys.argv[2], int(sys.argv[3])
subprocess.run(["pdftoppm", "-r", "20", "-gray", pdf, f"{work}/fill"], check=True)
files = sorted(glob.glob(f"{work}/fill*.pgm"))
short = []
for number, path in enumerate(files, 1):
    header, size, depth, pixels = open(path, "rb").read().split(b"\n", 3)
    width, height = map(int, size.split())
    inked = [row for row in range(height) if any(b < 200 for b in pixels[row * width:(row + 1) * width])]
    filled = (inked[-1] + 1) / height if inked else 0
    if number < len(files) and filled < 0.6 and number != heat_page - 1:
        short.append("page %d is filled %.0f%% of the way down" % (number, filled * 100))
print("\n".join(short) or "%d pages, none mostly empty" % len(files))
assert not short
PY
  rm -f "$work"/fill*.pgm

  check "nothing in the $tag PDF runs past the right margin (the long link wraps)" python3 - "report-$tag.pdf" <<'PY'
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
  check "the $tag PDF's text has \"${overall[$lang]}\" (its letters survived)" grep -qF "${overall[$lang]}" "text-$tag.txt"
  pdffonts "report-$tag.pdf" >"fonts-$tag.txt" 2>&1
  check "the $tag PDF embeds every font it uses" python3 -c '
import sys
rows = open(sys.argv[1]).read().splitlines()[2:]
print("\n".join(rows))
assert rows, "no fonts"
assert all(r.split()[-5] == "yes" for r in rows), "a font is not embedded"' "fonts-$tag.txt"
  check "the $tag PDF's text has no replacement characters" python3 -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = [l for l in text.splitlines() if "\ufffd" in l]
print("\n".join(bad[:5]))
assert not bad' "text-$tag.txt"
done

# The comparison (omnigap compare): the demo's baseline and follow-up over time, then the demo and
# the six-department session side by side. Each department's comparison begins a page and fits
# it, its chart is drawn, and the pages are A4.
declare -A compared=([time]="$work/ws-baseline $work/ws" [side]="$work/ws $work/six --side-by-side")
for kind in time side; do
  # shellcheck disable=SC2086
  run "compare ($kind) --format html" 0 "$bin" compare ${compared[$kind]} --format html -o "$work/compare-$kind.html" || continue
  # shellcheck disable=SC2086
  run "compare ($kind) --format json" 0 "$bin" compare ${compared[$kind]} --format json -o "$work/compare-$kind.json" || continue
  browser "Chromium prints the $kind comparison to PDF" "$work/compare-$kind.pdf" \
    --no-pdf-header-footer --print-to-pdf="$work/compare-$kind.pdf" "file://$work/compare-$kind.html" || continue
  check "every point of the $kind comparison's charts is the JSON's number" python3 - "compare-$kind.html" "compare-$kind.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
svg = "{http://www.w3.org/2000/svg}"
page = ET.parse(sys.argv[1]).getroot()
comparison = json.load(open(sys.argv[2]))
expected = {(m["id"], d["id"], i): level["current"] for m in comparison["modules"] for d in m["dimensions"]
            for i, level in enumerate(d["sessions"]) if level["current"] is not None}
drawn = {}
for chart in page.iter(svg + "svg"):
    module = chart.get("data-module")
    for group in chart.iter():
        for circle in group.findall(svg + "circle"):
            if circle.get("data-series") == "target":
                continue
            dimension = circle.get("data-dimension") or group.get("data-dimension")
            drawn[(module, dimension, int(circle.get("data-session")))] = float(circle.get("data-value"))
wrong = [(k, v, drawn.get(k)) for k, v in expected.items() if drawn.get(k) is None or abs(drawn[k] - v) > 1e-9]
print("%d points, %d wrong: %s" % (len(expected), len(wrong), wrong[:3]))
assert expected and not wrong
PY
  pdfinfo "compare-$kind.pdf" >"compare-info-$kind.txt" 2>&1
  check "the $kind comparison is A4" python3 -c '
import re, sys
m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", open(sys.argv[1]).read(), re.M)
assert m and abs(float(m.group(1)) - 595.28) <= 1 and abs(float(m.group(2)) - 841.89) <= 1, m and m.group(0)' "compare-info-$kind.txt"
  pdftotext -enc UTF-8 "compare-$kind.pdf" "compare-$kind.txt"
  check "each department of the $kind comparison begins a page and fits it" python3 - "compare-$kind.json" "compare-$kind.txt" <<'PY'
import json, sys
modules = [m["title"] for m in json.load(open(sys.argv[1]))["modules"]]
pages = [[l.strip() for l in page.split("\f")[0].split("\n") if l.strip()] for page in open(sys.argv[2], encoding="utf-8").read().split("\f")]
firsts = [page[0] if page else "" for page in pages]
starts = lambda title, line: line == title or line.startswith(title + " (")
problems, previous = [], 0
for index, title in enumerate(modules):
    page = next((i for i in range(previous, len(firsts)) if starts(title, firsts[i])), None)
    if page is None:
        problems.append("%s begins no page" % title); continue
    following = modules[index + 1] if index + 1 < len(modules) else None
    # Whole on its page: the next page begins the next department, or (the last one) anything but
    # more of this department's table.
    after = firsts[page + 1] if page + 1 < len(firsts) else ""
    if following and not starts(following, after):
        problems.append("%s (page %d) spills: page %d begins %r" % (title, page + 1, page + 2, after))
    print("%s: page %d" % (title, page + 1))
    previous = page + 1
print("\n".join(problems))
assert not problems
PY
  first_department=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["modules"][0]["title"])' "compare-$kind.json")
  page=$(awk -v t="$first_department" 'BEGIN { RS = "\f" } { n = split($0, line, "\n"); for (i = 1; i <= n; i++) { s = line[i]; gsub(/^[ \t]+|[ \t]+$/, "", s); if (s != "") { if (s == t) print NR; break } } }' "compare-$kind.txt" | head -1)
  if [ -n "$page" ]; then
    pdftoppm -r 75 -png -f "$page" -l "$page" "compare-$kind.pdf" "compare-$kind-page" >"$work/out" 2>&1
    png=$(ls "compare-$kind-page"*.png 2>/dev/null | head -1)
    if [ "$kind" = time ]; then
      # The slope chart: a line that rose (#2e8b57) on the first department's page.
      check "the slope chart is drawn on \"$first_department\"'s page" png_check "$png" --colour rise=46,139,87,12,40
    else
      # The dot chart: the first two sessions' dots (#2f5d8a, #c0392b).
      check "the dot chart is drawn on \"$first_department\"'s page" png_check "$png" --colour first=47,93,138,12,40 --colour second=192,57,43,12,40
    fi
  else
    fail "the $kind comparison's first department begins a page"
  fi
done

# One participant per department: every department's numbers are one person's view, and the
# first printed page says so.
if run "a session with one participant per department" 0 "$bin" new "$work/one" --title "One each" \
    && run "four simulated participants, one per department" 0 "$bin" simulate "$work/one" --participants 4 --seed 5 \
    && run "report --format html (one each)" 0 "$bin" report "$work/one" --format html -o "$work/one.html" \
    && browser "Chromium prints the one-each report to PDF" "$work/one.pdf" --no-pdf-header-footer --print-to-pdf="$work/one.pdf" "file://$work/one.html"; then
  pdftotext -enc UTF-8 -f 1 -l 1 one.pdf one-first.txt
  cp one-first.txt "$work/out"
  contains "the first page warns about low confidence" "Read with care: few people stand behind"
  contains "and names the departments with too few participants" "Departments with fewer than 2 participants"
fi

# The screen: the English report at 1000 px wide, the top of it (summary with its bar chart).
t0=$(date +%s.%N)
if browser "Chromium takes a screenshot of the en report" "$work/screen-en.png" \
    --screenshot="$work/screen-en.png" --window-size=1000,2400 --hide-scrollbars "file://$work/report-en.html"; then
  echo "     (screenshot in $(elapsed "$t0"))"
  check "the screenshot is not blank" png_check screen-en.png --min-ink 0.08 --min-colours 200
  check "the top-gaps bar chart is drawn (#4a7fb5 bars)" png_check screen-en.png --colour bar=74,127,181,2,5000
fi

# The radar on every department page of the English PDF (at 75 dpi, the printed radar being 9.5 cm
# wide): its translucent fill (rgba(74,127,181,.35)
# over white = rgb 191,210,229) and the target's red dashed outline (#c0392b).
if [ -s department-pages-en.txt ]; then
  while read -r page; do
    title=$(sed -n "${page}p" firsts-en.txt)
    pdftoppm -r 75 -png -f "$page" -l "$page" report-en.pdf "page-$page" >"$work/out" 2>&1
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
