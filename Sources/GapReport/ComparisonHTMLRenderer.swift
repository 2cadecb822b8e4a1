import Basics
import Foundation
import Questionnaire
import Scoring

/// The comparison as one self-contained HTML page with the report's stylesheet: a slope chart
/// per department over time (then → now, a line per dimension), a dot chart per department side
/// by side (a dot per session), the tables, and the lists. Well-formed XML, so tools and the
/// tests can read the charts' numbers back from their `data-` attributes.
public enum ComparisonHTMLRenderer {
    public static func render(_ document: ComparisonDocument) -> String {
        var writer = ComparisonHTMLWriter(document: document)
        writer.write()
        return writer.lines.joined(separator: "\n") + "\n"
    }

    /// The gap report's section on the session before: the summary and each module's table.
    static func sinceSection(_ document: ComparisonDocument, heading: String) -> [String] {
        var writer = ComparisonHTMLWriter(document: document)
        writer.lines += ["<section id=\"since\" class=\"compact\">", "<h2>\(HTMLReportRenderer.escape(heading))</h2>",
                         "<p class=\"key-points\">\(HTMLReportRenderer.escape(writer.phrases.summary().joined(separator: " ")))</p>"]
        for module in document.comparison.modules {
            writer.lines.append("<h3>\(HTMLReportRenderer.escape(document.moduleTitle(module.module)))</h3>")
            writer.table(module)
        }
        writer.lines += ["<p class=\"note\">\(HTMLReportRenderer.escape(writer.words.legendOverTime))</p>",
                         "<h3>\(HTMLReportRenderer.escape(writer.words.notComparedTitle))</h3>"] + writer.notComparedLists() + ["</section>"]
        return writer.lines
    }

    /// "Goals since …" as a table: status, goal, KPI then → now, owner and due date, note.
    static func goalReviewSection(_ review: GoalReviewSection, language: Language) -> [String] {
        let phrases = GoalReviewPhrases(language: language)
        let words = phrases.words, report = phrases.report
        func e(_ text: String) -> String { HTMLReportRenderer.escape(text) }
        var lines = ["<section id=\"goals-review\" class=\"compact\">",
                     "<h2>\(e(ComparisonStrings.fill(words.goalsTitle, ["then": review.earlier])))</h2>"]
        if review.reviews.isEmpty {
            lines.append("<p class=\"empty\">\(e(review.emptyText(words)))</p>")
        } else {
            lines += ["<table class=\"goals review\">", "<thead><tr><th class=\"n\">#</th><th></th><th>\(e(HTMLReportStrings.forLanguage(language).goal))</th>"
                        + "<th>\(e(report.goalKPI))</th><th>\(e(report.goalOwner))</th><th>\(e(words.goalNote))</th></tr></thead>", "<tbody>"]
            for (index, entry) in review.reviews.enumerated() {
                let goal = entry.goal
                let figures = phrases.goalFigures(entry) ?? ""
                lines.append("<tr data-status=\"\(entry.status?.rawValue ?? "open")\"><td class=\"n\">\(index + 1)</td>"
                    + "<td><span class=\"status \(entry.status?.rawValue ?? "open")\">\(e(phrases.status(entry.status)))</span></td>"
                    + "<td>\(e(goal.statement))</td><td>\(e(figures))</td>"
                    + "<td>\(e(goal.owner))\(goal.due.isEmpty ? "" : " · " + e(goal.due))</td><td>\(e(entry.note))</td></tr>")
            }
            lines += ["</tbody>", "</table>"]
        }
        lines.append("</section>")
        return lines
    }

