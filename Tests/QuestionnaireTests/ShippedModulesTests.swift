import Basics
import Foundation
import Testing
import TestSupport
@testable import Questionnaire

/// The modules that ship in Modules/: valid, complete, and free of copy-and-paste.
@Suite struct ShippedModulesTests {
    static let report = ModuleLoader.load(paths: [packageRoot.appendingPathComponent("Modules").path])

    @Test func everyShippedModuleValidates() {
        #expect(Self.report.isValid, "\(Self.report.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(Self.report.catalog.modules.count == Self.report.files.count)
    }

    /// The workshop ships these six: five departments and the shared module.
    static let workshopModules = ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"]

    @Test func theSixWorkshopModulesShipInAllFourLanguages() throws {
        #expect(Self.report.catalog.modules.map(\.id).sorted() == Self.workshopModules.sorted())
        for id in Self.workshopModules {
            let module = try #require(Self.report.catalog.module(id), "\(id) is missing")
            #expect(Set(module.languages) == Set(Language.allCases), "\(id) has \(module.languages.map(\.rawValue))")
        }
    }

    /// Complaints (a claim about faulty goods) and returns (the customer changed their mind)
    /// are separate processes in all four languages; one item asking about both would blur
    /// two different answers. Each must be its own item, named in the language's own word.
    @Test func complaintsAndReturnsAreSeparateItemsInEveryLanguage() throws {
        let module = try #require(Self.report.catalog.module("customer-service"))
        let complaints = module.items.filter { $0.id.rawValue.hasSuffix(".complaints") }
        let returns = module.items.filter { $0.id.rawValue.hasSuffix(".returns") }
        #expect(complaints.count == 1 && returns.count == 1)
        let complaint = try #require(complaints.first), ret = try #require(returns.first)
        // Stems of each language's own word: a return is never called a complaint, and back.
        let words: [Language: (complaint: [String], return: [String])] = [
            .english: (["complaint"], ["return"]), .polish: (["reklamac"], ["zwrot", "zwrac"]),
            .swedish: (["reklamation"], ["retur"]), .italian: (["garanzi"], ["reso ", "resi ", "reso?", "resi?", "restitu"]),
        ]
        for (language, word) in words {
            let complaintText = complaint.prompt.resolved(in: language).lowercased()
            let returnText = ret.prompt.resolved(in: language).lowercased()
            #expect(word.complaint.contains { complaintText.contains($0) }, "\(language.rawValue) complaints prompt: \(complaintText)")
            #expect(word.return.contains { returnText.contains($0) }, "\(language.rawValue) returns prompt: \(returnText)")
            #expect(!word.complaint.contains { returnText.contains($0) }, "\(language.rawValue) returns prompt names complaints: \(returnText)")
        }
    }

    @Test func everyDeclaredLanguageIsCompleteEverywhere() {
        for module in Self.report.catalog.modules {
            var texts: [(String, LocalizedText)] = [("title", module.title), ("intro", module.intro)]
            for dimension in module.dimensions {
                texts.append(("\(dimension.id) title", dimension.title))
                for item in dimension.items {
                    texts.append(("\(item.id) prompt", item.prompt))
                    if let help = item.help { texts.append(("\(item.id) help", help)) }
                    switch item.kind {
                    case .maturity(let levels): texts += levels.enumerated().map { ("\(item.id) level \($0.offset + 1)", $0.element) }
                    case .choice(let options, _): texts += options.map { ("\(item.id) option \($0.id)", $0.label) }
                    case .number(let spec): texts.append(("\(item.id) unit", spec.unit))
                    case .text: break
                    }
                }
            }
            for (name, text) in texts {
                for language in module.languages {
                    #expect(text.has(language) && !text.resolved(in: language).isEmpty, "\(module.id): \(name) has no \(language.rawValue)")
                }
            }
        }
    }

