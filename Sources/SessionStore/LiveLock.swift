import Foundation
import SessionModel

/// Says that a participant's record is open on a screen: held for as long as the screen shows,
/// and let go by the kernel when the process ends however it ends, so a crashed terminal never
/// leaves a record locked.
///
/// Two screens on one record would each save over the other's answers with no warning. A
/// screen that resumes a record takes this lock first; when another screen holds it, the
/// person is told instead of being let in. Unlike the short per-save lock, it is only tried,
/// never waited for.
public final class LiveLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock on `id`'s record, or returns nil when another screen holds it.
    public static func acquire(_ id: ParticipantID, in session: Session) throws(SessionError) -> LiveLock? {
        try FileSystem.makeDirectory(session.paths.locks)
        let path = session.paths.liveLock(for: id)
        let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, FileSystem.fileMode)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot open the lock file: \(FileSystem.errorText())") }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            let reason = FileSystem.errorText()
            close(descriptor)
            if busy { return nil }
            throw .io(path: path, reason: "cannot lock: \(reason)")
        }
        return LiveLock(descriptor: descriptor)
    }

    /// Whether a screen has `id`'s record open now.
    public static func isHeld(_ id: ParticipantID, in session: Session) -> Bool {
        guard let lock = try? acquire(id, in: session) else { return true }
        lock.release()
        return false
    }

    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

extension SessionPaths {
    /// The lock a screen holds while `id`'s record is open on it (see `LiveLock`).
    public func liveLock(for id: ParticipantID) -> String { locks + "/" + id.rawValue + ".live" }
}
