import GapReport
import Questionnaire
import Scoring
import SessionModel
import SessionStore

/// Puts a session's report together. Two ways in, one result: a scan that reads every
/// participant file once in parallel and never holds them all (the `report` command), and a
/// tally of participants already in memory (the console's cache, which has read each file once).
extension Session {
    /// How the session's answers are scored.
    public var scoringSetup: ScoringSetup {
        ScoringSetup(modules: catalog.modules, departments: settings.departments, sharedModules: settings.sharedModules,
                     quorum: settings.quorum)
    }

    /// The report, from a scan of every participant file and the facilitator's state.
    /// `followUp`: in a follow-up session, compare it with the session before (a comparison of
    /// its own leaves that out).
    /// `state`: the facilitator's state when the caller has read it already (nil: read it here).
    public func reportDocument(language: Language, followUp: Bool = true,
                               state given: Result<FacilitatorState, SessionError>? = nil) -> ReportDocument {
        let setup = scoringSetup
        let (tally, problems) = scanAnswers(into: { Tally(setup: setup) }, { tally, participant in
            guard let department = tally.department(participant.profile.department) else { return }
            tally.addParticipant(department: department, done: participant.done)
            // The tally and the session list the items in the same order: both take the
            // session's modules as they are.
            for (position, answer) in participant.answers { tally.add(answer, toItemAt: position, department: department) }
            tally.addVotes(participant.votes)
        }, combine: { $0.merge($1) })
        let skipped = problems.map { SkippedFile(path: $0.path, reason: $0.problem.description) }
        let state: Result<FacilitatorState, SessionError>
        if let given { state = given } else { do { state = .success(try facilitatorState()) } catch { state = .failure(error) } }
        return reportDocument(tally: tally, skipped: skipped, state: state, language: language, followUp: followUp)
    }

    /// The tally of participants already read: as a scan of their files would count them, in
    /// the same order (by file name), so the console's report is the `report` command's.
    public func tally(of participants: [ParticipantRecord]) -> Tally {
        var tally = Tally(setup: scoringSetup)
        for record in participants.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            guard let department = tally.department(record.profile.value.department) else { continue }
            tally.addParticipant(department: department, done: record.done.value)
            // The stored answers as they are: building each record's dictionary of answers in
            // force would allocate one per participant per poll.
            for (item, stored) in record.answers {
                if let answer = stored.answer { tally.add(answer, to: item, department: department) }
            }
            tally.addVotes(record.votes?.value ?? [:])
        }
        return tally
    }

    /// The report from a tally, the files that were skipped, and the facilitator's state (its
    /// goals; a damaged state is listed among the skipped files).
    ///
    /// In a follow-up session the report also compares it with the session before: `earlier`
    /// is that session already scored (a live console keeps it), or nil to read it now.
    public func reportDocument(tally: Tally, skipped: [SkippedFile], state: Result<FacilitatorState, SessionError>,
                               language: Language, earlier: Result<ScoredSession, SessionError>? = nil,
                               followUp: Bool = true) -> ReportDocument {
        var skipped = skipped
        var goals: [ReportGoal] = []
        switch state {
        case .success(let state):
            goals = state.goals.map { goal in
                ReportGoal(statement: goal.statement, kpi: goal.kpi, baseline: goal.baseline, target: goal.target,
                           owner: goal.owner, due: goal.due, links: goal.links)
            }
        case .failure(let error):
            skipped.append(SkippedFile(path: "facilitator.json", reason: error.description))
        }
        var document = ReportDocument(title: settings.title, date: settings.date, sessionID: settings.id.rawValue,
                                      language: language, setup: tally.setup, scores: tally.scores(), goals: goals, skipped: skipped)
        if followUp && settings.follows != nil {
            document.followUp = followUpSection(report: document, reviews: state.map(\.reviews), earlier: earlier ?? scoredEarlierSession(),
                                                language: language)
        }
        return document
    }
}

extension ReportDocument {
    /// The text report as the console's report view scrolls it: a line each.
    public var textLines: [String] {
        TextReportRenderer.render(self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
