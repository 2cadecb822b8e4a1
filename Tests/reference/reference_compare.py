#!/usr/bin/env python3
"""A reference implementation of `omnigap compare`, in plain Python (standard library only).

It is the test oracle for `omnigap compare --format json`. It reads each session folder directly
(session.json and participants/) and each session's modules from `omnigap modules show ID --json
--modules DIR/modules` output (one file per module, ID.json, in that session's MODULES-JSON-DIR:
sessions may use different editions of a module), and prints the comparison as JSON with the
keys of the "omnigap-comparison" document. The method is docs/scoring.md, "Comparing sessions".

Usage: reference_compare.py [--over-time|--side-by-side] [--label NAME ...] SESSION-DIR:MODULES-JSON-DIR ...

Not computed (the facilitator's words or file-reading details): goals_review and skipped.
"""
import glob
import json
import os
import sys

EPS = 1e-9


def fail(message):
    sys.stderr.write("reference_compare: " + message + "\n")
    sys.exit(1)


def mean(values):
    return sum(values) / len(values) if values else None


def weighted(pairs):
    """Weighted mean of (weight, value) pairs, values None left out; None when nothing is left."""
    pairs = [(w, x) for w, x in pairs if x is not None]
    total = sum(w for w, _ in pairs)
    return sum(w * x for w, x in pairs) / total if pairs and total > 0 else None


class Session:
    """One session's settings, modules and per-item tallies (the report's per-item rules)."""

    def __init__(self, folder, modules_dir, position):
        self.folder, self.position = folder, position
        self.settings = json.load(open(os.path.join(folder, "session.json"), encoding="utf-8"))
        self.id, self.title, self.date = self.settings["id"], self.settings["title"], self.settings["date"]
        self.follows = (self.settings.get("follows") or {}).get("id")
        self.module_ids = [m["id"] for m in self.settings["modules"]]
        shared = [m for m in self.settings.get("shared_modules", []) if m in self.module_ids]
        self.shared = shared
        self.departments = [m for m in self.module_ids if m not in shared]
        self.modules = {m: json.load(open(os.path.join(modules_dir, m + ".json"), encoding="utf-8"))
                        for m in self.module_ids}
        self.items = {}  # maturity item id -> its module JSON entry, with "module" and "dimension"
        for m in self.module_ids:
            for dimension in self.modules[m]["dimensions"]:
                for item in dimension["items"]:
                    self.items[item["id"]] = dict(item, module=m, dimension=dimension["id"])
        self.tally()

    def tally(self):
        hashes = {m["id"]: m["sha256"] for m in self.settings["modules"]}
        self.joined = {d: 0 for d in self.departments}
        self.done = {d: 0 for d in self.departments}
        # (item, department) -> [current stages]; item -> [current stages], [target stages]
        self.by_department, currents, targets = {}, {}, {}
        for path in sorted(glob.glob(os.path.join(self.folder, "participants", "p-*.json"))):
            try:
                with open(path, encoding="utf-8") as handle:
                    record = json.load(handle)
                assert record["format"] == "omnigap-participant" and record["version"] == 1
                assert record["session"] == self.id and os.path.basename(path) == record["id"] + ".json"
                assert all(hashes.get(m) == h for m, h in record["modules"].items())
                department = record["profile"]["department"]
                assert department in self.departments
            except Exception:
                continue
            self.joined[department] += 1
            self.done[department] += 1 if record["done"]["value"] else 0
            allowed = {department, *self.shared}
            for item_id, answer in record["answers"].items():
                item = self.items.get(item_id)
                if item is None or item["kind"] != "maturity" or item["module"] not in allowed or answer.get("cleared"):
                    continue
                c, t = answer.get("current"), answer.get("target")
                if isinstance(c, int) and not isinstance(c, bool):
                    currents.setdefault(item_id, []).append(c)
                    self.by_department.setdefault((item_id, department), []).append(c)
                if isinstance(t, int) and not isinstance(t, bool):
                    targets.setdefault(item_id, []).append(t)
        self.scores = {}
        for item_id, item in self.items.items():
            if item["kind"] != "maturity":
                continue
            c, t = currents.get(item_id, []), targets.get(item_id, [])
            current, target = mean(c), mean(t)
            self.scores[item_id] = {
                "n": len(c), "current": current, "target": target,
                "gap": target - current if current is not None and target is not None else None,
                "disagreement": bool(c) and max(c) - min(c) >= 2,
            }


