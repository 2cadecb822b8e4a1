#!/usr/bin/env bash
# End-to-end checks of the real omnigap binary, run as a user would: from another directory,
# with good and broken modules, wrong flags, and the environment override.
# Usage: scripts/e2e-cli.sh PATH-TO-OMNIGAP
set -uo pipefail

bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"   # never the package root: the built-in modules must be found from anywhere
export XDG_CACHE_HOME="$work/xdg-cache"   # parsed modules are cached here, not in the user's home

# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"

run "--version" 0 "$bin" --version && contains "--version prints the version" "0.1.0"

for command in "" "modules" "modules list" "modules show" "modules validate"; do
  # shellcheck disable=SC2086
  run "help: omnigap $command --help" 0 "$bin" $command --help && contains "help: omnigap $command" "USAGE:"
done

run "modules list" 0 "$bin" modules list && contains "modules list shows ecommerce" "ecommerce"
run "modules list --lang pl" 0 "$bin" modules list --lang pl && contains "modules list names the source" "built-in"

run "show ecommerce --lang pl" 0 "$bin" modules show ecommerce --lang pl && {
  contains "show --lang pl keeps Polish letters" "ł"
  contains "show --lang pl uses the Polish stage names" "koncentracja na działaniu"
  if grep -q $'\e' "$work/out"; then fail "show prints no escape sequences"; else ok "show prints no escape sequences"; fi
  # Count characters, not bytes: awk here may be mawk, which counts ł as two.
  if python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$work/out"
  then ok "show fits 80 columns"; else fail "show fits 80 columns"; fi
}

# Every shipped module in every language, as a participant would read it.
for module in ecommerce it customer-service logistics stores omnichannel; do
  for lang in en pl sv it; do
    run "show $module --lang $lang" 0 "$bin" modules show "$module" --lang "$lang" || continue
    if grep -q "^note:" "$work/out"; then fail "show $module --lang $lang falls back to English"; continue; fi
    if python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$work/out"
    then ok "show $module --lang $lang reads within 80 columns"; else fail "show $module --lang $lang fits 80 columns"; fi
  done
done

run "show --json" 0 "$bin" modules show ecommerce --json --lang pl && {
  if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["id"]=="ecommerce" and d["language"]=="pl" and d["dimensions"]' "$work/out" 2>/dev/null
  then ok "show --json is JSON with the module"; else fail "show --json is JSON with the module"; fi
}

# The format guide's example module has English and Polish only.
mkdir -p "$work/example"
python3 -c 'import re,sys; print(re.search(r"```yaml\n(.*?)```", open(sys.argv[1]).read(), re.S).group(1))' \
  "$root/docs/module-format.md" >"$work/example/example.yaml"
run "show in a language the module lacks" 0 "$bin" modules show example --modules "$work/example" --lang it && {
  contains "a missing language is noted" "note: module example has no it text; showing English"
  contains "and the whole module is shown in English" "Rate the current and the target stage:"
}

run "show an unknown module" 1 "$bin" modules show nosuchmodule && contains "an unknown module is named" 'no valid module "nosuchmodule"'

run "validate the built-in modules" 0 "$bin" modules validate && contains "validate says OK" "OK:"

# A module broken at a known line: copy a real one and misspell a key on line 12.
cp "$root/Modules/ecommerce.yaml" "$work/broken.yaml"
line=$(grep -n '^ *prompt:' "$work/broken.yaml" | head -1 | cut -d: -f1)
sed -i "${line}s/prompt:/promt:/" "$work/broken.yaml"
run "validate a broken module exits 1" 1 "$bin" modules validate "$work/broken.yaml" && {
  contains "validate names file and line" "$work/broken.yaml:$line:"
  contains "validate suggests the fix" 'Did you mean "prompt"?'
  contains "one typo is one problem" "1 problem(s) in 1 file(s)"
}

