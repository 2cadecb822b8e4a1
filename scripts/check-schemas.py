#!/usr/bin/env python3
"""Checks that the JSON Schemas in docs/schema describe what omnigap really writes.

Usage: scripts/check-schemas.py PATH-TO-OMNIGAP

It makes a session with the real binary (simulated and recorded participants, an export), then:
- every schema is itself a valid draft 2020-12 schema;
- session.json, every participant file and the export validate;
- the facilitator.json example in docs/session-format.md validates (no command writes that file yet);
- a participant schema narrowed by the session's own modules (each item's kind, options and
  bounds, from `modules show --json`) accepts the real files and rejects a maturity stage of 7;
- the JSON report validates against report.schema.json, in every language, for the demo workshop
  (goals, votes) and for a session with one participant per department (the low-confidence
  warning, perception gaps that need two departments);
- broken documents are rejected.
Needs the `jsonschema` package (scripts/test installs it when missing).
"""
import copy, glob, json, os, re, subprocess, sys, tempfile
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

binary = os.path.realpath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
schemas = {name: json.load(open(f"{root}/docs/schema/{name}.schema.json")) for name in ("session", "participant", "facilitator", "report")}
for schema in schemas.values():
    Draft202012Validator.check_schema(schema)
registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
validators = {name: Draft202012Validator(s, registry=registry) for name, s in schemas.items()}

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
omnigap("new", f"{work}/one", "--title", "One each")
omnigap("simulate", f"{work}/one", "--participants", "5", "--seed", "5")
reports = {}
for name, folder in (("demo", f"{work}/demo"), ("one", f"{work}/one")):
    for language in ("en", "pl", "sv", "it"):
        report = json.loads(omnigap("report", folder, "--format", "json", "--lang", language))
        reports[(name, language)] = report
        found = errors("report", report)
        expect(not found, f"the {language} JSON report of the {name} session validates: {found[:2]}")
demo, one = reports[("demo", "en")], reports[("one", "en")]
expect(bool(demo["goals"]) and all(len(g["closes"]) == len(g["links"]) for g in demo["goals"]), "the demo's goals carry what they close")
expect(one["confidence"] is not None and len(one["confidence"]["departments_below_quorum"]) == 5, "one per department: the warning names all five")
expect(demo["confidence"] is None, "the demo workshop needs no warning")
broken_reports = [
    ("six summary sentences", mutated(demo, lambda d: d.update(summary=d["summary"] + ["a", "b", "c"]))),
    ("a dimension without n", mutated(demo, lambda d: d["modules"][0]["dimensions"][0].pop("n"))),
    ("a goal without closes", mutated(demo, lambda d: d["goals"][0].pop("closes"))),
    ("a next step at stage 1", mutated(demo, lambda d: d["items"][0].update(next_step={"stage": 1, "text": "x"}))),
    ("a perception gap as text", mutated(demo, lambda d: d["perception_gaps"][0].update(gap="0,00"))),
    ("another format", mutated(demo, lambda d: d.update(format="omnigap-participant"))),
]
for what, document in broken_reports:
    expect(bool(errors("report", document)), f"the report schema rejects {what}")

print(f"schemas: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
