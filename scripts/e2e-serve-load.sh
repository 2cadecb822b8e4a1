#!/usr/bin/env bash
# End-to-end under load: 50 participants join over SSH at once, driven by scripts/serve_clients.py
# (paramiko for SSH, pyte as their terminal), in English, Polish, Swedish and Italian (LANG), each
# on its department's questionnaire: a unique name, 20 items rated (a current and a target stage),
# then leaving. `omnigap serve` runs on a free loopback port of a fresh session. Checks that every
# participant's file is there and parses, that every one of the 1,000 answers is saved with the
# stages typed (the files, `omnigap status --json` and `omnigap report --format json`), that the
# server's log has a line for each connection, start and end of screens and disconnection, and no
# error, that the server still answers at once after the load, and that SIGTERM leaves no child
# behind (none running, none a zombie: /proc).
# Usage: scripts/e2e-serve-load.sh PATH-TO-OMNIGAP
# Knobs (environment): PARTICIPANTS=50 ITEMS=20 (fewer for a quick run).
set -uo pipefail

bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export XDG_CACHE_HOME="$work/xdg-cache"
cd "$work"
started=$SECONDS
count=${PARTICIPANTS:-50}
items=${ITEMS:-20}
holders=3  # fresh connections after the load, still open when the server is stopped

# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"
server=""
holder=""
stop_server() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""; }
cleanup() {
  [ -n "$holder" ] && kill "$holder" 2>/dev/null
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# Processes from /proc, one line each: pid, parent, state, command line ("-" for a zombie's).
processes() {
  python3 -c '
import os
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
        # One line per process, whatever its command line holds (a shell script passed with -c
        # has newlines, which would otherwise become lines of their own).
        command = " ".join(open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace").split())
    except OSError:
        continue
    state, parent = stat[stat.rindex(")") + 2:].split()[:2]
    if int(pid) != os.getpid():
        print(pid, parent, state, command or "-")'
}
# The server's children (running or zombies).
children() { processes | awk -v parent="$server" '$2 == parent { print $1 }'; }
no_children() { [ -z "$(children)" ]; }

if ! python3 -c 'import paramiko, pyte' 2>"$work/out"; then
  echo "     paramiko and pyte are needed: scripts/install-test-tools installs them" >>"$work/out"
  fail "the SSH driver's Python packages are there"
  exit 1
fi

ws="$work/ws"
run "new creates a session" 0 "$bin" new "$ws" --title "Load over SSH" || exit 1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
code="heron-2718"
"$bin" serve "$ws" --port "$port" --code "$code" 2>"$work/serve.log" &
server=$!
if poll 10 grep -q "Join with" "$work/serve.log"; then
  ok "serve starts on port $port"
else
  cp "$work/serve.log" "$work/out"; fail "serve starts"; exit 1
fi

# The load: everyone at once, through the whole flow (the driver fails a participant with its
# screen when a screen does not come within 30 s).
load_started=$SECONDS
timeout 170 python3 "$root/scripts/serve_clients.py" run --port "$port" --code "$code" --binary "$bin" --session "$ws" \
  --count "$count" --items "$items" --langs en,pl,sv,it --results "$work/results.json" >"$work/driver.log" 2>&1
status=$?
cp "$work/driver.log" "$work/out"
if [ "$status" -eq 0 ]; then
  ok "$count participants at once over SSH (en, pl, sv, it): each joins, rates $items items and leaves"
  sed -n '1p' "$work/driver.log" | sed 's/^/     /'
else
  echo "     (exit status $status)" >>"$work/out"
  fail "$count participants at once over SSH: each joins, rates $items items and leaves"
  sed -n '1,60p' "$work/driver.log" | sed 's/^/     | /' | tail -n +21
fi
echo "     [load: $((SECONDS - load_started)) s]"

# What was saved: the files, status and the report, against what the driver typed.
check "every participant's file is there and parses" python3 - "$ws" "$work/results.json" "$count" <<'PY'
import glob, json, sys
folder, results, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(folder + "/participants/*.json"))
records = [json.load(open(f, encoding="utf-8")) for f in files]
assert all(r["format"] == "omnigap-participant" for r in records), "a file that is not a participant's"
names = sorted(r["profile"]["name"] for r in records)
typed = sorted(p["name"] for p in json.load(open(results, encoding="utf-8"))["participants"])
assert len(files) == count, f"{len(files)} participant files, expected {count}"
assert names == typed, f"the files' names differ from the participants': {sorted(set(names) ^ set(typed))}"
PY
check "every answer is saved with the stages typed ($count × $items), and nothing else" python3 - "$ws" "$work/results.json" "$items" <<'PY'
import glob, json, sys
folder, results, items = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = {}
for f in glob.glob(folder + "/participants/*.json"):
    record = json.load(open(f, encoding="utf-8"))
    files[record["profile"]["name"]] = record
problems, total = [], 0
for p in json.load(open(results, encoding="utf-8"))["participants"]:
    record = files.get(p["name"])
    if record is None or "answers" not in p:
        problems.append(f"{p['name']}: {'no file' if record is None else 'did not finish'}")
        continue
    profile = record["profile"]
    if (profile["department"], profile["language"]) != (p["department"], p["language"]):
        problems.append(f"{p['name']}: {profile['department']}/{profile['language']}, typed {p['department']}/{p['language']}")
    if len(p["answers"]) != items:
        problems.append(f"{p['name']}: {len(p['answers'])} items rated, expected {items}")
    saved = {item: [a.get("current"), a.get("target")] for item, a in record["answers"].items()}
    for item, stages in p["answers"].items():
        total += 1
        if saved.get(item) != stages:
            problems.append(f"{p['name']}: {item} is {saved.get(item)}, typed {stages}")
    for item in sorted(set(saved) - set(p["answers"])):
        problems.append(f"{p['name']}: {item} answered ({saved[item]}) but never typed")
print(f"{total} answers compared")
assert not problems, "\n".join(problems[:20])
PY
check "status --json counts every participant with $items answers and no problem" python3 - "$bin" "$ws" "$count" "$items" <<'PY'
import json, subprocess, sys
binary, folder, count, items = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
status = json.loads(subprocess.run([binary, "status", folder, "--json"], capture_output=True, text=True, check=True).stdout)
assert status["problems"] == [], status["problems"]
assert len(status["participants"]) == count, f"{len(status['participants'])} participants"
wrong = [(p["name"], p["answered"]) for p in status["participants"] if p["answered"] != items]
assert not wrong, f"answered counts other than {items}: {wrong}"
assert sum(d["participants"] for d in status["departments"]) == count, status["departments"]
PY
check "report --format json: each item's n and stage histograms match the stages typed" python3 - "$bin" "$ws" "$work/results.json" <<'PY'
import collections, json, subprocess, sys
binary, folder, results = sys.argv[1:4]
report = json.loads(subprocess.run([binary, "report", folder, "--format", "json"], capture_output=True, text=True, check=True).stdout)
assert report["format"] == "omnigap-report" and report["skipped"] == [], report.get("skipped")
participants = json.load(open(results, encoding="utf-8"))["participants"]
joined = collections.Counter(p["department"] for p in participants)
for row in report["participation"]:
    assert row["joined"] == joined[row["department"]], f"{row} but {joined[row['department']]} joined"
expected = collections.defaultdict(lambda: ([0] * 4, [0] * 4))
for p in participants:
    for item, (current, target) in p.get("answers", {}).items():
        expected[item][0][current - 1] += 1
        expected[item][1][target - 1] += 1
problems = []
for item in report["items"]:
    current, target = expected.get(item["id"], ([0] * 4, [0] * 4))
    if (item["n"], item["current_histogram"], item["target_histogram"]) != (sum(current), current, target):
        problems.append(f"{item['id']}: n {item['n']} {item['current_histogram']} {item['target_histogram']}, "
                        f"typed n {sum(current)} {current} {target}")
missing = set(expected) - {item["id"] for item in report["items"]}
assert not missing, f"rated items the report lacks: {sorted(missing)}"
assert not problems, "\n".join(problems[:20])
PY
check "every participant's screens ended and were reaped: the server has no child left" poll 5 no_children

# Still responsive: fresh connections reach the join screen at once, and stay for the stop.
python3 "$root/scripts/serve_clients.py" hold --port "$port" --code "$code" --count "$holders" --first-screen 5 \
  --ready "$work/ready" --end 15 >"$work/holder.log" 2>&1 &
holder=$!
if poll 20 test -f "$work/ready" && python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["failed"])' "$work/ready"; then
  ok "after the load, $holders fresh connections reach the join screen within 5 s"
  sed -n '1p' "$work/holder.log" | sed 's/^/     /'
else
  cp "$work/holder.log" "$work/out"; fail "after the load, $holders fresh connections reach the join screen within 5 s"
fi
has_screens() { [ "$(children | wc -l)" -eq "$holders" ]; }
check "each of them has its screens: $holders children of the server" poll 5 has_screens
screens=$(children | tr '\n' ' ')

