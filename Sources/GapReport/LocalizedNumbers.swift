import Foundation
import Questionnaire

/// Numbers as a report shows them to people: two decimals with the language's decimal
/// separator, "–" where a value is undefined. One place, so the text, Markdown and HTML
/// reports never disagree on how 2.005 or −0.001 reads.
public struct LocalizedNumbers: Sendable {
    let decimalSeparator: String

    public init(_ words: ReportStrings) {
        decimalSeparator = words.decimalSeparator
    }

    /// "2.19" or "2,19"; "–" for nil or non-finite. A value that rounds to zero reads "0.00",
    /// never "-0.00".
    public func fixed(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let rounded = (value * 100).rounded() / 100
        return localized(String(format: "%.2f", rounded == 0 ? 0 : rounded))
    }

    /// A KPI value as written ("2.5", "120"), with the language's separator.
    public func plain(_ value: Double) -> String {
        localized(NumberFormatting.plain(value))
    }

    private func localized(_ text: String) -> String {
        decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
    }
}
