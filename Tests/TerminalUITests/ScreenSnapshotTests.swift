import Basics
import Questionnaire
import SessionModel
import Testing
@testable import TerminalUI

/// Every participant screen as text, at 80×24 and 160×48, in English and Polish.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    /// Each screen, reached by keys from a joined participant with a few answers.
    static func screens(_ language: Language, size: (Int, Int)) -> [(String, CellBuffer)] {
        var result: [(String, CellBuffer)] = []
        var join = makeApp(language: language, size: size)
        _ = join.type("Zażółć 店舗")
        result.append(("join", join.render()))
        var inUse = makeApp(name: "Anna K.", department: "it", language: language, size: size)
        inUse.receive(.nameInUse(.init(id: ParticipantID(rawValue: "p-00000000000000aa")!, name: "Anna K.", department: "it", answered: 12,
                                       openElsewhere: false)))
        result.append(("join-name-in-use", inUse.render()))
        var app = makeApp(name: "Anna K.", department: "it", language: language, size: size)
        app.receive(.joined(record(language: language, answers: [
            "it.platform.operator": Answer(.choice(.value(["agency"]))),
            "it.platform.releases": Answer(.maturity(current: .value(2), target: .value(4)), importance: 3, comment: "Zażółć gęślą jaźń"),
        ])))
        app.receive(.workshop(.init(clock: .init(phase: "answer", secondsLeft: 1234))))
        result.append(("overview", app.render()))
        var leaving = app
        _ = leaving.press(.escape)
        result.append(("leave-confirm", leaving.render()))
        var intro = app
        _ = intro.press(.enter)
        result.append(("intro", intro.render()))
        if let upkeep = app.visibleItems.first(where: { $0.item.id == "it.platform.releases" })?.item { app.open(upkeep) }
        result.append(("maturity", app.render()))
        if let operatorItem = app.visibleItems.first(where: { $0.item.id == "it.platform.operator" })?.item { app.open(operatorItem) }
        result.append(("choice", app.render()))
        if let uptime = app.visibleItems.first(where: { $0.item.id == "it.platform.uptime" })?.item { app.open(uptime) }
        _ = app.type("99.5")
        result.append(("number", app.render()))
        if let text = app.visibleItems.first(where: { $0.item.kind.tag == .text })?.item { app.open(text) }
        _ = app.type("Mniej ręcznych eksportów")
        result.append(("text", app.render()))
        _ = app.update(.key(.escape))
        _ = app.update(.key(.character("r")))
        result.append(("review", app.render()))
        _ = app.update(.key(.character("D")))
        result.append(("review-confirm", app.render()))
        var vote = app
        vote.receive(.workshop(.init(closedPhase: "review", voting: .init(items: ["it.platform.releases", "omnichannel.goals.definition"], budget: 3,
                                                                           numbers: ["it.platform.releases": VoteGapNumbers(current: 1.8, target: 3.6, priority: 4.5)]))))
        _ = vote.press(.escape, .escape, .character("v"))
        result.append(("vote", vote.render()))
        var small = app
        _ = small.update(.resize(width: 60, height: 15))
        result.append(("too-small", small.render()))
        return result
    }

    @Test(arguments: [Language.english, .polish])
    func everyScreenMatchesItsSnapshot(_ language: Language) {
        for size in Self.sizes {
            for (name, buffer) in Self.screens(language, size: size) {
                snapshots.expect(buffer.lines.joined(separator: "\n") + "\n", matches: "\(name)-\(language.rawValue)-\(size.0)x\(size.1).txt")
            }
        }
    }

    @Test func nothingIsDrawnOutsideTheScreenAndWideCharactersTakeTwoColumns() {
        for language in Language.allCases {
            for (name, buffer) in Self.screens(language, size: (80, 24)) {
                for line in buffer.lines {
                    #expect(DisplayWidth.of(line) <= 80, "\(language) \(name): \(line)")
                }
            }
        }
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("a店b\u{1B}[31m", x: 0, y: 0)
        #expect(buffer.lines == ["a店b?["])
        #expect(buffer[2, 0] == Cell.continuation)
    }
}

@Suite struct TextFieldTests {
    @Test func controlCharactersAndBidiOverridesAreNeverStored() {
        var field = TextField("", limit: 50)
        for character in ["a", "\u{1B}", "b", "\u{202E}", "c", "\u{2066}", "\u{9B}", "ą", "\u{7F}", "店"] as [Character] {
            _ = field.handle(.character(character))
        }
        #expect(field.value == "abcą店")
        // Ordinary marks that only look unusual stay: a zero-width joiner in an emoji, an accent.
        _ = field.handle(.character("👩‍💻"))
        _ = field.handle(.character("é"))
        #expect(field.value == "abcą店👩‍💻é")
    }
}

