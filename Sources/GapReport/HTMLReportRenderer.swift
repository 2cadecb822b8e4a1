import Basics
import Foundation
import Questionnaire
import Scoring

/// The report as one self-contained HTML file, for a browser, a wiki or a printer: inline CSS
/// and SVG charts, nothing fetched from the network. It is also well-formed XML, so tools (and
/// the tests) can read the charts' numbers back.
///
/// Every untrusted text (titles, names, comments, goals, file paths) passes `escape`, so it can
/// neither close a tag nor open one.
public enum HTMLReportRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var writer = HTMLReportWriter(document: document)
        writer.write()
        return writer.lines.joined(separator: "\n") + "\n"
    }

    /// Text made inert in HTML, in element content and in quoted attributes alike: control
    /// characters shown as escapes, line breaks folded, and `& < > " '` as character references.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in Sanitized.visible(text.split(whereSeparator: \.isNewline).joined(separator: " ")) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Builds the HTML page section by section.
struct HTMLReportWriter {
    let document: ReportDocument
    let words: ReportStrings
    let html: HTMLReportStrings
    let numbers: LocalizedNumbers
    var lines: [String] = []

    init(document: ReportDocument) {
        self.document = document
        words = ReportStrings.forLanguage(document.language)
        html = HTMLReportStrings.forLanguage(document.language)
        numbers = LocalizedNumbers(words)
    }

    private var scores: Scores { document.scores }

    /// Comments quoted on a department's page; the rest are in the item detail. Five keep the
    /// page, with its radar, table and next steps, to one sheet of A4 in most workshops.
    static let commentsPerDepartment = 5

    mutating func write() {
        let title = "\(words.reportTitle): \(document.title)"
        lines += ["<!DOCTYPE html>", "<html lang=\"\(document.language.rawValue)\">", "<head>", "<meta charset=\"utf-8\"/>",
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
                  "<meta name=\"generator\" content=\"omnigap\"/>",
                  "<title>\(e(title))</title>", "<style>", HTMLReportStyle.css, ComparisonHTMLRenderer.css, "</style>", "</head>", "<body>"]
        header()
        confidenceWarning()
        contents()
        summary()
        since()
        heatMap()
        for module in scores.modules { department(module) }
        perception()
        if let followUp = document.followUp { lines += ComparisonHTMLRenderer.goalReviewSection(followUp.review, language: document.language) }
        goals()
        methodology()
        itemDetail()
        skippedFiles()
        lines += ["</body>", "</html>"]
    }

    // MARK: Sections

    private mutating func header() {
        lines += ["<header>", "<p class=\"kicker\">\(e(words.reportTitle))</p>", "<h1>\(e(document.title))</h1>",
                  "<p class=\"session\">\(e(ReportStrings.fill(words.sessionLine, ["date": document.date, "id": document.sessionID, "quorum": String(scores.quorum)])))</p>",
                  "</header>"]
    }

    /// The low-confidence warning, right under the title so it is on the first page: which
    /// departments are thin, how many of the largest gaps rest on too few people, and what low
    /// confidence means.
    private mutating func confidenceWarning() {
        guard let warning = document.confidence else { return }
        lines += ["<aside class=\"confidence-warning\" role=\"note\">", "<p class=\"title\">\(e(words.confidenceTitle))</p>"]
        lines += ReportPhrases(document).warningSentences(warning).map { "<p>\(e($0))</p>" }
        lines.append("</aside>")
    }

    private mutating func contents() {
        var entries: [(String, String)] = [("summary", words.executiveSummary)]
        if let followUp = document.followUp {
            entries.append(("since", ComparisonStrings.fill(ComparisonStrings.forLanguage(document.language).sinceTitle, ["then": followUp.earlier])))
        }
        entries.append(("heat-map", html.heatMap))
        entries += scores.modules.map { ("module-\(anchor($0.module))", document.moduleTitle($0.module)) }
        if !scores.perceptionMatrix.isEmpty { entries.append(("perception", words.perceptionGaps)) }
        if let followUp = document.followUp {
            entries.append(("goals-review", ComparisonStrings.fill(ComparisonStrings.forLanguage(document.language).goalsTitle, ["then": followUp.earlier])))
        }
        entries += [("goals", words.goals), ("methodology", words.methodology), ("detail", words.itemDetail)]
        if !document.skipped.isEmpty { entries.append(("skipped", words.skippedFiles)) }
        lines += ["<nav class=\"contents\">", "<h2>\(e(html.contents))</h2>", "<ol>"]
        lines += entries.map { "<li><a href=\"#\($0.0)\">\(e($0.1))</a></li>" }
        lines += ["</ol>", "</nav>"]
    }

