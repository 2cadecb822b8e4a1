import Basics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the person at this terminal runs omnigap, for the commands the hints print: `omnigap`
/// when that name on their PATH is this very program, otherwise this program's own path. After
/// `swift build` or `swift run`, `omnigap` is not on the PATH (or is another, installed copy),
/// and a hint naming it would fail, or run something else, when pasted.
enum Invocation {
    /// The word that starts a pasteable omnigap command here, quoted for the shell.
    static let program: String = {
        let environment = ProcessInfo.processInfo.environment
        return resolve(argument0: CommandLine.arguments.first, searchPath: environment["PATH"],
                       running: runningExecutable,
                       workingDirectory: FileManager.default.currentDirectoryPath)
    }()

    /// The running program's own file, links followed: what the SSH server starts for each
    /// participant.
    static var runningExecutable: String {
        realPath("/proc/self/exe") ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// `program` followed by `words`, each quoted: `omnigap facilitate '/tmp/my ws'`. A control
    /// character in a word is shown as an escape: a hint never drives the terminal.
    static func command(_ words: String...) -> String {
        Sanitized.visible(([program] + words.map(ShellQuoting.quoted)).joined(separator: " "))
    }

    /// `word` quoted for the shell and safe to print: a path in a message.
    static func quoted(_ word: String) -> String {
        Sanitized.visible(ShellQuoting.quoted(word))
    }

    /// The decision, with everything it reads given: pure, so it can be reasoned about apart
    /// from the process.
    /// - `omnigap`, if the first `omnigap` on `searchPath` is the running file;
    /// - else the path this program was started by, made absolute (so the hint works from any
    ///   folder) but not resolved (`.build/debug/omnigap` stays readable), if it is the running file;
    /// - else the running file's own path.
    static func resolve(argument0: String?, searchPath: String?, running: String?, workingDirectory: String) -> String {
        let name = "omnigap"
        guard let running, let runningFile = realPath(running) else { return name }
        let onPath = (searchPath ?? "").split(separator: ":", omittingEmptySubsequences: false)
            .lazy.map { $0.isEmpty ? "." : String($0) }
            .map { $0 + "/" + name }
            .first { access($0, X_OK) == 0 }
        if let onPath, realPath(onPath) == runningFile { return name }
        if let argument0, argument0.contains("/") {
            let absolute = argument0.hasPrefix("/") ? argument0 : workingDirectory + "/" + argument0
            let shown = URL(fileURLWithPath: absolute).standardized.path
            if realPath(shown) == runningFile { return ShellQuoting.quoted(shown) }
        }
        return ShellQuoting.quoted(runningFile)
    }

    /// The canonical path of `path`, with every link followed, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
