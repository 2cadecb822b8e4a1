import Basics
import Foundation
import Questionnaire
import Scoring
import SessionModel
import SessionStore
import TerminalUI

/// What the SSH server tells the screens it starts about the connection: the client's key, if it
/// proved one, and how long a connection may sit without a key before it closes.
public struct RemoteConnection: Hashable, Sendable {
    /// The fingerprint ("SHA256:…") of the key the client proved it holds; nil when it offered none.
    public var clientKey: String?
    /// Seconds without a key after which the screens close; a warning shows before.
    public var idleTimeout: Int

    public static let defaultIdleTimeout = 2 * 3600

    public init(clientKey: String?, idleTimeout: Int = defaultIdleTimeout) {
        self.clientKey = clientKey
        self.idleTimeout = idleTimeout
    }

    /// How long before closing the warning shows: five minutes, or a quarter of a short timeout.
    public var warningSeconds: Int { min(300, max(1, idleTimeout / 4)) }
}

/// Runs the participant screens on a terminal until the participant leaves: draws each frame,
/// turns the terminal's events and the screens' effects into events for `ParticipantApp`, and
/// polls the session once a second for what changed elsewhere.
///
/// A quiet second costs two `stat`s: the participant's own file and `facilitator.json`, each
/// read again only when it has changed. Voting reads the gaps the console chose at the reveal
/// from the facilitator's state; no participant consolidates the room's files.
public final class ParticipantRuntime {
    public let session: Session
    private let terminal: any Terminal
    private let clock: @Sendable () -> Timestamp
    private var app: ParticipantApp
    private let stateReader = FacilitatorStateReader()
    private var joined: ParticipantRecord?
    private var ownStamp: FileSystem.Stamp?
    /// The voting list for a state written before the console recorded one (an older omnigap):
    /// worked out once, not on every poll.
    private var fallbackVoteItems: [ItemID]?
    private var running = true
    /// Held while the participant's record is open on this screen (see `LiveLock`).
    private var liveLock: FileLock?
    /// Resume a participant with the same name without asking (`join --resume`).
    private let resumeByName: Bool
    /// Set when the screens run for an SSH connection: a name alone then opens nobody's answers.
    private let remote: RemoteConnection?
    /// When the participant last pressed a key, for the idle timeout of an SSH connection.
    private var lastKey: Timestamp?

    /// Why the screens closed, for the last line printed after them.
    public enum Ending: Hashable, Sendable {
        /// The participant left, or the terminal went away.
        case left
        /// An SSH connection sat without a key for its idle timeout.
        case idle(seconds: Int)
    }
    public private(set) var ending = Ending.left

    /// How long the screens wait for a key before they poll the session.
    public static let pollMilliseconds = 1000

    public init(session: Session, terminal: any Terminal, name: String? = nil, department: String? = nil, language: Language? = nil,
                resume: Bool = false, remote: RemoteConnection? = nil, clock: @escaping @Sendable () -> Timestamp = { .now() }) {
        self.session = session
        resumeByName = resume && remote == nil
        self.remote = remote
        self.terminal = terminal
        self.clock = clock
        app = ParticipantApp(title: session.settings.title, modules: session.catalog.modules, departments: session.settings.departments,
                             sharedModules: session.settings.sharedModules, name: name, department: department, language: language,
                             sessionLanguage: session.settings.language, size: terminal.size)
    }

    /// Runs until the participant leaves; returns who answered, or nil if nobody joined.
    @discardableResult
    public func run() -> ParticipantRecord? {
        send(.workshop(workshopStatus()))
        if let effect = app.joinEffect { perform(effect) }
        while running {
            terminal.draw(app.render())
            let event = terminal.nextEvent(timeout: Self.pollMilliseconds)
            if case .key = event { lastKey = clock() }
            checkIdle()
            guard running else { break }
            switch event {
            case .tick: poll()
            // A key is handled against the facilitator's latest decisions (a `stat`, and a read
            // only when they changed): "v" a moment after the reveal opens the voting.
            case .key: send(.workshop(workshopStatus()))
            default: break
            }
            send(ParticipantApp.Event(event))
        }
        liveLock?.unlock()
        liveLock = nil
        return joined
    }

