import Basics
import Foundation
import Questionnaire
import SessionModel

/// What `omnigap new` decides once for the whole workshop: stored in `session.json`.
public struct SessionSettings: Hashable, Sendable {
    /// The settings file's format version; a newer one is refused.
    public static let formatVersion = 1
    public static let formatName = "omnigap-session"

    public var id: SessionID
    public var title: String
    /// The workshop's date, "2026-11-23".
    public var date: String
    public var created: Timestamp
    /// The language screens and reports use unless a participant or reader picks another.
    public var language: Language
    /// Below this many answers an item's result is marked low-confidence.
    public var quorum: Int
    public var agenda: [AgendaPhase]
    /// The frozen modules, in the order participants meet them.
    public var modules: [FrozenModule]
    /// The modules every participant answers, whatever their department (the omnichannel
    /// section). The others are departments: a participant belongs to exactly one.
    public var sharedModules: [String]
    /// Which questions may be left unanswered, and where importance is not asked.
    public var answering: AnsweringChoices
    /// The earlier workshop this one follows up (`omnigap new --follow-up`); nil for a first one.
    public var follows: Predecessor?

    public init(id: SessionID, title: String, date: String, created: Timestamp, language: Language, quorum: Int,
                agenda: [AgendaPhase], modules: [FrozenModule], sharedModules: [String], answering: AnsweringChoices = .none,
                follows: Predecessor? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.created = created
        self.language = language
        self.quorum = quorum
        self.agenda = agenda
        self.modules = modules
        self.sharedModules = sharedModules
        self.answering = answering
        self.follows = follows
    }

    /// The department modules' ids, in order.
    public var departments: [String] {
        modules.map(\.id).filter { !sharedModules.contains($0) }
    }

    /// The module hashes, by id: what every participant file must have been answered against.
    public var moduleHashes: [String: String] {
        Dictionary(uniqueKeysWithValues: modules.map { ($0.id, $0.sha256) })
    }
}


/// The session a follow-up workshop follows: who it was, and where its folder was when the
/// follow-up was made. Its title and date are kept so that the follow-up can name it even when
/// the folder has moved away.
public struct Predecessor: Hashable, Sendable {
    public var id: SessionID
    public var title: String
    public var date: String
    /// The earlier session's folder, relative to this session's folder when it can be
    /// ("../acme-2026-06"), so that the two can move together.
    public var folder: String

    public init(id: SessionID, title: String, date: String, folder: String) {
        self.id = id
        self.title = title
        self.date = date
        self.folder = folder
    }
}

/// A module as the session froze it: its copy in `modules/` and the hash of that copy.
public struct FrozenModule: Hashable, Sendable {
    public var id: String
    public var version: String
    /// SHA-256 of the frozen file's bytes.
    public var sha256: String
    /// The copy's path relative to the session folder, "modules/ecommerce.yaml".
    public var file: String

    public init(id: String, version: String, sha256: String, file: String) {
        self.id = id
        self.version = version
        self.sha256 = sha256
        self.file = file
    }
}

extension SessionSettings {
    /// The settings as `session.json` holds them.
    public func encoded() -> String {
        let modules = self.modules.map { module in
            JSONText.inlineObject([("id", JSONText.string(module.id)), ("version", JSONText.string(module.version)),
                                   ("sha256", JSONText.string(module.sha256)), ("file", JSONText.string(module.file))])
        }
        let agenda = self.agenda.map { JSONText.inlineObject([("phase", JSONText.string($0.id)), ("minutes", String($0.minutes))]) }
        return JSONText.blockObject([
            ("format", JSONText.string(Self.formatName)),
            ("version", String(Self.formatVersion)),
            ("id", JSONText.string(id.rawValue)),
            ("title", JSONText.string(title)),
            ("date", JSONText.string(date)),
            ("created", JSONText.string(created.description)),
            ("language", JSONText.string(language.rawValue)),
            ("quorum", String(quorum)),
            ("agenda", JSONText.blockArray(agenda, indent: 2)),
            ("modules", JSONText.blockArray(modules, indent: 2)),
            ("shared_modules", JSONText.stringArray(sharedModules)),
        ] + (answering.optional.isEmpty ? [] : [("optional", JSONText.stringArray(answering.optional))])
          + (answering.withoutImportance.isEmpty ? [] : [("without_importance", JSONText.stringArray(answering.withoutImportance))])
          + (follows.map { follows in
                [("follows", JSONText.inlineObject([("id", JSONText.string(follows.id.rawValue)), ("title", JSONText.string(follows.title)),
                                                    ("date", JSONText.string(follows.date)), ("folder", JSONText.string(follows.folder))]))]
            } ?? [])
        ) + "\n"
    }

