import Basics
import Questionnaire
import Scoring

/// The comparison as printable text: no line wider than 80 columns, in the document's language.
public enum ComparisonTextRenderer {
    public static let width = TextReportRenderer.width

    public static func render(_ document: ComparisonDocument) -> String {
        var writer = ComparisonTextWriter(document: document)
        writer.header()
        writer.summary()
        writer.modules()
        writer.moved()
        writer.disagreements()
        writer.perception()
        writer.goalReview()
        writer.notCompared()
        writer.method()
        writer.skippedFiles()
        return writer.lines.joined(separator: "\n") + "\n"
    }

    /// The gap report's section on the session before: the summary, and each module then → now.
    static func sinceLines(_ document: ComparisonDocument, heading: String) -> [String] {
        var writer = ComparisonTextWriter(document: document)
        writer.lines += TextLayout.heading(heading, width: width)
        writer.summaryParagraph()
        writer.modules(headingLevel: .sub)
        // Never apples with pears in silence: the questions left out are named here too.
        writer.notCompared(headingLevel: .sub)
        return writer.lines
    }

    /// "Goals since …": each carried-over goal with its status, its figures then and now, its
    /// owner and the note.
    static func goalReviewLines(_ review: GoalReviewSection, language: Language) -> [String] {
        let phrases = GoalReviewPhrases(language: language)
        let words = phrases.words
        func wrap(_ text: String, indent: Int, hanging: Int = 0, first: String? = nil) -> [String] {
            TextLayout.wrap(Sanitized.visible(text.split(whereSeparator: \.isNewline).joined(separator: " ")), width: width,
                            indent: indent, hanging: hanging, first: first)
        }
        var lines = TextLayout.heading(ComparisonStrings.fill(words.goalsTitle, ["then": review.earlier]), width: width)
        guard !review.reviews.isEmpty else { return lines + wrap(review.emptyText(words), indent: 2) }
        for (index, entry) in review.reviews.enumerated() {
            let lead = DisplayWidth.padLeft("\(index + 1).", to: 4) + " [\(phrases.status(entry.status))] "
            lines += wrap(entry.goal.statement, indent: 0, first: lead)
            for detail in [phrases.goalFigures(entry), phrases.goalOwner(entry.goal)].compactMap({ $0 }) { lines += wrap(detail, indent: 6) }
            if !entry.note.isEmpty { lines += wrap("\(words.goalNote): \(entry.note)", indent: 6) }
        }
        return lines
    }
}

/// Builds the comparison's text line by line.
struct ComparisonTextWriter {
    let document: ComparisonDocument
    let phrases: ComparisonPhrases
    var lines: [String] = []
    let width = ComparisonTextRenderer.width

    init(document: ComparisonDocument) {
        self.document = document
        phrases = ComparisonPhrases(document)
    }

    var words: ComparisonStrings { phrases.words }
    var comparison: SessionComparison { document.comparison }
    var sessions: [ComparedSession] { comparison.sessions }
    /// The sessions' labels as they may be printed.
    var labels: [String] { sessions.map { clean($0.label) } }

    enum HeadingLevel { case main, sub }

    mutating func header() {
        lines.append(phrases.title().uppercased())
        for line in phrases.sessionLines() { lines += wrap(clean(line), indent: 0, hanging: 2) }
        lines.append(String(repeating: "=", count: width))
    }

    mutating func summary() {
        lines += TextLayout.heading(words.summary, width: width)
        summaryParagraph()
    }

    mutating func summaryParagraph() {
        lines += wrap(clean(phrases.summary().joined(separator: " ")), indent: 2)
    }

    mutating func modules(headingLevel: HeadingLevel = .main) {
        for module in comparison.modules {
            let title = document.moduleTitle(module.module)
            switch headingLevel {
            case .main: lines += TextLayout.heading(title, width: width)
            case .sub: lines += ["", "  " + DisplayWidth.truncate(title.uppercased(), to: width - 2)]
            }
            table(module)
        }
        lines.append("")
        lines += wrap(comparison.mode == .overTime ? words.legendOverTime : (compactCells ? words.legendSideBySideCompact : words.legendSideBySide),
                      indent: 2)
    }

    /// Side by side with many sessions, a cell holds the current alone.
    var compactCells: Bool { comparison.mode == .sideBySide && sessions.count > 4 }

    private mutating func table(_ module: ModuleComparison) {
        let rows = module.dimensions.map { dimension in
            (document.dimensionTitle(module: module.module, dimension: dimension.dimension), dimension.levels, dimension.change,
             dimension.spread, dimension.best)
        } + [(ComparisonStrings.fill(words.allDimensions, ["module": document.moduleTitle(module.module)]), module.levels, module.change,
              module.spread, module.best)]
        switch comparison.mode {
        case .overTime:
            let (first, each) = columns(preferred: 10, minimum: 5, others: [6, 12, 7])
            let widths = [first] + Array(repeating: each, count: sessions.count) + [6, 12, 7]
            let header = [words.dimension] + labels + [words.change, words.target, words.closed]
            let body = rows.map { row in
                [row.0] + row.1.map { phrases.numbers.fixed($0.current) }
                    + [phrases.signed(row.2?.current), targets(row.1), phrases.percent(row.2?.closed)]
            }
            lines += TextLayout.table(header: header, rows: body, widths: widths, rightAligned: Set(1..<widths.count))
        case .sideBySide:
            let cellWidth = compactCells ? 6 : 11
            let (first, each) = columns(preferred: max(cellWidth, 12), minimum: cellWidth, others: [6])
            let widths = [first] + Array(repeating: each, count: sessions.count) + [6]
            let header = [words.dimension] + labels + [words.spread]
            let body = rows.map { row in
                [row.0] + row.1.indices.map { index in
                    let level = row.1[index]
                    guard level.current != nil else { return "–" }
                    let numbers = compactCells ? phrases.numbers.fixed(level.current)
                        : "\(phrases.numbers.fixed(level.current))/\(phrases.numbers.fixed(level.target))"
                    return numbers + (row.4.contains(index) ? "▲" : " ")
                } + [phrases.numbers.fixed(row.3)]
            }
            lines += TextLayout.table(header: header, rows: body, widths: widths, rightAligned: Set(1..<widths.count))
        }
    }

