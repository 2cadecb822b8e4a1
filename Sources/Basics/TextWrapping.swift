/// Word wrapping for plain-text output (module listings, later the text report).
public enum TextWrapping {
    /// `text` broken into lines of at most `width` columns (see `DisplayWidth`), at spaces
    /// where possible; a word longer than a line is split. Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(2, width)
        // Fast path for the common case, a short line with single spaces: no character takes
        // more columns than it has UTF-8 bytes, so one that has no more bytes than `width` fits,
        // and wrapping would return it unchanged.
        if text.utf8.count <= width, isSingleSpacedLine(text) { return [text] }
        return wrapWords(text, width: width)
    }

    /// The wrapping itself, word by word.
    static func wrapWords(_ text: String, width: Int) -> [String] {
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

    /// Whether `text` is one line whose words are separated by single spaces, with none at
    /// either end: what `wrap` would make of it anyway.
    private static func isSingleSpacedLine(_ text: String) -> Bool {
        var previousWasSpace = true  // a leading space counts as doubled
        for byte in text.utf8 {
            if byte == 0x0A { return false }
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || text.isEmpty
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
