import Questionnaire

/// What the consolidation needs to know about a session: its modules, which of them are
/// departments and which everyone answers, and the quorum. Plain values, so that scoring never
/// touches a file.
public struct ScoringSetup: Sendable {
    public let modules: [QuestionnaireModule]
    /// The department modules' ids; a participant belongs to exactly one.
    public let departments: [String]
    /// The modules every participant answers (the omnichannel section).
    public let sharedModules: [String]
    /// Below this many current ratings, an item's result is low-confidence.
    public let quorum: Int

    public init(modules: [QuestionnaireModule], departments: [String], sharedModules: [String], quorum: Int) {
        self.modules = modules
        self.departments = departments
        self.sharedModules = sharedModules
        self.quorum = quorum
    }

    /// The importance assumed when a participant gives none.
    public static let defaultImportance = Answer.defaultImportance
    /// A perception gap compares departments: it needs at least this many with a mean.
    public static let perceptionMinimumDepartments = 2
    /// A perception gap at least this large is flagged.
    public static let perceptionGapThreshold = 1.5
    /// Means are sums of thirds, sixths and the like: a gap of exactly 1.5 can come out as
    /// 1.4999999999999998. Comparisons with a threshold allow for that much.
    public static let tolerance = 1e-9

    /// Whether a perception gap is flagged.
    public static func isFlagged(_ gap: Double?) -> Bool {
        (gap ?? 0) >= perceptionGapThreshold - tolerance
    }
    /// A range of current ratings at least this wide is a disagreement.
    public static let disagreementRange = 2
}
