#!/usr/bin/env python3
"""Checks that the JSON Schemas in docs/schema describe what omnigap really writes.

Usage: scripts/check-schemas.py PATH-TO-OMNIGAP

It makes a session with the real binary (simulated and recorded participants, an export), then:
- every schema is itself a valid draft 2020-12 schema;
- session.json, every participant file and the export validate;
- the facilitator.json examples in docs/session-format.md validate, and the comparison example in
  docs/report-format.md;
- a participant schema narrowed by the session's own modules (each item's kind, options and
  bounds, from `modules show --json`) accepts the real files and rejects a maturity stage of 7;
- the JSON report validates against report.schema.json, in every language, for the demo workshop
  (goals, votes; when the demo is a follow-up, also for its baseline) and for a session with one
  participant per department (the low-confidence warning, perception gaps that need two
  departments), and the demo's facilitator.json files validate;
- a follow-up chain (`new --follow-up`, the demo's first session first): each follow-up's
  session.json (`follows`) and facilitator.json (`reviews`, one reviewed by hand), the follow-up's
  JSON report (`follow_up`) in every language, also with the earlier session gone, and
  `compare --format json` over time (in English and Polish), with a question changed and one
  removed in the last session's modules;
- `compare --format json` side by side over three sessions, one with fewer modules and one with
  a damaged file, and the comparison CSV's columns;
- the new documents have no member the schemas leave out (checked against copies of the schemas
  that forbid other members), and their arrays have one entry per session;
- broken documents are rejected.
Needs the `jsonschema` package (scripts/test installs it when missing).
"""
import copy, datetime, glob, json, os, re, shutil, subprocess, sys, tempfile
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

binary = os.path.realpath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
names = ("session", "participant", "facilitator", "report", "comparison")
schemas = {name: json.load(open(f"{root}/docs/schema/{name}.schema.json")) for name in names}
for schema in schemas.values():
    Draft202012Validator.check_schema(schema)
registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
validators = {name: Draft202012Validator(s, registry=registry) for name, s in schemas.items()}

def closed(node):
    """A copy of a schema in which every object with listed members allows no other member: what
    omnigap writes today must be fully described, though readers are told to ignore new members."""
    if isinstance(node, list):
        return [closed(n) for n in node]
    if not isinstance(node, dict):
        return node
    copied = {k: closed(v) for k, v in node.items()}
    if copied.get("type") == "object" and "properties" in copied and "additionalProperties" not in copied:
        copied["additionalProperties"] = False
    return copied
closed_schemas = {name: closed(schemas[name]) for name in ("session", "facilitator", "comparison")}
closed_registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in closed_schemas.values()])
closed_validators = {name: Draft202012Validator(s, registry=closed_registry) for name, s in closed_schemas.items()}
closed_validators["follow_up"] = Draft202012Validator(
    {"$schema": "https://json-schema.org/draft/2020-12/schema", **closed(schemas["report"]["properties"]["follow_up"])},
    registry=closed_registry)

passed = failed = 0
def expect(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL " + what)

def errors(kind, document, validator=None):
    return [e.message for e in (validator or validators[kind]).iter_errors(document)]

def omnigap(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True, check=True).stdout

work = tempfile.mkdtemp()
session = f"{work}/session"
omnigap("new", session, "--title", "Schema check")
omnigap("simulate", session, "--participants", "12", "--seed", "3")
omnigap("record", session, "--participant", "Zoë Ł.", "--department", "it", "--item", "it.platform.releases", "--current", "2", "--target", "dk", "--comment", "Zażółć \"gęślą\" jaźń")
omnigap("record", session, "--participant", "Zoë Ł.", "--item", "it.platform.releases", "--clear")
omnigap("export", session, "--participant", "Zoë Ł.", "-o", f"{work}/export.json")

expect(not errors("session", json.load(open(f"{session}/session.json"))), "session.json validates")
participants = glob.glob(f"{session}/participants/p-*.json") + [f"{work}/export.json"]
for path in participants:
    found = errors("participant", json.load(open(path)))
    expect(not found, f"{path} validates: {found[:2]}")
doc = open(f"{root}/docs/session-format.md", encoding="utf-8").read()
example = re.search(r"## facilitator\.json.*?```json\n(.*?)```", doc, re.S).group(1)
facilitator = json.loads(example)
expect(not errors("facilitator", facilitator), "the documented facilitator.json example validates")

def narrowed(session_dir):
    """A participant schema for one session: each item's answer must fit its kind and bounds."""
    settings = json.load(open(f"{session_dir}/session.json"))
    properties = {}
    for module in settings["modules"]:
        shown = json.loads(omnigap("modules", "show", module["id"], "--json", "--modules", f"{session_dir}/modules"))
        for dimension in shown["dimensions"]:
            for item in dimension["items"]:
                base = {"$ref": "urn:omnigap:schema:participant:1#/$defs/%sAnswer" % item["kind"]}
                extra = {}
                if item["kind"] == "choice":
                    array = {"type": "array", "items": {"enum": [o["id"] for o in item["options"]]}}
                    if not item["multiple"]:
                        array.update(minItems=1, maxItems=1)
                    extra = {"properties": {"choice": {"anyOf": [array, {"const": "dont-know"}]}}}
                if item["kind"] == "number":
                    number = {"type": "number"}
                    if "min" in item: number["minimum"] = item["min"]
                    if "max" in item: number["maximum"] = item["max"]
                    side = {"anyOf": [number, {"const": "dont-know"}]}
                    extra = {"properties": {"current": side, "target": side}}
                properties[item["id"]] = {"anyOf": [{"allOf": [base, extra]},
                                                    {"$ref": "urn:omnigap:schema:participant:1#/$defs/clearedAnswer"}]}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "allOf": [{"$ref": "urn:omnigap:schema:participant:1"}],
              "properties": {"answers": {"properties": properties, "additionalProperties": False}}}
    return Draft202012Validator(schema, registry=registry)

