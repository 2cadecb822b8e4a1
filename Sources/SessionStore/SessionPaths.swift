import SessionModel
/// Where each part of a session lives inside its folder.
///
/// ```
/// DIR/session.json            settings, written once by `omnigap new`
/// DIR/modules/ID.yaml         the frozen modules
/// DIR/participants/p-….json   one file per participant, each with one writer
/// DIR/facilitator.json        phase state and goals, written under a lock
/// DIR/removed/p-….json        participants the facilitator removed, kept but not counted
/// DIR/locks/                  lock files (not part of the session's content)
/// ```
///
/// Parsed modules are cached outside the folder, in the user's cache (`ModuleCache`).
public struct SessionPaths: Hashable, Sendable {
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var settings: String { root + "/session.json" }
    public var modules: String { root + "/modules" }
    public var participants: String { root + "/participants" }
    public var facilitator: String { root + "/facilitator.json" }
    public var locks: String { root + "/locks" }
    public var removed: String { root + "/removed" }
    public var gitignore: String { root + "/.gitignore" }

    public func participant(_ id: ParticipantID) -> String { participants + "/" + id.fileName }
    public func lock(for id: ParticipantID) -> String { locks + "/" + id.rawValue + ".lock" }
    public var facilitatorLock: String { locks + "/facilitator.lock" }
    public var joinLock: String { locks + "/join.lock" }

    /// `path` relative to the session folder, for messages, when it is inside it.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
