import Basics

/// Where a goal set at an earlier workshop stands at the follow-up: the facilitator's verdict.
public enum GoalStatus: String, CaseIterable, Hashable, Sendable {
    case done
    case onTrack = "on-track"
    case late
    case dropped
}

/// A goal carried over from the earlier session, under review in its follow-up: the goal as it
/// was agreed then (its KPI, baseline, target, owner and due date, never edited here), and what
/// the room says about it now. Participants never see it; the console and the report do.
public struct GoalReview: Hashable, Sendable {
    /// The goal as the earlier session holds it, id included.
    public var goal: Goal
    /// The KPI's value now, as typed: "38 %", "2 days".
    public var actual: String
    /// Nil until the facilitator gives one.
    public var status: GoalStatus?
    public var note: String
    /// When the review was last changed; nil while nobody has reviewed the goal.
    public var updated: Timestamp?

    public init(goal: Goal, actual: String = "", status: GoalStatus? = nil, note: String = "", updated: Timestamp? = nil) {
        self.goal = goal
        self.actual = actual
        self.status = status
        self.note = note
        self.updated = updated
    }

    /// Whether the facilitator has said anything about the goal yet.
    public var isReviewed: Bool { status != nil || !actual.isEmpty || !note.isEmpty }
}
