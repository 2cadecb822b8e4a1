/// The formats a gap report comes in, and how each is written. The command line and the
/// facilitator's console both export through this one list, so they always offer the same.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, html, csv, json

    /// The file name extension for an exported report.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .csv: "csv"
        case .json: "json"
        }
    }

    /// The format's name as people write it; nil for text, whose name is a word of the
    /// interface's language.
    public var properName: String? {
        switch self {
        case .text: nil
        case .markdown: "Markdown"
        case .html: "HTML"
        case .csv: "CSV"
        case .json: "JSON"
        }
    }

    /// The report in pieces to write one after another: JSON, whose comments can run to
    /// hundreds of megabytes, comes in many; the others in one.
    public func pieces(_ document: ReportDocument) -> AnySequence<String> {
        switch self {
        case .json: JSONReportRenderer.pieces(document)
        default: AnySequence(CollectionOfOne(render(document)))
        }
    }

    public func render(_ document: ReportDocument) -> String {
        switch self {
        case .text: TextReportRenderer.render(document)
        case .markdown: MarkdownReportRenderer.render(document)
        case .html: HTMLReportRenderer.render(document)
        case .csv: CSVReportRenderer.render(document)
        case .json: JSONReportRenderer.render(document)
        }
    }
}

extension ReportFormat {
    /// A comparison of sessions in this format.
    public func render(_ document: ComparisonDocument) -> String {
        switch self {
        case .text: ComparisonTextRenderer.render(document)
        case .markdown: ComparisonMarkdownRenderer.render(document)
        case .html: ComparisonHTMLRenderer.render(document)
        case .csv: ComparisonCSVRenderer.render(document)
        case .json: ComparisonJSONRenderer.render(document)
        }
    }
}
