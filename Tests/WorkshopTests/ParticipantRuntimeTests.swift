import Basics
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
            // The first dimension opens with the module's introduction; its first item is a
            // single choice: Space takes the highlighted option, Enter moves on to a maturity item.
            .key(.enter), .key(.enter), .key(.character(" ")), .key(.enter),
            .type("243"),
            // Past the next maturity item to the number item (it.platform.uptime), with a decimal comma.
            .key(.enter), .key(.enter), .type("99,5"), .key(.tab), .type("99.9"), .key(.enter),
            // Past the next number, to the integration method.
            .key(.enter),
            // A terminal too small, then larger again.
            .resize(width: 60, height: 15), .key(.character("2")), .resize(width: 100, height: 30),
            // Back to the overview, down to the reporting dimension, to its free-text question
            // (the reporting delay is asked only once reports are produced at stage 2 or more).
            .key(.escape),
        ] + Array(repeating: .key(.down), count: reporting) + [
            .key(.enter), .key(.pageDown), .type("Fewer manual exports"), .key(.enter),
            .tick,
            .interrupt,
        ])
        let runtime = ParticipantRuntime(session: session, terminal: terminal, clock: { testTime })
        let joined = try #require(runtime.run())
        let saved = try session.participant(joined.id)
        #expect(saved.profile.value == Profile(name: "Anna Kowalska", department: "it", language: .english))
        let answers = saved.currentAnswers
        #expect(answers["it.platform.operator"]?.value == .choice(.value(["in-house"])))
        #expect(answers["it.platform.releases"] == Answer(.maturity(current: .value(2), target: .value(4)), importance: 3))
        #expect(answers["it.platform.uptime"]?.value == .number(current: .value(99.5), target: .value(99.9)))
        #expect(answers["it.integration.method"] == nil)
        #expect(answers["it.reporting.notes"]?.value == .text("Fewer manual exports"))
        #expect(answers.count == 4)
        // The key pressed while the screen was too small changed nothing, and said why.
        #expect(terminal.showed("80×24 (now 60×15)"))
        #expect(terminal.frames.last?.width == 100)
        #expect(terminal.showed("Saved"))
    }

    @Test func answeringClosedByTheFacilitatorRefusesTheNextEdit() throws {
        let session = try makeSession()
        let terminal = ScriptedTerminal(script: [
            .key(.enter), .key(.enter), .key(.character(" ")), .key(.enter),  // past the intro, the choice answered; now on a maturity item
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
        // Cy joined before answering closed (nobody new joins after), and resumes to vote.
        _ = try session.attemptJoin(name: "Cy", department: "it", language: .english, resuming: .sameDepartment)
        try session.updateFacilitatorState { state in
            state.phaseIndex = 1
            state.phaseStarted = testTime
            state.revealed = true
            state.voteItems = ["it.platform.releases", "omnichannel.goals.definition"]
            state.votesPerParticipant = 2
            state.voteNumbers = ["it.platform.releases": VoteGapNumbers(current: 1.75, target: 3.5, priority: 4.25)]
        }
        let terminal = ScriptedTerminal(script: [.key(.character("v")), .key(.character("+")), .key(.down), .key(.character("+")),
                                                 .key(.character("+"))])
        let joined = try #require(ParticipantRuntime(session: session, terminal: terminal, name: "Cy", department: "it",
                                                     language: .english, resume: true, clock: { testTime }).run())
        #expect(try session.participant(joined.id).votes?.value == ["it.platform.releases": 1, "omnichannel.goals.definition": 1])
        #expect(terminal.showed("Dots left: 0 of 2"))
        // The third "+" had no dot left to place, and said so.
        #expect(terminal.showed("No dots left"))
        // Each gap's numbers, as the console wrote them with the list.
        #expect(terminal.showed("1.8 → 3.5") && terminal.showed("4.3"))
    }

    @Test func aFileChangedElsewhereShowsOnTheNextTick() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Di", department: "logistics", language: .english)
        let terminal = ScriptedTerminal(script: [
            .tick,
            .run { _ = try? session.setDone(true, for: record.id) },
            .tick,
        ])
        _ = ParticipantRuntime(session: session, terminal: terminal, name: "Di", department: "logistics", language: .english, resume: true).run()
        #expect(!(terminal.frames.first?.lines.contains { $0.contains("You are marked done") } ?? true))
        #expect(terminal.screenText.contains("You are marked done"))
    }
}

