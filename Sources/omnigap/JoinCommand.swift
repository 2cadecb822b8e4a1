import ArgumentParser
import Basics
import Foundation
import NcursesTerminal
import Questionnaire
import SessionModel
import SessionStore
import Workshop

/// `omnigap join DIR`: a participant answers their section in the terminal.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Answer your department's questions and the shared section, in the terminal.",
        discussion: """
            Asks for your name, department and language unless given. Joining again with a name \
            that is already in use asks whether you are that person (then you continue where you \
            left off) or someone else (then you type a different name); --resume answers "it is me" \
            at once. A record open on another screen is not opened twice. Every answer is saved the \
            moment you give it.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "Your name, as the facilitator will see it.")
    var name: String?

    @Option(name: .long, help: "Your department's module id, such as it or logistics.")
    var department: String?

    @Option(name: .long, help: "The language to answer in: en, pl, sv or it.")
    var lang: Language?

    @Flag(name: .long, help: "Continue as the participant who already joined with this name and department, without asking.")
    var resume = false

    // Set by `omnigap serve` for each SSH connection, never typed by people: a name alone then
    // opens nobody's answers (the client's key or a resume code does), and an idle connection closes.
    @Flag(name: .customLong("over-ssh"), help: .hidden)
    var overSSH = false

    @Option(name: .customLong("client-key"), help: .hidden)
    var clientKey: String?

    @Option(name: .customLong("idle-timeout"), help: .hidden)
    var idleTimeout: Int = RemoteConnection.defaultIdleTimeout

    func run() throws {
        let session = try self.session.open()
        // Checked before the terminal is taken over, so a mistake is one line on stderr.
        try storeOperation { () throws(SessionError) in
            if let department { try session.checkDepartment(department) }
            if let name { _ = try Session.participantName(name) }
        }
        let screen: NcursesScreen
        do { screen = try NcursesScreen() } catch { throw CommandFailure(error.description) }
        let remote = overSSH ? RemoteConnection(clientKey: clientKey, idleTimeout: max(1, idleTimeout)) : nil
        let runtime = ParticipantRuntime(session: session, terminal: screen, name: name, department: department, language: lang,
                                         resume: resume, remote: remote)
        runtime.run()
        screen.stop()
        // In the participant's language, as the screens were.
        if let signal = screen.interruptSignal, let farewell = runtime.farewell(afterSignal: signal) {
            print(farewell)
        } else if let goodbye = runtime.goodbye {
            print(goodbye)
        }
    }
}
