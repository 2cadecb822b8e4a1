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
            A folder that already holds a session is refused. \
            A follow-up workshop (--follow-up EARLIER) records the earlier session, carries its \
            goals over for review in the console, and is compared with it in the report and by \
            `omnigap compare`. It takes its language and quorum from the earlier session unless \
            given, and always the current modules: a question that changed since is marked and \
            left out of the comparison.
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

    @Option(name: .long, help: "The session's default language: en, pl, sv or it (default: en, or the earlier session's).")
    var lang: Language?

    @Option(name: .long, help: "Fewer answers than this mark an item's result as low-confidence (default: 2, or the earlier session's).")
    var quorum: Int?

    @Option(name: .customLong("follow-up"), help: ArgumentHelp(
        "The earlier session this workshop follows up: its goals are carried over for review.", valueName: "dir"))
    var followUp: String?

    @Option(name: .long, help: ArgumentHelp("Minutes per phase, in order.", valueName: "phase=min,..."))
    var agenda: String = AgendaPhase.standard.map { "\($0.id)=\($0.minutes)" }.joined(separator: ",")

    @Option(name: .long, help: ArgumentHelp("The workshop's date (default: today).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(name: .customLong("module-dir"), help: ArgumentHelp(
        "Read the modules from this directory instead of the built-in ones (wins over OMNIGAP_MODULES).", valueName: "dir"))
    var moduleDirectory: String?

    @Option(name: .customLong("optional"), help: ArgumentHelp(
        "Questions participants may leave unanswered: item, dimension (module.dimension) or module ids, comma-separated; may be repeated.",
        valueName: "ids"))
    var optionalLists: [String] = []

    @Option(name: .customLong("no-importance"), help: ArgumentHelp(
        "Modules whose questions are asked without importance (it counts as 2, medium), comma-separated; may be repeated.",
        valueName: "ids"))
    var noImportanceLists: [String] = []

    func validate() throws {
        if let quorum, !(1...100).contains(quorum) { throw ValidationError("--quorum must be 1 to 100") }
        if case .failure(let error) = AgendaPhase.parse(agenda) { throw ValidationError("--agenda: \(error)") }
    }

    func run() throws {
        var source = ModuleSourceOptions()
        source.directory = moduleDirectory
        let (moduleDirectory, report) = try source.load()
        let ids = moduleList.map(Self.idList) ?? report.catalog.standardSelection.moduleIDs
        var files: [String: String] = [:]
        for id in ids {
            guard report.catalog.module(id) != nil, let file = report.moduleFiles[id] else {
                StandardError.write(report.diagnostics.filter { $0.file.hasSuffix("/\(id).yaml") }.map(\.description))
                let known = report.catalog.modules.map(\.id).joined(separator: ", ")
                throw CommandFailure("no valid module \"\(Sanitized.excerpt(id))\" in \(moduleDirectory.path); the modules are: \(known)")
            }
            files[id] = file
        }
        // A follow-up speaks the earlier workshop's language and keeps its quorum unless told
        // otherwise; opened here only for those defaults (creating checks it again: its parsed
        // modules come from the module cache then, so they are parsed once).
        let earlier = followUp.flatMap { try? Session.open($0) }
        let request = NewSessionRequest(
            title: title, moduleIDs: ids, language: lang ?? earlier?.settings.language ?? .english,
            quorum: quorum ?? earlier?.settings.quorum ?? 2,
            agenda: try AgendaPhase.parse(agenda).get(),
            sharedModules: shared.map(Self.idList),
            date: date,
            answering: AnsweringChoices(optional: optionalLists.flatMap(Self.idList),
                                        withoutImportance: noImportanceLists.flatMap(Self.idList)),
            followUp: followUp)
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
        for line in Self.lengthLines(session) { print(line) }
        for line in Self.followUpLines(session) { print(line) }
        print("")
        print("Next:")
        print(Self.nextSteps(directory).joined(separator: "\n"))
    }

    /// "a, b,c" → ["a", "b", "c"].
    static func idList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// How long answering will be for each department (its questions and the shared ones), so
    /// that the facilitator can judge it against the answering phase before anyone joins.
    static func lengthLines(_ session: Session) -> [String] {
        let settings = session.settings
        var lines: [String] = []
        let counts = settings.departments.map { department -> String in
            let items = session.modules(for: department).flatMap(\.items)
            let asked = items.filter { $0.condition == nil && !$0.isOptional }.count
            let more = items.filter { $0.condition != nil && !$0.isOptional }.count
            return "\(department) \(asked)" + (more > 0 ? " (+\(more) when they apply)" : "")
        }
        lines.append("  questions per participant: " + counts.joined(separator: ", "))
        let optional = session.catalog.modules.flatMap(\.items).filter(\.isOptional).count
        if optional > 0 { lines.append("  optional: \(optional) questions (\(settings.answering.optional.joined(separator: ", ")))") }
        if !settings.answering.withoutImportance.isEmpty {
            lines.append("  importance not asked in: " + settings.answering.withoutImportance.joined(separator: ", "))
        }
        return lines
    }

    /// What a follow-up carried over, and how its questions match the earlier session's: a
    /// facilitator learns before the workshop which answers will not be comparable.
    static func followUpLines(_ session: Session) -> [String] {
        guard let follows = session.settings.follows else { return [] }
        let folder = FileSystem.absolute(session.paths.root + "/" + follows.folder)
        var lines = ["  follows: \"\(displayText(follows.title, width: 50))\" of \(follows.date) (\(follows.id)) in \(Invocation.quoted(folder))"]
        let reviews = (try? session.facilitatorState().reviews.count) ?? 0
        lines.append("  goals carried over for review: \(reviews)")
        if case .success(let earlier) = session.earlierSession() {
            let matches = EditionComparison(base: earlier.catalog, current: session.catalog).items.map(\.match)
            let same = matches.filter { $0 == .same }.count
            let changed = matches.filter { if case .changed = $0 { true } else { false } }.count
            let new = matches.filter { $0 == .onlyInCurrent }.count, dropped = matches.filter { $0 == .onlyInBase }.count
            lines.append("  questions against the earlier session: \(same) the same, \(changed) changed (left out of the comparison), "
                         + "\(new) new, \(dropped) no longer asked")
        }
        return lines
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
