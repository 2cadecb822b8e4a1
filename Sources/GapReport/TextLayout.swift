import Basics

/// The printable text formats' page layout: headings, tables and wrapped paragraphs at a fixed
/// width. The gap report and the comparison lay their pages out the same way.
enum TextLayout {
    /// A blank line, the heading in capitals, and a rule under it.
    static func heading(_ raw: String, width: Int) -> [String] {
        // Headings carry session titles and labels: made harmless like every other text.
        let text = Sanitized.visible(raw.split(whereSeparator: \.isNewline).joined(separator: " "))
        return ["", DisplayWidth.truncate(text.uppercased(), to: width),
         String(repeating: "-", count: min(width, DisplayWidth.of(DisplayWidth.truncate(text, to: width))))]
    }

    /// A header and rows, each cell padded (or right-aligned) to its column's width and cut to
    /// it when longer, indented by two.
    static func table(header: [String], rows: [[String]], widths: [Int], rightAligned: Set<Int>) -> [String] {
        func line(_ cells: [String]) -> String {
            "  " + cells.enumerated().map { index, cell in
                rightAligned.contains(index) ? DisplayWidth.padLeft(DisplayWidth.truncate(cell, to: widths[index]), to: widths[index])
                    : DisplayWidth.pad(DisplayWidth.truncate(cell, to: widths[index]), to: widths[index])
            }.joined(separator: " ").trimmingTrailingSpaces()
        }
        return [line(header)] + rows.map(line)
    }

    /// `text` wrapped to `width`, each line led by `indent` spaces (or `first` on the first
    /// line), later lines indented `hanging` more.
    static func wrap(_ text: String, width: Int, indent: Int, hanging: Int = 0, first: String? = nil) -> [String] {
        let lead = first ?? String(repeating: " ", count: indent)
        let leadWidth = DisplayWidth.of(lead)
        let wrapped = TextWrapping.wrap(text, width: width - leadWidth - hanging)
        return wrapped.enumerated().map { index, line in
            (index == 0 ? lead : String(repeating: " ", count: leadWidth + hanging)) + line
        }.map { $0.trimmingTrailingSpaces() }
    }
}
