#!/usr/bin/env python3
"""Checks an HTML gap report against the JSON report of the same session.

Usage: check_html_report.py REPORT.html REPORT.json [LANG]

- The HTML parses as well-formed XML (so every tag is closed and every `&` escaped).
- It is self-contained: no script, no external stylesheet, image or frame, no link off the page.
- Every id is used once, and every link on the page has its target.
- Every department has its section, marked to start a printed page.
- The charts draw the JSON's numbers: each radar point's data-value equals the dimension's
  current or target, and lies value/4 of the radius from the centre; each top-gap bar's
  priority equals the item's, and its width is priority × scale.
Standard library only. Exits non-zero with a message naming the first thing that is wrong.
"""
import json
import math
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def fail(message):
    sys.exit(f"check_html_report: {message}")


def main():
    html_path, json_path = sys.argv[1], sys.argv[2]
    language = sys.argv[3] if len(sys.argv) > 3 else None
    try:
        root = ET.parse(html_path).getroot()
    except ET.ParseError as error:
        fail(f"{html_path} is not well-formed: {error}")
    report = json.load(open(json_path, encoding="utf-8"))
    if root.tag != "html":
        fail(f"the root element is {root.tag}, not html")
    if language and root.get("lang") != language:
        fail(f"lang is {root.get('lang')}, expected {language}")

    for element in root.iter():
        tag = element.tag.replace(SVG, "")
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            fail(f"a <{tag}> element: the report must be self-contained and inert")
        if element.get("src") is not None:
            fail(f"<{tag}> loads {element.get('src')}")
        href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href")
        if href is not None and not href.startswith("#"):
            fail(f"<{tag}> links off the page to {href}")
        if any(name.lower().startswith("on") for name in element.attrib):
            fail(f"<{tag}> has an event handler attribute")

    ids = [element.get("id") for element in root.iter() if element.get("id") is not None]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        fail(f"ids used more than once: {repeated}")
    for element in root.iter():
        href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href")
        if href is not None and href[1:] not in ids:
            fail(f"the link {href} has no target")

    dimensions = {(m["id"], d["id"]): d for m in report["modules"] for d in m["dimensions"]}
    sections = {s.get("data-module"): s for s in root.iter("section") if "department" in (s.get("class") or "").split()}
    for module in report["modules"]:
        section = sections.get(module["id"])
        if section is None:
            fail(f"no section for {module['id']}")
        if "page" not in section.get("class").split():
            fail(f"the section of {module['id']} does not start a printed page")

    points = 0
    for svg in root.iter(SVG + "svg"):
        module = svg.get("data-module")
        if "radar" in (svg.get("class") or ""):
            radius, cx, cy = float(svg.get("data-radius")), float(svg.get("data-cx")), float(svg.get("data-cy"))
            for circle in svg.iter(SVG + "circle"):
                series, dimension = circle.get("data-series"), circle.get("data-dimension")
                expected = dimensions[(module, dimension)][series]
                value = float(circle.get("data-value"))
                if expected is None or abs(value - expected) > 1e-9:
                    fail(f"{module}/{dimension} {series}: the radar says {value}, the JSON {expected}")
                drawn = math.hypot(float(circle.get("cx")) - cx, float(circle.get("cy")) - cy) / radius * 4
                if abs(drawn - expected) > 0.001:
                    fail(f"{module}/{dimension} {series}: drawn at {drawn:.4f}, the JSON says {expected}")
                points += 1
        elif "bars" in (svg.get("class") or ""):
            for rect in svg.iter(SVG + "rect"):
                series, dimension = rect.get("data-series"), rect.get("data-dimension")
                expected = dimensions[(module, dimension)][series]
                if abs(float(rect.get("data-value")) - expected) > 1e-9 or abs(float(rect.get("width")) / 100 - expected) > 0.001:
                    fail(f"{module}/{dimension} {series}: the bar does not show {expected}")
                points += 1
        elif "gaps" in (svg.get("class") or ""):
            scale = float(svg.get("data-scale"))
            items = {i["id"]: i for i in report["items"]}
            bars = [r for r in svg.iter(SVG + "rect") if r.get("data-item")]
            ranked = [i for i in report["ranking"] if (items[i].get("priority") or 0) > 0][: len(bars)]
            if [b.get("data-item") for b in bars] != ranked:
                fail(f"the top-gap bars are {[b.get('data-item') for b in bars]}, the JSON ranking {ranked}")
            for bar in bars:
                priority = items[bar.get("data-item")]["priority"]
                if abs(float(bar.get("data-priority")) - priority) > 1e-9 or abs(float(bar.get("width")) / scale - priority) > 0.001:
                    fail(f"the bar of {bar.get('data-item')} does not show priority {priority}")
                points += 1
    rated = sum(1 for d in dimensions.values() for key in ("current", "target") if d[key] is not None)
    if points < rated:
        fail(f"only {points} chart marks for {rated} rated dimension values")
    print(f"ok: well-formed, self-contained, {len(sections)} department sections, {points} chart marks match the JSON")


if __name__ == "__main__":
    main()
