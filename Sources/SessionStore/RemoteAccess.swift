import Basics
import Foundation
import SessionModel

/// Who may resume a participant who joined over SSH, kept in `access/ID.json` beside the
/// session's content but never part of it: the folder is 0700, the files 0600, and the
/// session's `.gitignore` keeps them out of commits, so a resume code never travels with a
/// shared session.
///
/// On the facilitator's machine anyone can open any name: the people at that keyboard are
/// trusted. Over SSH, everyone who knows the workshop code gets in, so a name alone must not
/// open someone else's answers. A participant who joins over SSH is given a personal resume
/// code, shown once, and their SSH public key is remembered when their client proved it has
/// one. Coming back, the same key lets them in at once; otherwise they type the code. Five
/// wrong codes lock the record until the facilitator gives it a new code.
public struct RemoteAccess: Codable, Hashable, Sendable {
    public var participant: ParticipantID
    /// The fingerprint ("SHA256:…") of the SSH key that created the record or last resumed it
    /// with the code; nil when the client offered none.
    public var clientKey: String?
    /// Six digits, shown as "482-193".
    public var resumeCode: String
    /// Wrong codes typed since the code was issued; the record locks at `maximumWrongCodes`.
    public var wrongCodes: Int
    public var issuedAt: Timestamp

    /// After this many wrong codes only a new code from the facilitator opens the record: six
    /// digits cannot be guessed in five tries, whatever the number of connections.
    public static let maximumWrongCodes = 5

    public init(participant: ParticipantID, clientKey: String?, resumeCode: String, wrongCodes: Int = 0, issuedAt: Timestamp) {
        self.participant = participant
        self.clientKey = clientKey
        self.resumeCode = resumeCode
        self.wrongCodes = wrongCodes
        self.issuedAt = issuedAt
    }

    enum CodingKeys: String, CodingKey {
        case participant, clientKey = "client_key", resumeCode = "resume_code", wrongCodes = "wrong_codes", issuedAt = "issued_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .participant)
        guard let participant = ParticipantID(rawValue: id) else {
            throw DecodingError.dataCorruptedError(forKey: .participant, in: container, debugDescription: "not a participant id")
        }
        guard let issuedAt = Timestamp(iso: try container.decode(String.self, forKey: .issuedAt)) else {
            throw DecodingError.dataCorruptedError(forKey: .issuedAt, in: container, debugDescription: "not an ISO 8601 time")
        }
        self.init(participant: participant, clientKey: try container.decodeIfPresent(String.self, forKey: .clientKey),
                  resumeCode: try container.decode(String.self, forKey: .resumeCode),
                  wrongCodes: try container.decode(Int.self, forKey: .wrongCodes), issuedAt: issuedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(participant.rawValue, forKey: .participant)
        try container.encode(clientKey, forKey: .clientKey)
        try container.encode(resumeCode, forKey: .resumeCode)
        try container.encode(wrongCodes, forKey: .wrongCodes)
        try container.encode(issuedAt.description, forKey: .issuedAt)
    }

    public var locked: Bool { wrongCodes >= Self.maximumWrongCodes }

    /// A fresh code: six random digits.
    public static func newCode<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let number = Int.random(in: 0..<1_000_000, using: &generator)
        let digits = String(format: "%06d", number)
        return String(digits.prefix(3)) + "-" + String(digits.suffix(3))
    }

    /// The digits of what was typed: "482193", "482-193" and "482 193" are the same code.
    public static func normalized(_ typed: String) -> String {
        String(typed.filter(\.isASCII).filter(\.isNumber))
    }

