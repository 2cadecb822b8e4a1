import ArgumentParser
import Basics
import Foundation
import Questionnaire
import SessionModel
import SessionStore

/// `omnigap export DIR --participant ID -o FILE`: one participant's answers, for another copy of
/// the session.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one participant's answers to a file that `omnigap merge` brings into another copy of the session.")

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: ArgumentHelp("The participant's id or name (ignoring case), as `omnigap status` lists them.", valueName: "id-or-name"))
    var participant: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - or nothing for standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let session = try self.session.open()
        let record = try ParticipantArgument.find(participant, in: session, command: "export")
        let text = ParticipantCodec.encode(record)
        let destination = OutputDestination(output)
        try storeOperation { () throws(SessionError) in try destination.write(Array(text.utf8)) }
        if case .path(let path) = destination {
            StandardError.write(["Exported \(record.id) (\(displayText(record.profile.value.name, width: 40)), "
                + "\(record.currentAnswers.count) answers) to \(Invocation.quoted(path))"])
        }
    }
}

/// `omnigap merge DIR FILE...`: brings exported answers in.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Bring answers exported from another copy of the session into this one.",
        discussion: """
            Per item, the latest edit wins (ties are broken deterministically), so merging the same \
            file twice, or several files in any order, gives the same result. A file answered against \
            another version of a module is refused. A file from another session with the same module \
            versions is accepted, with a note. Every file is tried; the exit status is 1 if any was refused.
            """)

    @OptionGroup var session: SessionArgument

    @Argument(help: ArgumentHelp("Files written by `omnigap export` (or participant files from another copy).", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to merge") }
    }

    func run() throws {
        let session = try self.session.open()
        var failures = 0
        for file in files {
            let shown = Sanitized.visible(file)
            let record: ParticipantRecord
            switch FileSystem.read(file, limit: ParticipantCodec.maximumFileSize) {
            case .missing:
                StandardError.write(["\(shown): no such file"]); failures += 1; continue
            case .problem(let problem):
                StandardError.write(["\(shown): \(problem)"]); failures += 1; continue
            case .bytes(let bytes):
                switch session.codec.decode(bytes) {
                case .success(let decoded): record = decoded
                case .failure(let problem):
                    StandardError.write(["\(shown): \(problem)"]); failures += 1; continue
                }
            }
            do {
                let outcome = try session.merge(record)
                let who = "\(record.id) (\(displayText(record.profile.value.name, width: 40)), \(record.profile.value.department))"
                if outcome.created {
                    print("\(shown): added \(who) with \(outcome.changedAnswers) answer(s)")
                } else if outcome.changedAnswers > 0 {
                    print("\(shown): merged \(who): \(outcome.changedAnswers) answer(s) added or updated")
                } else if outcome.changedOther {
                    print("\(shown): merged \(who): name, language or done mark updated")
                } else {
                    print("\(shown): \(who) is already up to date")
                }
                if let other = outcome.fromOtherSession {
                    StandardError.write(["\(shown): note: made in another session (\(other)) with the same module versions; its answers now belong to this one"])
                }
                let unusable = session.confined(record).unusable.count
                if unusable > 0 {
                    StandardError.write(["\(shown): note: \(unusable) answer(s) do not fit this participant's section; kept but not counted"])
                }
            } catch {
                StandardError.write(["\(shown): refused: \(error)"])
                failures += 1
            }
        }
        if failures > 0 {
            StandardError.write(["\(failures) of \(files.count) file(s) not merged."])
            throw ExitCode.failure
        }
    }
}
