#!/usr/bin/env bash
# Benchmark of `omnigap serve` on loopback, with participants driven by scripts/serve_clients.py
# (paramiko for SSH, pyte as their terminal). Prints figures next to their targets; asserts nothing.
#
#  1. Connection to the first participant screen (the join form shown) with the real OpenSSH
#     client on a pty (SSH_RUNS runs, the code through SSH_ASKPASS), then with paramiko:
#     PARTICIPANTS connections one after another (each stays), then PARTICIPANTS at once.
#  2. Keypress to screen: a key that changes the screen is sent, and the time runs until the
#     emulated screen shows what it did: → or ← on a maturity item's current stage (each saves
#     the answer), PageDown to the next item and PageUp back (nothing saved); and until the first
#     byte of output came back. First on a local pty without SSH (`omnigap join`, the screens'
#     own time), then over SSH with one participant typing while the others are connected and
#     idle, then with all PARTICIPANTS typing at once, each a key every TYPING_INTERVAL seconds
#     (±50%), KEYS in all. The time is taken in the client, a Python process on the same 2 cores:
#     it includes the client's own decryption and terminal emulation (its CPU is printed).
#  3. Memory while they type: the server's RSS (and its peak), each child's RSS (min/median/max),
#     from /proc; and the CPU of the server and of its children meanwhile.
#
# Usage: scripts/bench-serve.sh [PATH-TO-OMNIGAP]   (without one, a release build is made)
#
# Knobs (environment), with their defaults:
#   PARTICIPANTS=50       participants connected and typing
#   KEYS=3000             measured keypresses with everyone typing (at least; whole rounds)
#   ALONE_KEYS=200        measured keypresses with one participant typing
#   TYPING_INTERVAL=0.2   seconds between one participant's keys (on average)
#   SSH_RUNS=5            connections with the OpenSSH client (0 skips them)
#   PROCESSES=5           client processes the typing participants are spread over
#   JOBS                  swift build -j
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
root=$(pwd)

if [ -n "${1:-}" ]; then
  bin=$(realpath "$1")
else
  jobs=()
  [ -n "${JOBS:-}" ] && jobs=(-j "$JOBS")
  swift build -c release "${jobs[@]}" --product omnigap 2>&1 | grep -E "error|warning:" && exit 1
  bin="$(swift build -c release --show-bin-path)/omnigap"
fi
python3 -c 'import paramiko, pyte' 2>/dev/null || { echo "bench-serve: paramiko and pyte are needed: scripts/install-test-tools installs them" >&2; exit 1; }

work=$(mktemp -d)
server=""
measurer=""
cleanup() {
  trap - EXIT INT TERM HUP
  if [ -n "$measurer" ] && kill -0 "$measurer" 2>/dev/null; then kill -TERM "$measurer" 2>/dev/null || true; wait "$measurer" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
export XDG_CACHE_HOME="$work/xdg-cache"

"$bin" new "$work/ws" --title "SSH benchmark" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
code="kestrel-3141"
"$bin" serve "$work/ws" --port "$port" --code "$code" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "Join with" "$work/serve.log" && break; sleep 0.05; done
grep -q "Join with" "$work/serve.log" || { cat "$work/serve.log" >&2; echo "bench-serve: the server did not start" >&2; exit 1; }
printf '#!/bin/sh\necho %s\n' "$code" >"$work/askpass"
chmod +x "$work/askpass"

echo "omnigap: $bin"
echo "$(nproc) cores · $(python3 --version) · paramiko $(python3 -c 'import paramiko; print(paramiko.__version__)') · $(ssh -V 2>&1 | cut -d, -f1)"

python3 - "$bin" "$work/ws" "$port" "$code" "$server" "$work/askpass" "$root/scripts" <<'PY' &
import fcntl, json, os, select, signal, statistics, struct, subprocess, sys, termios, threading, time
BIN, SESSION, PORT, CODE, SERVER, ASKPASS, SCRIPTS = sys.argv[1:8]
PORT, SERVER = int(PORT), int(SERVER)
sys.path.insert(0, SCRIPTS)
sys.dont_write_bytecode = True  # no __pycache__ left in scripts/
import serve_clients as sc

ENV = os.environ
N = int(ENV.get("PARTICIPANTS", "50"))
KEYS = int(ENV.get("KEYS", "3000"))
ALONE_KEYS = int(ENV.get("ALONE_KEYS", "200"))
INTERVAL = float(ENV.get("TYPING_INTERVAL", "0.2"))
SSH_RUNS = int(ENV.get("SSH_RUNS", "5"))
PROCESSES = int(ENV.get("PROCESSES", "5"))
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
table = []


def note(text):
    print(text, flush=True)


def summary(figure, value, target=""):
    table.append((figure, value, target))


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def spread(values, unit="ms", scale=1000):
    if not values:
        return "none measured"
    p = lambda f: sc.percentile(values, f) * scale
    return f"p50 {p(0.5):.1f} {unit}, p99 {p(0.99):.1f} {unit}, max {max(values) * scale:.1f} {unit} (n={len(values)})"


# -- /proc

def status_kib(pid, field):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def children():
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2:].split()[1]) == SERVER:
            found.append(int(pid))
    return found


