import Foundation
import SessionModel

/// Where a command puts what the user asked for: standard output, or the path given with `-o`.
///
/// A path is written the way the user means it, and never replaced by something else:
/// - an existing regular file, reached directly or through symbolic links, is replaced
///   atomically (temporary file beside it, rename): a reader never sees half a report, the link
///   stays a link, and the file keeps its permissions;
/// - a pipe (FIFO) or a character device (`/dev/null`, a terminal) is opened and the bytes are
///   streamed into it, as the shell's `>` would: it is never truncated, renamed over or turned
///   into a regular file;
/// - a path that does not exist is created atomically;
/// - a folder, a block device, a socket, and a symbolic link whose target is missing are refused.
///   Following a dangling link would create a file wherever the link points, which is how a link
///   planted in a shared folder gets a file written where its owner could not write.
public enum OutputDestination: Hashable, Sendable {
    case standardOutput
    case path(String)

    /// `-`, or no path at all, means standard output.
    public init(_ argument: String?) {
        if let argument, argument != "-" { self = .path(argument) } else { self = .standardOutput }
    }

    /// Writes `bytes` to the destination, or fails with one line that names the path.
    public func write(_ bytes: [UInt8]) throws(SessionError) {
        try write(chunks: CollectionOfOne(bytes))
    }

    /// Writes text made piece by piece as it goes out, as UTF-8; see `write(chunks:)`.
    public func write<Texts: Sequence<String>>(texts: Texts) throws(SessionError) {
        try write(chunks: texts.lazy.map { Array($0.utf8) })
    }

    /// Writes content made piece by piece as it goes out, so that a large report is never
    /// whole in memory; a regular file is still replaced only once every piece is written.
    public func write<Chunks: Sequence<[UInt8]>>(chunks: Chunks) throws(SessionError) {
        switch self {
        case .standardOutput:
            // Whatever was printed through the C library's buffer goes out first.
            fflush(nil)
            for bytes in chunks {
                if let reason = FileSystem.writeAll(bytes, to: STDOUT_FILENO) {
                    throw .io(path: "standard output", reason: "cannot write: \(reason)")
                }
            }
        case .path(let path):
            try Self.write(chunks, toPath: path)
        }
    }

    private static func write<Chunks: Sequence<[UInt8]>>(_ bytes: Chunks, toPath path: String) throws(SessionError) {
        guard !path.isEmpty else { throw .invalidArgument("the output file name is empty") }
        // Opened to write, without creating or truncating anything, as `>` opens it: the kernel
        // follows links with its own protections (fs.protected_symlinks in /tmp), checks that
        // this user may write there, and waits for a pipe's reader.
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return try create(bytes, at: path) }
            throw .io(path: path, reason: openFailure(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: path, reason: "cannot check it: \(FileSystem.errorText())") }
        switch info.st_mode & S_IFMT {
        case S_IFREG where isDescriptorName(path):
            // `/dev/stdout` and the like name a descriptor someone holds open: replacing the
            // file under it would leave that descriptor writing to a deleted file.
            guard ftruncate(descriptor, 0) == 0 else { throw .io(path: path, reason: "cannot empty it: \(FileSystem.errorText())") }
            try stream(bytes, to: descriptor, path: path)
        case S_IFREG:
            try replace(bytes, regularFile: path, info: info)
        case S_IFIFO, S_IFCHR:
            try stream(bytes, to: descriptor, path: path)
        case S_IFBLK:
            throw .io(path: path, reason: "it is a block device (a disk); omnigap does not write over disks")
        default:
            throw .io(path: path, reason: "it is not a file, a pipe or a character device")
        }
    }

    /// Replaces the file the path leads to, so a link to it is written through and survives.
    private static func replace<Chunks: Sequence<[UInt8]>>(_ bytes: Chunks, regularFile path: String, info: stat) throws(SessionError) {
        guard let resolved = realpath(path, nil) else {
            throw .io(path: path, reason: "cannot follow it to its file: \(FileSystem.errorText())")
        }
        let target = String(cString: resolved)
        free(resolved)
        try FileSystem.writeAtomically(chunks: bytes, to: target, mode: info.st_mode & 0o777)
        // Root writing a user's report hands the new file back to its owner; for anyone else
        // this keeps the group when they may, and does nothing otherwise.
        if info.st_uid != geteuid() || info.st_gid != getegid() {
            _ = chown(target, info.st_uid, info.st_gid)
        }
    }

    private static func stream<Chunks: Sequence<[UInt8]>>(_ chunks: Chunks, to descriptor: Int32, path: String) throws(SessionError) {
        for bytes in chunks {
            if let reason = FileSystem.writeAll(bytes, to: descriptor) {
                throw .io(path: path, reason: "cannot write: \(reason)")
            }
        }
    }

    /// A path with no file yet: created atomically, unless it is a link that leads nowhere or
    /// its folder is missing.
    private static func create<Chunks: Sequence<[UInt8]>>(_ bytes: Chunks, at path: String) throws(SessionError) {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw .io(path: path, reason: "it is a symbolic link to \(target), which does not exist; "
                + "omnigap writes through links but does not create their targets")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw .io(path: path, reason: "the folder \(folder) does not exist")
        }
        try FileSystem.writeAtomically(chunks: bytes, to: path)
    }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case EISDIR: "it is a folder; give a file name"
        case ENXIO: "it is a socket or a device that is not there; nothing can be written to it"
        case EACCES, EPERM: "permission denied"
        case ELOOP: "it is a loop of symbolic links"
        default: String(cString: strerror(code))
        }
    }

    /// Paths that name an open descriptor rather than a file of their own.
    private static func isDescriptorName(_ path: String) -> Bool {
        ["/dev/stdout", "/dev/stderr"].contains(path) || path.hasPrefix("/dev/fd/")
            || (path.hasPrefix("/proc/") && path.contains("/fd/"))
    }
}