    /// An SSH connection without a key for its idle timeout closes; a warning shows first, and
    /// counts down each second until a key dismisses it.
    private func checkIdle() {
        guard let remote else { return }
        let now = clock()
        let quiet = Int((now.milliseconds - (lastKey ?? now).milliseconds) / 1000)
        if lastKey == nil { lastKey = now }
        if quiet >= remote.idleTimeout {
            ending = .idle(seconds: remote.idleTimeout)
            running = false
        } else if quiet >= remote.idleTimeout - remote.warningSeconds {
            send(.idleWarning(secondsLeft: remote.idleTimeout - quiet))
        }
    }

    /// What to print once the screen has closed, in the participant's language; nil when
    /// nobody joined (and the screens closed for no reason of their own).
    public var goodbye: String? {
        let words = ParticipantStrings.forLanguage(joined?.profile.value.language ?? app.language)
        if case .idle(let seconds) = ending { return ParticipantStrings.fill(words.idleClosed, ["duration": ParticipantApp.duration(seconds)]) }
        guard let joined else { return nil }
        // Over SSH the folder is on someone else's machine: what matters is how to come back.
        if remote != nil { return words.remoteGoodbye }
        return ParticipantStrings.fill(words.goodbye, ["folder": session.paths.root, "id": joined.id.rawValue])
    }

    /// The last line when a signal closed the screens: the SSH server stopping (SIGTERM), or
    /// the same participant continuing on another connection (SIGUSR1); nil for any other.
    public func farewell(afterSignal signal: Int32) -> String? {
        guard remote != nil || signal == SIGUSR1 else { return nil }
        let words = ParticipantStrings.forLanguage(joined?.profile.value.language ?? app.language)
        switch signal {
        case SIGTERM: return words.serverStopped
        case SIGUSR1: return words.takenOver
        default: return nil
        }
    }

    /// Feeds one event in, and carries out whatever the screens ask for in return.
    private func send(_ event: ParticipantApp.Event) {
        for effect in app.update(event) where running {
            perform(effect)
        }
    }

    private func perform(_ effect: ParticipantApp.Effect) {
        switch effect {
        case .quit:
            running = false
        case let .join(name, department, language):
            attemptJoin(name: name, department: department, language: language, resuming: resumeByName ? .sameDepartment : .ask)
        case .resume(let id):
            resume(id, code: nil)
        case .resumeWithCode(let id, let code):
            resume(id, code: code)
        case let .save(item, answer):
            write { id, time throws(SessionError) in try session.save(answer, item: item, for: id, at: time) }
        case .setVotes(let votes):
            write { id, time throws(SessionError) in try session.setVotes(votes, for: id, at: time) }
        case .setDone(let done):
            write { id, time throws(SessionError) in try session.setDone(done, for: id, at: time) }
        }
    }

    /// Resumes the participant the person said they are. On the facilitator's machine their
    /// word is enough; over SSH it takes the key that created the record, or its resume code.
    private func resume(_ id: ParticipantID, code: String?) {
        guard let record = try? session.participant(id) else {
            send(.failed(ParticipantStrings.forLanguage(app.language).typeDifferentName))
            return
        }
        if let remote {
            let verdict: RemoteAccess.Verdict
            do { verdict = try session.checkRemoteAccess(for: id, clientKey: remote.clientKey, code: code) } catch {
                send(.failed(ProblemStrings.forLanguage(app.language).describe(error)))
                return
            }
            switch verdict {
            case .granted: break
            case .codeNeeded: return send(.resumeCodeNeeded)
            case .wrongCode(let left): return send(.resumeRefused(.wrongCode(triesLeft: left)))
            case .locked: return send(.resumeRefused(.locked))
            case .noCode: return send(.resumeRefused(.noCode))
            }
        }
        let profile = record.profile.value
        attemptJoin(name: profile.name, department: profile.department, language: profile.language, resuming: .participant(id))
    }

