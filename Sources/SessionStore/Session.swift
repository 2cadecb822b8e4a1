import Basics
import Foundation
import Questionnaire
import SessionModel

/// An open workshop session: its settings and frozen modules, and the operations on its
/// participant files.
///
/// A value with no cached state: every operation reads what it needs from the folder, so any
/// number of processes, on one machine or several, can work on one session at once. Live views
/// keep a `ParticipantCache` to re-read only what changed.
public struct Session: Sendable {
    public let paths: SessionPaths
    public let settings: SessionSettings
    /// The frozen modules.
    public let catalog: ModuleCatalog
    public let codec: ParticipantCodec

    /// Opens the session in `path`, checking its settings and its frozen modules. Nothing is
    /// written into the session folder; parsed modules come from and go to `moduleCache` (the
    /// user's by default, none when nil), which can never change a module (see `ModuleCache`).
    public static func open(_ path: String, moduleCache: ModuleCache? = .user()) throws(SessionError) -> Session {
        let paths = SessionPaths(root: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: paths.root, isDirectory: &isDirectory) else {
            throw .notASession(path: path, reason: "the folder does not exist; create a session with `omnigap new \(ShellQuoting.quoted(path)) --title …`")
        }
        guard isDirectory.boolValue else { throw .notASession(path: path, reason: "it is a file, not a session folder") }
        let settings: SessionSettings
        switch FileSystem.read(paths.settings, limit: 1 << 20) {
        case .missing:
            throw .notASession(path: path, reason: "it has no session.json; create a session with `omnigap new`")
        case .problem(let problem):
            throw .notASession(path: path, reason: "session.json: \(problem)")
        case .bytes(let bytes):
            switch SessionSettings.decode(bytes) {
            case .success(let decoded): settings = decoded
            case .failure(let problem): throw .notASession(path: path, reason: "session.json: \(problem)")
            }
        }
        var modules: [QuestionnaireModule] = []
        for frozen in settings.modules {
            let file = paths.root + "/" + frozen.file
            guard case .bytes(let bytes) = FileSystem.read(file, limit: ModuleLoader.maximumFileSize) else {
                throw .notASession(path: path, reason: "the frozen module \(frozen.file) is missing or unreadable")
            }
            guard SHA256.hex(bytes) == frozen.sha256 else {
                throw .notASession(path: path, reason: "\(frozen.file) was changed after the session froze it (its hash differs); "
                    + "restore it from the session's copy, for example with git, or start a new session")
            }
            if let cached = moduleCache?.load(sha256: frozen.sha256, id: frozen.id) {
                modules.append(cached)
                continue
            }
            let report = ModuleLoader.load(paths: [file])
            guard let module = report.catalog.module(frozen.id), report.isValid else {
                let first = report.diagnostics.first.map(\.description) ?? "it does not define module \(frozen.id)"
                throw .notASession(path: path, reason: "the frozen module is not valid: \(first)")
            }
            modules.append(module)
            moduleCache?.store(module, sha256: frozen.sha256)
        }
        // The facilitator's choices (optional questions, importance not asked) are the session's,
        // laid over the frozen modules as they are read.
        let catalog = ModuleCatalog(modules: modules).applying(settings.answering)
        return Session(paths: paths, settings: settings, catalog: catalog, codec: ParticipantCodec(catalog: catalog))
    }

    // MARK: Participants

    /// The modules a participant of `department` answers: theirs, then the shared ones.
    public func modules(for department: String) -> [QuestionnaireModule] {
        ([department] + settings.sharedModules).compactMap(catalog.module)
    }

    /// Joins a participant, or resumes the one with the same name.
    ///
    /// Names are compared ignoring case and surrounding spaces. Resuming with another
    /// department than the one joined with is refused: the name belongs to someone else. Once
    /// answering has closed nobody new joins (nothing is created); someone who joined before
    /// may still resume, to see their answers and vote. `lateEntry` lets the facilitator's own
    /// tool (`record`) add someone after closing: paper answers typed in, a late arrival.
    public func join(name rawName: String, department: String, language: Language, at time: Timestamp = .now(),
                     lateEntry: Bool = false) throws(SessionError) -> (record: ParticipantRecord, resumed: Bool) {
        switch try attemptJoin(name: rawName, department: department, language: language, at: time, resuming: .sameDepartment,
                               lateEntry: lateEntry) {
        case .joined(let record): return (record, false)
        case .resumed(let record): return (record, true)
        case .nameInUse(let existing):
            // Not reached with `.sameDepartment`, which resumes or refuses; kept for completeness.
            throw .refused("\"\(Sanitized.excerpt(existing.profile.value.name))\" has already joined; use another name")
        case .closed(let phase):
            throw .refused(Self.joinClosedMessage(phase: phase))
        }
    }

