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
    let order = ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"]
    let modules = order.compactMap { id in shippedModules.first { $0.id == id } }
    return ParticipantApp(title: "Nordic Home — omnichannel workshop", modules: modules,
                          departments: ["ecommerce", "it", "customer-service", "logistics", "stores"], sharedModules: ["omnichannel"],
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

extension CellBuffer {
    /// The screen's words in reading order: rows joined, box borders dropped, runs of spaces
    /// made one, so a sentence wrapped over rows (or inside a box) reads as one.
    var flatText: String {
        lines.joined(separator: " ").replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
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
        _ = app.press(.enter)  // the first dimension: the module's introduction first
        #expect(app.screen == .intro)
        _ = app.press(.enter)  // then its first open item, a choice
        #expect(app.screen == .item)
        #expect(app.press(.enter).isEmpty)  // Enter on an unanswered single choice moves on and records nothing
        #expect(app.record?.answers.isEmpty == true)
        let upkeep: ItemID = "it.platform.releases"
        #expect(app.currentItem == upkeep)
        let effects = app.press(.character("2"), .character("4"), .character("3"))
        #expect(effects.count == 3)
        #expect(app.record?.currentAnswers[upkeep] == Answer(.maturity(current: .value(2), target: .value(4)), importance: 3))
        _ = app.press(.tab, .character("?"))  // Tab from importance goes to current; ? is don't know
        #expect(app.record?.currentAnswers[upkeep]?.value == .maturity(current: .dontKnow, target: .value(4)))
    }

    @Test func enterKeepsADontKnowOnASingleChoice() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        _ = app.press(.enter, .enter)  // past the introduction to it.platform.operator, a single choice
        _ = app.press(.character("?"))
        #expect(app.press(.enter).isEmpty)
        #expect(app.record?.currentAnswers["it.platform.operator"]?.value == .choice(.dontKnow))
    }

    @Test func aCommentIsTypedAndSavedWithTheAnswer() {
        var app = makeApp(name: "Anna", department: "it", language: .polish)
        app.receive(.joined(record(language: .polish, answers: ["it.platform.operator": Answer(.choice(.value(["agency"])))])))
        _ = app.press(.enter, .enter)  // the introduction, then the first open item: it.platform.releases
        _ = app.press(.character("c"))
        _ = app.type("Zażółć gęślą jaźń")
        _ = app.press(.left, .left, .backspace, .character("ź"))
        let effects = app.press(.enter)
        #expect(effects.count == 1)
        // Two left from the end, a backspace takes the "a" before the cursor, and "ź" goes in its place.
        #expect(app.record?.currentAnswers["it.platform.releases"]?.comment == "Zażółć gęślą jźźń")
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
        #expect(app.message == "150 is not possible here: the value must be between 0 and 100.")
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
        #expect(app.render().lines.contains { $0.contains("\(app.unansweredItems.count) questions are still open. Mark yourself done") })
        #expect(app.press(.escape).isEmpty && app.screen == .review)  // no
        #expect(app.press(.character("D"), .enter) == [.setDone(true)])
        #expect(app.press(.escape).isEmpty && app.screen == .overview)
    }

    @Test func tooSmallAScreenOnlyAcceptsQuit() {
        var app = makeApp(name: "Anna", department: "it", language: .english, size: (60, 15))
        app.receive(.joined(record()))
        #expect(app.press(.enter).isEmpty && app.screen == .overview)
        #expect(app.press(.character("q")).isEmpty)  // asks first, in words, as the screen cannot show a box
        #expect(app.render().lines.joined(separator: " ").contains("Leave the workshop?"))
        #expect(app.press(.character("y")) == [.quit])
        #expect(app.render().lines[0].contains("80×24 (now 60×15)"))
        _ = app.update(.resize(width: 80, height: 24))
        #expect(app.render().lines[2].contains("Your questions"))
    }

    @Test func afterAnsweringClosesEditsAreRefused() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        app.receive(.workshop(.init(closedPhase: "review")))
        #expect(app.render().lines[1].contains("Answering is closed: the workshop has moved on to “review”"))
        _ = app.press(.enter, .enter, .enter)  // past the introduction and the choice, to the first maturity item
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
        #expect(app.render().flatText.contains("etapu „przegląd wyników”"))
    }

    @Test func dotsAreSpentWithinTheBudget() {
        var app = makeApp(name: "Anna", department: "it", language: .english)
        app.receive(.joined(record()))
        _ = app.press(.character("v"))
        #expect(app.screen == .overview && app.message == "Voting opens when the facilitator reveals the results.")
        app.receive(.workshop(.init(voting: .init(items: ["it.platform.releases", "omnichannel.goals.definition"], budget: 3))))
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
        #expect(app.record?.votes?.value == ["it.platform.releases": 2, "omnichannel.goals.definition": 1])
        #expect(app.render().lines.contains { $0.contains("Dots left: 0 of 3") })
        apply(app.press(.up, .character("-")))
        #expect(app.record?.votes?.value == ["it.platform.releases": 1, "omnichannel.goals.definition": 1])
        app.receive(.workshop(.init(closedPhase: "review", voting: app.voting)))  // voting happens after answering closes
        apply(app.press(.character("+")))
        #expect(app.record?.votes?.value["it.platform.releases"] == 2)
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
        _ = app.press(.character(" "), .enter)  // the first option, "yes", unlocks the PIM coverage question
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
    /// A custom department module with twelve dimensions, plus the shared module's: about 20
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
        #expect(titles.count == 12 + shared.dimensions.count && titles.count > 18)
        for index in 0..<titles.count {
            let screen = app.render().lines
            let line = screen.firstIndex { $0.contains(titles[index]) }
            #expect(line != nil, "dimension \(index + 1), \(titles[index]), is off the screen")
            if let line { #expect(line >= 4 && line < 22) }
            _ = app.press(.down)
        }
        // Back at the top, the first module's title shows again.
        for _ in titles { _ = app.press(.up) }
        #expect(app.render().lines[4].contains("Big department"))
    }
}