    /// The comparison's own rules, after the report's: the slope and dot charts, the session
    /// colours, and the goals' status badges.
    static let css = """
        ul.sessions { margin: .3rem 0 .6rem; padding-left: 1.2rem; color: var(--muted); }
        svg .slope polyline { fill: none; stroke-width: 2.5; }
        svg .slope.up polyline { stroke: #2e8b57; } svg .slope.up circle { fill: #2e8b57; }
        svg .slope.down polyline { stroke: #c0392b; } svg .slope.down circle { fill: #c0392b; }
        svg .slope.flat polyline { stroke: #7f8c8d; } svg .slope.flat circle { fill: #7f8c8d; }
        svg .slope-label { font-size: 12px; }
        svg .session-label { font-size: 12px; font-weight: bold; fill: var(--accent); }
        svg circle.dot { stroke: #fff; stroke-width: 1; }
        svg circle.ring { fill: none; stroke-width: 2; }
        .s0 { fill: #2f5d8a; stroke: #2f5d8a; background: #2f5d8a; } .s1 { fill: #c0392b; stroke: #c0392b; background: #c0392b; }
        .s2 { fill: #2e8b57; stroke: #2e8b57; background: #2e8b57; } .s3 { fill: #8e44ad; stroke: #8e44ad; background: #8e44ad; }
        .s4 { fill: #d35400; stroke: #d35400; background: #d35400; } .s5 { fill: #16a085; stroke: #16a085; background: #16a085; }
        svg circle.ring.s0, svg circle.ring.s1, svg circle.ring.s2, svg circle.ring.s3, svg circle.ring.s4, svg circle.ring.s5 { fill: none; }
        .legend .dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin: 0 .3rem 0 .8rem; vertical-align: middle; }
        td.best { font-weight: bold; }
        .status { display: inline-block; font-size: .75rem; padding: 0 .35rem; border-radius: 3px; white-space: nowrap; border: 1px solid var(--rule); }
        .status.done { background: #e3f1e8; color: #1e6b3d; } .status.on-track { background: #eef2f6; color: var(--accent); }
        .status.late { background: #fff4e5; color: #8a4b00; } .status.dropped { background: #f3f3f3; color: var(--muted); }
        .up { color: #1e6b3d; } .down { color: #a01d10; }
        @media print { figure.slope svg, figure.dots svg { max-height: 11cm; } }
        """
}

/// Builds the comparison page section by section.
struct ComparisonHTMLWriter {
    let document: ComparisonDocument
    let phrases: ComparisonPhrases
    var lines: [String] = []

    init(document: ComparisonDocument) {
        self.document = document
        phrases = ComparisonPhrases(document)
    }

    var words: ComparisonStrings { phrases.words }
    var comparison: SessionComparison { document.comparison }
    var sessions: [ComparedSession] { comparison.sessions }
    var numbers: LocalizedNumbers { phrases.numbers }

    private func e(_ text: String) -> String { HTMLReportRenderer.escape(text) }

    mutating func write() {
        let title = comparison.mode == .overTime ? comparison.last.title : sessions.map(\.label).joined(separator: " · ")
        lines += ["<!DOCTYPE html>", "<html lang=\"\(document.language.rawValue)\">", "<head>", "<meta charset=\"utf-8\"/>",
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>", "<meta name=\"generator\" content=\"omnigap\"/>",
                  "<title>\(e(phrases.title() + ": " + title))</title>", "<style>", HTMLReportStyle.css, ComparisonHTMLRenderer.css, "</style>",
                  "</head>", "<body data-mode=\"\(comparison.mode.rawValue)\">"]
        lines += ["<header>", "<p class=\"kicker\">\(e(phrases.title()))</p>", "<h1>\(e(title))</h1>", "<ul class=\"sessions\">"]
            + phrases.sessionLines().map { "<li>\(e($0))</li>" } + ["</ul>", "</header>"]
        lines += ["<section id=\"summary\">", "<h2>\(e(words.summary))</h2>",
                  "<div class=\"key-points\">" + phrases.summary().map { "<p>\(e($0))</p>" }.joined() + "</div>", "</section>"]
        for module in comparison.modules { department(module) }
        if comparison.mode == .overTime { movedAndDisagreements() }
        perception()
        if let review = document.review { lines += ComparisonHTMLRenderer.goalReviewSection(review, language: document.language) }
        notCompared()
        lines += ["<section id=\"method\" class=\"compact\">", "<h2>\(e(words.methodTitle))</h2>"] + words.methodText.map { "<p>\(e($0))</p>" }
            + ["</section>"]
        if !document.skipped.isEmpty {
            lines += ["<section id=\"skipped\" class=\"compact\">", "<h2>\(e(phrases.report.skippedFiles))</h2>", "<ul>"]
                + document.skipped.map { "<li>\(e("\($0.path): \($0.reason)"))</li>" } + ["</ul>", "</section>"]
        }
        lines += ["</body>", "</html>"]
    }

