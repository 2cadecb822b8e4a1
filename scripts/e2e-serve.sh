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
# known_hosts keyed by an alias, not the port: a restart on another port checks the same key.
ssh_options=(-p "$port" -o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=$known" -o HostKeyAlias=omnigap-e2e -o LogLevel=ERROR)
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
see "ssh with the code shows the join screen in the client's language (Polish)" "Dołączanie do warsztatu"
check "the client's known_hosts has the fingerprint serve printed" sh -c "ssh-keygen -lf '$known' | grep -qF '$fingerprint'"
tm send-keys -t anna -l "Anna Nowak"
tm send-keys -t anna Enter Down Enter
see "joining over SSH shows a personal resume code, once" "Kod powrotu"
tm send-keys -t anna Enter
gone "Enter closes it" "Kod powrotu"
see "the overview after joining" "Platforma sklepu internetowego"
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
DISPLAY=:0 timeout 20 ssh "${ssh_options[@]}" -X -t guest@127.0.0.1 </dev/null >/dev/null 2>&1
check "X11 forwarding closes the connection, and the log says to use ssh -x" grep -q "connect with ssh -x" "$work/serve.log"
check "the log names who answers on each connection" grep -q "answering as Anna Nowak (p-" "$work/serve.log"

# Terminal sizes a client may send: 0×0, 1×1, 65535×65535 at the start and in a window change.
# Each gets screens (the too-small message or a clamped size), never a crash or a huge allocation.
check "terminal sizes of 0×0, 1×1 and 65535×65535 are survived" python3 - "$port" "$code" <<'PY'
import sys, time, paramiko
port, code = int(sys.argv[1]), sys.argv[2]
def screens(width, height, then=None):
    """Connects with a pty of width×height; the screens must draw (the too-small message, or
    the join screen at a clamped size), and again after a window change to `then`."""
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("127.0.0.1", port=port, username="sizes", password=code, look_for_keys=False, allow_agent=False, timeout=10)
    channel = client.invoke_shell(term="xterm", width=width, height=height)
    def drawn(expected):
        output, deadline = b"", time.time() + 10
        while time.time() < deadline and not any(text in output for text in expected):
            if channel.recv_ready(): output += channel.recv(1 << 20)
            else: time.sleep(0.05)
        assert any(text in output for text in expected), (width, height, then, output[-300:])
    # At 1×1 only an ellipsis fits; at 0×0 the size is taken as 80×24.
    drawn([b"\xe2\x80\xa6", b"Join", b"80"])
    if then:
        channel.resize_pty(width=then[0], height=then[1])
        drawn([b"Join", b"80"])
    client.close()
screens(0, 0)
screens(1, 1, then=(65535, 65535))
screens(65535, 65535, then=(0, 0))
screens(100, 30)
PY
check "the server lives on after them" kill -0 "$server"
ended_cleanly() { ! grep "screens ended" "$work/serve.log" | grep -qv "exit status 0)"; }
check "and every screen so far ended cleanly (exit status 0, no crash)" poll 5 ended_cleanly

# A client that types without end and never reads: the server stops reading it once the
# screens fall behind (its SSH window closes), instead of buffering what it sends.
check "a client flooding keys is held back, and the server's memory stays bounded" python3 - "$port" "$code" "$server" <<'PY'
import socket, sys, time, paramiko
port, code, server = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def rss(pid):
    return next(int(line.split()[1]) // 1024 for line in open(f"/proc/{pid}/status") if line.startswith("VmRSS:"))
client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("127.0.0.1", port=port, username="flood", password=code, look_for_keys=False, allow_agent=False, timeout=10)
channel = client.invoke_shell(term="xterm", width=100, height=30)
output, deadline = b"", time.time() + 10
while b"Join" not in output and time.time() < deadline:
    if channel.recv_ready(): output += channel.recv(1 << 16)
    else: time.sleep(0.05)
before = rss(server)
channel.settimeout(0.2)
sent, blocked, start = 0, 0, time.time()
while time.time() - start < 8:
    try: sent += channel.send(b"\x7f" * 2048 + b"abcdefgh" * 256)
    except socket.timeout: blocked += 1
grown = rss(server) - before
client.close()
print(f"sent {sent} bytes, blocked {blocked} times, the server grew {grown} MiB")
# Unbounded, 8 s of this is hundreds of megabytes; held back, it is the 2 MiB window.
assert blocked > 0 and sent < 16 * 2**20 and grown < 32, (sent, blocked, grown)
PY
check "the server lives on after the flood" kill -0 "$server"

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
see "SIGTERM tells the participant on their screen that the server stopped" "The facilitator has stopped the workshop's server"
see "and their ssh ends" "EXITED"
check "SIGTERM ends every participant's screens" sh -c "! pgrep -f '[o]mnigap join $ws'"
check "and reaps them all: none is left a zombie" sh -c "[ -z \"\$(ps -o stat= -p '$screens')\" ]"
check "every participant file parses" python3 -c '
import glob, json, sys
for f in glob.glob(sys.argv[1] + "/participants/*.json"): json.load(open(f))' "$ws"
# The same port, unless another program took it meanwhile (then another one).
if ! serve; then
  stop_server
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  ssh_options[1]=$port
  serve
fi
check "a restart keeps the host key" sh -c "cat '$work/serve.log'; grep -qF '$fingerprint' '$work/serve.log'"
pane=again
participant again
see "known_hosts still matches after the restart" "Join the workshop"
stop_server

# ---- The console hosts the server: facilitate --serve. Four participants in four languages,
# one with an SSH key; a resize; the dashboard live; resuming someone else refused; a dropped
# client resumed with its key and another with its resume code; Ctrl-C in the console.
ws2="$work/ws2"
run "a second session" 0 "$bin" new "$ws2" --title "Room" || exit 1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ssh_options=(-p "$port" -o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=$known" -o LogLevel=ERROR -o SendEnv=LANG)
ssh-keygen -q -t ed25519 -N "" -C e2e -f "$work/id_piotr"
with_key=(-o IdentitiesOnly=yes -i "$work/id_piotr")
without_key=(-o PubkeyAuthentication=no)
tm new-session -d -s console -x 100 -y 34 "$bin facilitate $(sq "$ws2") --serve --port $port --code $code; echo CONSOLE-ENDED; sleep 60"
pane=console
see "facilitate --serve shows the join line on the dashboard" "ssh -p $port 127.0.0.1"
on_line "with the workshop code beside it" "ssh -p $port 127.0.0.1" "code: $code"
see "and the host key's fingerprint" "Host key SHA256:"
console_fingerprint=$(tm capture-pane -p -t console | grep -o 'SHA256:[A-Za-z0-9+/]*' | head -1)
tm send-keys -t console j
see "j shows the join screen for the projector" "Join the workshop from your own laptop"
see "with the code in block letters" "█"
tm send-keys -t console Escape
see "any key goes back to the dashboard" "Connected now: 0"

joiner() {  # joiner PANE LANG KEY-OPTIONS...: an ssh client in a tmux window of its own
  local name=$1 language=$2; shift 2
  local command="ssh ${ssh_options[*]} $* guest@127.0.0.1; echo EXITED rc=\$?; sleep 60"
  tm new-session -d -s "$name" -x 90 -y 28 -e "SSH_ASKPASS=$SSH_ASKPASS" -e SSH_ASKPASS_REQUIRE=force -e DISPLAY=none \
    -e "LANG=$language" "$command"
}
# join PANE NAME DOWNS TITLE-OF-RESUME-CODE: types the name, picks the department, notes the code.
join_as() {
  local who=$1 name=$2 downs=$3 title=$4
  pane=$who
  tm send-keys -t "$who" -l "$name"
  tm send-keys -t "$who" Enter
  for _ in $(seq "$downs"); do tm send-keys -t "$who" Down; done
  tm send-keys -t "$who" Enter
  see "$name is shown a personal resume code, once" "$title"
  grep -oE '[0-9]{3}-[0-9]{3}' "$work/out" | head -1 >"$work/code-$who"
  tm send-keys -t "$who" Enter
}
joiner piotr pl_PL.UTF-8 "${with_key[@]}"
pane=piotr; see "a participant with an SSH key joins in Polish" "Dołączanie do warsztatu"
check "the console's host key is the one the client was shown" sh -c "ssh-keygen -lf '$known' | grep -qF '$console_fingerprint'"
join_as piotr "Piotr Nowak" 1 "Kod powrotu"
joiner sara sv_SE.UTF-8 "${without_key[@]}"
pane=sara; see "a participant joins in Swedish" "Gå med i workshoppen"
join_as sara "Sara Lind" 2 "Din återkomstkod"
joiner giulia it_IT.UTF-8 "${without_key[@]}"
pane=giulia; see "a participant joins in Italian" "Accesso al workshop"
join_as giulia "Giulia Rossi" 3 "Il Suo codice di ripresa"
joiner emma en_GB.UTF-8 "${without_key[@]}"
pane=emma; see "a participant joins in English" "Join the workshop"
join_as emma "Emma Brown" 0 "Your resume code"
pane=console
see "the dashboard shows four connected" "Connected now: 4"
for name in "Piotr Nowak" "Sara Lind" "Giulia Rossi" "Emma Brown"; do on_line "$name has a connected mark" "$name" "●"; done

# Piotr answers his first maturity question; the dashboard shows it within a second.
pane=piotr
tm send-keys -t piotr Enter
see "Piotr opens his first dimension's introduction" "Ta część dotyczy IT"
tm send-keys -t piotr Enter Enter
see "and its second question, a maturity ladder" "Jak zmiany trafiają do działające"
tm send-keys -t piotr 3 4
answered() { python3 -c '
import glob, json, sys
for f in glob.glob(sys.argv[1] + "/participants/p-*.json"):
    d = json.load(open(f))
    if d["profile"]["name"] == sys.argv[2]:
        a = d["answers"].get(sys.argv[3], {})
        sys.exit(0 if a.get("current") == int(sys.argv[4]) and a.get("target") == int(sys.argv[5]) else 1)
sys.exit(1)' "$ws2" "$@"; }
check "Piotr's stages are saved" poll 5 answered "Piotr Nowak" it.platform.releases 3 4
pane=console
started_wait=$(now_us)
on_line "the dashboard shows his answer within a second" "Piotr Nowak" "1/"
pane=sara
tm resize-window -t sara -x 70 -y 20
see "Sara's smaller window reaches her screens" "70×20"
tm resize-window -t sara -x 100 -y 30
see "and a larger one brings them back" "Dina frågor"

# come_back PANE NAME DOWNS QUESTION YES: types a name in use on a new connection, picks the
# department, is asked whether it is them, and answers yes.
come_back() {
  local who=$1 name=$2 downs=$3 question=$4 yes=$5
  pane=$who
  tm send-keys -t "$who" -l "$name"
  tm send-keys -t "$who" Enter
  for _ in $(seq "$downs"); do tm send-keys -t "$who" Down; done
  tm send-keys -t "$who" Enter
  see "$name, typed again on another connection, is asked whether it is them" "$question"
  tm send-keys -t "$who" "$yes"
}

# Someone with the workshop code but without Piotr's key or code tries his name.
joiner mallory pl_PL.UTF-8 "${without_key[@]}"
pane=mallory; see "another connection reaches the join screen" "Dołączanie do warsztatu"
before=$(sha256sum "$ws2"/participants/*.json | sort)
come_back mallory "piotr nowak" 1 "To imię jest już zajęte" t
see "resuming it needs the resume code" "Kod powrotu: "
tm send-keys -t mallory -l "000-001"
tm send-keys -t mallory Enter
see "a wrong resume code is refused with a clear message" "To nie jest kod powrotu osoby Piotr Nowak: nic nie zostało otwarte"
check "and nothing was changed" sh -c "[ \"\$(sha256sum '$ws2'/participants/*.json | sort)\" = '$before' ]"
check "the wrong code is counted" python3 -c '
import glob, json, sys
assert any(json.load(open(f))["wrong_codes"] == 1 for f in glob.glob(sys.argv[1] + "/access/*.json"))' "$ws2"
check "resume codes are kept out of git and private" sh -c "grep -qx 'access/' '$ws2/.gitignore' && [ \"\$(stat -c %a '$ws2/access')\" = 700 ]"
tm kill-session -t mallory

# Piotr's laptop drops off mid-answer (ssh killed); he comes back with his key, without a code.
pane=piotr
tm send-keys -t piotr Enter
see "Piotr moves to his next question" "3 z "
tm send-keys -t piotr 2
# The pane's ssh itself, not the shell around it (which then says EXITED).
client_of() { pgrep -P "$(tm display -p -t "$1" '#{pane_pid}')" -x ssh; }
kill -KILL "$(client_of piotr)"
see "his ssh is gone" "EXITED"
check "his saved answer is still there" answered "Piotr Nowak" it.platform.releases 3 4
tm kill-session -t piotr
joiner piotr pl_PL.UTF-8 "${with_key[@]}"
pane=piotr; see "he reconnects" "Dołączanie do warsztatu"
come_back piotr "Piotr Nowak" 1 "To imię jest już zajęte" t
see "and with the same key is back at his questions without a code" "Pytania"
pane=console; on_line "the dashboard shows him connected again" "Piotr Nowak" "●"

# Sara's connection drops; from a client without her key she types her resume code.
pane=sara
kill -KILL "$(client_of sara)"
see "Sara's ssh is gone" "EXITED"
sara_code=$(cat "$work/code-sara")
tm kill-session -t sara
joiner sara sv_SE.UTF-8 "${without_key[@]}"
pane=sara; see "Sara reconnects" "Gå med i workshoppen"
come_back sara "Sara Lind" 2 "Är det du?" j
see "and for her resume code" "Återkomstkod"
tm send-keys -t sara -l "$sara_code"
tm send-keys -t sara Enter
see "with her code she is back at her questions" "Dina frågor"

# The facilitator sees Emma's code, and gives Giulia a new one.
pane=console
tm send-keys -t console Down Down Down
tm send-keys -t console c
see "c shows a participant's resume code on the console" "resume code is"
tm send-keys -t console Escape

# Ctrl-C in the console: every participant is told, every screen ends, every file parses.
tm send-keys -t console C-c
see "Ctrl-C ends the console" "CONSOLE-ENDED" 15
for who in sara giulia emma piotr; do
  pane=$who
  see "$who is told the server stopped, in their language" "EXITED"
done
pane=giulia; see "Giulia reads it in Italian" "Il facilitatore ha fermato il server del workshop"
check "no participant screen is left running" sh -c "! pgrep -f '[o]mnigap join $ws2'"
check "every participant file parses" python3 -c '
import glob, json, sys
files = glob.glob(sys.argv[1] + "/participants/*.json")
assert len(files) == 4, files
for f in files: json.load(open(f))' "$ws2"

echo "     [$((SECONDS - started)) s]"
echo "e2e-serve: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