/// Every participant screen, each in the states that make it longest, on the shipped modules:
/// every item of every module (conditions lifted, so none hides), answered and unanswered; the
/// item with the longest explanation opened in full; every message the screens can show; the
/// dialogs. Found by walking the modules, not by listing ids, so a longer text added to a module
/// tomorrow is checked the day it is added.
enum ParticipantScreens {
    /// `module` with every item asked, whatever the answers: the layout test sees them all.
    static func unconditioned(_ module: QuestionnaireModule) -> QuestionnaireModule {
        QuestionnaireModule(id: module.id, version: module.version, languages: module.languages, title: module.title, intro: module.intro,
                            dimensions: module.dimensions.map { dimension in
                                Dimension(id: dimension.id, title: dimension.title, items: dimension.items.map { item in
                                    Item(id: item.id, kind: item.kind, prompt: item.prompt, help: item.help, weight: item.weight)
                                })
                            })
    }

    static let modules = shippedModules.map(unconditioned)
    static let departments = ["ecommerce", "it", "customer-service", "logistics", "stores"]

    static func app(department: String, language: Language, size: (Int, Int), answers: [ItemID: Answer] = [:]) -> ParticipantApp {
        var app = ParticipantApp(title: "Nordic Home — omnichannel workshop", modules: modules, departments: departments,
                                 sharedModules: ["omnichannel"], name: "Anna K.", department: department, language: language,
                                 sessionLanguage: .english, size: size)
        app.receive(.joined(record(department: department, language: language, answers: answers)))
        return app
    }

    /// An answer that shows everything an item's screen can show: both markers, the importance,
    /// a comment; every option ticked; both numbers; a typed text.
    static func fullAnswer(_ item: Item) -> Answer {
        switch item.kind {
        case .maturity: Answer(.maturity(current: .value(2), target: .value(4)), importance: 3, comment: "Zażółć gęślą jaźń, a comment that is longer than its line on any screen, so it has to be shortened")
        case .choice(let options, let multiple):
            Answer(.choice(.value(multiple ? options.filter { !$0.exclusive }.map(\.id) : [options.last!.id])), comment: "Zażółć")
        case .number: Answer(.number(current: .value(99.5), target: .dontKnow))
        case .text: Answer(.text("Mniej ręcznych eksportów"))
        }
    }

    /// The gaps with the longest labels, for the voting list.
    static func longestGaps(_ language: Language) -> [ItemID] {
        let maturity = modules.flatMap { module in module.items.filter { $0.kind.tag == .maturity }.map { (module, $0) } }
        return maturity.sorted { DisplayWidth.of($0.1.prompt.resolved(in: language)) > DisplayWidth.of($1.1.prompt.resolved(in: language)) }
            .prefix(10).map(\.1.id)
    }

