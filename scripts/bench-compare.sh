#!/usr/bin/env bash
# Benchmark of `omnigap compare` (release build) on two simulated sessions of 10,000 participants
# each, answering all six modules, next to the two `report` runs on the same folders: wall time
# (best of 3, warm page cache) and peak memory. The target is a compare that costs no more than
# the two reports plus 10 %; this prints the figures and the ratio, and asserts nothing about time.
# It does check that the comparison's numbers equal each report's where no question changed.
# Usage: scripts/bench-compare.sh [SCRATCH-DIR] [PARTICIPANTS]
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
root=$(pwd)

swift build -c release --product omnigap 2>&1 | grep -E "error|warning:" && exit 1
bin="$(swift build -c release --show-bin-path)/omnigap"
work=${1:-$(mktemp -d)}
n=${2:-10000}
mkdir -p "$work"
echo "omnigap: $bin"
echo "scratch: $work · $(nproc) cores · $n participants per session"
echo

best() {  # best of 3: prints "seconds peak-MiB"
  local out=$1; shift
  for _ in 1 2 3; do python3 "$root/Tests/reference/measure.py" "$out" "$@"; done | sort -n | head -1
}

# Two workshops of one company: the first, and six months on, each with its own participants.
for name in first second; do
  dir="$work/$name"
  if [ ! -f "$dir/session.json" ]; then
    "$bin" new "$dir" --title "Compare benchmark, $name" --date "$([ $name = first ] && echo 2026-06-01 || echo 2026-12-01)" >/dev/null
    "$bin" simulate "$dir" --participants "$n" --seed "$([ $name = first ] && echo 42 || echo 43)" --no-fsync >/dev/null
  fi
  cat "$dir"/participants/*.json >/dev/null  # warm the page cache
done

read -r first first_peak < <(best "$work/first.json" "$bin" report "$work/first" --format json)
read -r second second_peak < <(best "$work/second.json" "$bin" report "$work/second" --format json)
read -r both both_peak < <(best "$work/compare.json" "$bin" compare "$work/first" "$work/second" --over-time --format json)
read -r text text_peak < <(best "$work/compare.txt" "$bin" compare "$work/first" "$work/second" --over-time)

# The comparison's dimensions are each report's where every question is the same.
python3 - "$work/first.json" "$work/second.json" "$work/compare.json" <<'PY'
import json, sys
reports = [json.load(open(p)) for p in sys.argv[1:3]]
comparison = json.load(open(sys.argv[3]))
assert not comparison["changed_items"] and not comparison["items_not_in_all"], "the sessions' questions differ"
checked = 0
for module in comparison["modules"]:
    for dimension in module["dimensions"]:
        for index, report in enumerate(reports):
            ours = next(d for m in report["modules"] if m["id"] == module["id"] for d in m["dimensions"] if d["id"] == dimension["id"])
            for key in ("current", "target", "gap"):
                a, b = ours[key], dimension["sessions"][index][key]
                assert (a is None and b is None) or abs(a - b) <= 1e-9, (module["id"], dimension["id"], key, a, b)
                checked += 1
print(f"the comparison's {checked} dimension numbers equal the two reports'")
PY

printf '%-44s %10s %10s\n' "" "wall (s)" "peak MiB"
printf '%-44s %10s %10s\n' "report first --format json" "$first" "$first_peak"
printf '%-44s %10s %10s\n' "report second --format json" "$second" "$second_peak"
sum=$(python3 -c "print(f'{$first + $second:.4f}')")
printf '%-44s %10s %10s\n' "the two reports" "$sum" "-"
printf '%-44s %10s %10s\n' "compare first second --format json" "$both" "$both_peak"
printf '%-44s %10s %10s\n' "compare first second (text)" "$text" "$text_peak"
python3 -c "
ratio = $both / ($first + $second)
print(f'compare / (two reports) = {ratio:.2f}  (target: at most 1.10; {\"met\" if ratio <= 1.10 else \"NOT met\"})')"