    /// What `join` says when answering has closed, for every way in.
    public static func joinClosedMessage(phase: String) -> String {
        "answering has closed (the workshop has moved on to \"\(Sanitized.excerpt(phase))\"): new participants can no longer join; "
            + "someone who joined before can still resume with the same name"
    }

    /// How a join treats a name that is already in use.
    public enum JoinResuming: Hashable, Sendable {
        /// Resume nobody: report the name as in use, so the person can say whether it is them.
        case ask
        /// Resume the participant with that name when the department matches (the command
        /// line's `--resume`, `record`); refuse when it does not.
        case sameDepartment
        /// Resume exactly this participant: the person said the name is theirs.
        case participant(ParticipantID)
    }

    /// What a join found.
    public enum JoinAttempt: Hashable, Sendable {
        /// A new participant, created.
        case joined(ParticipantRecord)
        /// An existing participant, resumed.
        case resumed(ParticipantRecord)
        /// Someone already joined under this name; nothing was created.
        case nameInUse(ParticipantRecord)
        /// Answering has closed (the workshop is at `phase`): nothing was created.
        case closed(phase: String)
    }

    /// Joins or resumes, as `resuming` says, under the join lock: two people typing the same
    /// new name at once make one participant and one "name in use", never two records or one
    /// shared silently.
    public func attemptJoin(name rawName: String, department: String, language: Language, at time: Timestamp = .now(),
                            resuming: JoinResuming, lateEntry: Bool = false) throws(SessionError) -> JoinAttempt {
        let name = try Self.participantName(rawName)
        try checkDepartment(department)
        try FileSystem.makeDirectory(paths.locks)
        return try FileLock.withLock(paths.joinLock) { () throws(SessionError) in
            if case .participant(let id) = resuming {
                return .resumed(try participant(id))
            }
            if let existing = participants(named: name).first {
                guard resuming == .sameDepartment else { return .nameInUse(existing) }
                guard existing.profile.value.department == department else {
                    throw .refused("\"\(Sanitized.excerpt(name))\" has already joined for \(existing.profile.value.department); "
                        + "join with that department to resume, or use another name")
                }
                return .resumed(existing)
            }
            // A damaged state file leaves answering open, as on the participant screens: the
            // console reports the damage.
            if !lateEntry, let state = try? facilitatorState(), let phase = state.answeringClosedPhase(in: settings.agenda) {
                return .closed(phase: phase)
            }
            let record = ParticipantRecord(
                id: .random(), sessionID: settings.id,
                moduleHashes: settings.moduleHashes.filter { modules(for: department).map(\.id).contains($0.key) },
                profile: Stamped(Profile(name: name, department: department, language: language), at: time),
                done: Stamped(false, at: time))
            try write(record)
            return .joined(record)
        }
    }

    /// A name as it will be stored, or why it cannot be one: the same check for a name given on
    /// the command line as for one typed into the join form.
    public static func participantName(_ raw: String) throws(SessionError) -> String {
        let name = Profile.cleanName(raw)
        guard !name.isEmpty else { throw .invalidArgument("the name is empty") }
        guard name.count <= 80 else { throw .invalidArgument("the name is longer than 80 characters") }
        return name
    }

    /// Refuses a department this session does not have, naming the ones it has.
    public func checkDepartment(_ department: String) throws(SessionError) {
        guard settings.departments.contains(department) else {
            throw .invalidArgument("\"\(Sanitized.excerpt(department))\" is not a department of this session; "
                + "the departments are \(settings.departments.joined(separator: ", "))")
        }
    }

    /// The participants called `name`, compared as `join` compares names (ignoring case and
    /// extra spaces).
    public func participants(named name: String) -> [ParticipantRecord] {
        // The headers alone, in parallel: joining a session of thousands reads who everyone is,
        // not all their answers; only the files with that name are read whole, and checked as
        // every other read checks them.
        let directory = paths.participants
        let files = ParticipantCache.participantFiles(in: directory).names
        let session = self
        let found = files.parallelMap { file -> ParticipantRecord? in
            guard case .bytes(let bytes) = FileSystem.read(directory + "/" + file, limit: ParticipantCodec.maximumFileSize) else { return nil }
            var header = HeaderOnly()
            guard case .success(let who) = session.codec.decode(bytes, into: &header), Profile.sameName(who.profile.value.name, name),
                  case .success(let record) = session.codec.decode(bytes),
                  ParticipantCache.mismatch(record, fileName: file, session: session) == nil else { return nil }
            return session.confined(record)
        }
        return found.compactMap { $0 }.sorted { ($0.profile.at, $0.id) < ($1.profile.at, $1.id) }
    }

