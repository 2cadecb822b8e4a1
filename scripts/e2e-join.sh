#!/usr/bin/env bash
# End-to-end checks of what only a real terminal shows, on the real binary under tmux: the
# participant screens in Polish with a Polish comment saved exactly; a too-small terminal; Ctrl-C,
# q and SIGTERM all giving the terminal back; resuming; three participants at once; an escape
# sequence in a name shown harmlessly; colours and NO_COLOR; the demo, the console, proxy entry,
# and a whole workshop with five terminals. The runtimes' logic (the join form, every kind of
# item, phases, reveal, goals, voting, export) is checked in-process by Tests/WorkshopTests.
# Usage: scripts/e2e-join.sh PATH-TO-OMNIGAP
set -uo pipefail

bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cd "$work"
started=$SECONDS

# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"
# shellcheck source=e2e-tmux.sh
source "$root/scripts/e2e-tmux.sh" join

# Assertions on the participant files and status --json, in Python so that nothing is parsed with grep.
cat >"$work/t.py" <<'PY'
import json, os, sys

def by_name(session, name):
    folder = os.path.join(session, "participants")
    found = []
    for n in sorted(os.listdir(folder)):
        if n.startswith("."):
            continue
        with open(os.path.join(folder, n), encoding="utf-8") as f:
            data = json.load(f)
        if data["profile"]["name"] == name:
            found.append(data)
    if len(found) != 1:
        sys.exit(f"{len(found)} participants called {name!r} in {session}")
    return found[0]

command, args = sys.argv[1], sys.argv[2:]
if command == "answers":        # SESSION NAME JSON: each listed answer has (at least) these members
    data = by_name(args[0], args[1])
    errors = []
    for item, want in json.loads(args[2]).items():
        got = data["answers"].get(item)
        if got is None:
            errors.append(f"{item}: no answer")
            continue
        for key, value in want.items():
            if got.get(key, "<missing>") != value:
                errors.append(f"{item}.{key} is {got.get(key, '<missing>')!r}, expected {value!r}")
    if errors:
        sys.exit("\n".join(errors + ["answers: " + json.dumps(data["answers"], ensure_ascii=False)]))
elif command == "count":        # SESSION NAME N: exactly N answers stored
    data = by_name(args[0], args[1])
    if len(data["answers"]) != int(args[2]):
        sys.exit(f"{len(data['answers'])} answers, expected {args[2]}: {sorted(data['answers'])}")
elif command == "status":       # FILE NAME=DEPARTMENT:ANSWERED...: exactly these participants, no problems
    d = json.load(open(args[0], encoding="utf-8"))
    got = {p["name"]: (p["department"], p["answered"]) for p in d["participants"]}
    want = {}
    for a in args[1:]:
        name, rest = a.split("=", 1)
        department, answered = rest.split(":")
        want[name] = (department, int(answered))
    if got != want or d["problems"]:
        sys.exit(f"participants {got}, expected {want}; problems {d['problems']}")
else:
    sys.exit(f"unknown command {command}")
PY
t() { python3 "$work/t.py" "$@"; }

# start NAME ARGS...: `omnigap join ARGS...` in a new 100×30 tmux session called NAME.
start() {
  local name=$1 command="" word; shift
  for word in "$bin" join "$@"; do command+="$(sq "$word") "; done
  tm new-session -d -s "$name" -x 100 -y 30 -e LANG=C.UTF-8 "${command}; echo EXITED rc=\$?; sleep 60"
}
# exits NAME: the app in $pane has ended with status 0, said where the answers are, and given the
# terminal back (normal screen, cursor shown).
exits() {
  see "$1: exits with status 0" "EXITED rc=0"
  # The goodbye is in the participant's language; every language names the participant's id.
  if tr -d '\n' <"$work/out" | grep -qE "p-[0-9a-f]{16}\)"; then ok "$1: says where the answers are saved"; else fail "$1: no goodbye naming the participant"; fi
  flag "$1: leaves the alternate screen" '#{alternate_on}' 0
  flag "$1: shows the cursor again" '#{cursor_flag}' 1
}

ws="$work/ws"
run "new creates a session" 0 "$bin" new "$ws" --title "Warsztat omnichannel — test" || exit 1

