import CNcurses
import Foundation
import Synchronization
import TerminalUI

/// The terminal, as ncurses drives it. The only code in omnigap that calls ncurses.
///
/// It copies finished cell buffers to the screen (ncurses works out the minimal update), reads
/// keys, resizes and signals as events, and gives the terminal back on every way out: `stop()`,
/// Ctrl-C, SIGTERM and SIGHUP (as an `.interrupt` event for the caller to act on), and a crash
/// (a last-resort `endwin` from the fatal-signal handler). ncurses is not thread-safe: one thread
/// owns the screen and makes every call.
public final class NcursesScreen: Terminal {
    /// Whether colours are used: the terminal has them and NO_COLOR is not set.
    public let usesColor: Bool
    private var running = true
    private var consecutiveErrors = 0

    /// Takes over the terminal. Fails, with the terminal untouched, when standard input or
    /// output is not a terminal or the terminal type is unknown.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        if environment["ESCDELAY"] == nil { set_escdelay(25) }
        guard let screen = omnigap_newterm() else { throw .unknownTerminal(environment["TERM"] ?? "") }
        set_term(screen)
        Self.installSignalHandlers()
        cbreak()
        noecho()
        nonl()
        keypad(omnigap_stdscr(), true)
        curs_set(0)
        let wantsColor = (environment["NO_COLOR"] ?? "").isEmpty
        usesColor = wantsColor && has_colors()
        if usesColor {
            start_color()
            use_default_colors()
            let colors: [ColorRole: Int16] = [.accent: Int16(COLOR_CYAN), .current: Int16(COLOR_YELLOW), .target: Int16(COLOR_GREEN),
                                              .good: Int16(COLOR_GREEN), .warning: Int16(COLOR_YELLOW), .bad: Int16(COLOR_RED)]
            for (role, color) in colors { init_pair(Int16(role.rawValue), color, -1) }
        }
        Self.active.store(1, ordering: .sequentiallyConsistent)
    }

    deinit { stop() }

    /// Gives the terminal back: normal mode, cursor visible, the screen as it was. Safe to call
    /// more than once.
    public func stop() {
        guard running else { return }
        running = false
        Self.active.store(0, ordering: .sequentiallyConsistent)
        curs_set(1)
        endwin()
    }

    /// The terminal's size now.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(omnigap_stdscr())), Int(getmaxy(omnigap_stdscr())))
    }

    /// Copies a buffer to the screen.
    public func draw(_ buffer: CellBuffer) {
        let window = omnigap_stdscr()
        let (width, height) = size
        for y in 0..<min(height, buffer.height) {
            for x in 0..<min(width, buffer.width) {
                let cell = buffer[x, y]
                if cell.text.isEmpty { continue }  // the second column of a wide character
                var characters = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                characters.append(0)
                let (attributes, pair) = attributes(for: cell.style)
                // The last cell of the screen can report an error after drawing: nothing to do.
                _ = omnigap_put_cell(window, Int32(y), Int32(x), characters, attributes, pair)
            }
        }
        if let cursor = buffer.cursor, cursor.x < width, cursor.y < height {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = omnigap_a_normal()
        if style.bold { attributes |= omnigap_a_bold() }
        if style.reverse { attributes |= omnigap_a_reverse() }
        if style.underline { attributes |= omnigap_a_underline() }
        if style.dim { attributes |= omnigap_a_dim() }
        guard usesColor, let color = style.color else { return (attributes, 0) }
        return (attributes, Int16(color.rawValue))
    }

    /// Waits up to `timeout` milliseconds for something to happen; `.tick` when nothing did.
    /// After the terminal has gone away (input returns errors without end) it reports
    /// `.interrupt`, rather than spinning.
    public func nextEvent(timeout milliseconds: Int) -> TerminalEvent {
        if Self.interrupted.load(ordering: .sequentiallyConsistent) != 0 { return .interrupt }
        let window = omnigap_stdscr()
        wtimeout(window, Int32(milliseconds))
        var value: UInt32 = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = omnigap_get_wch(window, &value)
        let waited = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        if Self.interrupted.load(ordering: .sequentiallyConsistent) != 0 { return .interrupt }
        switch result {
        case KEY_CODE_YES:
            consecutiveErrors = 0
            if Int32(value) == KEY_RESIZE {
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            return Self.functionKey(Int32(value)).map(TerminalEvent.key) ?? .tick
        case OK:
            consecutiveErrors = 0
            return Self.characterKey(value).map(TerminalEvent.key) ?? .tick
        default:
            // ERR: the timeout passed, a signal arrived, or input is gone. A timeout takes its
            // time and is a quiet moment, not an error; a dead terminal answers at once, again
            // and again.
            if milliseconds > 0 && waited >= milliseconds / 2 {
                consecutiveErrors = 0
                return .tick
            }
            consecutiveErrors += 1
            if consecutiveErrors > 200 && milliseconds > 0 { return .interrupt }
            return .tick
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        default:
            (1...12).first { omnigap_key_f(Int32($0)) == code }.map(Key.function)
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 127, 8: return .backspace
        case 9: return .tab
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32, 0x7F...0x9F: return nil
        default: return Unicode.Scalar(value).map { .key(Character($0)) }
        }
    }

    /// Forgets a Ctrl-C that has been acted on, so that leaving a nested screen (proxy entry)
    /// with Ctrl-C does not also close the screen underneath.
    public func consumeInterrupt() {
        Self.interrupted.store(0, ordering: .sequentiallyConsistent)
    }

    // MARK: Signals

    /// Set by the signal handler, read by the loop: the handler itself never touches ncurses.
    private static let interrupted = Atomic<Int>(0)
    /// The last signal that interrupted the screens, kept after the interrupt is consumed.
    private static let lastSignal = Atomic<Int32>(0)

    /// The signal that ended the screens (SIGTERM from a stopping server, SIGUSR1 from the same
    /// participant continuing elsewhere), for the last line printed after them; nil if none did.
    public var interruptSignal: Int32? {
        let signal = Self.lastSignal.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }
    /// Whether curses mode is on, for the last-resort handler.
    private static let active = Atomic<Int>(0)

    private static func installSignalHandlers() {
        // SIGUSR1: the same participant proved who they are on another connection and takes
        // the record over (`LiveLock.takeOver`).
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGUSR1] {
            signal(signalNumber) { number in
                NcursesScreen.lastSignal.store(number, ordering: .sequentiallyConsistent)
                NcursesScreen.interrupted.store(1, ordering: .sequentiallyConsistent)
            }
        }
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(signalNumber) { number in
                // A crash: give the terminal back if it is still ours, then die as we would have.
                if NcursesScreen.active.load(ordering: .sequentiallyConsistent) != 0 { endwin() }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}

extension Key {
    fileprivate static func key(_ character: Character) -> Key { .character(character) }
}

/// Why the terminal could not be taken over.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal: "this needs a terminal: standard input and output must not be redirected"
        case .unknownTerminal(let name): "the terminal type \"\(name)\" is unknown; set TERM, for example TERM=xterm-256color"
        }
    }
}
