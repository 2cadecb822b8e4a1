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