    /// The participant with `id`, read from their file.
    public func participant(_ id: ParticipantID) throws(SessionError) -> ParticipantRecord {
        switch FileSystem.read(paths.participant(id), limit: ParticipantCodec.maximumFileSize) {
        case .missing: throw .invalidArgument("no participant \(id) in this session")
        case .problem(let problem): throw .damaged(SessionProblem(path: "participants/" + id.fileName, problem: problem))
        case .bytes(let bytes):
            switch codec.decode(bytes) {
            case .success(let record): return record
            case .failure(let problem): throw .damaged(SessionProblem(path: "participants/" + id.fileName, problem: problem))
            }
        }
    }

    /// Saves one answer (nil clears it) for a participant, atomically, and returns their record
    /// as saved. The answer is checked against its item and the participant's section first.
    @discardableResult
    public func save(_ answer: Answer?, item itemID: ItemID, for id: ParticipantID, at time: Timestamp = .now(),
                     durable: Bool = true) throws(SessionError) -> ParticipantRecord {
        guard let item = catalog.item(itemID), let placement = catalog.placement(of: itemID) else {
            throw .invalidArgument("no item \"\(Sanitized.excerpt(itemID.rawValue))\" in this session's modules")
        }
        if let answer {
            do { try item.validate(answer) } catch { throw .invalidArgument(error.description) }
        }
        return try update(id, durable: durable) { record throws(SessionError) in
            guard modules(for: record.profile.value.department).contains(where: { $0.id == placement.module.id }) else {
                throw .invalidArgument("\(itemID) is in \(placement.module.id), which \(record.profile.value.department) participants do not answer")
            }
            let previous = record.answers[itemID]
            // A clock that went backwards must not make a new edit lose to an old one.
            let stamp = max(time, previous?.at ?? time)
            record.answers[itemID] = StoredAnswer(answer: answer, at: stamp, revision: (previous?.revision ?? 0) + 1)
            record.unusable[itemID.rawValue] = nil
        }
    }

    /// Records a participant's dot votes: how many dots they put on each item's gap. The total
    /// may not exceed the facilitator's budget, and only maturity items of the session can get
    /// dots; the whole set is replaced at once.
    @discardableResult
    public func setVotes(_ votes: [ItemID: Int], for id: ParticipantID, at time: Timestamp = .now()) throws(SessionError) -> ParticipantRecord {
        let budget = try facilitatorState().votesPerParticipant
        let given = votes.filter { $0.value > 0 }
        // A budget lowered after someone voted must still let them take dots back.
        let before = (try? participant(id).votes?.value.values.reduce(0, +)) ?? 0
        let total = given.values.reduce(0, +)
        guard given.values.allSatisfy({ $0 <= 100 }), total <= max(budget, before) else {
            throw .invalidArgument("\(total) dots is more than the \(budget) each participant has")
        }
        for item in given.keys {
            guard catalog.item(item)?.kind.tag == .maturity else {
                throw .invalidArgument("\(Sanitized.excerpt(item.rawValue)) is not a rated item of this session")
            }
        }
        return try update(id) { record in
            record.votes = Stamped(given, at: max(time, record.votes?.at ?? time))
        }
    }

    /// Marks a participant done, or not done.
    @discardableResult
    public func setDone(_ done: Bool, for id: ParticipantID, at time: Timestamp = .now()) throws(SessionError) -> ParticipantRecord {
        try update(id) { record in
            record.done = Stamped(done, at: max(time, record.done.at))
        }
    }

    /// Reads, changes and rewrites one participant file under that participant's lock, so that
    /// a participant's own screen, `record`, `merge` and the facilitator's proxy entry can all
    /// write to it without losing each other's answers.
    public func update(_ id: ParticipantID, durable: Bool = true,
                       _ change: (inout ParticipantRecord) throws(SessionError) -> Void) throws(SessionError) -> ParticipantRecord {
        try FileSystem.makeDirectory(paths.locks)
        return try FileLock.withLock(paths.lock(for: id)) { () throws(SessionError) in
            var record = try participant(id)
            try change(&record)
            try write(record, durable: durable)
            return record
        }
    }

