import GapReport
import Questionnaire
import Testing
import TestSupport

/// The report speaks the register docs/glossary.md chose, in every language.
@Suite struct ReportRegisterTests {
    @Test func reportWords() {
        #expect(Glossary.shipped.registerProblems(ReportStrings.self) == [])
    }

    @Test func htmlReportWords() {
        #expect(Glossary.shipped.registerProblems(HTMLReportStrings.self) == [])
    }
}