printf 'id: [unclosed\n' >"$work/notyaml.yaml"
head -c 2000 /dev/urandom >"$work/random.yaml"
run "validate reports every broken file at once" 1 "$bin" modules validate "$work/notyaml.yaml" "$work/random.yaml" "$work/broken.yaml" && {
  contains "not YAML is reported with its position" "notyaml.yaml:2:1: error: this is not valid YAML"
  contains "binary garbage is reported" "random.yaml"
  contains "the count covers all files" "3 problem(s) in 3 file(s)"
}

run "validate a device" 1 "$bin" modules validate /dev/zero && contains "a device is refused, not read" "/dev/zero: error: this is not a regular file"
run "validate a missing path" 1 "$bin" modules validate "$work/nope.yaml" && contains "a missing path is named" "nope.yaml: error: no such file"

mkdir -p "$work/mods" && cp "$work/broken.yaml" "$work/mods/"
run "OMNIGAP_MODULES overrides the built-in modules" 1 env OMNIGAP_MODULES="$work/mods" "$bin" modules validate \
  && contains "OMNIGAP_MODULES is used" "$work/mods/broken.yaml:$line:"
run "--modules wins over OMNIGAP_MODULES" 0 env OMNIGAP_MODULES="$work/mods" "$bin" modules list --modules "$root/Modules" \
  && contains "--modules is used" "(--modules)"

run "an unknown flag is a usage error" 64 "$bin" modules list --colour && contains "the unknown flag is named" "--colour"
run "an unknown language is a usage error" 64 "$bin" modules show ecommerce --lang de && contains "the bad value is named" "de"

# -o writes what the user named and never replaces it: a link is written through, a pipe is
# streamed to its reader, and - is standard output.
"$bin" new "$work/ws" --title "Output" >/dev/null && "$bin" simulate "$work/ws" --participants 3 --seed 4 >/dev/null
"$bin" report "$work/ws" >"$work/report.expected"
printf 'old\n' >"$work/real-report.txt" && ln -s "$work/real-report.txt" "$work/report-link.txt"
run "report -o through a symlink" 0 "$bin" report "$work/ws" -o "$work/report-link.txt" && {
  [ -L "$work/report-link.txt" ] && ok "-o keeps a symlink a symlink" || fail "-o keeps a symlink a symlink"
  cmp -s "$work/real-report.txt" "$work/report.expected" && ok "-o writes through the symlink to its file" \
    || fail "-o writes through the symlink to its file"
}
mkfifo "$work/report.pipe"
timeout 30 cat "$work/report.pipe" >"$work/from-pipe.txt" &  # a writer that never opens it must not hang the script
reader=$!
run "report -o to a FIFO" 0 "$bin" report "$work/ws" -o "$work/report.pipe" && {
  wait "$reader"
  cmp -s "$work/from-pipe.txt" "$work/report.expected" && ok "-o streams the report to the FIFO's reader" \
    || fail "-o streams the report to the FIFO's reader"
  [ -p "$work/report.pipe" ] && ok "-o leaves a FIFO a FIFO" || fail "-o leaves a FIFO a FIFO"
}
kill "$reader" 2>/dev/null
run "report -o -" 0 "$bin" report "$work/ws" -o - && {
  # run puts stderr after stdout in $work/out; -o - writes nothing to stderr.
  cmp -s "$work/out" "$work/report.expected" && ok "-o - is standard output" || fail "-o - is standard output"
}
[ ! -e "$work/ws/.cache" ] && ok "opening a session writes no cache into its folder" \
  || fail "opening a session writes no cache into its folder"
[ "$(find "$XDG_CACHE_HOME/omnigap/modules" -name '*.json' | wc -l)" -eq 6 ] && ok "the six parsed modules are in the user's cache" \
  || fail "the six parsed modules are in the user's cache"
run "report -o a folder" 1 "$bin" report "$work/ws" -o "$work" && contains "a folder is one clear error naming it" "$work: it is a folder"

