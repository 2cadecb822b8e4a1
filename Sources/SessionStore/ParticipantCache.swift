import Basics
import Foundation
import Questionnaire
import SessionModel

/// Everything a session holds at one moment: the participants that could be read, and the files
/// that were skipped with why.
public struct SessionSnapshot: Sendable {
    public let participants: [ParticipantRecord]
    public let problems: [SessionProblem]
}

/// Keeps the participants of a session in memory and, on each refresh, re-reads only the files
/// that changed, so that a live dashboard costs a folder listing and a `stat` per file.
///
/// A file is recognised as changed by its inode, size and modification time: every save
/// renames a new file into place, so the inode alone already changes with every write.
public final class ParticipantCache {
    private var entries: [String: Entry] = [:]

    /// One file as last read: its stamp, and the participant it holds (checked against the
    /// session) or why it was skipped.
    private struct Entry {
        let stamp: FileSystem.Stamp
        let result: Result<ParticipantRecord, FileProblem>
    }

    public init() {}

    /// The files the last refresh read (the others were unchanged), by name.
    public private(set) var lastRead: Set<String> = []
    /// How many files the last refresh read.
    public var lastReadCount: Int { lastRead.count }

    /// A live view's refresh: the last snapshot, without listing the folder, when the folder
    /// cannot have changed since; otherwise `refresh`.
    ///
    /// Every save renames a new file into the participants folder, which sets the folder's
    /// modification time. When that time is what it was at the last listing, and old enough
    /// that a second rename within the clock's granularity is ruled out, no file was added,
    /// replaced or removed, and 10,000 `stat`s a second are saved. A full listing still runs every
    /// `fullEvery` seconds, for files edited in place by hand and for file systems (synced,
    /// networked) whose folder times cannot be trusted.
    public func refreshIfChanged(_ session: Session, now: Timestamp = .now(), fullEvery seconds: Int64 = 10) -> SessionSnapshot {
        let folder = Self.folderStamp(session.paths.participants)
        if let previous = lastSnapshot, let folder, folder == lastFolder,
           now.milliseconds - lastFullListing.milliseconds < seconds * 1_000 {
            lastRead = []
            return previous
        }
        // The folder's time is trusted only when it was already old at the listing: a rename
        // just after it could otherwise share the clock's tick and leave the time unchanged.
        lastFolder = folder.flatMap { now.milliseconds - $0.modified / 1_000_000 > 2_000 ? $0 : nil }
        lastFullListing = now
        return refresh(session)
    }

    private var lastFolder: FileSystem.Stamp?
    private var lastFullListing = Timestamp(milliseconds: 0)

