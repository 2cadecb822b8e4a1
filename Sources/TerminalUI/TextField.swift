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
    /// terminal's cursor there when `focused`. Text scrolled out of sight on either side is
    /// marked with "…" at that edge: a long entry never looks shorter than it is.
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        guard width > 2 else { return }
        // Scroll by characters until the part before the cursor fits, leaving a column for the
        // left-hand mark once scrolled.
        var start = 0
        while start < cursor, DisplayWidth.of(characters: text[start..<cursor]) > width - (start > 0 ? 2 : 1) { start += 1 }
        let lead = start > 0 ? 1 : 0
        var shown = "", used = lead, end = start
        for character in text[start...] {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            shown.append(character)
            used += columns
            end += 1
        }
        if end < text.count {
            // Room for the right-hand mark, unless the cursor stands on that last column.
            while !shown.isEmpty, used + 1 > width {
                used -= DisplayWidth.of(shown.removeLast())
                end -= 1
            }
            shown += "…"
        }
        buffer.put((lead > 0 ? "…" : "") + shown, x: x, y: y, style: style, limit: width)
        if focused { buffer.cursor = Point(x: x + lead + DisplayWidth.of(characters: text[start..<min(cursor, end)]), y: y) }
    }
}

