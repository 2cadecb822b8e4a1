#!/usr/bin/env bash
# End-to-end: what a careless participant does, on the real binary in tmux, and what lands in the
# participant files afterwards. Esc twice on the overview, Enter on an unanswered single choice,
# "0" on a maturity item and on a number item, "0 0 1" typed into a number, two people with one
# name (one of them on screen), the same person coming back, and a join after answering closed.
# Nothing may be answered that was not given, nobody may leave by accident, and no record may be
# shared or created silently.
# Usage: scripts/e2e-careless.sh PATH-TO-OMNIGAP
set -uo pipefail

bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export XDG_CACHE_HOME="$work/xdg-cache"
cd "$work"
started=$SECONDS

# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"
# shellcheck source=e2e-tmux.sh
source "$root/scripts/e2e-tmux.sh" careless

# join PANE ARGS...: `omnigap join SESSION ARGS...` in a new 80×24 terminal.
join() {
  local name=$1 command="" word; shift
  for word in "$bin" join "$ws" "$@"; do command+="$(sq "$word") "; done
  tm new-session -d -s "$name" -x 80 -y 24 -e LANG=C.UTF-8 "${command}; echo EXITED rc=\$?; sleep 60"
}

# The participant files, read with Python: nothing is parsed with grep.
cat >"$work/files.py" <<'PY'
import json, os, sys

session, command, args = sys.argv[1], sys.argv[2], sys.argv[3:]
folder = os.path.join(session, "participants")
people = []
for n in sorted(os.listdir(folder)):
    if n.startswith("p-") and n.endswith(".json"):
        with open(os.path.join(folder, n), encoding="utf-8") as f:
            people.append(json.load(f))
names = sorted(p["profile"]["name"] for p in people)

def person(name):
    found = [p for p in people if p["profile"]["name"] == name]
    if len(found) != 1:
        sys.exit(f"{len(found)} participants called {name!r}; all: {names}")
    return found[0]

if command == "names":          # exactly these participants
    if names != sorted(args):
        sys.exit(f"participants {names}, expected {sorted(args)}")
elif command == "answered":     # NAME ITEM...: exactly these items answered
    answers = person(args[0])["answers"]
    if sorted(answers) != sorted(args[1:]):
        sys.exit(f"{args[0]} answered {json.dumps(answers)}, expected only {args[1:]}")
elif command == "value":        # NAME ITEM FIELD JSON: one stored value
    answer = person(args[0])["answers"].get(args[1], {})
    if answer.get(args[2], "<missing>") != json.loads(args[3]):
        sys.exit(f"{args[1]}.{args[2]} is {answer.get(args[2], '<missing>')!r}, expected {args[3]}")
else:
    sys.exit(f"unknown command {command}")
PY
files() { python3 "$work/files.py" "$ws" "$@"; }

ws="$work/ws"
run "new creates a session" 0 "$bin" new "$ws" --title "Careless" || exit 1

# ---------------------------------------------------------------------------------------------
# 1. Esc twice on the overview: the first asks, the second says no. Nobody is thrown out.
pane=john
join john --name "John Smith" --department it --lang en
see "John sees his questions" "Your questions"
tm send-keys -t john Escape
see "Esc on the overview asks before leaving" "Leave the workshop?"
tm send-keys -t john Escape
gone "a second Esc keeps him in the workshop" "Leave the workshop?"
if shows "EXITED"; then fail "the program is still running after Esc twice"; else ok "the program is still running after Esc twice"; fi

# 2. Enter on an unanswered single choice moves on and answers nothing.
tm send-keys -t john Enter
see "Enter shows the module's introduction" "Enter start"
tm send-keys -t john Enter
see "then the first question, a single choice" "Who runs the web shop platform day to day?"
tm send-keys -t john Enter
see "Enter on the unanswered choice moves on" "How do changes reach the live web shop?"
check "the skipped choice recorded nothing" files answered "John Smith"