    /// The folder's inode and modification time (size is left out: it is the folder's).
    private static func folderStamp(_ path: String) -> FileSystem.Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileSystem.Stamp(inode: UInt64(info.st_ino), size: 0,
                                modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The session's participants now. Changed files are decoded in parallel.
    public func refresh(_ session: Session) -> SessionSnapshot {
        sweepIfDue(session)
        let directory = session.paths.participants
        var (names, problems) = Self.participantFiles(in: directory)
        let stamps = FileSystem.stamps(in: directory, names: names)
        var toRead: [(name: String, stamp: FileSystem.Stamp)] = []
        var next: [String: Entry] = [:]
        next.reserveCapacity(names.count)
        for (name, stamp) in zip(names, stamps) {
            guard let stamp else {
                problems.append(SessionProblem(path: "participants/" + name, problem: .unreadable("it is not a regular file")))
                continue
            }
            if let entry = entries[name], entry.stamp == stamp {
                next[name] = entry
            } else {
                toRead.append((name, stamp))
            }
        }
        let decoded = Self.decodeInParallel(toRead.map { directory + "/" + $0.name }, codec: session.codec)
        for (index, file) in toRead.enumerated() {
            // Checked once per version of the file, so an unchanged file costs only its stat.
            let result = decoded[index].flatMap { record -> Result<ParticipantRecord, FileProblem> in
                if let problem = Self.mismatch(record, fileName: file.name, session: session) { return .failure(problem) }
                return .success(session.confined(record))
            }
            next[file.name] = Entry(stamp: file.stamp, result: result)
        }
        lastRead = Set(toRead.map(\.name))
        // Nothing read, nothing gone, no new stray file: the last snapshot still holds, and a
        // dashboard polling a quiet session costs a listing and the stats.
        if toRead.isEmpty, next.count == entries.count, let previous = lastSnapshot, problems == lastStrayProblems {
            return previous
        }
        entries = next
        lastStrayProblems = problems

        var participants: [ParticipantRecord] = []
        participants.reserveCapacity(next.count)
        for name in names {
            guard let entry = next[name] else { continue }
            switch entry.result {
            case .failure(let problem):
                problems.append(SessionProblem(path: "participants/" + name, problem: problem))
            case .success(let record):
                participants.append(record)
            }
        }
        participants.sort { ($0.profile.at, $0.id) < ($1.profile.at, $1.id) }
        problems.sort { $0.path < $1.path }
        let snapshot = SessionSnapshot(participants: participants, problems: problems)
        lastSnapshot = snapshot
        return snapshot
    }

    /// When this cache last swept away killed writers' temporary files. Every process that
    /// reads the participants through a cache (live views, `status`, `join`, `record`, `export`)
    /// sweeps on its first refresh, and a live view polling every second again every
    /// `sweepInterval`, so the folders are tidied without costing the quiet poll anything.
    private var lastSweep: Date?
    static let sweepInterval: TimeInterval = 10 * 60

    private func sweepIfDue(_ session: Session) {
        let now = Date()
        if let lastSweep, now.timeIntervalSince(lastSweep) < Self.sweepInterval { return }
        lastSweep = now
        // Participant saves write in participants/, the facilitator's in the session folder.
        StaleTemporaryFiles.sweep(session.paths.participants, now: now)
        StaleTemporaryFiles.sweep(session.paths.root, now: now)
    }

    /// What the last refresh returned, and the problems it found before reading any file.
    private var lastSnapshot: SessionSnapshot?
    private var lastStrayProblems: [SessionProblem] = []

    /// The participant files in `directory`, and the other files there as problems. Dot files
    /// are the store's own temporary files (and editors' or sync tools' ones) and are passed over.
    static func participantFiles(in directory: String) -> (names: [String], problems: [SessionProblem]) {
        var problems: [SessionProblem] = []
        var names: [String] = []
        for name in FileSystem.names(in: directory) ?? [] where !name.hasPrefix(".") {
            guard name.hasSuffix(".json"), ParticipantID(rawValue: String(name.dropLast(5))) != nil else {
                problems.append(SessionProblem(path: "participants/" + name, problem: .foreign(
                    "participant files are named p-<16 hex digits>.json; bring other answer files in with `omnigap merge`")))
                continue
            }
            names.append(name)
        }
        // Name order: what a scan hands over then does not depend on the folder's order.
        return (names.sorted(), problems)
    }

    /// Why a well-formed participant file does not belong in this session, if it does not.
    static func mismatch(_ record: ParticipantRecord, fileName: String, session: Session) -> FileProblem? {
        if record.id.fileName != fileName {
            return .mismatch("the file holds participant \(record.id), so it should be named \(record.id.fileName)")
        }
        do {
            try session.check(record)
        } catch {
            return .mismatch(error.description)
        }
        return nil
    }

    static func decodeInParallel(_ paths: [String], codec: ParticipantCodec) -> [Result<ParticipantRecord, FileProblem>] {
        // A few files are quicker read on this thread than handed to others.
        paths.parallelMap(workers: paths.count < 64 ? 1 : ProcessInfo.processInfo.activeProcessorCount) { path in
            switch FileSystem.read(path, limit: ParticipantCodec.maximumFileSize) {
            case .bytes(let bytes): codec.decode(bytes)
            case .missing: .failure(.unreadable("it disappeared while being read"))
            case .problem(let problem): .failure(problem)
            }
        }
    }
}

