import ArgumentParser
import Basics
import Foundation
import NcursesTerminal
import Questionnaire
import Serve
import SessionStore
import Workshop

/// `omnigap facilitate DIR`: the facilitator's console.
struct FacilitateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitate",
        abstract: "Run the workshop: watch answers arrive, move through the agenda, reveal and read the results.",
        discussion: """
            The dashboard shows every participant's progress live, whichever machine or process \
            their answers come from. Results stay hidden until you reveal them. The report view \
            shows the text report and exports it into the session folder. With --serve the \
            console also serves the participant screens over SSH, as `omnigap serve` does, and \
            shows the join line, the code, the host key and who is connected (its log goes to \
            serve.log in the session folder).
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "The console's language: en, pl, sv or it (default: the session's).")
    var lang: Language?

    @Flag(name: .long, help: "Also serve the participant screens over SSH: participants join with ssh from their own laptops.")
    var serve = false

    @OptionGroup(title: "With --serve") var serving: ServeOptions

    func validate() throws {
        if !serve, serving.anyGiven { throw ValidationError("--port, --listen, --code and --idle-timeout go with --serve") }
    }

    func run() throws {
        let session = try session.open()
        guard serve else { return try Self.run(session, language: lang) }
        // The terminal first: without one there is no console to host the server.
        let screen = try Self.takeTerminal()
        let logPath = session.paths.root + "/serve.log"
        FileSystem.ignoreInGit("serve.log", in: session.paths)
        let server: ParticipantServer, code: WorkshopCode
        do {
            (server, code) = try serving.start(session, log: .file(logPath))
        } catch {
            screen.stop()
            throw error
        }
        let source = ServingSource(joinCommands: ServeOptions.joinCommands(server), code: code.text, fingerprint: server.hostKey.fingerprint) {
            (server.screensRunning, server.connectedParticipants)
        }
        Self.run(session, on: screen, language: lang, serving: source)
        StandardError.write(["Stopping the SSH server: ending every participant's screens."])
        server.stop()
    }

    /// Takes over the terminal and runs the console on it until the facilitator quits.
    static func run(_ session: Session, language: Language?) throws {
        run(session, on: try takeTerminal(), language: language)
    }

    private static func takeTerminal() throws -> NcursesScreen {
        do { return try NcursesScreen() } catch { throw CommandFailure(error.description) }
    }

    private static func run(_ session: Session, on screen: NcursesScreen, language: Language?, serving: ServingSource? = nil) {
        FacilitatorRuntime(session: session, terminal: screen, language: language,
                           joinCommand: Invocation.command("join", URL(fileURLWithPath: session.paths.root).standardizedFileURL.path),
                           serving: serving).run()
        screen.stop()
    }
}
