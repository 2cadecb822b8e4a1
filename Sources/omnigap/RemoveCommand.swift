import ArgumentParser
import Basics
import Foundation
import SessionModel
import SessionStore
#if canImport(Glibc)
import Glibc
#endif

/// `omnigap remove DIR --participant ID|NAME`: takes a test, duplicate or hostile participant
/// out of the workshop, keeping their file aside.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take a participant out of the session: their file is kept aside and the report stops counting them.",
        discussion: """
            For a test run, a duplicate or someone who should not be there. The participant's file \
            moves from participants/ into removed/ in the session folder; nothing is deleted, and \
            moving the file back undoes it. A name that several people share is refused with \
            their ids: give the id then. In a terminal, it shows who it found and asks before removing; --yes skips the \
            question. Without a terminal (a script, a pipe) nothing is removed unless --yes is given.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: ArgumentHelp("The participant's id or name, as `omnigap status` lists them.",
                                            valueName: "id-or-name"))
    var participant: String

    @Flag(name: .shortAndLong, help: "Remove without asking (needed when not run in a terminal).")
    var yes = false

    func run() throws {
        let session = try self.session.open()
        let record = try ParticipantArgument.find(participant, in: session, command: "remove")
        let who = Self.describe(record, in: session)
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure("nothing removed: without a terminal to ask on, confirm with --yes to remove \(who)")
            }
            guard Self.confirm("Remove \(who)? The file moves to removed/ and the report stops counting them. [y/N] ") else {
                throw CommandFailure("nothing removed")
            }
        }
        let moved = try storeOperation { () throws(SessionError) in try session.removeParticipant(record.id) }
        let root = session.paths.root
        print("Removed \(who): moved to \(moved); the report no longer counts them.")
        print("To undo, move the file back into participants/: "
            + Sanitized.visible(ShellQuoting.command(["mv", "-i", root + "/" + moved, session.paths.participant(record.id)])))
    }

    /// "Anna K. (it, 12 answered)": enough to tell people with one name apart and to see what
    /// is being taken out.
    static func describe(_ record: ParticipantRecord, in session: Session) -> String {
        "\(displayText(record.profile.value.name, width: 40)) (\(record.profile.value.department), "
            + "\(session.progress(of: record).answered) answered, \(record.id))"
    }

    /// Asks on standard error and reads one line: only "y" or "yes" (any case) is a yes, so
    /// Enter, end of input or anything else keeps the participant.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        guard let answer = readLine() else {
            FileHandle.standardError.write(Data("\n".utf8))
            return false
        }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
