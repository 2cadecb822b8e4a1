import GapReport
import Questionnaire
import Testing

/// Every translation of the report's words carries the same "{name}" placeholders as English.
@Suite struct ReportPlaceholderTests {
    @Test func reportWords() {
        #expect(ReportStrings.placeholderMismatches() == [])
    }

    @Test func htmlReportWords() {
        #expect(HTMLReportStrings.placeholderMismatches() == [])
    }
}
