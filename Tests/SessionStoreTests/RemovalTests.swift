import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

@Suite struct RemovalTests {
    @Test func aRemovedParticipantIsMovedAsideAndNoLongerCounted() throws {
        let session = try makeSession()
        let kept = try session.join(name: "Anna", department: "it", language: .english).record
        let removed = try session.join(name: "Test Test", department: "it", language: .english).record
        try session.save(Answer(.text("hello")), item: "it.reporting.notes", for: removed.id)
        let moved = try session.removeParticipant(removed.id)
        #expect(moved == "removed/" + removed.id.fileName)
        #expect(access(session.paths.root + "/" + moved, F_OK) == 0)
        #expect(session.load().participants.map(\.id) == [kept.id])
        #expect(session.participants(named: "test test").isEmpty)
        // Saving from the removed participant's screen now fails instead of recreating the file.
        #expect(throws: SessionError.self) { try session.save(nil, item: "it.reporting.notes", for: removed.id) }
        #expect(throws: SessionError.self) { try session.removeParticipant(removed.id) }
    }

    @Test func aParticipantIsFoundByIdOrByName() throws {
        let session = try makeSession()
        let anna = try session.join(name: "Anna Nowak", department: "it", language: .polish).record
        #expect(session.participants(matching: anna.id.rawValue).map(\.id) == [anna.id])
        #expect(session.participants(matching: "  anna   NOWAK ").map(\.id) == [anna.id])
        #expect(session.participants(matching: "Nobody").isEmpty)
    }
}

@Suite struct PhaseClockTests {
    @Test func aPausedClockStopsAndAnExtensionAddsMinutes() throws {
        let session = try makeSession()
        let start = Timestamp(milliseconds: 1_800_000_000_000)
        func at(_ seconds: Int64) -> Timestamp { Timestamp(milliseconds: start.milliseconds + seconds * 1000) }
        try session.advancePhase(from: nil, at: start)
        let agenda = session.settings.agenda
        #expect(try session.facilitatorState().phaseClock(in: agenda, at: at(60))?.secondsLeft == agenda[0].minutes * 60 - 60)
        try session.togglePhasePause(at: at(60))
        let paused = try session.facilitatorState()
        #expect(paused.phaseClock(in: agenda, at: at(600))?.secondsLeft == agenda[0].minutes * 60 - 60)
        #expect(paused.phaseClock(in: agenda, at: at(600))?.paused == true)
        try session.togglePhasePause(at: at(300))
        try session.extendPhase(byMinutes: 5)
        let running = try session.facilitatorState()
        #expect(running.phaseClock(in: agenda, at: at(360))?.secondsLeft == (agenda[0].minutes + 5) * 60 - 120)
        #expect(throws: SessionError.self) { try session.extendPhase(byMinutes: 601) }
        try session.advancePhase(from: 0, at: at(400))
        let next = try session.facilitatorState()
        #expect(next.phaseExtraMinutes == 0 && next.phasePausedSeconds == 0 && next.phasePaused == nil)
    }
}
