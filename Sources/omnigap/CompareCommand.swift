import ArgumentParser
import Basics
import Foundation
import GapReport
import Questionnaire
import Scoring
import SessionModel
import SessionStore
import Workshop

/// `omnigap compare DIR DIR...`: sessions side by side, or then → now.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two or more sessions: a workshop and its follow-up, or branches side by side.",
        discussion: """
            Sessions that follow one another (omnigap new --follow-up) are compared over time: \
            each dimension then and now, the share of the old gap closed, the questions that moved \
            a whole stage, disagreements that came or went, and the goals under review. Other \
            sessions are compared side by side: a column each, the spread, and the best on each \
            dimension (--over-time takes them in date order instead). Only questions that are the \
            same in every session are compared; the others are listed. The method is in \
            docs/scoring.md, the JSON and CSV shapes in docs/report-format.md.
            """)

    @Argument(help: ArgumentHelp("The session folders, two or more.", valueName: "dir"))
    var directories: [String] = []

    @Option(name: .long, help: "The comparison's format; md and txt work too. For a PDF, print the HTML from a browser.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "The language: en, pl, sv or it (default: the first session's).")
    var lang: Language?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - or nothing for standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("label"), parsing: .upToNextOption, help: ArgumentHelp(
        "A name for each session's column, in the order the folders are given (default: each session's date).", valueName: "name"))
    var labels: [String] = []

    @Flag(name: .customLong("over-time"), help: "Compare then and now, in date order, even sessions that do not follow one another.")
    var overTime = false

    @Flag(name: .customLong("side-by-side"), help: "Compare side by side, even a follow-up chain.")
    var sideBySide = false

    func validate() throws {
        guard directories.count >= 2 else { throw ValidationError("give two or more session folders to compare") }
        guard labels.isEmpty || labels.count == directories.count else {
            throw ValidationError("--label names \(labels.count) session(s), but \(directories.count) are given; give one label per session, in their order")
        }
        guard !(overTime && sideBySide) else { throw ValidationError("--over-time and --side-by-side cannot be given together") }
        let cleaned = labels.map { Sanitized.visible($0).trimmingCharacters(in: .whitespaces) }
        if let empty = cleaned.firstIndex(where: \.isEmpty) { throw ValidationError("--label \(empty + 1) is empty") }
        if Set(cleaned.map { $0.lowercased() }).count != cleaned.count { throw ValidationError("two sessions have the same --label") }
        var seen: [String: String] = [:]
        for directory in directories {
            let absolute = FileSystem.absolute(directory)
            if let earlier = seen[absolute] {
                throw ValidationError("the same session folder is given twice (\(earlier) and \(directory)); give each session once")
            }
            seen[absolute] = directory
        }
    }

    func run() throws {
        var sessions: [(session: Session, label: String)] = []
        var folders: [SessionID: String] = [:]
        for (index, directory) in directories.enumerated() {
            let session = try SessionArgument.open(directory)
            // A copy of a session is the same session: its answers would count twice.
            if let other = folders[session.settings.id] {
                // A usage error like the same folder twice (exit 64), said here: thrown as a
                // ValidationError from run it would come with the top-level usage instead.
                StandardError.write(["Error: \(other) and \(directory) hold the same session (\(session.settings.id)); give each session once",
                                     "  See 'omnigap compare --help' for more information."])
                throw ExitCode.validationFailure
            }
            folders[session.settings.id] = directory
            sessions.append((session, labels.isEmpty ? session.settings.date : Sanitized.visible(labels[index]).trimmingCharacters(in: .whitespaces)))
        }
        // Sessions of one day are numbered in the order given, so that no two columns read alike.
        if labels.isEmpty {
            let dates = sessions.map(\.label)
            for index in sessions.indices where dates.filter({ $0 == dates[index] }).count > 1 {
                sessions[index].label = "\(dates[index]) \(dates[...index].filter { $0 == dates[index] }.count)"
            }
        }
        let mode: ComparisonMode? = overTime ? .overTime : (sideBySide ? .sideBySide : nil)
        let document: ComparisonDocument
        do {
            document = try SessionsComparison.document(sessions, mode: mode, language: lang ?? sessions[0].session.settings.language)
        } catch {
            throw CommandFailure(error.description)
        }
        if !document.skipped.isEmpty {
            StandardError.write(["note: \(document.skipped.count) file(s) left out of the comparison:"]
                + document.skipped.map { "  " + Sanitized.visible("\($0.path): \($0.reason)") })
        }
        let destination = OutputDestination(output)
        try storeOperation { () throws(SessionError) in try destination.write(texts: AnySequence(CollectionOfOne(format.render(document)))) }
        if case .path(let path) = destination { StandardError.write(["Wrote the \(format.rawValue) comparison to \(Invocation.quoted(path))"]) }
    }
}
