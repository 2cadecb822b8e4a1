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

    /// A change: "+0.80", "−0.50" (a minus sign, not a hyphen), "0.00"; "–" when undefined.
    public func signed(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = fixed(value)
        if text.hasPrefix("-") { return "−" + text.dropFirst() }
        return (value * 100).rounded() > 0 ? "+" + text : text
    }

    /// A share as a whole percentage: "75 %", "−33 %"; "–" when undefined. Beyond ±999 % (a tiny
    /// gap then, closed many times over) it reads ">999 %", so that a column never cuts a
    /// number; the JSON has the value.
    public func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let rounded = Int(max(-100_000, min(100_000, value * 100)).rounded())
        if rounded > 999 { return ">999\u{00A0}%" }
        if rounded < -999 { return "<−999\u{00A0}%" }
        return (rounded < 0 ? "−\(-rounded)" : "\(rounded)") + "\u{00A0}%"
    }

    /// A KPI value as written ("2.5", "120"), with the language's separator.
    public func plain(_ value: Double) -> String {
        localized(NumberFormatting.plain(value))
    }

    private func localized(_ text: String) -> String {
        decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
    }
}
