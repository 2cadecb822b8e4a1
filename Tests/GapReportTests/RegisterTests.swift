import GapReport
import Questionnaire
import Testing
import TestSupport

/// The report speaks the register docs/glossary.md chose, in every language.
@Suite struct ReportRegisterTests {
    @Test func reportWords() {
        #expect(Self.problems(ReportStrings.self) == [])
    }

    @Test func htmlReportWords() {
        #expect(Self.problems(HTMLReportStrings.self) == [])
    }

    static func problems<Words: InterfaceWords>(_ words: Words.Type) -> [String] {
        Language.allCases.flatMap { language in
            Words.texts(in: language).flatMap { field, text in
                Glossary.shipped.banned(in: [language.rawValue: text], context: "\(Words.self).\(language.rawValue).\(field)")
            }
        }
    }
}