narrow = narrowed(session)
for path in participants:
    found = errors(None, json.load(open(path)), narrow)
    expect(not found, f"the session-narrowed schema accepts {path}: {found[:2]}")

settings = json.load(open(f"{session}/session.json"))
participant = max((json.load(open(p)) for p in participants), key=lambda d: len(d["answers"]))
maturity = next(k for k, v in participant["answers"].items() if isinstance(v.get("current"), int) and 1 <= v["current"] <= 4)
def mutated(document, change):
    copied = copy.deepcopy(document)
    change(copied)
    return copied
broken = [
    ("session", "version \"x\"", mutated(settings, lambda d: d.update(version="x"))),
    ("session", "version 2", mutated(settings, lambda d: d.update(version=2))),
    ("session", "another format", mutated(settings, lambda d: d.update(format="omnigap-participant"))),
    ("session", "no modules", mutated(settings, lambda d: d.update(modules=[]))),
    ("session", "language de", mutated(settings, lambda d: d.update(language="de"))),
    ("participant", "version 2", mutated(participant, lambda d: d.update(version=2))),
    ("participant", "no profile", mutated(participant, lambda d: d.pop("profile"))),
    ("participant", "a time without a zone", mutated(participant, lambda d: d["done"].update(at="2026-11-23 18:40"))),
    ("participant", "importance 4", mutated(participant, lambda d: d["answers"][maturity].update(importance=4))),
    ("participant", "rev 0", mutated(participant, lambda d: d["answers"][maturity].update(rev=0))),
    ("participant", "no at", mutated(participant, lambda d: d["answers"][maturity].pop("at"))),
    ("participant", "an unknown member", mutated(participant, lambda d: d["answers"][maturity].update(mood="x"))),
    ("participant", "current and choice together", mutated(participant, lambda d: d["answers"][maturity].update(choice=["a"]))),
    ("facilitator", "version \"x\"", mutated(facilitator, lambda d: d.update(version="x"))),
    ("facilitator", "a goal without a statement", mutated(facilitator, lambda d: d["goals"][0].pop("statement"))),
]
for kind, what, document in broken:
    expect(bool(errors(kind, document)), f"the {kind} schema rejects {what}")
voted = mutated(participant, lambda d: d.update(votes={"value": {maturity: 2}, "at": "2026-11-23T18:40:12.345Z"}))
expect(not errors("participant", voted), "a participant file with dot votes validates")
expect(bool(errors("participant", mutated(voted, lambda d: d["votes"]["value"].update({maturity: 0})))), "a vote count of 0 is rejected")
seven = mutated(participant, lambda d: d["answers"][maturity].update(current=7))
expect(bool(errors(None, seven, narrow)), "the session-narrowed schema rejects a maturity stage of 7")

