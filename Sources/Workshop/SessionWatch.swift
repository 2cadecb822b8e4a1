import Basics
import GapReport
import Questionnaire
import Scoring
import SessionModel
import SessionStore
import TerminalUI

/// The console's view of a live session, kept up to date by polling and built from what has
/// been read once: each participant file is decoded only when it changes, progress rows are
/// worked out only for the participants whose file changed, the tallies come from the records
/// already in memory, and the text report is rendered once per change of its inputs, not per
/// frame.
///
/// Not thread-safe: one owner polls it (the runtime's loop in tests, a background task in the
/// real console).
final class SessionWatch {
    let session: Session
    let language: Language
    private let cache = ParticipantCache()
    private let stateReader = FacilitatorStateReader()
    /// Each participant's dashboard row, worked out when their file was last read.
    private var rows: [ParticipantID: FacilitatorApp.Row] = [:]
    private var lastParticipants: [ParticipantRecord]?
    private var lastProblems: [SessionProblem] = []
    private var lastState: Result<FacilitatorState, SessionError>?
    private var tally: Tally?
    private var publishedResults = false

    private let clock: @Sendable () -> Timestamp

    init(session: Session, language: Language, clock: @escaping @Sendable () -> Timestamp = { .now() }) {
        self.session = session
        self.language = language
        self.clock = clock
    }

    /// Reads what changed since the last poll and returns it as events for the console, nothing
    /// when nothing changed: both steps, with the results and their text rebuilt whenever their
    /// inputs changed. The in-process runtime's poll, one per tick; the background task runs the
    /// steps apart.
    func poll() -> [FacilitatorApp.Event] {
        let found = pollSession() + pollResults(force: true)
        return found + (takeUnrenderedResults().map { [.reportText($0.textLines)] } ?? [])
    }

    /// The first step of a poll: the participants and the facilitator's state, quick whatever the
    /// session's size, so a new participant reaches the dashboard without waiting for the tallies.
    func pollSession() -> [FacilitatorApp.Event] {
        var events: [FacilitatorApp.Event] = []
        let snapshot = cache.refreshIfChanged(session, now: clock())
        let participantsChanged = lastParticipants == nil || cache.lastReadCount > 0
            || snapshot.participants.count != lastParticipants?.count || snapshot.problems != lastProblems
        if participantsChanged {
            lastParticipants = snapshot.participants
            lastProblems = snapshot.problems
            tally = nil
            resultsDue = true
            events.append(.participants(dashboardRows(snapshot.participants), skippedFiles: snapshot.problems.count))
        }
        let state = stateReader.read(session)
        let stateChanged = lastState.map { !Self.same($0, state) } ?? true
        lastState = state
        switch state {
        case .success(let current) where stateChanged:
            resultsDue = true
            events.append(.state(current))
        case .failure(let error) where stateChanged:
            resultsDue = true
            events.append(.failed(ProblemStrings.forLanguage(language).describe(error)))
        default: break
        }
        return events
    }

    /// The second step: the consolidated results, once revealed, when their inputs changed. While
    /// a crowd keeps arriving they are rebuilt at most every `resultsInterval`: the heat map runs
    /// a moment behind the dashboard rather than keeping a core busy.
    func pollResults(force: Bool = false) -> [FacilitatorApp.Event] {
        guard let state = lastState else { return [] }
        let revealed = (try? state.get())?.revealed ?? false
        if !revealed {
            guard publishedResults else { return [] }
            publishedResults = false
            unrenderedText = nil
            return [.results(nil)]
        }
        let now = clock().milliseconds
        guard resultsDue || !publishedResults else { return [] }
        if publishedResults && !force && now - lastResultsBuild < Self.resultsInterval && now >= lastResultsBuild { return [] }
        let document = results(state: state)
        publishedResults = true
        resultsDue = false
        lastResultsBuild = now
        unrenderedText = document
        keepVoteItemsCurrent(document.scores, state: state)
        return [.results(document)]
    }

