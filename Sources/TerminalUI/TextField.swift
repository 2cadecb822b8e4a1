import Basics
import Questionnaire

/// A one-line text input: UTF-8, any script, with a cursor that moves by character. Control
/// characters and bidi overrides typed or pasted are dropped, so nothing that moves a terminal's
/// cursor or reorders text is stored.
public struct TextField: Hashable, Sendable {
    public private(set) var text: [Character]
    /// The cursor's place, 0…text.count.
    public private(set) var cursor: Int
    public let limit: Int

    public init(_ text: String = "", limit: Int = 2000) {
        self.text = Array(text.prefix(limit))
        cursor = self.text.count
        self.limit = limit
    }

    public var value: String { String(text) }

    /// Applies an editing key; returns false for keys a text field does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // Control characters and bidi overrides never enter the text: they would move a
            // terminal's cursor, or make a comment read differently from what it is, wherever
            // it is shown later.
            guard !character.unicodeScalars.contains(where: Sanitized.isUnsafe), text.count < limit else { return true }
            text.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { text.remove(at: cursor - 1); cursor -= 1 }
        case .delete:
            if cursor < text.count { text.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"): text.removeSubrange(0..<cursor); cursor = 0
        case .control("k"): text.removeSubrange(cursor...)
        default: return false
        }
        return true
    }

    /// Draws the field in `width` columns at (x, y), scrolled so the cursor shows, and puts the
    /// terminal's cursor there when `focused`.
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        // Scroll by characters until the part before the cursor fits.
        var start = 0
        while start < cursor, DisplayWidth.of(characters: text[start..<cursor]) > width - 1 { start += 1 }
        var shown = "", used = 0
        for character in text[start...] {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            shown.append(character)
            used += columns
        }
        buffer.put(shown, x: x, y: y, style: style, limit: width)
        if focused { buffer.cursor = Point(x: x + DisplayWidth.of(characters: text[start..<cursor]), y: y) }
    }
}