    private mutating func summary() {
        lines += ["<section id=\"summary\">", "<h2>\(e(words.participation))</h2>", "<table class=\"participation\">",
                  "<thead><tr><th>\(e(words.department))</th><th class=\"n\">\(e(words.joined))</th><th class=\"n\">\(e(words.done))</th></tr></thead>",
                  "<tbody>"]
        for entry in scores.participation {
            lines.append("<tr><td>\(e(document.moduleTitle(entry.department)))</td><td class=\"n\">\(entry.joined)</td><td class=\"n\">\(entry.done)</td></tr>")
        }
        lines += ["</tbody>",
                  "<tfoot><tr><th>\(e(words.total))</th><td class=\"n\">\(document.participantCount)</td><td class=\"n\">\(scores.participation.reduce(0) { $0 + $1.done })</td></tr></tfoot>",
                  "</table>"]
        if !document.skipped.isEmpty {
            lines.append("<p class=\"warning\">\(e(ReportStrings.fill(words.skippedSummary, ["count": String(document.skipped.count)])))</p>")
        }
        lines += ["<h2>\(e(words.executiveSummary))</h2>", "<div class=\"key-points\">"]
        lines += ExecutiveSummary.sentences(document).map { "<p>\(e($0))</p>" }
        lines += ["</div>", "<dl class=\"headline\">",
                  "<dt>\(e(words.overallMaturity))</dt><dd>\(e(levelText(scores.overall))) <span class=\"count\">n \(document.participantCount)</span></dd>"]
        if let weakest = scores.weakestLink, let module = scores.module(weakest) {
            lines.append("<dt>\(e(words.weakestLink))</dt><dd>\(e(document.moduleTitle(weakest))), \(numbers.fixed(module.level.current))"
                + "\(e(module.level.stage.map { " (\(words.stage) \($0.label(in: document.language)))" } ?? "")) — \(e(words.weakestLinkNote))</dd>")
        }
        lines.append("</dl>")
        if !document.setup.sharedModules.isEmpty {
            let flagged = scores.perceptionGaps.filter(\.flagged).count
            lines.append("<p>\(e(ReportStrings.fill(words.perceptionSummary, ["count": String(flagged)])))</p>")
        }
        lines.append("<h3>\(e(html.nextSteps))</h3>")
        let top = document.headlineGaps
        if top.isEmpty {
            lines.append("<p class=\"empty\">\(e(words.noData))</p>")
        } else {
            // The next steps first: a list that can break between entries fills the first page,
            // where the chart, which never breaks, would leave a gap.
            lines += ["<ol class=\"items next-steps\">"]
            for item in top.prefix(ReportDocument.summaryGapCount) {
                gapEntry(item, label: "\(document.moduleTitle(item.module)) · \(document.prompt(item.item))")
            }
            lines += ["</ol>", "<figure class=\"chart\">", gapChart(top), "<figcaption>\(e(html.gapChartCaption))</figcaption>", "</figure>"]
        }
        let disagreements = scores.disagreements.prefix(5)
        lines.append("<h3>\(e(words.biggestDisagreements))</h3>")
        if disagreements.isEmpty { lines.append("<p class=\"empty\">–</p>") } else {
            lines.append("<ul class=\"items\">")
            for item in disagreements {
                lines.append("<li>\(e(document.moduleTitle(item.module))) · \(e(document.prompt(item.item))) "
                    + "<span class=\"figures\">\(item.minimum ?? 0)–\(item.maximum ?? 0), \(e(words.spread)) \(numbers.fixed(item.spread))</span> "
                    + confidence(n: item.n, low: item.lowConfidence) + "</li>")
            }
            lines.append("</ul>")
        }
        let voted = scores.votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
        if !voted.isEmpty {
            lines += ["<h3>\(e(words.dotVotes))</h3>", "<ul class=\"items votes\">"]
            for (item, count) in voted {
                let label = document.module(for: item).map { document.moduleTitle($0) + " · " } ?? ""
                lines.append("<li>\(e(label + document.prompt(item))) <span class=\"dots\" data-votes=\"\(count)\">"
                    + String(repeating: "●", count: min(count, 20)) + " \(count)</span></li>")
            }
            lines.append("</ul>")
        }
        lines.append("</section>")
    }

    private mutating func heatMap() {
        lines += ["<section id=\"heat-map\" class=\"page\">", "<h2>\(e(html.heatMap))</h2>", "<p>\(e(html.heatMapIntro))</p>", legend(),
                  "<table class=\"heat\">",
                  "<thead><tr><th>\(e(words.dimension))</th><th class=\"n\">\(e(words.now))</th><th class=\"n\">\(e(words.target))</th><th class=\"n\">\(e(words.gap))</th><th class=\"n\">n</th><th class=\"bar\"></th></tr></thead>"]
        for module in scores.modules {
            lines += ["<tbody>", "<tr class=\"group\"><th colspan=\"6\">\(e(document.moduleTitle(module.module)))</th></tr>"]
            for dimension in module.dimensions {
                let level = dimension.level
                let gapWidth = level.gap.map { max(0, min(3, $0)) / 3 * 100 } ?? 0
                lines.append("<tr data-module=\"\(e(module.module))\" data-dimension=\"\(e(dimension.dimension))\">"
                    + "<td>\(e(document.dimensionTitle(module: module.module, dimension: dimension.dimension)))</td>"
                    + stageCell(level.current) + stageCell(level.target) + gapCell(level.gap) + countCell(dimension)
                    + "<td class=\"bar\"><span class=\"gapbar\" style=\"width:\(coordinate(gapWidth))%\"></span></td></tr>")
            }
            lines.append("</tbody>")
        }
        lines.append("</table>")
        lines.append("<p class=\"note\">\(e(ReportStrings.fill(words.confidenceDefinition, ["quorum": String(scores.quorum)])))</p>")
        lines.append("</section>")
    }

