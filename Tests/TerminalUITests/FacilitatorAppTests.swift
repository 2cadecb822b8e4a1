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
        let order = ["ecommerce", "it", "customer-service", "logistics", "omnichannel"]
        return FacilitatorApp(title: "Nordic Home — omnichannel workshop", folder: "/tmp/ws", agenda: AgendaPhase.standard,
                              departments: ["ecommerce", "it", "customer-service", "logistics"],
                              modules: order.compactMap { id in shippedModules.first { $0.id == id } },
                              language: .english, size: (size.0, size.1), now: start)
    }

    static let rows = [
        FacilitatorApp.Row(name: "Anna K.", department: "it", answered: 20, visible: 54, done: false, lastActivity: start),
        FacilitatorApp.Row(name: "Zażółć 店舗", department: "logistics", answered: 56, visible: 56, done: true, lastActivity: start),
    ]

    /// A report over a few simulated-looking answers, for the results views.
    static func document() -> ReportDocument {
        let order = ["ecommerce", "it", "customer-service", "logistics", "omnichannel"]
        let setup = ScoringSetup(modules: order.compactMap { id in shippedModules.first { $0.id == id } },
                                 departments: ["ecommerce", "it", "customer-service", "logistics"], sharedModules: ["omnichannel"], quorum: 2)
        var tally = Tally(setup: setup)
        for (department, current) in [("it", 1), ("it", 3), ("logistics", 2)] {
            let index = tally.department(department)!
            tally.addParticipant(department: index, done: true)
            tally.add(Answer(.maturity(current: .value(current), target: .value(4))), to: "omnichannel.goals.definition", department: index)
            if department == "it" { tally.add(Answer(.maturity(current: .value(current), target: .value(3))), to: "it.platform.upkeep", department: index) }
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
        #expect(app.render().lines.contains { $0.contains("Platform and releases") })
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
        type("Åsa P."); _ = enter(); type("2027-13-01"); _ = enter(); type("logistics.returns, nope.nope")
        #expect(enter().isEmpty)
        #expect(app.message == "The due date is a date like 2027-06-30, or empty.")
        _ = app.update(.key(.control("u")), at: Self.start)  // the due date field: cleared, then right
        type("2027-03-31")
        _ = enter()
        #expect(enter().isEmpty)
        #expect(app.message == "“nope.nope” is not an item or dimension id of this session.")
        _ = app.update(.key(.control("u")), at: Self.start)
        type("logistics.returns")
        let effects = enter()
        #expect(effects == [.saveGoal(GoalDraft(id: nil, statement: "Returns accepted in every store", kpi: "Restock time",
                                                                baseline: "6 days", target: "1 day", owner: "Åsa P.", due: "2027-03-31",
                                                                links: ["logistics.returns"]))])
        var state = FacilitatorState()
        state.goals = [Goal(id: "g-1", statement: "Returns accepted in every store", created: Self.start, updated: Self.start)]
        app.receive(.state(state))
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
