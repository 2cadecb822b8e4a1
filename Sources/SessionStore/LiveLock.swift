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
        return try FileLock.attempt(session.paths.liveLock(for: id))
    }

    /// Whether a screen has `id`'s record open now.
    public static func isHeld(_ id: ParticipantID, in session: Session) -> Bool {
        guard let lock = try? acquire(id, in: session) else { return true }
        lock.unlock()
        return false
    }
}

extension SessionPaths {
    /// The lock a screen holds while `id`'s record is open on it (see `LiveLock`).
    public func liveLock(for id: ParticipantID) -> String { locks + "/" + id.rawValue + ".live" }
}
