import Foundation
import Basics
import GapReport
import Questionnaire
import Scoring
import SessionModel
import Testing
@testable import TerminalUI

@Suite struct FacilitatorAppTests {
    static let start = Timestamp(milliseconds: 1_795_459_212_345)

    static func app(size: (Int, Int) = (100, 30)) -> FacilitatorApp {
        let order = ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"]
        return FacilitatorApp(title: "Nordic Home — omnichannel workshop", folder: "/tmp/ws", agenda: AgendaPhase.standard,
                              departments: ["ecommerce", "it", "customer-service", "logistics", "stores"],
                              modules: order.compactMap { id in shippedModules.first { $0.id == id } },
                              language: .english, size: (size.0, size.1), now: start)
    }

    static let rows = [
        FacilitatorApp.Row(name: "Anna K.", department: "it", answered: 20, visible: 54, done: false, lastActivity: start,
                           id: ParticipantID(rawValue: "p-00000000000000a1")),
        FacilitatorApp.Row(name: "Zażółć 店舗", department: "logistics", answered: 56, visible: 56, done: true, lastActivity: start,
                           id: ParticipantID(rawValue: "p-00000000000000b2")),
    ]

    /// A report over a few simulated-looking answers, for the results views.
    static func document() -> ReportDocument {
        let order = ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"]
        let setup = ScoringSetup(modules: order.compactMap { id in shippedModules.first { $0.id == id } },
                                 departments: ["ecommerce", "it", "customer-service", "logistics", "stores"], sharedModules: ["omnichannel"], quorum: 2)
        var tally = Tally(setup: setup)
        for (department, current) in [("it", 1), ("it", 3), ("logistics", 2)] {
            let index = tally.department(department)!
            tally.addParticipant(department: index, done: true)
            tally.add(Answer(.maturity(current: .value(current), target: .value(4))), to: "omnichannel.goals.definition", department: index)
            if department == "it" { tally.add(Answer(.maturity(current: .value(current), target: .value(3))), to: "it.platform.releases", department: index) }
        }
        return ReportDocument(title: "Nordic Home", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .english,
                              setup: setup, scores: tally.scores(), goals: [], skipped: [])
    }

    @Test func movingToTheNextPhaseAndRevealingAreAskedFirst() {
        var app = Self.app()
        #expect(app.update(.key(.character("n")), at: Self.start).isEmpty)
        #expect(app.render().lines.contains { $0.contains("Move on to the phase “answer”?") })
        #expect(app.update(.key(.escape), at: Self.start).isEmpty)
        #expect(app.update(.key(.character("n")), at: Self.start).isEmpty)
        #expect(app.update(.key(.enter), at: Self.start) == [.advancePhase(from: nil)])
        #expect(app.update(.key(.character("v")), at: Self.start).isEmpty)
        #expect(app.update(.key(.character("y")), at: Self.start) == [.reveal])
        var revealed = FacilitatorState()
        revealed.revealed = true
        app.receive(.state(revealed))
        #expect(app.update(.key(.character("v")), at: Self.start).isEmpty)  // nothing to ask
        #expect(app.update(.key(.enter), at: Self.start).isEmpty)
    }

    @Test func theDotBudgetIsSetInTheAgenda() {
        var app = Self.app()
        _ = app.update(.key(.character("2")), at: Self.start)
        #expect(app.update(.key(.character("+")), at: Self.start) == [.setVotesPerParticipant(4)])
        #expect(app.update(.key(.character("-")), at: Self.start) == [.setVotesPerParticipant(2)])
        var state = FacilitatorState()
        state.votesPerParticipant = 1
        app.receive(.state(state))
        #expect(app.update(.key(.character("-")), at: Self.start) == [.setVotesPerParticipant(1)])
    }

