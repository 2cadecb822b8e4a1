#!/usr/bin/env python3
"""Compares omnigap's JSON report with the reference implementation's output, number by number.

Usage: compare_reports.py OMNIGAP-REPORT.json REFERENCE.json [TOLERANCE]
Exit 0 when every number agrees within the tolerance (default 1e-9) and everything else is equal;
otherwise it prints each difference (the first 30) and exits 1.
"""
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
reference = json.load(open(sys.argv[2], encoding="utf-8"))
tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
differences = []
compared = 0


def same(a, b, where):
    global compared
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None or isinstance(a, str) or isinstance(b, str):
        compared += 1
        if a != b:
            differences.append(f"{where}: omnigap {a!r}, reference {b!r}")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        compared += 1
        if abs(a - b) > tolerance:
            differences.append(f"{where}: omnigap {a!r}, reference {b!r}")
    elif isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            differences.append(f"{where}: keys {sorted(a)} vs {sorted(b)}")
        for key in set(a) & set(b):
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            differences.append(f"{where}: {len(a)} entries vs {len(b)}")
        for index, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{index}]")
    else:
        differences.append(f"{where}: {a!r} vs {b!r}")


def pick(entry, keys):
    return {k: entry[k] for k in keys}


item_keys = ["n", "current", "target", "target_n", "gap", "spread", "min", "max", "importance", "priority",
             "disagreement", "departments_rated", "low_confidence", "dont_know_current", "dont_know_target"]
same(report["participation"], reference["participation"], "participation")
same(pick(report["overall"], ["current", "target", "gap"]), reference["overall"], "overall")
same(report["weakest_link"], reference["weakest_link"], "weakest_link")
same({m["id"]: {**pick(m, ["current", "target", "gap"]),
                "dimensions": [pick(d, ["id", "current", "target", "gap", "items_rated"]) for d in m["dimensions"]]}
      for m in report["modules"]},
     {m["id"]: pick(m, ["current", "target", "gap", "dimensions"]) for m in reference["modules"]}, "modules")
same({i["id"]: pick(i, item_keys) for i in report["items"]}, {i["id"]: pick(i, item_keys) for i in reference["items"]}, "items")
same({p["item"]: pick(p, ["means", "gap", "flagged"]) for p in report["perception_gaps"]},
     {p["item"]: pick(p, ["means", "gap", "flagged"]) for p in reference["perception_gaps"]}, "perception_gaps")
same({(p["dimension"]): pick(p, ["means", "gap", "flagged"]) for p in report["perception_matrix"]},
     {(p["dimension"]): pick(p, ["means", "gap", "flagged"]) for p in reference["perception_matrix"]}, "perception_matrix")
same(report["ranking"], reference["ranking"], "ranking")
same([pick(c, ["item", "department", "counts", "dont_know", "respondents"]) for c in report["choices"]],
     reference["choices"], "choices")
same([pick(n, ["item", "department", "current", "target", "dont_know_current", "dont_know_target"]) for n in report["numbers"]],
     reference["numbers"], "numbers")
# The reference only reads participant files; omnigap also lists stray files and facilitator.json.
same(len([s for s in report["skipped"] if s["path"].startswith("participants/p-")]), reference["skipped_files"], "skipped files")
same(report["comments"], reference["comments"], "comments")

for line in differences[:30]:
    print("DIFF " + line)
print(f"compare: {compared} values, {len(differences)} differences (tolerance {tolerance:g})")
sys.exit(1 if differences else 0)
