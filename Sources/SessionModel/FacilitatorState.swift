import Basics
import Questionnaire

/// What the facilitator decides during the workshop: the current phase, whether results are
/// revealed, the dot-voting budget, and the agreed goals. Kept in `facilitator.json`.
public struct FacilitatorState: Hashable, Sendable {
    public static let formatName = "omnigap-facilitator"
    /// 2 marks a state with `reviews` (a follow-up's): an omnigap that reads only version 1
    /// refuses it instead of saving it back without them. Others are still written as 1.
    public static let formatVersion = 2

    /// Counts the saves, so a screen can tell that another process changed the state.
    public var revision: Int = 0
    /// The index of the current phase in the session's agenda.
    public var phaseIndex: Int = 0
    /// When the current phase started; nil before the workshop starts.
    public var phaseStarted: Timestamp?
    /// When the facilitator paused the current phase's clock; nil while it runs.
    public var phasePaused: Timestamp?
    /// Seconds the clock has spent paused in this phase, and minutes added to it: both reset
    /// when the agenda moves on.
    public var phasePausedSeconds = 0
    public var phaseExtraMinutes = 0
    /// Whether the consolidated results have been revealed. Until then nobody sees them.
    public var revealed = false
    /// How many dots each participant may place on the gaps.
    public var votesPerParticipant = 3
    public var goals: [Goal] = []
    /// In a follow-up session: the earlier session's goals, each with its review. Carried over by
    /// `omnigap new --follow-up`; empty in any other session.
    public var reviews: [GoalReview] = []
    /// The gaps open for dot voting, chosen when the results were revealed (and kept up to date
    /// by the console): participants read this list instead of each consolidating every file.
    public var voteItems: [ItemID] = []
    /// Each voting gap's numbers as the console ranked them, so that a participant sees what
    /// they vote on (now → target, priority) without consolidating anything. Empty in a state
    /// written before they were recorded.
    public var voteNumbers: [ItemID: VoteGapNumbers] = [:]

    public init() {}
}

/// One gap's numbers on the voting screen: the room's mean current and target stage, and the
/// gap's priority (gap × importance), each nil when nobody rated it.
public struct VoteGapNumbers: Hashable, Sendable {
    public var current: Double?
    public var target: Double?
    public var priority: Double?

    public init(current: Double?, target: Double?, priority: Double?) {
        self.current = current
        self.target = target
        self.priority = priority
    }
}

/// A goal the group agreed, with what it measures and who owns it.
public struct Goal: Hashable, Sendable {
    public var id: String
    public var statement: String
    public var kpi: String
    public var baseline: String
    public var target: String
    public var owner: String
    /// "2027-03-31", or empty when not set.
    public var due: String
    /// The items ("it.platform.upkeep") and dimensions ("it.platform") the goal closes.
    public var links: [String]
    public var created: Timestamp
    public var updated: Timestamp

    public init(id: String, statement: String, kpi: String = "", baseline: String = "", target: String = "", owner: String = "",
                due: String = "", links: [String] = [], created: Timestamp, updated: Timestamp) {
        self.id = id
        self.statement = statement
        self.kpi = kpi
        self.baseline = baseline
        self.target = target
        self.owner = owner
        self.due = due
        self.links = links
        self.created = created
        self.updated = updated
    }
}