    static func all(_ language: Language, size: (Int, Int)) -> [(String, CellBuffer)] {
        var result: [(String, CellBuffer)] = []
        let words = ParticipantStrings.forLanguage(language)
        // Join: empty, typed, a name in use (the longest department title), open elsewhere,
        // refused after closing, leaving.
        var join = ParticipantApp(title: "Nordic Home — omnichannel workshop", modules: modules, departments: departments,
                                  sharedModules: ["omnichannel"], name: nil, department: nil, language: language,
                                  sessionLanguage: .english, size: size)
        result.append(("join", join.render()))
        _ = join.type("Zażółć Gęślą Jaźń-Wielkopolska")
        result.append(("join-typed", join.render()))
        let longestDepartment = departments.max { DisplayWidth.of(title($0, language)) < DisplayWidth.of(title($1, language)) }!
        var inUse = join
        inUse.receive(.nameInUse(.init(id: ParticipantID(rawValue: "p-00000000000000aa")!, name: "Zażółć Gęślą Jaźń-Wielkopolska",
                                       department: longestDepartment, answered: 128, openElsewhere: false)))
        result.append(("join-name-in-use", inUse.render()))
        inUse.receive(.nameInUse(.init(id: ParticipantID(rawValue: "p-00000000000000aa")!, name: "Zażółć Gęślą Jaźń-Wielkopolska",
                                       department: longestDepartment, answered: 128, openElsewhere: true)))
        result.append(("join-open-elsewhere", inUse.render()))
        var refused = join
        refused.receive(.joinClosed)
        result.append(("join-closed", refused.render()))
        // Over SSH: the resume code asked, typed, refused (wrong, locked, none yet).
        var code = inUse
        code.receive(.nameInUse(.init(id: ParticipantID(rawValue: "p-00000000000000aa")!, name: "Zażółć Gęślą Jaźń-Wielkopolska",
                                      department: longestDepartment, answered: 128, openElsewhere: false)))
        _ = code.press(.character(words.yesKeys.first { $0.isLowercase }!))
        code.receive(.resumeCodeNeeded)
        _ = code.type("482-19")
        result.append(("join-resume-code", code.render()))
        var wrong = code
        wrong.receive(.resumeRefused(.wrongCode(triesLeft: 4)))
        result.append(("join-resume-code-wrong", wrong.render()))
        for (name, refusal) in [("locked", ParticipantApp.ResumeRefusal.locked), ("none", .noCode)] {
            var refused = code
            refused.receive(.resumeRefused(refusal))
            result.append(("join-resume-\(name)", refused.render()))
        }
        var leavingJoin = join
        _ = leavingJoin.press(.escape)
        _ = leavingJoin.press(.escape)
        result.append(("join-leave", leavingJoin.render()))

        for department in departments {
            var app = app(department: department, language: language, size: size)
            app.receive(.workshop(.init(clock: .init(phase: "answer", secondsLeft: 1799))))
            result.append(("overview-\(department)", app.render()))
            // Each of the participant's modules' introductions, and every item, unanswered then
            // answered in full.
            // The shared module once, with the first department.
            for module in app.ownModules where module.id == department || department == departments[0] {
                let first = module.items[0]
                var intro = app
                intro.arrive(at: first)
                result.append(("intro-\(module.id)", intro.render()))
                for item in module.items {
                    var empty = app
                    empty.open(item)
                    result.append(("item-\(item.id)", empty.render()))
                    var full = self.app(department: department, language: language, size: size, answers: [item.id: fullAnswer(item)])
                    full.open(item)
                    if case .choice(_, _) = item.kind { _ = full.press(.down, .down, .down, .down, .down, .down, .down, .down) }
                    result.append(("item-\(item.id)-answered", full.render()))
                }
            }
        }
        // The longest explanation, opened in full; a comment being written.
        let items = modules.flatMap(\.items)
        if let helped = items.filter({ $0.help != nil }).max(by: { DisplayWidth.of($0.help!.resolved(in: language)) < DisplayWidth.of($1.help!.resolved(in: language)) }),
           let department = departments.first(where: { department in ([department, "omnichannel"]).contains { id in modules.first { $0.id == id }?.item(helped.id) != nil } }) {
            var app = app(department: department, language: language, size: size)
            app.open(helped)
            _ = app.press(.function(1))
            result.append(("item-help-open", app.render()))
            _ = app.press(.escape)
            _ = app.press(.character("c"))
            _ = app.type("Zażółć gęślą jaźń")
            result.append(("item-comment", app.render()))
        }
        // Closed, removed, every message the screens can show, the review, the vote.
        var app = app(department: "customer-service", language: language, size: size)
        app.receive(.workshop(.init(closedPhase: "review", clock: .init(phase: "review", secondsLeft: -30))))
        result.append(("overview-closed", app.render()))
        if let item = app.visibleItems.first?.item {
            var closed = app
            closed.open(item)
            _ = closed.press(.character(" "))
            result.append(("item-closed", closed.render()))
        }
        let messages = [words.saved, words.editRefused, words.joinClosed, words.removedNotice, words.keyDoesNothing, words.stageKeys,
                        words.importanceKeys, words.numberKeys, words.dontKnowAlone, words.answerYesOrNo, words.typeDifferentName,
                        words.noDotsLeft, words.noDotHere, words.votingClosed, words.yourName + "?",
                        ParticipantStrings.fill(words.openElsewhere, ["name": "Zażółć Gęślą Jaźń-Wielkopolska"]),
                        ParticipantStrings.fill(words.outOfRange, ["value": "-1234567,5", "range": words.range(minimum: -1000, maximum: 1000)])]
        for (index, message) in messages.enumerated() {
            var shown = app
            shown.receive(.failed(message))
            result.append(("message-\(index)", shown.render()))
        }
        var removed = self.app(department: "logistics", language: language, size: size)
        removed.receive(.removed)
        result.append(("removed", removed.render()))
        // Over SSH: the resume code shown once, and the idle warning.
        var issued = self.app(department: "logistics", language: language, size: size)
        issued.receive(.resumeCodeIssued("482-193"))
        result.append(("resume-code-issued", issued.render()))
        var idle = self.app(department: "logistics", language: language, size: size)
        idle.receive(.idleWarning(secondsLeft: 299))
        result.append(("idle-warning", idle.render()))
        var review = self.app(department: "logistics", language: language, size: size)
        _ = review.press(.character("r"))
        result.append(("review", review.render()))
        _ = review.press(.character("D"))
        result.append(("review-confirm", review.render()))
        let all = Dictionary(uniqueKeysWithValues: review.visibleItems.map { ($0.item.id, fullAnswer($0.item)) })
        var finished = self.app(department: "logistics", language: language, size: size, answers: all)
        _ = finished.press(.character("r"))
        var done = finished.record!
        done.done = Stamped(true, at: done.profile.at)
        finished.receive(.refreshed(done))
        result.append(("review-all-answered", finished.render()))
        _ = finished.press(.character("D"))
        result.append(("review-confirm-all-answered", finished.render()))
        var leaving = self.app(department: "it", language: language, size: size)
        _ = leaving.press(.character("q"))
        result.append(("overview-leave", leaving.render()))
        var vote = self.app(department: "it", language: language, size: size)
        let gaps = longestGaps(language)
        vote.receive(.workshop(.init(closedPhase: "goals", voting: .init(items: gaps, budget: 10, numbers: Dictionary(uniqueKeysWithValues: gaps.map {
            ($0, VoteGapNumbers(current: 1.25, target: 3.75, priority: 12.5))
        })))))
        _ = vote.press(.character("v"))
        for case .setVotes(let dots) in vote.press(.character("+"), .character("+"), .character("+")) {
            var current = vote.record!
            current.votes = Stamped(dots, at: current.profile.at)
            vote.receive(.saved(current))
        }
        result.append(("vote", vote.render()))
        _ = vote.press(.down, .down, .down, .down, .down, .down, .down, .down, .down)
        result.append(("vote-last", vote.render()))
        return result
    }