# ---------------------------------------------------------------------------------------------
# 1. Join in Polish with everything given on the command line; answer a choice and a maturity
#    item with keys, with an importance and a Polish comment.
name="Zażółć Gęślą"
comment="Zażółć gęślą jaźń"
pane=pl1
start pl1 "$ws" --lang pl --department it --name "$name"
see "join --name --department --lang goes straight to the overview" "Integracja systemów"
on_line "the overview is in Polish: the department" "Dział IT" "Dział IT"
on_line "the header names the participant" "$name" "Dział IT"
on_line "nothing answered yet" "Platforma sklepu internetowego" "0/5"
flag "the screens use the alternate screen" '#{alternate_on}' 1
tm send-keys -t pl1 Enter
see "Enter shows the module's introduction first" "Ta część dotyczy IT"
tm send-keys -t pl1 Enter
see "Enter again opens the first item of the first dimension" "Kto na co dzień utrzymuje platformę"
tm send-keys -t pl1 Enter
see "Enter on an unanswered choice moves on without answering" "Jak zmiany trafiają do działające"
tm send-keys -t pl1 PPage
tm send-keys -t pl1 Down Space
see "Space selects the highlighted option" "(•) Agencja lub software house"
tm send-keys -t pl1 Enter
see "Enter moves to the next item" "Jak zmiany trafiają do działające"
on_line "the maturity stages are named in Polish" "2 koncentracja" "koncentracja na działaniu"
tm send-keys -t pl1 2 3 2 c
tm send-keys -t pl1 -l "$comment"
see "the comment is shown as typed" "$comment"
tm send-keys -t pl1 Enter
check "the choice, the stages, the importance and the exact comment are in the file" \
  poll 10 t answers "$ws" "$name" '{"it.platform.operator": {"choice": ["agency"]},
    "it.platform.releases": {"current": 2, "target": 3, "importance": 2, "comment": "Zażółć gęślą jaźń"}}'

# 2. Too small a terminal, then back.
tm resize-window -t pl1 -x 60 -y 15
see "a 60×15 terminal asks to be enlarged, with its size" "60×15"
if grep -qF "80×24" "$work/out"; then ok "it names the smallest size"; else fail "it names the smallest size"; fi
tm resize-window -t pl1 -x 100 -y 30
see "back at 100×30 the item screen returns" "Jak zmiany trafiają do działające"
if grep -qF "60×15" "$work/out"; then fail "the enlarge message is gone"; else ok "the enlarge message is gone"; fi
on_line "the comment is still shown" "$comment" "$comment"

# 3. Ctrl-C quits and restores the terminal.
tm send-keys -t pl1 C-c
exits "Ctrl-C on the item screen"
echo "     [$((SECONDS - started)) s]"

# ---------------------------------------------------------------------------------------------
# 4. Join again with the same name: the answers are kept. Then SIGTERM.
pane=pl2
start pl2 "$ws" --lang pl --department it --name "$name"
see "joining again with the name asks whether it is the same person" "Czy to ta sama osoba?"
see "the question names the answers so far" "odpowiedzi: 2"
tm send-keys -t pl2 t
see "yes (t) resumes and shows the overview" "Integracja systemów"
on_line "the first dimension shows 2 of 5 answered" "Platforma sklepu internetowego" "2/5"
check "one participant of that name, still with 2 answers" t count "$ws" "$name" 2
tm send-keys -t pl2 Enter Enter
see "Enter (past the introduction) opens the first open item, the third" "Jak wykrywa się i obsługuje awarie"
tm send-keys -t pl2 PPage
see "PgUp goes back to the answered maturity item" "Jak zmiany trafiają do działające"
on_line "the current stage (2) is marked" "2 koncentracja na działaniu" "◀"
on_line "the target stage (3) is marked" "3 formalizacja" "◆"
not_on_line "stage 1 is not marked" "1 działania doraźne" "◀"
on_line "the saved comment is shown" "$comment" "$comment"
pid=$(app_pid)
if [ -n "$pid" ]; then
  ok "the app's process is found"
  kill -TERM "$pid"
  exits "SIGTERM"
  if kill -0 "$pid" 2>/dev/null; then fail "the process is gone after SIGTERM"; else ok "the process is gone after SIGTERM"; fi
else
  fail "the app's process is found"
fi
echo "     [$((SECONDS - started)) s]"

# (The join form, answering every kind of item, and don't know are checked in-process by
# Tests/WorkshopTests on a scripted terminal.)

