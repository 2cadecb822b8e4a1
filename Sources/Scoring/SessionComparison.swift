import Questionnaire

/// One session as a comparison takes it: who it is and its consolidated scores.
public struct ComparedSession: Sendable {
    /// What the comparison calls it: a `--label`, or its date.
    public let label: String
    public let sessionID: String
    public let title: String
    /// "2026-06-02".
    public let date: String
    /// The id of the session this one follows up, if any.
    public let follows: String?
    public let setup: ScoringSetup
    public let scores: Scores

    public init(label: String, sessionID: String, title: String, date: String, follows: String?, setup: ScoringSetup, scores: Scores) {
        self.label = label
        self.sessionID = sessionID
        self.title = title
        self.date = date
        self.follows = follows
        self.setup = setup
        self.scores = scores
    }

    /// Everyone who joined.
    public var participants: Int { scores.participation.reduce(0) { $0 + $1.joined } }
}

/// How sessions are set against each other.
public enum ComparisonMode: String, CaseIterable, Sendable {
    /// One company at several times: a follow-up chain, or sessions in date order. Then → now.
    case overTime = "over-time"
    /// Several branches or countries at about one time: a column each, and the spread.
    case sideBySide = "side-by-side"
}

/// Why sessions cannot be compared.
public enum ComparisonError: Error, Hashable, Sendable, CustomStringConvertible {
    case tooFew
    case sameSessionTwice(id: String, labels: [String])
    case noModuleInCommon

    public var description: String {
        switch self {
        case .tooFew: "give at least two sessions to compare"
        case let .sameSessionTwice(id, labels):
            "the same session (\(id)) is given twice, as \(labels.joined(separator: " and ")); give each session once"
        case .noModuleInCommon: "the sessions have no module in common, so nothing can be compared"
        }
    }
}

/// Two or more sessions compared, by the method in docs/scoring.md ("Comparing sessions").
///
/// Only questions that are the same in every session enter the numbers: an item missing from a
/// session, or whose question changed (`EditionComparison`), is listed instead. Every dimension
/// and module mean is taken again over those items alone, with the reference session's weights,
/// so that each column measures the same thing.
public struct SessionComparison: Sendable {
    public let mode: ComparisonMode
    /// The columns: in time order over time, as given side by side.
    public let sessions: [ComparedSession]
    /// The session whose modules give the structure (titles, dimensions, weights): the newest
    /// over time, the first side by side.
    public let reference: Int
    /// The modules every session has, in the reference's order: departments, then shared.
    public let modules: [ModuleComparison]
    /// Modules that only some sessions have, with the sessions that have them.
    public let modulesNotInAll: [Presence]
    /// Maturity items of the modules in common that only some sessions have.
    public let itemsNotInAll: [Presence]
    /// Maturity items whose question differs between sessions.
    public let changedItems: [ChangedItem]
    /// The maturity items that enter the numbers, in the reference's order.
    public let comparedItems: [ItemID]
    /// Over time: compared items whose current moved by a whole stage or more between the first
    /// session and the last, the biggest move first. Empty side by side.
    public let moved: [MovedItem]
    /// Over time: compared items in disagreement in the last session but not in the first.
    public let newDisagreements: [ItemID]
    /// Over time: compared items in disagreement in the first session but no longer in the last.
    public let resolvedDisagreements: [ItemID]
    /// Per shared dimension, each session's perception gap over the compared items.
    public let perception: [PerceptionComparison]

    /// The first and the last column: then and now, over time.
    public var first: ComparedSession { sessions[0] }
    public var last: ComparedSession { sessions[sessions.count - 1] }
}

/// An id, and the sessions (column indices) that have it.
public struct Presence: Hashable, Sendable {
    public let id: String
    public let sessions: [Int]
}

/// A maturity item whose question is not the same in every session.
public struct ChangedItem: Hashable, Sendable {
    public let item: ItemID
    /// What changed, in English: "prompt", "level 3".
    public let what: [String]
    /// The sessions whose question differs from the reference's.
    public let sessions: [Int]
}

/// A dimension's or module's numbers in one session, over the compared items.
public struct ComparedLevel: Hashable, Sendable {
    public let current: Double?
    public let target: Double?
    public let gap: Double?
    /// The fewest current ratings behind any rated item; 0 when nothing is rated.
    public let n: Int
    public let itemsRated: Int

    public static let empty = ComparedLevel(current: nil, target: nil, gap: nil, n: 0, itemsRated: 0)
}

/// Then → now for one dimension or module: the first session against the last.
public struct LevelChange: Hashable, Sendable {
    /// now − then of the current score.
    public let current: Double?
    /// now − then of the target: how far the target moved.
    public let target: Double?
    /// The share of the old gap closed: (current now − current then) ÷ gap then, when the gap
    /// then was positive. Measured against the old target, so a moved target does not rewrite
    /// the past; above 1 the old target was passed, below 0 the score went back.
    public let closed: Double?
}

/// A dimension across the sessions.
public struct DimensionComparison: Hashable, Sendable {
    public let module: String
    public let dimension: String
    /// One per session, in column order.
    public let levels: [ComparedLevel]
    /// Over time: then → now. Nil side by side.
    public let change: LevelChange?
    /// Side by side: the highest current minus the lowest, over sessions with one; nil with
    /// fewer than two.
    public let spread: Double?
    /// Side by side: the sessions with the highest current (several on a tie); empty with
    /// fewer than two sessions rated.
    public let best: [Int]
}

/// A module across the sessions.
public struct ModuleComparison: Hashable, Sendable {
    public let module: String
    public let isShared: Bool
    public let levels: [ComparedLevel]
    public let change: LevelChange?
    public let spread: Double?
    public let best: [Int]
    public let dimensions: [DimensionComparison]
}

/// A compared item that moved by a whole stage or more.
public struct MovedItem: Hashable, Sendable {
    public let item: ItemID
    public let module: String
    public let dimension: String
    public let then: Double
    public let now: Double
    public var change: Double { now - then }
}

/// A shared dimension's perception gap in each session.
public struct PerceptionComparison: Hashable, Sendable {
    public let module: String
    public let dimension: String
    public let gaps: [Double?]
    public let flagged: [Bool]
}
