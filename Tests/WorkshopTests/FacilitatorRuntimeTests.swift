import Basics
import Foundation
import GapReport
import Questionnaire
import SessionStore
import TerminalUI
import Testing
@testable import Workshop

/// The facilitator runtime in-process, on a scripted terminal, polling the session on each tick.
@Suite struct FacilitatorRuntimeTests {
    @Test func aFacilitatorSession() throws {
        let session = try makeSession()
        try addParticipants(session, 0..<6)
        let simulation = Simulation(session: session, seed: 7)
        let late = simulation.participant(6, at: testTime)
        let terminal = ScriptedTerminal(width: 100, height: 30, script: [
            // Live: someone joins on another machine; the next tick shows them.
            .run { _ = try? session.merge(late) },
            .tick,
            // Start the workshop, then reveal.
            .key(.character("n")), .key(.enter),
            .key(.character("v")), .key(.character("y")),
            // A goal, through its seven fields.
            .key(.character("5")), .key(.character("a")), .type("Returns taken in every store"),
            .key(.enter), .type("Restock time"), .key(.enter), .type("6 days"), .key(.enter), .type("1 day"),
            .key(.enter), .type("Head of logistics"), .key(.enter), .type("2027-03-31"), .key(.enter),
            // The gap it closes: the biggest, ticked in the list of ranked gaps.
            .key(.character(" ")), .key(.character(" ")), .key(.enter),
            .key(.enter),
            .tick,
            // Export the report as Markdown from the report view.
            .key(.character("4")), .key(.character("e")), .key(.character("m")),
            .key(.character("q")),
        ])
        FacilitatorRuntime(session: session, terminal: terminal, language: .english, polling: .inline, clock: { testTime }).run()

        #expect(terminal.showed(Sanitized.visible(late.profile.value.name)))
        let state = try session.facilitatorState()
        #expect(state.currentPhase == 0)
        #expect(state.revealed)
        let scan = session.reportDocument(language: .english)
        #expect(state.voteItems == scan.scores.votableGaps && !state.voteItems.isEmpty)
        #expect(state.goals.map(\.statement) == ["Returns taken in every store"])
        #expect(state.goals.first?.links == [scan.scores.rankedGaps.first?.item.rawValue].compactMap { $0 })
        #expect(state.goals.first?.due == "2027-03-31")
        // What the console exported, from the participants it had read once, is what the
        // report command makes from a fresh scan of every file.
        let exported = session.paths.root + "/report-\(testTime.date)-en.md"
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text == MarkdownReportRenderer.render(scan))
        #expect(terminal.showed("report-\(testTime.date)-en.md"))
    }

    /// A second console's stale move is refused, and the refusal is said in the console's
    /// language, not in the store's English.
    @Test(arguments: [(Language.english, "Another console has already moved the workshop on"),
                      (Language.italian, "Un'altra console ha già fatto avanzare il workshop")])
    func aStalePhaseMoveFromAnotherConsoleIsRefused(_ language: Language, _ said: String) throws {
        let session = try makeSession()
        try session.advancePhase(from: nil)
        let terminal = ScriptedTerminal(width: 100, height: 30, script: [
            .tick,
            // Another console moves the workshop on; this one, not yet told, asks to move too.
            .run { _ = try? session.advancePhase(from: 0) },
            .key(.character("n")), .key(.enter),
            .key(.character("q")),
        ])
        FacilitatorRuntime(session: session, terminal: terminal, language: language, polling: .inline, clock: { testTime }).run()
        #expect(try session.facilitatorState().currentPhase == 1)
        #expect(terminal.showed(said))
    }

    @Test func theReportViewScrollsTheTextRenderedOnce() throws {
        let session = try makeSession()
        try addParticipants(session, 0..<10)
        try session.reveal(voteItems: [])
        let terminal = ScriptedTerminal(width: 100, height: 30, script: [
            .key(.character("4")), .key(.pageDown), .key(.pageDown), .tick, .key(.pageDown),
            .key(.character("q")),
        ])
        FacilitatorRuntime(session: session, terminal: terminal, polling: .inline, clock: { testTime }).run()
        let text = TextReportRenderer.render(session.reportDocument(language: session.settings.language))
            .split(separator: "\n", omittingEmptySubsequences: false)
        // Three pages down, 24 lines each at 30 rows (the last one of a short report stops at
        // its end): the first line shown is the one the console's own text has there.
        let first = min(3 * 24, text.count - 25)
        #expect(terminal.screen[3].hasPrefix(text[first].prefix(40)),
                "\(terminal.screen.prefix(6).joined(separator: "\n"))\n---\n\(text[(first - 3)...(first + 3)].joined(separator: "\n"))")
        #expect(terminal.screen[3] != terminal.frames.first { $0.lines[3].contains("OMNICHANNEL GAP REPORT") }?.lines[3])
        // The watch published vote items for the participants as soon as it saw the reveal.
        #expect(try session.facilitatorState().voteItems == session.reportDocument(language: .english).scores.votableGaps)
    }

    @Test func theConsolesTallyIsTheScansTally() throws {
        let session = try makeSession()
        try addParticipants(session, 0..<40, seed: 11)
        let scan = session.reportDocument(language: .polish)
        let fromCache = session.reportDocument(tally: session.tally(of: session.load().participants), skipped: [],
                                               state: .success(try session.facilitatorState()), language: .polish)
        #expect(JSONReportRenderer.render(fromCache) == JSONReportRenderer.render(scan))
        #expect(TextReportRenderer.render(fromCache) == TextReportRenderer.render(scan))
    }
}
