#!/usr/bin/env bash
# Benchmark of the facilitator's console and the participant screens against a large session, on
# a release build, in a private tmux server. Prints figures; asserts nothing about time.
#
#  1. View switch latency in the console (keys 1-5, Tab in the results): key sent with tmux
#     send-keys until capture-pane shows the new view, p50/p99/max, results hidden and revealed;
#     PageDown/PageUp in the report view; and tmux's own round trip (a pane running cat echoing a
#     key, and capture-pane alone) to set against them.
#  2. The console's idle CPU on each view (utime+stime from /proc/PID/stat, % of one core), with
#     its read syscalls and bytes read per minute.
#  3. Participants arriving (a writer adds ARRIVALS_PER_SECOND a second for ARRIVAL_SECONDS, with
#     `omnigap simulate --participants 1`): time from a participant's file being in place until the
#     dashboard's per-department counts include it, and view switch latency meanwhile.
#  4. `omnigap status --json` against `omnigap report --format json` and `--format text`: wall
#     time (best of 3, warm page cache) and peak memory. With BENCH_LARGE=1, also at 100,000
#     participants: that takes several minutes and about 2 GB of disk in the scratch folder.
#  5. JOINERS participants in `omnigap join` at 80×24, each on its overview, results revealed:
#     read syscalls and bytes read per minute, summed over their processes (/proc/PID/io).
#
# Usage: scripts/bench-console.sh [SCRATCH-DIR]
#
# Knobs (environment), with their defaults:
#   N=10000               participants in the session
#   SWITCHES=30           view switches per series, at least (whole rounds of 9)
#   PAGES=15              PageDown + PageUp pairs in the report view
#   IDLE_SECONDS=10       CPU sampling per view
#   ARRIVAL_SECONDS=30    participants arriving (at least; the switches finish first)
#   ARRIVALS_PER_SECOND=2
#   JOINERS=50            participant processes for the read count (0 skips it)
#   READ_SECONDS=60       how long their reads are counted
#   CONSOLE_SIZE=100x30   the console's terminal
#   STEP_TIMEOUT=30       seconds before one step counts as timed out
#   BENCH_LARGE=0         1 also times status and report at LARGE_N=100000 participants
#   JOBS                  swift build -j
# A quick run: N=1000 SWITCHES=9 PAGES=3 IDLE_SECONDS=2 ARRIVAL_SECONDS=6 JOINERS=5 READ_SECONDS=5
#
# A SCRATCH-DIR given keeps the simulated sessions for the next run (each run works on a fresh
# copy); otherwise a temporary folder is used and removed. The tmux server, its socket, the
# writers and the copies are removed on every way out (end, error, Ctrl-C, SIGTERM, SIGHUP).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
root=$(pwd)
N=${N:-10000}

jobs=()
[ -n "${JOBS:-}" ] && jobs=(-j "$JOBS")
swift build -c release "${jobs[@]}" --product omnigap 2>&1 | grep -E "error|warning:" && exit 1
bin="$(swift build -c release --show-bin-path)/omnigap"

if [ -n "${1:-}" ]; then work=$1; keep=1; else work=$(mktemp -d); keep=0; fi
mkdir -p "$work"
socket="omnigap-bench-console-$$"
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
measurer=""
cleanup() {
  trap - EXIT INT TERM HUP
  if [ -n "$measurer" ] && kill -0 "$measurer" 2>/dev/null; then
    kill -TERM "$measurer" 2>/dev/null || true
    wait "$measurer" 2>/dev/null || true
  fi
  tmux_ kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
  rm -rf "$work/run" "$work/measure"
  [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

echo "omnigap: $bin"
echo "scratch: $work ($(df -h "$work" | awk 'NR==2 {print $1}')) · $(nproc) cores · tmux $(tmux -V | cut -d' ' -f2) · $(python3 --version)"

# A simulated session, made once per scratch folder and never changed: every run copies it.
simulated() {  # simulated COUNT → prints the pristine session's folder
  local dir="$work/pristine-$1"
  if [ ! -f "$dir/session.json" ]; then  # made aside and renamed: an interrupted run leaves no half session
    rm -rf "$dir.partial"
    "$bin" new "$dir.partial" --title "Console benchmark, $1 participants" >/dev/null
    local start=$(date +%s%N)
    "$bin" simulate "$dir.partial" --participants "$1" --seed 7 --no-fsync >/dev/null
    echo "simulated $1 participants in $(( ($(date +%s%N) - start) / 1000000 )) ms ($(du -sh "$dir.partial" | cut -f1))" >&2
    mv "$dir.partial" "$dir"
  fi
  echo "$dir"
}
pristine=$(simulated "$N")
rm -rf "$work/run" "$work/measure"
cp -a "$pristine" "$work/run"
mkdir -p "$work/measure"
large=""
LARGE_N=${LARGE_N:-100000}
if [ "${BENCH_LARGE:-0}" = 1 ]; then
  [ -f "$work/pristine-$LARGE_N/session.json" ] \
    || echo "BENCH_LARGE=1: simulating $LARGE_N participants once (several minutes, about 2 GB in $work)"
  large=$(simulated "$LARGE_N")
fi

# One private tmux server for the whole run, held up by a placeholder session (and exit-empty
# off), so closing the last measured session never shuts it down under the next new-session.
tmux_ new-session -d -s placeholder -x 80 -y 24 'exec sleep 2147483647'
tmux_ set-option -s exit-empty off

LARGE_SESSION=$large LARGE_N=$LARGE_N N=$N python3 "$root/scripts/bench-console.py" "$bin" "$socket" "$work/measure" "$work/run" &
measurer=$!
wait "$measurer"
