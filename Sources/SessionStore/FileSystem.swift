import Foundation
import SessionModel

/// The few file operations the session store needs, done with POSIX calls so that every step
/// that matters for durability is explicit.
public enum FileSystem {
    /// Files the store writes: readable by all, writable by the owner only, never world-writable.
    public static let fileMode: mode_t = 0o644
    public static let directoryMode: mode_t = 0o755

    /// Replaces `path` with `bytes` atomically: a temporary file in the same folder, fsync, rename,
    /// fsync the folder. A crash or kill at any moment leaves the old file or the new one.
    ///
    /// - Parameter durable: false skips both fsyncs, for bulk writes (simulated sessions) where
    ///   the machine staying up is all that matters; the rename still keeps every file whole.
    /// - Parameter mode: the new file's permissions; output written over a user's own file keeps
    ///   that file's mode instead of the store's.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = true,
                                       mode: mode_t = fileMode) throws(SessionError) {
        try writeAtomically(chunks: CollectionOfOne(bytes), to: path, durable: durable, mode: mode)
    }

    /// `writeAtomically`, for content made piece by piece as it is written: a large report
    /// never has to exist whole in memory.
    public static func writeAtomically<Chunks: Sequence<[UInt8]>>(chunks: Chunks, to path: String, durable: Bool = true,
                                                                   mode: mode_t = fileMode) throws(SessionError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var random = SystemRandomNumberGenerator()
        let temporary = (directory as NSString).appendingPathComponent(TemporaryFileName.make(for: name, random: random.next()))
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot create a temporary file: \(errorText())") }
        for bytes in chunks {
            if let reason = writeAll(bytes, to: descriptor) {
                close(descriptor)
                unlink(temporary)
                throw .io(path: path, reason: "cannot write: \(reason)")
            }
        }
        // The umask may have taken bits away; set the mode we mean.
        fchmod(descriptor, mode)
        if durable, fsync(descriptor) != 0 {
            let reason = errorText()
            close(descriptor)
            unlink(temporary)
            throw .io(path: path, reason: "cannot flush to disk: \(reason)")
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw .io(path: path, reason: "cannot replace the file: \(reason)")
        }
        if durable { syncDirectory(directory) }
    }

    /// Writes every byte to an open descriptor, going on after partial writes and interruptions.
    /// Returns why it stopped short, or nil when all was written.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return errorText()
            }
            written += result
        }
        return nil
    }

    /// Flushes a folder's entries, so a rename in it survives a power cut.
    public static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The outcome of reading one file of a session.
    public enum ReadResult {
        case bytes([UInt8])
        case missing
        case problem(FileProblem)
    }

    /// Reads a regular file of at most `limit` bytes. Links, folders, devices and pipes are
    /// refused without being opened for reading, so a hostile folder cannot make the store block
    /// or follow a link out of the session.
    public static func read(_ path: String, limit: Int) -> ReadResult {
        var buffer: [UInt8] = []
        return read(path, limit: limit, into: &buffer)
    }

    /// `read(_:limit:)` into a buffer the caller reuses from file to file, so that reading
    /// thousands of files does not allocate (and fault in) fresh memory for each.
    public static func read(_ path: String, limit: Int, into bytes: inout [UInt8]) -> ReadResult {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return .missing
            case ELOOP: return .problem(.unreadable("it is a symbolic link; session files must be regular files"))
            default: return .problem(.unreadable("it cannot be read: \(errorText())"))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .problem(.unreadable("it cannot be read: \(errorText())")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .problem(.unreadable("it is not a regular file")) }
        guard Int(info.st_size) <= limit else { return .problem(.tooLarge(bytes: Int(info.st_size), limit: limit)) }
        let size = Int(info.st_size)
        if bytes.count != size {
            if bytes.count > size { bytes.removeLast(bytes.count - size) } else { bytes.append(contentsOf: repeatElement(0, count: size - bytes.count)) }
        }
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .problem(.unreadable("it cannot be read: \(errorText())"))
            }
            if count == 0 { break }  // shrank while reading: use what is there
            total += count
        }
        if total < bytes.count { bytes.removeLast(bytes.count - total) }
        return .bytes(bytes)
    }

    /// What identifies one version of a file cheaply: a changed file has a new inode (it was
    /// renamed into place), size or modification time.
    public struct Stamp: Hashable, Sendable {
        public let inode: UInt64
        public let size: Int64
        public let modified: Int64
    }

    /// The stamps of the regular files among `names` in `directory`, by name: one `fstatat`
    /// relative to the open folder each, so the kernel does not walk the whole path every time.
    /// Names that are missing or not regular files get nil.
    public static func stamps(in directory: String, names: [String]) -> [Stamp?] {
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return names.map { _ in nil } }
        defer { close(folder) }
        return names.map { name in
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        }
    }

    /// The names in a folder, or nil if it cannot be listed.
    public static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `path` made absolute against the working folder, with "." and ".." resolved and no
    /// trailing slash. Symbolic links are resolved when the path exists, so two names of one
    /// folder compare equal.
    public static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // The system's own resolution first: "link/.." is where the link leads, then up.
        if let resolved = realpath(joined, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// How to reach the absolute path `target` from the absolute folder `folder`:
    /// "../acme-2026-06". Relative, so that a session and the one it follows can move together.
    public static func relativePath(of target: String, from folder: String) -> String {
        let to = target.split(separator: "/"), from = folder.split(separator: "/")
        var common = 0
        while common < min(to.count, from.count) && to[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Creates a folder (and its parents) if it does not exist.
    public static func makeDirectory(_ path: String, mode: mode_t = directoryMode) throws(SessionError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: Int(mode)])
        } catch {
            throw .io(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// An exclusive advisory lock on a lock file, held until `unlock` (or the process ends: the
/// kernel drops `flock` locks of a killed process, so a crash never leaves a session locked).
public final class FileLock {
    private var descriptor: Int32

    /// Waits for the lock on `path`, creating the lock file if needed.
    public init(path: String) throws(SessionError) {
        // Read-only is enough for flock, so a lock file made by one account can be locked by another.
        descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, FileSystem.fileMode)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot open the lock file: \(FileSystem.errorText())") }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = FileSystem.errorText()
            close(descriptor)
            throw .io(path: path, reason: "cannot lock: \(reason)")
        }
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock on `path` if nobody holds it, without waiting: nil when another holder
    /// has it.
    public static func attempt(_ path: String) throws(SessionError) -> FileLock? {
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
        return FileLock(descriptor: descriptor)
    }

    public func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }

    /// Runs `body` while holding the lock on `path`.
    public static func withLock<T>(_ path: String, _ body: () throws(SessionError) -> T) throws(SessionError) -> T {
        let lock = try FileLock(path: path)
        defer { lock.unlock() }
        return try body()
    }
}