/// Issue 15, point 2: one person, one record; and the participant side of point 5.
@Suite struct ParticipantRecordTests {
    @Test func aNameInUseIsAskedAndYesContinuesAsThatPerson() throws {
        let session = try makeSession()
        let first = try session.join(name: "John Smith", department: "it", language: .english).record
        _ = try session.save(Answer(.choice(.value(["agency"]))), item: "it.platform.operator", for: first.id)
        let terminal = ScriptedTerminal(script: [.key(.character("y"))])
        let joined = try #require(ParticipantRuntime(session: session, terminal: terminal, name: "john smith", department: "it",
                                                     language: .english, clock: { testTime }).run())
        #expect(terminal.frames.contains { $0.flatText.contains("Someone called John Smith has already joined (IT, 1 answered). Is that you?") })
        #expect(joined.id == first.id)
        #expect(session.load().participants.count == 1)
    }

    @Test func noAsksForAnotherNameAndMakesASecondPerson() throws {
        let session = try makeSession()
        let first = try session.join(name: "John Smith", department: "it", language: .english).record
        let terminal = ScriptedTerminal(script: [
            .key(.character("n")), .type("John Smith 2"), .key(.enter), .key(.enter), .key(.enter),
        ])
        let joined = try #require(ParticipantRuntime(session: session, terminal: terminal, name: "John Smith", department: "it",
                                                     language: .english, clock: { testTime }).run())
        #expect(joined.id != first.id && joined.profile.value.name == "John Smith 2")
        #expect(terminal.showed("Please type a different name"))
        #expect(session.load().participants.count == 2)
    }

    @Test func aRecordOpenOnAnotherScreenIsNotOpenedTwice() throws {
        let session = try makeSession()
        let second = ScriptedTerminal(script: [.key(.character("y")), .interrupt])
        let resumed = ScriptedTerminal(script: [.interrupt])
        var secondJoined: ParticipantRecord?, resumedJoined: ParticipantRecord?
        // The first screen is open on Anna's record while two more try to open it.
        let first = ScriptedTerminal(script: [
            .run {
                secondJoined = ParticipantRuntime(session: session, terminal: second, name: "Anna", department: "it",
                                                  language: .english, clock: { testTime }).run()
                resumedJoined = ParticipantRuntime(session: session, terminal: resumed, name: "Anna", department: "it",
                                                   language: .english, resume: true, clock: { testTime }).run()
            },
        ])
        let anna = try #require(ParticipantRuntime(session: session, terminal: first, name: "Anna", department: "it",
                                                   language: .english, clock: { testTime }).run())
        #expect(secondJoined == nil && resumedJoined == nil)
        #expect(second.showed("answering on another") && resumed.showed("Anna is answering on another screen right now"))
        // Once the first screen has closed, the record opens again.
        let later = ScriptedTerminal(script: [.interrupt])
        let again = ParticipantRuntime(session: session, terminal: later, name: "Anna", department: "it", language: .english,
                                       resume: true, clock: { testTime }).run()
        #expect(again?.id == anna.id)
    }

    @Test func aJoinAfterAnsweringClosedCreatesNothing() throws {
        let session = try makeSession()
        try session.updateFacilitatorState { state in
            state.phaseIndex = 1
            state.phaseStarted = testTime
        }
        let terminal = ScriptedTerminal(script: [.interrupt])
        let joined = ParticipantRuntime(session: session, terminal: terminal, name: "Late Larry", department: "it", language: .english,
                                        clock: { testTime }).run()
        #expect(joined == nil)
        #expect(terminal.showed("Answering has closed, so nobody new can join"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: session.paths.participants)) ?? []).isEmpty)
    }

    @Test func aParticipantRemovedWhileOnScreenIsToldAndNotRecreated() throws {
        let session = try makeSession()
        var id: ParticipantID?
        let terminal = ScriptedTerminal(script: [
            .run { id = session.participants(named: "Eve").first?.id; _ = try? session.removeParticipant(id!) },
            // Past the intro to the first item, a choice: Space would save.
            .key(.enter), .key(.enter), .key(.character(" ")),
            .tick,
        ])
        _ = ParticipantRuntime(session: session, terminal: terminal, name: "Eve", department: "it", language: .polish, clock: { testTime }).run()
        let removed = try #require(id)
        #expect(terminal.showed("Udział zakończony przez prowadzącego"))
        #expect(!FileManager.default.fileExists(atPath: session.paths.participant(removed)))
        #expect(FileManager.default.fileExists(atPath: session.paths.removed + "/" + removed.fileName))
    }

    @Test func theGoodbyeAndTheClockAreInTheParticipantsLanguage() throws {
        let session = try makeSession()
        try session.updateFacilitatorState { state in
            state.phaseIndex = 0
            state.phaseStarted = Timestamp(milliseconds: testTime.milliseconds - 5 * 60_000)
        }
        let terminal = ScriptedTerminal(script: [.key(.character("q")), .key(.character("t"))])
        let runtime = ParticipantRuntime(session: session, terminal: terminal, name: "Ola", department: "it", language: .polish,
                                         clock: { testTime })
        _ = try #require(runtime.run())
        #expect(terminal.showed("Wyjść z warsztatu? Odpowiedzi są zapisane."))
        #expect(terminal.showed("zostało 25 min"))
        #expect(runtime.goodbye?.hasPrefix("Do zobaczenia. Odpowiedzi są zapisane w ") == true)
    }
}

extension AnswerValue {
    var choiceIDs: [String]? {
        if case .choice(.value(let ids)) = self { return ids }
        return nil
    }
}

extension CellBuffer {
    /// The screen's words in reading order, box borders dropped and spaces collapsed.
    var flatText: String {
        lines.joined(separator: " ").replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
