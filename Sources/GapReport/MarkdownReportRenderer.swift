import Basics
import Questionnaire
import Scoring

/// The report as Markdown, for a wiki or a code-hosting site: headings, tables and lists, with
/// every untrusted text escaped so that a name or comment cannot break the layout or inject
/// markup.
public enum MarkdownReportRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var writer = MarkdownReportWriter(document: document)
        writer.write()
        return writer.lines.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
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

/// Builds the Markdown report with the text report's sections, in its order: participation,
/// executive summary, a section per module, perception gaps, goals, methodology, item detail,
/// skipped files.
struct MarkdownReportWriter {
    let document: ReportDocument
    let words: ReportStrings
    let phrases: ReportPhrases
    var lines: [String] = []

    init(document: ReportDocument) {
        self.document = document
        words = ReportStrings.forLanguage(document.language)
        phrases = ReportPhrases(document)
    }

    private var scores: Scores { document.scores }
    private func number(_ value: Double?) -> String { LocalizedNumbers(words).fixed(value) }
    private func e(_ text: String) -> String { MarkdownReportRenderer.escape(text) }

    mutating func write() {
        lines += ["# \(e(words.reportTitle)): \(e(document.title))", "",
                  e(ReportStrings.fill(words.sessionLine, ["date": document.date, "id": document.sessionID, "quorum": String(scores.quorum)])), ""]
        participation()
        summary()
        if let followUp = document.followUp { lines += Self.sinceLines(followUp, language: document.language) }
        for module in scores.modules { moduleSection(module) }
        perception()
        if let followUp = document.followUp {
            lines += [""] + ComparisonMarkdownRenderer.goalReviewLines(followUp.review, language: document.language) + [""]
        }
        goals()
        lines += ["", "## \(e(words.methodology))", ""] + words.methodologyText.flatMap { [e($0), ""] }
        itemDetail()
        if !document.skipped.isEmpty {
            lines += ["", "## \(e(words.skippedFiles))", ""]
            lines += document.skipped.map { "- `\(MarkdownReportRenderer.code($0.path))`: \(e($0.reason))" }
        }
    }

    /// In a follow-up: the session before, then → now, as the comparison's Markdown has it.
    static func sinceLines(_ followUp: FollowUpSection, language: Language) -> [String] {
        let words = ComparisonStrings.forLanguage(language)
        let heading = "## " + MarkdownReportRenderer.escape(ComparisonStrings.fill(words.sinceTitle, ["then": followUp.earlier]))
        guard let comparison = followUp.comparison else {
            return ["", heading, "", MarkdownReportRenderer.escape(ComparisonStrings.fill(words.sinceUnavailable, [
                "then": followUp.earlier, "reason": followUp.unavailable ?? ""])), ""]
        }
        return ["", heading, ""] + ComparisonMarkdownRenderer.sinceLines(comparison) + [""]
    }

    private mutating func participation() {
        lines += ["## \(e(words.participation))", "", "| \(e(words.department)) | \(e(words.joined)) | \(e(words.done)) |", "|---|---:|---:|"]
        for entry in scores.participation {
            lines.append("| \(e(document.moduleTitle(entry.department))) | \(entry.joined) | \(entry.done) |")
        }
        lines.append("| **\(e(words.total))** | **\(document.participantCount)** | **\(scores.participation.reduce(0) { $0 + $1.done })** |")
        if !document.skipped.isEmpty {
            lines += ["", e(ReportStrings.fill(words.skippedSummary, ["count": String(document.skipped.count)]))]
        }
    }

