/// Word wrapping for plain-text output (module listings, later the text report).
public enum TextWrapping {
    /// `text` broken into lines of at most `width` columns (see `DisplayWidth`), at spaces
    /// where possible; a word longer than a line is split. Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(2, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                var wordWidth = DisplayWidth.of(word)
                while wordWidth > width {
                    if !line.isEmpty { lines.append(line); line = ""; lineWidth = 0 }
                    var head = "", headWidth = 0
                    while let next = word.first, headWidth + DisplayWidth.of(next) <= width {
                        head.append(next)
                        headWidth += DisplayWidth.of(next)
                        word = word.dropFirst()
                    }
                    lines.append(head)
                    wordWidth -= headWidth
                }
                if line.isEmpty {
                    line = String(word)
                    lineWidth = wordWidth
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                } else {
                    lines.append(line)
                    line = String(word)
                    lineWidth = wordWidth
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` wrapped to `width`, the first line after `first`, the rest indented to match
    /// `indent` spaces.
    public static func hanging(_ text: String, first: String, indent: Int, width: Int) -> [String] {
        let body = wrap(text, width: width - indent)
        return body.enumerated().map { index, line in
            index == 0 ? first.padding(toLength: indent) + line : String(repeating: " ", count: indent) + line
        }
    }
}

extension String {
    /// The string padded with spaces to at least `length` characters.
    func padding(toLength length: Int) -> String {
        if count < length { return self + String(repeating: " ", count: length - count) }
        return hasSuffix(" ") ? self : self + " "
    }
}