    /// Reads `session.json`; the error says what is wrong in words for a message.
    public static func decode(_ bytes: [UInt8]) -> Result<SessionSettings, FileProblem> {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            return .failure(bytes.isEmpty ? .empty : (error.isTruncation ? .truncated(error.description) : .notJSON(error.description)))
        }
        guard root["format"] != nil else { return .failure(.foreign("it has no \"format\" member")) }
        guard root["format"]?.string == formatName else {
            return .failure(.foreign("its format is \(root["format"].map { "\($0)" } ?? "missing"), not \(formatName)"))
        }
        guard let version = root["version"]?.int else { return .failure(.invalid("\"version\" must be a whole number")) }
        guard version <= formatVersion else { return .failure(.newerVersion(version, supported: formatVersion)) }
        guard version >= 1 else { return .failure(.invalid("\"version\" \(version) is not a format version")) }
        func string(_ key: String) -> String? { root[key]?.string }
        guard let id = string("id").flatMap(SessionID.init(rawValue:)) else { return .failure(.invalid("\"id\" is not a session id like s-0123456789abcdef")) }
        guard let title = string("title"), let date = string("date") else { return .failure(.invalid("\"title\" and \"date\" must be strings")) }
        guard let created = string("created").flatMap(Timestamp.init(iso:)) else { return .failure(.invalid("\"created\" is not an ISO 8601 UTC time")) }
        guard let language = string("language").flatMap(Language.init(rawValue:)) else {
            return .failure(.invalid("\"language\" must be one of \(Language.codeList)"))
        }
        guard let quorum = root["quorum"]?.int, quorum >= 1 else { return .failure(.invalid("\"quorum\" must be a whole number of at least 1")) }
        var agenda: [AgendaPhase] = []
        for entry in root["agenda"]?.array ?? [] {
            guard let phase = entry["phase"]?.string, IdentifierRule.isValid(phase), let minutes = entry["minutes"]?.int, minutes > 0 else {
                return .failure(.invalid("an agenda entry needs a \"phase\" id and a positive \"minutes\""))
            }
            agenda.append(AgendaPhase(id: phase, minutes: minutes))
        }
        var modules: [FrozenModule] = []
        for entry in root["modules"]?.array ?? [] {
            guard let id = entry["id"]?.string, IdentifierRule.isValid(id), let version = entry["version"]?.string,
                  let sha = entry["sha256"]?.string, sha.count == 64, let file = entry["file"]?.string,
                  file == "modules/\(id).yaml"
            else { return .failure(.invalid("a module entry needs an \"id\", a \"version\", a \"sha256\" and \"file\": \"modules/ID.yaml\"")) }
            modules.append(FrozenModule(id: id, version: version, sha256: sha, file: file))
        }
        guard !modules.isEmpty else { return .failure(.invalid("the session has no modules")) }
        let shared = (root["shared_modules"]?.array ?? []).compactMap(\.string)
        // Written only when set, so sessions from before they existed read as "none".
        let optional = (root["optional"]?.array ?? []).compactMap(\.string)
        let withoutImportance = (root["without_importance"]?.array ?? []).compactMap(\.string)
        var follows: Predecessor?
        if let entry = root["follows"] {
            guard let id = entry["id"]?.string.flatMap(SessionID.init(rawValue:)), let title = entry["title"]?.string,
                  let date = entry["date"]?.string, let folder = entry["folder"]?.string
            else { return .failure(.invalid("\"follows\" needs the earlier session's \"id\", \"title\", \"date\" and \"folder\"")) }
            follows = Predecessor(id: id, title: title, date: date, folder: folder)
        }
        return .success(SessionSettings(id: id, title: title, date: date, created: created, language: language, quorum: quorum,
                                        agenda: agenda.isEmpty ? AgendaPhase.standard : agenda, modules: modules,
                                        sharedModules: shared.filter { id in modules.contains { $0.id == id } },
                                        answering: AnsweringChoices(optional: optional, withoutImportance: withoutImportance),
                                        follows: follows))
    }
}