# 3. "0" on a maturity item is not an answer: it says which key means don't know.
tm send-keys -t john 0
see "0 on a maturity item says that ? means don't know" "? means don't know"
check "0 on a maturity item recorded nothing" files answered "John Smith"
tm send-keys -t john '?'
check "? records don't know" poll 5 files value "John Smith" it.platform.releases current '"dont-know"'

# 4. A number item: "0" is the number nought; "0 0 1" is refused as it is typed, never saved as 1.
tm send-keys -t john Enter Enter
see "two Enters reach the number item" "Web shop availability (uptime)"
tm send-keys -t john 0 Enter
check "0 on a number item is the number 0" poll 5 files value "John Smith" it.platform.uptime current 0
tm send-keys -t john PPage
see "PgUp goes back to the number item" "Web shop availability (uptime)"
tm send-keys -t john BSpace 0 Space 0 Space 1
see "typing \"0 0 1\" is refused with what a number looks like" "no spaces"
tm send-keys -t john Enter
check "\"0 0 1\" did not save 1" poll 5 files value "John Smith" it.platform.uptime current 0
check "John has exactly the answers he gave" files answered "John Smith" it.platform.releases it.platform.uptime

# ---------------------------------------------------------------------------------------------
# 5. A second John Smith joins while the first is answering: asked, told the record is in use,
#    and given a name of his own. Nobody shares a record.
pane=john2
join john2 --name "john smith" --department it --lang en
see "the same name is asked about" "Someone called John Smith has already joined"
see "and the record is said to be open on another screen" "answering on another screen right now"
tm send-keys -t john2 -l "John Smith B."
tm send-keys -t john2 Enter
see "the second John joins under the name he typed" "John Smith B."
check "two participants, one record each" files names "John Smith" "John Smith B."
check "the first John's answers are untouched" files answered "John Smith" it.platform.releases it.platform.uptime
check "the second John has no answers" files answered "John Smith B."

# 6. The first John leaves (q, then yes) and comes back: asked, he says yes, and resumes.
pane=john
tm send-keys -t john Escape
see "Esc goes back to the overview" "Your questions"
tm send-keys -t john q
see "q asks before leaving" "Leave the workshop?"
tm send-keys -t john y
see "yes leaves" "EXITED rc=0"
pane=john3
join john3 --name "JOHN SMITH" --department it --lang en
see "coming back with the name is asked about" "y = continue as John Smith"
tm send-keys -t john3 y
see "yes resumes the first John's record" "Your questions"
check "still two participants" files names "John Smith" "John Smith B."

# ---------------------------------------------------------------------------------------------
# 7. The facilitator closes answering; a late join is refused and creates nothing.
pane=fac
tm new-session -d -s fac -x 100 -y 30 -e LANG=C.UTF-8 "$(sq "$bin") facilitate $(sq "$ws"); echo EXITED rc=\$?; sleep 60"
see "the console is open" "1 Dashboard"
tm send-keys -t fac n
see "starting the agenda is asked first" "Move on to the phase"
tm send-keys -t fac Enter
see "the answer phase runs" "Phase 1/4: answer"
tm send-keys -t fac n
see "closing answering names who has not finished" "Not finished yet"
tm send-keys -t fac Enter
see "answering is closed" "Phase 2/4: review"
pane=late
join late --name "Late Larry" --department it --lang en
see "a join after closing is refused with a message" "nobody new can join"
check "the refused join created nothing" files names "John Smith" "John Smith B."
pane=john3
see "the resumed John is told answering has closed" "Answering is closed"
tm send-keys -t john3 Escape Enter
tm send-keys -t john3 1
see "a rating after closing is refused and says so" "Answering is closed"
check "John's answers did not change after closing" files answered "John Smith" it.platform.releases it.platform.uptime

echo "     [$((SECONDS - started)) s]"
echo "e2e-careless: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