# ---------------------------------------------------------------------------------------------
# 6. Three participants in three terminals answer at the same time, their keys interleaved.
crowd="$work/crowd"
run "new creates a second session" 0 "$bin" new "$crowd" --title "Three at once" || exit 1
start anna "$crowd" --name "Anna Berg" --department it --lang en
start bo "$crowd" --name "Bo Ek" --department logistics --lang sv
start chiara "$crowd" --name "Chiara Conti" --department customer-service --lang it
pane=anna; see "anna's overview is there, in English" "Integration between systems"
pane=bo; see "bo's overview is there, in Swedish" "Process och uppföljning"
pane=chiara; see "chiara's overview is there, in Italian" "Regole e standard di servizio"
# Each row: the keys for anna, bo and chiara, sent in turn. "-l:" sends the rest literally.
steps=(
  "Enter|Enter|Enter"
  "Enter|Enter|Enter"
  "Down Down Space|1 3|2 4"
  "Enter|Enter|Enter"
  "3 4 Enter|4 4 3 Enter|1 3 Enter"
  "2 ? Enter|-l:85|3 3 1 c"
  "-l:99.5|Tab|-l:Nota: la cassa è già aperta"
  "Tab|-l:95|Enter"
  "-l:99.9|Enter|Enter"
  "Enter|-|-"
)
for step in "${steps[@]}"; do
  IFS='|' read -r -a keys <<<"$step"
  i=0
  for who in anna bo chiara; do
    k=${keys[$i]}; i=$((i + 1))
    case $k in
      -) ;;
      -l:*) tm send-keys -t "$who" -l "${k#-l:}" ;;
      *) read -r -a words <<<"$k"; tm send-keys -t "$who" "${words[@]}" ;;
    esac
  done
done
pane=anna; see "anna reaches the fifth item" "Largest Contentful Paint (LCP)"
pane=bo; see "bo reaches the next dimension" "Hur ser försäljningskanalerna det lager"
pane=chiara; see "chiara reaches the next dimension" "Quali canali possono usare i clienti"
for pane in anna bo chiara; do tm send-keys -t "$pane" C-c; exits "Ctrl-C for $pane"; done
check "all of anna's answers are in her file" t answers "$crowd" "Anna Berg" '{
  "it.platform.operator": {"choice": ["saas"]}, "it.platform.releases": {"current": 3, "target": 4},
  "it.platform.incidents": {"current": 2, "target": "dont-know"},
  "it.platform.uptime": {"current": 99.5, "target": 99.9}}'
check "all of bo's answers are in his file" t answers "$crowd" "Bo Ek" '{
  "logistics.process.map": {"current": 1, "target": 3},
  "logistics.process.measurement": {"current": 4, "target": 4, "importance": 3},
  "logistics.process.perfect-order": {"current": 85, "target": 95}}'
check "all of chiara's answers are in her file" t answers "$crowd" "Chiara Conti" '{
  "customer-service.policy.standards": {"current": 2, "target": 4}, "customer-service.policy.promises": {"current": 1, "target": 3},
  "customer-service.policy.knowledge-base": {"current": 3, "target": 3, "importance": 1, "comment": "Nota: la cassa è già aperta"}}'
check "anna has no answer she did not give" t count "$crowd" "Anna Berg" 4
check "bo has no answer he did not give" t count "$crowd" "Bo Ek" 3
check "chiara has no answer she did not give" t count "$crowd" "Chiara Conti" 3
run "status --json of the three" 0 "$bin" status "$crowd" --json && cp "$work/out" "$work/crowd.json" &&
  check "status lists the three, with their answers, and no problems" \
    t status "$work/crowd.json" "Anna Berg=it:4" "Bo Ek=logistics:3" "Chiara Conti=customer-service:3"
echo "     [$((SECONDS - started)) s]"

# ---------------------------------------------------------------------------------------------
# 7. A name with an escape sequence: recorded, then joined with; it is shown, never sent.
eve=$'Eve\e[31m'
run "record a participant whose name holds ESC" 0 "$bin" record "$ws" --participant "$eve" --department it \
  --item it.platform.releases --current 1