    @Test func noTwoItemsShareAPromptOrADescriptor() {
        for language in Language.allCases {
            var seen: [String: String] = [:]
            for module in Self.report.catalog.modules where module.languages.contains(language) {
                for item in module.items {
                    var texts = [("prompt", item.prompt.resolved(in: language))]
                    if case .maturity(let levels) = item.kind {
                        texts += levels.enumerated().map { ("level \($0.offset + 1)", $0.element.resolved(in: language)) }
                    }
                    for (what, text) in texts {
                        let key = text.lowercased()
                        if let first = seen[key] {
                            Issue.record("\(language.rawValue): \(item.id) \(what) repeats \(first): \(text)")
                        }
                        seen[key] = "\(item.id) \(what)"
                    }
                }
            }
        }
    }

    @Test func descriptorsFitTwoTerminalLines() {
        for module in Self.report.catalog.modules {
            for item in module.items {
                guard case .maturity(let levels) = item.kind else { continue }
                for (index, level) in levels.enumerated() {
                    for language in module.languages {
                        let lines = TextWrapping.wrap(level.resolved(in: language), width: 76)
                        #expect(lines.count <= 2, "\(item.id) level \(index + 1) in \(language.rawValue) takes \(lines.count) lines")
                    }
                }
            }
        }
    }

    @Test func dimensionAndItemCountsStayInRange() {
        for module in Self.report.catalog.modules {
            #expect((5...8).contains(module.dimensions.count), "\(module.id) has \(module.dimensions.count) dimensions")
            // A dimension is scored from its maturity items (one at least, four at most, so that no
            // single dimension weighs on a participant's time); the others are context and KPIs.
            for dimension in module.dimensions {
                let maturity = dimension.items.filter { $0.kind.tag == .maturity }.count
                #expect((1...4).contains(maturity), "\(module.id).\(dimension.id) has \(maturity) maturity items")
                #expect((2...6).contains(dimension.items.count), "\(module.id).\(dimension.id) has \(dimension.items.count) items")
            }
            let kinds = Set(module.items.map(\.kind.name))
            #expect(kinds.isSuperset(of: ["maturity", "choice", "number"]), "\(module.id) has kinds \(kinds.sorted())")
            #expect(module.items.contains { $0.condition != nil }, "\(module.id) has no conditional item")
        }
    }

    /// What `omnigap modules show ID --lang L` prints, for all twenty module and language
    /// pairs: nothing wider than the 80-column terminal, and every text in that language's own
    /// words (a stray English text would show up as the English prompt in a non-English render).
    @Test func everyModuleReadsWithinEightyColumnsInEveryLanguage() {
        for module in Self.report.catalog.modules {
            for language in module.languages {
                let text = ModuleTextRenderer.render(module, language: language)
                for line in text.split(separator: "\n") where line.count > 80 {
                    Issue.record("\(module.id) \(language.rawValue): \(line.count) columns: \(line)")
                }
                guard language != .english else { continue }
                for item in module.items where item.prompt.resolved(in: language) == item.prompt.resolved(in: .english)
                    && item.prompt.resolved(in: .english).count > 12 {
                    Issue.record("\(module.id) \(language.rawValue): \(item.id) prompt is the English one")
                }
            }
        }
    }

    /// The second edition of the content: a session created now freezes these versions, and one
    /// created with the first keeps its own (EditionTests).
    @Test func everyModuleIsTheSecondEdition() {
        for module in Self.report.catalog.modules {
            #expect(module.version == "2.0", "\(module.id) is version \(module.version)")
        }
    }

    /// Stores are a department like the others: a module file, not code, makes them one.
    @Test func storesIsADepartmentInEveryLanguage() throws {
        let stores = try #require(Self.report.catalog.module("stores"))
        #expect(!stores.shared)
        #expect(Set(stores.languages) == Set(Language.allCases))
        #expect(Self.report.catalog.standardSelection.moduleIDs == ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"])
        #expect(Self.report.catalog.standardSelection.shared == ["omnichannel"])
        let titles = Language.allCases.map { stores.title.resolved(in: $0) }
        #expect(Set(titles).count == 4, "the title is translated: \(titles)")
    }