    private mutating func summary() {
        lines += ["", "## \(e(words.executiveSummary))", "", ExecutiveSummary.sentences(document).map(e).joined(separator: " ")]
        if let warning = document.confidence {
            lines += ["", "> **\(e(words.confidenceTitle))**", ">"]
            lines += phrases.warningSentences(warning).map { "> \(e($0))" }.joined(separator: "\n>\n").split(separator: "\n").map(String.init)
        }
        lines += ["", "- **\(e(words.overallMaturity))**: \(e(level(scores.overall))) · n \(document.participantCount)"]
        if let weakest = scores.weakestLink, let module = scores.module(weakest) {
            lines.append("- **\(e(words.weakestLink))**: \(e(document.moduleTitle(weakest))), \(number(module.level.current)) — \(e(words.weakestLinkNote))")
        }
        lines += ["", "### \(e(words.topGaps))", ""]
        let top = document.headlineGaps.prefix(ReportDocument.summaryGapCount)
        if top.isEmpty { lines.append(e(words.noData)) }
        for (rank, item) in top.enumerated() {
            gapEntry(item, label: "\(document.moduleTitle(item.module)) · \(document.prompt(item.item))", rank: rank + 1)
        }
        lines += ["", "### \(e(words.biggestDisagreements))", ""]
        let disagreements = scores.disagreements.prefix(5)
        if disagreements.isEmpty { lines.append("–") }
        for item in disagreements {
            lines.append("- \(e(document.moduleTitle(item.module))) · \(e(document.prompt(item.item))): \(item.minimum ?? 0)–\(item.maximum ?? 0), "
                + "\(e(words.spread)) \(number(item.spread)) · \(confidence(n: item.n, low: item.lowConfidence))")
        }
        if !scores.votes.isEmpty {
            lines += ["", "### \(e(words.dotVotes))", ""]
            for (item, count) in scores.votes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                let label = document.module(for: item).map { document.moduleTitle($0) + " · " } ?? ""
                lines.append("- \(e(label + document.prompt(item))): \(count)")
            }
        }
        if !document.setup.sharedModules.isEmpty {
            lines += ["", e(ReportStrings.fill(words.perceptionSummary, ["count": String(scores.perceptionGaps.filter(\.flagged).count)]))]
        }
    }

    /// A gap as a numbered next step: its label, figures with n, and the stage above today's.
    private mutating func gapEntry(_ item: ItemScore, label: String, rank: Int) {
        lines.append("\(rank). **\(e(label))**  ")
        lines.append("   \(e(words.priority)) \(number(item.priority)) · \(number(item.current)) → \(number(item.target)) · "
            + confidence(n: item.n, low: item.lowConfidence) + (phrases.nextStep(item) == nil ? "" : "  "))
        if let step = phrases.nextStep(item) { lines.append("   \(e(step))") }
    }

    /// "n 3", or "n 1 · **low confidence**".
    private func confidence(n: Int, low: Bool) -> String {
        "n \(n)" + (low ? " · **\(e(words.lowConfidence))**" : "")
    }

    private mutating func moduleSection(_ module: ModuleScore) {
        let title = document.moduleTitle(module.module) + (module.isShared ? " (\(words.sharedSection))" : "")
        lines += ["", "## \(e(title))", "", e("\(words.now) → \(words.target): " + level(module.level)), "",
                  "| \(e(words.dimension)) | \(e(words.now)) | \(e(words.target)) | \(e(words.gap)) | \(e(words.items)) | n |",
                  "|---|---:|---:|---:|---:|---:|"]
        for dimension in module.dimensions {
            let low = dimension.itemsRated > 0 && dimension.lowConfidence
            lines.append("| \(e(document.dimensionTitle(module: module.module, dimension: dimension.dimension))) | "
                + "\(number(dimension.level.current)) | \(number(dimension.level.target)) | \(number(dimension.level.gap)) | \(dimension.itemsRated) | "
                + "\(dimension.n)\(low ? "\\*" : "") |")
        }
        if module.dimensions.contains(where: { $0.itemsRated > 0 && $0.lowConfidence }) {
            lines += ["", e(ReportStrings.fill(words.confidenceDefinition, ["quorum": String(scores.quorum)]))]
        }
        let gaps = scores.rankedGaps.filter { $0.module == module.module }.prefix(3)
        if !gaps.isEmpty {
            lines += ["", "### \(e(words.topGaps))", ""]
            for (rank, item) in gaps.enumerated() { gapEntry(item, label: document.prompt(item.item), rank: rank + 1) }
        }
        // Comments only: free answers to text items are in the item detail, under their question.
        let comments = document.comments(inModule: module.module).filter { !$0.isAnswer }
        lines += ["", "### \(e(words.comments))", ""]
        if comments.isEmpty { lines.append(e(words.noComments)) }
        lines += comments.prefix(TextReportWriter.commentsPerModule).map { "- \\[\(e(document.moduleTitle($0.department)))\\] \(e($0.text))" }
        if comments.count > TextReportWriter.commentsPerModule {
            lines += ["", e(ReportStrings.fill(words.moreComments, ["count": String(comments.count - TextReportWriter.commentsPerModule)]))]
        }
    }

    private mutating func perception() {
        guard !scores.perceptionMatrix.isEmpty else { return }
        let departments = scores.departments
        lines += ["", "## \(e(words.perceptionGaps))", "", e(words.perceptionIntro), "",
                  "| \(e(words.dimension)) | " + departments.map { e(document.moduleTitle($0)) }.joined(separator: " | ") + " | \(e(words.gap)) |",
                  "|---|" + departments.map { _ in "---:" }.joined(separator: "|") + "|---:|"]
        for row in scores.perceptionMatrix {
            lines.append("| \(e(document.dimensionTitle(module: row.module, dimension: row.dimension))) | "
                + departments.map { department in number(row.means.first { $0.department == department }?.mean) }.joined(separator: " | ")
                + " | \(number(row.gap))\(row.flagged ? " ⚠" : "") |")
        }
        lines.append("| n | " + departments.map { department in
            let n = document.sharedN(department: department)
            return "\(n)" + (n < scores.quorum ? "\\*" : "")
        }.joined(separator: " | ") + " | |")
        lines += ["", e(words.perceptionNeedsTwo) + " " + e(ReportStrings.fill(words.confidenceDefinition, ["quorum": String(scores.quorum)])),
                  "", "### \(e(words.flaggedItems))", ""]
        let flagged = scores.perceptionGaps.filter(\.flagged).sorted { ($0.gap ?? 0) > ($1.gap ?? 0) }
        if flagged.isEmpty { lines.append(e(words.noFlaggedItems)) }
        for gap in flagged {
            lines.append("- \(e(document.prompt(gap.item))) — \(e(words.gap)) \(number(gap.gap)): \(e(phrases.departmentMeans(gap)))")
        }
    }

    private mutating func goals() {
        lines += ["", "## \(e(words.goals))", ""]
        if document.goals.isEmpty { lines.append(e(words.noGoals)) }
        for (index, goal) in document.goals.enumerated() {
            lines.append("\(index + 1). **\(e(goal.statement))**")
            if !goal.kpi.isEmpty || !goal.baseline.isEmpty || !goal.target.isEmpty {
                lines.append("   - \(e(words.goalKPI)): \(e(goal.kpi)), \(e(words.goalBaseline)) \(e(goal.baseline)) → \(e(words.goalTarget)) \(e(goal.target))")
            }
            if !goal.owner.isEmpty || !goal.due.isEmpty {
                lines.append("   - \(e(words.goalOwner)): \(e(goal.owner))" + (goal.due.isEmpty ? "" : ", \(e(words.goalDue)) \(e(goal.due))"))
            }
            if !goal.links.isEmpty {
                lines.append("   - \(e(words.goalCloses)): " + goal.links.map { e(document.linkTitle($0)) }.joined(separator: "; "))
            }
        }
    }

    private mutating func itemDetail() {
        lines += ["", "## \(e(words.itemDetail))"]
        for module in document.setup.modules where scores.module(module.id) != nil {
            lines += ["", "### \(e(document.moduleTitle(module.id)))"]
            for item in module.items {
                lines += ["", "**\(e(item.prompt.resolved(in: document.language)))** `\(MarkdownReportRenderer.code(item.id.rawValue))`", ""]
                var details: [String] = []
                switch item.kind {
                case .maturity: details = phrases.maturityDetail(item)
                case .choice(let options, _): details = phrases.choiceDetail(item, options: options)
                case .number(let spec): details = phrases.numberDetail(item, unit: spec.unit.resolved(in: document.language))
                case .text: break
                }
                lines += details.map { "- \(e($0))" }
                let comments = document.comments(on: item.id)
                let answers = comments.filter(\.isAnswer), remarks = comments.filter { !$0.isAnswer }
                for (label, group) in [(words.answers, answers), (words.comments, remarks)] where !group.isEmpty {
                    if !details.isEmpty || label == words.comments && !answers.isEmpty { lines.append("") }
                    lines += ["*\(e(label))*", ""]
                    lines += group.map { "- \\[\(e(document.moduleTitle($0.department)))\\] \(e($0.text))" }
                }
            }
        }
    }

    private func level(_ level: Level) -> String {
        guard let stage = level.stage else { return words.noData }
        return "\(number(level.current)) → \(number(level.target)) (\(words.stage) \(stage.label(in: document.language))"
            + (level.targetStage.map { " → \($0.label(in: document.language))" } ?? "") + ")"
    }
}
