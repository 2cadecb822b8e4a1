import Foundation
import Testing
@testable import SessionStore

/// Killed writers' temporary files are swept, and nothing else is: not a fresh one (a write in
/// progress, or another machine's), not a live process's, not a link, not another name.
@Suite struct StaleTemporaryFilesTests {
    @Test func theNameIsReadBackExactlyAsWritersMakeIt() throws {
        let made = TemporaryFileName.make(for: "p-00000000000000a1.json", random: 0xdead_beef_0123_4567)
        let name = try #require(TemporaryFileName(made))
        #expect(name.target == "p-00000000000000a1.json")
        #expect(name.pid == getpid())
        let nested = try #require(TemporaryFileName(".a.tmp-1.tmp-42-0badcafe"))
        #expect(nested.target == "a.tmp-1" && nested.pid == 42)
        for other in ["p-1.json", ".p.json.tmp-12-abc", "p.json.tmp-12-deadbeef", ".p.json.tmp-0-deadbeef",
                      ".p.json.tmp--deadbeef", ".p.json.tmp-12-DEADBEEF", ".tmp-12-deadbeef", "..tmp-12-deadbeef",
                      ".p.json.tmp-99999999999-deadbeef", ".p.json.tmp-12-deadbeef0", ".p.json.tmp-1a-deadbeef"] {
            #expect(TemporaryFileName(other) == nil, "\(other)")
        }
    }

    @Test func onlyOldFilesOfDeadWritersGo() throws {
        let folder = scratchFolder()
        let dead = try deadProcess()
        let old = Date().addingTimeInterval(-StaleTemporaryFiles.minimumAge - 60)
        let stale = ".p-00000000000000a1.json.tmp-\(dead)-0badcafe"
        let staleRoot = ".facilitator.json.tmp-\(dead)-00000001"
        let fresh = ".p-00000000000000a2.json.tmp-\(dead)-0badcafe"          // a write just now, maybe elsewhere
        let live = ".p-00000000000000a3.json.tmp-\(getpid())-0badcafe"       // a writer still running
        let foreign = ".p-00000000000000a4.json.tmp-\(dead)-notours"         // not a name writers make
        let ordinary = "p-00000000000000a5.json"
        for name in [stale, staleRoot, fresh, live, foreign, ordinary] { writeFile(folder + "/" + name, bytes("{")) }
        // A link and a folder with a stale-looking name are not files a writer made.
        let linkTarget = folder + "/kept.txt"
        writeFile(linkTarget, bytes("kept"))
        let link = ".p-00000000000000a6.json.tmp-\(dead)-0badcafe"
        #expect(symlink(linkTarget, folder + "/" + link) == 0)
        let directory = ".p-00000000000000a7.json.tmp-\(dead)-0badcafe"
        try FileManager.default.createDirectory(atPath: folder + "/" + directory, withIntermediateDirectories: false)
        for name in [stale, staleRoot, live, foreign, ordinary, link, directory, "kept.txt"] { try setModified(folder + "/" + name, to: old) }

        let removed = StaleTemporaryFiles.sweep(folder)

        #expect(removed == [staleRoot, stale].sorted())
        #expect(Set(FileSystem.names(in: folder) ?? []) == [fresh, live, foreign, ordinary, link, directory, "kept.txt"])
        #expect(readFile(linkTarget) == bytes("kept"))
    }

    @Test func readingASessionSweepsItsFolders() throws {
        let session = try makeSession()
        let dead = try deadProcess()
        let old = Date().addingTimeInterval(-StaleTemporaryFiles.minimumAge - 60)
        let inParticipants = session.paths.participants + "/.p-00000000000000b1.json.tmp-\(dead)-12345678"
        let inRoot = session.paths.root + "/.facilitator.json.tmp-\(dead)-12345678"
        let freshOne = session.paths.participants + "/.p-00000000000000b2.json.tmp-\(dead)-12345678"
        for path in [inParticipants, inRoot, freshOne] { writeFile(path, bytes("{")) }
        for path in [inParticipants, inRoot] { try setModified(path, to: old) }
        _ = session.load()
        #expect(!FileManager.default.fileExists(atPath: inParticipants))
        #expect(!FileManager.default.fileExists(atPath: inRoot))
        #expect(FileManager.default.fileExists(atPath: freshOne))
    }
}

/// The PID of a process that has ended and been reaped, so no process has it now (unless the
/// system hands it out again at once, which `#require` would catch).
private func deadProcess() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    let pid = process.processIdentifier
    try #require(kill(pid, 0) != 0 && errno == ESRCH)
    return pid
}

/// Sets a file's modification time, without following a link.
private func setModified(_ path: String, to date: Date) throws {
    let seconds = Int(date.timeIntervalSince1970)
    var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
    try #require(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0)
}
