import Foundation
import Testing
@testable import Questionnaire

/// Issue 15: "none of these" stands alone. The module format marks such an option
/// `exclusive: true`; answers that choose it with another option are refused everywhere.
@Suite struct ExclusiveOptionTests {
    /// The sample module with Amazon (line 39) marked as given.
    func sample(exclusive value: String) -> ParsedModule {
        parse(validModule(replacingLine: 39, with: "          - {id: amazon, exclusive: \(value), label: {en: Amazon, pl: Amazon}}"))
    }

    @Test func anExclusiveOptionIsRead() throws {
        let module = try #require(sample(exclusive: "true").module)
        guard case .choice(let options, _)? = module.item("sample.first.which")?.kind else { Issue.record("not a choice"); return }
        #expect(options.map(\.exclusive) == [false, true])
    }

    @Test func aWrongValueIsAnErrorWithItsLine() throws {
        let diagnostics = sample(exclusive: "maybe").diagnostics
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .wrongType && diagnostic.line == 39)
        #expect(diagnostic.description.hasPrefix("test.yaml:39:"))
        #expect(diagnostic.description.contains("exclusive in option \"amazon\""))
    }

    @Test func anExclusiveOptionChosenWithAnotherIsRefused() throws {
        let item = try #require(sample(exclusive: "true").module?.item("sample.first.which"))
        #expect(throws: InvalidAnswer.exclusiveOptionWithOthers(item: item.id, option: "amazon")) {
            try item.validate(Answer(.choice(.value(["allegro", "amazon"]))))
        }
        try item.validate(Answer(.choice(.value(["amazon"]))))
        try item.validate(Answer(.choice(.value(["allegro"]))))
    }

    @Test func theRenderersShowIt() throws {
        let module = try #require(sample(exclusive: "true").module)
        let json = ModuleJSONRenderer.render(module, language: .english)
        #expect(json.contains("\"exclusive\" : true") || json.contains("\"exclusive\": true"))
        #expect(ModuleTextRenderer.render(module, language: .polish).contains("Amazon (wyklucza pozostałe)"))
    }

    @Test func theShippedNoneOfTheseOptionsAreExclusive() {
        let modules = ModuleLoader.load(paths: [packageRoot.appendingPathComponent("Modules").path]).catalog.modules
        var marked = 0
        for item in modules.flatMap(\.items) {
            guard case .choice(let options, true) = item.kind else { continue }
            for option in options where option.id == "none" || option.id == "keep" {
                #expect(option.exclusive, "\(item.id): \(option.id)")
                marked += 1
            }
        }
        // stores.role.services "none of these" and omnichannel.goals.assortment "keep the range".
        #expect(marked == 2)
    }
}

@Suite struct NumberTypingTests {
    @Test func aFieldHoldsOnlyWhatCanBecomeANumber() {
        for text in ["", "?", "0", "-", "0,", "0.5", "12", "99,5", "-3", "\u{2212}4,25", ",5"] {
            #expect(NumberInput.acceptsWhileTyping(text), "\(text)")
        }
        for text in ["0 ", "0 0", "00", "001", "01", "1 000", "1,0,0", "?1", "1?", "a", "1e5"] {
            #expect(!NumberInput.acceptsWhileTyping(text), "\(text)")
        }
    }
}
