#!/usr/bin/env bash
# Benchmark of `omnigap report --format json` (release build) against the Python reference
# implementation of the same formulas, on simulated sessions of 30, 1,000 and 10,000 participants
# answering all six modules. Checks that both agree to 1e-9, then prints the wall time (best of
# 3, warm page cache), the peak memory and the speed ratio. Asserts nothing about time.
# Usage: scripts/bench-report.sh [SCRATCH-DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
root=$(pwd)

swift build -c release --product omnigap 2>&1 | grep -E "error|warning:" && exit 1
bin="$(swift build -c release --show-bin-path)/omnigap"
work=${1:-$(mktemp -d)}
mkdir -p "$work"
echo "omnigap: $bin"
echo "scratch: $work · $(nproc) cores · $(python3 --version)"
echo

best() {  # best of 3: prints "seconds peak-MiB"
  local out=$1; shift
  for _ in 1 2 3; do python3 "$root/Tests/reference/measure.py" "$out" "$@"; done | sort -n | head -1
}

printf '%-13s %14s %11s %14s %11s %8s\n' participants "omnigap (s)" "peak MiB" "python (s)" "peak MiB" ratio
for n in 30 1000 10000; do
  dir="$work/report-$n"
  if [ ! -f "$dir/session.json" ]; then
    "$bin" new "$dir" --title "Report benchmark, $n participants" >/dev/null
    "$bin" simulate "$dir" --participants "$n" --seed 42 --no-fsync >/dev/null
  fi
  mkdir -p "$dir-modules"
  for module in ecommerce it customer-service logistics stores omnichannel; do
    "$bin" modules show "$module" --json --modules "$dir/modules" >"$dir-modules/$module.json"
  done
  cat "$dir"/participants/*.json >/dev/null  # warm the page cache
  read -r ours our_peak < <(best "$work/ours-$n.json" "$bin" report "$dir" --format json)
  read -r theirs their_peak < <(best "$work/reference-$n.json" python3 "$root/Tests/reference/reference_report.py" "$dir" "$dir-modules")
  python3 "$root/Tests/reference/compare_reports.py" "$work/ours-$n.json" "$work/reference-$n.json" >"$work/compare-$n.txt" \
    || { cat "$work/compare-$n.txt"; echo "bench-report: the outputs differ for $n participants" >&2; exit 1; }
  ratio=$(python3 -c "print(f'{$theirs / $ours:.1f}x')")
  printf '%-13s %14s %11s %14s %11s %8s   %s\n' "$n" "$ours" "$our_peak" "$theirs" "$their_peak" "$ratio" "$(tail -1 "$work/compare-$n.txt")"
done