# The JSON report: the demo workshop (goals, votes, comments) in every language, and a session with
# one participant per department, whose report carries the low-confidence warning.
omnigap("demo", f"{work}/demo", "--no-ui")
# The demo is a follow-up of DIR-baseline, which agreed the goals, in builds that have follow-ups;
# in older builds it is a first session with goals of its own.
base = f"{work}/demo-baseline" if os.path.isdir(f"{work}/demo-baseline") else f"{work}/demo"
omnigap("new", f"{work}/one", "--title", "One each")
omnigap("simulate", f"{work}/one", "--participants", "5", "--seed", "5")
reports = {}
for name, folder in (("demo", f"{work}/demo"), ("one", f"{work}/one")) + ((("base", base),) if base != f"{work}/demo" else ()):
    for language in ("en", "pl", "sv", "it"):
        report = json.loads(omnigap("report", folder, "--format", "json", "--lang", language))
        reports[(name, language)] = report
        found = errors("report", report)
        expect(not found, f"the {language} JSON report of the {name} session validates: {found[:2]}")
demo, one = reports[("demo", "en")], reports[("one", "en")]
with_goals = reports.get(("base", "en"), demo)
expect(bool(with_goals["goals"]) and all(len(g["closes"]) == len(g["links"]) for g in with_goals["goals"]), "the demo's goals carry what they close")
for folder in {base, f"{work}/demo"}:
    state = json.load(open(f"{folder}/facilitator.json"))
    found = errors("facilitator", state) + errors(None, state, closed_validators["facilitator"])
    expect(not found, f"{os.path.basename(folder)}/facilitator.json, as omnigap wrote it, validates: {found[:2]}")
expect(one["confidence"] is not None and len(one["confidence"]["departments_below_quorum"]) == 5, "one per department: the warning names all five")
# A report without the low-confidence warning: the demo's baseline (the follow-up's own ranking
# may hold a question few answered, as a real room's can).
expect(with_goals["confidence"] is None, "the demo's baseline needs no warning")
expect(demo["follow_up"] is not None and demo["follow_up"]["comparison"] is not None, "the demo's report compares it with its baseline")
broken_reports = [
    ("six summary sentences", mutated(demo, lambda d: d.update(summary=d["summary"] + ["a", "b", "c"]))),
    ("a dimension without n", mutated(demo, lambda d: d["modules"][0]["dimensions"][0].pop("n"))),
    ("a goal without closes", mutated(with_goals, lambda d: d["goals"][0].pop("closes"))),
    ("a next step at stage 1", mutated(demo, lambda d: d["items"][0].update(next_step={"stage": 1, "text": "x"}))),
    ("a perception gap as text", mutated(demo, lambda d: d["perception_gaps"][0].update(gap="0,00"))),
    ("another format", mutated(demo, lambda d: d.update(format="omnigap-participant"))),
]
for what, document in broken_reports:
    expect(bool(errors("report", document)), f"the report schema rejects {what}")


# Follow-up sessions and comparisons (issue 18). The demo's first session, which agreed goals, is
# followed up; the follow-up, given a goal of its own and a review by hand (the console writes
# reviews), is followed up again with a changed question and a removed one.
def strict(kind, document):
    return errors(None, document, closed_validators[kind])

def consistent(comparison):
    """What no schema can say: one entry per session wherever the sessions are listed."""
    count = len(comparison["sessions"])
    problems = []
    rows = [m for m in comparison["modules"]] + [d for m in comparison["modules"] for d in m["dimensions"]]
    if any(len(r["sessions"]) != count for r in rows): problems.append("a module or dimension without one level per session")
    if any(len(p["gaps"]) != count or len(p["flagged"]) != count for p in comparison["perception"]): problems.append("perception without one gap per session")
    indices = [comparison["reference"]] + [i for r in rows for i in r["best"]] + [i for e in comparison["changed_items"] + comparison["items_not_in_all"] + comparison["modules_not_in_all"] for i in e["sessions"]]
    if any(i >= count for i in indices): problems.append("a session index out of range")
    if any(s["participants"] != sum(p["joined"] for p in s["participation"]) for s in comparison["sessions"]): problems.append("participants is not the sum joined")
    return problems

demo_settings = json.load(open(f"{base}/session.json"))
demo_goals = json.load(open(f"{base}/facilitator.json"))["goals"]
expect("follows" not in demo_settings and with_goals["follow_up"] is None and one["follow_up"] is None,
       "a first session has no follows, and its report's follow_up is null")