    private mutating func department(_ module: ModuleScore) {
        let title = document.moduleTitle(module.module)
        lines += ["<section id=\"module-\(anchor(module.module))\" class=\"page department\" data-module=\"\(e(module.module))\">",
                  "<h2>\(e(title))" + (module.isShared ? " <small>(\(e(words.sharedSection)))</small>" : "") + "</h2>",
                  "<p class=\"level\">\(e(words.now)) → \(e(words.target)): \(e(levelText(module.level)))</p>"]
        if module.level.current != nil {
            let asRadar = module.dimensions.count >= 3
            lines += ["<figure class=\"chart \(asRadar ? "radar" : "bars")\">", asRadar ? radar(module) : dimensionBars(module),
                      "<figcaption>\(e(asRadar ? html.radarCaption : html.barsCaption))</figcaption>", "</figure>"]
        }
        lines += ["<table class=\"dimensions\">",
                  "<thead><tr><th>\(e(words.dimension))</th><th class=\"n\">\(e(words.now))</th><th class=\"n\">\(e(words.target))</th><th class=\"n\">\(e(words.gap))</th><th class=\"n\">\(e(words.items))</th><th class=\"n\">n</th></tr></thead>",
                  "<tbody>"]
        for dimension in module.dimensions {
            lines.append("<tr><td>\(e(document.dimensionTitle(module: module.module, dimension: dimension.dimension)))</td>"
                + stageCell(dimension.level.current) + stageCell(dimension.level.target) + gapCell(dimension.level.gap)
                + "<td class=\"n\">\(dimension.itemsRated)</td>" + countCell(dimension) + "</tr>")
        }
        lines += ["</tbody>", "</table>"]
        if module.dimensions.contains(where: { $0.itemsRated > 0 && $0.lowConfidence }) {
            lines.append("<p class=\"note\">\(e(ReportStrings.fill(words.confidenceDefinition, ["quorum": String(scores.quorum)])))</p>")
        }
        let gaps = scores.rankedGaps.filter { $0.module == module.module }.prefix(3)
        if !gaps.isEmpty {
            lines += ["<h3>\(e(words.topGaps))</h3>", "<ol class=\"items next-steps\">"]
            for item in gaps { gapEntry(item, label: document.prompt(item.item)) }
            lines.append("</ol>")
        }
        let comments = document.comments(inModule: module.module).filter { !$0.isAnswer }
        lines.append("<h3>\(e(words.comments))</h3>")
        if comments.isEmpty { lines.append("<p class=\"empty\">\(e(words.noComments))</p>") } else {
            lines.append("<ul class=\"comments\">")
            lines += comments.prefix(Self.commentsPerDepartment).map { "<li><span class=\"who\">\(e(document.moduleTitle($0.department)))</span> \(e($0.text))</li>" }
            lines.append("</ul>")
            if comments.count > Self.commentsPerDepartment {
                lines.append("<p class=\"more\">\(e(ReportStrings.fill(words.moreComments, ["count": String(comments.count - Self.commentsPerDepartment)])))</p>")
            }
        }
        lines.append("</section>")
    }