def parse_arguments(arguments):
    mode, labels, pairs = None, [], []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument in ("--over-time", "--side-by-side"):
            if mode is not None:
                fail("give --over-time or --side-by-side, not both")
            mode = argument[2:]
        elif argument == "--label":
            index += 1
            labels.append(arguments[index])
        elif ":" in argument:
            pairs.append(argument.rsplit(":", 1))
        else:
            fail("expected SESSION-DIR:MODULES-JSON-DIR, got " + argument)
        index += 1
    return mode, labels, pairs


def order_sessions(sessions, forced):
    """The mode and the sessions in comparison order (docs/scoring.md, "Over time or side by side")."""
    by_id = {s.id: s for s in sessions}
    chain = None
    roots = [s for s in sessions if s.follows not in by_id]
    followers = {}
    for s in sessions:
        if s.follows in by_id:
            followers.setdefault(s.follows, []).append(s)
    if len(roots) == 1 and all(len(f) == 1 for f in followers.values()):
        chain = [roots[0]]
        while chain[-1].id in followers:
            chain.append(followers[chain[-1].id][0])
        if len(chain) != len(sessions):
            chain = None
    if forced == "side-by-side":
        return "side-by-side", list(sessions)
    if chain is not None:
        return "over-time", chain
    if forced == "over-time":
        return "over-time", sorted(sessions, key=lambda s: (s.date, s.position))
    return "side-by-side", list(sessions)