expect(len(demo_goals) >= 2, "the demo's first session agreed goals to carry over")
first_day = datetime.date.fromisoformat(demo_settings["date"])
later = [str(first_day + datetime.timedelta(days=days)) for days in (182, 364)]
omnigap("new", f"{work}/follow-up", "--title", "Follow-up", "--follow-up", base, "--date", later[0])
omnigap("simulate", f"{work}/follow-up", "--participants", "10", "--seed", "4")
follow_settings = json.load(open(f"{work}/follow-up/session.json"))
found = errors("session", follow_settings) + strict("session", follow_settings)
expect(not found, f"the follow-up's session.json validates: {found[:2]}")
expect(follow_settings.get("follows") == {"id": demo_settings["id"], "title": demo_settings["title"], "date": demo_settings["date"], "folder": "../" + os.path.basename(base)},
       f"follows names the demo workshop by a relative folder: {follow_settings.get('follows')}")
carried = json.load(open(f"{work}/follow-up/facilitator.json"))
found = errors("facilitator", carried) + strict("facilitator", carried)
expect(not found, f"the facilitator.json new --follow-up writes validates: {found[:2]}")
expect([r["goal"] for r in carried.get("reviews", [])] == demo_goals and all("status" not in r and "updated" not in r for r in carried["reviews"]),
       "the earlier goals are carried over as they were, not yet reviewed")
reviewed = mutated(carried, lambda d: d["reviews"][0].update(actual="2 h", status="on-track", note="Stores 1–12 live; the \"rest\" by autumn.",
                                                             updated="2027-06-01T10:12:00.000Z"))
reviewed["reviews"][1].update(status="done", updated="2027-06-01T10:14:30.000Z")
reviewed["goals"] = [{"id": "g-1", "statement": "Click and collect in every store", "kpi": "Stores offering it", "baseline": "3", "target": "40",
                      "owner": "Head of stores", "due": "", "links": [], "created": "2027-06-01T10:30:00.000Z", "updated": "2027-06-01T10:30:00.000Z"}]
with open(f"{work}/follow-up/facilitator.json", "w", encoding="utf-8") as file:
    json.dump(reviewed, file, ensure_ascii=False, indent=2)
found = errors("facilitator", reviewed) + strict("facilitator", reviewed)
expect(not found, f"a facilitator.json with a reviewed goal validates: {found[:2]}")
example = re.search(r"### In a follow-up session.*?```json\n(.*?)```", doc, re.S)
follow_example = json.loads(example.group(1)) if example else {}
found = errors("facilitator", follow_example) + strict("facilitator", follow_example)
expect(example is not None and not found and follow_example.get("reviews"), f"the documented follow-up facilitator.json example validates: {found[:2]}")

for language in ("en", "pl", "sv", "it"):
    report = json.loads(omnigap("report", f"{work}/follow-up", "--format", "json", "--lang", language))
    found = errors("report", report) + strict("follow_up", report["follow_up"])
    expect(not found, f"the {language} JSON report of the follow-up validates: {found[:2]}")
    follow_up = report["follow_up"]
    expect(follow_up["unavailable"] is None and follow_up["comparison"] is not None and not consistent(follow_up["comparison"]),
           f"the {language} follow-up report compares with the session before")
    expect([g["status"] for g in follow_up["goals_review"]] == ["on-track", "done"] + [None] * (len(demo_goals) - 2),
           f"the {language} follow-up report gives each goal's status")
    if language == "en": follow_report = report
# The earlier session out of reach: a copy of the follow-up whose earlier folder is not beside it.
os.makedirs(f"{work}/elsewhere")
shutil.copytree(f"{work}/follow-up", f"{work}/elsewhere/follow-up")
alone = json.loads(omnigap("report", f"{work}/elsewhere/follow-up", "--format", "json"))
found = errors("report", alone) + strict("follow_up", alone["follow_up"])
expect(not found and alone["follow_up"]["comparison"] is None and alone["follow_up"]["unavailable"], f"a follow-up whose earlier session is gone validates: {found[:2]}")

# The follow-up's own modules, with one question reworded and one removed, for the next follow-up.
modules = f"{work}/edited-modules"
shutil.copytree(f"{work}/follow-up/modules", modules)
def maturity_items(module_id):
    shown = json.loads(omnigap("modules", "show", module_id, "--json", "--modules", modules))
    return [(item, dimension) for dimension in shown["dimensions"] for item in dimension["items"] if item["kind"] == "maturity"]