    /// Brings a copy of a participant in: merged with the local file when there is one, created
    /// when there is not. Returns what changed.
    ///
    /// A copy from another session is accepted when it was answered against exactly the modules
    /// this session froze (same hashes): the answers mean the same thing, which is what lets a
    /// facilitator gather answers from several workshops, or from a pre-survey, into one. It then
    /// belongs to this session. A copy made against any other module version is refused.
    public func merge(_ received: ParticipantRecord, durable: Bool = true) throws(SessionError) -> MergeOutcome {
        try checkModules(received)
        var incoming = confined(received)
        let otherSession = received.sessionID == settings.id ? nil : received.sessionID
        incoming.sessionID = settings.id
        try FileSystem.makeDirectory(paths.locks)
        return try FileLock.withLock(paths.lock(for: incoming.id)) { () throws(SessionError) in
            let existing: ParticipantRecord?
            switch FileSystem.read(paths.participant(incoming.id), limit: ParticipantCodec.maximumFileSize) {
            case .missing: existing = nil
            case .problem(let problem): throw .damaged(SessionProblem(path: "participants/" + incoming.id.fileName, problem: problem))
            case .bytes(let bytes):
                switch codec.decode(bytes) {
                case .success(let record): existing = record
                case .failure(let problem): throw .damaged(SessionProblem(path: "participants/" + incoming.id.fileName, problem: problem))
                }
            }
            guard let existing else {
                try write(incoming, durable: durable)
                return MergeOutcome(participant: incoming.id, created: true, changedAnswers: incoming.answers.count, changedOther: false,
                                    fromOtherSession: otherSession)
            }
            let merged = existing.merged(with: incoming)
            let changed = merged.answers.filter { existing.answers[$0.key] != $0.value }.count
            if merged != existing { try write(merged, durable: durable) }
            return MergeOutcome(participant: incoming.id, created: false, changedAnswers: changed,
                                changedOther: changed == 0 && merged != existing, fromOtherSession: otherSession)
        }
    }

    /// Checks that a participant file in the folder belongs to this session: same session, and
    /// see `checkModules`. Files from elsewhere come in through `merge`, never by copying.
    public func check(_ record: ParticipantRecord) throws(SessionError) {
        guard record.sessionID == settings.id else {
            throw .refused("\(record.id) was made in another session (\(record.sessionID)), not in this one (\(settings.id)); "
                + "bring it in with `omnigap merge`")
        }
        try checkModules(record)
    }

    /// Checks that a participant was answered against the module versions this session froze,
    /// in one of its departments.
    public func checkModules(_ record: ParticipantRecord) throws(SessionError) {
        let frozen = settings.moduleHashes
        for (module, hash) in record.moduleHashes.sorted(by: { $0.key < $1.key }) {
            guard let ours = frozen[module] else {
                throw .refused("\(record.id) answered module \(module), which this session does not have")
            }
            guard ours == hash else {
                let version = settings.modules.first { $0.id == module }?.version ?? "?"
                throw .refused("\(record.id) answered another version of module \(module) (hash \(hash.prefix(12))…) "
                    + "than this session froze (version \(version), hash \(ours.prefix(12))…); answers are never mixed across versions")
            }
        }
        guard settings.departments.contains(record.profile.value.department) else {
            throw .refused("\(record.id) belongs to department \(Sanitized.excerpt(record.profile.value.department)), which this session does not have")
        }
    }

    /// `record` with any answer to an item outside the participant's section (their department
    /// and the shared modules) set aside as unusable: kept in the file, never counted. The store
    /// never writes such answers; only a hand-edited or foreign file can hold them.
    public func confined(_ record: ParticipantRecord) -> ParticipantRecord {
        let allowed = Set(modules(for: record.profile.value.department).map(\.id))
        var result = record
        for (item, stored) in record.answers {
            guard let module = catalog.placement(of: item)?.module.id, !allowed.contains(module) else { continue }
            result.answers[item] = nil
            result.unusable[item.rawValue] = UnusableAnswer(
                json: ParticipantCodec.encode(stored),
                reason: "\(item) is in module \(module), which \(record.profile.value.department) participants do not answer")
        }
        return result
    }

    /// Writes a participant's file atomically.
    public func write(_ record: ParticipantRecord, durable: Bool = true) throws(SessionError) {
        // A clone of a session in git has no participants folder until someone joins: git keeps
        // no empty folders.
        try FileSystem.makeDirectory(paths.participants)
        try FileSystem.writeAtomically(Array(ParticipantCodec.encode(record).utf8), to: paths.participant(record.id), durable: durable)
    }

    /// Every participant, read afresh, with the files that had to be skipped.
    public func load() -> SessionSnapshot {
        ParticipantCache().refresh(self)
    }
}

/// What a merge did to one participant.
public struct MergeOutcome: Hashable, Sendable {
    public let participant: ParticipantID
    /// The participant was new to this session.
    public let created: Bool
    /// How many answers were added or replaced.
    public let changedAnswers: Int
    /// No answer changed, but the profile or the done mark did.
    public let changedOther: Bool
    /// The session the copy was made in, when it was not this one.
    public let fromOtherSession: SessionID?
}
