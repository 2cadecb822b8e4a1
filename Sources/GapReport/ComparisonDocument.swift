import Foundation
import Questionnaire
import Scoring

/// Everything a comparison shows, whatever its format: the compared sessions and their numbers,
/// the goals of the earlier session under review, and the files that had to be left out.
/// Renderers turn it into text; they never read files or compute anything.
public struct ComparisonDocument: Sendable {
    public let comparison: SessionComparison
    public let language: Language
    /// The earlier session's goals as the latest session reviewed them; nil when the latest
    /// session follows none of the others.
    public let review: GoalReviewSection?
    /// Files left out of a session's numbers, each path starting with the session's label.
    public let skipped: [SkippedFile]

    public init(comparison: SessionComparison, language: Language, review: GoalReviewSection?, skipped: [SkippedFile]) {
        self.comparison = comparison
        self.language = language
        self.review = review
        self.skipped = skipped
    }

    /// The sessions' modules, the reference's first: where titles and prompts are looked up.
    private var modules: [QuestionnaireModule] {
        let sessions = comparison.sessions
        return ([sessions[comparison.reference]] + sessions).flatMap(\.setup.modules)
    }

    public func moduleTitle(_ id: String) -> String {
        modules.first { $0.id == id }?.title.resolved(in: language) ?? id
    }

    public func dimensionTitle(module: String, dimension: String) -> String {
        modules.lazy.filter { $0.id == module }.compactMap { $0.dimension(dimension) }.first?.title.resolved(in: language) ?? dimension
    }

    /// The id of the module that asks `item`.
    public func module(of item: ItemID) -> String {
        modules.first { $0.item(item) != nil }?.id ?? ""
    }

    /// An item's prompt in the document's language, from the newest (reference) wording.
    public func prompt(_ item: ItemID) -> String {
        modules.lazy.compactMap { $0.item(item) }.first?.prompt.resolved(in: language) ?? item.rawValue
    }

    /// The overall level of the departments in session `index`: the plain mean of the department
    /// modules compared, as the report's overall score.
    public func departmentsLevel(_ index: Int) -> (current: Double?, target: Double?) {
        let departments = comparison.modules.filter { !$0.isShared }.map { $0.levels[index] }
        func mean(_ values: [Double?]) -> Double? {
            let known = values.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
        }
        return (mean(departments.map(\.current)), mean(departments.map(\.target)))
    }
}

/// The goals the earlier session agreed, with what the follow-up says about each.
public struct GoalReviewSection: Hashable, Sendable {
    /// How the earlier session is named: its label in a comparison, "title (date)" in a report.
    public let earlier: String
    public let reviews: [ReportGoalReview]
    /// The reviews could not be read (a damaged facilitator.json, listed among the skipped files).
    public let unreadable: Bool

    public init(earlier: String, reviews: [ReportGoalReview], unreadable: Bool = false) {
        self.earlier = earlier
        self.reviews = reviews
        self.unreadable = unreadable
    }

    /// What a report says when there is no goal to list: none were agreed, or they cannot be read.
    func emptyText(_ words: ComparisonStrings) -> String {
        ComparisonStrings.fill(unreadable ? words.goalsUnreadable : words.noGoalsThen, ["then": earlier])
    }
}

/// Where a goal stands at the follow-up, as the report shows it.
public enum ReviewStatus: String, CaseIterable, Hashable, Sendable {
    case done
    case onTrack = "on-track"
    case late
    case dropped
}

/// One carried-over goal and its review.
public struct ReportGoalReview: Hashable, Sendable {
    public let goal: ReportGoal
    /// The KPI's value now, as typed; empty when not given.
    public let actual: String
    /// Nil while the goal has not been reviewed.
    public let status: ReviewStatus?
    public let note: String

    public init(goal: ReportGoal, actual: String, status: ReviewStatus?, note: String) {
        self.goal = goal
        self.actual = actual
        self.status = status
        self.note = note
    }
}

/// The sentences and cell texts every format of the comparison prints word for word.
struct ComparisonPhrases {
    let document: ComparisonDocument
    let words: ComparisonStrings
    let report: ReportStrings
    let numbers: LocalizedNumbers

    init(_ document: ComparisonDocument) {
        self.document = document
        words = ComparisonStrings.forLanguage(document.language)
        report = ReportStrings.forLanguage(document.language)
        numbers = LocalizedNumbers(report)
    }

    var comparison: SessionComparison { document.comparison }

    /// A dimension or module moved "up" or "back" when its current changed by this much.
    static let noticeableChange = 0.25

    func title() -> String {
        comparison.mode == .overTime ? words.overTimeTitle : words.sideBySideTitle
    }