def main():
    forced, labels, pairs = parse_arguments(sys.argv[1:])
    if len(pairs) < 2:
        fail("compare needs two or more sessions")
    if labels and len(labels) != len(pairs):
        fail("give one --label per session")
    folders = [os.path.realpath(folder) for folder, _ in pairs]
    if len(set(folders)) != len(folders):
        fail("a session is given twice")
    given = [Session(folder, modules, position) for position, (folder, modules) in enumerate(pairs)]
    if len({s.id for s in given}) != len(given):
        fail("a session is given twice (the same session id)")
    if len(set(labels)) != len(labels):
        fail("two sessions have the same --label")
    for s, label in zip(given, labels):
        s.label = label
    mode, sessions = order_sessions(given, forced)
    for s in given:  # by default the date; sessions of one date are numbered 1, 2 … among themselves, in the order given
        if not labels:
            same = [x for x in given if x.date == s.date]
            s.label = s.date if len(same) == 1 else "%s %d" % (s.date, same.index(s) + 1)
    over_time = mode == "over-time"
    reference_index = len(sessions) - 1 if over_time else 0
    ref = sessions[reference_index]
    indices = range(len(sessions))

    # Modules: those every session has, in the reference's order; the others listed.
    common = [m for m in ref.module_ids if all(m in s.module_ids for s in sessions)]
    if not common:
        fail("the sessions have no module in common")
    modules_not_in_all, seen = [], set()
    for s in sessions:
        for m in s.module_ids:
            if m not in seen and m not in common:
                seen.add(m)
                modules_not_in_all.append({"id": m, "sessions": [i for i in indices if m in sessions[i].module_ids]})

    # Maturity items of the common modules: compared, changed or not in all.
    def question(item):
        return item["prompt"], item["kind"], list(item.get("levels") or [])

    compared, changed, not_in_all, seen = set(), [], [], set()
    for s in [ref] + [x for x in sessions if x is not ref]:
        for item_id, item in s.items.items():
            if item_id in seen or item["module"] not in common:
                continue
            if not any(x.items.get(item_id, {}).get("kind") == "maturity" for x in sessions):
                continue
            seen.add(item_id)
            if not all(item_id in x.items for x in sessions):
                not_in_all.append({"id": item_id, "sessions": [i for i in indices if item_id in sessions[i].items]})
                continue
            prompt, kind, levels = question(ref.items[item_id])
            what, where = [], []
            for i in indices:
                other_prompt, other_kind, other_levels = question(sessions[i].items[item_id])
                differences = []
                if other_prompt != prompt:
                    differences.append("prompt")
                if other_kind != kind:
                    differences.append("kind")  # the levels of another kind are not compared
                else:
                    for level in range(max(len(levels), len(other_levels))):
                        if level >= len(levels) or level >= len(other_levels) or levels[level] != other_levels[level]:
                            differences.append("level %d" % (level + 1))
                if differences:
                    where.append(i)
                    what += [d for d in differences if d not in what]
            if what:
                changed.append({"id": item_id, "what": what, "sessions": where})
            else:
                compared.add(item_id)
    reference_items = [(m, dimension, item) for m in common for dimension in ref.modules[m]["dimensions"]
                       for item in dimension["items"] if item["id"] in compared]

    def compare_values(values):
        """change (over time) or spread and best (side by side) of per-session {current, target, gap}."""
        change, spread, best = None, None, []
        if over_time:
            then, now = values[0], values[-1]
            def delta(key):
                return now[key] - then[key] if now[key] is not None and then[key] is not None else None
            closed = None
            if delta("current") is not None and then["gap"] is not None and then["gap"] > EPS:
                closed = delta("current") / then["gap"]
            change = {"current": delta("current"), "target": delta("target"), "closed": closed}
        else:
            rated = [(i, v["current"]) for i, v in enumerate(values) if v["current"] is not None]
            if len(rated) >= 2:
                highest = max(c for _, c in rated)
                spread = highest - min(c for _, c in rated)
                best = [i for i, c in rated if c >= highest - EPS]
        return change, spread, best

    modules_out = []
    for m in common:
        dimensions_out, per_session_dimensions = [], []
        for dimension in ref.modules[m]["dimensions"]:
            items = [item for item in dimension["items"] if item["id"] in compared]
            values = []
            for s in sessions:
                rated = [(item["weight"], s.scores[item["id"]]) for item in items if s.scores[item["id"]]["n"] > 0]
                values.append({"current": weighted([(w, x["current"]) for w, x in rated]),
                               "target": weighted([(w, x["target"]) for w, x in rated]),
                               "gap": weighted([(w, x["gap"]) for w, x in rated]),
                               "n": min((x["n"] for _, x in rated), default=0), "items_rated": len(rated)})
            per_session_dimensions.append(values)
            change, spread, best = compare_values(values)
            dimensions_out.append({"id": dimension["id"], "title": dimension["title"], "sessions": values,
                                   "change": change, "spread": spread, "best": best})
        module_values = []
        for i in indices:
            dims = [values[i] for values in per_session_dimensions]
            rated = [d for d in dims if d["items_rated"] > 0]
            module_values.append({key: mean([d[key] for d in dims if d[key] is not None])
                                  for key in ("current", "target", "gap")})
            module_values[-1]["n"] = min((d["n"] for d in rated), default=0)
            module_values[-1]["items_rated"] = sum(d["items_rated"] for d in rated)
        change, spread, best = compare_values(module_values)
        modules_out.append({"id": m, "title": ref.modules[m]["title"], "shared": m in ref.shared,
                            "sessions": module_values, "change": change, "spread": spread, "best": best,
                            "dimensions": dimensions_out})

    # Over time: questions that moved a whole stage, disagreements that came or went.
    moved, new_disagreements, settled_disagreements = [], [], []
    if over_time:
        first, last = sessions[0], sessions[-1]
        for m, dimension, item in reference_items:
            a, b = first.scores[item["id"]], last.scores[item["id"]]
            if a["n"] == 0 or b["n"] == 0:
                continue
            delta = b["current"] - a["current"]
            if abs(delta) >= 1 - EPS:
                moved.append({"id": item["id"], "module": m, "dimension": dimension["id"], "prompt": item["prompt"],
                              "then": a["current"], "now": b["current"], "change": delta})
            if b["disagreement"] and not a["disagreement"]:
                new_disagreements.append(item["id"])
            if a["disagreement"] and not b["disagreement"]:
                settled_disagreements.append(item["id"])
        moved.sort(key=lambda entry: -abs(entry["change"]))  # stable: ties keep the reference's order

    # Perception gaps per shared dimension of the reference, per session, over the compared items.
    perception = []
    for m in common:
        if m not in ref.shared:
            continue
        for dimension in ref.modules[m]["dimensions"]:
            items = [item for item in dimension["items"] if item["id"] in compared]
            gaps, flagged = [], []
            for s in sessions:
                means = []
                for department in s.departments:
                    value = weighted([(item["weight"], mean(s.by_department.get((item["id"], department), [])))
                                      for item in items])
                    if value is not None:
                        means.append(value)
                gap = max(means) - min(means) if len(means) >= 2 else None
                gaps.append(gap)
                flagged.append(gap is not None and gap >= 1.5 - EPS)
            perception.append({"module": m, "dimension": dimension["id"], "title": dimension["title"],
                               "gaps": gaps, "flagged": flagged})

    sys.stdout.write(json.dumps({
        "mode": mode, "reference": reference_index,
        "sessions": [{"label": s.label, "id": s.id, "title": s.title, "date": s.date, "follows": s.follows,
                      "participants": sum(s.joined.values()),
                      "participation": [{"department": d, "joined": s.joined[d], "done": s.done[d]} for d in s.departments]}
                     for s in sessions],
        "modules": modules_out,
        "compared_items": [item["id"] for _, _, item in reference_items],
        "changed_items": changed, "items_not_in_all": not_in_all, "modules_not_in_all": modules_not_in_all,
        "moved": moved, "new_disagreements": new_disagreements, "settled_disagreements": settled_disagreements,
        "perception": perception,
    }, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
