#!/usr/bin/env bash
# Benchmarks of the participant screens on a release build: update + render of a full item
# screen at 200×60 (in-process), and launch to the first screen in a real terminal (tmux), median
# of 7 launches. Prints the figures; asserts nothing.
# Usage: scripts/bench-screens.sh
#
# The launches run in one private tmux server that stays up for the whole run: a placeholder
# session holds it open (and exit-empty is off), so killing a launch's session never shuts the
# server down under the next new-session. The trap kills that server and removes its socket.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
swift build -c release --product omnigap 2>&1 | grep -E "error|warning:" && exit 1
swift build -c release --product omnigap-bench 2>&1 | grep -E "error|warning:" && exit 1
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
socket="omnigap-bench-$$"
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Start the server explicitly, with a session that lives as long as the run.
tmux_ new-session -d -s placeholder -x 80 -y 24 'exec sleep 2147483647'
tmux_ set-option -s exit-empty off

"$bin/omnigap" new "$work/ws" --title "Screen benchmark" >/dev/null
"$bin/omnigap-bench" screen "$work/ws"

python3 - "$bin/omnigap" "$work/ws" "$socket" <<'PY'
import statistics, subprocess, sys, time
binary, session, socket = sys.argv[1:4]
def tmux(*args, check=False):
    done = subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"tmux {args[0]} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout
times = []
for run in range(7):
    name = f"launch{run}"
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8",
         f"{binary} join {session} --name 'Launch {run}' --department it --lang en; sleep 30", check=True)
    while "Your questions" not in (screen := tmux("capture-pane", "-p", "-t", name)):
        if time.perf_counter() - start > 10:
            sys.exit("the first screen did not appear within 10 s; the pane shows:\n" + screen)
        time.sleep(0.002)
    times.append((time.perf_counter() - start) * 1000)
    tmux("kill-session", "-t", name, check=True)
print(f"launch: from starting the process in tmux to the first screen on it: median {statistics.median(times):.0f} ms "
      f"(min {min(times):.0f}, max {max(times):.0f}; includes starting the tmux session)")
PY