    @Test func theClockCountsDownAndThenOver() {
        var app = Self.app()
        var state = FacilitatorState()
        state.phaseIndex = 1
        state.phaseStarted = Self.start
        app.receive(.state(state))
        _ = app.update(.tick, at: Timestamp(milliseconds: Self.start.milliseconds + 65_000))
        #expect(app.phaseClock?.secondsLeft == 20 * 60 - 65)
        #expect(app.render().lines[0].contains("Phase 2/4: review · 18:55 left"))
        _ = app.update(.tick, at: Timestamp(milliseconds: Self.start.milliseconds + 21 * 60_000))
        #expect(app.render().lines[0].contains("1:00 over time"))
    }

    @Test func resultsStayHiddenUntilRevealed() {
        var app = Self.app()
        app.show(Self.document())
        _ = app.update(.key(.character("3")), at: Self.start)
        #expect(app.render().lines.contains { $0.contains("Results are hidden until you reveal them") })
        var state = FacilitatorState()
        state.revealed = true
        app.receive(.state(state))
        #expect(app.render().lines.contains { $0.contains("Web shop platform") })
    }

    @Test func anItemOpensFromTheRankedGaps() {
        var app = Self.app()
        var state = FacilitatorState()
        state.revealed = true
        app.receive(.state(state))
        app.show(Self.document())
        _ = app.update(.key(.character("3")), at: Self.start)
        _ = app.update(.key(.tab), at: Self.start)
        let first = app.resultItems.first
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.drillItem == first && first != nil)
        #expect(app.render().lines.contains { $0.contains("don't know") })
        _ = app.update(.key(.escape), at: Self.start)
        #expect(app.drillItem == nil)
    }

    @Test func aGoalIsWrittenCheckedAndSaved() {
        var app = Self.app()
        _ = app.update(.key(.character("5")), at: Self.start)
        #expect(app.render().lines.contains { $0.contains("No goals yet") })
        _ = app.update(.key(.character("a")), at: Self.start)
        func type(_ text: String) { for character in text { _ = app.update(.key(.character(character)), at: Self.start) } }
        func enter() -> [FacilitatorApp.Effect] { app.update(.key(.enter), at: Self.start) }
        for _ in 0..<6 { _ = enter() }
        #expect(enter().isEmpty)  // no statement
        #expect(app.message == "A goal needs a statement.")
        type("Returns accepted in every store")
        _ = enter(); type("Restock time"); _ = enter(); type("6 days"); _ = enter(); type("1 day"); _ = enter()
        type("Åsa P."); _ = enter(); type("2027-13-01"); _ = enter()
        // The gaps are picked from a list by their titles, never typed as ids.
        type("logistics.returns")
        #expect(app.goalForm?.links == [])
        #expect(app.render().lines.contains { $0.contains("none chosen; Space picks them") })
        _ = app.update(.key(.character(" ")), at: Self.start)
        #expect(app.render().lines.contains { $0.contains("The gaps this goal closes") })
        let choices = app.linkChoices(app.goalForm!)
        // Before the reveal: every maturity question, in module order.
        #expect(choices == app.modules.flatMap(\.items).filter { $0.kind.tag == .maturity }.map(\.id.rawValue))
        _ = app.update(.key(.down), at: Self.start)
        _ = app.update(.key(.character(" ")), at: Self.start)
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.goalForm?.links == [choices[1]])
        #expect(app.render().lines.contains { $0.contains(app.linkTitle(choices[1]).prefix(30)) })
        #expect(!app.render().lines.contains { $0.contains(choices[1]) })
        #expect(enter().isEmpty)
        #expect(app.message == "The due date is a date like 2027-06-30, or empty.")
        _ = app.update(.key(.control("u")), at: Self.start)  // the due date field: cleared, then right
        type("2027-03-31")
        _ = enter()
        let effects = enter()
        #expect(effects == [.saveGoal(GoalDraft(id: nil, statement: "Returns accepted in every store", kpi: "Restock time",
                                                baseline: "6 days", target: "1 day", owner: "Åsa P.", due: "2027-03-31",
                                                links: [choices[1]]))])
        // What the failed attempts said is gone once the goal is saved.
        #expect(app.message == nil)
        var state = FacilitatorState()
        state.goals = [Goal(id: "g-1", statement: "Returns accepted in every store", links: ["nope.nope"], created: Self.start, updated: Self.start)]
        app.receive(.state(state))
        // A goal saved elsewhere with a link the session does not know says so when saved again.
        _ = enter()
        _ = app.update(.key(.backTab), at: Self.start)
        #expect(enter().isEmpty)
        #expect(app.message == "“nope.nope” is not an item or dimension id of this session.")
        _ = app.update(.key(.escape), at: Self.start)
        #expect(app.message == nil)
        #expect(app.update(.key(.character("x")), at: Self.start).isEmpty)
        #expect(app.update(.key(.enter), at: Self.start) == [.deleteGoal(id: "g-1")])
        state.goals.append(Goal(id: "g-2", statement: "Second", created: Self.start, updated: Self.start))
        app.receive(.state(state))
        _ = app.update(.key(.down), at: Self.start)
        _ = app.update(.key(.character("x")), at: Self.start)
        #expect(app.update(.key(.enter), at: Self.start) == [.deleteGoal(id: "g-2")])  // ↓ reaches the second goal
        state.goals.removeLast()
        app.receive(.state(state))
        _ = app.update(.key(.character("x")), at: Self.start)
        #expect(app.update(.key(.enter), at: Self.start) == [.deleteGoal(id: "g-1")])  // the selection follows the shorter list
    }

    @Test func everyViewMatchesItsSnapshot() {
        var app = Self.app()
        app.receive(.participants(Self.rows, skippedFiles: 1))
        var state = FacilitatorState()
        state.phaseIndex = 1
        state.phaseStarted = Self.start
        state.revealed = true
        app.receive(.state(state))
        app.show(Self.document())
        var screens: [(String, CellBuffer)] = [("dashboard", app.render())]
        _ = app.update(.key(.character("2")), at: Self.start)
        screens.append(("agenda", app.render()))
        _ = app.update(.key(.character("3")), at: Self.start)
        for name in ["heatmap", "gaps", "disagreements", "perception"] {
            screens.append(("results-\(name)", app.render()))
            _ = app.update(.key(.tab), at: Self.start)
        }
        _ = app.update(.key(.tab), at: Self.start)  // the ranked gaps again
        _ = app.update(.key(.enter), at: Self.start)
        screens.append(("drill-down", app.render()))
        _ = app.update(.key(.escape), at: Self.start)
        _ = app.update(.key(.character("4")), at: Self.start)
        screens.append(("report", app.render()))
        _ = app.update(.key(.character("e")), at: Self.start)
        screens.append(("export", app.render()))
        _ = app.update(.key(.escape), at: Self.start)
        var withGoal = state
        withGoal.goals = [Goal(id: "g-1", statement: "One stock view for the web shop and every store", kpi: "Stock-sync latency",
                               baseline: "24 h", target: "15 min", owner: "IT manager", due: "2027-06-30", links: ["it.orders"],
                               created: Self.start, updated: Self.start)]
        app.receive(.state(withGoal))
        _ = app.update(.key(.character("5")), at: Self.start)
        screens.append(("goals", app.render()))
        _ = app.update(.key(.enter), at: Self.start)
        screens.append(("goal-form", app.render()))
        for (name, buffer) in screens {
            snapshots.expect(buffer.lines.joined(separator: "\n") + "\n", matches: "facilitator-\(name)-100x30.txt")
            for line in buffer.lines { #expect(DisplayWidth.of(line) <= 100, "\(name): \(line)") }
        }
    }
}