    /// Reveals the results: the gaps open for voting are chosen from the participants as they
    /// are now (read from the cache, not from every file again) and saved with the reveal under
    /// the lock; the results follow as any later poll would give them.
    func reveal() -> [FacilitatorApp.Event] {
        var events = pollSession()
        do {
            let scores = currentTally().scores()
            let state = try session.reveal(scores)
            lastState = .success(state)
            resultsDue = true
            events.append(.state(state))
            events += pollResults(force: true)
        } catch {
            events.append(.failed(ProblemStrings.forLanguage(language).describe(error)))
        }
        return events
    }

    /// Writes the report of the participants as they are now to `path`, as `report -o` writes
    /// (through a symlink, never replacing what is not a regular file).
    func export(_ format: ReportFormat, to path: String) -> [FacilitatorApp.Event] {
        var events = pollSession()
        do {
            try OutputDestination(path).write(texts: format.pieces(results(state: lastState ?? .success(FacilitatorState()))))
            events.append(.informed(FacilitatorStrings.fill(FacilitatorStrings.forLanguage(language).exported, ["path": path])))
        } catch {
            events.append(.failed(ProblemStrings.forLanguage(language).describe(error)))
        }
        return events
    }

    /// The least time between two rebuilds of the results while answers keep arriving, in ms.
    static let resultsInterval: Int64 = 2_000
    private var resultsDue = false
    private var lastResultsBuild: Int64 = 0

    /// The results whose text report has not been rendered yet.
    private var unrenderedText: ReportDocument?

    /// The latest results whose text report has not been asked for yet.
    func takeUnrenderedResults() -> ReportDocument? {
        defer { unrenderedText = nil }
        return unrenderedText
    }

    /// The consolidated results from the participants in memory.
    private func results(state: Result<FacilitatorState, SessionError>) -> ReportDocument {
        let tally = currentTally()
        let skipped = lastProblems.map { SkippedFile(path: $0.path, reason: $0.problem.description) }
        return session.reportDocument(tally: tally, skipped: skipped, state: state, language: language, earlier: earlierSession())
    }

    /// The session this one follows, scored once: it does not change while this one runs.
    private var earlierScored: Result<ScoredSession, SessionError>??

    private func earlierSession() -> Result<ScoredSession, SessionError>? {
        if let earlierScored { return earlierScored }
        let scored = session.scoredEarlierSession()
        earlierScored = .some(scored)
        return scored
    }

    /// The tally of the participants in memory, counted again only after they changed.
    private func currentTally() -> Tally {
        let tally = self.tally ?? session.tally(of: lastParticipants ?? [])
        self.tally = tally
        return tally
    }

    /// Once revealed, the gaps open for voting follow the ranking while late answers still
    /// arrive; participants read the list from the state instead of consolidating every file.
    private func keepVoteItemsCurrent(_ scores: Scores, state: Result<FacilitatorState, SessionError>) {
        let numbers = scores.votableGapNumbers
        guard case .success(let current) = state, current.voteItems != scores.votableGaps || current.voteNumbers != numbers else { return }
        _ = try? session.setVoteItems(scores.votableGaps, numbers: numbers)
    }

    /// Dashboard rows, reworking progress only for the participants whose file the cache just
    /// read again.
    private func dashboardRows(_ participants: [ParticipantRecord]) -> [FacilitatorApp.Row] {
        var next: [ParticipantID: FacilitatorApp.Row] = [:]
        next.reserveCapacity(participants.count)
        let result = participants.map { record -> FacilitatorApp.Row in
            if let known = rows[record.id], !cache.lastRead.contains(record.id.fileName) {
                next[record.id] = known
                return known
            }
            let progress = session.progress(of: record)
            let row = FacilitatorApp.Row(name: record.profile.value.name, department: record.profile.value.department,
                                         answered: progress.answered, visible: progress.visible, done: progress.done,
                                         lastActivity: progress.lastActivity, id: record.id)
            next[record.id] = row
            return row
        }
        rows = next
        return result
    }

    private static func same(_ a: Result<FacilitatorState, SessionError>, _ b: Result<FacilitatorState, SessionError>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): x == y
        case (.failure(let x), .failure(let y)): x.description == y.description
        default: false
        }
    }
}
