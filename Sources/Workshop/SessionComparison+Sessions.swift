import GapReport
import Questionnaire
import Scoring
import SessionModel
import SessionStore

/// Comparisons built from session folders: `omnigap compare`, and the report's sections on the
/// session a follow-up follows.
extension Session {
    /// The session as a comparison takes it, scored from a scan of its files, with the files
    /// that were left out (their paths led by `label`).
    public func comparedSession(label: String) -> (session: ComparedSession, skipped: [SkippedFile], reviews: [ReportGoalReview]?) {
        // facilitator.json read once: for the report's skipped files and for the reviews.
        let state: Result<FacilitatorState, SessionError>
        do { state = .success(try facilitatorState()) } catch { state = .failure(error) }
        let report = reportDocument(language: settings.language, followUp: false, state: state)
        let compared = ComparedSession(label: label, sessionID: settings.id.rawValue, title: settings.title, date: settings.date,
                                       follows: settings.follows?.id.rawValue, setup: report.setup, scores: report.scores)
        let skipped = report.skipped.map { SkippedFile(path: "\(label): \($0.path)", reason: $0.reason) }
        // Nil when facilitator.json cannot be read: the comparison says so rather than "no goals".
        return (compared, skipped, try? state.get().reviews.map(Self.reportReview))
    }

    static func reportReview(_ review: GoalReview) -> ReportGoalReview {
        let goal = review.goal
        return ReportGoalReview(goal: ReportGoal(statement: goal.statement, kpi: goal.kpi, baseline: goal.baseline, target: goal.target,
                                                 owner: goal.owner, due: goal.due, links: goal.links),
                                actual: review.actual, status: review.status.flatMap { ReviewStatus(rawValue: $0.rawValue) }, note: review.note)
    }

    /// How a report names the earlier session: "Acme workshop (2026-06-02)".
    public static func earlierName(_ follows: Predecessor) -> String {
        "\(follows.title) (\(follows.date))"
    }

    /// The earlier session this one follows, scored as a comparison takes it (labelled with its
    /// date); nil for a session that follows none. Read once and kept by a live console: the
    /// earlier session does not change while this one runs.
    public func scoredEarlierSession() -> Result<ScoredSession, SessionError>? {
        guard let follows = settings.follows, let earlier = earlierSession() else { return nil }
        return earlier.map { earlier in
            let scored = earlier.comparedSession(label: follows.date)
            return ScoredSession(session: scored.session, skipped: scored.skipped)
        }
    }

    /// The report's follow-up section: this session against the one it follows (`earlier`), and
    /// the goals carried over (`reviews`). Nil for a session that follows none. When the earlier
    /// session cannot be read, the goals are still there and the section says why the numbers are not.
    public func followUpSection(report: ReportDocument, reviews: Result<[GoalReview], SessionError>,
                                earlier: Result<ScoredSession, SessionError>?, language: Language) -> FollowUpSection? {
        guard let follows = settings.follows, let earlier else { return nil }
        // A damaged facilitator.json hides the reviews; the section says so rather than "no goals".
        let review = GoalReviewSection(earlier: Self.earlierName(follows), reviews: ((try? reviews.get()) ?? []).map(Self.reportReview),
                                       unreadable: (try? reviews.get()) == nil)
        let now = ComparedSession(label: settings.date, sessionID: settings.id.rawValue, title: settings.title, date: settings.date,
                                  follows: follows.id.rawValue, setup: report.setup, scores: report.scores)
        do {
            let then = try earlier.get()
            let comparison = try SessionComparison(sessions: [then.session, now], mode: .overTime)
            return FollowUpSection(earlier: review.earlier, review: review, unavailable: nil,
                                   comparison: ComparisonDocument(comparison: comparison, language: language, review: review,
                                                                  skipped: then.skipped))
        } catch {
            return FollowUpSection(earlier: review.earlier, review: review, unavailable: "\(error)", comparison: nil)
        }
    }
}

/// A session scored for a comparison, and the files its scan left out.
public struct ScoredSession: Sendable {
    public let session: ComparedSession
    public let skipped: [SkippedFile]
}

/// `omnigap compare`: sessions opened, labelled and compared.
public enum SessionsComparison {
    /// The comparison of `sessions`, each with its label; the goals under review are the last
    /// session's, when it follows another of them.
    public static func document(_ sessions: [(session: Session, label: String)], mode: ComparisonMode?,
                                language: Language) throws(ComparisonError) -> ComparisonDocument {
        let scored = sessions.map { $0.session.comparedSession(label: $0.label) }
        let comparison = try SessionComparison(sessions: scored.map(\.session), mode: mode)
        var review: GoalReviewSection?
        if let followed = comparison.last.follows,
           let earlier = comparison.sessions.first(where: { $0.sessionID == followed }),
           let latest = scored.first(where: { $0.session.sessionID == comparison.last.sessionID }) {
            review = GoalReviewSection(earlier: earlier.label, reviews: latest.reviews ?? [], unreadable: latest.reviews == nil)
        }
        return ComparisonDocument(comparison: comparison, language: language, review: review, skipped: scored.flatMap(\.skipped))
    }
}
