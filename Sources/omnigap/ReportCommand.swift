import ArgumentParser
import Foundation
import GapReport
import Questionnaire
import Scoring
import SessionStore

/// `omnigap report DIR`: the consolidated gap report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the consolidated gap report of a session.",
        discussion: """
            Consolidates every participant's answers with the scoring method in docs/scoring.md. \
            Damaged or foreign files are left out and listed at the end of the report (and on \
            stderr). Text is printable at 80 columns; Markdown is for a wiki; HTML is one \
            self-contained page with charts that prints on A4; CSV has a row per item and \
            department for spreadsheets; JSON carries every number for tools \
            (docs/report-format.md).
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "The report's format; md and txt work too. For a PDF, print the HTML from a browser.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "The report's language: en, pl, sv or it (default: the session's).")
    var lang: Language?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - or nothing for standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let session = try self.session.open()
        let document = ReportBuilder.document(for: session, language: lang ?? session.settings.language)
        if !document.skipped.isEmpty {
            StandardError.write(["note: \(document.skipped.count) file(s) left out of the report:"]
                + document.skipped.map { "  " + Sanitized.visible("\($0.path): \($0.reason)") })
        }
        let text = format.render(document)
        let destination = OutputDestination(output)
        try storeOperation { () throws(SessionError) in try destination.write(Array(text.utf8)) }
        if case .path(let path) = destination { StandardError.write(["Wrote the \(format.rawValue) report to \(path)"]) }
    }
}

/// Puts a session's report together: the scores from every participant file, read once in
/// parallel and never all held at once, and the goals from the facilitator's state.
enum ReportBuilder {
    static func setup(for session: Session) -> ScoringSetup {
        ScoringSetup(modules: session.catalog.modules, departments: session.settings.departments,
                     sharedModules: session.settings.sharedModules, quorum: session.settings.quorum)
    }

    static func document(for session: Session, language: Language) -> ReportDocument {
        let setup = setup(for: session)
        let (tally, problems) = session.scanAnswers(into: { Tally(setup: setup) }, { tally, participant in
            guard let department = tally.department(participant.profile.department) else { return }
            tally.addParticipant(department: department, done: participant.done)
            // The tally and the session list the items in the same order: both take the
            // session's modules as they are.
            for (position, answer) in participant.answers { tally.add(answer, toItemAt: position, department: department) }
            tally.addVotes(participant.votes)
        }, combine: { $0.merge($1) })
        var skipped = problems.map { SkippedFile(path: $0.path, reason: $0.problem.description) }
        var goals: [ReportGoal] = []
        do {
            goals = try session.facilitatorState().goals.map { goal in
                ReportGoal(statement: goal.statement, kpi: goal.kpi, baseline: goal.baseline, target: goal.target,
                           owner: goal.owner, due: goal.due, links: goal.links)
            }
        } catch {
            skipped.append(SkippedFile(path: "facilitator.json", reason: error.description))
        }
        return ReportDocument(title: session.settings.title, date: session.settings.date, sessionID: session.settings.id.rawValue,
                              language: language, setup: setup, scores: tally.scores(), goals: goals, skipped: skipped)
    }
}