@Suite struct FacilitatorExportTests {
    @Test func theReportIsExportedInTheFormatPicked() {
        var app = FacilitatorAppTests.app()
        var state = FacilitatorState()
        _ = app.update(.key(.character("4")), at: FacilitatorAppTests.start)
        #expect(app.update(.key(.character("e")), at: FacilitatorAppTests.start).isEmpty)  // hidden results: nothing to export
        #expect(!app.render().lines.contains { $0.contains("Which format?") })
        state.revealed = true
        app.receive(.state(state))
        app.show(FacilitatorAppTests.document())
        for (letter, format) in [("t", ReportFormat.text), ("m", .markdown), ("H", .html), ("c", .csv), ("j", .json)] {
            #expect(app.update(.key(.character("e")), at: FacilitatorAppTests.start).isEmpty)
            #expect(app.render().lines.contains { $0.contains("Which format?") })
            #expect(app.render().lines.contains { $0.contains("t text · m Markdown · h HTML · c CSV · j JSON · Esc cancel") })
            #expect(app.update(.key(.character(Character(letter))), at: FacilitatorAppTests.start) == [.exportReport(format)])
            #expect(!app.render().lines.contains { $0.contains("Which format?") })
        }
        // A key that names no format leaves the question open; Esc closes it; neither exports.
        _ = app.update(.key(.character("e")), at: FacilitatorAppTests.start)
        for key in [Key.character("x"), .enter, .down] {
            #expect(app.update(.key(key), at: FacilitatorAppTests.start).isEmpty)
            #expect(app.render().lines.contains { $0.contains("Which format?") })
        }
        #expect(app.update(.key(.escape), at: FacilitatorAppTests.start).isEmpty)
        #expect(!app.render().lines.contains { $0.contains("Which format?") })
    }
}