    private mutating func perception() {
        guard !scores.perceptionMatrix.isEmpty else { return }
        let departments = scores.departments
        lines += ["<section id=\"perception\" class=\"compact\">", "<h2>\(e(words.perceptionGaps))</h2>", "<p>\(e(words.perceptionIntro))</p>",
                  "<table class=\"matrix\">",
                  "<thead><tr><th>\(e(words.dimension))</th>" + departments.map { "<th class=\"n\">\(e(document.moduleTitle($0)))</th>" }.joined()
                    + "<th class=\"n\">\(e(words.gap))</th></tr></thead>", "<tbody>"]
        for row in scores.perceptionMatrix {
            lines.append("<tr" + (row.flagged ? " class=\"flagged\"" : "") + "><td>\(e(document.dimensionTitle(module: row.module, dimension: row.dimension)))</td>"
                + departments.map { department in stageCell(row.means.first { $0.department == department }?.mean) }.joined()
                + "<td class=\"n gap\(row.flagged ? " flag" : "")\">\(numbers.fixed(row.gap))\(row.flagged ? " ⚠" : "")</td></tr>")
        }
        let counts = departments.map { department -> String in
            let n = document.sharedN(department: department)
            return "<td class=\"n count\(n < scores.quorum ? " low" : "")\">\(n)\(n < scores.quorum ? "*" : "")</td>"
        }
        lines += ["</tbody>", "<tfoot><tr><th>n</th>" + counts.joined() + "<td></td></tr></tfoot>", "</table>",
                  "<p class=\"note\">\(e(words.perceptionNeedsTwo)) \(e(ReportStrings.fill(words.confidenceDefinition, ["quorum": String(scores.quorum)])))</p>",
                  "<h3>\(e(words.flaggedItems))</h3>"]
        let flagged = scores.perceptionGaps.filter(\.flagged).sorted { ($0.gap ?? 0, $1.item) > ($1.gap ?? 0, $0.item) }
        if flagged.isEmpty { lines.append("<p class=\"empty\">\(e(words.noFlaggedItems))</p>") } else {
            lines.append("<ul class=\"items\">")
            for gap in flagged {
                let means = ReportPhrases(document).departmentMeans(gap)
                lines.append("<li>\(e(document.prompt(gap.item))) <span class=\"figures\">\(e(words.gap)) \(numbers.fixed(gap.gap))</span>"
                    + "<br/><span class=\"means\">\(e(means))</span></li>")
            }
            lines.append("</ul>")
        }
        lines.append("</section>")
    }

    private mutating func goals() {
        lines += ["<section id=\"goals\" class=\"compact\">", "<h2>\(e(words.goals))</h2>"]
        if document.goals.isEmpty {
            lines.append("<p class=\"empty\">\(e(words.noGoals))</p>")
        } else {
            lines += ["<table class=\"goals\">",
                      "<thead><tr><th class=\"n\">#</th><th>\(e(html.goal))</th><th>\(e(words.goalKPI))</th><th>\(e(capitalized(words.goalBaseline))) → \(e(words.goalTarget))</th>"
                        + "<th>\(e(words.goalOwner))</th><th>\(e(capitalized(words.goalDue)))</th><th>\(e(words.goalCloses))</th></tr></thead>", "<tbody>"]
            for (index, goal) in document.goals.enumerated() {
                lines.append("<tr><td class=\"n\">\(index + 1)</td><td>\(e(goal.statement))</td><td>\(e(goal.kpi))</td>"
                    + "<td>\(e(goal.baseline)) → \(e(goal.target))</td><td>\(e(goal.owner))</td><td>\(e(goal.due))</td>"
                    + "<td>" + (goal.links.isEmpty ? "" : "<ul class=\"closes\">" + goal.links.map { link in
                        "<li data-link=\"\(e(link))\">\(e(document.linkTitle(link)))</li>"
                    }.joined() + "</ul>") + "</td></tr>")
            }
            lines += ["</tbody>", "</table>"]
        }
        lines.append("</section>")
    }

    /// In a follow-up: the session before, then → now.
    private mutating func since() {
        guard let followUp = document.followUp else { return }
        let words = ComparisonStrings.forLanguage(document.language)
        let heading = ComparisonStrings.fill(words.sinceTitle, ["then": followUp.earlier])
        if let comparison = followUp.comparison {
            lines += ComparisonHTMLRenderer.sinceSection(comparison, heading: heading)
        } else {
            lines += ["<section id=\"since\" class=\"compact\">", "<h2>\(e(heading))</h2>",
                      "<p class=\"warning\">\(e(ComparisonStrings.fill(words.sinceUnavailable, ["then": followUp.earlier, "reason": followUp.unavailable ?? ""])))</p>",
                      "</section>"]
        }
    }

    private mutating func methodology() {
        lines += ["<section id=\"methodology\">", "<h2>\(e(words.methodology))</h2>"]
        lines += words.methodologyText.map { "<p>\(e($0))</p>" }
        lines.append("</section>")
    }

    private mutating func itemDetail() {
        lines += ["<section id=\"detail\" class=\"compact\">", "<h2>\(e(words.itemDetail))</h2>"]
        // Width hints: the question and the notes get the room, the numbers what their headings
        // need (ids may break anywhere, so they never widen the table past the page).
        let header = "<colgroup><col class=\"question\"/>" + String(repeating: "<col/>", count: 7) + "<col class=\"notes\"/></colgroup>"
            + "<thead><tr><th>\(e(html.question))</th><th class=\"n\">\(e(words.now))</th><th class=\"n\">\(e(words.target))</th>"
            + "<th class=\"n\">\(e(words.gap))</th><th class=\"n\">n</th><th class=\"n\">\(e(capitalized(words.spread)))</th>"
            + "<th class=\"n\">\(e(capitalized(words.importance)))</th><th class=\"n\">\(e(capitalized(words.priority)))</th><th>\(e(html.notes))</th></tr></thead>"
        for module in document.setup.modules where scores.module(module.id) != nil {
            lines += ["<h3>\(e(document.moduleTitle(module.id)))</h3>", "<table class=\"detail\">", header, "<tbody>"]
            for item in module.items { detailRows(item) }
            lines += ["</tbody>", "</table>"]
        }
        lines.append("</section>")
    }

