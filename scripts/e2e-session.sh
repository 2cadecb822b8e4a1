#!/usr/bin/env bash
# End-to-end checks of the session folder commands of the real omnigap binary: new, record,
# simulate, status, export and merge, with concurrent writers, killed writers, damaged files,
# hostile names and a permissive umask.
# Usage: scripts/e2e-session.sh PATH-TO-OMNIGAP
set -uo pipefail

bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
background=""
cleanup() {
  touch "$work/stop"
  # shellcheck disable=SC2086
  [ -n "$background" ] && kill $background 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
started=$SECONDS

# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"

# Assertions on JSON and files, in Python so that nothing is parsed with grep.
cat >"$work/t.py" <<'PY'
import json, os, re, sys

def status(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def participant_files(session):
    folder = os.path.join(session, "participants")
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if not n.startswith("."))

def by_name(session, name):
    found = []
    for path in participant_files(session):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data["profile"]["name"] == name:
            found.append((path, data))
    if len(found) != 1:
        sys.exit(f"{len(found)} participants called {name!r} in {session}")
    return found[0]

command, args = sys.argv[1], sys.argv[2:]
if command == "summary":            # FILE: "PARTICIPANTS PROBLEMS"
    d = status(args[0])
    print(len(d["participants"]), len(d["problems"]))
elif command == "expect":           # FILE PARTICIPANTS: that many participants, no problems
    d = status(args[0])
    if len(d["participants"]) != int(args[1]) or d["problems"]:
        sys.exit(f"{len(d['participants'])} participants (expected {args[1]}), problems: {d['problems']}")
elif command == "departments":      # FILE: the department ids
    print(",".join(x["id"] for x in status(args[0])["departments"]))
elif command == "all-ours":         # SESSION: every participant file is a whole omnigap file
    bad = []
    for path in participant_files(args[0]):
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            if data.get("format") != "omnigap-participant":
                bad.append(f"{path}: format {data.get('format')!r}")
        except Exception as error:
            bad.append(f"{path}: {error}")
    if bad:
        sys.exit("\n".join(bad))
    print(len(participant_files(args[0])))
elif command == "answer":           # SESSION NAME ITEM: the stored answer, or null
    _, data = by_name(args[0], args[1])
    print(json.dumps(data["answers"].get(args[2]), sort_keys=True))
elif command == "answers":          # SESSION NAME: all stored answers
    _, data = by_name(args[0], args[1])
    print(json.dumps(data["answers"], sort_keys=True))
elif command == "file":             # SESSION NAME: the participant's file
    print(by_name(args[0], args[1])[0])
elif command == "done":             # FILE NAME: the participant's done flag in status --json
    rows = [p for p in status(args[0])["participants"] if p["name"] == args[1]]
    print(rows[0]["done"] if len(rows) == 1 else f"{len(rows)} rows")
elif command == "problems":         # FILE NAME=WORD...: exactly these problems, with their words
    d = status(args[0])
    problems = {p["path"]: p["reason"] for p in d["problems"]}
    wanted = dict(a.split("=", 1) for a in args[1:])
    errors = []
    if set(problems) != set("participants/" + n for n in wanted):
        errors.append(f"problem paths {sorted(problems)} are not {sorted(wanted)}")
    for name, words in wanted.items():
        reason = problems.get("participants/" + name, "")
        if not any(w in reason for w in words.split("|")):
            errors.append(f"{name}: reason {reason!r} lacks {words!r}")
    if errors:
        sys.exit("\n".join(errors))
elif command == "no-control":       # FILE: no ESC, no C1 CSI, no escaped ESC in the file
    data = open(args[0], "rb").read()
    for bad in (b"\x1b", b"\xc2\x9b", b"\\u001b", b"\\u001B"):
        if bad in data:
            sys.exit(f"{bad!r} found in {args[0]}")
elif command == "names-safe":       # SESSION COUNT: only p-*.json files, COUNT of them
    names = [n for n in os.listdir(os.path.join(args[0], "participants")) if not n.startswith(".")]
    strange = [n for n in names if not re.fullmatch(r"p-[0-9a-f]{16}\.json", n)]
    if strange or len(names) != int(args[1]):
        sys.exit(f"participants/ holds {names}")
    # No .cache: opening a session writes nothing into its folder.
    top = set(os.listdir(args[0])) - {"session.json", ".gitignore", "modules", "participants", "locks"}
    if top:
        sys.exit(f"unexpected entries in the session folder: {sorted(top)}")
elif command == "rewrite":          # IN OUT OLD NEW: OUT is IN with OLD replaced by NEW (once at least)
    text = open(args[0], encoding="utf-8").read()
    if args[2] not in text:
        sys.exit(f"{args[2]!r} not in {args[0]}")
    open(args[1], "w", encoding="utf-8").write(text.replace(args[2], args[3]))
elif command == "session-id":       # SESSION
    print(json.load(open(os.path.join(args[0], "session.json")))["id"])
elif command == "module-hash":      # EXPORT-FILE MODULE
    print(json.load(open(args[0]))["modules"][args[1]])
else:
    sys.exit(f"unknown command {command}")
PY
t() { python3 "$work/t.py" "$@"; }

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 1. new
s1="$work/s1"
run "new creates a session" 0 "$bin" new "$s1" --title "Spring workshop" && {
  contains "new names the session" "Created session \"Spring workshop\""
  [ -f "$s1/session.json" ] && ok "new writes session.json" || fail "new writes session.json"
  count=$(find "$s1/modules" -name '*.yaml' | wc -l)
  [ "$count" -eq 6 ] && ok "new freezes 6 modules" || fail "new freezes 6 modules (found $count)"
  for m in ecommerce it customer-service logistics stores omnichannel; do
    cmp -s "$s1/modules/$m.yaml" "$root/Modules/$m.yaml" || fail "frozen $m.yaml is a copy of the source"
  done
  [ -d "$s1/participants" ] && [ -z "$(ls -A "$s1/participants")" ] && ok "new makes an empty participants folder" \
    || fail "new makes an empty participants folder"
  grep -qF "locks/" "$s1/.gitignore" 2>/dev/null && ok "new writes a .gitignore" || fail "new writes a .gitignore"
}
run "status of a new session" 0 "$bin" status "$s1" && contains "a new session has nobody" "No participants yet."

cp "$s1/session.json" "$work/session.json.before"
run "new refuses a folder holding a session" 1 "$bin" new "$s1" --title Again && {
  contains "the refusal says there is a session" "already holds a session"
  cmp -s "$s1/session.json" "$work/session.json.before" && ok "the existing session is untouched" \
    || fail "the existing session is untouched"
}

mkdir -p "$work/busy" && echo "keep me" >"$work/busy/notes.txt"
run "new refuses a non-empty folder" 1 "$bin" new "$work/busy" --title X && {
  contains "the refusal says the folder is not empty" "is not empty"
  [ ! -e "$work/busy/session.json" ] && [ "$(cat "$work/busy/notes.txt")" = "keep me" ] \
    && ok "the non-empty folder is left alone" || fail "the non-empty folder is left alone"
}

run "--quorum 0 is a usage error" 64 "$bin" new "$work/q" --title X --quorum 0 && contains "the bad quorum is named" "--quorum"
run "--agenda answer=x is a usage error" 64 "$bin" new "$work/q" --title X --agenda "answer=x" && contains "the bad agenda is named" "answer=x"
run "--lang de is a usage error" 64 "$bin" new "$work/q" --title X --lang de && contains "the bad language is named" "'de'"
run "an unknown flag is a usage error" 64 "$bin" new "$work/q" --title X --colour && contains "the unknown flag is named" "--colour"
run "an unknown module exits 1" 1 "$bin" new "$work/q" --title X --modules ecommerce,nosuchmodule \
  && contains "the unknown module is named" '"nosuchmodule"'
[ ! -e "$work/q/session.json" ] && ok "refused news leave no session" || fail "refused news leave no session"

run "new --modules ecommerce,omnichannel" 0 "$bin" new "$work/s1b" --title Small --modules ecommerce,omnichannel && {
  run "status --json of the small session" 0 "$bin" status "$work/s1b" --json && {
    cp "$work/out" "$work/s1b.json"
    deps=$(t departments "$work/s1b.json" 2>&1)
    [ "$deps" = "ecommerce" ] && ok "only ecommerce is a department" || fail "only ecommerce is a department (got: $deps)"
  }
  run "status of the small session" 0 "$bin" status "$work/s1b" && contains "omnichannel is the shared module" "omnichannel 2.0 (shared)"
}

# Later edits to the source modules do not change a session.
cp -r "$root/Modules" "$work/mods"
run "new --module-dir" 0 "$bin" new "$work/s1m" --title Frozen --module-dir "$work/mods" && {
  sed -i 's/Who does the e-commerce manager.s work today?/Who is it, then?/' "$work/mods/ecommerce.yaml"
  rm "$work/mods/logistics.yaml"
  printf 'id: [broken\n' >"$work/mods/it.yaml"
  cmp -s "$work/s1m/modules/ecommerce.yaml" "$root/Modules/ecommerce.yaml" && ok "the frozen copy keeps the old text" \
    || fail "the frozen copy keeps the old text"
  run "the session opens after its source modules changed" 0 "$bin" status "$work/s1m" \
    && contains "status lists the frozen modules" "logistics 2.0"
  run "answers go to the frozen module" 0 "$bin" record "$work/s1m" --participant Lars --department logistics \
    --item logistics.process.map --current 1 --target 2
}
# And a frozen module edited inside the session is noticed, not silently used.
cp -a "$s1" "$work/s1edit"
echo "# edited" >>"$work/s1edit/modules/it.yaml"
run "a changed frozen module is refused" 1 "$bin" status "$work/s1edit" && contains "the changed module is named" "modules/it.yaml was changed"

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 2. Four simulate processes at once into one folder.
s2="$work/s2"
"$bin" new "$s2" --title Concurrent >/dev/null
pids=""
for i in 1 2 3 4; do
  timeout 60 "$bin" simulate "$s2" --participants 25 >"$work/sim-$i.out" 2>&1 &
  pids="$pids $!"
done
sims_ok=1
for pid in $pids; do wait "$pid" || sims_ok=0; done
[ "$sims_ok" -eq 1 ] && ok "four simulate processes at once all succeed" || { cat "$work"/sim-*.out >"$work/out"; fail "four simulate processes at once all succeed"; }
run "status --json after concurrent simulate" 0 "$bin" status "$s2" --json && {
  cp "$work/out" "$work/s2.json"
  check "concurrent simulate: exactly 100 participants, no problems" t expect "$work/s2.json" 100
}
files=$(find "$s2/participants" -name 'p-*.json' | wc -l)
[ "$files" -eq 100 ] && ok "concurrent simulate: 100 participant files" || fail "concurrent simulate: 100 participant files (found $files)"

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 3. Reading while three writers save answers one by one.
s3="$work/s3"
"$bin" new "$s3" --title Live >/dev/null
rm -f "$work/stop"
writers=""
for w in 1 2 3; do
  (
    # New participants answering one item at a time; then, so that the folder does not grow
    # past what status reads quickly, one participant rewriting an answer over and over.
    # Niced, so that on a small machine the reader still gets its share of the CPU.
    renice -n 10 -p $BASHPID >/dev/null
    round=0
    while [ ! -e "$work/stop" ]; do
      if [ "$round" -lt 3 ]; then
        timeout 60 "$bin" simulate "$s3" --participants 5 --pace 0 >/dev/null 2>>"$work/live-$w.err" \
          || echo "simulate exited with $?" >>"$work/live-$w.err"
      else
        timeout 60 "$bin" record "$s3" --participant "Writer $w" --department it --item it.platform.releases \
          --current $((round % 4 + 1)) --target 4 >/dev/null 2>>"$work/live-$w.err" \
          || echo "record exited with $?" >>"$work/live-$w.err"
      fi
      round=$((round + 1))
    done
  ) &
  writers="$writers $!"
done
background="$writers"
previous=0; first=-1; reads=0; unreadable=0; torn=0; decreased=0
: >"$work/live.log"
for i in $(seq 30); do
  if ! timeout 60 "$bin" status "$s3" --json >"$work/live.json" 2>>"$work/live.log"; then
    unreadable=$((unreadable + 1)); continue
  fi
  if ! summary=$(t summary "$work/live.json" 2>>"$work/live.log"); then unreadable=$((unreadable + 1)); continue; fi
  reads=$((reads + 1))
  read -r count problems <<<"$summary"
  [ "$first" -lt 0 ] && first=$count
  if [ "$problems" -ne 0 ]; then torn=$((torn + 1)); cat "$work/live.json" >>"$work/live.log"; fi
  if [ "$count" -lt "$previous" ]; then decreased=$((decreased + 1)); echo "count $previous -> $count" >>"$work/live.log"; fi
  previous=$count
done
touch "$work/stop"
# shellcheck disable=SC2086
wait $writers
background=""
cp "$work/live.log" "$work/out"
[ "$unreadable" -eq 0 ] && ok "live: all 30 status --json runs succeed with JSON" || fail "live: $unreadable status run(s) failed"
[ "$torn" -eq 0 ] && ok "live: no status run saw a problem (no torn reads)" || fail "live: $torn status run(s) reported problems"
[ "$decreased" -eq 0 ] && ok "live: the participant count never decreases" || fail "live: the participant count decreased $decreased time(s)"
[ "$previous" -gt "$first" ] && ok "live: participants arrived while status was reading ($first -> $previous)" \
  || fail "live: participants arrived while status was reading ($first -> $previous)"
cat "$work"/live-*.err >"$work/out" 2>/dev/null
[ ! -s "$work/out" ] && ok "live: the writers never failed" || fail "live: the writers never failed"
run "live: status --json afterwards" 0 "$bin" status "$s3" --json && {
  cp "$work/out" "$work/s3.json"
  check "live: every file whole after the writers stop" t expect "$work/s3.json" "$(find "$s3/participants" -name 'p-*.json' | wc -l)"
}

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 4. Writers killed with SIGKILL at random moments.
s4="$work/s4"
"$bin" new "$s4" --title Crash >/dev/null
# How long one run takes with this binary, so that kills land before, during and after writes.
"$bin" new "$work/s4probe" --title Probe >/dev/null
t0=$(date +%s%N)
"$bin" simulate "$work/s4probe" --participants 3 --pace 0 >/dev/null
span=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$span" -lt 150 ] && span=150
[ "$span" -gt 1000 ] && span=1000
killed=0
for round in $(seq 25); do
  "$bin" simulate "$s4" --participants 3 --pace 0 >/dev/null 2>&1 &
  pid=$!
  delay=$((RANDOM % span))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ $? -eq 137 ] && killed=$((killed + 1))
