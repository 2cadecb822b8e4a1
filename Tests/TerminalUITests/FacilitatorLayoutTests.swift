import Basics
import Foundation
import GapReport
import Questionnaire
import Scoring
import SessionModel
import Testing
@testable import TerminalUI

/// Every screen of the console, in every state a workshop brings it to, in all four languages
/// at every size the workshop must work at, with the longest texts the shipped modules have:
/// nothing may be cut without an ellipsis, and nothing English may stay on a translated screen.
///
/// The texts are found by scanning the modules, not listed, so a longer question added to a
/// module tomorrow is laid out by this test the day it arrives.
@Suite struct FacilitatorLayoutTests {
    static let order = ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"]
    static let departments = ["ecommerce", "it", "customer-service", "logistics", "stores"]
    static let start = Timestamp(milliseconds: 1_795_459_212_345)
    static var modules: [QuestionnaireModule] { order.compactMap { id in shippedModules.first { $0.id == id } } }

    /// What people type, the same in every language: the session's title, names, goals.
    static let title = "Nordic Home Sp. z o.o. — omnichannel workshop of the whole management team, autumn 2026"
    static let folder = "/srv/workshops/Nordic Home (autumn 2026)/the session folder of the management team's workshop"
    static let longName = "Aleksandra Małgorzata Wiśniewska-Kowalczyk von Hohenzollern-Sigmaringen"
    static let goalStatement = "Every customer sees one stock figure for the web shop, the app and every store, updated within "
        + "fifteen minutes, so that click and collect orders are never promised from stock that is already sold elsewhere"
    static let userTexts = [title, folder, longName, goalStatement, "Stock synchronisation latency across every channel",
                            "Head of IT operations and the e-commerce platform team", "Person", "nope.nope", "the cause is the process"]

    /// Maturity items whose prompts are the longest in `language`, a few from each module.
    static func longestItems(_ language: Language) -> [Item] {
        modules.flatMap { module in
            module.items.filter { $0.kind.tag == .maturity }
                .sorted { DisplayWidth.of($0.prompt.resolved(in: language)) > DisplayWidth.of($1.prompt.resolved(in: language)) }
                .prefix(4)
        }
    }

    /// The dimension with the longest title in `language`, and its module.
    static func longestDimension(_ language: Language) -> (module: String, dimension: Questionnaire.Dimension) {
        let all = modules.flatMap { module in module.dimensions.map { (module.id, $0) } }
        let longest = all.max { DisplayWidth.of($0.1.title.resolved(in: language)) < DisplayWidth.of($1.1.title.resolved(in: language)) }!
        return (longest.0, longest.1)
    }

    /// Results over the longest items, answered far apart by the four departments so that they
    /// rank, disagree and differ in perception, with comments as long as a participant writes.
    static func document(_ language: Language) -> ReportDocument {
        let setup = ScoringSetup(modules: modules, departments: departments, sharedModules: ["omnichannel"], quorum: 2)
        var tally = Tally(setup: setup)
        let dimension = longestDimension(language)
        let items = longestItems(language) + dimension.dimension.items.filter { $0.kind.tag == .maturity }
        for (index, department) in departments.enumerated() {
            let slot = tally.department(department)!
            for person in 0..<2 {
                tally.addParticipant(department: slot, done: person == 0)
                for item in items {
                    let current = [1, 4, 2, 3][(index + person) % 4]
                    tally.add(Answer(.maturity(current: .value(current), target: .value(4)), importance: 3,
                                     comment: "\(longName): " + String(repeating: "the cause is the process ", count: 6)),
                              to: item.id, department: slot)
                }
            }
        }
        return ReportDocument(title: title, date: "2026-11-23", sessionID: "s-0123456789abcdef", language: language,
                              setup: setup, scores: tally.scores(), goals: [], skipped: [])
    }

    static func rows() -> [FacilitatorApp.Row] {
        (0..<57).map { index in
            FacilitatorApp.Row(name: index % 3 == 0 ? "\(longName) \(index + 1)" : "Person \(index + 1)",
                               department: departments[index % departments.count], answered: index, visible: 56, done: index % 4 == 0,
                               lastActivity: start, id: ParticipantID(rawValue: "p-" + String(repeating: "0", count: 12) + String(format: "%04x", index)))
        }
    }

    static func goals(_ language: Language) -> [Goal] {
        let links = longestItems(language).prefix(3).map(\.id.rawValue) + [longestDimension(language).module + "." + longestDimension(language).dimension.id]
        return (1...6).map { number in
            Goal(id: "g-\(number)", statement: number == 3 ? goalStatement : "Person \(number)", kpi: "Stock synchronisation latency across every channel",
                 baseline: "24", target: "15", owner: "Head of IT operations and the e-commerce platform team", due: "2027-06-30",
                 links: number == 3 ? links : [], created: start, updated: start)
        }
    }