pane=eve
start eve "$ws" --name "$eve" --department it --lang en --resume
see "joining with that name resumes the recorded participant" "Integration between systems"
on_line "the recorded answer counts" "Web shop platform" "1/5"
on_line "the name's escape is shown as text, not sent" "Eve" "[31m"
tm send-keys -t eve q
see "q asks before leaving" "Leave the workshop?"
tm send-keys -t eve y
exits "q and y after joining with an ESC name"
run "status after the ESC name" 0 "$bin" status "$ws" && {
  if grep -q $'\e' "$work/out"; then fail "status sends no escape sequence"; else ok "status sends no escape sequence"; fi
}
"$bin" status "$ws" --json >"$work/ws.json" 2>&1
check "the session still lists everybody with no problems" \
  t status "$work/ws.json" "$name=it:2" "Eve[31m=it:1"

# NO_COLOR: the same screen with colours, and without any.
colours() { tm capture-pane -e -p -t "$pane" >"$work/out" 2>&1 && grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+)(;[0-9;]*)?m' "$work/out"; }
pane=colour
tm new-session -d -s colour -x 100 -y 30 -e LANG=C.UTF-8 -e TERM=xterm-256color "$(sq "$bin") join $(sq "$ws") --name Col --department it --lang en; sleep 60"
see "a colour terminal: the overview" "Web shop platform"
poll 3 colours && ok "colours are used when the terminal has them" || fail "colours are used when the terminal has them"
pane=mono
tm new-session -d -s mono -x 100 -y 30 -e LANG=C.UTF-8 -e NO_COLOR=1 "$(sq "$bin") join $(sq "$ws") --name Mono --department it --lang en; sleep 60"
see "NO_COLOR: the overview" "Web shop platform"
colours && fail "NO_COLOR: no colour is sent" || ok "NO_COLOR: no colour is sent"

# The facilitator's console and the demo.
run "demo --no-ui prints a sample report" 0 "$bin" demo "$work/demo" --no-ui && {
  contains "the demo report has its title" "Nordic Home — going omnichannel"
  contains "and says where the session is" "omnigap facilitate $work/demo"
}
pane=demo
tm new-session -d -s demo -x 100 -y 30 -e LANG=C.UTF-8 "$(sq "$bin") demo $(sq "$work/demo"); echo EXITED rc=\$?; sleep 60"
see "demo opens the console on the dashboard" "1 Dashboard"
see "in the review phase, with its clock" "Phase 2/4: review"
tm send-keys -t demo 3
see "the results show the heat map" "Web shop platform"
tm send-keys -t demo Tab
see "Tab shows the ranked gaps" "1. "
# The demo is a follow-up: Results has "Since last time", and the baseline's goals are reviewed.
tm send-keys -t demo BTab BTab
see "Shift-Tab twice reaches Since last time: the goals under review first" "[late] Online returns accepted in every store"
see "then the dimensions against the baseline" "Since Nordic Home — first omnichannel workshop (20"
on_line "each dimension reads then → now with its change" "Analytics and key figures" "+0"
for _ in 1 2 3 4; do line_has "Channels and handling" "−0" && break; tm send-keys -t demo PageDown; sleep 0.3; done
on_line "a dimension that went back shows its fall" "Channels and handling" "−0"
tm send-keys -t demo 5
see "the goals view lists the baseline's goals first" "[on track] One stock view"
see "it names the session they come from" "From Nordic Home — first omnichannel workshop"
tm send-keys -t demo Down Enter
see "Enter opens the review of the selected goal" "KPI now:"
tm send-keys -t demo C-u "2 days" Tab Right Tab C-u "Two stores still missing" Enter
see "the review is saved: its status shows in the list" "[dropped] Online returns accepted in every store"
check "the review is in facilitator.json" python3 -c '
import json, sys
reviews = json.load(open(sys.argv[1] + "/facilitator.json"))["reviews"]
r = [r for r in reviews if r["goal"]["statement"].startswith("Online returns")][0]
assert (r["actual"], r["status"], r["note"]) == ("2 days", "dropped", "Two stores still missing"), r' "$work/demo"
tm send-keys -t demo x
see "a carried-over goal is not deleted" "set its status to dropped instead"
tm send-keys -t demo 4 e
see "e asks which format to export" "t text · m Markdown · h HTML · c CSV · j JSON · Esc cancel"
tm send-keys -t demo h
see "the report is exported as HTML" "Exported to $work/demo/report-"
check "the exported HTML report is there and well-formed" python3 -c '
import glob, sys, xml.etree.ElementTree as ET
[path] = glob.glob(sys.argv[1] + "/report-*-en.html")
root = ET.parse(path).getroot()
assert root.tag == "html" and root.get("lang") == "en", root.tag
assert len(root.findall(".//{http://www.w3.org/2000/svg}svg")) >= 6, "charts"' "$work/demo"
exported() { compgen -G "$work/demo/report-*.$1" >/dev/null && [ -s "$(compgen -G "$work/demo/report-*.$1" | head -1)" ]; }
for pick in "m:md" "c:csv" "j:json" "t:txt"; do
  tm send-keys -t demo e "${pick%%:*}"
  poll 5 exported "${pick##*:}" \
    && ok "e then ${pick%%:*} exports the .${pick##*:} report" || fail "e then ${pick%%:*} exports the .${pick##*:} report"