def cpu_seconds(pid):
    """utime + stime of a process, in seconds."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


# -- the first screen with OpenSSH, on a pty of 80x24

def openssh_first_screen():
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, SSH_ASKPASS=ASKPASS, SSH_ASKPASS_REQUIRE="force", DISPLAY="none", LANG="en_GB.UTF-8", TERM="xterm-256color")
    screen = sc.Screen(80, 24)
    stream = sc.Stream(screen)
    start = time.perf_counter()
    child = subprocess.Popen(["ssh", "-p", str(PORT), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                              "-o", "LogLevel=ERROR", "-o", "SendEnv=LANG", "participant@127.0.0.1"],
                             stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    seen = None
    deadline = start + 15
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], deadline - time.perf_counter())
            if not ready:
                break
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            stream.feed(data)
            if sc.WORDS["en"]["join"] in "\n".join(screen.display):
                seen = time.perf_counter() - start
                break
    finally:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        os.close(master)
    return seen


if SSH_RUNS > 0:
    times = [openssh_first_screen() for _ in range(SSH_RUNS)]
    good = [t for t in times if t is not None]
    value = (f"median {statistics.median(good) * 1000:.0f} ms (min {min(good) * 1000:.0f}, max {max(good) * 1000:.0f}; {len(good)} runs)"
             if good else "no run reached the join screen")
    if len(good) < len(times):
        value += f"; {len(times) - len(good)} timed out"
    summary("first screen, OpenSSH ssh on a pty, idle server", value, "≤ 150 ms")
    note(f"OpenSSH: {value}")

# -- PARTICIPANTS connections, one after another; each stays

catalog = sc.Catalog(BIN, SESSION)
departments = catalog.departments
participants, first, failures = [], [], []
for index in range(N):
    language, department, name = sc.participant_plan(index, list(sc.LOCALES), departments)
    p = sc.Participant("127.0.0.1", PORT, CODE, language, name, timeout=30)
    try:
        p.connect()
        first.append(p.reach_join_screen())
        participants.append((p, department))
    except sc.DriverError as error:
        failures.append(str(error))
        p.close()
summary(f"first screen, paramiko, {N} one after another", spread(first), "≤ 150 ms")
handshakes = [p.timings["connected"] for p, _ in participants]
summary("  of which: SSH handshake, login, pty and shell granted", spread(handshakes))
note(f"connected {len(participants)} participants one after another: {spread(first)}")
for failure in failures[:3]:
    note(failure)

# -- keypress to screen

def typed(label, times, target=True):
    suffix = f"; {len(times['timeouts'])} timed out" if times["timeouts"] else ""
    summary(f"{label}: stage key (saves)", spread(times["stage"]) + suffix, "p99 ≤ 10 ms" if target else "")
    summary(f"{label}: PgDn/PgUp (no save)", spread(times["move"]), "p99 ≤ 10 ms" if target else "")
    summary(f"{label}: any key, first byte back", spread(times["first"]))
    note(f"{label}: stage key {spread(times['stage'])}; PgDn/PgUp {spread(times['move'])}; "
         f"first byte back {spread(times['first'])}{suffix}")
    for timeout in times["timeouts"][:2]:
        note(timeout)


def new_times():
    return {"stage": [], "move": [], "first": [], "timeouts": []}


# The same keys without SSH: the screens on a local pty, for what SSH adds.
local = sc.Participant(None, None, None, language="en", name="Local Pty", timeout=30)
try:
    local.spawn(BIN, SESSION)
    local.reach_join_screen()
    local.join("Local Pty", 1)
    local.first_maturity_item(catalog)
    times = new_times()
    local.timed_keys(catalog, max(1, ALONE_KEYS // 4), INTERVAL / 4, times)
    typed("keypress → screen, local pty, no SSH", times, target=False)
except sc.DriverError as error:
    note(f"the local pty: {error}")
finally:
    local.close()

# One participant typing over SSH while the others are connected (on the join screen).
if participants:
    p, department = participants[0]
    try:
        p.join(p.name, department)
        p.first_maturity_item(catalog)
        times = new_times()
        p.timed_keys(catalog, max(1, ALONE_KEYS // 4), INTERVAL / 4, times)
        typed(f"keypress → screen over SSH, 1 typing ({len(participants) - 1} idle)", times)
    except sc.DriverError as error:
        note(f"one typing: {error}")
for p, _ in participants:
    p.close()
gone = time.perf_counter() + 10
while children() and time.perf_counter() < gone:
    time.sleep(0.1)

# Everyone typing: the participants spread over PROCESSES client processes (serve_clients.py type),
# so that one Python process's lock does not make the times; fresh names, numbered after the above.
processes = max(1, min(PROCESSES, N))
shares = [N // processes + (1 if i < N % processes else 0) for i in range(processes)]
rounds = max(1, -(-KEYS // (4 * N)))
typists, offset = [], N
for share in shares:
    typists.append(subprocess.Popen([sys.executable, os.path.join(SCRIPTS, "serve_clients.py"), "type", "--port", str(PORT),
                                     "--code", CODE, "--session", SESSION, "--binary", BIN, "--first", str(offset),
                                     "--count", str(share), "--rounds", str(rounds), "--pace", str(INTERVAL)],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                    env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1")))
    offset += share
ready = 0
for typist in typists:
    line = typist.stdout.readline()
    report = json.loads(line) if line else {"ready": 0, "errors": ["the typist ended"]}
    ready += report["ready"]
    for error in report["errors"]:
        note(error)
note(f"{ready} participants joined and on a maturity item, in {processes} client processes")
samples = []
done = threading.Event()

def sampler():
    while not done.wait(0.5):
        samples.append((status_kib(SERVER, "VmRSS"), [status_kib(k, "VmRSS") for k in children()]))

cpu_before = (cpu_seconds(SERVER), {k: cpu_seconds(k) for k in children()})
wall = time.perf_counter()
watcher = threading.Thread(target=sampler)
watcher.start()
for typist in typists:
    typist.stdin.write("go\n")
    typist.stdin.flush()
times, client_cpu = new_times(), 0.0
for typist in typists:
    line = typist.stdout.readline()
    if line:
        got = json.loads(line)
        for key in times:
            times[key] += got[key]
        client_cpu += got["cpu"]
wall = time.perf_counter() - wall
cpu_after = (cpu_seconds(SERVER), {k: cpu_seconds(k) for k in children()})
done.set()
watcher.join()
for typist in typists:
    typist.stdin.close()
    typist.wait()
keys = len(times["stage"]) + len(times["move"])
note(f"{ready} typing: {keys} keys in {wall:.1f} s ({keys / wall:.0f}/s)")
typed(f"keypress → screen over SSH, {ready} typing", times)
server_cpu = (cpu_after[0] - cpu_before[0]) / wall * 100
child_cpu = sum(cpu_after[1].get(k, 0) - v for k, v in cpu_before[1].items()) / wall * 100
summary(f"CPU while {ready} type ({keys / wall:.0f} keys/s)",
        f"server {server_cpu:.0f}%, its children {child_cpu:.0f}% in all, the clients {client_cpu / wall * 100:.0f}% (of one core)")
rss = [s for s, _ in samples if s]
if rss:
    summary(f"server RSS, {ready} typing", f"{max(rss) / 1024:.1f} MiB at most (peak since start {status_kib(SERVER, 'VmHWM') / 1024:.1f} MiB)", "≤ 50 MiB")
kids = [k for _, ks in samples for k in ks if k]
last = [k for k in (samples[-1][1] if samples else []) if k]
if last:
    summary(f"each child's RSS ({len(last)} children)",
            f"min {min(last) / 1024:.1f}, median {statistics.median(last) / 1024:.1f}, max {max(kids) / 1024:.1f} MiB")

# -- PARTICIPANTS at once

gone = time.perf_counter() + 10
while children() and time.perf_counter() < gone:
    time.sleep(0.1)
burst, burst_errors = [], []
def one_at_once(index, barrier):
    language, _, name = sc.participant_plan(index, list(sc.LOCALES), departments)
    p = sc.Participant("127.0.0.1", PORT, CODE, language, name, timeout=60)
    try:
        barrier.wait()
        p.connect()
        burst.append(p.reach_join_screen())
    except sc.DriverError as error:
        burst_errors.append(str(error))
    finally:
        hold.wait()
        p.close()
barrier, hold = threading.Barrier(N), threading.Event()
threads = [threading.Thread(target=one_at_once, args=(i, barrier)) for i in range(N)]
for thread in threads:
    thread.start()
while len(burst) + len(burst_errors) < N and any(t.is_alive() for t in threads):
    time.sleep(0.05)
server_rss = status_kib(SERVER, "VmRSS")
hold.set()
for thread in threads:
    thread.join()
summary(f"first screen, paramiko, {N} at once", spread(burst) + (f"; {len(burst_errors)} failed" if burst_errors else ""))
note(f"{N} at once: {spread(burst)}; server RSS then {server_rss / 1024:.1f} MiB")
for error in burst_errors[:3]:
    note(error)

print()
width = max(len(f) for f, _, _ in table)
vwidth = max(len(v) for _, v, _ in table)
for figure, value, target in table:
    print(f"{figure:<{width}}  {value:<{vwidth}}  {('target ' + target) if target else ''}".rstrip())
PY
measurer=$!
wait "$measurer"
