import ArgumentParser
import Foundation
import GapReport
import Questionnaire

/// `--format md` reads as Markdown too: people type the file extension.
extension ReportFormat: ExpressibleByArgument {
    public init?(argument: String) {
        let name = argument.lowercased()
        guard let format = ReportFormat(rawValue: name) ?? ReportFormat.allCases.first(where: { $0.fileExtension == name }) else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--modules DIR`: where to read the questionnaire modules from.
struct ModuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("modules"), help: ArgumentHelp(
        "Read the modules from this directory instead of the built-in ones (wins over OMNIGAP_MODULES).",
        valueName: "dir"))
    var directory: String?

    /// The module directory in effect, or an error naming the places searched.
    func locate() throws -> ModuleDirectory {
        let located = ModuleDirectory.locate(flag: directory, environment: ProcessInfo.processInfo.environment,
                                             executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first)
        switch located {
        case .success(let directory): return directory
        case .failure(let error): throw CommandFailure(error.description)
        }
    }

    /// Loads every module in the directory in effect.
    func load() throws -> (ModuleDirectory, ModuleLoadReport) {
        let directory = try locate()
        return (directory, ModuleLoader.load(paths: [directory.path]))
    }
}

/// A command that could not do what was asked; ArgumentParser prints it as one line on stderr
/// and exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Writes lines to standard error, where diagnostics belong so that stdout stays clean for
/// pipes.
enum StandardError {
    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
