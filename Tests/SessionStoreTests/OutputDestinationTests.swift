import Foundation
import SessionModel
import Testing
@testable import SessionStore

/// `-o FILE` writes what the user named and never replaces it with something else. Every special
/// file is made inside a scratch folder: the machine's own /dev is never touched.
@Suite struct OutputDestinationTests {
    @Test func dashOrNothingIsStandardOutput() {
        #expect(OutputDestination(nil) == .standardOutput)
        #expect(OutputDestination("-") == .standardOutput)
        #expect(OutputDestination("report.txt") == .path("report.txt"))
    }

    @Test func aNewFileIsCreatedAndAnOldOneReplacedWhole() throws {
        let folder = scratchFolder()
        let path = folder + "/report.txt"
        try OutputDestination.path(path).write(bytes("first\n"))
        #expect(readFile(path) == bytes("first\n"))
        try OutputDestination.path(path).write(bytes("second, longer\n"))
        #expect(readFile(path) == bytes("second, longer\n"))
        #expect(FileSystem.names(in: folder) == ["report.txt"], "no temporary file is left")
    }

    @Test func aLinkIsWrittenThroughAndStaysALink() throws {
        let folder = scratchFolder()
        let target = folder + "/real.html", link = folder + "/report.html"
        writeFile(target, bytes("old"))
        chmod(target, 0o600)
        #expect(symlink(target, link) == 0)
        try OutputDestination.path(link).write(bytes("new report"))
        #expect(fileType(link, followingLinks: false) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(readFile(target) == bytes("new report"))
        #expect(permissions(target) == 0o600, "the file keeps its mode")
    }

    /// A dangling link is refused rather than followed: creating its target would write wherever
    /// the link points.
    @Test func aLinkToNothingIsRefusedAndLeftAsItIs() {
        let folder = scratchFolder()
        let link = folder + "/report.txt"
        #expect(symlink(folder + "/missing/elsewhere.txt", link) == 0)
        do {
            try OutputDestination.path(link).write(bytes("report"))
            Issue.record("wrote through a dangling link")
        } catch {
            #expect(error.description.hasPrefix(link + ": it is a symbolic link to "))
            #expect(error.description.contains("which does not exist"))
        }
        #expect(fileType(link, followingLinks: false) == S_IFLNK)
        #expect(!FileManager.default.fileExists(atPath: folder + "/missing"))
    }

    @Test func aPipeIsStreamedToItsReaderAndStaysAPipe() throws {
        let folder = scratchFolder()
        let fifo = folder + "/report.pipe"
        try #require(mkfifo(fifo, 0o644) == 0)
        let content = bytes(String(repeating: "a line of the report\n", count: 10_000))  // more than a pipe holds
        let received = Received()
        let reader = Thread {
            received.bytes = readToTheEnd(fifo)
            received.done.signal()
        }
        reader.start()
        try OutputDestination.path(fifo).write(content)
        #expect(received.done.wait(timeout: .now() + 10) == .success, "the reader got to the end")
        #expect(received.bytes == content)
        #expect(fileType(fifo, followingLinks: false) == S_IFIFO)
    }

    /// The fault found: run as root, `report -o /dev/null` replaced the device with a regular
    /// file. A null device of our own stands in for it.
    @Test func aCharacterDeviceIsWrittenToAndStaysADevice() throws {
        let folder = scratchFolder()
        let device = folder + "/null"
        guard mknod(device, S_IFCHR | 0o666, nullDevice) == 0 else {
            let reason = String(cString: strerror(errno))
            Issue.record("cannot make a character device to test with (mknod: \(reason)); this test needs root, as the fault it checks only happened as root")
            return
        }
        try OutputDestination.path(device).write(bytes("into the void\n"))
        var info = stat()
        #expect(lstat(device, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR, "still a character device")
        #expect(info.st_rdev == nullDevice)
        #expect(FileSystem.names(in: folder) == ["null"], "no temporary file is left")
    }

    @Test func aFolderASocketAndAMissingFolderAreOneLineErrorsNamingThePath() throws {
        let folder = scratchFolder()
        #expect(throws: SessionError.io(path: folder, reason: "it is a folder; give a file name")) {
            try OutputDestination.path(folder).write(bytes("x"))
        }
        let missing = folder + "/no/such/report.txt"
        #expect(throws: SessionError.io(path: missing, reason: "the folder \(folder)/no/such does not exist")) {
            try OutputDestination.path(missing).write(bytes("x"))
        }
        let socketPath = folder + "/s"
        let socket = try boundSocket(at: socketPath)
        defer { close(socket) }
        do {
            try OutputDestination.path(socketPath).write(bytes("x"))
            Issue.record("wrote to a socket")
        } catch {
            #expect(error.description.hasPrefix(socketPath + ": it is a socket"))
            #expect(!error.description.contains("\n"))
        }
        #expect(fileType(socketPath, followingLinks: false) == S_IFSOCK)
    }
}

/// What the pipe's reader thread got.
private final class Received: @unchecked Sendable {
    var bytes: [UInt8] = []
    let done = DispatchSemaphore(value: 0)
}

/// Linux's number for the null device (major 1, minor 3), encoded as glibc's `makedev` macro
/// does; Swift does not import the macro.
private let nullDevice: dev_t = {
    let (major, minor): (dev_t, dev_t) = (1, 3)
    return (major & 0xfff) << 8 | (major & ~0xfff) << 32 | (minor & 0xff) | (minor & ~0xff) << 12
}()

/// Reads a pipe as a reader at the other end would: until the writer closes it.
private func readToTheEnd(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return result }
        result += chunk.prefix(count)
    }
}

private func fileType(_ path: String, followingLinks: Bool) -> mode_t {
    var info = stat()
    let result = followingLinks ? stat(path, &info) : lstat(path, &info)
    return result == 0 ? info.st_mode & S_IFMT : 0
}

private func permissions(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
}

/// A Unix socket bound at `path`, as a server would leave one in a folder.
private func boundSocket(at path: String) throws -> Int32 {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    try #require(descriptor >= 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
        for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    try #require(bound == 0)
    return descriptor
}
