import Basics
import Questionnaire
/// A participant's id: "p-" and 16 hexadecimal digits, random, so that participants who join on
/// different machines never collide. It names the participant's file; the display name never
/// does, so no name can become a path.
public struct ParticipantID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only the exact shape, so an id read from a file or a flag is safe in a path.
    public init?(rawValue: String) {
        guard isRandomID(rawValue, prefix: "p-") else { return nil }
        self.rawValue = rawValue
    }

    /// A new random id.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> ParticipantID {
        ParticipantID(rawValue: "p-" + hex16(generator.next()))!
    }

    public static func random() -> ParticipantID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// The file that holds this participant, inside the session's participants folder.
    public var fileName: String { rawValue + ".json" }

    public var description: String { rawValue }
    public static func < (lhs: ParticipantID, rhs: ParticipantID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A session's id: "s-" and 16 hexadecimal digits, random. Every participant file carries it,
/// so a file from another workshop is recognised.
public struct SessionID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard isRandomID(rawValue, prefix: "s-") else { return nil }
        self.rawValue = rawValue
    }

    public static func random() -> SessionID {
        var generator = SystemRandomNumberGenerator()
        return SessionID(rawValue: "s-" + hex16(generator.next()))!
    }

    public var description: String { rawValue }
}

/// Whether `text` is `prefix` followed by exactly 16 lower-case hexadecimal digits.
func isRandomID(_ text: String, prefix: String) -> Bool {
    let bytes = text.utf8
    guard bytes.count == prefix.utf8.count + 16, text.hasPrefix(prefix) else { return false }
    return bytes.dropFirst(prefix.utf8.count).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
}
