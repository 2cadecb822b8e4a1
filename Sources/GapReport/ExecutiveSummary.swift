import Foundation
import Questionnaire
import Scoring

/// The three to five plain sentences the executive summary opens with, made from the data in the
/// report's language: where the company stands, the biggest gaps, where departments disagree,
/// what was agreed, and a word of care when few people stand behind the numbers. No symbols, no
/// formulas, no counts of "don't know": those belong in the methodology and the item detail.
public enum ExecutiveSummary {
    /// How many areas a sentence names before it would stop being plain.
    static let areasPerSentence = 3
    /// How many goal statements the goals sentence quotes.
    static let goalsQuoted = 3

    public static func sentences(_ document: ReportDocument) -> [String] {
        let words = ReportStrings.forLanguage(document.language)
        let scores = document.scores
        var sentences: [String] = []
        guard let current = scores.overall.current else {
            sentences.append(words.summaryNoRatings)
            sentences.append(goalsSentence(document, words))
            return sentences
        }
        sentences.append(standing(document, words, current: current))
        let areas = gapAreas(document)
        sentences.append(areas.isEmpty ? words.summaryNoGaps
                         : ReportStrings.fill(words.summaryGaps, ["areas": list(areas, words)]))
        if let perception = perceptionSentence(document, words) { sentences.append(perception) }
        sentences.append(goalsSentence(document, words))
        if document.confidence != nil { sentences.append(words.summaryLowConfidence) }
        return sentences
    }

    /// "Today the company stands at stage 2 of 4 (focusing) and aims for stage 3 (formalised);
    /// Customer service is furthest behind."
    private static func standing(_ document: ReportDocument, _ words: ReportStrings, current: Double) -> String {
        let language = document.language
        let stage = MaturityStage(score: current)
        let target = document.scores.overall.target.map(MaturityStage.init(score:)) ?? stage
        var values = ["stage": String(stage.rawValue), "stageName": stage.name.resolved(in: language),
                      "target": String(target.rawValue), "targetName": target.name.resolved(in: language)]
        let rated = document.scores.modules.filter { !$0.isShared && $0.level.current != nil }
        guard rated.count >= 2, let weakest = document.scores.weakestLink else {
            return ReportStrings.fill(words.summaryStandingAlone, values)
        }
        values["weakest"] = document.moduleTitle(weakest)
        return ReportStrings.fill(words.summaryStanding, values)
    }

    /// The dimensions of the top gaps, "Dimension (Module)", each once, in ranking order.
    static func gapAreas(_ document: ReportDocument) -> [String] {
        var seen: Set<String> = []
        var areas: [String] = []
        for item in document.scores.rankedGaps where areas.count < areasPerSentence {
            let key = item.module + "." + item.dimension
            guard seen.insert(key).inserted else { continue }
            areas.append(area(document, module: item.module, dimension: item.dimension))
        }
        return areas
    }

    private static func area(_ document: ReportDocument, module: String, dimension: String) -> String {
        let title = document.dimensionTitle(module: module, dimension: dimension)
        let shared = document.setup.sharedModules.contains(module)
        return shared ? title : "\(title) (\(document.moduleTitle(module)))"
    }

    /// Where departments see the shared questions differently; nil without a shared section.
    private static func perceptionSentence(_ document: ReportDocument, _ words: ReportStrings) -> String? {
        let matrix = document.scores.perceptionMatrix
        guard !matrix.isEmpty else { return nil }
        let compared = matrix.filter { $0.gap != nil }
        guard !compared.isEmpty else { return words.summaryOneDepartment }
        // The dimensions seen furthest apart, then those of single questions seen far apart (a
        // dimension's mean can hide one question the departments see very differently).
        let dimensions = compared.filter(\.flagged).sorted { ($0.gap ?? 0) > ($1.gap ?? 0) }.map { ($0.module, $0.dimension) }
        let items = document.scores.perceptionGaps.filter(\.flagged).sorted { ($0.gap ?? 0) > ($1.gap ?? 0) }
            .compactMap { gap in document.module(for: gap.item).map { ($0, gap.dimension) } }
        var seen: Set<String> = []
        let areas = (dimensions + items).filter { seen.insert($0.0 + "." + $0.1).inserted }.prefix(areasPerSentence)
            .map { area(document, module: $0.0, dimension: $0.1) }
        guard !areas.isEmpty else { return words.summaryAgree }
        return ReportStrings.fill(words.summaryDisagree, ["areas": list(Array(areas), words)])
    }

    /// The goals agreed, quoted, or that none are yet.
    private static func goalsSentence(_ document: ReportDocument, _ words: ReportStrings) -> String {
        let statements = document.goals.map { $0.statement.split(whereSeparator: \.isNewline).joined(separator: " ") }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        guard !statements.isEmpty else { return words.summaryNoGoals }
        let quoted = statements.prefix(goalsQuoted).map { words.quoteOpen + trimmedStop($0) + words.quoteClose }
        let template = statements.count > goalsQuoted ? words.summaryGoalsMore : words.summaryGoals
        return ReportStrings.fill(template, ["goals": list(Array(quoted), words), "count": String(statements.count)])
    }

    /// A statement without its own full stop, so the sentence does not end in two.
    private static func trimmedStop(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces)
        while result.hasSuffix(".") { result.removeLast() }
        return result
    }

    /// "A, B and C" in the report's language; "A, x; B; and C" when a part has a comma of its
    /// own ("Brand customer, not channel customer"), so the reader can tell where one title ends.
    static func list(_ parts: [String], _ words: ReportStrings) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        let nested = parts.contains { $0.contains(",") }
        return parts.dropLast().joined(separator: nested ? "; " : ", ") + (nested ? "; " : " ") + "\(words.and) " + parts[parts.count - 1]
    }
}
