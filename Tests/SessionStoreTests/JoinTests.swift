import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

/// Issue 15, point 2: one person, one record; nobody new after answering has closed.
@Suite struct JoinTests {
    func participantFiles(_ session: Session) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: session.paths.participants)) ?? []).filter { $0.hasSuffix(".json") }
    }

    @Test func aNameInUseIsReportedNotResumedWhenAsked() throws {
        let session = try makeSession()
        let first = try session.join(name: "John Smith", department: "it", language: .english).record
        let asked = try session.attemptJoin(name: " john  SMITH ", department: "logistics", language: .english, resuming: .ask)
        #expect(asked == .nameInUse(first))
        #expect(participantFiles(session).count == 1)
        // "Yes, that is me": the very record, even from another department's form.
        #expect(try session.attemptJoin(name: "John Smith", department: "logistics", language: .english, resuming: .participant(first.id))
                == .resumed(first))
        // The command line's --resume and `record` keep resuming by name within the department.
        #expect(try session.join(name: "John Smith", department: "it", language: .english) == (first, true))
    }

    @Test func aJoinAfterAnsweringClosedIsRefusedAndCreatesNothing() throws {
        let session = try makeSession()
        let early = try session.join(name: "Early Bird", department: "it", language: .english).record
        try session.advancePhase(from: nil)
        // During answering a join still works.
        _ = try session.join(name: "On Time", department: "it", language: .english)
        try session.advancePhase(from: 0)
        let before = participantFiles(session)
        #expect(try session.attemptJoin(name: "Late Larry", department: "it", language: .english, resuming: .ask) == .closed(phase: "review"))
        do {
            _ = try session.join(name: "Late Larry", department: "it", language: .english)
            Issue.record("a join after closing was accepted")
        } catch {
            #expect(error.description.contains("answering has closed"))
        }
        #expect(participantFiles(session) == before)
        // Someone who joined before may still come back, to see their answers and vote.
        #expect(try session.join(name: "Early Bird", department: "it", language: .english).record.id == early.id)
    }

    @Test func theLiveLockLetsOneScreenHoldARecord() throws {
        let session = try makeSession()
        let anna = try session.join(name: "Anna", department: "it", language: .english).record
        #expect(!LiveLock.isHeld(anna.id, in: session))
        let lock = try #require(try LiveLock.acquire(anna.id, in: session))
        #expect(LiveLock.isHeld(anna.id, in: session))
        #expect(try LiveLock.acquire(anna.id, in: session) == nil)
        lock.unlock()
        #expect(!LiveLock.isHeld(anna.id, in: session))
    }

    @Test func voteItemsCarryTheirNumbersAndTheOldFormIsStillRead() throws {
        let session = try makeSession()
        let numbers: [ItemID: VoteGapNumbers] = ["it.platform.releases": VoteGapNumbers(current: 1.5, target: 3.25, priority: nil)]
        try session.reveal(voteItems: ["it.platform.releases", "omnichannel.goals.definition"], numbers: numbers)
        let state = try session.facilitatorState()
        #expect(state.voteItems == ["it.platform.releases", "omnichannel.goals.definition"])
        #expect(state.voteNumbers == numbers)
        let text = try String(contentsOfFile: session.paths.facilitator, encoding: .utf8)
        #expect(text.contains(#"{"item": "it.platform.releases", "current": 1.5, "target": 3.25}"#))
        #expect(text.contains(#""omnichannel.goals.definition""#))
        // A state written before the numbers: plain ids.
        let old = text.replacingOccurrences(of: #"{"item": "it.platform.releases", "current": 1.5, "target": 3.25}"#, with: #""it.platform.releases""#)
        try old.write(toFile: session.paths.facilitator, atomically: true, encoding: .utf8)
        let read = try session.facilitatorState()
        #expect(read.voteItems == ["it.platform.releases", "omnichannel.goals.definition"] && read.voteNumbers.isEmpty)
    }
}

@Suite struct LateEntryTests {
    /// After answering has closed a participant's join creates nothing, but the facilitator's
    /// `record` (a late entry) still adds someone.
    @Test func onlyALateEntryJoinsAfterClosing() throws {
        let session = try makeSession()
        try session.advancePhase(from: nil)
        try session.advancePhase(from: 0)
        #expect(throws: SessionError.self) { try session.join(name: "Late Larry", department: "it", language: .english) }
        #expect(session.load().participants.isEmpty)
        let late = try session.join(name: "Paper Pia", department: "it", language: .english, lateEntry: true)
        #expect(!late.resumed)
        #expect(session.load().participants.map(\.id) == [late.record.id])
    }
}
