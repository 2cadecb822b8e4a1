import Basics

/// The password every participant types when they connect: a word and four digits
/// ("tulip-4821"), easy to read aloud from the projector and to type on any keyboard layout.
///
/// It keeps the room's screens from strangers on the same network; it is not a personal secret
/// (docs/serving.md says what it does and does not protect).
public struct WorkshopCode: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// Words with no letters outside a–z and no look-alikes, short enough to spell out loud.
    static let words = [
        "amber", "aspen", "birch", "cedar", "clover", "coral", "daisy", "delta", "ember", "fern",
        "fjord", "gecko", "harbor", "hazel", "iris", "jade", "juniper", "koala", "lemon", "lilac",
        "linden", "lotus", "maple", "meadow", "mint", "nectar", "oasis", "olive", "orchid", "otter",
        "pebble", "pine", "plum", "poppy", "quartz", "raven", "river", "robin", "sage", "salmon",
        "spruce", "tango", "thistle", "tulip", "tundra", "violet", "walnut", "willow", "zephyr",
    ]

    /// A new random code.
    public static func random<Generator: RandomNumberGenerator>(using generator: inout Generator) -> WorkshopCode {
        let word = words.randomElement(using: &generator)!
        let number = Int.random(in: 1000...9999, using: &generator)
        return WorkshopCode(checked: "\(word)-\(number)")
    }

    public static func random() -> WorkshopCode {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A code the facilitator chose: 6 to 64 printable ASCII characters without spaces, so that
    /// every laptop's keyboard and every client's password prompt can type it.
    public init(_ text: String) throws(ServeError) {
        guard (6...64).contains(text.count),
              text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) else {
            throw .invalidCode("a workshop code is 6 to 64 ASCII letters, digits or signs, with no spaces (like tulip-4821)")
        }
        self.text = text
    }

    private init(checked text: String) {
        self.text = text
    }

    /// Whether `attempt` is the code, in time that does not depend on where they differ.
    public func matches(_ attempt: String) -> Bool {
        let expected = Array(text.utf8), given = Array(attempt.utf8)
        var difference = expected.count ^ given.count
        for index in 0..<expected.count {
            difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0))
        }
        return difference == 0
    }

    public var description: String { text }
}

/// What the server could not do, in words for a one-line message.
public enum ServeError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidCode(String)
    case hostKey(path: String, reason: String)
    case listen(String)
    case invalidTimeout(String)

    public var description: String {
        switch self {
        case .invalidCode(let text), .invalidTimeout(let text): text
        case let .hostKey(path, reason): "\(path): \(reason)"
        case .listen(let text): text
        }
    }
}
