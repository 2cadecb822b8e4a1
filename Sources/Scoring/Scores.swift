import Questionnaire

/// The consolidated results of a session: every number the gap report shows.
public struct Scores: Sendable {
    /// Participation per department, in the session's department order.
    public let participation: [Participation]
    /// Every maturity item, in module order.
    public let items: [ItemScore]
    /// Every module: the departments first, then the shared ones.
    public let modules: [ModuleScore]
    /// The mean of the department modules.
    public let overall: Level
    /// The department module with the lowest current score: omnichannel is only as strong as it.
    public let weakestLink: String?
    /// Shared maturity items, with each department's mean current rating.
    public let perceptionGaps: [PerceptionGap]
    /// Shared dimensions, with each department's weighted mean current rating.
    public let perceptionMatrix: [DimensionPerception]
    /// Maturity items with a gap, by priority (then gap, then id), highest first.
    public let ranking: [ItemID]
    public let choices: [ChoiceSummary]
    public let numbers: [NumberSummary]
    public let comments: [AttributedComment]
    public let quorum: Int
    public let departments: [String]
    /// Dot votes per item, for the items that got any.
    public let votes: [ItemID: Int]

    /// The score of item `id`.
    public func item(_ id: ItemID) -> ItemScore? { items.first { $0.item == id } }

    /// The score of module `id`.
    public func module(_ id: String) -> ModuleScore? { modules.first { $0.module == id } }
}

/// How many joined and finished in one department.
public struct Participation: Hashable, Sendable {
    public let department: String
    public let joined: Int
    public let done: Int
}

/// Current, target and gap of something made of several ratings, with the stages they reach.
public struct Level: Hashable, Sendable {
    public let current: Double?
    public let target: Double?
    public let gap: Double?

    /// The stage the current score has reached: floor, clamped to 1…4.
    public var stage: MaturityStage? { current.map(MaturityStage.init(score:)) }
    public var targetStage: MaturityStage? { target.map(MaturityStage.init(score:)) }

    public static let empty = Level(current: nil, target: nil, gap: nil)
}

/// The consolidated numbers of one maturity item, over the participants who answer it.
public struct ItemScore: Hashable, Sendable {
    public let item: ItemID
    public let module: String
    public let dimension: String
    /// Participants with a current rating.
    public let n: Int
    public let current: Double?
    public let target: Double?
    /// Participants with a target rating.
    public let targetN: Int
    /// target − current, when both are defined.
    public let gap: Double?
    /// The population standard deviation of the current ratings.
    public let spread: Double?
    public let minimum: Int?
    public let maximum: Int?
    /// The mean importance (2 where not given) of everybody who answered the item.
    public let importance: Double?
    /// max(gap, 0) × importance.
    public let priority: Double?
    /// max − min of the current ratings is 2 or more.
    public let disagreement: Bool
    /// How many departments gave a current rating: for a department item 1 (or 0), for a
    /// shared item up to all of them.
    public let departmentsRated: Int
    /// Too few people stand behind the numbers to read them as the group's view: n is below the
    /// session's quorum, or a shared item was rated by one department only (in a session of
    /// several).
    public let lowConfidence: Bool
    public let dontKnowCurrent: Int
    public let dontKnowTarget: Int
    /// How many chose each stage 1…4, for current and for target.
    public let currentHistogram: [Int]
    public let targetHistogram: [Int]
    /// For shared items, each department's own numbers; empty for department items.
    public let byDepartment: [DepartmentItemScore]
}

/// One department's view of a shared item.
public struct DepartmentItemScore: Hashable, Sendable {
    public let department: String
    public let n: Int
    public let current: Double?
    public let target: Double?
}

/// A dimension's weighted means.
public struct DimensionScore: Hashable, Sendable {
    public let module: String
    public let dimension: String
    public let level: Level
    /// Items with at least one current rating.
    public let itemsRated: Int
    /// The fewest current ratings behind any of its rated items: every number in it rests on
    /// at least this many people. 0 when nothing is rated.
    public let n: Int
    /// Any of its rated items is low-confidence, or none is rated.
    public let lowConfidence: Bool
}

/// A module's score: the mean of its dimensions.
public struct ModuleScore: Hashable, Sendable {
    public let module: String
    public let isShared: Bool
    public let level: Level
    public let dimensions: [DimensionScore]
    /// The fewest current ratings behind any rated item of the module (see `DimensionScore.n`).
    public let n: Int
    /// Any rated dimension is low-confidence, or none is rated.
    public let lowConfidence: Bool
}

/// How far departments' views of one shared item lie apart.
public struct PerceptionGap: Hashable, Sendable {
    public let item: ItemID
    public let dimension: String
    /// Each department's mean current rating, for the departments that rated the item.
    public let means: [DepartmentMean]
    /// The highest department mean minus the lowest; nil unless at least two departments rated it.
    public let gap: Double?
    /// gap ≥ 1.5.
    public let flagged: Bool
}

public struct DepartmentMean: Hashable, Sendable {
    public let department: String
    public let mean: Double
}

/// A shared dimension seen by each department: the perception-gap matrix.
public struct DimensionPerception: Hashable, Sendable {
    public let module: String
    public let dimension: String
    public let means: [DepartmentMean]
    public let gap: Double?
    public let flagged: Bool
}

/// The answers to a choice item in one department.
public struct ChoiceSummary: Hashable, Sendable {
    public let item: ItemID
    public let department: String
    /// Per option id, in the module's order: how many chose it.
    public let counts: [OptionCount]
    public let dontKnow: Int
    public let respondents: Int
}

public struct OptionCount: Hashable, Sendable {
    public let option: String
    public let count: Int
}

/// The values given for a KPI in one department.
public struct NumberSummary: Hashable, Sendable {
    public let item: ItemID
    public let department: String
    public let current: Distribution?
    public let target: Distribution?
    public let dontKnowCurrent: Int
    public let dontKnowTarget: Int
}

public struct Distribution: Hashable, Sendable {
    public let count: Int
    public let median: Double
    public let minimum: Double
    public let maximum: Double
}

/// A comment or free answer, with its item and department.
public struct AttributedComment: Hashable, Sendable {
    public let item: ItemID
    public let department: String
    public let text: String
    public let isAnswer: Bool
}
