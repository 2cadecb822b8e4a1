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
                           joinCommand: JoinHint.command(folder: session.paths.root)).run()
        screen.stop()
    }
}

/// The `omnigap join …` line the dashboard shows before anyone has joined, as a participant can
/// paste it into a shell on this machine: the folder absolute and quoted, and the program named
/// the way the shell finds it.
enum JoinHint {
    static func command(folder: String) -> String {
        ShellQuoting.command([program(), "join", URL(fileURLWithPath: folder).standardizedFileURL.path])
    }

    /// `omnigap` when that name on the PATH is this very program; otherwise (after `swift run`,
    /// or with another version installed) the path of the running executable.
    static func program(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String {
        guard let running = runningExecutable() else { return "omnigap" }
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/omnigap"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            return URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path == running ? "omnigap" : running
        }
        return running
    }

    /// The running program's file, symbolic links resolved.
    private static func runningExecutable() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        }
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }
}