    /// Compares in constant time: how long a wrong code takes says nothing about its digits.
    public func matches(_ typed: String) -> Bool {
        let given = Array(Self.normalized(typed).utf8), expected = Array(Self.normalized(resumeCode).utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// What a resume over SSH is allowed, given the client's key and the code typed (nil: none
    /// typed yet).
    public enum Verdict: Hashable, Sendable {
        /// The same key as before, or the right code.
        case granted
        /// No key that matches: the code is needed.
        case codeNeeded
        /// The code typed is wrong; `triesLeft` more before the record locks.
        case wrongCode(triesLeft: Int)
        /// Too many wrong codes: the facilitator must give a new one.
        case locked
        /// The record was not made over SSH (or its access file is gone): the facilitator must
        /// give it a code first.
        case noCode
    }
}

extension SessionPaths {
    /// Resume codes and SSH keys of participants who joined over SSH (see `RemoteAccess`).
    public var access: String { root + "/access" }
    public func access(for id: ParticipantID) -> String { access + "/" + id.fileName }
}

extension Session {
    /// The access record of `id`, or nil when it has none. A damaged file reads as none: the
    /// facilitator then gives a new code.
    public func remoteAccess(for id: ParticipantID) -> RemoteAccess? {
        guard case .bytes(let bytes) = FileSystem.read(paths.access(for: id), limit: 1 << 16),
              let access = try? JSONDecoder().decode(RemoteAccess.self, from: Data(bytes)),
              access.participant == id else { return nil }
        return access
    }

    /// Gives `id` a new resume code (and remembers `clientKey`, the key it joined with):
    /// when a participant joins over SSH, and when the facilitator resets a lost or locked
    /// code, which also forgets the key.
    @discardableResult
    public func issueRemoteAccess(for id: ParticipantID, clientKey: String?, at time: Timestamp = .now()) throws(SessionError) -> RemoteAccess {
        var random = SystemRandomNumberGenerator()
        let access = RemoteAccess(participant: id, clientKey: clientKey, resumeCode: RemoteAccess.newCode(using: &random), issuedAt: time)
        try FileSystem.makeDirectory(paths.locks)
        try FileLock.withLock(paths.lock(for: id)) { () throws(SessionError) in try writeAccess(access) }
        return access
    }

    /// Decides whether this SSH client may resume `id`, and counts a wrong code. A right code
    /// typed by a client with a key makes that key the one remembered.
    public func checkRemoteAccess(for id: ParticipantID, clientKey: String?, code: String?) throws(SessionError) -> RemoteAccess.Verdict {
        try FileSystem.makeDirectory(paths.locks)
        return try FileLock.withLock(paths.lock(for: id)) { () throws(SessionError) -> RemoteAccess.Verdict in
            guard var access = remoteAccess(for: id) else { return .noCode }
            guard !access.locked else { return .locked }
            if let clientKey, access.clientKey == clientKey { return .granted }
            guard let code else { return .codeNeeded }
            if access.matches(code) {
                let before = access
                access.clientKey = clientKey ?? access.clientKey
                access.wrongCodes = 0
                if access != before { try writeAccess(access) }
                return .granted
            }
            access.wrongCodes += 1
            try writeAccess(access)
            return access.locked ? .locked : .wrongCode(triesLeft: RemoteAccess.maximumWrongCodes - access.wrongCodes)
        }
    }

    private func writeAccess(_ access: RemoteAccess) throws(SessionError) {
        try FileSystem.makeDirectory(paths.access, mode: 0o700)
        FileSystem.ignoreInGit("access/", in: paths)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let bytes: Data
        do { bytes = try encoder.encode(access) } catch { throw .io(path: paths.access(for: access.participant), reason: "\(error)") }
        try FileSystem.writeAtomically(Array(bytes) + [10], to: paths.access(for: access.participant), mode: 0o600)
    }
}

extension FileSystem {
    /// Adds `entry` to the session's `.gitignore` once: secrets (the host key, resume codes)
    /// stay on this machine even when the folder is shared through git.
    public static func ignoreInGit(_ entry: String, in paths: SessionPaths) {
        let existing: String
        if case .bytes(let bytes) = read(paths.gitignore, limit: 1 << 20) {
            existing = String(decoding: bytes, as: UTF8.self)
        } else {
            existing = ""
        }
        guard !existing.split(separator: "\n").contains(Substring(entry)) else { return }
        let updated = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + entry + "\n"
        try? writeAtomically(Array(updated.utf8), to: paths.gitignore)
    }
}
