import Basics
import Questionnaire
import Scoring

/// The comparison as Markdown: the text comparison's sections, as headings, tables and lists,
/// every untrusted text escaped.
public enum ComparisonMarkdownRenderer {
    public static func render(_ document: ComparisonDocument) -> String {
        let phrases = ComparisonPhrases(document)
        let words = phrases.words
        let comparison = document.comparison
        let sessions = comparison.sessions
        let numbers = phrases.numbers
        func e(_ text: String) -> String { MarkdownReportRenderer.escape(text) }
        var lines = ["# " + e(phrases.title()), ""]
        lines += phrases.sessionLines().map { "- " + e($0) }
        lines += ["", "## " + e(words.summary), "", e(phrases.summary().joined(separator: " "))]
        lines += moduleTables(document, level: "##")
        lines += ["", "_" + e(comparison.mode == .overTime ? words.legendOverTime : words.legendSideBySide) + "_"]
        if comparison.mode == .overTime {
            lines += ["", "## " + e(words.movedTitle), ""]
            if comparison.moved.isEmpty { lines.append(e(words.noneMoved)) }
            for item in comparison.moved {
                lines.append("- \(item.change > 0 ? "▲" : "▼") \(phrases.signed(item.change)): \(numbers.fixed(item.then)) → \(numbers.fixed(item.now)) "
                             + "\(e(document.prompt(item.item))) (\(e(document.moduleTitle(item.module))))")
            }
            lines += ["", "## " + e(words.disagreementsTitle), ""]
            if comparison.newDisagreements.isEmpty && comparison.resolvedDisagreements.isEmpty { lines.append(e(words.noDisagreementChange)) }
            for (title, items) in [(words.newDisagreements, comparison.newDisagreements), (words.settledDisagreements, comparison.resolvedDisagreements)]
            where !items.isEmpty {
                lines += [e(title), ""] + items.map { "- \(e(document.prompt($0))) (\(e(document.moduleTitle(document.module(of: $0)))))" } + [""]
            }
        }
        if !comparison.perception.isEmpty {
            lines += ["", "## " + e(phrases.report.perceptionGaps), "", e(words.perceptionIntro), ""]
            lines.append("| \(e(words.dimension)) | " + sessions.map { e($0.label) }.joined(separator: " | ") + " |")
            lines.append("|---|" + String(repeating: "---:|", count: sessions.count))
            for row in comparison.perception {
                lines.append("| \(e(document.dimensionTitle(module: row.module, dimension: row.dimension))) | "
                             + row.gaps.indices.map { numbers.fixed(row.gaps[$0]) + (row.flagged[$0] ? " !" : "") }.joined(separator: " | ") + " |")
            }
        }
        if let review = document.review { lines += [""] + goalReviewLines(review, language: document.language) }
        lines += [""] + notComparedLines(phrases, level: "##")
        lines += ["", "## " + e(words.methodTitle), ""] + words.methodText.flatMap { [e($0), ""] }
        if !document.skipped.isEmpty {
            lines += ["## " + e(phrases.report.skippedFiles), ""] + document.skipped.map { "- " + e("\($0.path): \($0.reason)") }
        }
        return lines.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
    }

    /// The summary and each module's table, under `###` headings: the report's section on the
    /// session before.
    static func sinceLines(_ document: ComparisonDocument) -> [String] {
        let phrases = ComparisonPhrases(document)
        return [MarkdownReportRenderer.escape(phrases.summary().joined(separator: " "))] + moduleTables(document, level: "###")
            + ["", "_" + MarkdownReportRenderer.escape(phrases.words.legendOverTime) + "_", ""] + notComparedLines(phrases, level: "###")
    }

    /// "Not compared": the questions and modules left out, under a heading of `level`.
    static func notComparedLines(_ phrases: ComparisonPhrases, level: String) -> [String] {
        func e(_ text: String) -> String { MarkdownReportRenderer.escape(text) }
        var lines = [level + " " + e(phrases.words.notComparedTitle), ""]
        guard let blocks = phrases.notComparedBlocks() else { return lines + [e(phrases.everythingCompared)] }
        for block in blocks { lines += [e(block.title), ""] + block.entries.map { "- " + e($0) } + [""] }
        return lines
    }