@Suite struct FacilitatorPhaseNameTests {
    @Test func theStandardPhasesAreNamedInTheConsolesLanguage() {
        let modules = ["ecommerce", "omnichannel"].compactMap { id in shippedModules.first { $0.id == id } }
        var app = FacilitatorApp(title: "Warsztat", folder: "/tmp/ws", agenda: AgendaPhase.standard + [AgendaPhase(id: "retro", minutes: 5)],
                                 departments: ["ecommerce"], modules: modules, language: .polish, size: (100, 30), now: FacilitatorAppTests.start)
        var state = FacilitatorState()
        state.phaseIndex = 1
        state.phaseStarted = FacilitatorAppTests.start
        app.receive(.state(state))
        #expect(app.render().lines[0].contains("Etap 2/5: przegląd wyników"))
        _ = app.update(.key(.character("2")), at: FacilitatorAppTests.start)
        let agenda = app.render().lines
        for name in ["1. odpowiedzi", "3. cele", "4. raport", "5. retro"] { #expect(agenda.contains { $0.contains(name) }, "\(name)") }
        _ = app.update(.key(.character("n")), at: FacilitatorAppTests.start)
        #expect(app.render().lines.contains { $0.contains("Przejść do etapu „cele”?") })
    }
}

@Suite struct FacilitatorGoalListTests {
    @Test func theGoalListScrollsToTheSelectedGoal() {
        var app = FacilitatorAppTests.app(size: (80, 24))
        var state = FacilitatorState()
        state.goals = (1...9).map { number in
            Goal(id: "g-\(number)", statement: "Goal number \(number)", kpi: "KPI \(number)", baseline: "1", target: "2", owner: "Owner",
                 due: "2027-01-01", links: [], created: FacilitatorAppTests.start, updated: FacilitatorAppTests.start)
        }
        app.receive(.state(state))
        _ = app.update(.key(.character("5")), at: FacilitatorAppTests.start)
        var screen = app.render().lines
        #expect(screen.contains { $0.contains("1. Goal number 1") } && !screen.contains { $0.contains("9. Goal number 9") })
        #expect(screen.contains { $0.contains("↓ 4") })  // five fit at 80×24, four more below
        for _ in 0..<8 { _ = app.update(.key(.down), at: FacilitatorAppTests.start) }
        screen = app.render().lines
        #expect(screen.contains { $0.contains("9. Goal number 9") } && !screen.contains { $0.contains("1. Goal number 1") })
        #expect(screen.contains { $0.contains("↑ 4") } && !screen[20].contains("↓"))
        for _ in 0..<8 { _ = app.update(.key(.up), at: FacilitatorAppTests.start) }
        #expect(app.render().lines.contains { $0.contains("1. Goal number 1") })
    }
}

@Suite struct FacilitatorReviewFixTests {
    @Test func scrollingStopsAtTheEndAndATooSmallScreenAnswersNoQuestion() {
        var app = FacilitatorAppTests.app()
        app.receive(.participants(FacilitatorAppTests.rows, skippedFiles: 0))
        for _ in 0..<30 { _ = app.update(.key(.down), at: FacilitatorAppTests.start) }
        #expect(app.maximumScroll == 0)
        _ = app.update(.key(.character("n")), at: FacilitatorAppTests.start)  // asks
        _ = app.update(.resize(width: 60, height: 15), at: FacilitatorAppTests.start)
        #expect(app.update(.key(.enter), at: FacilitatorAppTests.start).isEmpty)  // hidden, so not answered
        _ = app.update(.resize(width: 100, height: 30), at: FacilitatorAppTests.start)
        #expect(app.update(.key(.enter), at: FacilitatorAppTests.start) == [.advancePhase(from: nil)])  // still asked, now answered
    }
}

@Suite struct ReportTextArrivalTests {
    @Test func theReportViewSaysTheTextIsComingThenShowsIt() {
        var app = FacilitatorAppTests.app()
        var state = FacilitatorState()
        state.revealed = true
        app.receive(.state(state))
        app.receive(.results(FacilitatorAppTests.document()))
        _ = app.update(.key(.character("4")), at: FacilitatorAppTests.start)
        #expect(app.render().lines[3].contains("Laying out the report…"))
        #expect(app.update(.key(.pageDown), at: FacilitatorAppTests.start).isEmpty)
        app.show(FacilitatorAppTests.document())
        #expect(app.render().lines[3].contains("OMNICHANNEL GAP REPORT"))
    }
}

extension FacilitatorApp {
    /// Feeds an event in, for what a runtime would report.
    mutating func receive(_ event: Event) {
        _ = update(event, at: FacilitatorAppTests.start)
    }

