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
for module in ecommerce it customer-service logistics omnichannel; do
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
[ "$(find "$XDG_CACHE_HOME/omnigap/modules" -name '*.json' | wc -l)" -eq 5 ] && ok "the five parsed modules are in the user's cache" \
  || fail "the five parsed modules are in the user's cache"
run "report -o a folder" 1 "$bin" report "$work/ws" -o "$work" && contains "a folder is one clear error naming it" "$work: it is a folder"

# Negative numbers need no "=": the customer-service module's Net Promoter Score runs from -100.
run "record --current -4 on a number item that accepts negatives" 0 "$bin" record "$work/ws" --participant "Nora N." \
  --department customer-service --item customer-service.measurement.nps --current -4 --target 30 \
  && contains "the negative answer is recorded" "Recorded customer-service.measurement.nps"
run "export the participant with the negative answer" 0 "$bin" export "$work/ws" --participant "Nora N." \
  && contains "-4 is stored as a number" '"customer-service.measurement.nps": {"current": -4, "target": 30'
run "record --current -400 is out of range" 1 "$bin" record "$work/ws" --participant "Nora N." \
  --item customer-service.measurement.nps --current -400 \
  && contains "the range is the error, not a missing value" "the current value -400 is outside the range -100 to 100"
run "record --target 99,5 takes a decimal comma" 0 "$bin" record "$work/ws" --participant "Nora N." \
  --item customer-service.measurement.nps --target 99,5 \
  && run "export after the decimal comma" 0 "$bin" export "$work/ws" --participant "Nora N." \
  && contains "99,5 is stored as 99.5" '"customer-service.measurement.nps": {"current": -4, "target": 99.5'

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
