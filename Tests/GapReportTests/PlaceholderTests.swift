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

    @Test func comparisonWords() {
        #expect(ComparisonStrings.placeholderMismatches() == [])
    }

    /// A value that holds a placeholder's braces (a session titled "Q3 {date}") stays as typed,
    /// whatever order the values are filled in.
    @Test func aValueIsNeverFilledAgain() {
        for _ in 0..<20 {
            #expect(ReportStrings.fill("{title} · {date}", ["title": "Q3 {date}", "date": "2026-11-23"]) == "Q3 {date} · 2026-11-23")
        }
        #expect(ReportStrings.fill("{a} {unknown} {", ["a": "x"]) == "x {unknown} {")
    }
}