    /// One line per session: its label, title, date, participants and id.
    func sessionLines() -> [String] {
        comparison.sessions.map { session in
            ComparisonStrings.fill(words.sessionLine, ["label": session.label, "title": session.title, "date": session.date,
                                                       "participants": String(session.participants), "id": session.sessionID])
        }
    }

    func signed(_ value: Double?) -> String { numbers.signed(value) }
    func percent(_ value: Double?) -> String { numbers.percent(value) }

    /// The sessions named by label: "June and December".
    func sessionList(_ indices: [Int]) -> String {
        ExecutiveSummary.list(indices.map { comparison.sessions[$0].label }, report)
    }

    /// How a "not compared" list names an entry: a module by its title, an item by its prompt
    /// and id.
    func presenceName(_ id: String, isModule: Bool) -> String {
        isModule ? document.moduleTitle(id) : "\(document.prompt(ItemID(id))) (\(id))"
    }

    /// What "Not compared" lists, as blocks of a title and its entries; nil when every question
    /// is the same in every session (then `everythingCompared` says so).
    func notComparedBlocks() -> [(title: String, entries: [String])]? {
        let comparison = self.comparison
        if comparison.changedItems.isEmpty && comparison.itemsNotInAll.isEmpty && comparison.modulesNotInAll.isEmpty { return nil }
        let changed = comparison.changedItems.map { item in
            ComparisonStrings.fill(words.changedEntry, ["id": presenceName(item.item.rawValue, isModule: false), "what": what(item.what),
                                                        "sessions": sessionList(item.sessions)])
        }
        let only = { (entries: [Presence], isModule: Bool) in
            entries.map { ComparisonStrings.fill(words.onlyIn, ["id": presenceName($0.id, isModule: isModule), "sessions": sessionList($0.sessions)]) }
        }
        return [(words.changedQuestions, changed), (words.questionsNotInAll, only(comparison.itemsNotInAll, false)),
                (words.modulesNotInAll, only(comparison.modulesNotInAll, true))].filter { !$0.1.isEmpty }
    }

    var everythingCompared: String {
        ComparisonStrings.fill(words.everythingCompared, ["count": String(comparison.comparedItems.count)])
    }

    /// What changed in a question, in the document's language.
    func what(_ parts: [String]) -> String {
        ExecutiveSummary.list(parts.map { part in
            switch part {
            case "prompt": words.whatPrompt
            case "kind": words.whatKind
            case "options": words.whatOptions
            case "one or several": words.whatMultiple
            case "unit": words.whatUnit
            case "bounds": words.whatBounds
            default:
                part.hasPrefix("level ") ? ComparisonStrings.fill(words.whatLevel, ["n": String(part.dropFirst(6))]) : part
            }
        }, report)
    }

    /// Every compared dimension, with its module.
    var dimensions: [DimensionComparison] { comparison.modules.flatMap(\.dimensions) }

    func dimensionName(_ dimension: DimensionComparison) -> String {
        document.dimensionTitle(module: dimension.module, dimension: dimension.dimension) + " (" + document.moduleTitle(dimension.module) + ")"
    }