everything = "".join(open(path, encoding="utf-8").read() for path in glob.glob(f"{modules}/*.yaml"))
departments = [m["id"] for m in follow_settings["modules"] if m["id"] not in follow_settings["shared_modules"]]
reworded = removed = None
for item, _ in maturity_items(departments[0]):
    path = f"{modules}/{departments[0]}.yaml"
    text = open(path, encoding="utf-8").read()
    line = re.search(r"- id: %s\n(?:.*\n)*?(\s+)en: %s\n" % (re.escape(item["id"]), re.escape(item["prompt"])), text)
    if line and line.group(0).count("- id: ") == 1:
        start, end = line.span()
        replaced = line.group(0)[:-1] + " Reworded\n"
        open(path, "w", encoding="utf-8").write(text[:start] + replaced + text[end:])
        reworded = item["id"]
        break
for item, dimension in maturity_items(departments[1]):
    path = f"{modules}/{departments[1]}.yaml"
    text = open(path, encoding="utf-8").read()
    block = re.search(r"^( +)- id: %s\n(?:\1 .*\n|\n)*" % re.escape(item["id"]), text, re.M)
    if everything.count(item["id"]) == 1 and len(dimension["items"]) > 1 and block:
        open(path, "w", encoding="utf-8").write(text[:block.start()] + text[block.end():])
        removed = item["id"]
        break
omnigap("modules", "validate", "--modules", modules)
expect(reworded and removed, f"a question reworded ({reworded}) and one removed ({removed})")
omnigap("new", f"{work}/follow-up-2", "--title", "Second follow-up", "--follow-up", f"{work}/follow-up", "--date", later[1], "--module-dir", modules)
omnigap("simulate", f"{work}/follow-up-2", "--participants", "10", "--seed", "6")
carried = json.load(open(f"{work}/follow-up-2/facilitator.json"))
found = errors("facilitator", carried) + strict("facilitator", carried)
expect(not found and [r["goal"]["id"] for r in carried["reviews"]] == ["g-1"], f"the second follow-up carries the first follow-up's goal: {found[:2]}")

ids = [json.load(open(f"{folder}/session.json"))["id"] for folder in (base, f"{work}/follow-up", f"{work}/follow-up-2")]
for language in ("en", "pl"):
    # Given out of order: the chain puts them in order.
    chain = json.loads(omnigap("compare", f"{work}/follow-up-2", base, f"{work}/follow-up", "--format", "json", "--lang", language))
    found = errors("comparison", chain) + strict("comparison", chain) + consistent(chain)
    expect(not found, f"the {language} comparison over time validates: {found[:2]}")
expect(chain["mode"] == "over-time" and [s["id"] for s in chain["sessions"]] == ids and chain["reference"] == 2
       and [s["follows"] for s in chain["sessions"]] == [None] + ids[:2], "over time: the chain in order, the newest the reference")
expect(any(c["id"] == reworded and c["what"] == ["prompt"] and c["sessions"] == [0, 1] for c in chain["changed_items"]), "the reworded question is listed as changed")
expect(any(c["id"] == removed and c["sessions"] == [0, 1] for c in chain["items_not_in_all"]), "the removed question is listed as not in all")
expect(reworded not in chain["compared_items"] and removed not in chain["compared_items"], "neither is compared")
expect(chain["goals_review"] is not None and chain["goals_review"]["earlier"] == chain["sessions"][1]["label"]
       and [g["statement"] for g in chain["goals_review"]["goals"]] == ["Click and collect in every store"], "the goals under review are the last session's")

# Side by side: three branches, the third with fewer modules, the second with a damaged file.
modules_of = [m["id"] for m in json.load(open(f"{work}/one/session.json"))["modules"]]
shared = json.load(open(f"{work}/one/session.json"))["shared_modules"]
fewer = [m for m in modules_of if m not in shared][:2] + shared
for name, extra in (("north", []), ("south", ["--lang", "pl"]), ("east", ["--modules", ",".join(fewer)])):
    omnigap("new", f"{work}/{name}", "--title", name.capitalize(), *extra)
    omnigap("simulate", f"{work}/{name}", "--participants", "8", "--seed", str(len(name)))
open(f"{work}/south/participants/p-00000000000000bb.json", "w").write('{"format": "omnigap-participant", "vers')
branches = [f"{work}/north", f"{work}/south", f"{work}/east"]
side = json.loads(omnigap("compare", *branches, "--format", "json", "--label", "Nord", "--label", "Süd", "--label", "East \"new\""))
found = errors("comparison", side) + strict("comparison", side) + consistent(side)
expect(not found, f"the comparison side by side validates: {found[:2]}")
expect(side["mode"] == "side-by-side" and side["reference"] == 0 and side["goals_review"] is None and not side["moved"]
       and all(m["change"] is None for m in side["modules"]), "side by side: no change, no moved questions, no goals")