done
check "the exported JSON report carries the review" python3 -c '
import glob, json, sys
[path] = glob.glob(sys.argv[1] + "/report-*.json")
goals = json.load(open(path))["follow_up"]["goals_review"]
assert any(g["actual"] == "2 days" and g["status"] == "dropped" for g in goals), goals' "$work/demo"
check "the exported text report shows it under Goals since" grep -q "\[dropped\] Online returns accepted" $work/demo/report-*.txt
tm send-keys -t demo q
see "q leaves the demo" "EXITED rc=0"
flag "the demo gives the terminal back" '#{alternate_on}' 0

pane=fac
tm new-session -d -s fac -x 100 -y 30 -e LANG=C.UTF-8 "$(sq "$bin") facilitate $(sq "$ws"); echo EXITED rc=\$?; sleep 60"
see "facilitate shows the dashboard" "Participant"
see "results are hidden before the reveal" "n next phase"
it_before=$(python3 -c 'import json,sys; print(sum(1 for p in json.load(sys.stdin)["participants"] if p["department"]=="it"))' < <("$bin" status "$ws" --json))
"$bin" record "$ws" --participant "Live Lena" --department it --item it.platform.releases --current 2 >/dev/null
see "a save from another process shows within a second or two" "IT: $((it_before + 1)), " 3
tm send-keys -t fac p
see "p opens the participant screens for someone without a terminal" "Join the workshop"
tm send-keys -t fac "Proxy Piotr" Enter Down Enter Enter
see "the proxy participant's questions" "Web shop platform"
tm send-keys -t fac Enter Enter Enter 2 3 2
see "the proxy answers are saved" "Saved"
tm send-keys -t fac Escape q y
see "leaving the participant screens returns to the console" "1 Dashboard"
check "the proxy participant's answers are in the session" python3 -c '
import glob, json, sys
files = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/participants/p-*.json")]
piotr = [f for f in files if f["profile"]["name"] == "Proxy Piotr"]
assert len(piotr) == 1 and piotr[0]["profile"]["department"] == "it", piotr
assert piotr[0]["answers"]["it.platform.releases"]["current"] == 2, piotr[0]["answers"]' "$ws"
# Phases, the reveal, goals, answering closed and voting: in-process in Tests/WorkshopTests, and
# with five real terminals in the whole workshop below.
pane=fac
tm send-keys -t fac C-c
see "Ctrl-C leaves the console" "EXITED rc=0"
flag "the console gives the terminal back" '#{alternate_on}' 0
flag "with the cursor shown" '#{cursor_flag}' 1