# Negative numbers need no "=": a module whose Net Promoter Score runs from -100 (a module file of
# the facilitator's own, beside the shipped ones).
mkdir -p "$work/nps-modules" && cp "$root"/Modules/*.yaml "$work/nps-modules/"
cat >"$work/nps-modules/service-kpis.yaml" <<'YAML'
id: service-kpis
version: "1.0"
languages: [en]
order: 70
title: {en: Service KPIs}
intro: {en: Two figures the service team reports.}
dimensions:
  - id: scores
    title: {en: Scores}
    items:
      - id: service-kpis.scores.nps
        kind: number
        prompt: {en: Net Promoter Score of customers who contacted customer service}
        unit: {en: points}
        min: -100
        max: 100
      - id: service-kpis.scores.level
        kind: maturity
        prompt: {en: How are the scores used?}
        levels:
          1: {en: Nobody looks at them.}
          2: {en: The team lead reads them each month.}
          3: {en: Monthly targets with a named owner.}
          4: {en: Reviewed monthly with the departments that cause contacts.}
YAML
run "a session with a module of the facilitator's own" 0 "$bin" new "$work/nps" --title "NPS" --module-dir "$work/nps-modules"
run "record --current -4 on a number item that accepts negatives" 0 "$bin" record "$work/nps" --participant "Nora N." \
  --department service-kpis --item service-kpis.scores.nps --current -4 --target 30 \
  && contains "the negative answer is recorded" "Recorded service-kpis.scores.nps"
run "export the participant with the negative answer" 0 "$bin" export "$work/nps" --participant "Nora N." \
  && contains "-4 is stored as a number" '"service-kpis.scores.nps": {"current": -4, "target": 30'
run "record --current -400 is out of range" 1 "$bin" record "$work/nps" --participant "Nora N." \
  --item service-kpis.scores.nps --current -400 \
  && contains "the range is the error, not a missing value" "the current value -400 is outside the range -100 to 100"
run "record --target 99,5 takes a decimal comma" 0 "$bin" record "$work/nps" --participant "Nora N." \
  --item service-kpis.scores.nps --target 99,5 \
  && run "export after the decimal comma" 0 "$bin" export "$work/nps" --participant "Nora N." \
  && contains "99,5 is stored as 99.5" '"service-kpis.scores.nps": {"current": -4, "target": 99.5'

# The hints are commands to paste: a folder with a space, parentheses and a quote comes back
# quoted, and the program is named the way it runs here. The bin folder is not on the PATH, so
# the hint names the binary by its path; with `omnigap` on the PATH it says `omnigap`.
# words LINE: the words a POSIX shell reads from LINE, one a line, in $work/words.
words() { sh -c 'eval "set -- $1" && printf "%s\n" "$@"' _ "$1" >"$work/words"; }
word() { sed -n "${1}p" "$work/words"; }
odd="$work/my ws (Anna's)"
run "new in a folder named with a space, parentheses and a quote" 0 "$bin" new "$odd" --title "Pasted" && {
  lacks "new no longer suggests record" "record"
  lacks "new no longer suggests simulate" "simulate"
  for command in join facilitate; do
    line=$(grep -E "^ +[^ ].* $command " "$work/out" | head -1)
    words "$line"
    if [ "$(word 1)" = "$bin" ] && [ "$(word 2)" = "$command" ] && [ "$(word 3)" = "$odd" ] && [ "$(wc -l <"$work/words")" -eq 3 ]
    then ok "new's \"$command\" line pastes into sh as: $bin $command DIR"
    else fail "new's \"$command\" line pastes into sh as: $bin $command DIR (got: $line)"; fi
  done
  line=$(grep -E -- "--serve" "$work/out" | head -1)
  words "$line"
  if [ "$(word 2)" = facilitate ] && [ "$(word 3)" = "$odd" ] && [ "$(sed -n '4,6p' "$work/words" | tr '\n' ' ')" = "--serve --listen 0.0.0.0 " ]
  then ok "new's line for joining over SSH pastes into sh as: $bin facilitate DIR --serve --listen 0.0.0.0"
  else fail "new's line for joining over SSH pastes into sh (got: $line)"; fi
}
mkdir -p "$work/on-path" && ln -sf "$bin" "$work/on-path/omnigap"
run "new, with omnigap on the PATH" 0 env PATH="$work/on-path:$PATH" "$bin" new "$work/path ws" --title "On the PATH" && {
  line=$(grep -E "^ +[^ ].* join " "$work/out" | head -1)
  words "$line"
  [ "$(word 1)" = "omnigap" ] && [ "$(word 3)" = "$work/path ws" ] && ok "with omnigap on the PATH, the hint says omnigap" \
    || fail "with omnigap on the PATH, the hint says omnigap (got: $line)"
}
printf '#!/bin/sh\necho another omnigap\n' >"$work/on-path/other" && chmod +x "$work/on-path/other"
mkdir -p "$work/other-path" && cp "$work/on-path/other" "$work/other-path/omnigap"
run "new, with another omnigap first on the PATH" 0 env PATH="$work/other-path:$PATH" "$bin" new "$work/other ws" --title "Other" && {
  line=$(grep -E "^ +[^ ].* join " "$work/out" | head -1)
  words "$line"
  [ "$(word 1)" = "$bin" ] && ok "another omnigap on the PATH is not suggested" || fail "another omnigap on the PATH is not suggested (got: $line)"
}
run "demo --no-ui in an odd folder" 0 "$bin" demo --no-ui "$work/demo (x)" && {
  line=$(grep -o 'open it with `[^`]*`' "$work/err" | sed 's/^open it with `//; s/`$//')
  words "$line"
  [ "$(word 1)" = "$bin" ] && [ "$(word 2)" = facilitate ] && [ "$(word 3)" = "$work/demo (x)" ] \
    && ok "demo's closing hint pastes as a command that runs here" || fail "demo's closing hint pastes as a command that runs here (got: $line)"
}
run "report -o into the odd folder" 0 "$bin" report "$odd" -o "$odd/report.txt" && {
  line=$(sed -n 's/^Wrote the text report to //p' "$work/out")
  words "$line"
  [ "$(word 1)" = "$odd/report.txt" ] && ok "report names its file quoted" || fail "report names its file quoted (got: $line)"
}

# record with a flag left without its value says so, instead of "unexpected argument '4'".
run "record --current --target 4" 64 "$bin" record "$odd" --participant "Anna K." --department it --item it.platform.releases \
  --current --target 4 && contains "the flag without a value is named" '--current has no value: it took "--target" as one'
run "record with a rejected value" 1 "$bin" record "$odd" --participant "Newcomer" --department it --item it.platform.releases --current 7 \
  && run "status after the rejected value" 0 "$bin" status "$odd" && contains "a rejected value joins nobody" "No participants yet."

# remove: the participant's file moves into removed/, the report stops counting them, and a name
# two people share is refused with their ids.
report_joined() { "$bin" report "$1" --format json | python3 -c 'import json,sys; print(sum(d["joined"] for d in json.load(sys.stdin)["participation"]))'; }
"$bin" record "$odd" --participant "Anna K." --department it --item it.platform.releases --current 2 --target 4 >/dev/null
"$bin" record "$odd" --participant "Bo Test" --department logistics --item logistics.inventory.visibility --current 1 --target 3 >/dev/null
bo=$("$bin" status "$odd" --json | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin)["participants"] if p["name"]=="Bo Test"))')
[ "$(report_joined "$odd")" = 2 ] && ok "the report counts two before the removal" || fail "the report counts two before the removal"
run "remove without a terminal and without --yes" 1 "$bin" remove "$odd" --participant "bo test" </dev/null && {
  contains "it asks for --yes" "confirm with --yes"
  [ -f "$odd/participants/$bo.json" ] && ok "without --yes nothing moves" || fail "without --yes nothing moves"
}
run "remove --yes by name" 0 "$bin" remove "$odd" --participant "bo test" --yes && {
  contains "remove says whom, and where the file went" "Removed Bo Test (logistics, "
  contains "remove names the file in removed/" "moved to removed/$bo.json; the report no longer counts them."
  [ -f "$odd/removed/$bo.json" ] && [ ! -e "$odd/participants/$bo.json" ] && ok "the file is in removed/, not in participants/" \
    || fail "the file is in removed/, not in participants/"
  [ "$(report_joined "$odd")" = 1 ] && ok "the report counts one after the removal" || fail "the report counts one after the removal"
  line=$(sed -n 's/^To undo, move the file back into participants\/: //p' "$work/out")
  (cd "$work" && eval "$line" </dev/null) && [ -f "$odd/participants/$bo.json" ] && [ "$(report_joined "$odd")" = 2 ] \
    && ok "the printed undo command brings them back" || fail "the printed undo command brings them back (got: $line)"
}
# In a terminal it asks first: only "y" removes. `script` gives the command a terminal.
if command -v script >/dev/null; then
  asked="$(printf '%q ' "$bin" remove "$odd" --participant "$bo")"
  run "remove in a terminal, answered with Enter" 1 script -qec "$asked" /dev/null <<<"" && {
    contains "it asks, naming whom" "Remove Bo Test (logistics, "
    contains "Enter keeps them" "nothing removed"
    [ -f "$odd/participants/$bo.json" ] && ok "after Enter the file is still in participants/" || fail "after Enter the file is still in participants/"
  }
  run "remove in a terminal, answered y" 0 script -qec "$asked" /dev/null <<<"y" && contains "y removes" "Removed Bo Test"
  mv "$odd/removed/$bo.json" "$odd/participants/$bo.json"
else
  echo "skip script (util-linux) is not installed: the question in a terminal is not checked"
fi
run "remove by id" 0 "$bin" remove "$odd" --participant "$bo" -y && contains "remove by id" "Removed Bo Test"
run "remove someone who is not there" 1 "$bin" remove "$odd" --participant "Nobody" --yes && {
  contains "no match is one clear line" 'no participant "Nobody" in this session'
}
run "remove from a folder that is not a session" 1 "$bin" remove "$work" --participant "Anna K." --yes \
  && contains "a folder that is not a session is named" "session.json"
# Two people called Sam: one joined here, one in a copy of the session, merged in.
cp -r "$odd" "$work/copy"
"$bin" record "$odd" --participant "Sam" --department it --done >/dev/null
"$bin" record "$work/copy" --participant "Sam" --department ecommerce --done >/dev/null
"$bin" export "$work/copy" --participant "Sam" -o "$work/sam.json" 2>/dev/null && "$bin" merge "$odd" "$work/sam.json" >/dev/null
run "remove a name two people share" 1 "$bin" remove "$odd" --participant "sam" --yes && {
  contains "the ambiguity is named" '2 participants are called "sam"'
  for id in $(python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)["participants"] if p["name"]=="Sam"))' \
      < <("$bin" status "$odd" --json)); do
    contains "their ids are listed ($id)" "$id"
  done
  [ "$(ls "$odd/participants" | wc -l)" -eq 3 ] && ok "nobody is removed on an ambiguous name" || fail "nobody is removed on an ambiguous name"
}

# Follow-up workshops and comparing sessions (issue 18): the demo is a follow-up of a baseline
# with three goals; a new follow-up carries them over; compare sets the two side by side.
fits80() {  # NAME: every line of $work/out is at most 80 characters
  if python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$work/out"
  then ok "$1"; else fail "$1"; fi
}
demo="$work/follow-demo"
run "demo --no-ui builds a baseline and its follow-up" 0 "$bin" demo "$demo" --no-ui && {
  contains "the report has the since section" "SINCE NORDIC HOME — FIRST OMNICHANNEL WORKSHOP"
  contains "the report has the goals under review" "GOALS SINCE NORDIC HOME — FIRST OMNICHANNEL WORKSHOP"
  contains "a goal is done" "[done] Click and collect in every store"
  contains "a goal is late" "[late] Online returns accepted in every store"
  contains "it says where the baseline is" "$demo-baseline"
}
[ -f "$demo-baseline/session.json" ] && ok "the baseline is a session beside the follow-up" || fail "the baseline is a session beside the follow-up"
run "compare the demo's two folders" 0 "$bin" compare "$demo-baseline" "$demo" && {
  contains "over time, as a follow-up" "OMNICHANNEL PROGRESS: THEN AND NOW"
  contains "the goals under review are there" "[on track] One stock view"
  contains "questions that moved are listed" "QUESTIONS THAT MOVED A WHOLE STAGE OR MORE"
  fits80 "the comparison fits 80 columns"
}
run "compare in the other order is still then → now" 0 "$bin" compare "$demo" "$demo-baseline" --label Dec June && {
  contains "the labels name the columns in chain order" "June: Nordic Home — first omnichannel workshop"
}
run "compare --side-by-side" 0 "$bin" compare "$demo-baseline" "$demo" --side-by-side --lang pl && contains "side by side, in Polish" "WARSZTATY OMNICHANNEL W ZESTAWIENIU"
for format in markdown csv json html; do
  run "compare --format $format -o FILE" 0 "$bin" compare "$demo-baseline" "$demo" --format "$format" -o "$work/comparison.$format" \
    && contains "it says where it wrote ($format)" "comparison.$format"
done
check "the JSON comparison parses" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(d["mode"] != "over-time")' "$work/comparison.json"
run "compare the same folder twice" 64 "$bin" compare "$demo" "$demo/" && contains "the same folder is named" "given twice"
run "compare one session" 64 "$bin" compare "$demo" && contains "two are needed" "two or more session folders"
run "compare with a folder that is not a session" 1 "$bin" compare "$demo" "$work" && contains "the folder is named" "is not an omnigap session"
run "compare with too few labels" 64 "$bin" compare "$demo-baseline" "$demo" --label one && contains "labels are counted" "one label per session"
run "new --follow-up carries the goals over" 0 "$bin" new "$work/again" --title "Again" --follow-up "$demo-baseline" && {
  contains "three goals are carried over" "goals carried over for review: 3"
  contains "it names the earlier session" "follows: \"Nordic Home — first omnichannel workshop\""
  contains "it says what can be compared" "the same, 0 changed"
}
run "new --follow-up of a folder that is not a session" 1 "$bin" new "$work/again2" --title "Again" --follow-up "$work/nothing" \
  && contains "the flag and folder are named" "--follow-up $work/nothing"
[ ! -e "$work/again2" ] && ok "nothing is written for a bad --follow-up" || fail "nothing is written for a bad --follow-up"
run "demo DIR/ puts the baseline beside DIR, not inside" 0 "$bin" demo "$work/slash-demo/" --no-ui && {
  [ -f "$work/slash-demo-baseline/session.json" ] && [ ! -e "$work/slash-demo/-baseline" ] \
    && ok "the baseline of DIR/ is DIR-baseline" || fail "the baseline of DIR/ is DIR-baseline"
}
run "a follow-up dated before its baseline" 1 "$bin" new "$work/early" --title "Early" --follow-up "$demo-baseline" --date 2020-01-01 \
  && contains "the dates are named" "is before the earlier session's"
mv "$demo-baseline" "$work/moved-baseline"
run "the report of a follow-up whose baseline moved" 0 "$bin" report "$demo" && {
  contains "it says the earlier session could not be read" "could not be read"
  contains "the goals under review still show" "[done] Click and collect in every store"
}
mv "$work/moved-baseline" "$demo-baseline"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
