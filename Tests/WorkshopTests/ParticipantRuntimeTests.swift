import Foundation
import Questionnaire
import SessionModel
import SessionStore
import TerminalUI
import Testing
@testable import Workshop

/// The participant runtime in-process, on a scripted terminal: keys in, frames and files out.
@Suite struct ParticipantRuntimeTests {
    @Test func aWholeParticipantSession() throws {
        let session = try makeSession()
        let reporting = try #require(session.catalog.module("it")?.dimensions.firstIndex { $0.id == "reporting" })
        let terminal = ScriptedTerminal(width: 80, height: 24, script: [
            // The join form: name, department (IT is the second), language (English).
            .type("Anna Kowalska"), .key(.enter), .key(.down), .key(.enter), .key(.enter),
            // The first dimension's first item is a single choice: Enter takes the highlighted
            // option and moves on to a maturity item.
            .key(.enter), .key(.enter),
            .type("243"),
            // On to the number item (it.platform.uptime), with a decimal comma.
            .key(.enter), .key(.enter), .key(.enter), .type("99,5"), .key(.tab), .type("99.9"), .key(.enter),
            // Past the next number; then a multiple choice: the first two options.
            .key(.enter), .key(.character(" ")), .key(.down), .key(.character(" ")),
            // A terminal too small, then larger again.
            .resize(width: 60, height: 15), .key(.character("2")), .resize(width: 100, height: 30),
            // Back to the overview, down to the reporting dimension, to its free-text question.
            .key(.escape),
        ] + Array(repeating: .key(.down), count: reporting) + [
            .key(.enter), .key(.pageDown), .key(.pageDown), .key(.pageDown), .type("Fewer manual exports"), .key(.enter),
            .tick,
            .interrupt,
        ])
        let runtime = ParticipantRuntime(session: session, terminal: terminal, clock: { testTime })
        let joined = try #require(runtime.run())
        let saved = try session.participant(joined.id)
        #expect(saved.profile.value == Profile(name: "Anna Kowalska", department: "it", language: .english))
        let answers = saved.currentAnswers
        #expect(answers["it.platform.operator"]?.value == .choice(.value(["in-house"])))
        #expect(answers["it.platform.upkeep"] == Answer(.maturity(current: .value(2), target: .value(4)), importance: 3))
        #expect(answers["it.platform.uptime"]?.value == .number(current: .value(99.5), target: .value(99.9)))
        #expect(answers["it.integration.systems"]?.value.choiceIDs?.count == 2)
        #expect(answers["it.reporting.notes"]?.value == .text("Fewer manual exports"))
        #expect(answers.count == 5)
        // The key pressed while the screen was too small changed nothing, and said why.
        #expect(terminal.showed("80×24 (now 60×15)"))
        #expect(terminal.frames.last?.width == 100)
        #expect(terminal.showed("Saved"))
    }

    @Test func answeringClosedByTheFacilitatorRefusesTheNextEdit() throws {
        let session = try makeSession()
        let terminal = ScriptedTerminal(script: [
            .key(.enter), .key(.enter),  // the choice is answered; now on a maturity item
            .run {
                // The facilitator starts the workshop and moves past answering, elsewhere.
                _ = try? session.advancePhase(from: nil)
                _ = try? session.advancePhase(from: 0)
            },
            .type("3"),
        ])
        let joined = try #require(ParticipantRuntime(session: session, terminal: terminal, name: "Bo", department: "it",
                                                     language: .english, clock: { testTime }).run())
        let answers = try session.participant(joined.id).currentAnswers
        #expect(answers.keys.sorted() == ["it.platform.operator"])
        #expect(terminal.showed("Answering is closed: this answer was not changed."))
    }

    @Test func votingUsesTheGapsTheConsoleChoseWithoutReadingTheRoom() throws {
        let session = try makeSession()
        try addParticipants(session, 0..<8)
        try session.updateFacilitatorState { state in
            state.phaseIndex = 1
            state.phaseStarted = testTime
            state.revealed = true
            state.voteItems = ["it.platform.upkeep", "omnichannel.goals.definition"]
            state.votesPerParticipant = 2
        }
        let terminal = ScriptedTerminal(script: [.key(.character("v")), .key(.character("+")), .key(.down), .key(.character("+")),
                                                 .key(.character("+"))])
        let joined = try #require(ParticipantRuntime(session: session, terminal: terminal, name: "Cy", department: "it",
                                                     language: .english, clock: { testTime }).run())
        #expect(try session.participant(joined.id).votes?.value == ["it.platform.upkeep": 1, "omnichannel.goals.definition": 1])
        #expect(terminal.showed("Dots left: 0 of 2"))
    }

    @Test func aFileChangedElsewhereShowsOnTheNextTick() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Di", department: "logistics", language: .english)
        let terminal = ScriptedTerminal(script: [
            .tick,
            .run { _ = try? session.setDone(true, for: record.id) },
            .tick,
        ])
        _ = ParticipantRuntime(session: session, terminal: terminal, name: "Di", department: "logistics", language: .english).run()
        #expect(!(terminal.frames.first?.lines.contains { $0.contains("You are marked done") } ?? true))
        #expect(terminal.screenText.contains("You are marked done"))
    }
}

extension AnswerValue {
    var choiceIDs: [String]? {
        if case .choice(.value(let ids)) = self { return ids }
        return nil
    }
}