    /// The widths of a table's first column (the dimension) and of each session's column, so
    /// that the line fits the page: a session's column is as wide as its label up to
    /// `preferred`, narrower (down to `minimum`, the numbers' width) when many sessions need the
    /// room; the first column takes what is left, at least 12.
    func columns(preferred: Int, minimum: Int, others: [Int]) -> (first: Int, each: Int) {
        let fixed = others.reduce(0, +) + others.count + sessions.count  // the others and every separator
        let room = width - 2 - fixed - 12
        let wanted = min(preferred, max(minimum, labels.map { DisplayWidth.of($0) }.max() ?? minimum))
        let each = max(minimum, min(wanted, room / max(1, sessions.count)))
        return (max(12, width - 2 - fixed - each * sessions.count), each)
    }

    /// "3.00→3.50": the target in the first session and the last.
    private func targets(_ levels: [ComparedLevel]) -> String {
        let then = levels.first?.target, now = levels.last?.target
        if then == nil && now == nil { return "–" }
        return phrases.numbers.fixed(then) + "→" + phrases.numbers.fixed(now)
    }

    mutating func moved() {
        guard comparison.mode == .overTime else { return }
        lines += TextLayout.heading(words.movedTitle, width: width)
        guard !comparison.moved.isEmpty else {
            lines += wrap(words.noneMoved, indent: 2)
            return
        }
        for item in comparison.moved {
            let lead = "  " + (item.change > 0 ? "▲ " : "▼ ") + DisplayWidth.padLeft(phrases.signed(item.change), to: 5) + "  "
            let text = "\(phrases.numbers.fixed(item.then)) → \(phrases.numbers.fixed(item.now))  \(document.prompt(item.item)) (\(document.moduleTitle(item.module)))"
            lines += wrap(clean(text), indent: 0, hanging: 0, first: lead)
        }
    }

    mutating func disagreements() {
        guard comparison.mode == .overTime else { return }
        lines += TextLayout.heading(words.disagreementsTitle, width: width)
        if comparison.newDisagreements.isEmpty && comparison.resolvedDisagreements.isEmpty {
            lines += wrap(words.noDisagreementChange, indent: 2)
            return
        }
        for (title, items) in [(words.newDisagreements, comparison.newDisagreements), (words.settledDisagreements, comparison.resolvedDisagreements)]
        where !items.isEmpty {
            lines += wrap(title, indent: 2)
            for item in items {
                lines += wrap(clean("– \(document.prompt(item)) (\(document.moduleTitle(document.module(of: item))))"), indent: 4, hanging: 2)
            }
        }
    }

    mutating func perception() {
        guard !comparison.perception.isEmpty else { return }
        lines += TextLayout.heading(ReportStrings.forLanguage(document.language).perceptionGaps, width: width)
        lines += wrap(words.perceptionIntro, indent: 2)
        let (first, each) = columns(preferred: 10, minimum: 6, others: [])
        let widths = [first] + Array(repeating: each, count: sessions.count)
        let rows = comparison.perception.map { row in
            [document.dimensionTitle(module: row.module, dimension: row.dimension)]
                + row.gaps.indices.map { phrases.numbers.fixed(row.gaps[$0]) + (row.flagged[$0] ? "!" : " ") }
        }
        lines += TextLayout.table(header: [words.dimension] + labels, rows: rows, widths: widths,
                                  rightAligned: Set(1..<widths.count))
    }

    mutating func goalReview() {
        guard let review = document.review else { return }
        lines += ComparisonTextRenderer.goalReviewLines(review, language: document.language)
    }

    mutating func notCompared(headingLevel: HeadingLevel = .main) {
        switch headingLevel {
        case .main: lines += TextLayout.heading(words.notComparedTitle, width: width)
        case .sub: lines += ["", "  " + DisplayWidth.truncate(words.notComparedTitle.uppercased(), to: width - 2)]
        }
        guard let blocks = phrases.notComparedBlocks() else {
            lines += wrap(phrases.everythingCompared, indent: 2)
            return
        }
        for block in blocks {
            lines += wrap(block.title, indent: 2)
            for entry in block.entries { lines += wrap(clean("– " + entry), indent: 4, hanging: 2) }
        }
    }

    mutating func method() {
        lines += TextLayout.heading(words.methodTitle, width: width)
        for (index, paragraph) in words.methodText.enumerated() {
            if index > 0 { lines.append("") }
            lines += wrap(paragraph, indent: 2)
        }
    }

    mutating func skippedFiles() {
        guard !document.skipped.isEmpty else { return }
        lines += TextLayout.heading(ReportStrings.forLanguage(document.language).skippedFiles, width: width)
        for file in document.skipped { lines += wrap(clean("\(file.path): \(file.reason)"), indent: 2, hanging: 2) }
    }

    private func wrap(_ text: String, indent: Int, hanging: Int = 0, first: String? = nil) -> [String] {
        TextLayout.wrap(text, width: width, indent: indent, hanging: hanging, first: first)
    }

    /// Untrusted text (titles, labels, goals) made visible and harmless, on one line.
    private func clean(_ text: String) -> String {
        Sanitized.visible(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}
