import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
import TestSupport
@testable import TerminalUI

/// The shipped modules, loaded once.
let shippedModules: [QuestionnaireModule] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return ModuleLoader.load(paths: [root.appendingPathComponent("Modules").path]).catalog.modules
}()

let snapshots = SnapshotFiles(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots"))

/// A participant app on the shipped modules, with `record` joined when given.
func makeApp(name: String? = nil, department: String? = nil, language: Language? = nil, size: (Int, Int) = (80, 24)) -> ParticipantApp {
    let order = ["ecommerce", "it", "customer-service", "logistics", "omnichannel"]
    let modules = order.compactMap { id in shippedModules.first { $0.id == id } }
    return ParticipantApp(title: "Nordic Home — omnichannel workshop", modules: modules,
                          departments: ["ecommerce", "it", "customer-service", "logistics"], sharedModules: ["omnichannel"],
                          name: name, department: department, language: language, sessionLanguage: .english, size: (size.0, size.1))
}

func record(department: String = "it", language: Language = .english, answers: [ItemID: Answer] = [:]) -> ParticipantRecord {
    let at = Timestamp(milliseconds: 1_795_459_212_345)
    var record = ParticipantRecord(id: ParticipantID(rawValue: "p-0123456789abcdef")!, sessionID: SessionID(rawValue: "s-0123456789abcdef")!,
                                   moduleHashes: [:], profile: Stamped(Profile(name: "Anna K.", department: department, language: language), at: at),
                                   done: Stamped(false, at: at))
    for (item, answer) in answers { record.answers[item] = StoredAnswer(answer: answer, at: at, revision: 1) }
    return record
}

extension ParticipantApp {
    /// Feeds an event in, for what a runtime would report.
    mutating func receive(_ event: Event) {
        _ = update(event)
    }

    /// Feeds keys; a save comes back as saved, as the runtime would report it (the screens have
    /// already put the answer into their record).
    mutating func press(_ keys: Key...) -> [Effect] {
        var all: [Effect] = []
        for key in keys {
            let effects = update(.key(key))
            if effects.contains(where: { if case .save = $0 { true } else { false } }), let current = record { receive(.saved(current)) }
            all += effects
        }
        return all
    }

    mutating func type(_ text: String) -> [Effect] {
        var all: [Effect] = []
        for character in text { all += press(.character(character)) }
        return all
    }
}

@Suite struct ParticipantUpdateTests {
    @Test func theJoinFormAsksOnlyWhatWasNotGiven() {
        var app = makeApp(department: "it", language: .polish)
        #expect(app.joinEffect == nil)
        _ = app.type("  Zażółć  Gęślą ")
        #expect(app.press(.enter) == [.join(name: "Zażółć Gęślą", department: "it", language: .polish)])
        let given = makeApp(name: "Anna", department: "logistics", language: .swedish)
        #expect(given.joinEffect == .join(name: "Anna", department: "logistics", language: .swedish))
    }

    @Test func anEmptyNameIsNotAccepted() {
        var app = makeApp()
        #expect(app.press(.enter).isEmpty)
        #expect(app.message != nil)
        _ = app.type("Bo")
        #expect(app.press(.enter).isEmpty)            // now the department
        #expect(app.press(.down, .down, .enter).isEmpty)  // customer-service, then the language
        #expect(app.press(.down, .enter) == [.join(name: "Bo", department: "customer-service", language: .polish)])
    }

    @Test func digitsSetCurrentThenTargetThenImportance() throws {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        _ = app.press(.enter)  // the first dimension: its first open item, a choice
        #expect(app.screen == .item)
        _ = app.press(.enter)  // a single choice takes the highlighted option and moves on
        let upkeep: ItemID = "it.platform.upkeep"
        #expect(app.currentItem == upkeep)
        let effects = app.press(.character("2"), .character("4"), .character("3"))
        #expect(effects.count == 3)
        #expect(app.record?.currentAnswers[upkeep] == Answer(.maturity(current: .value(2), target: .value(4)), importance: 3))
        _ = app.press(.tab, .character("0"))  // Tab from importance goes to current; 0 is don't know
        #expect(app.record?.currentAnswers[upkeep]?.value == .maturity(current: .dontKnow, target: .value(4)))
    }

    @Test func enterKeepsADontKnowOnASingleChoice() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        _ = app.press(.enter)  // it.platform.operator, a single choice
        _ = app.press(.character("0"))
        #expect(app.press(.enter).isEmpty)
        #expect(app.record?.currentAnswers["it.platform.operator"]?.value == .choice(.dontKnow))
    }

    @Test func aCommentIsTypedAndSavedWithTheAnswer() {
        var app = makeApp(name: "Anna", department: "it", language: .polish)
        app.receive(.joined(record(language: .polish, answers: ["it.platform.operator": Answer(.choice(.value(["agency"])))])))
        _ = app.press(.enter)  // opens the first open item: it.platform.upkeep
        _ = app.press(.character("c"))
        _ = app.type("Zażółć gęślą jaźń")
        _ = app.press(.left, .left, .backspace, .character("ź"))
        let effects = app.press(.enter)
        #expect(effects.count == 1)
        // Two left from the end, a backspace takes the "a" before the cursor, and "ź" goes in its place.
        #expect(app.record?.currentAnswers["it.platform.upkeep"]?.comment == "Zażółć gęślą jźźń")
    }

    @Test func conditionalItemsAppearWhenTheirConditionHolds() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        let pimCoverage: ItemID = "it.product-data.pim-coverage"
        #expect(!app.visibleItems.contains { $0.item.id == pimCoverage })
        app.receive(.saved(record(answers: ["it.product-data.pim": Answer(.choice(.value(["yes"])))])))
        #expect(app.visibleItems.contains { $0.item.id == pimCoverage })
    }

    @Test func numbersAreCheckedAgainstTheirBounds() throws {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        let uptime = try #require(app.visibleItems.first { $0.item.id == "it.platform.uptime" }?.item)
        app.open(uptime)
        _ = app.type("150")
        #expect(app.press(.enter).isEmpty)  // 150 % is out of 0…100
        #expect(app.message?.contains("0 to 100") == true)
        _ = app.press(.backspace, .backspace, .backspace)
        _ = app.type("99,5")
        _ = app.press(.tab)
        _ = app.type("?")
        let effects = app.press(.enter)
        #expect(effects == [.save(item: "it.platform.uptime", answer: Answer(.number(current: .value(99.5), target: .dontKnow)))])
    }

    @Test func theReviewListsOpenQuestionsAndMarksDone() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        _ = app.press(.character("r"))
        #expect(app.screen == .review)
        #expect(app.unansweredItems.count == app.visibleItems.count)
        #expect(app.press(.character("D")).isEmpty)  // asks first
        #expect(app.render().lines.contains { $0.contains("Mark yourself done?") })
        #expect(app.press(.escape).isEmpty && app.screen == .review)  // no
        #expect(app.press(.character("D"), .enter) == [.setDone(true)])
        #expect(app.press(.escape).isEmpty && app.screen == .overview)
    }

    @Test func tooSmallAScreenOnlyAcceptsQuit() {
        var app = makeApp(name: "Anna", department: "it", language: .english, size: (60, 15))
        app.receive(.joined(record()))
        #expect(app.press(.enter).isEmpty && app.screen == .overview)
        #expect(app.press(.character("q")) == [.quit])
        #expect(app.render().lines[0].contains("80×24 (now 60×15)"))
        _ = app.update(.resize(width: 80, height: 24))
        #expect(app.render().lines[2].contains("Your questions"))
    }

    @Test func afterAnsweringClosesEditsAreRefused() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        app.receive(.workshop(.init(closedPhase: "review")))
        #expect(app.render().lines[1].contains("Answering is closed: the workshop has moved on to “review”"))
        _ = app.press(.enter, .enter)  // to the first maturity item; a choice would have been saved
        #expect(app.press(.character("2")).isEmpty)
        #expect(app.message == "Answering is closed: this answer was not changed.")
        #expect(app.record?.answers.isEmpty == true)
        _ = app.press(.escape, .character("r"))
        #expect(app.press(.character("D"), .enter).isEmpty)
    }

    @Test func theClosedPhaseIsNamedInTheParticipantsLanguage() {
        var app = makeApp(name: "Anna", department: "it", language: .polish)
        app.receive(.joined(record(language: .polish)))
        app.receive(.workshop(.init(closedPhase: "review")))
        #expect(app.render().lines[1].contains("etapu „przegląd wyników”"))
    }

    @Test func dotsAreSpentWithinTheBudget() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        _ = app.press(.character("v"))
        #expect(app.screen == .overview && app.message == "Voting opens when the facilitator reveals the results.")
        app.receive(.workshop(.init(voting: .init(items: ["it.platform.upkeep", "omnichannel.goals.definition"], budget: 3))))
        _ = app.press(.character("v"))
        #expect(app.screen == .vote)
        func apply(_ effects: [ParticipantApp.Effect]) {
            for case .setVotes(let dots) in effects {
                var current = app.record!
                current.votes = Stamped(dots, at: current.profile.at)
                app.receive(.saved(current))
            }
        }
        apply(app.press(.character("+")))
        apply(app.press(.character("+")))
        apply(app.press(.down, .character(" ")))
        #expect(app.press(.character("+")).isEmpty)  // the three dots are spent
        #expect(app.record?.votes?.value == ["it.platform.upkeep": 2, "omnichannel.goals.definition": 1])
        #expect(app.render().lines.contains { $0.contains("Dots left: 0 of 3") })
        apply(app.press(.up, .character("-")))
        #expect(app.record?.votes?.value == ["it.platform.upkeep": 1, "omnichannel.goals.definition": 1])
        app.receive(.workshop(.init(closedPhase: "review", voting: app.voting)))  // voting happens after answering closes
        apply(app.press(.character("+")))
        #expect(app.record?.votes?.value["it.platform.upkeep"] == 2)
    }

    @Test func reviewFixes() throws {
        // "p" is a letter in a free answer, not "previous".
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        let text = try #require(app.visibleItems.first { $0.item.kind.tag == .text }?.item)
        app.open(text)
        _ = app.type("help")
        #expect(app.currentItem == text.id && app.editor?.text.value == "help")
        // Enter on a single choice that unlocks a question goes to that question.
        let pim = try #require(app.visibleItems.first { $0.item.id == "it.product-data.pim" }?.item)
        app.open(pim)
        _ = app.press(.enter)  // the first option, "yes", unlocks the PIM coverage question
        #expect(app.currentItem == "it.product-data.pim-coverage")
        // A number item takes a comment, and emptying both values clears the answer.
        let uptime = try #require(app.visibleItems.first { $0.item.id == "it.platform.uptime" }?.item)
        app.open(uptime)
        _ = app.type("99")
        _ = app.press(.enter)
        #expect(app.record?.currentAnswers["it.platform.uptime"] != nil)
        app.open(uptime)
        _ = app.press(.character("c"))
        #expect(app.editor?.comment != nil)
        _ = app.press(.escape)
        _ = app.press(.backspace, .backspace)
        let effects = app.press(.enter)
        #expect(effects == [.save(item: "it.platform.uptime", answer: nil)])
        // An item that stops being asked while open sends the screen back to the overview.
        let coverage = try #require(app.visibleItems.first { $0.item.id == "it.product-data.pim-coverage" }?.item)
        app.open(coverage)
        app.receive(.refreshed(record(answers: ["it.product-data.pim": Answer(.choice(.value(["no"])))])))
        #expect(app.screen == .overview)
    }

    @Test func aFailedJoinOpensTheForm() {
        var app = makeApp(name: "Anna K.", department: "logistics", language: .english)
        app.receive(.failed("\"Anna K.\" has already joined for it"))
        #expect(app.render().lines.contains { $0.contains("Your name:") })
        _ = app.type(" 2")
        #expect(app.press(.enter).isEmpty)  // then the department
        #expect(app.press(.enter) == [.join(name: "Anna K. 2", department: "logistics", language: .english)])
    }

    @Test func interruptQuits() {
        var app = makeApp()
        #expect(app.update(.interrupt) == [.quit])
    }
}