/// Issue 15, point 1 and the participant side of points 2, 4 and 5: nothing answered, and
/// nobody leaving, by accident; every refusal said in the screen's language.
@Suite struct ParticipantCarefulnessTests {
    func joined(_ language: Language = .english, answers: [ItemID: Answer] = [:]) -> ParticipantApp {
        var app = makeApp(name: "Anna", department: "it", language: language)
        app.receive(.joined(record(language: language, answers: answers)))
        return app
    }

    func item(_ app: ParticipantApp, _ id: ItemID) -> Item? {
        app.visibleItems.first { $0.item.id == id }?.item
    }

    @Test func escAndQOnTheOverviewAskBeforeLeaving() {
        var app = joined()
        #expect(app.press(.escape).isEmpty && app.leaving)
        #expect(app.render().lines.contains { $0.contains("Leave the workshop? Your answers are saved.") })
        #expect(app.press(.character("n")).isEmpty && !app.leaving && app.screen == .overview)
        #expect(app.press(.character("q")).isEmpty && app.leaving)
        #expect(app.press(.escape).isEmpty && !app.leaving)
        #expect(app.press(.character("q"), .character("y")) == [.quit])
        // In Polish the question and its keys are Polish: t (tak) leaves.
        var polish = joined(.polish)
        _ = polish.press(.escape)
        #expect(polish.render().lines.contains { $0.contains("Wyjść z warsztatu? Odpowiedzi są zapisane.") })
        #expect(polish.press(.character("t")) == [.quit])
    }