    /// A table per module, each under a heading of `level`.
    static func moduleTables(_ document: ComparisonDocument, level: String) -> [String] {
        let phrases = ComparisonPhrases(document)
        let words = phrases.words
        let comparison = document.comparison
        let sessions = comparison.sessions
        let numbers = phrases.numbers
        func e(_ text: String) -> String { MarkdownReportRenderer.escape(text) }
        var lines: [String] = []
        for module in comparison.modules {
            lines += ["", level + " " + e(document.moduleTitle(module.module)), ""]
            let rows = module.dimensions.map { dimension in
                (document.dimensionTitle(module: module.module, dimension: dimension.dimension), dimension.levels, dimension.change,
                 dimension.spread, dimension.best)
            } + [("**" + ComparisonStrings.fill(words.allDimensions, ["module": document.moduleTitle(module.module)]) + "**", module.levels,
                  module.change, module.spread, module.best)]
            switch comparison.mode {
            case .overTime:
                lines.append("| \(e(words.dimension)) | " + sessions.map { e($0.label) }.joined(separator: " | ")
                             + " | \(e(words.change)) | \(e(words.target)) | \(e(words.closed)) |")
                lines.append("|---|" + String(repeating: "---:|", count: sessions.count + 3))
                for row in rows {
                    let title = row.0.hasPrefix("**") ? "**" + e(String(row.0.dropFirst(2).dropLast(2))) + "**" : e(row.0)
                    let targets = numbers.fixed(row.1.first?.target) + " → " + numbers.fixed(row.1.last?.target)
                    lines.append("| \(title) | " + row.1.map { numbers.fixed($0.current) }.joined(separator: " | ")
                                 + " | \(phrases.signed(row.2?.current)) | \(targets) | \(phrases.percent(row.2?.closed)) |")
                }
            case .sideBySide:
                lines.append("| \(e(words.dimension)) | " + sessions.map { e($0.label) }.joined(separator: " | ") + " | \(e(words.spread)) |")
                lines.append("|---|" + String(repeating: "---:|", count: sessions.count + 1))
                for row in rows {
                    let title = row.0.hasPrefix("**") ? "**" + e(String(row.0.dropFirst(2).dropLast(2))) + "**" : e(row.0)
                    let cells = row.1.indices.map { index in
                        row.1[index].current == nil ? "–"
                            : "\(numbers.fixed(row.1[index].current)) / \(numbers.fixed(row.1[index].target))" + (row.4.contains(index) ? " ▲" : "")
                    }
                    lines.append("| \(title) | " + cells.joined(separator: " | ") + " | \(numbers.fixed(row.3)) |")
                }
            }
        }
        return lines
    }

    /// "Goals since …" as Markdown: a numbered list, each goal with its status, figures and note.
    static func goalReviewLines(_ review: GoalReviewSection, language: Language) -> [String] {
        let phrases = GoalReviewPhrases(language: language)
        func e(_ text: String) -> String { MarkdownReportRenderer.escape(text) }
        var lines = ["## " + e(ComparisonStrings.fill(phrases.words.goalsTitle, ["then": review.earlier])), ""]
        guard !review.reviews.isEmpty else { return lines + [e(review.emptyText(phrases.words))] }
        for (index, entry) in review.reviews.enumerated() {
            lines.append("\(index + 1). **\(e(phrases.status(entry.status)))**: \(e(entry.goal.statement))")
            for detail in [phrases.goalFigures(entry), phrases.goalOwner(entry.goal)].compactMap({ $0 }) { lines.append("   - " + e(detail)) }
            if !entry.note.isEmpty { lines.append("   - " + e("\(phrases.words.goalNote): \(entry.note)")) }
        }
        return lines
    }
}