    private mutating func skippedFiles() {
        guard !document.skipped.isEmpty else { return }
        lines += ["<section id=\"skipped\">", "<h2>\(e(words.skippedFiles))</h2>", "<ul>"]
        lines += document.skipped.map { "<li><code>\(e($0.path))</code>: \(e($0.reason))</li>" }
        lines += ["</ul>", "</section>"]
    }

    // MARK: Item detail rows

    private mutating func detailRows(_ item: Item) {
        let question = "<td><span class=\"id\">\(e(item.id.rawValue))</span>\(e(item.prompt.resolved(in: document.language)))</td>"
        switch item.kind {
        case .maturity:
            guard let score = scores.item(item.id) else { return }
            var notes: [String] = []
            if score.disagreement { notes.append(words.disagreement) }
            if score.lowConfidence { notes.append(words.lowConfidence) }
            if score.dontKnowCurrent + score.dontKnowTarget > 0 { notes.append("\(words.dontKnow) \(score.dontKnowCurrent)/\(score.dontKnowTarget)") }
            if let gap = scores.perceptionGaps.first(where: { $0.item == item.id }) {
                if gap.flagged { notes.append("\(words.perceptionFlag) \(numbers.fixed(gap.gap))") }
                if gap.gap == nil, score.n > 0 { notes.append(words.perceptionNotComparable) }
            }
            lines.append("<tr>" + question + stageCell(score.current) + stageCell(score.target) + gapCell(score.gap)
                + "<td class=\"n\">\(score.n)</td><td class=\"n\">\(numbers.fixed(score.spread))</td><td class=\"n\">\(numbers.fixed(score.importance))</td>"
                + "<td class=\"n\">\(numbers.fixed(score.priority))</td><td class=\"notes\">\(e(notes.joined(separator: ", ")))</td></tr>")
        case .choice(let options, _):
            let summaries = scores.choices.filter { $0.item == item.id && $0.respondents > 0 }.map { summary in
                "\(document.moduleTitle(summary.department)) (\(summary.respondents) \(words.respondents)): "
                    + (summary.counts.map { entry in
                        "\(options.first { $0.id == entry.option }?.label.resolved(in: document.language) ?? entry.option) \(entry.count)"
                    } + (summary.dontKnow > 0 ? ["\(words.dontKnow) \(summary.dontKnow)"] : [])).joined(separator: " · ")
            }
            lines.append("<tr>" + question + "<td colspan=\"8\" class=\"summary\">\(summaries.map(e).joined(separator: "<br/>"))</td></tr>")
        case .number(let spec):
            let unit = spec.unit.resolved(in: document.language)
            func describe(_ label: String, _ distribution: Distribution?) -> String? {
                distribution.map { "\(label) \(words.median) \(numbers.plain($0.median)) \(unit) (\(words.minimum) \(numbers.plain($0.minimum)), "
                    + "\(words.maximum) \(numbers.plain($0.maximum)), n \($0.count))" }
            }
            let summaries = scores.numbers.filter { $0.item == item.id }.compactMap { summary -> String? in
                let parts = [describe(words.currentLabel, summary.current), describe(words.targetLabel, summary.target)].compactMap { $0 }
                guard !parts.isEmpty || summary.dontKnowCurrent + summary.dontKnowTarget > 0 else { return nil }
                return "\(document.moduleTitle(summary.department)): " + parts.joined(separator: "; ")
                    + " · \(words.dontKnow) \(summary.dontKnowCurrent)/\(summary.dontKnowTarget)"
            }
            lines.append("<tr>" + question + "<td colspan=\"8\" class=\"summary\">\(summaries.map(e).joined(separator: "<br/>"))</td></tr>")
        case .text:
            lines.append("<tr>" + question + "<td colspan=\"8\" class=\"summary\"></td></tr>")
        }
        let comments = document.comments(on: item.id)
        if !comments.isEmpty {
            lines.append("<tr class=\"comments\"><td colspan=\"9\"><span class=\"label\">\(e(item.kind.tag == .text ? words.answers : words.comments))</span><ul>"
                + comments.map { "<li><span class=\"who\">\(e(document.moduleTitle($0.department)))</span> \(e($0.text))</li>" }.joined()
                + "</ul></td></tr>")
        }
    }

    // MARK: Charts

