import Basics
import GapReport
import Questionnaire
import Scoring
import SessionModel
import Testing
@testable import TerminalUI

/// The console of a follow-up session: "Since last time" only when there is a session before,
/// and the review of the goals carried over from it.
@Suite struct FollowUpConsoleTests {
    static let start = FacilitatorAppTests.start

    static func goal(_ id: String, _ statement: String) -> Goal {
        Goal(id: id, statement: statement, kpi: "stores", baseline: "3", target: "12", created: start, updated: start)
    }

    static func followUpApp() -> FacilitatorApp {
        var app = FacilitatorApp(title: "Six months on", folder: "/tmp/ws", agenda: AgendaPhase.standard,
                                 departments: FacilitatorAppTests.app().departments, modules: FacilitatorAppTests.app().modules,
                                 language: .english, size: (100, 30), now: start, earlierSession: "Spring workshop (2026-06-02)")
        var state = FacilitatorState()
        state.revealed = true
        state.reviews = [GoalReview(goal: goal("g-1", "Click and collect in every store")),
                         GoalReview(goal: goal("g-2", "Returns back on sale in a day"), actual: "3 days", status: .late, note: "")]
        state.goals = [goal("g-3", "A new goal agreed today")]
        _ = app.update(.state(state), at: start)
        var document = FacilitatorAppTests.document()
        let then = ComparedSession(label: "2026-06-02", sessionID: "s-00000000000000a1", title: "Spring", date: "2026-06-02", follows: nil,
                                   setup: document.setup, scores: Tally(setup: document.setup).scores())
        let now = ComparedSession(label: "2026-12-02", sessionID: document.sessionID, title: "Six months on", date: "2026-12-02",
                                  follows: then.sessionID, setup: document.setup, scores: document.scores)
        let review = GoalReviewSection(earlier: "Spring workshop (2026-06-02)", reviews: [])
        document.followUp = FollowUpSection(earlier: review.earlier, review: review, unavailable: nil,
                                            comparison: ComparisonDocument(comparison: try! SessionComparison(sessions: [then, now]),
                                                                           language: .english, review: review, skipped: []))
        _ = app.update(.results(document), at: start)
        return app
    }

    @Test func sinceLastTimeIsAViewOnlyOfAFollowUp() {
        var plain = FacilitatorAppTests.app()
        _ = plain.update(.results(FacilitatorAppTests.document()), at: Self.start)
        #expect(!plain.availableResultViews.contains(.sinceLastTime))
        var app = Self.followUpApp()
        #expect(app.availableResultViews.last == .sinceLastTime)
        _ = app.update(.key(.character("3")), at: Self.start)
        _ = app.update(.key(.backTab), at: Self.start)
        #expect(app.resultView == .sinceLastTime)
        let screen = app.render().lines.joined(separator: "\n")
        #expect(screen.contains("[not reviewed] Click and collect in every store"))
        #expect(screen.contains("[late] Returns back on sale in a day · KPI now: 3 days"))
        #expect(screen.contains("Since Spring workshop (2026-06-02)"))
        // Tab goes round every view, this one included, and back to the heat map.
        _ = app.update(.key(.tab), at: Self.start)
        #expect(app.resultView == .heatMap)
    }

    @Test func aCarriedOverGoalIsReviewedNotEditedNorDeleted() {
        var app = Self.followUpApp()
        _ = app.update(.key(.character("5")), at: Self.start)
        _ = app.update(.key(.character("x")), at: Self.start)
        #expect(app.message?.contains("set its status to dropped instead") == true)
        #expect(app.confirmation == nil)
        // Enter opens the review: the KPI now, the status (→ done), and a note; Enter on the note saves.
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.reviewForm?.goalID == "g-1")
        for character in "12" { _ = app.update(.key(.character(character)), at: Self.start) }
        _ = app.update(.key(.tab), at: Self.start)
        _ = app.update(.key(.right), at: Self.start)
        _ = app.update(.key(.tab), at: Self.start)
        for character in "Live" { _ = app.update(.key(.character(character)), at: Self.start) }
        let effects = app.update(.key(.enter), at: Self.start)
        #expect(effects == [.reviewGoal(id: "g-1", actual: "12", status: .done, note: "Live")])
        #expect(app.reviewForm == nil)
        // The third row is today's goal: Enter edits it as before.
        _ = app.update(.key(.down), at: Self.start)
        _ = app.update(.key(.down), at: Self.start)
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.goalForm?.editing == "g-3")
    }

    @Test func escapeLeavesAReviewUnchangedAndTheStatusGoesRound() {
        var app = Self.followUpApp()
        _ = app.update(.key(.character("5")), at: Self.start)
        _ = app.update(.key(.down), at: Self.start)
        _ = app.update(.key(.enter), at: Self.start)
        _ = app.update(.key(.tab), at: Self.start)
        #expect(app.reviewForm?.status == .late)
        _ = app.update(.key(.right), at: Self.start)
        #expect(app.reviewForm?.status == .dropped)
        _ = app.update(.key(.right), at: Self.start)
        #expect(app.reviewForm?.status == nil)
        _ = app.update(.key(.left), at: Self.start)
        #expect(app.reviewForm?.status == .dropped)
        let effects = app.update(.key(.escape), at: Self.start)
        #expect(effects.isEmpty && app.reviewForm == nil)
    }
}