    private mutating func department(_ module: ModuleComparison) {
        lines += ["<section class=\"page department\" data-module=\"\(e(module.module))\">",
                  "<h2>\(e(document.moduleTitle(module.module)))" + (module.isShared ? " <small>(\(e(phrases.report.sharedSection)))</small>" : "") + "</h2>"]
        if module.levels.contains(where: { $0.current != nil }) {
            switch comparison.mode {
            case .overTime:
                lines += ["<figure class=\"chart slope\">", slopeChart(module), "<figcaption>\(e(words.slopeCaption))</figcaption>", "</figure>"]
            case .sideBySide:
                lines += ["<figure class=\"chart dots\">", dotChart(module), "<figcaption>\(e(words.dotCaption))</figcaption>", "</figure>", sessionLegend()]
            }
        }
        table(module)
        lines += ["<p class=\"note\">\(e(comparison.mode == .overTime ? words.legendOverTime : words.legendSideBySide))</p>", "</section>"]
    }

    mutating func table(_ module: ModuleComparison) {
        let rows = module.dimensions.map { ($0.dimension, document.dimensionTitle(module: module.module, dimension: $0.dimension), $0.levels, $0.change, $0.spread, $0.best) }
            + [("", ComparisonStrings.fill(words.allDimensions, ["module": document.moduleTitle(module.module)]), module.levels, module.change,
                module.spread, module.best)]
        let labels = sessions.map { "<th class=\"n\">\(e($0.label))</th>" }.joined()
        switch comparison.mode {
        case .overTime:
            lines += ["<table class=\"comparison\" data-module=\"\(e(module.module))\">",
                      "<thead><tr><th>\(e(words.dimension))</th>\(labels)<th class=\"n\">\(e(words.change))</th><th class=\"n\">\(e(words.target))</th>"
                        + "<th class=\"n\">\(e(words.closed))</th></tr></thead>", "<tbody>"]
            for row in rows {
                let direction = (row.3?.current).map { $0 >= ComparisonPhrases.noticeableChange ? " up" : ($0 <= -ComparisonPhrases.noticeableChange ? " down" : "") } ?? ""
                let cells = row.2.map { "<td class=\"n\">\(numbers.fixed($0.current))</td>" }.joined()
                lines.append("<tr\(row.0.isEmpty ? " class=\"total\"" : " data-dimension=\"\(e(row.0))\"")><td>\(row.0.isEmpty ? "<strong>\(e(row.1))</strong>" : e(row.1))</td>\(cells)"
                    + "<td class=\"n\(direction)\">\(phrases.signed(row.3?.current))</td>"
                    + "<td class=\"n\">\(numbers.fixed(row.2.first?.target)) → \(numbers.fixed(row.2.last?.target))</td>"
                    + "<td class=\"n\">\(phrases.percent(row.3?.closed))</td></tr>")
            }
        case .sideBySide:
            lines += ["<table class=\"comparison\" data-module=\"\(e(module.module))\">",
                      "<thead><tr><th>\(e(words.dimension))</th>\(labels)<th class=\"n\">\(e(words.spread))</th></tr></thead>", "<tbody>"]
            for row in rows {
                let cells = row.2.indices.map { index in
                    let level = row.2[index]
                    let best = row.5.contains(index)
                    return "<td class=\"n\(best ? " best" : "")\">" + (level.current == nil ? "–"
                        : "\(numbers.fixed(level.current)) / \(numbers.fixed(level.target))" + (best ? " ▲" : "")) + "</td>"
                }.joined()
                lines.append("<tr\(row.0.isEmpty ? " class=\"total\"" : " data-dimension=\"\(e(row.0))\"")><td>\(row.0.isEmpty ? "<strong>\(e(row.1))</strong>" : e(row.1))</td>\(cells)"
                    + "<td class=\"n\">\(numbers.fixed(row.4))</td></tr>")
            }
        }
        lines += ["</tbody>", "</table>"]
    }

    /// Then → now: a line per dimension through its current stage in each session, on a
    /// vertical scale of 1 to 4, the dimension's name at the line's right end.
    private func slopeChart(_ module: ModuleComparison) -> String {
        let top = 24.0, bottom = 204.0, left = 90.0, right = 330.0
        func y(_ value: Double) -> Double { bottom - (max(1, min(4, value)) - 1) / 3 * (bottom - top) }
        func x(_ index: Int) -> Double { sessions.count == 1 ? left : left + Double(index) * (right - left) / Double(sessions.count - 1) }
        // The names at the right end, nudged apart so that none overlaps another.
        let drawn = module.dimensions.filter { $0.levels.contains { $0.current != nil } }
        var labelY: [String: Double] = [:]
        var next = -Double.infinity
        for dimension in drawn.sorted(by: { y(lastValue($0) ?? 1) < y(lastValue($1) ?? 1) }) {
            let wanted = y(lastValue(dimension) ?? 1) + 4
            let placed = max(wanted, next + 15)
            labelY[dimension.dimension] = placed
            next = placed
        }
        let height = max(bottom + 40, (labelY.values.max() ?? 0) + 12)
        var svg = ["<svg class=\"slope\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 \(coordinate(height))\" role=\"img\" "
            + "aria-label=\"\(e(document.moduleTitle(module.module)))\" data-module=\"\(e(module.module))\" data-top=\"\(coordinate(top))\" data-bottom=\"\(coordinate(bottom))\">"]
        for stage in 1...4 {
            svg.append("<line class=\"grid\" x1=\"\(coordinate(left - 10))\" y1=\"\(coordinate(y(Double(stage))))\" x2=\"\(coordinate(right + 10))\" y2=\"\(coordinate(y(Double(stage))))\"/>"
                + "<text class=\"ring-label\" x=\"\(coordinate(left - 24))\" y=\"\(coordinate(y(Double(stage)) + 4))\" text-anchor=\"end\">\(stage)</text>")
        }
        for index in sessions.indices {
            svg.append("<text class=\"session-label\" x=\"\(coordinate(x(index)))\" y=\"\(coordinate(bottom + 24))\" text-anchor=\"middle\">"
                + "\(e(DisplayWidth.truncate(sessions[index].label, to: 16)))</text>")
        }
        for dimension in drawn {
            let change = dimension.change?.current ?? 0
            let direction = change >= ComparisonPhrases.noticeableChange ? "up" : (change <= -ComparisonPhrases.noticeableChange ? "down" : "flat")
            let points = dimension.levels.indices.compactMap { index in dimension.levels[index].current.map { (index, $0) } }
            svg.append("<g class=\"slope \(direction)\" data-dimension=\"\(e(dimension.dimension))\">")
            if points.count >= 2 {
                svg.append("<polyline points=\"" + points.map { "\(coordinate(x($0.0))),\(coordinate(y($0.1)))" }.joined(separator: " ") + "\"/>")
            }
            for (index, value) in points {
                svg.append("<circle cx=\"\(coordinate(x(index)))\" cy=\"\(coordinate(y(value)))\" r=\"4\" data-session=\"\(index)\" data-value=\"\(JSONText.number(value))\"/>")
            }
            let name = DisplayWidth.truncate(document.dimensionTitle(module: module.module, dimension: dimension.dimension), to: 34)
            let figures = dimension.levels.first?.current == nil || dimension.levels.last?.current == nil ? numbers.fixed(lastValue(dimension))
                : "\(numbers.fixed(dimension.levels.first?.current)) → \(numbers.fixed(dimension.levels.last?.current))"
            svg.append("<text class=\"slope-label\" x=\"\(coordinate(right + 22))\" y=\"\(coordinate(labelY[dimension.dimension] ?? 0))\">\(e(name)) "
                + "<tspan class=\"figures\">\(e(figures))</tspan></text>")
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private func lastValue(_ dimension: DimensionComparison) -> Double? {
        dimension.levels.last(where: { $0.current != nil })?.current
    }

    /// Side by side: a row per dimension on a scale of 0 to 4, a filled dot for each session's
    /// current and a ring for its target, in the session's colour.
    private func dotChart(_ module: ModuleComparison) -> String {
        let labelWidth = 250.0, scale = 100.0, offset = 5.0
        let rowHeight = max(30.0, 14 + offset * Double(sessions.count))
        let height = Double(module.dimensions.count) * rowHeight + 24
        var svg = ["<svg class=\"dots\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 \(coordinate(height))\" role=\"img\" "
            + "aria-label=\"\(e(document.moduleTitle(module.module)))\" data-module=\"\(e(module.module))\" data-scale=\"\(coordinate(scale))\" data-left=\"\(coordinate(labelWidth))\">"]
        svg += stageScale(left: labelWidth, scale: scale, height: height)
        for (row, dimension) in module.dimensions.enumerated() {
            let top = Double(row) * rowHeight
            let name = DisplayWidth.truncate(document.dimensionTitle(module: module.module, dimension: dimension.dimension), to: 30)
            svg.append("<text class=\"bar-label\" x=\"0\" y=\"\(coordinate(top + rowHeight / 2 + 4))\">\(e(name))</text>")
            for (index, level) in dimension.levels.enumerated() {
                let y = top + 7 + offset * Double(index) + 4
                let colour = "s\(index % 6)"
                if let target = level.target {
                    svg.append("<circle class=\"ring \(colour)\" cx=\"\(coordinate(labelWidth + target * scale))\" cy=\"\(coordinate(y))\" r=\"5\" "
                        + "data-dimension=\"\(e(dimension.dimension))\" data-session=\"\(index)\" data-series=\"target\" data-value=\"\(JSONText.number(target))\"/>")
                }
                if let current = level.current {
                    svg.append("<circle class=\"dot \(colour)\" cx=\"\(coordinate(labelWidth + current * scale))\" cy=\"\(coordinate(y))\" r=\"5\" "
                        + "data-dimension=\"\(e(dimension.dimension))\" data-session=\"\(index)\" data-series=\"current\" data-value=\"\(JSONText.number(current))\"/>")
                }
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private func sessionLegend() -> String {
        "<p class=\"legend\">" + sessions.indices.map { "<span class=\"dot s\($0 % 6)\"></span>\(e(sessions[$0].label))" }.joined(separator: " ") + "</p>"
    }

    private mutating func movedAndDisagreements() {
        lines += ["<section id=\"moved\" class=\"compact\">", "<h2>\(e(words.movedTitle))</h2>"]
        if comparison.moved.isEmpty { lines.append("<p class=\"empty\">\(e(words.noneMoved))</p>") } else {
            lines.append("<ul class=\"items moved\">")
            for item in comparison.moved {
                lines.append("<li data-item=\"\(e(item.item.rawValue))\"><span class=\"\(item.change > 0 ? "up" : "down")\">\(item.change > 0 ? "▲" : "▼") \(phrases.signed(item.change))</span> "
                    + "<span class=\"figures\">\(numbers.fixed(item.then)) → \(numbers.fixed(item.now))</span> \(e(document.prompt(item.item))) "
                    + "<span class=\"who\">\(e(document.moduleTitle(item.module)))</span></li>")
            }
            lines.append("</ul>")
        }
        lines += ["<h3>\(e(words.disagreementsTitle))</h3>"]
        if comparison.newDisagreements.isEmpty && comparison.resolvedDisagreements.isEmpty {
            lines.append("<p class=\"empty\">\(e(words.noDisagreementChange))</p>")
        }
        for (title, items) in [(words.newDisagreements, comparison.newDisagreements), (words.settledDisagreements, comparison.resolvedDisagreements)]
        where !items.isEmpty {
            lines += ["<p>\(e(title))</p>", "<ul class=\"items\">"]
                + items.map { "<li>\(e(document.prompt($0))) <span class=\"who\">\(e(document.moduleTitle(document.module(of: $0))))</span></li>" } + ["</ul>"]
        }
        lines.append("</section>")
    }

    private mutating func perception() {
        guard !comparison.perception.isEmpty else { return }
        lines += ["<section id=\"perception\" class=\"compact\">", "<h2>\(e(phrases.report.perceptionGaps))</h2>", "<p>\(e(words.perceptionIntro))</p>",
                  "<table class=\"perception\">", "<thead><tr><th>\(e(words.dimension))</th>" + sessions.map { "<th class=\"n\">\(e($0.label))</th>" }.joined()
                    + "</tr></thead>", "<tbody>"]
        for row in comparison.perception {
            lines.append("<tr><td>\(e(document.dimensionTitle(module: row.module, dimension: row.dimension)))</td>"
                + row.gaps.indices.map { "<td class=\"n\(row.flagged[$0] ? " flag" : "")\">\(numbers.fixed(row.gaps[$0]))\(row.flagged[$0] ? " !" : "")</td>" }.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</section>"]
    }

    private mutating func notCompared() {
        lines += ["<section id=\"not-compared\" class=\"compact\">", "<h2>\(e(words.notComparedTitle))</h2>"] + notComparedLists() + ["</section>"]
    }

    /// The questions and modules left out, a paragraph and a list each.
    func notComparedLists() -> [String] {
        guard let blocks = phrases.notComparedBlocks() else { return ["<p>\(e(phrases.everythingCompared))</p>"] }
        return blocks.flatMap { block in ["<p>\(e(block.title))</p>", "<ul class=\"not-compared\">"] + block.entries.map { "<li>\(e($0))</li>" } + ["</ul>"] }
    }
}
