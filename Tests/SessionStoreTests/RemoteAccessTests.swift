import Basics
import Foundation
import SessionModel
import Testing
@testable import SessionStore

/// Who may resume a participant over SSH: their key, or their resume code; five wrong codes lock.
@Suite struct RemoteAccessTests {
    @Test func aCodeIsSixDigitsTypedAnyWay() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let code = RemoteAccess.newCode(using: &generator)
            #expect(code.count == 7 && code.dropFirst(3).first == "-")
            #expect(RemoteAccess.normalized(code).count == 6)
        }
        let access = RemoteAccess(participant: ParticipantID(rawValue: "p-0123456789abcdef")!, clientKey: nil, resumeCode: "482-193", issuedAt: .now())
        #expect(access.matches("482193") && access.matches("482 193") && access.matches(" 482-193 "))
        #expect(!access.matches("482-194") && !access.matches("48219") && !access.matches("4821933") && !access.matches(""))
        // Digits of other scripts are not digits of the code.
        #expect(!access.matches("٤٨٢١٩٣"))
    }

    @Test func theSameKeyResumesAndAnotherNeedsTheCode() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Ala", department: "it", language: .polish)
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:a", code: nil) == .noCode)
        let access = try session.issueRemoteAccess(for: record.id, clientKey: "SHA256:a")
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:a", code: nil) == .granted)
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:b", code: nil) == .codeNeeded)
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: nil, code: nil) == .codeNeeded)
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: nil, code: access.resumeCode) == .granted)
        // The right code from a client with a key makes that key the one remembered.
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:b", code: access.resumeCode) == .granted)
        #expect(session.remoteAccess(for: record.id)?.clientKey == "SHA256:b")
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:b", code: nil) == .granted)
    }

    @Test func fiveWrongCodesLockUntilANewCode() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Ala", department: "it", language: .polish)
        let access = try session.issueRemoteAccess(for: record.id, clientKey: nil)
        let wrong = access.resumeCode == "000-000" ? "111-111" : "000-000"
        for left in (1...4).reversed() {
            #expect(try session.checkRemoteAccess(for: record.id, clientKey: nil, code: wrong) == .wrongCode(triesLeft: left))
        }
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: nil, code: wrong) == .locked)
        // Locked: even the right code does not open it now.
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: nil, code: access.resumeCode) == .locked)
        let fresh = try session.issueRemoteAccess(for: record.id, clientKey: nil)
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: nil, code: fresh.resumeCode) == .granted)
        // A right code clears the count of wrong ones.
        #expect(session.remoteAccess(for: record.id)?.wrongCodes == 0)
    }

    @Test func codesStayOnThisMachine() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Ala", department: "it", language: .polish)
        try session.issueRemoteAccess(for: record.id, clientKey: nil)
        var info = stat()
        #expect(stat(session.paths.access(for: record.id), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(session.paths.access, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let ignored = String(decoding: readFile(session.paths.gitignore), as: UTF8.self)
        #expect(ignored.split(separator: "\n").contains("access/"))
        // Issued twice, listed once.
        try session.issueRemoteAccess(for: record.id, clientKey: nil)
        #expect(String(decoding: readFile(session.paths.gitignore), as: UTF8.self).components(separatedBy: "access/").count == 2)
    }

    @Test func aDamagedOrForeignAccessFileReadsAsNone() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Ala", department: "it", language: .polish)
        try session.issueRemoteAccess(for: record.id, clientKey: "SHA256:a")
        writeFile(session.paths.access(for: record.id), bytes("{\"participant\": \"p-0000000000000000\""))
        #expect(session.remoteAccess(for: record.id) == nil)
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:a", code: nil) == .noCode)
        // Another participant's file under this one's name opens nothing.
        let (other, _) = try session.join(name: "Ola", department: "it", language: .polish)
        try session.issueRemoteAccess(for: other.id, clientKey: "SHA256:a")
        try FileManager.default.removeItem(atPath: session.paths.access(for: record.id))
        try FileManager.default.copyItem(atPath: session.paths.access(for: other.id), toPath: session.paths.access(for: record.id))
        #expect(try session.checkRemoteAccess(for: record.id, clientKey: "SHA256:a", code: nil) == .noCode)
    }

    @Test func aLiveLockNamesItsHolderAndIsNotTakenFromAnotherProgram() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Ala", department: "it", language: .polish)
        let lock = try #require(try LiveLock.acquire(record.id, in: session))
        #expect(LiveLock.holder(of: record.id, in: session) == getpid())
        // The holder is this test process, not an `omnigap join` screen: nothing is signalled,
        // and the take-over gives up.
        #expect(!LiveLock.isParticipantScreen(getpid()))
        #expect(try LiveLock.takeOver(record.id, in: session, seconds: 0.2) == nil)
        lock.unlock()
        // Asking whether it is held, when it is free, leaves the holder's note alone.
        writeFile(session.paths.liveHolder(for: record.id), bytes("4242\n"))
        #expect(!LiveLock.isHeld(record.id, in: session))
        #expect(LiveLock.holder(of: record.id, in: session) == 4242)
        #expect(try LiveLock.takeOver(record.id, in: session, seconds: 0.2) != nil)
    }
}

/// The demo's company is fixed: two sessions simulated with the same company and seed get the
/// same answers (so its report and printed pages are the same on every run), and by default
/// every session is a company of its own.
@Suite struct SimulatedCompanyTests {
    @Test func aFixedCompanyGivesTheSameAnswersInAnySession() throws {
        let first = try makeSession("first"), second = try makeSession("second")
        let answers = { (session: Session, company: String?) in
            (0..<8).map { Simulation(session: session, seed: 2026, company: company).participant($0, at: .now()).currentAnswers }
        }
        #expect(answers(first, "nordic-home") == answers(second, "nordic-home"))
        #expect(answers(first, nil) != answers(second, nil))
    }
}

/// A new session's shared modules come from the module files unless named.
@Suite struct SharedFromTheFilesTests {
    @Test func theModulesMarkedSharedAreTheSharedOnes() throws {
        #expect(try makeSession("marked").settings.sharedModules == ["omnichannel"])
        let none = try Session.create(at: scratchFolder("none") + "/session",
                                      request: NewSessionRequest(title: "All departments", moduleIDs: shippedSelection, sharedModules: []),
                                      moduleFiles: shippedModuleFiles())
        #expect(none.settings.sharedModules.isEmpty && none.settings.departments.count == 6)
    }
}
