import ArgumentParser
import Basics
import Foundation
import GapReport
import Questionnaire
import SessionModel
import SessionStore
import Workshop

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
        let document = session.reportDocument(language: lang ?? session.settings.language)
        if !document.skipped.isEmpty {
            StandardError.write(["note: \(document.skipped.count) file(s) left out of the report:"]
                + document.skipped.map { "  " + Sanitized.visible("\($0.path): \($0.reason)") })
        }
        let destination = OutputDestination(output)
        // Written piece by piece: a report of many thousands of comments is never whole in memory.
        try storeOperation { () throws(SessionError) in try destination.write(texts: format.pieces(document)) }
        if case .path(let path) = destination { StandardError.write(["Wrote the \(format.rawValue) report to \(Invocation.quoted(path))"]) }
    }
}
