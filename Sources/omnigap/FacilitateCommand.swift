import ArgumentParser
import Basics
import Foundation
import NcursesTerminal
import Questionnaire
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
            shows the text report and exports it into the session folder.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "The console's language: en, pl, sv or it (default: the session's).")
    var lang: Language?

    func run() throws {
        try Self.run(try session.open(), language: lang)
    }

    /// Takes over the terminal and runs the console on it until the facilitator quits.
    static func run(_ session: Session, language: Language?) throws {
        let screen: NcursesScreen
        do { screen = try NcursesScreen() } catch { throw CommandFailure(error.description) }
        FacilitatorRuntime(session: session, terminal: screen, language: language,
                           joinCommand: Invocation.command("join", URL(fileURLWithPath: session.paths.root).standardizedFileURL.path)).run()
        screen.stop()
    }
}
