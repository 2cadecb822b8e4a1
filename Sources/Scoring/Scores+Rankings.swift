import Questionnaire

/// The lists the workshop discusses, named once so the console, the participants' voting screen
/// and the report agree on them.
extension Scores {
    /// How many of the ranked gaps are open for dot voting: enough to choose from, few enough to
    /// read on one screen.
    public static let votableGapLimit = 15

    /// The items with a positive priority, highest first (the ranking's order): the gaps worth
    /// closing.
    public var rankedGaps: [ItemScore] {
        let byID = Dictionary(items.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        return ranking.compactMap { byID[$0] }.filter { ($0.priority ?? 0) > 0 }
    }

    /// The ranked gaps sorted by dot votes, most first; equal votes keep the priority order.
    public var rankedGapsByVotes: [ItemScore] {
        rankedGaps.enumerated().sorted { a, b in
            let (x, y) = (votes[a.element.item] ?? 0, votes[b.element.item] ?? 0)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The items people disagree on (current ratings two or more stages apart), widest spread
    /// first, then by id.
    public var disagreements: [ItemScore] {
        items.filter(\.disagreement).sorted { ($0.spread ?? 0, $1.item) > ($1.spread ?? 0, $0.item) }
    }

    /// The gaps participants may put dots on: the top of the ranked gaps.
    public var votableGaps: [ItemID] {
        rankedGaps.prefix(Self.votableGapLimit).map(\.item)
    }
}