    @Test func escIsBackOnEveryOtherScreen() throws {
        var app = joined()
        _ = app.press(.enter)
        #expect(app.screen == .intro)
        #expect(app.press(.escape).isEmpty && app.screen == .overview && !app.leaving)
        app.open(try #require(item(app, "it.platform.releases")))
        #expect(app.press(.escape).isEmpty && app.screen == .overview && !app.leaving)
        _ = app.press(.character("r"))
        #expect(app.press(.escape).isEmpty && app.screen == .overview && !app.leaving)
        app.receive(.workshop(.init(voting: .init(items: ["it.platform.releases"], budget: 3))))
        _ = app.press(.character("v"))
        #expect(app.press(.escape).isEmpty && app.screen == .overview && !app.leaving)
        // On the join form, Esc on the first field asks too.
        var form = makeApp()
        #expect(form.press(.escape).isEmpty && form.leaving)
        #expect(form.render().lines.contains { $0.contains("Leave without joining the workshop?") })
    }

    @Test func enterOnAnUnansweredQuestionOfAnyKindRecordsNothing() throws {
        var app = joined()
        for id: ItemID in ["it.platform.operator", "it.platform.releases", "it.platform.uptime", "omnichannel.goals.channels"] {
            app.open(try #require(item(app, id)))
            #expect(app.press(.enter).isEmpty, "\(id)")
        }
        let text = try #require(app.visibleItems.first { $0.item.kind.tag == .text }?.item)
        app.open(text)
        _ = app.type("   ")  // an empty free answer is no answer
        #expect(app.press(.enter).isEmpty)
        #expect(app.record?.answers.isEmpty == true)
    }

    @Test func questionMarkIsDontKnowOnEveryKindAndEveryHelpLineSaysSo() throws {
        var app = joined()
        app.open(try #require(item(app, "it.platform.releases")))
        _ = app.press(.character("?"), .character("?"))
        #expect(app.record?.currentAnswers["it.platform.releases"]?.value == .maturity(current: .dontKnow, target: .dontKnow))
        app.open(try #require(item(app, "it.platform.operator")))
        _ = app.press(.character("?"))
        #expect(app.record?.currentAnswers["it.platform.operator"]?.value == .choice(.dontKnow))
        app.open(try #require(item(app, "it.platform.uptime")))
        _ = app.type("?")
        _ = app.press(.enter)
        #expect(app.record?.currentAnswers["it.platform.uptime"]?.value == .number(current: .dontKnow, target: nil))
        // 0 on a maturity item is not "don't know" any more: it says which keys are.
        app.open(try #require(item(app, "it.platform.releases")))
        #expect(app.press(.character("0")).isEmpty)
        #expect(app.message == "Stages are 1 to 4; ? means don't know.")
        for language in Language.allCases {
            let words = ParticipantStrings.forLanguage(language)
            for help in [words.itemHelpMaturity, words.itemHelpChoice, words.itemHelpNumber] {
                #expect(help.hasPrefix("? ") || help.contains(" ? "), "\(language): \(help)")
            }
        }
    }

    @Test func aNumberFieldTakesOnlyANumber() throws {
        var app = joined()
        app.open(try #require(item(app, "it.platform.uptime")))
        _ = app.type("0 0 1")
        #expect(app.editor?.current.value == "0")
        #expect(app.message == "Type one number, such as 12 or 99,5 (no spaces), or ? for don't know.")
        _ = app.press(.enter)
        #expect(app.record?.currentAnswers["it.platform.uptime"]?.value == .number(current: .value(0), target: nil))
        app.open(try #require(item(app, "it.platform.uptime")))
        _ = app.press(.backspace)
        _ = app.type("9?")
        #expect(app.editor?.current.value == "9")
        #expect(app.message == "? stands alone: clear the field first.")
    }

    @Test func theOutOfRangeMessageSaysWhatIsWrongInTheScreensLanguage() throws {
        let expected: [Language: String] = [
            .english: "150 is not possible here: the value must be between 0 and 100.",
            .polish: "150 nie jest tu możliwe: wartość musi wynosić od 0 do 100.",
            .swedish: "150 går inte här: värdet måste vara mellan 0 och 100.",
            .italian: "150 non è possibile qui: il valore deve essere tra 0 e 100.",
        ]
        for (language, message) in expected {
            var app = joined(language)
            app.open(try #require(item(app, "it.platform.uptime")))
            _ = app.type("150")
            #expect(app.press(.enter).isEmpty)
            #expect(app.message == message)
            #expect(app.render().lines.contains { $0.contains(ParticipantStrings.forLanguage(language).range(minimum: 0, maximum: 100)) })
        }
    }

    @Test func anExclusiveOptionClearsTheOthersAndTheOthersClearIt() throws {
        var app = joined()
        // The shared module's assortment plans: "keep the range as it is" stands alone, first.
        let plans = try #require(item(app, "omnichannel.goals.assortment"))
        guard case .choice(let options, true) = plans.kind else { Issue.record("not a multiple choice"); return }
        let alone = try #require(options.firstIndex { $0.exclusive })
        #expect(alone == 0)
        app.open(plans)
        _ = app.press(.down, .character(" "), .down, .character(" "))
        #expect(app.record?.currentAnswers[plans.id]?.value == .choice(.value([options[1].id, options[2].id])))
        _ = app.press(.up, .up, .character(" "))
        #expect(app.record?.currentAnswers[plans.id]?.value == .choice(.value([options[alone].id])))
        _ = app.press(.down, .down, .down, .character(" "))
        #expect(app.record?.currentAnswers[plans.id]?.value == .choice(.value([options[3].id])))
    }

    @Test func markingDoneWithOpenQuestionsSaysHowManyInEveryLanguage() {
        for language in Language.allCases {
            var app = joined(language)
            let open = app.unansweredItems.count
            _ = app.press(.character("r"), .character("D"))
            let screen = app.render().flatText
            let expected = ParticipantStrings.fill(ParticipantStrings.forLanguage(language).confirmDoneOpen, ["count": String(open)])
            #expect(screen.contains(String(expected.prefix(20))), "\(language)")
            #expect(screen.contains(String(open)))
            #expect(app.press(.character("n")).isEmpty && app.screen == .review)
        }
    }

    @Test func aKeyThatCannotActSaysSo() {
        var app = joined()
        #expect(app.press(.character("x")).isEmpty)
        #expect(app.message == "That key does nothing here: the keys that work are on the bottom line.")
        app.receive(.workshop(.init(voting: .init(items: ["it.platform.releases"], budget: 1))))
        _ = app.press(.character("v"))
        #expect(app.press(.character("-")).isEmpty && app.message == "There is no dot on this gap to take back.")
        for case .setVotes(let dots) in app.press(.character("+")) {
            var current = app.record!
            current.votes = Stamped(dots, at: current.profile.at)
            app.receive(.saved(current))
        }
        #expect(app.press(.character("+")).isEmpty && app.message == "No dots left: take one back with - first.")
        // Typing after answering closed is refused at the first key, not after the answer.
        var closed = joined()
        closed.receive(.workshop(.init(closedPhase: "review")))
        let text = closed.visibleItems.first { $0.item.kind.tag == .text }!.item
        closed.open(text)
        _ = closed.type("a")
        #expect(closed.editor?.text.value == "" && closed.message == "Answering is closed: this answer was not changed.")
    }

    @Test func theModulesIntroductionComesBeforeItsFirstQuestion() {
        var app = joined()
        _ = app.press(.enter)
        #expect(app.screen == .intro)
        let intro = shippedModules.first { $0.id == "it" }!.intro.resolved(in: .english)
        #expect(app.render().lines.joined(separator: " ").contains(String(intro.prefix(30))))
        _ = app.press(.enter)
        #expect(app.screen == .item && app.currentItem == "it.platform.operator")
        // Once: the next time the module is entered, its question comes at once.
        _ = app.press(.escape, .enter)
        #expect(app.screen == .item)
        // Moving on from the department's last question into the shared module passes through
        // the shared module's introduction; moving back does not.
        let last = app.visibleItems.last { $0.module.id == "it" }!.item
        app.open(last)
        _ = app.press(.pageDown)
        #expect(app.screen == .intro)
        _ = app.press(.enter)
        #expect(app.visibleItems.first { $0.item.id == app.currentItem }?.module.id == "omnichannel")
        _ = app.press(.pageUp)
        #expect(app.currentItem == last.id)
    }

    @Test func thePhasesTimeLeftShows() {
        var app = joined(.swedish)
        app.receive(.workshop(.init(clock: .init(phase: "answer", secondsLeft: 754))))
        #expect(app.render().lines[0].contains("13 min kvar"))
        app.receive(.workshop(.init(clock: .init(phase: "answer", secondsLeft: 754, paused: true))))
        #expect(app.render().lines[0].contains("pausad"))
    }

    /// A hint about one screen does not follow the participant to the next.
    @Test func aHintStaysWithItsScreen() throws {
        var app = joined()
        app.open(try #require(item(app, "it.platform.releases")))
        _ = app.press(.character("0"))
        #expect(app.message == "Stages are 1 to 4; ? means don't know.")
        _ = app.press(.escape)
        #expect(app.message == nil)
    }

    /// At 80 columns the workshop's title, the department, the name and the clock do not all fit
    /// one line: the clock moves to a line of its own and the title stays whole.
    @Test func theClockMakesRoomForTheTitleInsteadOfCuttingIt() {
        var app = makeApp(name: "Zofia Wiśniewska", department: "ecommerce", language: .polish)
        app.receive(.joined(record(department: "ecommerce", language: .polish)))
        app.receive(.workshop(.init(clock: .init(phase: "review", secondsLeft: 1200))))
        let lines = app.render().lines
        #expect(lines[0].contains("Nordic Home — omnichannel workshop · E-commerce"))
        #expect(!lines[0].contains("…"))
        #expect(lines[1].hasSuffix("zostało 20 min"))
    }

    @Test func theVotingScreenShowsEachGapsNumbers() {
        var app = joined(.italian)
        app.receive(.workshop(.init(voting: .init(items: ["it.platform.releases", "omnichannel.goals.definition"], budget: 3,
                                                  numbers: ["it.platform.releases": VoteGapNumbers(current: 1.75, target: 3.5, priority: 4.25)]))))
        _ = app.press(.character("v"))
        let lines = app.render().lines
        #expect(lines.contains { $0.contains("Oggi → Obiettivo") && $0.contains("Priorità") })
        #expect(lines.contains { $0.contains("1,8 → 3,5") && $0.contains("4,3") })
    }

    @Test func aNameInUseIsAskedOnTheJoinScreen() {
        var app = makeApp(name: "John Smith", department: "it", language: .english)
        let found = ParticipantApp.NameInUse(id: ParticipantID(rawValue: "p-00000000000000aa")!, name: "John Smith", department: "logistics",
                                             answered: 3, openElsewhere: false)
        app.receive(.nameInUse(found))
        let screen = app.render().flatText
        #expect(screen.contains("Someone called John Smith has already joined (Logistics, 3 answered). Is that you?"))
        #expect(screen.contains("y = continue as John Smith"))
        #expect(app.press(.character("y")) == [.resume(found.id)])
        app.receive(.nameInUse(found))
        #expect(app.press(.character("n")).isEmpty)
        #expect(app.message == "Please type a different name, for example with your surname's initial.")
        _ = app.type("John S.")
        #expect(app.press(.enter) == [.join(name: "John S.", department: "it", language: .english)])
        // A record open on another screen cannot be continued from here.
        var busy = makeApp(name: "John Smith", department: "it", language: .english)
        busy.receive(.nameInUse(ParticipantApp.NameInUse(id: found.id, name: "John Smith", department: "it", answered: 0, openElsewhere: true)))
        #expect(busy.render().flatText.contains("John Smith is answering on another screen right now."))
        // Typing the different name starts it at once: no keystroke is lost to the dialog.
        _ = busy.type("Jane D.")
        #expect(busy.press(.enter) == [.join(name: "Jane D.", department: "it", language: .english)])
    }

    @Test func aRemovedParticipantIsToldAndNothingIsSaved() throws {
        var app = joined()
        app.receive(.removed)
        app.open(try #require(item(app, "it.platform.releases")))
        #expect(app.press(.character("2")).isEmpty)
        #expect(app.message == "The facilitator has removed you from this workshop: nothing more is saved. Press q to leave.")
        #expect(app.record?.answers.isEmpty == true)
    }
}