    /// A radar ("spider") chart of a department's dimensions: one axis per dimension, the
    /// current levels as a filled polygon and the targets as a dashed one, on rings for stages
    /// 1 to 4. Each point carries its value in `data-value`, so the numbers can be checked.
    private func radar(_ module: ModuleScore) -> String {
        let geometry = RadarGeometry(axes: module.dimensions.count)
        var svg = ["<svg class=\"radar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(coordinate(RadarGeometry.width)) \(coordinate(RadarGeometry.height))\" "
            + "role=\"img\" aria-label=\"\(e(document.moduleTitle(module.module)))\" data-module=\"\(e(module.module))\" data-radius=\"\(coordinate(RadarGeometry.radius))\" "
            + "data-cx=\"\(coordinate(RadarGeometry.centre.x))\" data-cy=\"\(coordinate(RadarGeometry.centre.y))\">"]
        for stage in 1...4 {
            let ring = (0..<geometry.axes).map { geometry.point(axis: $0, value: Double(stage)) }
            svg.append("<polygon class=\"ring\" points=\"\(points(ring))\"/>")
            let label = geometry.point(axis: 0, value: Double(stage))
            svg.append("<text class=\"ring-label\" x=\"\(coordinate(label.x + 4))\" y=\"\(coordinate(label.y + 4))\">\(stage)</text>")
        }
        for axis in 0..<geometry.axes {
            let end = geometry.point(axis: axis, value: 4)
            svg.append("<line class=\"axis\" x1=\"\(coordinate(RadarGeometry.centre.x))\" y1=\"\(coordinate(RadarGeometry.centre.y))\" x2=\"\(coordinate(end.x))\" y2=\"\(coordinate(end.y))\"/>")
        }
        let targets = module.dimensions.enumerated().map { geometry.point(axis: $0.offset, value: $0.element.level.target ?? 0) }
        let currents = module.dimensions.enumerated().map { geometry.point(axis: $0.offset, value: $0.element.level.current ?? 0) }
        svg.append("<polygon class=\"target\" points=\"\(points(targets))\"/>")
        svg.append("<polygon class=\"current\" points=\"\(points(currents))\"/>")
        for (axis, dimension) in module.dimensions.enumerated() {
            let name = document.dimensionTitle(module: module.module, dimension: dimension.dimension)
            for (series, value, point) in [("target", dimension.level.target, targets[axis]), ("current", dimension.level.current, currents[axis])] {
                guard let value else { continue }
                svg.append("<circle class=\"point \(series)\" cx=\"\(coordinate(point.x))\" cy=\"\(coordinate(point.y))\" r=\"3\" "
                    + "data-dimension=\"\(e(dimension.dimension))\" data-series=\"\(series)\" data-value=\"\(JSONText.number(value))\">"
                    + "<title>\(e(name)): \(numbers.fixed(value))</title></circle>")
            }
            svg.append(axisLabel(geometry: geometry, axis: axis, name: name,
                                 figures: "\(numbers.fixed(dimension.level.current)) → \(numbers.fixed(dimension.level.target))"
                                    + (dimension.itemsRated > 0 ? " · n \(dimension.n)\(dimension.lowConfidence ? "*" : "")" : "")))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// A dimension's name (up to two lines) and its figures, outside the end of its axis,
    /// anchored away from the chart so it never runs over it.
    private func axisLabel(geometry: RadarGeometry, axis: Int, name: String, figures: String) -> String {
        let angle = geometry.angle(axis: axis)
        let anchorPoint = geometry.point(axis: axis, value: 4, outset: 12)
        let anchor = cos(angle) > 0.3 ? "start" : cos(angle) < -0.3 ? "end" : "middle"
        var nameLines = TextWrapping.wrap(name, width: 21)
        if nameLines.count > 2 { nameLines = [nameLines[0], DisplayWidth.truncate(nameLines[1...].joined(separator: " "), to: 21)] }
        let rows = nameLines.count + 1
        let lineHeight = 15.0
        // Above the centre the block grows upwards from the axis end, below it downwards.
        let top = sin(angle) < -0.3 ? anchorPoint.y - Double(rows - 1) * lineHeight
            : sin(angle) > 0.3 ? anchorPoint.y + lineHeight * 0.8 : anchorPoint.y - Double(rows - 1) * lineHeight / 2 + 4
        var text = "<text class=\"axis-label\" text-anchor=\"\(anchor)\" x=\"\(coordinate(anchorPoint.x))\" y=\"\(coordinate(top))\">"
        for (index, line) in nameLines.enumerated() {
            text += "<tspan x=\"\(coordinate(anchorPoint.x))\" dy=\"\(index == 0 ? "0" : coordinate(lineHeight))\">\(e(line))</tspan>"
        }
        text += "<tspan class=\"figures\" x=\"\(coordinate(anchorPoint.x))\" dy=\"\(coordinate(lineHeight))\">\(e(figures))</tspan></text>"
        return text
    }

    /// For a department with fewer than three dimensions, where a radar has no area: a bar
    /// per dimension, current filled and target outlined, on the same 0–4 scale.
    private func dimensionBars(_ module: ModuleScore) -> String {
        let rowHeight = 36.0, labelWidth = 250.0, scale = 100.0
        let height = Double(module.dimensions.count) * rowHeight + 24
        var svg = ["<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 \(coordinate(height))\" role=\"img\" "
            + "aria-label=\"\(e(document.moduleTitle(module.module)))\" data-module=\"\(e(module.module))\" data-scale=\"\(coordinate(scale))\">"]
        svg += stageScale(left: labelWidth, scale: scale, height: height)
        for (row, dimension) in module.dimensions.enumerated() {
            let y = Double(row) * rowHeight
            let name = DisplayWidth.truncate(document.dimensionTitle(module: module.module, dimension: dimension.dimension), to: 30)
            svg.append("<text class=\"bar-label\" x=\"0\" y=\"\(coordinate(y + 20))\">\(e(name))</text>")
            if let target = dimension.level.target {
                svg.append("<rect class=\"target\" x=\"\(coordinate(labelWidth))\" y=\"\(coordinate(y + 6))\" width=\"\(coordinate(target * scale))\" height=\"20\" "
                    + "data-dimension=\"\(e(dimension.dimension))\" data-series=\"target\" data-value=\"\(JSONText.number(target))\"/>")
            }
            if let current = dimension.level.current {
                svg.append("<rect class=\"current\" x=\"\(coordinate(labelWidth))\" y=\"\(coordinate(y + 10))\" width=\"\(coordinate(current * scale))\" height=\"12\" "
                    + "data-dimension=\"\(e(dimension.dimension))\" data-series=\"current\" data-value=\"\(JSONText.number(current))\"/>")
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The top gaps as horizontal bars: length is the priority, on a scale that starts at
    /// zero and ends at the largest priority shown (rounded up to a whole number).
    private func gapChart(_ items: [ItemScore]) -> String {
        // Room on the right of the longest bar for its figures, n and the low-confidence word.
        let rowHeight = 40.0, barLeft = 24.0, barSpace = 380.0
        let maximum = max(1, (items.compactMap(\.priority).max() ?? 1).rounded(.up))
        let height = Double(items.count) * rowHeight + 4
        var svg = ["<svg class=\"gaps\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 \(coordinate(height))\" role=\"img\" "
            + "aria-label=\"\(e(words.topGaps))\" data-scale=\"\(coordinate(barSpace / maximum))\">"]
        for (rank, item) in items.enumerated() {
            let y = Double(rank) * rowHeight
            let priority = item.priority ?? 0
            let width = priority / maximum * barSpace
            let label = DisplayWidth.truncate("\(document.moduleTitle(item.module)) · \(document.prompt(item.item))", to: 88)
            svg.append("<text class=\"rank\" x=\"0\" y=\"\(coordinate(y + 28))\">\(rank + 1)</text>")
            svg.append("<text class=\"bar-label\" x=\"\(coordinate(barLeft))\" y=\"\(coordinate(y + 13))\">\(e(label))</text>")
            svg.append("<rect class=\"bar\(item.lowConfidence ? " low" : "")\" x=\"\(coordinate(barLeft))\" y=\"\(coordinate(y + 18))\" width=\"\(coordinate(width))\" height=\"14\" "
                + "data-item=\"\(e(item.item.rawValue))\" data-priority=\"\(JSONText.number(priority))\" data-n=\"\(item.n)\" "
                + "data-low-confidence=\"\(item.lowConfidence)\"><title>\(e(document.prompt(item.item)))</title></rect>")
            svg.append("<text class=\"bar-value\" x=\"\(coordinate(barLeft + width + 6))\" y=\"\(coordinate(y + 29))\">\(numbers.fixed(priority))"
                + " · \(numbers.fixed(item.current)) → \(numbers.fixed(item.target)) · n \(item.n)"
                + (item.lowConfidence ? " · \(e(words.lowConfidence))" : "") + "</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The colour keys for the stage and gap cells.
    private func legend() -> String {
        "<p class=\"legend\"><span class=\"key\">\(e(html.stageScale))</span>"
            + (1...4).map { "<span class=\"swatch\" style=\"background:\(HeatColour.stage(Double($0)))\">\($0)</span>" }.joined()
            + " <span class=\"key\">\(e(html.gapScale))</span>"
            + [0.0, 1, 2, 3].map { "<span class=\"swatch\" style=\"background:\(HeatColour.gap($0));color:\(HeatColour.gapText($0))\">\(numbers.fixed($0))</span>" }.joined()
            + "</p>"
    }

    // MARK: Cells and formatting

    /// A gap as a next step: the label, its figures with n, and the stage above today's.
    private mutating func gapEntry(_ item: ItemScore, label: String) {
        let step = ReportPhrases(document).nextStep(item).map { "<br/><span class=\"next-step\">\(e($0))</span>" } ?? ""
        lines.append("<li\(item.lowConfidence ? " class=\"low\"" : "")>\(e(label)) <span class=\"figures\">\(e(words.priority)) \(numbers.fixed(item.priority)) · "
            + "\(numbers.fixed(item.current)) → \(numbers.fixed(item.target))</span> " + confidence(n: item.n, low: item.lowConfidence) + step + "</li>")
    }

    /// "n 3", with a plain "low confidence" badge when it is.
    private func confidence(n: Int, low: Bool) -> String {
        "<span class=\"count\">n \(n)</span>" + (low ? " <span class=\"low-confidence\">\(e(words.lowConfidence))</span>" : "")
    }

    /// A dimension's n, starred when low-confidence.
    private func countCell(_ dimension: DimensionScore) -> String {
        let low = dimension.itemsRated > 0 && dimension.lowConfidence
        return "<td class=\"n count\(low ? " low" : "")\">\(dimension.n)\(low ? "*" : "")</td>"
    }

    /// A number cell coloured by the stage it stands for.
    private func stageCell(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "<td class=\"n\">–</td>" }
        return "<td class=\"n heat\" style=\"background:\(HeatColour.stage(value))\">\(numbers.fixed(value))</td>"
    }

    /// A gap cell, darker the more there is to close.
    private func gapCell(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "<td class=\"n\">–</td>" }
        return "<td class=\"n heat\" style=\"background:\(HeatColour.gap(value));color:\(HeatColour.gapText(value))\">\(numbers.fixed(value))</td>"
    }

    private func levelText(_ level: Level) -> String {
        guard level.current != nil, let stage = level.stage else { return words.noData }
        let stages = stage.label(in: document.language) + (level.targetStage.map { " → " + $0.label(in: document.language) } ?? "")
        return "\(numbers.fixed(level.current)) → \(numbers.fixed(level.target)) (\(words.stage) \(stages))"
    }

    private func e(_ text: String) -> String { HTMLReportRenderer.escape(text) }

    /// A word the other formats use mid-sentence ("spread", "due") as a column heading.
    private func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// An id usable in a fragment link, one to one with the module id: ASCII letters, digits
    /// and "-" stay (so "customer-service" stays readable), anything else becomes "_" and its
    /// hex code and "_", so "x.y" and "x_y" can never share an anchor.
    private func anchor(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            if scalar.isASCII, scalar == "-" || CharacterSet.alphanumerics.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return result
    }

    private func points(_ list: [(x: Double, y: Double)]) -> String {
        list.map { "\(coordinate($0.x)),\(coordinate($0.y))" }.joined(separator: " ")
    }
}

/// A horizontal chart's scale: a grid line at each stage 0 to 4, `scale` apart from `left`,
/// labelled at the foot of a chart `height` tall. The bars and the comparison's dots share it.
func stageScale(left: Double, scale: Double, height: Double) -> [String] {
    (0...4).map { stage in
        let x = left + Double(stage) * scale
        return "<line class=\"grid\" x1=\"\(coordinate(x))\" y1=\"0\" x2=\"\(coordinate(x))\" y2=\"\(coordinate(height - 16))\"/>"
            + "<text class=\"ring-label\" x=\"\(coordinate(x))\" y=\"\(coordinate(height - 4))\" text-anchor=\"middle\">\(stage)</text>"
    }
}

/// SVG coordinates with at most two decimals, always with a dot.
func coordinate(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return JSONText.number(rounded == 0 ? 0 : rounded)
}

/// Where a radar chart puts things: axis `i` of `n` points up for `i = 0` and goes round
/// clockwise; a value `v` lies `v / 4` of the radius out from the centre.
struct RadarGeometry {
    static let width = 680.0, height = 380.0, radius = 125.0
    static let centre = (x: 340.0, y: 190.0)
    let axes: Int

    func angle(axis: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(axes)
    }

    func point(axis: Int, value: Double, outset: Double = 0) -> (x: Double, y: Double) {
        let distance = max(0, min(4, value)) / 4 * Self.radius + outset
        return (Self.centre.x + distance * cos(angle(axis: axis)), Self.centre.y + distance * sin(angle(axis: axis)))
    }
}

/// The heat map's colours: stages from red (1) through amber to green (4), gaps from white
/// (nothing to close) to deep red (three stages).
enum HeatColour {
    private static let stageStops: [(Double, Double, Double)] = [(228, 116, 106), (240, 180, 94), (199, 214, 120), (86, 160, 98)]
    private static let gapStops: [(Double, Double, Double)] = [(255, 255, 255), (253, 212, 158), (252, 141, 89), (200, 45, 30)]

    static func stage(_ value: Double) -> String { interpolate(stageStops, at: max(1, min(4, value)) - 1) }
    static func gap(_ value: Double) -> String { interpolate(gapStops, at: max(0, min(3, value))) }
    /// White text on the darkest gaps, so the number stays readable.
    static func gapText(_ value: Double) -> String { value >= 2.2 ? "#fff" : "#1b1b1b" }

    private static func interpolate(_ stops: [(Double, Double, Double)], at position: Double) -> String {
        let lower = min(stops.count - 2, Int(position.rounded(.down)))
        let fraction = position - Double(lower)
        let (a, b) = (stops[lower], stops[lower + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * fraction).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }
}
