#!/usr/bin/env python3
"""A reference implementation of omnigap's scoring method, in plain Python (standard library only).

It is the test oracle for `omnigap report --format json`, and the baseline for the report
benchmark: what an analyst would write instead. It reads the session folder directly, and the
module structure from `omnigap modules show ID --json` output (one file per module, in MODULES-DIR,
named ID.json), and prints the consolidated numbers as JSON in the same shape as the report.

Usage: reference_report.py SESSION-DIR MODULES-JSON-DIR > reference.json

The method (docs/scoring.md):
  per item over the participants who answer it (department items: that department; shared
  items: everyone): n = number of current ratings; current = mean c; target = mean t;
  gap = target - current; spread = population standard deviation of c; min/max of c;
  importance = mean w (2 when not given) over everybody who answered; priority =
  max(gap, 0) * importance; disagreement = max - min >= 2; low confidence = n < quorum, or a shared
  item rated by one department only; a perception gap needs two departments with a mean.
  Dimension: weighted mean of item current/target/gap, items with n = 0 left out.
  Module: mean of its dimensions. Overall: mean of the department modules; weakest link =
  lowest current. Perception gap: per shared item, the range of the departments' mean c.
"""
import glob
import json
import math
import os
import sys

session_dir, modules_dir = sys.argv[1], sys.argv[2]
settings = json.load(open(os.path.join(session_dir, "session.json"), encoding="utf-8"))
shared = settings.get("shared_modules", [])
module_ids = [m["id"] for m in settings["modules"]]
departments = [m for m in module_ids if m not in shared]
hashes = {m["id"]: m["sha256"] for m in settings["modules"]}
quorum = settings["quorum"]

modules = {m: json.load(open(os.path.join(modules_dir, m + ".json"), encoding="utf-8")) for m in module_ids}
items = {}  # id -> dict(module, dimension, kind, weight, options)
for m in module_ids:
    for dimension in modules[m]["dimensions"]:
        for item in dimension["items"]:
            items[item["id"]] = {"module": m, "dimension": dimension["id"], "kind": item["kind"], "weight": item["weight"],
                                 "options": [o["id"] for o in item.get("options") or []], "multiple": item.get("multiple", False),
                                 "min": item.get("min"), "max": item.get("max")}

joined = {d: 0 for d in departments}
done = {d: 0 for d in departments}
# (item, department) -> collected values
ratings = {}
choices = {}
numbers = {}
comments = []  # (item position, department position, 0 for a free answer / 1 for a comment, file order, text)
positions = {item_id: position for position, item_id in enumerate(items)}
item_order = list(items)
skipped = 0


def cell(store, key, make):
    if key not in store:
        store[key] = make()
    return store[key]


for path in sorted(glob.glob(os.path.join(session_dir, "participants", "p-*.json"))):
    try:
        with open(path, encoding="utf-8") as handle:
            record = json.load(handle)
        assert record["format"] == "omnigap-participant" and record["version"] == 1
        assert record["session"] == settings["id"] and os.path.basename(path) == record["id"] + ".json"
        assert all(hashes.get(m) == h for m, h in record["modules"].items())
        department = record["profile"]["department"]
        assert department in departments
    except Exception:
        skipped += 1
        continue
    joined[department] += 1
    if record["done"]["value"]:
        done[department] += 1
    allowed = {department, *shared}
    for item_id, answer in record["answers"].items():
        info = items.get(item_id)
        if info is None or info["module"] not in allowed or answer.get("cleared"):
            continue
        key = (item_id, department)
        place = (positions[item_id], departments.index(department))
        if info["kind"] == "text" and answer.get("text", "").strip():
            comments.append((*place, 0, len(comments), answer["text"]))
        if answer.get("comment", "").strip():
            comments.append((*place, 1, len(comments), answer["comment"]))
        if info["kind"] == "maturity":
            values = cell(ratings, key, lambda: {"c": [], "t": [], "w": [], "dkc": 0, "dkt": 0})
            c, t = answer.get("current"), answer.get("target")
            if c is None and t is None:
                continue
            if c == "dont-know":
                values["dkc"] += 1
            elif c is not None:
                values["c"].append(c)
            if t == "dont-know":
                values["dkt"] += 1
            elif t is not None:
                values["t"].append(t)
            values["w"].append(answer.get("importance", 2))
        elif info["kind"] == "choice":
            values = cell(choices, key, lambda: {"counts": {}, "dk": 0, "respondents": 0})
            chosen = answer["choice"]
            if chosen == "dont-know":
                values["dk"] += 1
            else:
                for option in chosen:
                    values["counts"][option] = values["counts"].get(option, 0) + 1
            values["respondents"] += 1
        elif info["kind"] == "number":
            values = cell(numbers, key, lambda: {"c": [], "t": [], "dkc": 0, "dkt": 0})
            for side, dk in (("current", "dkc"), ("target", "dkt")):
                value = answer.get(side)
                if value == "dont-know":
                    values[dk] += 1
                elif value is not None:
                    values[side[0]].append(float(value))


def mean(values):
    return sum(values) / len(values) if values else None


def weighted(pairs):
    pairs = [(w, x) for w, x in pairs if x is not None]
    total = sum(w for w, _ in pairs)
    return sum(w * x for w, x in pairs) / total if total > 0 else None


def answering(module):
    return departments if module in shared else [module]


