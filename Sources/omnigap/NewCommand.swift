import ArgumentParser
import Basics
import Foundation
import Questionnaire
import SessionModel
import SessionStore

/// `omnigap new DIR --title T`: creates a session folder.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a workshop session folder with its settings and a frozen copy of the modules.",
        discussion: """
            The modules are copied into the session with their content hash, so everybody answers \
            the same version and later edits to the module files do not change a running session. \
            A folder that already holds a session is refused.
            """)

    @Argument(help: ArgumentHelp("The folder to create the session in (new or empty).", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: "The workshop's title, shown on every screen and in the report.")
    var title: String

    @Option(name: .customLong("modules"), help: ArgumentHelp(
        "The modules to use, comma-separated (default: every module found, in their order).", valueName: "ids"))
    var moduleList: String?

    @Option(name: .long, help: ArgumentHelp(
        "The modules everybody answers, whatever their department (default: those whose file says shared: true; \"\" for none).",
        valueName: "ids"))
    var shared: String?

    @Option(name: .long, help: "The session's default language: en, pl, sv or it.")
    var lang: Language = .english

    @Option(name: .long, help: "Fewer answers than this mark an item's result as low-confidence.")
    var quorum: Int = 2

    @Option(name: .long, help: ArgumentHelp("Minutes per phase, in order.", valueName: "phase=min,..."))
    var agenda: String = AgendaPhase.standard.map { "\($0.id)=\($0.minutes)" }.joined(separator: ",")

    @Option(name: .long, help: ArgumentHelp("The workshop's date (default: today).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(name: .customLong("module-dir"), help: ArgumentHelp(
        "Read the modules from this directory instead of the built-in ones (wins over OMNIGAP_MODULES).", valueName: "dir"))
    var moduleDirectory: String?

    func validate() throws {
        guard (1...100).contains(quorum) else { throw ValidationError("--quorum must be 1 to 100") }
        if case .failure(let error) = AgendaPhase.parse(agenda) { throw ValidationError("--agenda: \(error)") }
    }

    func run() throws {
        var source = ModuleSourceOptions()
        source.directory = moduleDirectory
        let (moduleDirectory, report) = try source.load()
        let ids = moduleList.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            ?? report.catalog.standardSelection.moduleIDs
        var files: [String: String] = [:]
        for id in ids {
            guard report.catalog.module(id) != nil, let file = report.moduleFiles[id] else {
                StandardError.write(report.diagnostics.filter { $0.file.hasSuffix("/\(id).yaml") }.map(\.description))
                let known = report.catalog.modules.map(\.id).joined(separator: ", ")
                throw CommandFailure("no valid module \"\(Sanitized.excerpt(id))\" in \(moduleDirectory.path); the modules are: \(known)")
            }
            files[id] = file
        }
        let request = NewSessionRequest(
            title: title, moduleIDs: ids, language: lang, quorum: quorum,
            agenda: try AgendaPhase.parse(agenda).get(),
            sharedModules: shared.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } },
            date: date)
        let session = try storeOperation { () throws(SessionError) in
            try Session.create(at: directory, request: request, moduleFiles: files)
        }
        let settings = session.settings
        print("Created session \"\(displayText(settings.title, width: 60))\" (\(settings.id)) in \(Invocation.quoted(directory))")
        print("  date \(settings.date), language \(settings.language.rawValue), quorum \(settings.quorum)")
        print("  departments: \(settings.departments.joined(separator: ", "))")
        print("  shared: \(settings.sharedModules.isEmpty ? "none" : settings.sharedModules.joined(separator: ", "))")
        print("  modules frozen: " + settings.modules.map { "\($0.id) \($0.version)" }.joined(separator: ", "))
        print("  agenda: " + settings.agenda.map { "\($0.id) \($0.minutes) min" }.joined(separator: ", "))
        print("")
        print("Next:")
        print(Self.nextSteps(directory).joined(separator: "\n"))
    }

    /// What a newcomer does next, as commands that work when pasted here: the participants
    /// join, the facilitator runs the console. Each command is a line of its own, so that the
    /// whole line can be copied.
    static func nextSteps(_ directory: String) -> [String] {
        ["  Each participant answers in their own terminal:",
         "    " + Invocation.command("join", directory),
         "  You run the workshop from the facilitator's console:",
         "    " + Invocation.command("facilitate", directory),
         "  Or participants join from their own laptops with ssh, served by the console:",
         "    " + Invocation.command("facilitate", directory, "--serve", "--listen", "0.0.0.0")]
    }
}
