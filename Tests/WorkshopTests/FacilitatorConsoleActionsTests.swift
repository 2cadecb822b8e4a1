import Basics
import Foundation
import GapReport
import Questionnaire
import SessionModel
import SessionStore
import TerminalUI
import Testing
@testable import Workshop

/// What the console does to the session folder, in-process on a scripted terminal.
@Suite struct FacilitatorConsoleActionsTests {
    /// A participant chosen on the dashboard and removed with x, y: their file moves into
    /// removed/, and the dashboard, the tallies and the report stop counting them.
    @Test func aParticipantIsRemovedFromTheDashboard() throws {
        let session = try makeSession()
        try addParticipants(session, 0..<3)
        try session.reveal(voteItems: [])
        let before = session.load().participants
        let terminal = ScriptedTerminal(width: 100, height: 30, script: [
            .tick,
            .key(.down),                          // the second participant
            .key(.character("x")), .key(.enter),  // Enter is not yes to a removal
            .key(.character("x")), .key(.character("y")),
            .tick,
            .key(.character("q")),
        ])
        let order = session.load().participants
        FacilitatorRuntime(session: session, terminal: terminal, language: .english, polling: .inline, clock: { testTime }).run()

        // The rows come in the order the watch reads them; the second one is the one removed.
        let removedName = Sanitized.visible(order[1].profile.value.name)
        #expect(terminal.showed("Remove \(removedName) ("))
        #expect(terminal.frames.contains { $0.lines.joined(separator: " ").contains("Their file is moved to") })
        let after = session.load().participants
        #expect(after.count == before.count - 1)
        #expect(!after.contains { $0.id == order[1].id })
        #expect(FileManager.default.fileExists(atPath: session.paths.removed + "/" + order[1].id.fileName))
        #expect(!FileManager.default.fileExists(atPath: session.paths.participant(order[1].id)))
        #expect(terminal.showed("removed; their file is now removed/\(order[1].id.fileName)"))
        // The last frame no longer lists them, and the report counts one fewer.
        #expect(!terminal.screen.contains { $0.contains(removedName) && !$0.contains("removed;") })
        #expect(session.reportDocument(language: .english).participantCount == before.count - 1)
    }

    @Test func theClockIsPausedAndExtendedFromTheConsole() throws {
        let session = try makeSession()
        try session.advancePhase(from: nil, at: testTime)
        let terminal = ScriptedTerminal(width: 100, height: 30, script: [
            .tick,
            .key(.character("t")),
            .key(.character("m")), .key(.character("m")),
            .key(.character("q")),
        ])
        FacilitatorRuntime(session: session, terminal: terminal, language: .english, polling: .inline, clock: { testTime }).run()
        let state = try session.facilitatorState()
        #expect(state.phasePaused == testTime)
        #expect(state.phaseExtraMinutes == 10)
        #expect(terminal.screen[0].contains("left · paused"))
        #expect(terminal.showed("t restart clock"))
    }

    @Test func closingAnsweringNamesWhoHasNotFinished() throws {
        let session = try makeSession()
        try session.advancePhase(from: nil, at: testTime)
        try addParticipants(session, 0..<2)
        let open = session.load().participants.filter { !session.progress(of: $0).done }.map { Sanitized.visible($0.profile.value.name) }
        let terminal = ScriptedTerminal(width: 100, height: 30, script: [
            .tick, .key(.character("n")), .key(.escape), .key(.character("q")),
        ])
        FacilitatorRuntime(session: session, terminal: terminal, language: .english, polling: .inline, clock: { testTime }).run()
        let dialog = terminal.frames.first { $0.lines.contains { $0.contains("Move on to the phase") } }?.lines.joined(separator: " ") ?? ""
        if open.isEmpty {
            #expect(dialog.contains("Everyone has finished answering."))
        } else {
            #expect(dialog.contains("Not finished yet:"))
            for name in open { #expect(dialog.contains(name.prefix(10)), "\(name)") }
        }
        #expect(try session.facilitatorState().currentPhase == 0)  // Esc: still answering
    }
}