# SIGTERM: every screen ended, every connection closed, nothing left in /proc.
kill -TERM "$server"
stopped() { ! kill -0 "$server" 2>/dev/null || [ "$(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$server/stat" 2>/dev/null)" = Z ]; }
if poll 15 stopped; then
  wait "$server"; status=$?
  server=""
  [ "$status" -eq 0 ] && ok "SIGTERM stops the server (exit status 0)" || { echo "     (exit status $status)" >"$work/out"; fail "SIGTERM stops the server with exit status 0"; }
else
  echo "     (still running 15 s after SIGTERM)" >"$work/out"; fail "SIGTERM stops the server"
  kill -KILL "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""
fi
wait "$holder"; status=$?
holder=""
cp "$work/holder.log" "$work/out"
[ "$status" -eq 0 ] && ok "and ends the fresh connections' screens" || fail "SIGTERM ends the fresh connections' screens"
left_behind() {
  # The screens' processes seen before the stop, whatever their parent now (an orphan is
  # re-parented, a zombie stays), and any process at all still running in this session folder.
  processes >"$work/processes"
  awk -v pids="$screens" -v folder="$ws" '
    BEGIN { count = split(pids, list, " "); for (i = 1; i <= count; i++) screen[list[i]] = 1 }
    ($1 in screen) || index($0, folder)' "$work/processes" >"$work/left"
  [ ! -s "$work/left" ] || { echo "left behind (pid, parent, state, command):"; cat "$work/left"; return 1; }
}
check "no child is left after SIGTERM: none running, none a zombie, no orphan (/proc)" left_behind

# The log: one line per connection, start of screens, end (status 0) and disconnection, for
# every connection; and no error (any other line is shown, and fails when it says something went
# wrong: an error, a failure, a refusal, a connection closed or screens ended otherwise).
python3 - "$work/serve.log" >"$work/log-check" <<'PY'
import collections, json, re, sys
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
header = 0
while header < len(lines) and not re.match(r"\d{4}-\d\d-\d\dT", lines[header]):
    header += 1
kinds = {
    "connected": r"connected",
    "screens started": r"screens started \(pid \d+, 80×24, xterm-256color, (en|pl|sv|it)\)",
    "screens ended": r"screens ended \(exit status 0\)",
    "disconnected": r"disconnected",
}
wrong = re.compile(r"error|fail|could not|cannot|refused|closed|crash|fatal|panic|exit status|signal|kill|ending its"
                   r"|timed out|no login|violat", re.IGNORECASE)
seen, errors, others = collections.Counter(), collections.Counter(), collections.Counter()
for line in lines[header:]:
    if line.startswith("Stopping"):  # SIGTERM's own line
        continue
    found = re.fullmatch(r"\S+Z 127\.0\.0\.1:\d+ (.*)", line)
    text = found.group(1) if found else line
    kind = found and next((k for k, pattern in kinds.items() if re.fullmatch(pattern, text)), None)
    if kind:
        seen[kind] += 1
    elif wrong.search(text):
        errors[text] += 1
    else:
        others[" ".join(text.split()[:2]) + " …"] += 1
print(json.dumps({"header": lines[0] if lines else "", "seen": seen, "errors": errors.most_common(),
                  "others": others.most_common()}, ensure_ascii=False))
PY
log_counts() {
  python3 - "$work/log-check" "$((count + holders))" <<'PY'
import json, sys
log, expected = json.load(open(sys.argv[1])), int(sys.argv[2])
if not log["header"].startswith("Serving "):
    sys.exit(f"the header is missing: {log['header']!r}")
wrong = [f"{log['seen'].get(kind, 0)} × {kind}" for kind in ("connected", "screens started", "screens ended", "disconnected")
         if log["seen"].get(kind, 0) != expected]
if wrong:
    print(f"expected {expected} of each, counted: " + ", ".join(wrong))
sys.exit(1 if wrong else 0)
PY
}
log_clean() {
  python3 - "$work/log-check" <<'PY'
import json, sys
errors = json.load(open(sys.argv[1]))["errors"]
for text, times in errors[:10]:
    print(f"{times} × {text}")
sys.exit(1 if errors else 0)
PY
}
check "the server's log has a line for each connection, start of screens, end (status 0) and disconnection" log_counts
check "the server's log has no error" log_clean
python3 -c '
import json, sys
others = json.load(open(sys.argv[1]))["others"]
if others:
    print("     (other lines in the log: " + ", ".join(f"{n} × {text}" for text, n in others) + ")")' "$work/log-check"

echo "     [$((SECONDS - started)) s]"
echo "e2e-serve-load: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