    /// Every language's screens at every size, drawn once for all the tests that check them.
    static let drawn: [String: [(String, CellBuffer)]] = {
        let combinations = Language.allCases.flatMap { language in LayoutChecks.sizes.map { (language, $0) } }
        let results = combinations.parallelMap { language, size in all(language, size: size) }
        var table: [String: [(String, CellBuffer)]] = [:]
        for (index, combination) in combinations.enumerated() { table[key(combination.0, combination.1)] = results[index] }
        return table
    }()

    static func key(_ language: Language, _ size: (Int, Int)) -> String { "\(language.rawValue) \(size.0)x\(size.1)" }

    /// The screens of `language` at `size`, from `drawn`.
    static func screens(_ language: Language, size: (Int, Int)) -> [(String, CellBuffer)] {
        drawn[key(language, size)] ?? all(language, size: size)
    }

    static func title(_ module: String, _ language: Language) -> String {
        modules.first { $0.id == module }?.title.resolved(in: language) ?? module
    }
}

/// The layout properties of issue 15, on every participant screen: nothing cut, and nothing
/// left in English, in all four languages at every supported size.
@Suite struct ParticipantLayoutPropertyTests {
    @Test(arguments: Language.allCases)
    func noScreenCutsAWordWithoutAnEllipsis(_ language: Language) {
        for size in LayoutChecks.sizes {
            for (name, buffer) in ScreenSnapshotTests.screens(language, size: size) + ParticipantScreens.screens(language, size: size)
            where name != "too-small" {
                #expect(LayoutChecks.cuts(in: buffer).isEmpty, "\(language) \(name) \(size): \(LayoutChecks.cuts(in: buffer))")
            }
        }
    }

    /// Every word of the modules' texts in `language`.
    static func moduleTexts(_ language: Language) -> Set<String> {
        var texts: [String] = MaturityStage.allCases.map { $0.name.resolved(in: language) }
        for module in ParticipantScreens.modules {
            texts += [module.title, module.intro].map { $0.resolved(in: language) }
            for dimension in module.dimensions {
                texts.append(dimension.title.resolved(in: language))
                for item in dimension.items {
                    texts.append(item.prompt.resolved(in: language))
                    if let help = item.help { texts.append(help.resolved(in: language)) }
                    if case .choice(let options, _) = item.kind { texts += options.map { $0.label.resolved(in: language) } }
                    if case .maturity(let levels) = item.kind { texts += levels.map { $0.resolved(in: language) } }
                }
            }
        }
        return LayoutChecks.words(in: texts)
    }

