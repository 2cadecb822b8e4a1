import Questionnaire
import SessionModel
import Testing
@testable import TerminalUI

/// `omnigap new --optional` and `--no-importance` on the participant's screen: an optional
/// question says so and is not left "open" when they finish; a module without importance asks
/// current and target only.
@Suite struct AnsweringChoicesScreenTests {
    /// An IT participant on the shipped modules with the session's choices laid over them.
    static func app(_ choices: AnsweringChoices) -> ParticipantApp {
        let order = ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"]
        let catalog = ModuleCatalog(modules: order.compactMap { id in shippedModules.first { $0.id == id } }).applying(choices)
        var app = ParticipantApp(title: "Nordic Home — omnichannel workshop", modules: catalog.modules,
                                 departments: ["ecommerce", "it", "customer-service", "logistics", "stores"], sharedModules: ["omnichannel"],
                                 name: "Anna", department: "it", language: .english, sessionLanguage: .english, size: (80, 24))
        app.receive(.joined(record()))
        return app
    }

    static func open(_ app: inout ParticipantApp, _ id: ItemID) throws {
        app.open(try #require(app.visibleItems.first { $0.item.id == id }?.item))
    }

    @Test func anOptionalQuestionSaysSoAndIsNotLeftOpen() throws {
        let plain = Self.app(.none)
        var app = Self.app(AnsweringChoices(optional: ["it.security", "omnichannel.change.first-change"]))
        let security = app.visibleItems.filter { $0.dimension.id == "security" }.count
        #expect(security == 3)
        #expect(app.unansweredItems.count == plain.unansweredItems.count - security - 1)
        try Self.open(&app, "it.security.access")
        #expect(app.render().lines.contains { $0.contains("optional · ") })
        try Self.open(&app, "it.platform.releases")
        #expect(!app.render().lines.contains { $0.contains("optional") })
        // Finishing names only the questions that are not optional.
        _ = app.press(.escape, .character("r"), .character("D"))
        #expect(app.render().flatText.contains("\(app.unansweredItems.count)"))
    }

    @Test func aModuleWithoutImportanceAsksCurrentAndTargetOnly() throws {
        var app = Self.app(AnsweringChoices(withoutImportance: ["it"]))
        try Self.open(&app, "it.platform.releases")
        #expect(!app.render().lines.contains { $0.contains("Importance:") })
        _ = app.type("24")
        #expect(app.record?.currentAnswers["it.platform.releases"] == Answer(.maturity(current: .value(2), target: .value(4))))
        // Tab goes between the two fields and never reaches importance.
        _ = app.press(.tab)
        #expect(app.editor?.field == .current)
        _ = app.press(.tab)
        #expect(app.editor?.field == .target)
        _ = app.press(.tab, .backTab, .backTab)
        #expect(app.editor?.field == .current)
        _ = app.press(.down, .down)
        #expect(app.editor?.field == .target)
        // The shared module still asks it.
        try Self.open(&app, "omnichannel.goals.definition")
        #expect(app.render().lines.contains { $0.contains("Importance:") })
        _ = app.type("133")
        #expect(app.record?.currentAnswers["omnichannel.goals.definition"]?.importance == 3)
    }
}
