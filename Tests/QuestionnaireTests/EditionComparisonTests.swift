import Foundation
import Testing
@testable import Questionnaire

/// Matching one session's questions to another's, for follow-up workshops and side-by-side
/// sessions: only the same question is compared.
@Suite struct EditionComparisonTests {
    static func text(_ english: String, polish: String? = nil) -> LocalizedText {
        LocalizedText([.english: english, .polish: polish ?? "pl: " + english])
    }

    static func module(_ items: [Item]) -> ModuleCatalog {
        ModuleCatalog(modules: [QuestionnaireModule(id: "m", version: "1", languages: [.english, .polish], title: text("M"),
                                                    intro: text(""), dimensions: [Dimension(id: "d", title: text("D"), items: items)])])
    }

    static func ladder(_ id: String, prompt: String = "How?", levels: [String] = ["One", "Two", "Three", "Four"],
                       polish: String? = nil) -> Item {
        Item(id: ItemID(id), kind: .maturity(levels: levels.map { text($0) }), prompt: text(prompt, polish: polish))
    }

    @Test func eachDifferenceIsNamedAndATranslationAloneChangesNothing() {
        let base = Self.module([
            Self.ladder("m.d.same"),
            Self.ladder("m.d.translated"),
            Self.ladder("m.d.reworded"),
            Self.ladder("m.d.relevelled"),
            Self.ladder("m.d.retyped"),
            Item(id: "m.d.options", kind: .choice(options: [ChoiceOption(id: "a", label: Self.text("A")), ChoiceOption(id: "b", label: Self.text("B"))],
                                                  multiple: false), prompt: Self.text("Which?")),
            Item(id: "m.d.bounds", kind: .number(NumberSpec(unit: Self.text("%"), minimum: 0, maximum: 100)), prompt: Self.text("Share?")),
            Self.ladder("m.d.dropped"),
        ])
        let current = Self.module([
            Self.ladder("m.d.same"),
            Self.ladder("m.d.translated", polish: "Jak? (poprawione tłumaczenie)"),
            Self.ladder("m.d.reworded", prompt: "How, in writing?"),
            Self.ladder("m.d.relevelled", levels: ["One", "Two", "Three, written", "Four, reviewed"]),
            Item(id: "m.d.retyped", kind: .text, prompt: Self.text("How?")),
            Item(id: "m.d.options", kind: .choice(options: [ChoiceOption(id: "a", label: Self.text("A")), ChoiceOption(id: "c", label: Self.text("C"))],
                                                  multiple: false), prompt: Self.text("Which?")),
            Item(id: "m.d.bounds", kind: .number(NumberSpec(unit: Self.text("%"), minimum: 0, maximum: 50)), prompt: Self.text("Share?")),
            Self.ladder("m.d.new"),
        ])
        let comparison = EditionComparison(base: base, current: current)
        #expect(comparison.match("m.d.same") == .same)
        #expect(comparison.match("m.d.translated") == .same)
        #expect(comparison.match("m.d.reworded") == .changed(what: ["prompt"]))
        #expect(comparison.match("m.d.relevelled") == .changed(what: ["level 3", "level 4"]))
        #expect(comparison.match("m.d.retyped") == .changed(what: ["kind"]))
        #expect(comparison.match("m.d.options") == .changed(what: ["options"]))
        #expect(comparison.match("m.d.bounds") == .changed(what: ["bounds"]))
        #expect(comparison.match("m.d.dropped") == .onlyInBase)
        #expect(comparison.match("m.d.new") == .onlyInCurrent)
        #expect(comparison.match("m.d.nowhere") == nil)
        #expect(comparison.comparable == ["m.d.same", "m.d.translated"])
        // The base's order first, then what is new.
        #expect(comparison.items.map(\.id).last == "m.d.new")
    }

    /// The shipped first and second editions: the second rewrote the ladders, so a follow-up on
    /// the new edition compares only what kept its question.
    @Test func theFirstAndSecondEditions() {
        let first = ModuleLoader.load(paths: [packageRoot.appendingPathComponent("Tests/Fixtures/edition-1-session/modules").path]).catalog
        let second = ModuleLoader.load(paths: [packageRoot.appendingPathComponent("Modules").path]).catalog
        let comparison = EditionComparison(base: first, current: second)
        #expect(comparison.match("it.platform.upkeep") == .onlyInBase)
        #expect(comparison.match("it.security.access") == .onlyInCurrent)
        #expect(comparison.match("stores.role.tasks") == .onlyInCurrent)
        if case .changed(let what)? = comparison.match("omnichannel.goals.definition") {
            #expect(what.contains("prompt"))
        } else {
            Issue.record("omnichannel.goals.definition was reworded in the second edition")
        }
        // Against itself, an edition is the same question everywhere.
        let itself = EditionComparison(base: second, current: second)
        #expect(itself.comparable.count == second.itemIDs.count)
    }
}
