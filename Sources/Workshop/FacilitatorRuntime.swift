import Basics
import Foundation
import GapReport
import Questionnaire
import Scoring
import SessionModel
import SessionStore
import Synchronization
import TerminalUI

/// The SSH server a console hosts (`facilitate --serve`), as the console needs it: the join line
/// to show, and who is connected now, asked about once a second.
public struct ServingSource: Sendable {
    public var joinCommands: [String]
    public var code: String
    public var fingerprint: String
    /// The screens running now and the participants they have open.
    public var status: @Sendable () -> (screens: Int, connected: Set<ParticipantID>)

    public init(joinCommands: [String], code: String, fingerprint: String,
                status: @escaping @Sendable () -> (screens: Int, connected: Set<ParticipantID>)) {
        self.joinCommands = joinCommands
        self.code = code
        self.fingerprint = fingerprint
        self.status = status
    }
}

/// Runs the facilitator's console on a terminal: draws each frame, carries out the console's
/// effects through the session's rules, and feeds what the session holds back in as events.
///
/// Reading the session (participant files, the state, the tallies, the text report) is the
/// slow part with thousands of participants, so in the real console it runs in a background
/// task that posts its findings to an inbox; the loop only draws and handles keys, and stays
/// quick whatever the session's size. Tests use `.inline`: the session is polled on every
/// tick, in the loop, so a script of events gives the same frames every time.
public final class FacilitatorRuntime {
    /// Where the session is polled.
    public enum Polling: Sendable {
        /// In a background task, once a second.
        case background
        /// In the loop, on every `.tick` (and at the start).
        case inline
    }

    public let session: Session
    public let language: Language
    private let terminal: any Terminal
    private let clock: @Sendable () -> Timestamp
    private let polling: Polling
    private var app: FacilitatorApp
    private var running = true
    /// The session as read so far: polled in the loop (`.inline`), or by a background task.
    private var watch: SessionWatch?
    private var background: BackgroundWatch?
    /// What the background task found, waiting for the loop.
    private let inbox = Inbox()
    private let serving: ServingSource?
    /// When the server was last asked who is connected.
    private var servingAsked: Int64?

    /// `joinCommand` is what the dashboard tells participants to type, as it works where the
    /// console runs; by default `omnigap join` with the session folder quoted for a shell.
    public init(session: Session, terminal: any Terminal, language: Language? = nil, polling: Polling = .background,
                joinCommand: String? = nil, serving: ServingSource? = nil, clock: @escaping @Sendable () -> Timestamp = { .now() }) {
        self.session = session
        self.serving = serving
        self.terminal = terminal
        self.clock = clock
        self.polling = polling
        self.language = language ?? session.settings.language
        app = FacilitatorApp(title: session.settings.title, folder: session.paths.root, joinCommand: joinCommand, agenda: session.settings.agenda,
                             departments: session.settings.departments, modules: session.catalog.modules,
                             language: self.language, size: terminal.size, now: clock(),
                             earlierSession: session.settings.follows.map(Session.earlierName))
    }

    /// Runs until the facilitator quits.
    public func run() {
        var poller: Task<Void, Never>?
        // The first frame shows the session as it is, in either mode.
        if polling == .inline {
            let watch = SessionWatch(session: session, language: language)
            self.watch = watch
            for event in watch.poll() { send(event) }
        } else {
            let background = BackgroundWatch(session: session, language: language)
            self.background = background
            for event in background.initial { send(event) }
            let (texts, inbox) = (TextReports(inbox: inbox), inbox)
            poller = Task.detached {
                // Twice a second: a quiet session costs two `stat`s a poll, so the dashboard can
                // follow arrivals closely.
                while !Task.isCancelled {
                    let session = await background.pollSession()
                    if !session.isEmpty { inbox.post(session) }
                    let results = await background.pollResults()
                    if !results.isEmpty { inbox.post(results) }
                    if let document = await background.takeUnrenderedResults() { texts.request(document) }
                    try? await Task.sleep(nanoseconds: 500_000_000)
                }
            }
        }
        defer { poller?.cancel() }
        // A frame only when something happened, or the phase clock moved on a second: an idle
        // console renders once a second, whatever the session's size.
        var drawnSecond: Int64?
        var changed = true
        while running {
            let second = clock().milliseconds / 1000
            if let serving, servingAsked != second {
                servingAsked = second
                let status = serving.status()
                let now = FacilitatorApp.Serving(joinCommands: serving.joinCommands, code: serving.code, fingerprint: serving.fingerprint,
                                                 screens: status.screens, connected: status.connected)
                if now != app.serving {
                    send(.serving(now))
                    changed = true
                }
            }
            if changed || drawnSecond != second {
                terminal.draw(app.render())
                drawnSecond = second
            }
            let event = terminal.nextEvent(timeout: polling == .background ? 100 : 500)
            changed = event != .tick
            if let watch, event == .tick {
                let found = watch.poll()
                changed = changed || !found.isEmpty
                for event in found { send(event) }
            }
            let arrived = inbox.take()
            changed = changed || !arrived.isEmpty
            for found in arrived { send(found) }
            send(FacilitatorApp.Event(event))
        }
    }

    private func send(_ event: FacilitatorApp.Event) {
        for effect in app.update(event, at: clock()) where running {
            perform(effect)
        }
    }

