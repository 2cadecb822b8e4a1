/// What reaches a screen: keys, a new terminal size, or the clock.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Time passed with no key (for countdowns and live views).
    case tick
    /// Ctrl-C, SIGTERM or a hang-up: leave now (every answer is already saved).
    case interrupt
}

/// A key, already decoded from the terminal's codes.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, backspace, delete, tab, backTab, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl and a letter, such as Ctrl-S ("s").
    case control(Character)
    case function(Int)
}

/// A screen's own event type that carries the terminal's events among its others: the runtime
/// wraps each terminal event the same way for every screen.
public protocol TerminalEventCarrier {
    static func key(_ key: Key) -> Self
    static func resize(width: Int, height: Int) -> Self
    static var tick: Self { get }
    static var interrupt: Self { get }
}

extension TerminalEventCarrier {
    public init(_ event: TerminalEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case .resize(let width, let height): self = .resize(width: width, height: height)
        case .tick: self = .tick
        case .interrupt: self = .interrupt
        }
    }
}