expect(sorted(m["id"] for m in side["modules_not_in_all"]) == sorted(set(modules_of) - set(fewer)) and all(m["sessions"] == [0, 1] for m in side["modules_not_in_all"]),
       "the modules the third branch lacks are listed")
expect(len(side["skipped"]) == 1 and side["skipped"][0]["path"].startswith("Süd: "), f"the damaged file is skipped, led by its label: {side['skipped']}")
csv = subprocess.run([binary, "compare", *branches, "--format", "csv"], capture_output=True, check=True).stdout.decode("utf-8")
header = csv.split("\r\n")[0]
expect(header == "\ufeffscope,module,dimension,title,session,label,date,current,target,gap,n,items_rated,change_current,change_target,closed,spread,best"
       and csv.count("\r\n") == 1 + 3 * sum(1 + len(m["dimensions"]) for m in side["modules"]), f"the comparison CSV has the documented columns: {header!r}")

broken_follow_ups = [
    ("session", "follows without a folder", mutated(follow_settings, lambda d: d["follows"].pop("folder"))),
    ("session", "follows with a bad id", mutated(follow_settings, lambda d: d["follows"].update(id="s-1"))),
    ("facilitator", "a review status \"maybe\"", mutated(reviewed, lambda d: d["reviews"][0].update(status="maybe"))),
    ("facilitator", "a review without its goal", mutated(reviewed, lambda d: d["reviews"][0].pop("goal"))),
    ("facilitator", "a reviewed goal without a statement", mutated(reviewed, lambda d: d["reviews"][0]["goal"].pop("statement"))),
    ("comparison", "mode \"sideways\"", mutated(side, lambda d: d.update(mode="sideways"))),
    ("comparison", "one session", mutated(side, lambda d: d.update(sessions=d["sessions"][:1]))),
    ("comparison", "a change side by side", mutated(side, lambda d: d["modules"][0].update(change={"current": 1, "target": 0, "closed": None}))),
    ("comparison", "a spread over time", mutated(chain, lambda d: d["modules"][0]["dimensions"][0].update(spread=0.5))),
    ("comparison", "no change over time", mutated(chain, lambda d: d["modules"][0].update(change=None))),
    ("comparison", "a moved question side by side", mutated(side, lambda d: d["moved"].append(chain["moved"][0] if chain["moved"] else {}))),
    ("comparison", "a level without items_rated", mutated(side, lambda d: d["modules"][0]["sessions"][0].pop("items_rated"))),
    ("comparison", "a review status \"maybe\"", mutated(chain, lambda d: d["goals_review"]["goals"][0].update(status="maybe"))),
    ("comparison", "a perception gap as text", mutated(chain, lambda d: d["perception"][0]["gaps"].__setitem__(0, "0,50"))),
    ("comparison", "a changed question that changed nothing", mutated(chain, lambda d: d["changed_items"][0].update(what=[]))),
    ("comparison", "another format", mutated(side, lambda d: d.update(format="omnigap-report"))),
    ("report", "a follow_up without its goals", mutated(follow_report, lambda d: d["follow_up"].pop("goals_review"))),
    ("report", "a follow_up both compared and unavailable", mutated(follow_report, lambda d: d["follow_up"].update(unavailable="gone"))),
    ("report", "a follow_up compared side by side", mutated(follow_report, lambda d: d["follow_up"].update(comparison=side))),
    ("report", "a follow_up review status \"maybe\"", mutated(follow_report, lambda d: d["follow_up"]["goals_review"][0].update(status="maybe"))),
    ("report", "no follow_up", mutated(follow_report, lambda d: d.pop("follow_up"))),
]
for kind, what, document in broken_follow_ups:
    expect(bool(errors(kind, document)), f"the {kind} schema rejects {what}")
expect(bool(strict("comparison", mutated(side, lambda d: d["sessions"][0].update(colour="red")))), "the closed comparison schema rejects an unknown member")
documented = re.search(r"## The comparison \(`omnigap compare`\).*?#### Example.*?```json\n(.*?)```",
                       open(f"{root}/docs/report-format.md", encoding="utf-8").read(), re.S)
documented = json.loads(documented.group(1)) if documented else {}
found = errors("comparison", documented) + strict("comparison", documented)
expect(documented and not found, f"the documented comparison example validates: {found[:2]}")

print(f"schemas: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
