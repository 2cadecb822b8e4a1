import Basics
import Foundation
import Questionnaire
import SessionModel

/// What `omnigap new` asks for.
public struct NewSessionRequest: Sendable {
    public var title: String
    /// The module ids to freeze, in order; each must be in `catalog`.
    public var moduleIDs: [String]
    public var language: Language
    public var quorum: Int
    public var agenda: [AgendaPhase]
    /// Which of `moduleIDs` everybody answers; nil: those whose module file says `shared: true`.
    public var sharedModules: [String]?
    public var date: String?
    /// Optional questions and modules asked without importance (`--optional`, `--no-importance`).
    public var answering: AnsweringChoices
    /// The earlier session this one follows up (`--follow-up`): its folder.
    public var followUp: String?

    public init(title: String, moduleIDs: [String], language: Language = .english, quorum: Int = 2,
                agenda: [AgendaPhase] = AgendaPhase.standard, sharedModules: [String]? = nil, date: String? = nil,
                answering: AnsweringChoices = .none, followUp: String? = nil) {
        self.title = title
        self.moduleIDs = moduleIDs
        self.language = language
        self.quorum = quorum
        self.agenda = agenda
        self.sharedModules = sharedModules
        self.date = date
        self.answering = answering
        self.followUp = followUp
    }
}

extension Session {
    /// Creates a session folder: settings, a frozen copy of each chosen module with its hash,
    /// and an empty participants folder. Refuses a folder that already holds a session, or one
    /// with other files in it.
    public static func create(at path: String, request: NewSessionRequest, moduleFiles: [String: String],
                              at time: Timestamp = .now()) throws(SessionError) -> Session {
        let paths = SessionPaths(root: path)
        let title = Profile.cleanName(request.title)
        guard !title.isEmpty else { throw .invalidArgument("the title is empty") }
        guard title.count <= 120 else { throw .invalidArgument("the title is longer than 120 characters") }
        guard (1...100).contains(request.quorum) else { throw .invalidArgument("the quorum must be 1 to 100 participants") }
        guard !request.moduleIDs.isEmpty else { throw .invalidArgument("no modules were chosen") }
        guard Set(request.moduleIDs).count == request.moduleIDs.count else { throw .invalidArgument("a module is named twice") }
        // Every module read and checked before anything is written.
        var chosen: [(id: String, bytes: [UInt8], module: QuestionnaireModule)] = []
        for id in request.moduleIDs {
            guard let source = moduleFiles[id] else { throw .invalidArgument("no valid module \"\(Sanitized.excerpt(id))\"") }
            guard case .bytes(let bytes) = FileSystem.read(source, limit: ModuleLoader.maximumFileSize) else {
                throw .io(path: source, reason: "cannot read the module file")
            }
            let report = ModuleLoader.load(paths: [source])
            guard report.isValid, let module = report.catalog.module(id) else {
                throw .invalidArgument("module \(id) in \(source) is not valid; run `omnigap modules validate \(ShellQuoting.quoted(source))`")
            }
            chosen.append((id, bytes, module))
        }
        let shared = (request.sharedModules ?? chosen.filter(\.module.shared).map(\.id)).filter(request.moduleIDs.contains)
        guard request.moduleIDs.contains(where: { !shared.contains($0) }) else {
            throw .invalidArgument("a session needs at least one department module besides the shared ones")
        }
        let problems = request.answering.problems(in: ModuleCatalog(modules: chosen.map(\.module)))
        guard problems.isEmpty else { throw .invalidArgument(problems.joined(separator: "; ")) }
        if let date = request.date, Timestamp(iso: date + "T00:00:00Z") == nil {
            throw .invalidArgument("the date \"\(Sanitized.excerpt(date))\" is not a date like 2026-11-23")
        }

        // The earlier session, read whole before anything is written: its goals go into this one.
        var earlier: (predecessor: Predecessor, goals: [Goal])?
        if let base = request.followUp {
            earlier = try predecessor(at: base, for: path)
            let date = request.date ?? time.date
            if let before = earlier?.predecessor.date, date < before {
                throw .invalidArgument("the follow-up's date \(date) is before the earlier session's (\(before)); a follow-up comes after the workshop it follows; give its date with --date YYYY-MM-DD")
            }
        }

        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: paths.root, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .invalidArgument("\(path) is a file; give a folder for the session") }
            if FileManager.default.fileExists(atPath: paths.settings) { throw .alreadyASession(path: path) }
            let visible = (FileSystem.names(in: paths.root) ?? []).filter { !$0.hasPrefix(".") }
            guard visible.isEmpty else {
                throw .invalidArgument("\(path) is not empty; give a new or empty folder for the session")
            }
        }
        try FileSystem.makeDirectory(paths.modules)
        try FileSystem.makeDirectory(paths.participants)
        try FileSystem.makeDirectory(paths.locks)
        if let base = request.followUp {
            // Measured now that the new folder exists, so a symbolic link on either way resolves.
            earlier?.predecessor.folder = FileSystem.relativePath(of: FileSystem.absolute(base), from: FileSystem.absolute(path))
        }

        var frozen: [FrozenModule] = []
        for (id, bytes, module) in chosen {
            let file = "modules/\(id).yaml"
            try FileSystem.writeAtomically(bytes, to: paths.root + "/" + file)
            frozen.append(FrozenModule(id: id, version: module.version, sha256: SHA256.hex(bytes), file: file))
        }
        // .cache/ is where earlier builds kept parsed modules; a session they opened may still
        // hold one, which nothing reads any more and which must not travel with the session.
        try FileSystem.writeAtomically(Array("# Lock files, interrupted writes and derived data are not part of the session.\nlocks/\n.*.tmp-*\n.cache/\n".utf8),
                                       to: paths.gitignore)
        let settings = SessionSettings(
            id: .random(), title: title, date: request.date ?? time.date, created: time, language: request.language,
            quorum: request.quorum, agenda: request.agenda, modules: frozen, sharedModules: shared,
            answering: request.answering, follows: earlier?.predecessor)
        if let earlier, !earlier.goals.isEmpty {
            var state = FacilitatorState()
            state.reviews = earlier.goals.map { GoalReview(goal: $0) }
            try FileSystem.writeAtomically(Array(state.encoded(session: settings.id).utf8), to: paths.facilitator)
        }
        // Written last: a folder without session.json is not a session, so an interrupted `new`
        // leaves nothing that looks like one.
        try FileSystem.writeAtomically(Array(settings.encoded().utf8), to: paths.settings)
        return try open(path)
    }

    /// The session at `base` as a follow-up at `path` records it, and the goals it agreed.
    /// Refuses a folder that is not a session, and a session whose goals cannot be read: a
    /// follow-up that silently forgot them would defeat its purpose.
    static func predecessor(at base: String, for path: String) throws(SessionError) -> (predecessor: Predecessor, goals: [Goal]) {
        let earlier: Session
        do { earlier = try open(base) } catch {
            throw .invalidArgument("--follow-up \(base): \(error.description)")
        }
        guard FileSystem.absolute(base) != FileSystem.absolute(path) else {
            throw .invalidArgument("--follow-up \(base) is the folder of the new session itself; give the earlier session's folder")
        }
        let state: FacilitatorState
        do { state = try earlier.facilitatorState() } catch {
            throw .invalidArgument("--follow-up \(base): its goals cannot be read (\(error.description)); mend or restore its facilitator.json first")
        }
        return (Predecessor(id: earlier.settings.id, title: earlier.settings.title, date: earlier.settings.date,
                            folder: FileSystem.absolute(base)),
                state.goals)
    }
}