done
echo "     (25 rounds over 0-$span ms: $killed killed mid-run, $(find "$s4/participants" -name 'p-*.json' | wc -l) participant files," \
  "$(find "$s4/participants" -name '.*.tmp-*' | wc -l) leftover temporary files)"
[ "$killed" -gt 0 ] && ok "crash: some simulate runs were killed mid-run" || fail "crash: some simulate runs were killed mid-run"
check "crash: every participant file parses and is an omnigap participant" t all-ours "$s4"
[ "$(find "$s4/participants" -name 'p-*.json' | wc -l)" -gt 0 ] && ok "crash: some participants were saved before the kills" \
  || fail "crash: some participants were saved before the kills"
# A leftover temporary file from an interrupted write, made by hand so there is surely one.
head -c 100 "$(find "$s4/participants" -name 'p-*.json' | head -1)" >"$s4/participants/.p-00000000000000ff.json.tmp-999-deadbeef"
run "crash: status --json" 0 "$bin" status "$s4" --json && {
  cp "$work/out" "$work/s4.json"
  check "crash: no problems, leftover temporary files ignored" t expect "$work/s4.json" "$(find "$s4/participants" -name 'p-*.json' | wc -l)"
}
run "crash: a killed participant can be written again" 0 "$bin" simulate "$s4" --participants 1

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 5. Damaged and foreign files in participants/.
s5="$work/s5"
"$bin" new "$s5" --title Damaged >/dev/null
"$bin" simulate "$s5" --participants 4 --seed 1 >/dev/null
real=$(find "$s5/participants" -name 'p-*.json' | sort | head -1)
realid=$(basename "$real" .json)
P="$s5/participants"
t rewrite "$real" "$work/fresh.json" "$realid" p-00000000000000a1
python3 -c 'import sys; b=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(b[:len(b)//2])' "$work/fresh.json" "$P/p-00000000000000a1.json"
: >"$P/p-00000000000000a2.json"
python3 -c 'import random,sys; open(sys.argv[1],"wb").write(b"\xfe" + random.Random(7).randbytes(511))' "$P/p-00000000000000a3.json"
printf '{"hello":1}\n' >"$P/p-00000000000000a4.json"
t rewrite "$real" "$work/v2.json" "$realid" p-00000000000000a5 && t rewrite "$work/v2.json" "$P/p-00000000000000a5.json" '"version": 1' '"version": 2'
t rewrite "$real" "$work/big.json" "$realid" p-00000000000000a6
python3 -c 'import sys; open(sys.argv[2],"wb").write(open(sys.argv[1],"rb").read() + b" " * (9 << 20))' "$work/big.json" "$P/p-00000000000000a6.json"
ln -s ../session.json "$P/p-00000000000000a7.json"
cp "$real" "$P/notes.json"
sha256sum "$P"/p-*.json 2>/dev/null | sort >"$work/s5.before"
run "damaged: status exits 0" 0 "$bin" status "$s5" && {
  contains "damaged: the others are still counted" "4 participant(s):"
  contains "damaged: the skipped files are counted" "8 file(s) skipped:"
  for pair in "a1=truncated" "a2=empty" "a3=not valid JSON" "a4=not an omnigap file" "a5=newer" "a6=KiB" "a7=regular file"; do
    name="p-00000000000000${pair%%=*}.json"; word=${pair#*=}
    grep -F "participants/$name:" "$work/out" | grep -qF -- "$word" && ok "damaged: $name is reported as $word" \
      || fail "damaged: $name is reported as $word"
  done
  grep -F "participants/notes.json:" "$work/out" | grep -qF "p-<16 hex digits>.json" && ok "damaged: notes.json is reported by its name" \
    || fail "damaged: notes.json is reported by its name"
}
run "damaged: status --json exits 0" 0 "$bin" status "$s5" --json && {
  cp "$work/out" "$work/s5.json"
  check "damaged: status --json lists each problem with path and reason" t problems "$work/s5.json" \
    p-00000000000000a1.json=truncated p-00000000000000a2.json=empty "p-00000000000000a3.json=not valid JSON" \
    "p-00000000000000a4.json=not an omnigap file" p-00000000000000a5.json=newer p-00000000000000a6.json=KiB \
    "p-00000000000000a7.json=regular file|link" "notes.json=p-<16 hex digits>.json"
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["participants"]))' "$work/s5.json")
  [ "$n" = 4 ] && ok "damaged: status --json still has the 4 participants" || fail "damaged: status --json still has the 4 participants (got $n)"
}
sha256sum "$P"/p-*.json 2>/dev/null | sort >"$work/s5.after"
cmp -s "$work/s5.before" "$work/s5.after" && [ -L "$P/p-00000000000000a7.json" ] && [ -f "$P/notes.json" ] \
  && ok "damaged: status changes and removes nothing" || fail "damaged: status changes and removes nothing"

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 6. export and merge.
s6="$work/s6"
"$bin" new "$s6" --title Merge >/dev/null
"$bin" record "$s6" --participant Anna --department ecommerce --item ecommerce.ownership.owner --current 2 --target 3 >/dev/null
"$bin" record "$s6" --participant Anna --item ecommerce.channels.marketplaces --choice planned >/dev/null
"$bin" record "$s6" --participant Anna --item ecommerce.analytics.online-share --current 60 --target 95 --comment "żółć" >/dev/null
fresh() { cp -a "$s6" "$1" && rm -f "$1"/participants/* "$1"/participants/.[!.]* 2>/dev/null; }

run "export -o" 0 "$bin" export "$s6" --participant Anna -o "$work/anna.json" && {
  contains "export says what it wrote" "3 answers) to $work/anna.json"
  check "the export is an omnigap participant file" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["format"] == "omnigap-participant"' "$work/anna.json"
}
fresh "$work/m1"
run "merge into a fresh copy" 0 "$bin" merge "$work/m1" "$work/anna.json" && contains "merge adds the participant" "added p-"
run "merge the same file again" 0 "$bin" merge "$work/m1" "$work/anna.json" && contains "the second merge changes nothing" "already up to date"
run "status --json of the merged copy" 0 "$bin" status "$work/m1" --json && {
  cp "$work/out" "$work/m1.json"
  check "the participant appears exactly once" t expect "$work/m1.json" 1
}
[ "$(t answers "$work/m1" Anna)" = "$(t answers "$s6" Anna)" ] && ok "the merged answers equal the original ones" \
  || fail "the merged answers equal the original ones"

# Order independence: two exports of one participant made at different times, and a third
# from another copy of the session that answered something else.
"$bin" record "$s6" --participant Bob --department it --item it.platform.releases --current 2 --target 3 >/dev/null
"$bin" export "$s6" --participant Bob -o "$work/A.json" 2>/dev/null
cp -a "$s6" "$work/s6other-machine"
"$bin" record "$s6" --participant Bob --item it.platform.releases --current 3 --target 4 >/dev/null
"$bin" record "$s6" --participant Bob --item it.product-data.pim --choice yes >/dev/null
"$bin" export "$s6" --participant Bob -o "$work/B.json" 2>/dev/null
"$bin" record "$work/s6other-machine" --participant Bob --item it.platform.uptime --current 99.5 --target 99.9 >/dev/null
"$bin" export "$work/s6other-machine" --participant Bob -o "$work/C.json" 2>/dev/null
fresh "$work/ab"; fresh "$work/ba"; fresh "$work/cba"
run "merge A then B" 0 "$bin" merge "$work/ab" "$work/A.json" && run "merge B after A" 0 "$bin" merge "$work/ab" "$work/B.json" \
  && contains "B updates what A brought" "answer(s) added or updated"
run "merge B then A" 0 "$bin" merge "$work/ba" "$work/B.json" && run "merge A after B" 0 "$bin" merge "$work/ba" "$work/A.json" \
  && contains "the older export changes nothing" "already up to date"
cmp -s "$(t file "$work/ab" Bob)" "$(t file "$work/ba" Bob)" && ok "merge A,B and B,A give byte-identical files" \
  || { diff "$(t file "$work/ab" Bob)" "$(t file "$work/ba" Bob)" >"$work/out"; fail "merge A,B and B,A give byte-identical files"; }
[ "$(t answer "$work/ab" Bob it.platform.releases | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["current"], d["target"])')" = "3 4" ] \
  && ok "the latest edit wins" || fail "the latest edit wins"
run "merge C, B, A in one call" 0 "$bin" merge "$work/cba" "$work/C.json" "$work/B.json" "$work/A.json"
"$bin" merge "$work/ab" "$work/C.json" >/dev/null 2>&1
cmp -s "$(t file "$work/ab" Bob)" "$(t file "$work/cba" Bob)" && ok "merge A,B,C and C,B,A give byte-identical files" \
  || { diff "$(t file "$work/ab" Bob)" "$(t file "$work/cba" Bob)" >"$work/out"; fail "merge A,B,C and C,B,A give byte-identical files"; }
check "answers from both copies are kept" python3 -c '
import json,sys
a = json.loads(sys.argv[1])
assert a["it.platform.releases"]["current"] == 3 and a["it.product-data.pim"]["choice"] == ["yes"], a
assert a["it.platform.uptime"]["current"] == 99.5, a' "$(t answers "$work/cba" Bob)"

# A file from a session whose module differs.
cp -r "$root/Modules" "$work/mods2"
sed -i 's/^version: "2.0"/version: "2.0-local"/' "$work/mods2/ecommerce.yaml"
"$bin" new "$work/s6o" --title Other --module-dir "$work/mods2" >/dev/null
"$bin" record "$work/s6o" --participant Olle --department ecommerce --item ecommerce.ownership.owner --current 1 --target 2 >/dev/null
"$bin" export "$work/s6o" --participant Olle -o "$work/olle.json" 2>/dev/null
fresh "$work/m2"
run "a file from another session with another module version is refused" 1 "$bin" merge "$work/m2" "$work/olle.json" \
  && contains "the refusal names the module version" "another version of module ecommerce"
# The same file as if it came from this session: only the module version differs now.
t rewrite "$work/olle.json" "$work/olle-here.json" "$(t session-id "$work/s6o")" "$(t session-id "$s6")"
run "a file made against another module version is refused" 1 "$bin" merge "$work/m2" "$work/olle-here.json" \
  && contains "the refusal names the module version" "another version of module ecommerce"
t rewrite "$work/anna.json" "$work/anna-hash.json" "$(t module-hash "$work/anna.json" ecommerce)" "$(printf '0%.0s' $(seq 64))"
run "an export with an edited module hash is refused" 1 "$bin" merge "$work/m2" "$work/anna-hash.json" \
  && contains "the edited hash is refused as another module version" "another version of module ecommerce"
run "refused files add nobody" 0 "$bin" status "$work/m2" && contains "nobody was added" "No participants yet."

# A new session made from the same modules: other session id, same module versions. The export
# is accepted with a note, belongs to the new session afterwards, and merging twice adds it once.
"$bin" new "$work/s6n" --title "A fresh session" >/dev/null
run "an export merges into a fresh session of the same modules" 0 "$bin" merge "$work/s6n" "$work/anna.json" \
  && contains "the other session is noted" "made in another session" && contains "the participant is added" "added p-"
run "merging it into the fresh session again" 0 "$bin" merge "$work/s6n" "$work/anna.json" && contains "the second merge changes nothing" "already up to date"
check "the fresh session lists the participant once, as its own" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run([sys.argv[1], "status", sys.argv[2], "--json"], capture_output=True, text=True, check=True).stdout)
assert len(d["participants"]) == 1 and not d["problems"], d
files = __import__("glob").glob(sys.argv[2] + "/participants/p-*.json")
assert len(files) == 1 and json.load(open(files[0]))["session"] == d["session"]["id"], files' "$bin" "$work/s6n"

# Missing, foreign and truncated files in one call with a good one.
printf '{"hello": 1}\n' >"$work/foreign.json"
python3 -c 'import sys; b=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(b[:len(b)//2])' "$work/B.json" "$work/cut.json"
fresh "$work/m3"
run "merge with bad files exits 1" 1 "$bin" merge "$work/m3" "$work/missing.json" "$work/foreign.json" "$work/cut.json" "$work/anna.json" && {
  contains "a missing file is named" "$work/missing.json: no such file"
  contains "a foreign file is named" "$work/foreign.json: not an omnigap file"
  contains "a truncated file is named" "$work/cut.json: the file is truncated"
  contains "the good file is still merged" "$work/anna.json: added"
  contains "the failures are counted" "3 of 4 file(s) not merged."
}
run "status after the partial merge" 0 "$bin" status "$work/m3" --json && {
  cp "$work/out" "$work/m3.json"
  check "the good file's participant is there" t expect "$work/m3.json" 1
}

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 7. record
s7="$work/s7"
"$bin" new "$s7" --title Record >/dev/null
ans() { t answer "$s7" "$1" "$2" | python3 -c "import json,sys; d=json.load(sys.stdin) or {}; print(' '.join(str(d.get(k)) for k in sys.argv[1:]))" "${@:3}"; }
run "record joins and answers a maturity item" 0 "$bin" record "$s7" --participant Rita --department it --item it.platform.releases --current 2 --target 4 \
  && contains "record says who joined" "Joined Rita for it as p-"
[ "$(ans Rita it.platform.releases current target)" = "2 4" ] && ok "record stores current and target" || fail "record stores current and target: $(ans Rita it.platform.releases current target)"
run "record --target alone" 0 "$bin" record "$s7" --participant Rita --item it.platform.releases --target 3
[ "$(ans Rita it.platform.releases current target rev)" = "2 3 2" ] && ok "--target alone keeps the current stage" \
  || fail "--target alone keeps the current stage: $(ans Rita it.platform.releases current target rev)"
run "record --current dk" 0 "$bin" record "$s7" --participant Rita --item it.platform.releases --current dk
[ "$(ans Rita it.platform.releases current target)" = "dont-know 3" ] && ok "dk is stored as dont-know" || fail "dk is stored as dont-know: $(ans Rita it.platform.releases current target)"
run "record a number item" 0 "$bin" record "$s7" --participant Rita --item it.platform.uptime --current 99.2 --target dk
[ "$(ans Rita it.platform.uptime current target)" = "99.2 dont-know" ] && ok "number values are stored" || fail "number values are stored: $(ans Rita it.platform.uptime current target)"
run "record a choice" 0 "$bin" record "$s7" --participant Rita --item it.product-data.pim --choice yes
[ "$(ans Rita it.product-data.pim choice)" = "['yes']" ] && ok "a choice is stored" || fail "a choice is stored: $(ans Rita it.product-data.pim choice)"
run "record several options" 0 "$bin" record "$s7" --participant Rita --item omnichannel.goals.channels --choice web-shop,own-stores
[ "$(ans Rita omnichannel.goals.channels choice)" = "['web-shop', 'own-stores']" ] && ok "several options are stored" || fail "several options are stored: $(ans Rita omnichannel.goals.channels choice)"
run "record an unknown option" 1 "$bin" record "$s7" --participant Rita --item it.product-data.pim --choice bogus && contains "the bad option is named" '"bogus"'
run "status before --clear" 0 "$bin" status "$s7" --json && before=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["participants"][0]["answered"])' <"$work/out")
run "record --clear" 0 "$bin" record "$s7" --participant Rita --item it.platform.uptime --clear && contains "record says it cleared" "Cleared it.platform.uptime"
[ "$(ans Rita it.platform.uptime cleared current)" = "True None" ] && ok "--clear leaves a cleared answer" || fail "--clear leaves a cleared answer: $(ans Rita it.platform.uptime cleared current)"
run "status after --clear" 0 "$bin" status "$s7" --json && {
  after=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["participants"][0]["answered"])' <"$work/out")
  [ "$after" -eq $((before - 1)) ] && ok "a cleared answer no longer counts" || fail "a cleared answer no longer counts ($before -> $after)"
}
cp "$(t file "$s7" Rita)" "$work/rita.before"
run "an out-of-range stage is refused" 1 "$bin" record "$s7" --participant Rita --item it.platform.releases --current 5 && {
  contains "the bad stage is named" "--current 5: a stage is 1 to 4"
  [ "$(wc -l <"$work/out")" -eq 1 ] && ok "the refusal is one line" || fail "the refusal is one line"
}
run "target 0 is refused" 1 "$bin" record "$s7" --participant Rita --item it.platform.releases --target 0 && contains "the bad target is named" "--target 0"
run "an item of another department is refused" 1 "$bin" record "$s7" --participant Rita --item ecommerce.ownership.owner --current 1 \
  && contains "the refusal names the module" "ecommerce, which it participants do not answer"
cmp -s "$(t file "$s7" Rita)" "$work/rita.before" && ok "refused records change nothing" || fail "refused records change nothing"
run "record --done" 0 "$bin" record "$s7" --participant Rita --done && contains "record says done" "Marked Rita"
run "status shows done" 0 "$bin" status "$s7" && {
  grep -E '^Rita +p-[0-9a-f]{16} +it +en +[0-9]+/[0-9]+ +yes ' "$work/out" >/dev/null && ok "status shows done yes" || fail "status shows done yes"
  contains "the department summary counts done" "it 1 (1 done)"
}
run "record a name with escape sequences" 0 "$bin" record "$s7" --participant $'Eve\e[31mRed\u009b2J' --department logistics --done && {
  check "record prints no escape sequence" t no-control "$work/out"
  check "the stored name has no ESC" python3 -c '
import json,sys,glob
names = [json.load(open(p))["profile"]["name"] for p in glob.glob(sys.argv[1] + "/participants/p-*.json")]
assert "Eve[31mRed2J" in names and not any("\x1b" in n or "\x9b" in n for n in names), names' "$s7"
}
run "status with that name" 0 "$bin" status "$s7" && { cp "$work/out" "$work/s7.txt"; check "status prints no ESC byte" t no-control "$work/s7.txt"; }
run "status --json with that name" 0 "$bin" status "$s7" --json && { cp "$work/out" "$work/s7.json"; check "status --json holds no ESC" t no-control "$work/s7.json"; }

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 8. Names are never paths.
s8="$work/s8"
"$bin" new "$s8" --title Names >/dev/null
passwd_before=$(sha256sum /etc/passwd)
run "join as ../x" 0 "$bin" record "$s8" --participant "../x" --department it --done
run "join as /etc/passwd" 0 "$bin" record "$s8" --participant "/etc/passwd" --department it --done
run "join as ../../participants/p-0000000000000001.json" 0 "$bin" record "$s8" --participant "../../participants/p-0000000000000001.json" --department it --done
check "hostile names make only p-*.json files in participants/" t names-safe "$s8" 3
[ ! -e "$work/x" ] && [ ! -e "$s8/x" ] && [ "$(sha256sum /etc/passwd)" = "$passwd_before" ] && ok "nothing is written outside participants/" \
  || fail "nothing is written outside participants/"
run "status --json with hostile names" 0 "$bin" status "$s8" --json && { cp "$work/out" "$work/s8.json"; check "the names are kept as text" python3 -c '
import json,sys
names = sorted(p["name"] for p in json.load(open(sys.argv[1]))["participants"])
assert names == sorted(["../x", "/etc/passwd", "../../participants/p-0000000000000001.json"]), names' "$work/s8.json"; }

echo "     [$((SECONDS - started)) s]"
# ---------------------------------------------------------------------------------------------
# 9. Files are never world-writable, even with umask 000.
s9="$work/s9"
(
  umask 000
  "$bin" new "$s9" --title Modes >/dev/null &&
  "$bin" record "$s9" --participant Ursula --department it --item it.platform.releases --current 1 --target 2 >/dev/null &&
  "$bin" simulate "$s9" --participants 3 --pace 0 >/dev/null &&
  "$bin" export "$s9" --participant Ursula -o "$work/ursula.json" 2>/dev/null &&
  cp -a "$s9" "$work/s9copy" && rm -f "$work/s9copy"/participants/* &&
  "$bin" merge "$work/s9copy" "$work/ursula.json" >/dev/null
) && ok "umask 000: a session is made, answered, exported and merged" || fail "umask 000: a session is made, answered, exported and merged"
: >"$work/out"
for f in "$s9"/session.json "$s9"/.gitignore "$s9"/modules/*.yaml "$s9"/participants/*.json "$work/ursula.json" \
         "$work/s9copy"/participants/*.json "$s1/session.json" "$s2"/participants/*.json "$s7"/participants/*.json; do
  mode=$(stat -c %a "$f")
  (( ${mode: -1} & 2 )) && echo "$f: mode $mode" >>"$work/out"
done
[ ! -s "$work/out" ] && ok "no session file is world-writable" || fail "no session file is world-writable"
: >"$work/out"
for d in "$s9" "$s9/modules" "$s9/participants"; do
  mode=$(stat -c %a "$d")
  (( ${mode: -1} & 2 )) && echo "$d: mode $mode" >>"$work/out"
done
[ ! -s "$work/out" ] && ok "no session folder is world-writable" || fail "no session folder is world-writable"

echo "e2e-session: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
