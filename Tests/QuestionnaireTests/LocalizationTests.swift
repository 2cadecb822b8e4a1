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