    /// The summary's sentences.
    func summary() -> [String] {
        var sentences: [String] = []
        switch comparison.mode {
        case .overTime:
            let then = document.departmentsLevel(0), now = document.departmentsLevel(comparison.sessions.count - 1)
            let changes = dimensions.compactMap { dimension in dimension.change?.current.map { (dimension, $0) } }
            guard !changes.isEmpty else { return [words.summaryNothingToCompare] + goalsSummary() }
            if then.current != nil && now.current != nil {
                sentences.append(ComparisonStrings.fill(words.summaryOverTime, [
                    "then": comparison.first.label, "from": numbers.fixed(then.current), "to": numbers.fixed(now.current),
                    "targetFrom": numbers.fixed(then.target), "targetTo": numbers.fixed(now.target)]))
            }
            let up = changes.filter { $0.1 >= Self.noticeableChange - ScoringSetup.tolerance }
            let down = changes.filter { $0.1 <= -Self.noticeableChange + ScoringSetup.tolerance }
            sentences.append(ComparisonStrings.fill(words.summaryMoves, ["count": String(changes.count), "up": String(up.count),
                                                                         "down": String(down.count)]))
            if let best = up.max(by: { $0.1 < $1.1 }) {
                sentences.append(ComparisonStrings.fill(words.summaryBiggestStep, ["dimension": dimensionName(best.0), "change": signed(best.1)]))
            }
            if !down.isEmpty {
                // The three that fell furthest: the tables list every one.
                let named = down.sorted { $0.1 < $1.1 }.prefix(3).map { "\(dimensionName($0.0)) \(signed($0.1))" }
                sentences.append(ComparisonStrings.fill(words.summaryWentBack, ["dimensions": ExecutiveSummary.list(Array(named), report)]))
            }
        case .sideBySide:
            let spreads = dimensions.compactMap { dimension in dimension.spread.map { (dimension, $0) } }
            guard let widest = spreads.max(by: { $0.1 < $1.1 }) else { return [words.summaryNothingToCompare] }
            // Every session level with every other: no spread to name, and nobody ahead.
            guard widest.1 > ScoringSetup.tolerance else { return [] }
            let levels = widest.0.levels
            let rated = levels.indices.filter { levels[$0].current != nil }
            let worst = rated.min { levels[$0].current! < levels[$1].current! } ?? 0
            sentences.append(ComparisonStrings.fill(words.summarySpread, [
                "dimension": dimensionName(widest.0), "spread": numbers.fixed(widest.1),
                "best": comparison.sessions[widest.0.best.first ?? 0].label, "worst": comparison.sessions[worst].label]))
            let leads = comparison.sessions.indices.map { index in (index, spreads.filter { $0.0.best == [index] }.count) }
            if let leader = leads.max(by: { $0.1 < $1.1 }), leader.1 > 0 {
                sentences.append(ComparisonStrings.fill(words.summaryLeads, ["label": comparison.sessions[leader.0].label,
                                                                             "count": String(leader.1), "total": String(spreads.count)]))
            }
        }
        return sentences + goalsSummary()
    }

    func goalsSummary() -> [String] {
        document.review.map { GoalReviewPhrases(language: document.language).summary($0) } ?? []
    }
}

/// How a reviewed goal reads, in every format: its status, its figures then and now, its owner.
struct GoalReviewPhrases {
    let words: ComparisonStrings
    let report: ReportStrings

    init(language: Language) {
        words = ComparisonStrings.forLanguage(language)
        report = ReportStrings.forLanguage(language)
    }

    func status(_ status: ReviewStatus?) -> String { words.status(status) }

    /// "The June goals: 2 done, 1 on track, …"; nothing when no goal was carried over.
    func summary(_ review: GoalReviewSection) -> [String] {
        guard !review.reviews.isEmpty else { return [] }
        let count = { (status: ReviewStatus?) in String(review.reviews.filter { $0.status == status }.count) }
        return [ComparisonStrings.fill(words.summaryGoals, ["then": review.earlier, "done": count(.done), "onTrack": count(.onTrack),
                                                            "late": count(.late), "dropped": count(.dropped), "open": count(nil)])]
    }

    /// "KPI: on-time orders, baseline 80 % → target 95 %; now 91 %".
    func goalFigures(_ review: ReportGoalReview) -> String? {
        let goal = review.goal
        var parts: [String] = []
        if !goal.kpi.isEmpty || !goal.baseline.isEmpty || !goal.target.isEmpty {
            parts.append("\(report.goalKPI): \(goal.kpi), \(report.goalBaseline) \(goal.baseline) → \(report.goalTarget) \(goal.target)")
        }
        if !review.actual.isEmpty { parts.append(ComparisonStrings.fill(words.goalNow, ["actual": review.actual])) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// "Owner: Ola, due 2027-03-31".
    func goalOwner(_ goal: ReportGoal) -> String? {
        guard !goal.owner.isEmpty || !goal.due.isEmpty else { return nil }
        return "\(report.goalOwner): \(goal.owner)" + (goal.due.isEmpty ? "" : ", \(report.goalDue) \(goal.due)")
    }
}

/// A follow-up session's report section on the session before: then → now, and the goals
/// carried over for review.
public struct FollowUpSection: Sendable {
    /// "Acme workshop (2026-06-02)".
    public let earlier: String
    public let review: GoalReviewSection
    /// Why there is no comparison: the earlier session could not be read.
    public let unavailable: String?
    public let comparison: ComparisonDocument?

    public init(earlier: String, review: GoalReviewSection, unavailable: String?, comparison: ComparisonDocument?) {
        self.earlier = earlier
        self.review = review
        self.unavailable = unavailable
        self.comparison = comparison
    }
}

extension ComparisonStrings {
    /// A goal's review status in words; "not reviewed" for none.
    public func status(_ status: ReviewStatus?) -> String {
        switch status {
        case .done: statusDone
        case .onTrack: statusOnTrack
        case .late: statusLate
        case .dropped: statusDropped
        case nil: statusOpen
        }
    }
}