    /// The results as the runtime delivers them: the document and its text report's lines.
    mutating func show(_ document: ReportDocument?) {
        let text = document.map { TextReportRenderer.render($0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        receive(.results(document))
        receive(.reportText(text ?? []))
    }
}

/// Issue 15's promises: only keys that act are offered, a key that cannot act says why, goals
/// link gaps by title, the clock is paused and extended, and the dashboard removes and scrolls.
@Suite struct FacilitatorPromiseTests {
    static let start = FacilitatorAppTests.start

    static func revealed(_ app: inout FacilitatorApp) {
        var state = FacilitatorState()
        state.revealed = true
        app.receive(.state(state))
        app.show(FacilitatorAppTests.document())
    }

    static func rows(_ count: Int, done: Bool = false) -> [FacilitatorApp.Row] {
        (0..<count).map { index in
            FacilitatorApp.Row(name: "Person \(index + 1)", department: "it", answered: 3, visible: 54, done: done, lastActivity: start,
                               id: ParticipantID(rawValue: "p-" + String(repeating: "0", count: 14) + String(format: "%02x", index)))
        }
    }

    func footer(_ app: FacilitatorApp) -> String { app.render().lines.last ?? "" }

    @Test func aParticipantIsRemovedOnlyAfterAYes() {
        var app = FacilitatorAppTests.app()
        app.receive(.participants(FacilitatorAppTests.rows, skippedFiles: 0))
        #expect(footer(app).contains("x remove"))
        _ = app.update(.key(.down), at: Self.start)
        #expect(app.update(.key(.character("x")), at: Self.start).isEmpty)
        let screen = app.render().lines.joined(separator: " ")
        #expect(screen.contains("Remove Zażółć 店舗 (Logistics, 56 answered)?"))
        #expect(screen.contains("y remove · n keep"))
        #expect(app.update(.key(.enter), at: Self.start).isEmpty)  // Enter is no yes here
        _ = app.update(.key(.character("x")), at: Self.start)
        #expect(app.update(.key(.character("y")), at: Self.start)
                == [.removeParticipant(FacilitatorAppTests.rows[1].id!, name: "Zażółć 店舗")])
    }

    @Test func aLongDashboardSaysWhatItShowsAndScrolls() {
        var app = FacilitatorAppTests.app(size: (80, 24))
        app.receive(.participants(Self.rows(57), skippedFiles: 0))
        let room = app.dashboardRoom
        var screen = app.render().lines
        #expect(screen.contains { $0.contains("showing 1–\(room) of 57") })
        #expect(screen.contains { $0.contains("Person 1 ") } && !screen.contains { $0.contains("Person 57") })
        _ = app.update(.key(.pageDown), at: Self.start)
        #expect(app.dashboardSelection == room)
        screen = app.render().lines
        #expect(screen.contains { $0.contains("showing 2–\(room + 1) of 57") })
        _ = app.update(.key(.end), at: Self.start)
        screen = app.render().lines
        #expect(screen.contains { $0.contains("Person 57") } && screen.contains { $0.contains("showing \(57 - room + 1)–57 of 57") })
        _ = app.update(.key(.character("x")), at: Self.start)
        #expect(app.update(.key(.character("y")), at: Self.start) == [.removeParticipant(Self.rows(57)[56].id!, name: "Person 57")])
    }

    /// A results view with nothing in it offers no key to choose or open anything.
    @Test func anEmptyResultsViewOffersOnlyKeysThatAct() {
        var app = FacilitatorAppTests.app()
        var state = FacilitatorState()
        state.revealed = true
        app.receive(.state(state))
        let empty = FacilitatorAppTests.document()
        app.show(ReportDocument(title: empty.title, date: empty.date, sessionID: empty.sessionID, language: .english,
                                setup: empty.setup, scores: Tally(setup: empty.setup).scores(), goals: [], skipped: []))
        _ = app.update(.key(.character("3")), at: Self.start)
        _ = app.update(.key(.tab), at: Self.start)
        _ = app.update(.key(.tab), at: Self.start)
        #expect(app.resultView == .disagreements)
        #expect(!footer(app).contains("Enter") && !footer(app).contains("↑↓") && footer(app).contains("Tab"))
    }

    /// A name too long for its column is cut in the list, and shows whole for the selected row.
    @Test func theSelectedParticipantsLongNameShowsWhole() {
        var app = FacilitatorAppTests.app(size: (80, 24))
        var rows = Self.rows(3)
        let long = "Maria Konstantynopolitańczykiewiczówna-Brzęczyszczykiewicz"
        rows[1].name = long
        app.receive(.participants(rows, skippedFiles: 0))
        #expect(!app.render().lines.contains { $0.contains(long) })
        _ = app.update(.key(.down), at: Self.start)
        #expect(app.render().lines.contains { $0.contains(long + " · IT") })
        #expect(app.render().cuts.isEmpty)
    }

    @Test func keysThatCannotActSaySo() {
        var app = FacilitatorAppTests.app()
        _ = app.update(.key(.character("4")), at: Self.start)
        #expect(!footer(app).contains("export"))
        #expect(app.update(.key(.character("e")), at: Self.start).isEmpty)
        #expect(app.message == "Reveal the results first (v); then the report can be exported.")
        #expect(app.update(.key(.character("t")), at: Self.start).isEmpty)
        #expect(app.message?.hasPrefix("The workshop has not started") == true)
        Self.revealed(&app)
        #expect(footer(app).contains("e export to a file"))
        _ = app.update(.key(.character("v")), at: Self.start)
        #expect(app.message == "The results are already revealed." && app.confirmation == nil)
        var last = FacilitatorState()
        last.phaseIndex = AgendaPhase.standard.count - 1
        last.phaseStarted = Self.start
        app.receive(.state(last))
        _ = app.update(.key(.character("n")), at: Self.start)
        #expect(app.message == "This is the agenda's last phase; there is no next one." && app.confirmation == nil)
        _ = app.update(.key(.character("2")), at: Self.start)
        #expect(app.message == nil)
    }

    @Test func theClockIsPausedAndExtendedFromTheConsole() {
        var app = FacilitatorAppTests.app()
        #expect(!footer(app).contains("pause"))
        var state = FacilitatorState()
        state.phaseStarted = Self.start
        app.receive(.state(state))
        #expect(footer(app).contains("t pause clock · m +5 min"))
        #expect(app.update(.key(.character("t")), at: Self.start) == [.togglePause])
        #expect(app.update(.key(.character("m")), at: Self.start) == [.extendPhase(minutes: 5)])
        state.phasePaused = Self.start
        state.phaseExtraMinutes = 5
        app.receive(.state(state))
        #expect(app.render().lines[0].contains("Phase 1/4: answer · 35:00 left · paused"))
        #expect(footer(app).contains("t restart clock"))
        _ = app.update(.key(.character("2")), at: Self.start)
        #expect(app.render().lines.contains { $0.contains("35 min") && $0.contains("paused") })
    }

    @Test func closingAnsweringSaysWhoHasNotFinished() {
        var app = FacilitatorAppTests.app()
        var state = FacilitatorState()
        state.phaseStarted = Self.start
        app.receive(.state(state))
        app.receive(.participants(FacilitatorAppTests.rows, skippedFiles: 0))
        _ = app.update(.key(.character("n")), at: Self.start)
        #expect(app.render().lines.joined(separator: " ").contains("Not finished yet: Anna K."))
        #expect(app.unfinishedSummary == "Not finished yet: Anna K.")
        _ = app.update(.key(.escape), at: Self.start)
        app.receive(.participants(Self.rows(8) + Self.rows(2, done: true), skippedFiles: 0))
        _ = app.update(.key(.character("n")), at: Self.start)
        #expect(app.unfinishedSummary == "8 have not finished, among them Person 1, Person 2, Person 3.")
        app.receive(.participants(Self.rows(2, done: true), skippedFiles: 0))
        #expect(app.unfinishedSummary == "Everyone has finished answering.")
        // A later phase move closes nothing, so it names nobody.
        _ = app.update(.key(.escape), at: Self.start)
        state.phaseIndex = 1
        app.receive(.state(state))
        _ = app.update(.key(.character("n")), at: Self.start)
        #expect(!app.render().lines.joined(separator: " ").contains("finished"))
    }

    @Test func enterOpensWhatTheFooterPromises() {
        var app = FacilitatorAppTests.app()
        Self.revealed(&app)
        _ = app.update(.key(.character("3")), at: Self.start)
        #expect(footer(app).contains("Enter its questions") && !footer(app).contains("Enter detail"))
        // The heat map: the IT module's first dimension opens to its questions, Esc goes back.
        for _ in 0..<200 where app.selectedResultLine?.full != "Web shop platform" { _ = app.update(.key(.down), at: Self.start) }
        #expect(app.selectedResultLine?.full == "Web shop platform")
        let line = app.resultSelection
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.openDimension == FacilitatorApp.DimensionKey(module: "it", dimension: "platform"))
        #expect(app.resultItems == ["it.platform.releases"])
        #expect(app.render().lines.contains { $0.contains("IT · Web shop platform: its questions") })
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.drillItem == "it.platform.releases")
        _ = app.update(.key(.escape), at: Self.start)
        _ = app.update(.key(.escape), at: Self.start)
        #expect(app.openDimension == nil && app.resultSelection == line)
        // The perception gaps: a dimension opens the same way.
        _ = app.update(.key(.backTab), at: Self.start)
        #expect(footer(app).contains("Enter its questions"))
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.openDimension != nil)
    }

    @Test func aGoalStartsFromAGapsNextStepAndShowsTitles() throws {
        var app = FacilitatorAppTests.app()
        Self.revealed(&app)
        _ = app.update(.key(.character("3")), at: Self.start)
        _ = app.update(.key(.tab), at: Self.start)
        let gap = try #require(app.resultItems.first)
        _ = app.update(.key(.character("g")), at: Self.start)
        #expect(app.view == .goals)
        let form = try #require(app.goalForm)
        #expect(form.links == [gap.rawValue])
        let item = try #require(app.catalog.item(gap))
        let mean = try #require(app.document?.scores.item(gap)?.current)
        let step = try #require(item.kind.nextStep(above: mean))
        #expect(form[.statement].value == step.descriptor.resolved(in: .english))
        let screen = app.render().lines.joined(separator: "\n")
        #expect(screen.contains("Omnichannel · How are the company's omnichannel goals set and followed up?"))
        #expect(!screen.contains(gap.rawValue))
        // In the list of gaps the ranked gaps come first, by their titles; unticking empties it.
        _ = app.update(.key(.backTab), at: Self.start)
        _ = app.update(.key(.character(" ")), at: Self.start)
        #expect(app.linkChoices(app.goalForm!).prefix(2) == app.document!.scores.rankedGaps.prefix(2).map(\.item.rawValue)[...])
        #expect(app.render().lines.contains { $0.contains("[x] Omnichannel · How are the company's omnichannel goals set and followed up?") })
        _ = app.update(.key(.character(" ")), at: Self.start)
        _ = app.update(.key(.enter), at: Self.start)
        #expect(app.goalForm?.links == [])
    }

    @Test func theJoinLineIsACommandToPaste() {
        let app = FacilitatorApp(title: "W", folder: "/tmp/Workshop (May)/s", agenda: AgendaPhase.standard, departments: ["it"],
                                 modules: [], language: .english, size: (100, 30), now: Self.start)
        let lines = app.render().lines
        #expect(lines.contains { $0.hasSuffix("Participants run:") })
        #expect(lines.contains { $0 == "    omnigap join '/tmp/Workshop (May)/s'" })
    }

    /// A command too long for a line goes on in the next after a backslash, broken between
    /// words only: pasted, the lines are one command.
    @Test func aLongJoinCommandBreaksBetweenWords() throws {
        let words = ["/work/a long/.build/debug/omnigap", "join", "/tmp/it's (May) workshop folder"]
        let lines = FacilitatorApp.continuedLines(ShellQuoting.command(words), width: 40)
        #expect(lines == ["'/work/a long/.build/debug/omnigap' \\", "join \\", #"'/tmp/it'\''s (May) workshop folder'"#])
        #expect(FacilitatorApp.continuedLines("omnigap join /tmp/ws", width: 40) == ["omnigap join /tmp/ws"])
        // Pasted into a shell, the lines are the command's words again.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\n' " + lines.joined(separator: "\n")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == words.joined(separator: "\n") + "\n")
    }
}

@Suite struct ReportWrappingTests {
    /// A report line wider than the screen wraps inside its own indent: a sentence of the
    /// summary stays in its column instead of running back to the margin.
    @Test func aWrappedReportLineKeepsItsIndent() {
        let lines = FacilitatorApp.wrapped(["  The biggest gaps are platform and releases, service policy and ownership."], width: 30)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && DisplayWidth.of($0) <= 30 })
        #expect(FacilitatorApp.wrapped([String(repeating: "=", count: 80)], width: 30) == [String(repeating: "=", count: 30)])
    }
}
