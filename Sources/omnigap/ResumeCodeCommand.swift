import ArgumentParser
import Basics
import SessionModel
import SessionStore

/// `omnigap resume-code DIR --participant ID|NAME [--reset]`: the personal resume code of
/// someone who joined over SSH, for a facilitator running `serve` without a console.
struct ResumeCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume-code",
        abstract: "Show, or give anew, the code a participant needs to resume their answers over SSH.",
        discussion: """
            Someone who joins over SSH is shown a personal resume code once. Coming back from \
            another connection, they need the same SSH key or that code: the name alone is not \
            enough. This prints the code, whether a key is remembered and how many wrong codes \
            were typed. --reset gives a new code and forgets the key: for a lost code, a record \
            locked after five wrong codes, or someone who joined on this machine and now connects \
            over SSH. The facilitator's console shows the same with c on the dashboard.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: ArgumentHelp("The participant's id (p-…) or name.", valueName: "id-or-name"))
    var participant: String

    @Flag(name: .long, help: "Give a new code, and forget the SSH key remembered for them.")
    var reset = false

    func run() throws {
        let session = try self.session.open()
        let record = try ParticipantArgument.find(participant, in: session, command: "resume-code")
        let name = Sanitized.visible(record.profile.value.name)
        if reset {
            let access = try storeOperation { () throws(SessionError) in try session.issueRemoteAccess(for: record.id, clientKey: nil) }
            print("New resume code for \(name) (\(record.id)): \(access.resumeCode)")
            return
        }
        guard let access = session.remoteAccess(for: record.id) else {
            throw CommandFailure("\(name) (\(record.id)) has no resume code: they did not join over SSH. Give one with `"
                + Invocation.command("resume-code", session.paths.root, "--participant", record.id.rawValue, "--reset") + "`")
        }
        print("Resume code for \(name) (\(record.id)): \(access.resumeCode)")
        print("SSH key:     \(access.clientKey ?? "none (they connected without a key)")")
        print("Wrong codes: \(access.wrongCodes) of \(RemoteAccess.maximumWrongCodes)" + (access.locked ? " (locked: --reset gives a new code)" : ""))
    }
}