    /// Every console screen and state, in order, each with a name: what a workshop goes through.
    static func screens(_ language: Language, size: (Int, Int)) -> [(String, CellBuffer)] {
        var app = FacilitatorApp(title: title, folder: folder, agenda: AgendaPhase.standard, departments: departments, modules: modules,
                                 language: language, size: size, now: start)
        var frames: [(String, CellBuffer)] = []
        func shot(_ name: String) { frames.append((name, app.render())) }
        func press(_ keys: Key...) { for key in keys { _ = app.update(.key(key), at: start) } }
        func receive(_ event: FacilitatorApp.Event) { _ = app.update(event, at: start) }
        let words = FacilitatorStrings.forLanguage(language)

        shot("dashboard-empty")
        var state = FacilitatorState()
        state.phaseStarted = start
        state.phasePaused = start
        state.phaseExtraMinutes = 15
        receive(.state(state))
        receive(.participants(rows(), skippedFiles: 3))
        shot("dashboard")
        press(.end)
        shot("dashboard-end")
        press(.character("x"))
        shot("confirm-remove")
        press(.escape)
        // Serving over SSH: the join panel with several addresses, the connected marks, a
        // resume code shown (with a key, locked, none), the join screen for the projector.
        let connected = Set(rows().prefix(20).compactMap(\.id))
        receive(.serving(.init(joinCommands: ["ssh -p 2222 192.168.100.200", "ssh -p 2222 fd00:1234:5678:9abc:def0:1234:5678:9abc"],
                               code: "thistle-4821", fingerprint: "SHA256:hRPz1Ar/khBr/VCV74vzRWXIdmFJHL0BtxS9oNV/6CY",
                               screens: 23, connected: connected)))
        press(.home)
        shot("dashboard-serving")
        receive(.access(.init(id: rows()[0].id!, name: longName, code: "482-193", clientKey: "SHA256:hRPz1Ar/khBr/VCV74vzRWXIdmFJHL0BtxS9oNV/6CY",
                              wrongCodes: 2, maximumWrongCodes: 5, locked: false)))
        shot("resume-code-with-key")
        press(.escape)
        receive(.access(.init(id: rows()[0].id!, name: longName, code: "482-193", clientKey: nil, wrongCodes: 5, maximumWrongCodes: 5, locked: true)))
        shot("resume-code-locked")
        press(.escape)
        receive(.access(.init(id: rows()[0].id!, name: longName, code: nil, clientKey: nil, wrongCodes: 0, maximumWrongCodes: 5, locked: false)))
        shot("resume-code-none")
        press(.escape)
        press(.character("j"))
        shot("join-screen")
        press(.escape)
        press(.character("2"))
        shot("agenda")
        press(.character("n"))
        shot("confirm-close-answering")
        press(.escape, .character("3"))
        shot("results-hidden")
        press(.character("4"))
        shot("report-hidden")
        press(.character("e"))
        shot("report-message-export-before-reveal")
        press(.character("v"))
        shot("report-confirm-reveal")
        press(.escape)

        state.revealed = true
        state.phaseIndex = 1
        state.goals = goals(language)
        receive(.state(state))
        let document = document(language)
        receive(.results(document))
        receive(.reportText(TextReportRenderer.render(document).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        press(.character("v"))
        shot("report-message-already-revealed")
        press(.character("3"))
        shot("heat-map")
        press(.pageDown, .pageDown)
        shot("heat-map-scrolled")
        let longest = longestDimension(language)
        // From the top: the page-downs above may have passed it.
        for _ in 0..<app.resultLineCount where app.resultSelection > 0 { press(.up) }
        while let line = app.selectedResultLine, line.opens != .dimension(.init(module: longest.module, dimension: longest.dimension.id)),
              app.resultSelection < app.resultLineCount - 1 {
            press(.down)
        }
        shot("heat-map-longest-dimension")
        press(.enter)
        shot("dimension-questions")
        press(.enter)
        shot("dimension-item")
        press(.escape, .escape, .tab)
        shot("ranked-gaps")
        let longestItem = longestItems(language).max { DisplayWidth.of($0.prompt.resolved(in: language)) < DisplayWidth.of($1.prompt.resolved(in: language)) }!
        while app.resultItems.indices.contains(app.resultSelection), app.resultItems[app.resultSelection] != longestItem.id,
              app.resultSelection < app.resultLineCount - 1 {
            press(.down)
        }
        shot("ranked-gaps-longest")
        press(.enter)
        shot("item-detail")
        press(.escape, .character("s"))
        shot("ranked-gaps-by-dots")
        press(.tab)
        shot("disagreements")
        press(.pageDown)
        shot("disagreements-scrolled")
        press(.tab)
        shot("perception")
        press(.pageDown)
        shot("perception-scrolled")
        press(.enter)
        shot("perception-dimension")
        press(.escape, .character("4"))
        shot("report")
        press(.pageDown, .pageDown)
        shot("report-scrolled")
        press(.character("e"))
        shot("report-confirm-export")
        press(.escape)
        receive(.informed(FacilitatorStrings.fill(words.exported, ["path": folder + "/report-2026-11-23-\(language.rawValue).html"])))
        shot("report-message-exported")
        press(.character("5"))
        shot("goals")
        press(.down, .down)
        shot("goals-long")
        press(.character("x"))
        shot("confirm-delete-goal")
        press(.escape, .enter)
        shot("goal-form")
        press(.backTab)
        shot("goal-form-gaps")
        press(.character(" "))
        shot("gap-list")
        for _ in 0..<4 { press(.down) }
        press(.character(" "))
        shot("gap-list-ticked")
        press(.enter, .escape, .character("a"))
        shot("goal-form-new")
        for _ in 0..<7 { press(.enter) }
        shot("message-goal-needs-statement")
        press(.escape)
        var last = state
        last.phaseIndex = AgendaPhase.standard.count - 1
        receive(.state(last))
        press(.character("2"), .character("n"))
        shot("message-last-phase")
        receive(.failed(String(repeating: "\(folder) ", count: 3)))
        shot("message-failed")
        return frames + followUpScreens(language, size: size)
    }

    /// A follow-up session's screens: Results → Since last time, the goals under review, and a
    /// review's form, with the earlier session named by the longest title.
    static func followUpScreens(_ language: Language, size: (Int, Int)) -> [(String, CellBuffer)] {
        var app = FacilitatorApp(title: title, folder: folder, agenda: AgendaPhase.standard, departments: departments, modules: modules,
                                 language: language, size: size, now: start, earlierSession: title + " (2026-05-20)")
        var frames: [(String, CellBuffer)] = []
        func shot(_ name: String) { frames.append((name, app.render())) }
        func press(_ keys: Key...) { for key in keys { _ = app.update(.key(key), at: start) } }
        var state = FacilitatorState()
        state.revealed = true
        state.phaseIndex = 1
        state.goals = Array(goals(language).prefix(2))
        state.reviews = goals(language).map { GoalReview(goal: $0, actual: "Stock synchronisation latency across every channel",
                                                         status: $0.id == "g-3" ? .late : nil, note: goalStatement) }
        _ = app.update(.state(state), at: start)
        var now = document(language)
        let setup = now.setup
        let then = ComparedSession(label: "2026-05-20", sessionID: "s-00000000000000a1", title: title, date: "2026-05-20", follows: nil,
                                   setup: setup, scores: Tally(setup: setup).scores())
        let current = ComparedSession(label: "2026-11-23", sessionID: now.sessionID, title: title, date: "2026-11-23",
                                      follows: then.sessionID, setup: setup, scores: now.scores)
        let review = GoalReviewSection(earlier: title + " (2026-05-20)", reviews: [])
        let comparison = ComparisonDocument(comparison: try! SessionComparison(sessions: [then, current]), language: language,
                                            review: review, skipped: [])
        now.followUp = FollowUpSection(earlier: review.earlier, review: review, unavailable: nil, comparison: comparison)
        _ = app.update(.results(now), at: start)
        press(.character("3"), .backTab)
        shot("since-last-time")
        press(.pageDown, .pageDown)
        shot("since-last-time-scrolled")
        press(.character("5"))
        shot("goals-under-review")
        press(.down, .down, .enter)
        shot("review-form")
        press(.tab, .right)
        shot("review-form-status")
        press(.escape)
        return frames
    }

    @Test(arguments: Language.allCases)
    func nothingIsCutWithoutAnEllipsis(_ language: Language) {
        for (width, height) in LayoutChecks.sizes {
            for (name, frame) in Self.screens(language, size: (width, height)) {
                let cuts = LayoutChecks.cuts(in: frame)
                #expect(cuts.isEmpty, "\(language.rawValue) \(name) at \(width)×\(height):\n\(cuts.joined(separator: "\n"))\n\(frame.lines.joined(separator: "\n"))")
                for line in frame.lines { #expect(DisplayWidth.of(line) <= width, "\(name): \(line)") }
            }
        }
    }

    /// Texts that must show whole on a screen (wrapped, perhaps, but never cut, not even with an
    /// ellipsis): labels that are not list rows, and the full text under a list.
    static func wholeTexts(_ language: Language) -> [String: [String]] {
        let document = document(language)
        let stages = MaturityStage.allCases.map { $0.name.resolved(in: language) }
        let longestItem = longestItems(language).max { DisplayWidth.of($0.prompt.resolved(in: language)) < DisplayWidth.of($1.prompt.resolved(in: language)) }!
        let firstDisagreement = document.scores.disagreements.first.map { document.moduleTitle($0.module) + " · " + document.prompt($0.item) }
        return [
            "item-detail": stages + [document.prompt(longestItem.id)],
            "dimension-item": stages,
            // The matrix's header wraps a department's name in its column: each word stands whole.
            "perception": departments.flatMap { id in modules.first { $0.id == id }!.title.resolved(in: language).split(separator: " ").map(String.init) },
            "ranked-gaps-longest": [document.prompt(longestItem.id)],
            "disagreements": [firstDisagreement].compactMap { $0 },
            "goals-long": [goalStatement, "Head of IT operations and the e-commerce platform team"],
            "dashboard-empty": [ShellQuoting.command(["omnigap", "join", folder])],
        ]
    }

    /// Whether `text` shows on `frame`, wherever it was wrapped (a command goes on after a
    /// backslash at the end of its line).
    static func shows(_ text: String, on frame: CellBuffer) -> Bool {
        let squeezed = { (text: String) in text.filter { !$0.isWhitespace && $0 != "\\" } }
        return squeezed(frame.lines.joined()).contains(squeezed(text))
    }

    @Test(arguments: Language.allCases)
    func labelsAndSelectedLinesShowWhole(_ language: Language) {
        let whole = Self.wholeTexts(language)
        for (width, height) in LayoutChecks.sizes {
            for (name, frame) in Self.screens(language, size: (width, height)) {
                for text in whole[name] ?? [] {
                    let shown = Self.shows(text, on: frame)
                    #expect(shown, "\(language.rawValue) \(name) at \(width)×\(height): \(text)\n\(frame.lines.joined(separator: "\n"))")
                }
            }
        }
    }

    /// Words the modules themselves use in English and in the other language (trade terms,
    /// system names): the module's authors chose them, the console only shows them.
    static func moduleWords(_ language: Language) -> Set<String> {
        let texts: (Language) -> [String] = { language in
            modules.flatMap { module in
                [module.title.resolved(in: language)] + module.dimensions.map { $0.title.resolved(in: language) }
                    + module.items.map { $0.prompt.resolved(in: language) }
            } + MaturityStage.allCases.map { $0.name.resolved(in: language) }
        }
        return LayoutChecks.words(in: texts(.english)).intersection(LayoutChecks.words(in: texts(language)))
    }

    /// `words` and their beginnings, as a label cut with an ellipsis shows them.
    static func withBeginnings(_ words: Set<String>) -> Set<String> {
        Set(words.flatMap { word in (3...max(3, word.count)).map { String(word.prefix($0)) } })
    }

    /// Words that are the same in English and in the language: the minute's abbreviation, the
    /// command line's words and the session folder's, and words the language has borrowed.
    static let sharedWords: [Language: Set<String>] = [
        .polish: ["min", "join", "status", "removed"],
        .swedish: ["min", "join", "status", "removed", "gap", "format"],
        .italian: ["min", "join", "status", "removed", "file"],
    ]

    @Test(arguments: [Language.polish, .swedish, .italian])
    func noEnglishOnATranslatedScreen(_ language: Language) {
        // The join line, the code and the host key are typed and compared as they are; macOS,
        // Windows, Linux, PowerShell and Terminal are names; Italian says "password".
        let serving = Set(["ssh", "sha", "thistle", "macos", "windows", "linux", "powershell", "terminal", "password"])
            .union(LayoutChecks.words(in: ["SHA256:hRPz1Ar/khBr/VCV74vzRWXIdmFJHL0BtxS9oNV/6CY", "fd00:1234:5678:9abc:def0:1234:5678:9abc"]))
        let allowed = Self.withBeginnings(LayoutChecks.words(in: Self.userTexts).union(Self.moduleWords(language)).union(serving))
            .union(Self.sharedWords[language] ?? [])
        for (width, height) in LayoutChecks.sizes {
            let english = Self.screens(.english, size: (width, height))
            let translated = Self.screens(language, size: (width, height))
            // A failure's reason comes from the session in English, and the report view shows the
            // text report, whose words are the report's (its own tests check them): neither is
            // the console's text.
            for ((name, englishFrame), (_, translatedFrame)) in zip(english, translated)
            where name != "message-failed" && !name.hasPrefix("report") {
                let words = LayoutChecks.untranslatedWords(english: englishFrame, translated: translatedFrame, allowed: allowed)
                #expect(words.isEmpty, "\(language.rawValue) \(name) at \(width)×\(height): \(words.sorted())\n\(translatedFrame.lines.joined(separator: "\n"))")
            }
        }
    }
}
