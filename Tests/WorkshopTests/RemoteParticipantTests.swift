import Basics
import Foundation
import SessionModel
import SessionStore
import Synchronization
import TerminalUI
import Testing
@testable import Workshop

/// The participant screens as `omnigap serve` runs them for an SSH connection: a name alone
/// opens nobody's answers, and a connection left without a key closes.
@Suite struct RemoteParticipantTests {
    /// Joins "Ala" over SSH with `key`, and returns her record and resume code.
    private func joinOverSSH(_ session: Session, key: String?) throws -> (ParticipantRecord, String) {
        let terminal = ScriptedTerminal(script: [.type("Ala"), .key(.enter), .key(.down), .key(.enter), .tick])
        let runtime = ParticipantRuntime(session: session, terminal: terminal, language: .english, remote: RemoteConnection(clientKey: key),
                                         clock: { testTime })
        let record = try #require(runtime.run())
        let access = try #require(session.remoteAccess(for: record.id))
        // The code is shown once, in a dialog, until Enter.
        #expect(terminal.showed("Your resume code is \(access.resumeCode)"))
        #expect(access.clientKey == key)
        return (record, access.resumeCode)
    }

    /// Types the name again from another connection and says "it is me".
    private func comeBack(key: String?, then steps: [ScriptedTerminal.Step]) -> [ScriptedTerminal.Step] {
        [.type("ala"), .key(.enter), .key(.down), .key(.enter), .key(.character("y"))] + steps
    }

    @Test func theSameKeyResumesWithoutACode() throws {
        let session = try makeSession()
        let (record, _) = try joinOverSSH(session, key: "SHA256:ala")
        let terminal = ScriptedTerminal(script: comeBack(key: "SHA256:ala", then: [.tick]))
        let runtime = ParticipantRuntime(session: session, terminal: terminal, language: .english, remote: RemoteConnection(clientKey: "SHA256:ala"),
                                         clock: { testTime })
        #expect(runtime.run()?.id == record.id)
        #expect(!terminal.showed("resume code that was shown"))
        #expect(runtime.goodbye == ParticipantStrings.english.remoteGoodbye)
    }

    @Test func anotherKeyNeedsTheCodeAndAWrongOneOpensNothing() throws {
        let session = try makeSession()
        let (record, code) = try joinOverSSH(session, key: "SHA256:ala")
        let before = try session.participant(record.id)
        let wrong = code == "000-000" ? "111-111" : "000-000"
        // Someone else, with the workshop code but not Ala's key, tries her name.
        let intruder = ScriptedTerminal(script: comeBack(key: "SHA256:eve", then: [.type(wrong), .key(.enter), .tick]))
        let refused = ParticipantRuntime(session: session, terminal: intruder, language: .english, remote: RemoteConnection(clientKey: "SHA256:eve"),
                                         clock: { testTime })
        #expect(refused.run() == nil)
        #expect(intruder.showed("type the resume code that"))
        #expect(intruder.showed("That is not Ala's resume code: nothing was opened."))
        #expect(intruder.showed("answers lock: 4."))
        #expect(try session.participant(record.id) == before)
        #expect(session.participants(named: "Ala").count == 1)
        // Ala, on a borrowed laptop without her key, types her code.
        let ala = ScriptedTerminal(script: comeBack(key: nil, then: [.type(code), .key(.enter), .tick]))
        let resumed = ParticipantRuntime(session: session, terminal: ala, language: .english, remote: RemoteConnection(clientKey: nil),
                                         clock: { testTime })
        #expect(resumed.run()?.id == record.id)
        #expect(session.remoteAccess(for: record.id)?.wrongCodes == 0)
    }

    @Test func aRecordMadeOnTheFacilitatorsMachineNeedsACodeFromTheFacilitator() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Ala", department: "it", language: .english)
        let terminal = ScriptedTerminal(script: comeBack(key: "SHA256:ala", then: [.tick]))
        let runtime = ParticipantRuntime(session: session, terminal: terminal, language: .english, remote: RemoteConnection(clientKey: "SHA256:ala"),
                                         clock: { testTime })
        #expect(runtime.run() == nil)
        #expect(terminal.showed("Ala did not join over SSH, so there is no resume code yet."))
        #expect(session.remoteAccess(for: record.id) == nil)
        // On the facilitator's own machine the same name still resumes, as it always did.
        let local = ScriptedTerminal(script: comeBack(key: nil, then: [.tick]))
        #expect(ParticipantRuntime(session: session, terminal: local, language: .english, clock: { testTime }).run()?.id == record.id)
    }

    @Test func anIdleConnectionIsWarnedThenClosed() throws {
        let session = try makeSession()
        let now = Mutex(testTime.milliseconds)
        func wait(_ seconds: Int64) -> ScriptedTerminal.Step { .run { now.withLock { $0 += seconds * 1000 } } }
        let terminal = ScriptedTerminal(script: [
            .type("Ala"), .key(.enter), .key(.down), .key(.enter), .key(.enter),   // joined; the code dialog closed
            wait(100), .tick,                                                         // 100 s of 120: warned
            .key(.character("q")),                                                    // any key stays, and does nothing else
            wait(119), .tick,                                                         // quiet again, nearly the whole span
            wait(2), .tick,                                                           // past it: closed
            .key(.character("x")), .key(.character("x")),
        ])
        let runtime = ParticipantRuntime(session: session, terminal: terminal, language: .english,
                                         remote: RemoteConnection(clientKey: nil, idleTimeout: 120), clock: { Timestamp(milliseconds: now.withLock { $0 }) })
        #expect(runtime.run() != nil)
        #expect(terminal.showed("closes in 0:20"))
        // The key that answered the warning did not open "Leave the workshop?".
        #expect(!terminal.showed("Leave the workshop?"))
        #expect(runtime.ending == .idle(seconds: 120))
        #expect(runtime.goodbye == "This connection has closed after 2:00 without a key. Your answers are saved: connect again and type the same name to continue.")
        // The script's last keys were never read: the screens had closed.
        #expect(!terminal.delivered.contains(.key(.character("x"))))
    }

    @Test func theLastLineSaysWhyTheScreensClosed() throws {
        let session = try makeSession()
        let runtime = ParticipantRuntime(session: session, terminal: ScriptedTerminal(), language: .polish, remote: RemoteConnection(clientKey: nil))
        #expect(runtime.farewell(afterSignal: SIGTERM) == ParticipantStrings.polish.serverStopped)
        #expect(runtime.farewell(afterSignal: SIGUSR1) == ParticipantStrings.polish.takenOver)
        #expect(runtime.farewell(afterSignal: SIGHUP) == nil)
        let local = ParticipantRuntime(session: session, terminal: ScriptedTerminal(), language: .polish)
        #expect(local.farewell(afterSignal: SIGTERM) == nil)
    }
}
