import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

/// The facilitator's actions, as rules on the saved state.
@Suite struct FacilitationTests {
    @Test func aPhaseMoveNamesWhereItStartsAndAStaleOneIsRefused() throws {
        let session = try makeSession()
        #expect(try session.advancePhase(from: nil).currentPhase == 0)
        #expect(throws: SessionError.self) { try session.advancePhase(from: nil) }  // another console's move, already made
        #expect(try session.facilitatorState().currentPhase == 0)
        for phase in 0..<(session.settings.agenda.count - 1) { try session.advancePhase(from: phase) }
        let last = session.settings.agenda.count - 1
        #expect(throws: SessionError.self) { try session.advancePhase(from: last) }  // the agenda's end
        #expect(try session.facilitatorState().answeringClosedPhase(in: session.settings.agenda) == session.settings.agenda[last].id)
    }

    @Test func aGoalIsCheckedThenAddedAndEditedInPlace() throws {
        let session = try makeSession()
        let created = Timestamp(milliseconds: 1_795_459_212_345), later = Timestamp(milliseconds: 1_795_459_999_999)
        #expect(GoalDraft(statement: " ").problem(in: session.catalog) == .noStatement)
        #expect(GoalDraft(statement: "S", due: "31.03.2027").problem(in: session.catalog) == .badDate("31.03.2027"))
        #expect(GoalDraft(statement: "S", links: ["it.nowhere"]).problem(in: session.catalog) == .unknownLink("it.nowhere"))
        #expect(throws: SessionError.self) { try session.saveGoal(GoalDraft(statement: "S", links: ["it.nowhere"])) }
        let goal = try session.saveGoal(GoalDraft(statement: " Returns in every store ", links: ["logistics.returns"]), at: created)
        #expect(goal.statement == "Returns in every store" && goal.id.count == 10)
        var edit = GoalDraft(id: goal.id, statement: "Returns in every store, within a day", owner: "Åsa P.")
        edit.due = "2027-03-31"
        let edited = try session.saveGoal(edit, at: later)
        let goals = try session.facilitatorState().goals
        #expect(goals.count == 1)
        #expect(goals[0].id == goal.id && goals[0].created == created && goals[0].updated == later && goals[0].owner == "Åsa P.")
        #expect(edited == goals[0])
        try session.deleteGoal(id: goal.id)
        #expect(try session.facilitatorState().goals.isEmpty)
    }

    @Test func theRevealRecordsTheGapsOpenForVoting() throws {
        let session = try makeSession()
        try session.reveal(voteItems: ["it.platform.releases"])
        let state = try session.facilitatorState()
        #expect(state.revealed && state.voteItems == ["it.platform.releases"])
        #expect(throws: SessionError.self) { try session.setVotesPerParticipant(0) }
        #expect(try session.setVotesPerParticipant(5).votesPerParticipant == 5)
    }
}

/// Looking a name up reads every file's header only, and finds what loading every record finds.
@Suite struct NameLookupTests {
    @Test func theLookupAgreesWithTheLoadedRecords() throws {
        let session = try makeSession()
        let simulation = Simulation(session: session, seed: 9)
        for index in 0..<40 { _ = try session.merge(simulation.participant(index, at: Timestamp(milliseconds: 1_795_459_212_345)), durable: false) }
        let (anna, _) = try session.join(name: "Anna  Berg", department: "it", language: .english)
        // A file with the same name from another session is no match: it is not this session's.
        var foreign = anna
        foreign.id = ParticipantID(rawValue: "p-00000000000000aa")!
        foreign.sessionID = SessionID(rawValue: "s-00000000000000bb")!
        writeFile(session.paths.participant(foreign.id), bytes(ParticipantCodec.encode(foreign)))
        let everyone = session.load().participants
        for name in ["anna berg", " ANNA   BERG ", everyone[3].profile.value.name, "Nobody Here"] {
            let expected = everyone.filter { Profile.sameName($0.profile.value.name, name) }
            #expect(session.participants(named: name) == expected, "\(name)")
        }
        #expect(session.participants(named: "anna berg").map(\.id) == [anna.id])
    }
}
