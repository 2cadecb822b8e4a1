#!/usr/bin/env bash
# End-to-end: participants join over SSH with the real OpenSSH client, in tmux. `omnigap serve`
# on a free loopback port; the code through SSH_ASKPASS. Checks the Polish screens chosen from
# the client's LANG, answers saved from typing, a resize reaching the screens, the host key's
# fingerprint as ssh-keygen prints it and kept across a restart, every refusal (a wrong code,
# a command, no terminal, sftp, port forwarding), a client killed with SIGKILL (its screens
# ended and reaped, its answers kept), and SIGTERM ending everyone's screens.
# Usage: scripts/e2e-serve.sh PATH-TO-OMNIGAP
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
source "$root/scripts/e2e-tmux.sh" serve
stop_server() { [ -n "${server:-}" ] && kill -TERM "$server" 2>/dev/null; wait "${server:-}" 2>/dev/null; server=""; }
trap 'stop_server; cleanup' EXIT

ws="$work/ws"
run "new creates a session" 0 "$bin" new "$ws" --title "Over SSH" || exit 1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
code="maple-2026"
printf '#!/bin/sh\necho %s\n' "$code" >"$work/askpass"
printf '#!/bin/sh\necho not-the-code\n' >"$work/askbad"
chmod +x "$work/askpass" "$work/askbad"
known="$work/known_hosts"
ssh_options=(-p "$port" -o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=$known" -o LogLevel=ERROR)
export SSH_ASKPASS="$work/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none

serve() {
  "$bin" serve "$ws" --port "$port" --code "$code" 2>"$work/serve.log" &
  server=$!
  poll 10 grep -q "Join with" "$work/serve.log"
}
serve && ok "serve starts and prints the join line" || { cp "$work/serve.log" "$work/out"; fail "serve starts"; exit 1; }
cp "$work/serve.log" "$work/out"
contains "the join line names the port and the code" "ssh -p $port 127.0.0.1      code: $code"
fingerprint=$(grep -o 'SHA256:[A-Za-z0-9+/]*' "$work/serve.log")
[ "$(stat -c %a "$ws/ssh_host_ed25519_key")" = 600 ] && ok "the host key is kept in the session folder, mode 0600" || fail "the host key's mode is 0600"
grep -qx ssh_host_ed25519_key "$ws/.gitignore" && ok "the host key is in the session's .gitignore" || fail "the host key is in the session's .gitignore"

# A participant with a Polish locale: the screens speak Polish; typing answers; a resize.
participant() {  # participant PANE [LANG]
  local command="ssh ${ssh_options[*]} -o SendEnv=LANG guest@127.0.0.1; echo EXITED rc=\$?; sleep 60"
  tm new-session -d -s "$1" -x 90 -y 28 -e "SSH_ASKPASS=$SSH_ASKPASS" -e SSH_ASKPASS_REQUIRE=force -e DISPLAY=none \
    -e "LANG=${2:-C.UTF-8}" "$command"
}
pane=anna
participant anna pl_PL.UTF-8
see "ssh with the code shows the join screen in the client's language (Polish)" "Dołącz do warsztatu"
check "the client's known_hosts has the fingerprint serve printed" sh -c "ssh-keygen -lf '$known' | grep -qF '$fingerprint'"
tm send-keys -t anna -l "Anna Nowak"
tm send-keys -t anna Enter Down Enter
see "the overview after joining" "Platforma i wdrażanie zmian"
tm send-keys -t anna Enter
see "the introduction" "Ta część dotyczy IT"
tm send-keys -t anna Enter
see "the first question" "Kto na co dzień utrzymuje platformę"
tm send-keys -t anna Down Space
check "the answer typed over SSH is saved" poll 5 python3 -c '
import glob, json, sys
files = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/participants/p-*.json")]
anna = [f for f in files if f["profile"]["name"] == "Anna Nowak"]
assert anna and anna[0]["answers"]["it.platform.operator"]["choice"] == ["agency"], files' "$ws"
tm resize-window -t anna -x 60 -y 15
see "a smaller window reaches the screens (window-change)" "60×15"
tm resize-window -t anna -x 100 -y 30
see "and a larger one brings the question back" "Kto na co dzień utrzymuje platformę"

# Refusals: each with a message, and nothing changed.
refused() {  # refused NAME EXPECTED-TEXT SSH-ARGS...
  local name=$1 text=$2; shift 2
  timeout 30 ssh "${ssh_options[@]}" "$@" </dev/null >"$work/out" 2>&1
  local status=$?
  [ "$status" -ne 0 ] && grep -qF -- "$text" "$work/out" && ok "$name" || { echo "     (exit status $status)" >>"$work/out"; fail "$name"; }
}
refused "a command is refused with a message" "not commands" guest@127.0.0.1 ls /
refused "no terminal (-T) is refused with a message" "connect with ssh -t" -T guest@127.0.0.1
refused "sftp is refused" "subsystem request failed" -s guest@127.0.0.1 sftp
SSH_ASKPASS="$work/askbad" refused "a wrong code is refused, three tries at most" "Permission denied" guest@127.0.0.1
check "the log counts the three wrong tries" grep -q "wrong workshop code (3 of 3)" "$work/serve.log"
timeout 6 ssh "${ssh_options[@]}" -N -L "$((port + 1)):127.0.0.1:$port" guest@127.0.0.1 2>/dev/null &
forward=$!
sleep 2
if timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$((port + 1)); head -c 4 <&3" 2>/dev/null | grep -q SSH; then
  fail "port forwarding is refused"
else
  ok "port forwarding is refused"
fi
kill "$forward" 2>/dev/null; wait "$forward" 2>/dev/null
check "the log names the refused forwarding" grep -q "refused a port forwarding" "$work/serve.log"

# A client killed mid-answer: its screens are hung up and reaped; the saved answer stays.
pane=cleo
participant cleo
see "a second participant connects" "Join the workshop"
tm send-keys -t cleo -l "Cleo K"
tm send-keys -t cleo Enter Down Down Enter Enter Enter Enter 2 3
poll 5 pgrep -f "[o]mnigap join $ws" >/dev/null
children_before=$(pgrep -fc "[o]mnigap join $ws")
pkill -KILL -f "ssh .*-p $port .*guest@127.0.0.1; echo" 2>/dev/null
pkill -KILL -f "^ssh -p $port" 2>/dev/null
gone_child() { [ "$(pgrep -fc "[o]mnigap join $ws")" -lt "$children_before" ]; }
check "a killed client's screens end" poll 8 gone_child
no_zombie() { ! ps -eo ppid,stat | grep -qE "^ *$server +Z"; }
check "and are reaped: no zombie left behind" poll 5 no_zombie

# SIGTERM: every screen ended, the server gone, every file parses; restart keeps the host key.
pane=bo
participant bo
see "a third participant connects" "Join the workshop"
screens=$(pgrep -f "[o]mnigap join $ws" | tr '\n' ',' | sed 's/,$//')
stop_server
see "SIGTERM tells the participant: their screens say goodbye" "EXITED"
check "SIGTERM ends every participant's screens" sh -c "! pgrep -f '[o]mnigap join $ws'"
check "and reaps them all: none is left a zombie" sh -c "[ -z \"\$(ps -o stat= -p '$screens')\" ]"
check "every participant file parses" python3 -c '
import glob, json, sys
for f in glob.glob(sys.argv[1] + "/participants/*.json"): json.load(open(f))' "$ws"
serve
check "a restart keeps the host key" grep -qF "$fingerprint" "$work/serve.log"
pane=again
participant again
see "known_hosts still matches after the restart" "Join the workshop"
stop_server

echo "     [$((SECONDS - started)) s]"
echo "e2e-serve: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