# A whole workshop: the facilitator and four participants, one per department, each in their own
# terminal. Answers arrive live, answering closes, results are revealed, a goal is recorded, the
# participants dot-vote, and the exported report holds it all.
w4="$work/w4"
"$bin" new "$w4" --title "Full workshop" >/dev/null
pane=f4
tm new-session -d -s f4 -x 100 -y 30 -e LANG=C.UTF-8 "$(sq "$bin") facilitate $(sq "$w4"); echo EXITED rc=\$?; sleep 60"
see "the facilitator's console is open" "Nobody has joined yet"
tm send-keys -t f4 n
see "starting the agenda is asked first" "Move on to the phase"
tm send-keys -t f4 Enter
see "the answer phase runs" "Phase 1/4: answer"
people=("Ewa:ecommerce" "Igor:it" "Cleo:customer-service" "Lars:logistics")
for person in "${people[@]}"; do
  who=${person%%:*}; department=${person#*:}
  pane="p-$who"
  start "p-$who" "$w4" --name "$who" --department "$department" --lang en
done
for person in "${people[@]}"; do
  who=${person%%:*}; pane="p-$who"
  see "$who sees their questions" "Your questions"
  # Past the module's introduction to the first open question of the first dimension.
  tm send-keys -t "p-$who" Enter Enter
done
for person in "${people[@]}"; do
  who=${person%%:*}
  # Each department's first item differs (choice or rating): "1" rates a maturity item; Space and
  # Enter take a choice. Both are sent; whatever does not apply is ignored.
  tm send-keys -t "p-$who" Space Enter 2 3 2 Enter
done
pane=f4
for person in "${people[@]}"; do
  who=${person%%:*}
  on_line "the dashboard shows $who's progress live" "$who" "/"
done
check "every participant's answers are in the session" python3 -c '
import glob, json, sys
files = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/participants/p-*.json")]
counts = {f["profile"]["name"]: len(f["answers"]) for f in files}
assert sorted(counts) == ["Cleo", "Ewa", "Igor", "Lars"] and all(n >= 1 for n in counts.values()), counts' "$w4"
tm send-keys -t f4 n Enter
see "the facilitator closes answering" "Phase 2/4: review"
tm send-keys -t f4 v Enter 3
see "the results are revealed" "Heat map"
tm send-keys -t f4 5 a "Shared stock view in every store" Enter Enter Enter Enter "Igor" Enter "2027-06-30" Enter Enter
see "the goal is recorded" "1. Shared stock view in every store"
for person in "${people[@]}"; do
  who=${person%%:*}; pane="p-$who"
  see "$who is told answering has closed" "Answering is closed" 4
  tm send-keys -t "p-$who" Escape v
  see "$who can vote" "Dots left: 3 of 3" 6
  tm send-keys -t "p-$who" + + +
  see "$who spent their dots" "Dots left: 0 of 3"
done
pane=f4
tm send-keys -t f4 4 e t
see "the report is exported" "Exported to $w4/report-"
report4=$(ls "$w4"/report-*.txt | head -1)
check "the exported report holds the goal, the votes and everyone's numbers" python3 -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "Shared stock view in every store" in text, "goal"
assert "Dot votes" in text and "●" in text, "votes"
assert "Total                                           4" in text, "participation"
assert "IT" in text and "Logistics" in text and "Now" in text, "numbers"' "$report4"
tm send-keys -t f4 q
see "the facilitator leaves" "EXITED rc=0"
for person in "${people[@]}"; do
  who=${person%%:*}
  tm send-keys -t "p-$who" Escape q y
done

# ---------------------------------------------------------------------------------------------
# 10. A session made shorter by the facilitator: optional questions say so and are not left open;
#     a module without importance asks current and target only.
short="$work/short"
run "new --optional --no-importance" 0 "$bin" new "$short" --title "Short" \
  --optional it.security,omnichannel.change.first-change --no-importance it \
  && contains "new counts the questions without the optional ones" "it 40 (+5 when they apply)" \
  && contains "new names the optional questions" "optional: 4 questions (it.security, omnichannel.change.first-change)" \
  && contains "new names the modules without importance" "importance not asked in: it"
run "new --optional with an id that names nothing" 1 "$bin" new "$work/short2" --title "Short" --optional it.securty \
  && contains "the unknown id is refused with the closest one" "--optional it.securty: no item, dimension or module of this session has that id (did you mean it.security?)"
pane=short
start short "$short" --name "Jan Kowalski" --department it --lang en
see "the short session's overview" "Your questions"
tm send-keys -t short Enter Enter Enter
see "the second question, a maturity ladder" "How do changes reach the live web shop?"
gone "no importance in a module without it" "Importance:"
tm send-keys -t short 2 4
see "current and target are saved" "Saved"
tm send-keys -t short Escape Down Down Down Down Enter
see "an optional question says so beside its counter" "optional · 13 of 44"
tm send-keys -t short Escape r D
see "finishing counts only the questions that are not optional" "Questions still open: 39"
tm send-keys -t short n Escape q y
exits "the short session"
check "the answer has no importance" t answers "$short" "Jan Kowalski" '{"it.platform.releases": {"current": 2, "target": 4}}'

echo "     [$((SECONDS - started)) s]"
echo "e2e-join: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
