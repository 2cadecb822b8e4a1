import Questionnaire
import Scoring

/// What every format reads the same way: the gaps the summary leads with, what a goal closes,
/// the next step of a gap, and how much trust the numbers deserve. One place, so the text,
/// Markdown, HTML, CSV and JSON reports never tell the board different stories.
extension ReportDocument {
    /// How many of the ranked gaps the headline (the HTML chart, the confidence warning) covers.
    public static let headlineGapCount = 10
    /// How many of them the text and Markdown summaries list.
    public static let summaryGapCount = 5

    /// The ranked gaps the headline covers, highest priority first.
    public var headlineGaps: [ItemScore] { Array(scores.rankedGaps.prefix(Self.headlineGapCount)) }

    /// The item with `id`, from any module of the session.
    public func item(_ id: ItemID) -> Item? {
        for module in setup.modules {
            if let found = module.item(id) { return found }
        }
        return nil
    }

    /// What the stage above today's mean looks like for a maturity item, in the ladder's own
    /// words: the gap read as a next step. Nil without a current mean, or at the top stage.
    public func nextStep(for score: ItemScore) -> (stage: MaturityStage, text: String)? {
        guard let current = score.current, let step = item(score.item)?.kind.nextStep(above: current) else { return nil }
        return (step.stage, step.descriptor.resolved(in: language))
    }

    /// A goal's link as people read it: "Module · prompt" for an item, "Module · Dimension" for a
    /// dimension ("it.platform"), or a module's title; an id the session does not know stays
    /// as written.
    public func linkTitle(_ link: String) -> String {
        if let module = module(for: ItemID(link)) { return moduleTitle(module) + " · " + prompt(ItemID(link)) }
        for module in setup.modules {
            if module.id == link { return moduleTitle(module.id) }
            if link.hasPrefix(module.id + "."), let dimension = module.dimension(String(link.dropFirst(module.id.count + 1))) {
                return moduleTitle(module.id) + " · " + dimension.title.resolved(in: language)
            }
        }
        return link
    }

    /// How many of a department's people rated the shared questions: the most ratings any
    /// shared item got from it. The perception matrix's n row; 0 when it rated none.
    public func sharedN(department: String) -> Int {
        scores.items.filter { !$0.byDepartment.isEmpty }
            .compactMap { $0.byDepartment.first { $0.department == department }?.n }.max() ?? 0
    }

    /// Whether the session's results need the low-confidence warning, and why.
    public var confidence: ConfidenceWarning? {
        let thin = scores.participation.filter { $0.joined < scores.quorum }
        let top = headlineGaps
        let low = top.filter(\.lowConfidence).count
        guard !thin.isEmpty || low > 0 else { return nil }
        return ConfidenceWarning(thinDepartments: thin, lowConfidenceGaps: low, headlineGaps: top.count)
    }
}

/// Why a report's numbers deserve care: departments with fewer participants than the quorum,
/// and how many of the headline gaps are low-confidence.
public struct ConfidenceWarning: Hashable, Sendable {
    /// The departments with fewer participants than the quorum, with their counts.
    public let thinDepartments: [Participation]
    /// How many of the headline gaps are low-confidence…
    public let lowConfidenceGaps: Int
    /// …out of how many.
    public let headlineGaps: Int
}
