import Testing
@testable import Questionnaire

@Suite struct LocalizationTests {
    @Test func aTranslatedTextIsUsed() {
        let text = LocalizedText([.english: "Returns", .polish: "Zwroty"])
        #expect(text.resolved(in: .polish) == "Zwroty")
        #expect(text.has(.polish))
    }

    @Test func aMissingLanguageFallsBackToEnglish() {
        let text = LocalizedText([.english: "Complaints", .polish: "Reklamacje"])
        #expect(text.resolved(in: .swedish) == "Complaints")
        #expect(text.resolved(in: .italian) == "Complaints")
        #expect(!text.has(.swedish))
    }

    @Test func withoutEnglishAnyTranslationIsBetterThanNothing() {
        #expect(LocalizedText([.polish: "Zwroty"]).resolved(in: .italian) == "Zwroty")
        #expect(LocalizedText([:]).resolved(in: .italian) == "")
    }

    @Test func aModuleReadInAnUndeclaredLanguageIsEnglish() throws {
        let module = try sampleModule()
        #expect(module.title.resolved(in: .swedish) == "Sample")
        #expect(module.title.resolved(in: .polish) == "Próbka")
    }

    @Test func theStagesHaveNamesInEveryLanguage() {
        for stage in MaturityStage.allCases {
            for language in Language.allCases {
                #expect(stage.name.has(language), "stage \(stage.rawValue) has no \(language.rawValue) name")
            }
        }
        #expect(MaturityStage.focusing.label(in: .english) == "2 — focusing")
        #expect(MaturityStage.adHoc.label(in: .polish) == "1 — działania doraźne")
        #expect(MaturityStage.formalised.name.resolved(in: .swedish) == "formalisering")
        #expect(MaturityStage.institutionalised.name.resolved(in: .italian) == "istituzionalizzazione")
    }

    @Test func aScoreFallsInTheStageItHasReached() {
        #expect(MaturityStage(score: 2.99) == .focusing)
        #expect(MaturityStage(score: 3.0) == .formalised)
        #expect(MaturityStage(score: 0.4) == .adHoc)
        #expect(MaturityStage(score: 7) == .institutionalised)
        #expect(MaturityStage(score: .nan) == .adHoc)
    }
}

/// The placeholder check itself finds what it should: a lost, a misspelt and an extra name.
@Suite struct PlaceholderCheckTests {
    struct Words: InterfaceWords {
        var greeting: String
        var lines: [String]
        static let english = Words(greeting: "Hello {name}, {count} left", lines: ["{a}", "b"])
        static let polish = Words(greeting: "Cześć {name}, zostało {cuont}", lines: ["{a}", "b"])
        static let swedish = Words(greeting: "Hej {name}, {count} kvar", lines: ["a", "b"])
        static let italian = Words(greeting: "Ciao {name}, {count} rimasti {extra}", lines: ["{a}", "b"])
    }

    @Test func mismatchesAreNamed() {
        #expect(Words.placeholderMismatches() == [
            "pl.greeting: {count, name} in English, {cuont, name} here",
            "sv.lines[0]: {a} in English, {} here",
            "it.greeting: {count, name} in English, {count, extra, name} here",
        ])
    }
}
