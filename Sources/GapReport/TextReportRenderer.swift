import Basics
import Foundation
import Questionnaire
import Scoring

/// The gap report as printable text: no line wider than 80 columns, in the report's language.
public enum TextReportRenderer {
    public static let width = 80

    public static func render(_ document: ReportDocument) -> String {
        var writer = TextReportWriter(document: document)
        writer.header()
        writer.participation()
        writer.executiveSummary()
        writer.sinceEarlierSession()
        for module in document.scores.modules { writer.moduleSection(module) }
        writer.perceptionGaps()
        writer.goalReview()
        writer.goals()
        writer.methodology()
        writer.itemDetail()
        writer.skippedFiles()
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

/// Builds the report line by line.
struct TextReportWriter {
    let document: ReportDocument
    let words: ReportStrings
    var lines: [String] = []
    let width = TextReportRenderer.width
    /// Comments quoted in a module's section; the rest are in the item detail.
    static let commentsPerModule = 8

    init(document: ReportDocument) {
        self.document = document
        words = ReportStrings.forLanguage(document.language)
    }

    // MARK: Sections

    mutating func header() {
        let title = words.reportTitle.uppercased()
        lines.append(title)
        lines += wrap(clean(document.title), indent: 0)
        lines.append(ReportStrings.fill(words.sessionLine, ["date": clean(document.date), "id": document.sessionID,
                                                            "quorum": String(document.scores.quorum)]))
        lines.append(String(repeating: "=", count: width))
    }

    mutating func participation() {
        heading(words.participation)
        let rows = document.scores.participation.map { entry in
            [document.moduleTitle(entry.department), String(entry.joined), String(entry.done)]
        }
        let totals = [words.total, String(document.participantCount),
                      String(document.scores.participation.reduce(0) { $0 + $1.done })]
        table(header: [words.department, words.joined, words.done], rows: rows + [totals], widths: [40, 8, 8], rightAligned: [1, 2])
        if !document.skipped.isEmpty {
            lines.append("")
            lines += wrap(ReportStrings.fill(words.skippedSummary, ["count": String(document.skipped.count)]), indent: 2)
        }
    }

    mutating func executiveSummary() {
        heading(words.executiveSummary)
        for sentence in ExecutiveSummary.sentences(document) { lines += wrap(clean(sentence), indent: 2) }
        confidenceWarning()
        lines.append("")
        let overall = document.scores.overall
        lines += wrap("\(words.overallMaturity): \(levelText(overall)) · n \(document.participantCount)", indent: 2)
        if let weakest = document.scores.weakestLink, let score = document.scores.module(weakest) {
            lines += wrap("\(words.weakestLink): \(document.moduleTitle(weakest)), \(number(score.level.current))"
                + stageText(score.level.stage) + " — \(words.weakestLinkNote).", indent: 2)
        }
        lines.append("")
        lines += wrap(words.topGaps + ":", indent: 2)
        // Only real gaps: an item already at its target has nothing to close.
        let top = document.headlineGaps.prefix(ReportDocument.summaryGapCount)
        if top.isEmpty { lines += wrap(words.noData, indent: 4) }
        for (rank, item) in top.enumerated() {
            gapEntry(item, label: "\(document.moduleTitle(item.module)) · \(document.prompt(item.item))", rank: rank + 1)
        }
        lines.append("")
        lines += wrap(words.biggestDisagreements + ":", indent: 2)
        let disagreements = document.scores.disagreements.prefix(5)
        if disagreements.isEmpty { lines.append("    –") }
        for item in disagreements {
            lines += wrap("\(document.moduleTitle(item.module)) · \(document.prompt(item.item))", indent: 4, hanging: 2)
            lines += wrap("\(item.minimum ?? 0)–\(item.maximum ?? 0), \(words.spread) \(number(item.spread)) · "
                + confidence(n: item.n, low: item.lowConfidence), indent: 6)
        }
        let voted = document.scores.votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5)
        if !voted.isEmpty {
            lines.append("")
            lines += wrap(words.dotVotes + ":", indent: 2)
            for (item, count) in voted {
                let dots = " " + String(repeating: "●", count: min(count, 10)) + " \(count)"
                let label = document.module(for: item).map { document.moduleTitle($0) + " · " } ?? ""
                lines.append("    " + DisplayWidth.pad(label + document.prompt(item), to: width - 4 - DisplayWidth.of(dots)) + dots)
            }
        }
        let flagged = document.scores.perceptionGaps.filter(\.flagged).count
        if !document.setup.sharedModules.isEmpty {
            lines.append("")
            lines += wrap(ReportStrings.fill(words.perceptionSummary, ["count": String(flagged)]), indent: 2)
        }
    }

    /// The low-confidence warning, when the numbers need one: which departments are thin, how
    /// many of the largest gaps rest on too few people, and what low confidence means.
    private mutating func confidenceWarning() {
        guard let warning = document.confidence else { return }
        lines.append("")
        lines += wrap("! " + words.confidenceTitle.uppercased(), indent: 2, hanging: 2)
        lines += ReportPhrases(document).warningSentences(warning).flatMap { wrap($0, indent: 4) }
    }

    /// One gap as a next step: its label, its figures with how many people stand behind them,
    /// and what the stage above today's looks like.
    private mutating func gapEntry(_ item: ItemScore, label: String, rank: Int) {
        lines += wrap(clean(label), indent: 2, hanging: 2, first: DisplayWidth.padLeft("\(rank).", to: 4) + " ")
        lines += wrap("\(words.priority) \(number(item.priority)) · \(number(item.current)) → \(number(item.target)) · "
            + confidence(n: item.n, low: item.lowConfidence), indent: 7)
        if let step = ReportPhrases(document).nextStep(item) { lines += wrap(clean(step), indent: 7, hanging: 2) }
    }

    /// "n 3", or "n 1 · low confidence".
    private func confidence(n: Int, low: Bool) -> String {
        "n \(n)" + (low ? " · \(words.lowConfidence)" : "")
    }

    mutating func moduleSection(_ score: ModuleScore) {
        let title = document.moduleTitle(score.module) + (score.isShared ? " (\(words.sharedSection))" : "")
        heading(title)
        lines += wrap("\(words.now) → \(words.target): \(levelText(score.level))", indent: 2)
        lines.append("")
        let rows = score.dimensions.map { dimension in
            [document.dimensionTitle(module: score.module, dimension: dimension.dimension), number(dimension.level.current),
             number(dimension.level.target), number(dimension.level.gap), String(dimension.itemsRated),
             countCell(dimension.n, low: dimension.itemsRated > 0 && dimension.lowConfidence)]
        }
        table(header: [words.dimension, words.now, words.target, words.gap, words.items, "n"], rows: rows,
              widths: [40, 7, 7, 7, 5, 5], rightAligned: [1, 2, 3, 4, 5])
        if score.dimensions.contains(where: { $0.itemsRated > 0 && $0.lowConfidence }) { confidenceLegend() }
        let gaps = document.scores.rankedGaps.filter { $0.module == score.module }.prefix(3)
        if !gaps.isEmpty {
            lines.append("")
            lines += wrap(words.topGaps + ":", indent: 2)
            for (rank, item) in gaps.enumerated() { gapEntry(item, label: document.prompt(item.item), rank: rank + 1) }
        }
        let comments = document.comments(inModule: score.module).filter { !$0.isAnswer }
        lines.append("")
        lines += wrap(words.comments + ":", indent: 2)
        if comments.isEmpty { lines += wrap(words.noComments, indent: 4) }
        for comment in comments.prefix(Self.commentsPerModule) {
            lines += wrap("– [\(document.moduleTitle(comment.department))] \(clean(comment.text))", indent: 4, hanging: 2)
        }
        if comments.count > Self.commentsPerModule {
            lines += wrap(ReportStrings.fill(words.moreComments, ["count": String(comments.count - Self.commentsPerModule)]), indent: 4)
        }
    }

    /// A table's n: "3", or "1*" when low-confidence.
    private func countCell(_ n: Int, low: Bool) -> String { "\(n)" + (low ? "*" : " ") }

    /// What "n" and "*" mean, under a table that uses them.
    private mutating func confidenceLegend() {
        lines += wrap(ReportStrings.fill(words.confidenceDefinition, ["quorum": String(document.scores.quorum)]), indent: 2)
    }

    mutating func perceptionGaps() {
        guard !document.scores.perceptionMatrix.isEmpty else { return }
        heading(words.perceptionGaps)
        lines += wrap(words.perceptionIntro, indent: 2)
        lines.append("")
        let departments = document.scores.departments
        let columnWidth = 8
        let labelWidth = width - 2 - (departments.count + 1) * (columnWidth + 1)
        var header = "  " + DisplayWidth.pad(words.dimension, to: labelWidth)
        for department in departments { header += " " + DisplayWidth.padLeft(DisplayWidth.truncate(document.moduleTitle(department), to: columnWidth), to: columnWidth) }
        header += " " + DisplayWidth.padLeft(words.gap, to: columnWidth)
        lines.append(header)
        for row in document.scores.perceptionMatrix {
            var line = "  " + DisplayWidth.pad(document.dimensionTitle(module: row.module, dimension: row.dimension), to: labelWidth)
            for department in departments {
                line += " " + DisplayWidth.padLeft(number(row.means.first { $0.department == department }?.mean), to: columnWidth)
            }
            line += " " + DisplayWidth.padLeft(number(row.gap) + (row.flagged ? " !" : "  "), to: columnWidth)
            lines.append(line.trimmingTrailingSpaces())
        }
        // How many people stand behind each department's column: how many of its people rated the shared questions.
        var counts = "  " + DisplayWidth.pad("n", to: labelWidth)
        for department in departments {
            let n = document.sharedN(department: department)
            counts += " " + DisplayWidth.padLeft(countCell(n, low: n < document.scores.quorum), to: columnWidth)
        }
        lines.append(counts.trimmingTrailingSpaces())
        lines.append("")
        lines += wrap(words.perceptionNeedsTwo, indent: 2)
        confidenceLegend()
        lines.append("")
        let flagged = document.scores.perceptionGaps.filter(\.flagged).sorted { ($0.gap ?? 0) > ($1.gap ?? 0) }
        lines += wrap(words.flaggedItems + ":", indent: 2)
        if flagged.isEmpty { lines += wrap(words.noFlaggedItems, indent: 4) }
        for gap in flagged {
            lines += wrap("\(document.prompt(gap.item)) — \(words.gap) \(number(gap.gap))", indent: 4)
            lines += wrap(ReportPhrases(document).departmentMeans(gap), indent: 6)
        }
    }

    mutating func goals() {
        heading(words.goals)
        if document.goals.isEmpty {
            lines += wrap(words.noGoals, indent: 2)
            return
        }
        for (index, goal) in document.goals.enumerated() {
            lines += wrap(clean(goal.statement), indent: 2, hanging: 4, first: DisplayWidth.padLeft("\(index + 1).", to: 3) + " ")
            var details: [String] = []
            if !goal.kpi.isEmpty || !goal.baseline.isEmpty || !goal.target.isEmpty {
                details.append("\(words.goalKPI): \(clean(goal.kpi)), \(words.goalBaseline) \(clean(goal.baseline)) → \(words.goalTarget) \(clean(goal.target))")
            }
            if !goal.owner.isEmpty || !goal.due.isEmpty {
                details.append("\(words.goalOwner): \(clean(goal.owner))" + (goal.due.isEmpty ? "" : ", \(words.goalDue) \(clean(goal.due))"))
            }
            for detail in details { lines += wrap(detail, indent: 6) }
            if !goal.links.isEmpty {
                lines += wrap(words.goalCloses + ":", indent: 6)
                for link in goal.links { lines += wrap("– " + clean(document.linkTitle(link)), indent: 8, hanging: 2) }
            }
        }
    }

    /// In a follow-up: the session before, then → now.
    mutating func sinceEarlierSession() {
        guard let followUp = document.followUp else { return }
        let comparisonWords = ComparisonStrings.forLanguage(document.language)
        let heading = ComparisonStrings.fill(comparisonWords.sinceTitle, ["then": followUp.earlier])
        if let comparison = followUp.comparison {
            lines += ComparisonTextRenderer.sinceLines(comparison, heading: heading)
        } else {
            lines += TextLayout.heading(heading, width: width)
            lines += wrap(clean(ComparisonStrings.fill(comparisonWords.sinceUnavailable, ["then": followUp.earlier,
                                                                                         "reason": followUp.unavailable ?? ""])), indent: 2)
        }
    }

    /// In a follow-up: the goals the session before agreed, as reviewed now.
    mutating func goalReview() {
        guard let followUp = document.followUp else { return }
        lines += ComparisonTextRenderer.goalReviewLines(followUp.review, language: document.language)
    }

    mutating func methodology() {
        heading(words.methodology)
        for (index, paragraph) in words.methodologyText.enumerated() {
            if index > 0 { lines.append("") }
            lines += wrap(paragraph, indent: 2)
        }
    }

    mutating func itemDetail() {
        heading(words.itemDetail)
        let scores = document.scores
        for module in document.setup.modules where scores.module(module.id) != nil {
            lines.append("")
            lines.append(document.moduleTitle(module.id).uppercased())
            for item in module.items {
                lines.append("")
                lines += wrap(item.id.rawValue, indent: 2)
                lines += wrap(item.prompt.resolved(in: document.language), indent: 4)
                switch item.kind {
                case .maturity: maturityDetail(item)
                case .choice(let options, _): choiceDetail(item, options: options)
                case .number(let spec): numberDetail(item, unit: spec.unit.resolved(in: document.language))
                case .text: break
                }
                let comments = document.comments(on: item.id)
                if !comments.isEmpty {
                    lines += wrap((item.kind.tag == .text ? words.answers : words.comments) + ":", indent: 4)
                    for comment in comments {
                        lines += wrap("– [\(document.moduleTitle(comment.department))] \(clean(comment.text))", indent: 6, hanging: 2)
                    }
                }
            }
        }
    }

    mutating func skippedFiles() {
        guard !document.skipped.isEmpty else { return }
        heading(words.skippedFiles)
        for file in document.skipped {
            lines += wrap("\(clean(file.path)): \(clean(file.reason))", indent: 2, hanging: 2)
        }
    }

    // MARK: Item detail

    private mutating func maturityDetail(_ item: Item) {
        // The detail's phrases are the Markdown report's too; here each is wrapped to the page.
        for line in ReportPhrases(document).maturityDetail(item) { lines += wrap(line, indent: 4) }
    }

    private mutating func choiceDetail(_ item: Item, options: [ChoiceOption]) {
        for line in ReportPhrases(document).choiceDetail(item, options: options) { lines += wrap(line, indent: 4, hanging: 2) }
    }

    private mutating func numberDetail(_ item: Item, unit: String) {
        for line in ReportPhrases(document).numberDetail(item, unit: unit) { lines += wrap(line, indent: 4, hanging: 2) }
    }

    // MARK: Layout helpers

    private mutating func heading(_ text: String) {
        lines += TextLayout.heading(text, width: width)
    }

    private mutating func table(header: [String], rows: [[String]], widths: [Int], rightAligned: Set<Int>) {
        lines += TextLayout.table(header: header, rows: rows, widths: widths, rightAligned: rightAligned)
    }

    private func wrap(_ text: String, indent: Int, hanging: Int = 0, first: String? = nil) -> [String] {
        TextLayout.wrap(text, width: width, indent: indent, hanging: hanging, first: first)
    }

    /// "2.19 → 3.05 (stage 2 — focusing → 3 — formalised)".
    private func levelText(_ level: Level) -> String {
        guard level.current != nil, let stage = level.stage else { return words.noData }
        let stages = stageLabel(stage) + (level.targetStage.map { " → " + stageLabel($0) } ?? "")
        return "\(number(level.current)) → \(number(level.target)) (\(words.stage) \(stages))"
    }

    private func stageText(_ stage: MaturityStage?) -> String {
        stage.map { " (\(words.stage) \(stageLabel($0)))" } ?? ""
    }

    /// "2 — focusing", held together with no-break spaces so a line never breaks inside it.
    private func stageLabel(_ stage: MaturityStage) -> String {
        stage.label(in: document.language).replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// Two decimals, with the language's decimal separator; "–" when undefined.
    func number(_ value: Double?) -> String { LocalizedNumbers(words).fixed(value) }

    /// A KPI value as written, with the language's decimal separator.
    func plain(_ value: Double) -> String { LocalizedNumbers(words).plain(value) }

    /// Untrusted text with control characters and escape sequences made visible and harmless.
    func clean(_ text: String) -> String {
        Sanitized.visible(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
