#!/usr/bin/env python3
"""Compares `omnigap compare --format json` with reference_compare.py's output, value by value.

Usage: compare_comparisons.py OMNIGAP-COMPARISON.json REFERENCE.json [TOLERANCE]
Every number must agree within the tolerance (default 1e-9), null only with null; every string,
boolean, id, list (length and order) and object key set must be equal. At the top level the keys
the reference does not compute (format, version, language, goals_review, skipped) are left out.
Prints "agree: N numbers" and exits 0, or lists the first 30 differences and exits 1.
"""
import json
import sys

NOT_COMPUTED = {"format", "version", "language", "goals_review", "skipped"}

ours = json.load(open(sys.argv[1], encoding="utf-8"))
reference = json.load(open(sys.argv[2], encoding="utf-8"))
tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
differences = []
numbers = 0
values = 0


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def same(a, b, where):
    global numbers, values
    if is_number(a) and is_number(b):
        numbers += 1
        if abs(a - b) > tolerance:
            differences.append(f"{where}: omnigap {a!r}, reference {b!r}")
    elif isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            differences.append(f"{where}: keys only in omnigap {sorted(set(a) - set(b))}, "
                               f"only in reference {sorted(set(b) - set(a))}")
        for key in [k for k in a if k in b]:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            differences.append(f"{where}: {len(a)} entries in omnigap, {len(b)} in reference")
        for index, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{index}]")
    else:
        values += 1
        # None, strings and booleans: equal and of the same type (so a null is never a 0, nor false a 0).
        if a != b or type(a) is not type(b):
            differences.append(f"{where}: omnigap {a!r}, reference {b!r}")


if not isinstance(ours, dict) or ours.get("format") != "omnigap-comparison":
    differences.append("omnigap's file is not an omnigap-comparison document")
else:
    same({k: v for k, v in ours.items() if k not in NOT_COMPUTED},
         {k: v for k, v in reference.items() if k not in NOT_COMPUTED}, "comparison")

for line in differences[:30]:
    print("DIFF " + line)
if differences:
    print(f"differ: {len(differences)} differences ({numbers} numbers compared, tolerance {tolerance:g})")
    sys.exit(1)
print(f"agree: {numbers} numbers (and {values} other values, tolerance {tolerance:g})")