    /// About thirty minutes of answering: at most 45 questions everybody in a department is
    /// asked (their module and the shared one), and 35 to 50 when every conditional one applies.
    @Test func eachParticipantIsAskedThirtyFiveToFortyFiveQuestions() {
        let catalog = Self.report.catalog
        let shared = catalog.modules.filter(\.shared)
        for department in catalog.modules where !department.shared {
            let items = ([department] + shared).flatMap(\.items)
            let always = items.filter { $0.condition == nil }.count
            #expect(always <= 45, "\(department.id): \(always) questions always asked")
            #expect((35...50).contains(items.count), "\(department.id): \(items.count) questions with every conditional one")
        }
    }

    /// docs/glossary.md: where an item's English names a concept, each translation uses the
    /// chosen term; no text uses a term (or a form of address) the glossary rules out.
    @Test func theModulesUseTheGlossarysTerms() {
        let glossary = Glossary.shipped
        #expect(glossary.terms.count >= 15 && glossary.bans.count >= 10, "docs/glossary.md was not read")
        var problems: [String] = []
        for module in Self.report.catalog.modules {
            var units: [(String, [LocalizedText])] = [("\(module.id) title and intro", [module.title, module.intro])]
            for dimension in module.dimensions {
                units.append(("\(module.id).\(dimension.id) title", [dimension.title]))
                for item in dimension.items { units.append((item.id.rawValue, Self.texts(of: item))) }
            }
            for (name, texts) in units {
                var byLanguage: [String: String] = [:]
                for language in module.languages {
                    byLanguage[language.rawValue] = texts.map { $0.resolved(in: language) }.joined(separator: " \n ")
                }
                problems += glossary.missingTerms(in: byLanguage, context: name)
                problems += glossary.banned(in: byLanguage, context: name)
            }
        }
        #expect(problems.isEmpty, "\(problems.count) glossary problems:\n\(problems.prefix(40).joined(separator: "\n"))")
    }

    /// The glossary's checks can fail: a calque and a missing term are both found.
    @Test func theGlossaryCheckFindsACalqueAndAMissingTerm() {
        let glossary = Glossary.shipped
        let texts = ["en": "Is there a single customer view?", "pl": "Czy jest jeden widok klienta?",
                     "sv": "Finns en samlad kundbild?", "it": "Esiste una visione unica del cliente?"]
        let missing = glossary.missingTerms(in: texts, context: "x")
        #expect(missing.contains { $0.contains("the pl text") } && missing.contains { $0.contains("the it text") })
        #expect(!missing.contains { $0.contains("the sv text") })
        let banned = glossary.banned(in: texts, context: "x")
        #expect(banned.contains { $0.contains("jeden widok klienta") } && banned.contains { $0.contains("visione unica") })
        #expect(!glossary.banned(in: ["pl": "Proszę wpisać imię."], context: "x").contains { $0.contains("pl uses") })
        #expect(!glossary.banned(in: ["pl": "Wpisz imię."], context: "x").isEmpty)
        #expect(!glossary.banned(in: ["it": "Scegli una risposta."], context: "x").isEmpty)
    }

    static func texts(of item: Item) -> [LocalizedText] {
        var texts = [item.prompt] + (item.help.map { [$0] } ?? [])
        switch item.kind {
        case .maturity(let levels): texts += levels
        case .choice(let options, _): texts += options.map(\.label)
        case .number(let spec): texts.append(spec.unit)
        case .text: break
        }
        return texts
    }

    @Test func itemIDsStartWithTheirModuleAndDimension() {
        for module in Self.report.catalog.modules {
            for dimension in module.dimensions {
                for item in dimension.items {
                    #expect(item.id.rawValue.hasPrefix("\(module.id).\(dimension.id)."), "\(item.id) is not under \(module.id).\(dimension.id)")
                }
            }
        }
    }
}