    /// Joins or resumes through the store, which refuses a join after answering has closed and
    /// reports a name in use; a resumed record is let in only when no other screen has it open.
    private func attemptJoin(name: String, department: String, language: Language, resuming: Session.JoinResuming) {
        let attempt: Session.JoinAttempt
        do {
            attempt = try session.attemptJoin(name: name, department: department, language: language, at: clock(), resuming: resuming)
        } catch {
            send(.failed(ProblemStrings.forLanguage(app.language).describe(error)))
            return
        }
        switch attempt {
        case .joined(let record), .resumed(let record):
            let lock: FileLock?
            do {
                // Over SSH the person has proved who they are by now: an old connection of
                // theirs that has not noticed its laptop went to sleep gives way.
                if remote != nil, case .resumed = attempt { lock = try LiveLock.takeOver(record.id, in: session) } else { lock = try LiveLock.acquire(record.id, in: session) }
            } catch { send(.failed(ProblemStrings.forLanguage(app.language).describe(error))); return }
            guard let lock else {
                send(.openElsewhere(name: record.profile.value.name))
                return
            }
            liveLock = lock
            joined = record
            send(.joined(record))
            if let remote, case .joined = attempt {
                do {
                    let access = try session.issueRemoteAccess(for: record.id, clientKey: remote.clientKey, at: clock())
                    send(.resumeCodeIssued(access.resumeCode))
                } catch {
                    send(.failed(ProblemStrings.forLanguage(app.language).describe(error)))
                }
            }
        case .nameInUse(let existing):
            let answered = existing.currentAnswers.values.filter(\.isAnswered).count
            send(.nameInUse(ParticipantApp.NameInUse(id: existing.id, name: existing.profile.value.name, department: existing.profile.value.department,
                                                     answered: answered,
                                                     // Over SSH a screen left open by a dropped connection gives way once the person proves who they are.
                                                     openElsewhere: remote == nil && LiveLock.isHeld(existing.id, in: session))))
        case .closed:
            send(.joinClosed)
        }
    }

    /// Whether the participant's file was moved aside by the facilitator (`removeParticipant`).
    private func wasRemoved(_ id: ParticipantID) -> Bool {
        FileManager.default.fileExists(atPath: session.paths.removed + "/" + id.fileName)
            && !FileManager.default.fileExists(atPath: session.paths.participant(id))
    }

    /// Saves a change to the participant's own file. Whether answering is still open was settled
    /// by the screens: every key is handled against the facilitator's latest state.
    private func write(_ change: (ParticipantID, Timestamp) throws(SessionError) -> ParticipantRecord) {
        guard let id = joined?.id else { return }
        do {
            let record = try change(id, clock())
            joined = record
            // Our own save is no news: the next poll need not read the file back.
            ownStamp = FileSystem.stamps(in: session.paths.participants, names: [id.fileName])[0]
            send(.saved(record))
        } catch {
            // Removed by the facilitator while on screen: said plainly, never recreated.
            send(wasRemoved(id) ? .removed : .failed(ProblemStrings.forLanguage(app.language).describe(error)))
        }
    }

    /// Once a second of quiet: the participant's file (changed by a merge or proxy entry), and
    /// the facilitator's decisions.
    private func poll() {
        if let id = joined?.id {
            let stamp = FileSystem.stamps(in: session.paths.participants, names: [id.fileName])[0]
            if stamp == nil, !app.removed, wasRemoved(id) {
                send(.removed)
            } else if stamp != ownStamp {
                ownStamp = stamp
                if let latest = try? session.participant(id), latest != joined {
                    joined = latest
                    send(.refreshed(latest))
                }
            }
        }
        send(.workshop(workshopStatus()))
    }

    /// What the facilitator has decided, as the screens need it. A damaged state file leaves
    /// answering open: the facilitator's console reports the damage.
    private func workshopStatus() -> ParticipantApp.WorkshopStatus {
        guard case .success(let state) = stateReader.read(session) else { return ParticipantApp.WorkshopStatus() }
        var status = ParticipantApp.WorkshopStatus(closedPhase: state.answeringClosedPhase(in: session.settings.agenda))
        if let clock = state.phaseClock(in: session.settings.agenda, at: self.clock()) {
            status.clock = ParticipantApp.PhaseClock(phase: clock.phase.id, secondsLeft: clock.secondsLeft, paused: clock.paused)
        }
        if state.revealed {
            var items = state.voteItems
            if items.isEmpty {
                if fallbackVoteItems == nil { fallbackVoteItems = session.reportDocument(language: app.language).scores.votableGaps }
                items = fallbackVoteItems ?? []
            }
            status.voting = ParticipantApp.Voting(items: items, budget: state.votesPerParticipant, numbers: state.voteNumbers)
        }
        return status
    }
}
