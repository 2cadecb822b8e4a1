import Basics
import Foundation
import SessionModel

extension Session {
    /// Takes a participant out of the workshop: a test run, a duplicate, someone who typed
    /// nonsense. Their file is moved into `removed/`, never deleted, so a removal made by
    /// mistake is undone by moving the file back; every count, report and screen stops seeing
    /// them at the next read, because only `participants/` is read.
    ///
    /// Returns the path the file now has, relative to the session folder. The move happens
    /// under the participant's lock, so a save from their own screen lands before it or fails
    /// after it (their record is gone), never half way.
    @discardableResult
    public func removeParticipant(_ id: ParticipantID) throws(SessionError) -> String {
        try FileSystem.makeDirectory(paths.locks)
        try FileSystem.makeDirectory(paths.removed)
        return try FileLock.withLock(paths.lock(for: id)) { () throws(SessionError) in
            let source = paths.participant(id)
            guard access(source, F_OK) == 0 else { throw .invalidArgument("no participant \(id) in this session") }
            // A participant removed twice (rejoined under the same id by a merge) keeps both files.
            var destination = paths.removed + "/" + id.fileName
            var copy = 1
            while access(destination, F_OK) == 0 {
                copy += 1
                destination = paths.removed + "/" + id.rawValue + "-\(copy).json"
            }
            guard rename(source, destination) == 0 else {
                throw .io(path: source, reason: "cannot move the file into removed/: \(FileSystem.errorText())")
            }
            FileSystem.syncDirectory(paths.participants)
            FileSystem.syncDirectory(paths.removed)
            return paths.relative(destination)
        }
    }

    /// The participants a command-line argument names: an id ("p-…") or a name compared as
    /// `join` compares names. Several people can share a name only in files merged from
    /// elsewhere; the caller then asks for the id.
    public func participants(matching idOrName: String) -> [ParticipantRecord] {
        if let id = ParticipantID(rawValue: idOrName.trimmingCharacters(in: .whitespaces)),
           let record = try? participant(id) {
            return [record]
        }
        return participants(named: idOrName)
    }
}