item_scores = {}
for item_id, info in items.items():
    if info["kind"] != "maturity":
        continue
    c, t, w, dkc, dkt = [], [], [], 0, 0
    for department in answering(info["module"]):
        values = ratings.get((item_id, department))
        if values:
            c += values["c"]; t += values["t"]; w += values["w"]; dkc += values["dkc"]; dkt += values["dkt"]
    current, target = mean(c), mean(t)
    # A shared item rated by one department only (in a session of several) is that department's view.
    rated_departments_count = sum(1 for d in answering(info["module"]) if ratings.get((item_id, d)) and ratings[(item_id, d)]["c"])
    one_department = info["module"] in shared and len(departments) >= 2 and rated_departments_count < 2
    gap = target - current if current is not None and target is not None else None
    spread = math.sqrt(sum((x - current) ** 2 for x in c) / len(c)) if c else None
    importance = mean(w)
    priority = max(gap, 0) * importance if gap is not None and importance is not None else None
    item_scores[item_id] = {
        "n": len(c), "current": current, "target": target, "target_n": len(t), "gap": gap, "spread": spread,
        "min": min(c) if c else None, "max": max(c) if c else None, "importance": importance, "priority": priority,
        "disagreement": bool(c) and max(c) - min(c) >= 2, "low_confidence": len(c) < quorum or one_department,
        "departments_rated": rated_departments_count,
        "dont_know_current": dkc, "dont_know_target": dkt,
    }

module_scores = {}
perception_matrix = []
for m in module_ids:
    dimensions = []
    for dimension in modules[m]["dimensions"]:
        rated = [(i["weight"], item_scores[i["id"]]) for i in dimension["items"]
                 if i["id"] in item_scores and item_scores[i["id"]]["n"] > 0]
        dimensions.append({"id": dimension["id"], "current": weighted([(w, s["current"]) for w, s in rated]),
                           "target": weighted([(w, s["target"]) for w, s in rated]),
                           "gap": weighted([(w, s["gap"]) for w, s in rated]), "items_rated": len(rated)})
        if m in shared:
            means = {}
            for department in departments:
                pairs = []
                for i in dimension["items"]:
                    values = ratings.get((i["id"], department))
                    if i["kind"] == "maturity" and values and values["c"]:
                        pairs.append((i["weight"], mean(values["c"])))
                value = weighted(pairs)
                if value is not None:
                    means[department] = value
            gap = max(means.values()) - min(means.values()) if len(means) >= 2 else None
            perception_matrix.append({"module": m, "dimension": dimension["id"], "means": means, "gap": gap,
                                      "flagged": gap is not None and gap >= 1.5 - 1e-9})

    def dimension_mean(key):
        return mean([d[key] for d in dimensions if d[key] is not None])
    module_scores[m] = {"current": dimension_mean("current"), "target": dimension_mean("target"),
                        "gap": dimension_mean("gap"), "dimensions": dimensions}

department_scores = [module_scores[d] for d in departments]
overall = {key: mean([s[key] for s in department_scores if s[key] is not None]) for key in ("current", "target", "gap")}
rated_departments = [d for d in departments if module_scores[d]["current"] is not None]
weakest = min(rated_departments, key=lambda d: module_scores[d]["current"]) if rated_departments else None

perception_gaps = []
for item_id, info in items.items():
    if info["kind"] != "maturity" or info["module"] not in shared:
        continue
    means = {d: mean(ratings[(item_id, d)]["c"]) for d in departments
             if (item_id, d) in ratings and ratings[(item_id, d)]["c"]}
    gap = max(means.values()) - min(means.values()) if len(means) >= 2 else None
    perception_gaps.append({"item": item_id, "means": means, "gap": gap, "flagged": gap is not None and gap >= 1.5 - 1e-9})

ranked = [i for i, s in item_scores.items() if s["priority"] is not None]
ranked.sort(key=lambda i: (-item_scores[i]["priority"], -item_scores[i]["gap"], i))


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


choice_out, number_out = [], []
for item_id, info in items.items():
    for department in answering(info["module"]):
        if info["kind"] == "choice":
            values = choices.get((item_id, department), {"counts": {}, "dk": 0, "respondents": 0})
            choice_out.append({"item": item_id, "department": department,
                               "counts": {o: values["counts"].get(o, 0) for o in info["options"]},
                               "dont_know": values["dk"], "respondents": values["respondents"]})
        if info["kind"] == "number":
            values = numbers.get((item_id, department), {"c": [], "t": [], "dkc": 0, "dkt": 0})
            def distribution(v):
                return {"n": len(v), "median": median(v), "min": min(v), "max": max(v)} if v else None
            number_out.append({"item": item_id, "department": department, "current": distribution(values["c"]),
                               "target": distribution(values["t"]), "dont_know_current": values["dkc"],
                               "dont_know_target": values["dkt"]})

# json.dumps (not json.dump, and no indent) uses the C encoder: the fair, fast baseline.
sys.stdout.write(json.dumps({
    "participation": [{"department": d, "joined": joined[d], "done": done[d]} for d in departments],
    "overall": overall, "weakest_link": weakest,
    "modules": [{"id": m, **module_scores[m]} for m in module_ids],
    "items": [{"id": i, **s} for i, s in item_scores.items()],
    "perception_gaps": perception_gaps, "perception_matrix": perception_matrix,
    "ranking": ranked, "choices": choice_out, "numbers": number_out, "skipped_files": skipped,
    "comments": [{"item": item_order[c[0]], "department": departments[c[1]], "text": c[4], "answer": c[2] == 0}
                 for c in sorted(comments)],
}, ensure_ascii=False))
