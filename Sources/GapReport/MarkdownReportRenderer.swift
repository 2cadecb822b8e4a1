import Basics
import Questionnaire
import Scoring

/// The report as Markdown, for a wiki or a code-hosting site: headings, tables and lists, with
/// every untrusted text escaped so that a name or comment cannot break the layout or inject
/// markup.
public enum MarkdownReportRenderer {
    public static func render(_ document: ReportDocument) -> String {
        let words = ReportStrings.forLanguage(document.language)
        let scores = document.scores
        var lines: [String] = []
        let number = LocalizedNumbers(words).fixed
        func level(_ level: Level) -> String {
            guard let stage = level.stage else { return words.noData }
            return "\(number(level.current)) → \(number(level.target)) (\(words.stage) \(stage.label(in: document.language))"
                + (level.targetStage.map { " → \($0.label(in: document.language))" } ?? "") + ")"
        }
        lines += ["# \(escape(words.reportTitle)): \(escape(document.title))", "",
                  escape(ReportStrings.fill(words.sessionLine, ["date": document.date, "id": document.sessionID, "quorum": String(scores.quorum)])), ""]
        lines += ["## \(escape(words.participation))", "", "| \(escape(words.department)) | \(escape(words.joined)) | \(escape(words.done)) |", "|---|---:|---:|"]
        for entry in scores.participation {
            lines.append("| \(escape(document.moduleTitle(entry.department))) | \(entry.joined) | \(entry.done) |")
        }
        lines += ["", "## \(escape(words.executiveSummary))", "", "- **\(escape(words.overallMaturity))**: \(escape(level(scores.overall)))"]
        if let weakest = scores.weakestLink, let module = scores.module(weakest) {
            lines.append("- **\(escape(words.weakestLink))**: \(escape(document.moduleTitle(weakest))), \(number(module.level.current))")
        }
        lines += ["", "### \(escape(words.topGaps))", ""]
        for (rank, item) in scores.ranking.compactMap(scores.item).filter({ ($0.priority ?? 0) > 0 }).prefix(5).enumerated() {
            lines.append("\(rank + 1). **\(number(item.priority))** \(escape(document.moduleTitle(item.module))) · "
                + "\(escape(document.prompt(item.item))) (\(number(item.current)) → \(number(item.target)))")
        }
        if !scores.votes.isEmpty {
            lines += ["", "### \(escape(words.dotVotes))", ""]
            for (item, count) in scores.votes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                lines.append("- \(escape(document.prompt(item))): \(count)")
            }
        }
        for module in scores.modules {
            let title = document.moduleTitle(module.module) + (module.isShared ? " (\(words.sharedSection))" : "")
            lines += ["", "## \(escape(title))", "", escape(level(module.level)), "",
                      "| \(escape(words.dimension)) | \(escape(words.now)) | \(escape(words.target)) | \(escape(words.gap)) | \(escape(words.items)) |",
                      "|---|---:|---:|---:|---:|"]
            for dimension in module.dimensions {
                lines.append("| \(escape(document.dimensionTitle(module: module.module, dimension: dimension.dimension))) | "
                    + "\(number(dimension.level.current)) | \(number(dimension.level.target)) | \(number(dimension.level.gap)) | \(dimension.itemsRated) |")
            }
            let comments = document.comments(inModule: module.module)
            if !comments.isEmpty {
                lines += ["", "**\(escape(words.comments))**", ""]
                lines += comments.map { "- [\(escape(document.moduleTitle($0.department)))] \(escape($0.text))" }
            }
        }
        if !scores.perceptionMatrix.isEmpty {
            lines += ["", "## \(escape(words.perceptionGaps))", "", escape(words.perceptionIntro), "",
                      "| \(escape(words.dimension)) | " + scores.departments.map { escape(document.moduleTitle($0)) }.joined(separator: " | ") + " | \(escape(words.gap)) |",
                      "|---|" + scores.departments.map { _ in "---:" }.joined(separator: "|") + "|---:|"]
            for row in scores.perceptionMatrix {
                lines.append("| \(escape(document.dimensionTitle(module: row.module, dimension: row.dimension))) | "
                    + scores.departments.map { department in number(row.means.first { $0.department == department }?.mean) }.joined(separator: " | ")
                    + " | \(number(row.gap))\(row.flagged ? " ⚠" : "") |")
            }
        }
        lines += ["", "## \(escape(words.goals))", ""]
        if document.goals.isEmpty { lines.append(escape(words.noGoals)) }
        for goal in document.goals {
            lines.append("- **\(escape(goal.statement))**: \(escape(words.goalKPI)) \(escape(goal.kpi)), \(escape(goal.baseline)) → "
                + "\(escape(goal.target)); \(escape(words.goalOwner)) \(escape(goal.owner)); \(escape(words.goalDue)) \(escape(goal.due))")
        }
        lines += ["", "## \(escape(words.methodology))", ""] + words.methodologyText.flatMap { [escape($0), ""] }
        if !document.skipped.isEmpty {
            lines += ["## \(escape(words.skippedFiles))", ""] + document.skipped.map { "- `\(code($0.path))`: \(escape($0.reason))" }
        }
        return lines.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
    }

    /// Text made inert in Markdown: control characters shown as escapes, line breaks folded,
    /// and every character that could start markup, an HTML tag or a table cell escaped. With
    /// the brackets escaped no link or image can form, so parentheses and "!" stay as written
    /// and "(stage 2)" reads as it should in the raw file too.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in Sanitized.visible(text.split(whereSeparator: \.isNewline).joined(separator: " ")) {
            switch character {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "#", "+", "|", "<", ">", "~": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for inside backticks: no backtick can close the span early.
    static func code(_ text: String) -> String {
        Sanitized.visible(text).replacingOccurrences(of: "`", with: "'")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
