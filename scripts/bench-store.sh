#!/usr/bin/env bash
# Benchmarks of the session store on a release build: save latency with fsync (p50, p99), the
# cost of opening a session (its modules parsed, against read from the cache), and load time and
# peak memory for 1,000 and 10,000 simulated participants. Prints the figures; asserts nothing
# (timings belong in benchmarks, not tests).
# Usage: scripts/bench-store.sh [SCRATCH-DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8

swift build -c release --product omnigap 2>&1 | grep -E "error|warning:" && exit 1
swift build -c release --product omnigap-bench 2>&1 | grep -E "error|warning:" && exit 1
bin=$(swift build -c release --show-bin-path)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
echo "scratch folder: $work ($(df -h "$work" | awk 'NR==2 {print $1}'))"

rm -rf "$work/save"
"$bin/omnigap" new "$work/save" --title "Save benchmark" >/dev/null
"$bin/omnigap-bench" save "$work/save" 300
"$bin/omnigap-bench" open "$work/save"

for n in 1000 10000; do
  dir="$work/s$n"
  if [ ! -f "$dir/session.json" ]; then
    "$bin/omnigap" new "$dir" --title "Load benchmark $n" >/dev/null
    start=$(date +%s%N)
    "$bin/omnigap" simulate "$dir" --participants "$n" --seed 1 --no-fsync >/dev/null
    echo "simulate $n participants: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(du -sh "$dir/participants" | cut -f1))"
  fi
  cat "$dir"/participants/*.json >/dev/null  # warm the page cache, as the product brief's figures are
  "$bin/omnigap-bench" load "$dir"
  "$bin/omnigap-bench" load "$dir"
  "$bin/omnigap-bench" refresh "$dir"
done
