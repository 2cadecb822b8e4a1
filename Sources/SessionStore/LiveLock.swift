import Foundation
import SessionModel

/// Says that a participant's record is open on a screen: held for as long as the screen shows,
/// and let go by the kernel when the process ends however it ends, so a crashed terminal never
/// leaves a record locked.
///
/// Two screens on one record would each save over the other's answers with no warning. A
/// screen that resumes a record takes this lock first; when another screen holds it, the
/// person is told instead of being let in. Unlike the short per-save lock, it is only tried,
/// never waited for (`FileLock.attempt`).
public enum LiveLock {
    /// Takes the lock on `id`'s record, or returns nil when another screen holds it. The lock
    /// is held until the returned value is unlocked or goes away.
    public static func acquire(_ id: ParticipantID, in session: Session) throws(SessionError) -> FileLock? {
        try FileSystem.makeDirectory(session.paths.locks)
        guard let lock = try FileLock.attempt(session.paths.liveLock(for: id)) else { return nil }
        // Who holds it, for `takeOver` and for the server's "connected" marks. Best effort:
        // the lock itself is what keeps a second screen out.
        try? FileSystem.writeAtomically(Array("\(getpid())\n".utf8), to: session.paths.liveHolder(for: id), durable: false)
        return lock
    }

    /// The process whose screen has `id`'s record open, as it wrote when it took the lock; nil
    /// when unknown. Only meaningful while the lock is held.
    public static func holder(of id: ParticipantID, in session: Session) -> pid_t? {
        guard case .bytes(let bytes) = FileSystem.read(session.paths.liveHolder(for: id), limit: 64),
              let pid = pid_t(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else { return nil }
        return pid
    }

    /// Takes the record over from the screen that has it open: for a participant who proved who
    /// they are (their SSH key or resume code) and whose old connection has not noticed yet that
    /// their laptop slept. That screen is told to close (SIGUSR1: it says "continued on another
    /// screen" and saves nothing more), and the lock is waited for up to `seconds`. Only an
    /// omnigap screen is ever signalled, never whatever process reused a stale number.
    public static func takeOver(_ id: ParticipantID, in session: Session, seconds: Double = 3) throws(SessionError) -> FileLock? {
        if let lock = try acquire(id, in: session) { return lock }
        guard let pid = holder(of: id, in: session), pid != getpid(), isParticipantScreen(pid) else { return nil }
        kill(pid, SIGUSR1)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            usleep(50_000)
            if let lock = try acquire(id, in: session) { return lock }
        }
        return nil
    }

    /// Whether `pid` is an `omnigap join` screen: its command line's second word is "join".
    static func isParticipantScreen(_ pid: pid_t) -> Bool {
        // Not `FileSystem.read`: /proc's files report a size of zero.
        guard let bytes = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let words = bytes.split(separator: 0, omittingEmptySubsequences: false)
        return words.count > 1 && String(decoding: words[1], as: UTF8.self) == "join"
    }

    /// Whether a screen has `id`'s record open now. Asking takes the lock for an instant when it
    /// is free, and writes nothing: the holder's note stays the last holder's.
    public static func isHeld(_ id: ParticipantID, in session: Session) -> Bool {
        guard (try? FileSystem.makeDirectory(session.paths.locks)) != nil,
              let lock = try? FileLock.attempt(session.paths.liveLock(for: id)) else { return true }
        lock.unlock()
        return false
    }
}

extension SessionPaths {
    /// The lock a screen holds while `id`'s record is open on it (see `LiveLock`).
    public func liveLock(for id: ParticipantID) -> String { locks + "/" + id.rawValue + ".live" }
    /// The process id of the screen holding `liveLock(for:)`.
    public func liveHolder(for id: ParticipantID) -> String { locks + "/" + id.rawValue + ".holder" }
}
