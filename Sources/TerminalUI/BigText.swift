import Basics

/// Text five rows high in block letters, for what a room reads off a projector from the back:
/// the workshop code. Only letters, digits and a few signs have a shape; text with anything
/// else, or too wide for the room given, is drawn once in bold instead, so nothing is lost.
public enum BigText {
    /// Draws `text` at `x, y` within `width` columns; returns the row below it.
    @discardableResult
    public static func render(_ text: String, into buffer: inout CellBuffer, x: Int, y: Int, width: Int, style: Style) -> Int {
        guard let rows = rows(for: text), let first = rows.first, DisplayWidth.of(first) <= width else {
            return y + buffer.wrap(text, x: x, y: y, width: width, maxLines: 3, style: style)
        }
        for (offset, row) in rows.enumerated() {
            buffer.put(row, x: x, y: y + offset, style: style)
        }
        return y + rows.count
    }

    /// The five rows of `text` in block letters, or nil when a character has no shape.
    public static func rows(for text: String) -> [String]? {
        var rows = Array(repeating: "", count: 5)
        for (index, character) in text.lowercased().enumerated() {
            guard let glyph = glyphs[character] else { return nil }
            for row in 0..<5 {
                rows[row] += (index == 0 ? "" : " ") + glyph[row].replacingOccurrences(of: "#", with: "█")
            }
        }
        return rows
    }

    private static let glyphs: [Character: [String]] = [
        "a": [" # ", "# #", "###", "# #", "# #"], "b": ["## ", "# #", "## ", "# #", "## "],
        "c": [" ##", "#  ", "#  ", "#  ", " ##"], "d": ["## ", "# #", "# #", "# #", "## "],
        "e": ["###", "#  ", "## ", "#  ", "###"], "f": ["###", "#  ", "## ", "#  ", "#  "],
        "g": [" ##", "#  ", "# #", "# #", " ##"], "h": ["# #", "# #", "###", "# #", "# #"],
        "i": ["###", " # ", " # ", " # ", "###"], "j": ["  #", "  #", "  #", "# #", " # "],
        "k": ["# #", "# #", "## ", "# #", "# #"], "l": ["#  ", "#  ", "#  ", "#  ", "###"],
        "m": ["#   #", "## ##", "# # #", "#   #", "#   #"], "n": ["#  #", "## #", "# ##", "#  #", "#  #"],
        "o": [" # ", "# #", "# #", "# #", " # "], "p": ["## ", "# #", "## ", "#  ", "#  "],
        "q": [" # ", "# #", "# #", "## ", " ##"], "r": ["## ", "# #", "## ", "# #", "# #"],
        "s": [" ##", "#  ", " # ", "  #", "## "], "t": ["###", " # ", " # ", " # ", " # "],
        "u": ["# #", "# #", "# #", "# #", "###"], "v": ["# #", "# #", "# #", "# #", " # "],
        "w": ["#   #", "#   #", "# # #", "## ##", "#   #"], "x": ["# #", "# #", " # ", "# #", "# #"],
        "y": ["# #", "# #", " # ", " # ", " # "], "z": ["###", "  #", " # ", "#  ", "###"],
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["## ", "  #", " # ", "#  ", "###"], "3": ["## ", "  #", " # ", "  #", "## "],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "## ", "  #", "## "],
        "6": [" ##", "#  ", "###", "# #", "###"], "7": ["###", "  #", " # ", " # ", " # "],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "## "],
        "-": ["   ", "   ", "###", "   ", "   "], ".": ["   ", "   ", "   ", "   ", " # "],
        ":": ["   ", " # ", "   ", " # ", "   "], " ": ["  ", "  ", "  ", "  ", "  "],
    ]
}