    /// Carries out one effect through the session's rules; what came of it goes back in.
    private func perform(_ effect: FacilitatorApp.Effect) {
        do {
            switch effect {
            case .quit:
                running = false
            case .advancePhase(let from):
                send(.state(try session.advancePhase(from: from, at: clock())))
            case .reveal:
                // Where the participants are held: the gaps open for voting come from their
                // results, and the results show as soon as they are saved.
                if let watch {
                    for event in watch.reveal() { send(event) }
                } else if let background {
                    let inbox = self.inbox
                    Task.detached { inbox.post(await background.reveal()) }
                }
            case .saveGoal(let draft):
                try session.saveGoal(draft, at: clock())
                send(.state(try session.facilitatorState()))
            case .deleteGoal(let id):
                send(.state(try session.deleteGoal(id: id)))
            case let .reviewGoal(id, actual, status, note):
                send(.state(try session.reviewGoal(id: id, actual: actual, status: status, note: note, at: clock())))
            case .setVotesPerParticipant(let count):
                send(.state(try session.setVotesPerParticipant(count)))
            case .togglePause:
                send(.state(try session.togglePhasePause(at: clock())))
            case .extendPhase(let minutes):
                send(.state(try session.extendPhase(byMinutes: minutes)))
            case .removeParticipant(let id, let name):
                let path = try session.removeParticipant(id)
                let words = FacilitatorStrings.forLanguage(language)
                send(.informed(FacilitatorStrings.fill(words.removed, ["name": Sanitized.visible(name), "path": path])))
                // The dashboard, the tallies and the results stop counting them at the next read;
                // in-process that read is now.
                if let watch { for event in watch.poll() { send(event) } }
            case .showAccess(let id, let name):
                send(.access(accessView(id, name: name)))
            case .resetAccess(let id, let name):
                let access = try session.issueRemoteAccess(for: id, clientKey: nil, at: clock())
                let words = FacilitatorStrings.forLanguage(language)
                send(.informed(FacilitatorStrings.fill(words.accessIssued, ["name": Sanitized.visible(name), "code": access.resumeCode])))
                send(.access(accessView(id, name: name)))
            case .proxyEntry:
                // The participant screens, on this terminal, for someone without one; back to
                // the console when they leave.
                ParticipantRuntime(session: session, terminal: terminal, clock: clock).run()
                terminal.consumeInterrupt()
                send(.resize(width: terminal.size.width, height: terminal.size.height))
            case .exportReport(let format):
                // Where the participants are held, brought up to this moment first (votes cast a
                // second ago included).
                let path = session.paths.root + "/report-\(clock().date)-\(language.rawValue).\(format.fileExtension)"
                if let watch {
                    for event in watch.export(format, to: path) { send(event) }
                } else if let background {
                    let inbox = self.inbox
                    Task.detached { inbox.post(await background.export(format, to: path)) }
                }
            }
        } catch {
            send(.failed(ProblemStrings.forLanguage(language).describe(error)))
        }
    }
}

extension FacilitatorRuntime {
    /// A participant's resume code and key as the console shows them.
    func accessView(_ id: ParticipantID, name: String) -> FacilitatorApp.Access {
        let access = session.remoteAccess(for: id)
        return FacilitatorApp.Access(id: id, name: name, code: access?.resumeCode, clientKey: access?.clientKey,
                                     wrongCodes: access?.wrongCodes ?? 0, maximumWrongCodes: RemoteAccess.maximumWrongCodes,
                                     locked: access?.locked ?? false)
    }
}

/// Findings of the background poll, waiting for the loop to take them.
final class Inbox: Sendable {
    private let events = Mutex<[FacilitatorApp.Event]>([])

    func post(_ more: [FacilitatorApp.Event]) {
        events.withLock { $0 += more }
    }

    func take() -> [FacilitatorApp.Event] {
        events.withLock { events in
            defer { events = [] }
            return events
        }
    }
}

/// The session watch, owned by an actor so that the background task polls it with the
/// compiler's checks and no lock of our own.
actor BackgroundWatch {
    private let watch: SessionWatch
    /// What the first poll found, taken synchronously so the console's first frame has it.
    nonisolated let initial: [FacilitatorApp.Event]

    init(session: Session, language: Language) {
        let watch = SessionWatch(session: session, language: language)
        initial = watch.pollSession() + watch.pollResults(force: true)
        self.watch = watch
    }

    func pollSession() -> [FacilitatorApp.Event] {
        watch.pollSession()
    }

    func pollResults() -> [FacilitatorApp.Event] {
        watch.pollResults()
    }

    func takeUnrenderedResults() -> ReportDocument? {
        watch.takeUnrenderedResults()
    }

    func reveal() -> [FacilitatorApp.Event] {
        watch.reveal()
    }

    func export(_ format: ReportFormat, to path: String) -> [FacilitatorApp.Event] {
        watch.export(format, to: path)
    }
}

/// Renders the text report off the polling loop, so that arrivals keep reaching the dashboard
/// while thousands of comments are laid out. One render at a time, the newest results waiting
/// for the next, and at most one every `interval`: while a room keeps answering, the report view
/// is a few seconds behind rather than a core busy.
final class TextReports: Sendable {
    static let interval: UInt64 = 5_000_000_000

    private let inbox: Inbox
    private let state = Mutex<(running: Bool, waiting: ReportDocument?)>((false, nil))

    init(inbox: Inbox) {
        self.inbox = inbox
    }

    func request(_ document: ReportDocument) {
        let start = state.withLock { state -> Bool in
            if state.running {
                state.waiting = document
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        Task.detached { [self] in
            var next: ReportDocument? = document
            while let current = next {
                inbox.post([.reportText(current.textLines)])
                try? await Task.sleep(nanoseconds: Self.interval)
                next = state.withLock { state in
                    defer { state.waiting = nil }
                    if state.waiting == nil { state.running = false }
                    return state.waiting
                }
            }
        }
    }
}