    /// Words the modules themselves write the same in English and in `language` (ERP, B2B,
    /// marketplace): the modules' authors chose them; only interface words are checked.
    static func moduleWords(_ language: Language) -> Set<String> {
        var english: [String] = [], translated: [String] = []
        for module in ParticipantScreens.modules {
            var texts: [LocalizedText] = [module.title, module.intro]
            for dimension in module.dimensions {
                texts.append(dimension.title)
                for item in dimension.items {
                    texts.append(item.prompt)
                    if let help = item.help { texts.append(help) }
                    switch item.kind {
                    case .maturity(let levels): texts += levels
                    case .choice(let options, _): texts += options.map(\.label)
                    case .number(let spec): texts.append(spec.unit)
                    case .text: break
                    }
                }
            }
            english += texts.map { $0.resolved(in: .english) }
            translated += texts.map { $0.resolved(in: language) }
        }
        return LayoutChecks.words(in: english).intersection(LayoutChecks.words(in: translated))
    }

    @Test(arguments: [Language.polish, .swedish, .italian])
    func noScreenShowsEnglishInterfaceWords(_ language: Language) {
        // Names and typed texts the screens show as given.
        let allowed = Self.moduleWords(language).union(["nordic", "home", "workshop", "anna", "zażółć", "gęślą", "jaźń", "wielkopolska",
                                                         "comment", "that", "longer", "than", "its", "line", "any", "screen", "has",
                                                         "shortened", "mniej", "ręcznych", "eksportów",
                                                         // "min" abbreviates minutes in all four languages.
                                                         "min",
                                                         // SSH is a name.
                                                         "ssh"])
        let moduleEnglish = Self.moduleTexts(.english), moduleTranslated = Self.moduleTexts(language)
        for size in LayoutChecks.sizes {
            let english = ParticipantScreens.screens(.english, size: size)
            let translated = ParticipantScreens.screens(language, size: size)
            #expect(english.map(\.0) == translated.map(\.0))
            for ((name, englishFrame), (_, translatedFrame)) in zip(english, translated) {
                // A module word cut short in a list row ("institutio…") is still the module's.
                let left = LayoutChecks.untranslatedWords(english: englishFrame, translated: translatedFrame, allowed: allowed)
                    .filter { word in !(moduleEnglish.contains { $0.hasPrefix(word) } && moduleTranslated.contains { $0.hasPrefix(word) }) }
                #expect(left.isEmpty, "\(language) \(name) \(size): \(left.sorted())")
            }
        }
    }
}

@Suite struct CutRecordingTests {
    @Test func aTextThatDoesNotFitIsRecordedUnlessItEndsInAnEllipsis() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.put("short", x: 0, y: 0)
        buffer.put("fits exactly", x: 0, y: 1, limit: 12)
        buffer.put("trailing   ", x: 2, y: 2)
        #expect(buffer.cuts.count == 1)
        #expect(buffer.cuts.first?.shown == "fits exact")
        buffer.put("truncated…", x: 0, y: 0, limit: 10)
        buffer.put(DisplayWidth.truncate("a much longer text", to: 8), x: 0, y: 0)
        buffer.put("below the screen", x: 0, y: 3)
        #expect(buffer.cuts.count == 2)
    }
}

@Suite struct TextFieldScrollingTests {
    /// A long entry is marked "…" where it goes on out of sight, and the cursor stays visible.
    @Test func aLongEntryShowsWhereItGoesOn() {
        var field = TextField("A roadmap, a test routine and agreed service levels with the supplier")
        var buffer = CellBuffer(width: 30, height: 1)
        field.render(into: &buffer, x: 0, y: 0, width: 30, focused: true)
        #expect(buffer.lines[0].hasPrefix("…") && buffer.lines[0].hasSuffix("supplier"))
        #expect((buffer.cursor?.x ?? 99) <= 29)
        for _ in 0..<200 { _ = field.handle(.left) }
        buffer = CellBuffer(width: 30, height: 1)
        field.render(into: &buffer, x: 0, y: 0, width: 30, focused: true)
        #expect(buffer.lines[0].hasPrefix("A roadmap") && buffer.lines[0].hasSuffix("…"))
        #expect(buffer.cursor == Point(x: 0, y: 0))
        #expect(buffer.cuts.isEmpty)
    }
}
