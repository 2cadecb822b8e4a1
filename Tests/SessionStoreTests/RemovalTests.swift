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
