import Basics
import Questionnaire

/// Everything one participant has said, as their file holds it.
///
/// Each answer carries when it was made and a revision, so that two copies of the same
/// participant (from two machines, or an export merged back) combine deterministically: see
/// `ParticipantRecord.merged(with:)`.
public struct ParticipantRecord: Hashable, Sendable {
    public var id: ParticipantID
    public var sessionID: SessionID
    /// The module hashes the answers were made against, by module id.
    public var moduleHashes: [String: String]
    public var profile: Stamped<Profile>
    /// Whether the participant has marked their section done.
    public var done: Stamped<Bool>
    /// The answers by item; a cleared answer stays as a tombstone so a merge cannot revive it.
    public var answers: [ItemID: StoredAnswer]
    /// The participant's dot votes on the gaps, by item, once results are revealed; nil until
    /// they first vote. One value, merged by "latest wins" like the profile.
    public var votes: Stamped<[ItemID: Int]>?
    /// Answers this omnigap could not use (an item the session's modules lack, a value that
    /// does not fit its item), kept verbatim so that rewriting the file loses nothing.
    public var unusable: [String: UnusableAnswer]

    public init(id: ParticipantID, sessionID: SessionID, moduleHashes: [String: String], profile: Stamped<Profile>,
                done: Stamped<Bool>, answers: [ItemID: StoredAnswer] = [:], unusable: [String: UnusableAnswer] = [:]) {
        self.id = id
        self.sessionID = sessionID
        self.moduleHashes = moduleHashes
        self.profile = profile
        self.done = done
        self.answers = answers
        self.unusable = unusable
    }

    /// The answers in force: cleared ones left out.
    public var currentAnswers: [ItemID: Answer] {
        var result: [ItemID: Answer] = [:]
        result.reserveCapacity(answers.count)
        for (item, stored) in answers {
            if let answer = stored.answer { result[item] = answer }
        }
        return result
    }

    /// When the participant last did anything.
    public var lastActivity: Timestamp {
        answers.values.reduce(max(profile.at, done.at)) { max($0, $1.at) }
    }
}

/// Who a participant is: display text and choices made when joining.
public struct Profile: Hashable, Sendable {
    /// Display text only: never a path, never trusted.
    public var name: String
    /// The department module the participant answers, such as "logistics".
    public var department: String
    public var language: Language

    public init(name: String, department: String, language: Language) {
        self.name = name
        self.department = department
        self.language = language
    }

    /// A name as stored: control characters and escape sequences removed, spaces collapsed.
    public static func cleanName(_ name: String) -> String {
        let kept = String(String.UnicodeScalarView(name.unicodeScalars.filter { !Sanitized.isUnsafe($0) }))
        return kept.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether two names are one person's, as joining compares them: ignoring case and extra
    /// spaces.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        cleanName(a).lowercased() == cleanName(b).lowercased()
    }
}

/// A value with the time it was set, merged by "latest wins".
public struct Stamped<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var at: Timestamp

    public init(_ value: Value, at: Timestamp) {
        self.value = value
        self.at = at
    }
}

/// One answer as stored: the answer (nil once cleared), when it was made, and its revision.
public struct StoredAnswer: Hashable, Sendable {
    public var answer: Answer?
    public var at: Timestamp
    /// Counts the edits of this item by this participant: 1 for the first answer.
    public var revision: Int

    public init(answer: Answer?, at: Timestamp, revision: Int) {
        self.answer = answer
        self.at = at
        self.revision = revision
    }
}

/// An answer kept but not used, with why.
public struct UnusableAnswer: Hashable, Sendable {
    /// The member's JSON text, exactly as it was read.
    public var json: String
    public var reason: String

    public init(json: String, reason: String) {
        self.json = json
        self.reason = reason
    }
}
