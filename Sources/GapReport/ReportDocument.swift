import Questionnaire
import Scoring

/// Everything a gap report shows, whatever its format: the session's identity, the modules,
/// the consolidated scores, the agreed goals and the files that had to be skipped. Renderers
/// turn it into text; they never read files or compute scores.
public struct ReportDocument: Sendable {
    public let title: String
    /// The workshop's date, "2026-11-23".
    public let date: String
    public let sessionID: String
    public let language: Language
    public let setup: ScoringSetup
    public let scores: Scores
    public let goals: [ReportGoal]
    public let skipped: [SkippedFile]
    /// In a follow-up session: the session before, compared, and its goals under review.
    public var followUp: FollowUpSection?
    /// `scores.comments` by item, in their order. Grouped once, so a report of thousands of
    /// comments does not scan them all again for every item and every department.
    private let commentsByItem: [ItemID: [AttributedComment]]

    public init(title: String, date: String, sessionID: String, language: Language, setup: ScoringSetup, scores: Scores,
                goals: [ReportGoal], skipped: [SkippedFile]) {
        self.title = title
        self.date = date
        self.sessionID = sessionID
        self.language = language
        self.setup = setup
        self.scores = scores
        self.goals = goals
        self.skipped = skipped
        var grouped: [ItemID: [AttributedComment]] = [:]
        for comment in scores.comments { grouped[comment.item, default: []].append(comment) }
        commentsByItem = grouped
    }

    /// The comments and free answers on `item`, in the report's order.
    public func comments(on item: ItemID) -> [AttributedComment] {
        commentsByItem[item] ?? []
    }

    /// The comments and free answers on the items of module `id`, in the report's order.
    public func comments(inModule id: String) -> [AttributedComment] {
        module(id)?.items.flatMap { comments(on: $0.id) } ?? []
    }

    /// The module with `id`.
    public func module(_ id: String) -> QuestionnaireModule? {
        setup.modules.first { $0.id == id }
    }

    /// A module's title in the report's language.
    public func moduleTitle(_ id: String) -> String {
        module(id)?.title.resolved(in: language) ?? id
    }

    /// A dimension's title in the report's language.
    public func dimensionTitle(module: String, dimension: String) -> String {
        self.module(module)?.dimension(dimension)?.title.resolved(in: language) ?? dimension
    }

    /// The id of the module that holds `item`.
    public func module(for item: ItemID) -> String? {
        setup.modules.first { $0.item(item) != nil }?.id
    }

    /// An item's prompt in the report's language.
    public func prompt(_ item: ItemID) -> String {
        for module in setup.modules {
            if let found = module.item(item) { return found.prompt.resolved(in: language) }
        }
        return item.rawValue
    }

    /// The total number of participants.
    public var participantCount: Int { scores.participation.reduce(0) { $0 + $1.joined } }
}

/// A goal the group agreed, as the report shows it.
public struct ReportGoal: Hashable, Sendable {
    public let statement: String
    public let kpi: String
    public let baseline: String
    public let target: String
    public let owner: String
    public let due: String
    /// The item and dimension ids the goal closes.
    public let links: [String]

    public init(statement: String, kpi: String, baseline: String, target: String, owner: String, due: String, links: [String]) {
        self.statement = statement
        self.kpi = kpi
        self.baseline = baseline
        self.target = target
        self.owner = owner
        self.due = due
        self.links = links
    }
}

/// A session file that was left out of the report, and why.
public struct SkippedFile: Hashable, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