@Suite struct OverviewScrollTests {
    /// A custom department module with twelve dimensions, plus the shared module's eight: 20
    /// dimensions and two module titles, more than an 80×24 screen has lines for.
    @Test func theSelectedDimensionIsAlwaysOnScreen() {
        let text = { (english: String) in LocalizedText([.english: english]) }
        let big = QuestionnaireModule(
            id: "big", version: "1", languages: [.english], title: text("Big department"), intro: text(""),
            dimensions: (1...12).map { number in
                Dimension(id: "d\(number)", title: text("Area number \(number)"), items: [
                    Item(id: ItemID("big.d\(number).q"), kind: .maturity(levels: (1...4).map { text("Level \($0)") }), prompt: text("Question \(number)?")),
                ])
            })
        let shared = shippedModules.first { $0.id == "omnichannel" }!
        var app = ParticipantApp(title: "Big", modules: [big, shared], departments: ["big"], sharedModules: ["omnichannel"],
                                 name: "Anna", department: "big", language: .english, sessionLanguage: .english, size: (80, 24))
        app.receive(.joined(record(department: "big")))
        let titles = app.dimensionRows.map { $0.dimension.title.resolved(in: .english) }
        #expect(titles.count == 20)
        for index in 0..<titles.count {
            let screen = app.render().lines
            let line = screen.firstIndex { $0.contains(titles[index]) }
            #expect(line != nil, "dimension \(index + 1), \(titles[index]), is off the screen")
            if let line { #expect(line >= 4 && line < 21) }
            _ = app.press(.down)
        }
        // Back at the top, the first module's title shows again.
        for _ in titles { _ = app.press(.up) }
        #expect(app.render().lines[4].contains("Big department"))
    }
}
