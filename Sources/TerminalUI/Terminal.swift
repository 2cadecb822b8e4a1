/// What a runtime needs of a terminal: its size, a finished frame to show, and the next thing
/// that happens. `NcursesScreen` is the real one; `ScriptedTerminal` plays a script for tests
/// and benchmarks, and a pseudo-terminal served over SSH can be another.
///
/// One thread owns a terminal and makes every call: ncurses is not thread-safe.
public protocol Terminal: AnyObject {
    /// The terminal's size now.
    var size: (width: Int, height: Int) { get }
    /// Shows a finished frame; the back end works out the minimal update.
    func draw(_ buffer: CellBuffer)
    /// Waits up to `milliseconds` for a key, a resize or an interrupt; `.tick` when nothing came.
    func nextEvent(timeout milliseconds: Int) -> TerminalEvent
    /// Forgets an interrupt that has been acted on, so that leaving a nested runtime (proxy
    /// entry) with Ctrl-C does not also close the one underneath.
    func consumeInterrupt()
}

/// A terminal that plays a script of events and keeps every frame drawn: the runtimes run on it
/// in-process, in tests and benchmarks, with no terminal attached.
///
/// When the script runs out it reports `.interrupt`, as a closed terminal would, so a runtime
/// under test always ends.
public final class ScriptedTerminal: Terminal {
    /// One step of the script.
    public enum Step {
        case key(Key)
        /// Several keys, typed one after another.
        case type(String)
        case resize(width: Int, height: Int)
        /// A quiet moment: the runtime polls the session.
        case tick
        case interrupt
        /// Something that happens outside the terminal at this point of the script (another
        /// writer saving, the clock moving on), then the step after it.
        case run(() -> Void)
    }

    public private(set) var size: (width: Int, height: Int)
    /// Every frame drawn, oldest first.
    public private(set) var frames: [CellBuffer] = []
    /// The events handed out, in order.
    public private(set) var delivered: [TerminalEvent] = []
    private var pending: [TerminalEvent] = []
    private var steps: [Step]
    private var interrupted = false

    public init(width: Int = 80, height: Int = 24, script: [Step] = []) {
        size = (width, height)
        steps = script
    }

    /// Adds steps to the end of the script.
    public func append(_ more: [Step]) { steps += more }

    /// The last frame drawn, as lines of text.
    public var screen: [String] { frames.last?.lines ?? [] }
    /// The last frame as one string.
    public var screenText: String { screen.joined(separator: "\n") }

    public func draw(_ buffer: CellBuffer) {
        frames.append(buffer)
    }

    public func nextEvent(timeout milliseconds: Int) -> TerminalEvent {
        let event = next()
        delivered.append(event)
        return event
    }

    private func next() -> TerminalEvent {
        if interrupted { return .interrupt }
        if !pending.isEmpty { return pending.removeFirst() }
        while !steps.isEmpty {
            switch steps.removeFirst() {
            case .key(let key): return .key(key)
            case .type(let text):
                pending = text.map { .key(.character($0)) }
                if !pending.isEmpty { return pending.removeFirst() }
            case .resize(let width, let height):
                size = (width, height)
                return .resize(width: width, height: height)
            case .tick: return .tick
            case .interrupt:
                interrupted = true
                return .interrupt
            case .run(let action): action()
            }
        }
        interrupted = true
        return .interrupt
    }

    public func consumeInterrupt() {
        // The script goes on after a nested runtime's interrupt, as a person would carry on.
        interrupted = false
    }
}
