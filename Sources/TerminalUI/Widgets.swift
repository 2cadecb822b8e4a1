import Basics
import Questionnaire

/// Small drawing pieces the screens share. Each draws into a buffer and nothing else.

/// A bar of `width` cells, filled in proportion: "███░░░".
public struct ProgressBar: Hashable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    public func text(width: Int) -> String {
        let filled = total <= 0 ? 0 : min(width, done * width / total)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: max(0, width - filled))
    }

    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
        buffer.put(text(width: width), x: x, y: y, style: Style(color: done >= total ? .good : .accent))
    }
}

/// A vertical list with one selected row, scrolled so the selection stays in view.
public struct ListView: Hashable, Sendable {
    public var rows: [String]
    public var selection: Int

    public init(rows: [String], selection: Int) {
        self.rows = rows
        self.selection = selection
    }

    /// The first row shown when `height` rows fit.
    public func firstVisible(height: Int) -> Int {
        guard rows.count > height, height > 0 else { return 0 }
        return max(0, min(selection - height + 1, rows.count - height))
    }

    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool = true) {
        let first = firstVisible(height: height)
        for (offset, row) in rows.dropFirst(first).prefix(height).enumerated() {
            let selected = first + offset == selection
            buffer.put(DisplayWidth.pad(row, to: width), x: x, y: y + offset,
                       style: selected ? (focused ? .selected : .strong) : .plain, limit: width)
        }
    }
}

/// The bottom line: the keys that work here, in reverse video across the screen.
public struct HelpBar: Hashable, Sendable {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    public func render(into buffer: inout CellBuffer) {
        let y = buffer.height - 1
        buffer.fill(x: 0, y: y, width: buffer.width, height: 1, style: .selected)
        buffer.put(" " + text, x: 0, y: y, style: .selected, limit: buffer.width)
    }
}

/// A box in the middle of the screen that asks something and says which keys answer it.
public struct Dialog: Hashable, Sendable {
    public var title: String
    public var message: String
    public var keys: String

    public init(title: String, message: String, keys: String) {
        self.title = title
        self.message = message
        self.keys = keys
    }

    public func render(into buffer: inout CellBuffer) {
        let width = min(buffer.width - 4, 64)
        let body = TextWrapping.wrap(message, width: width - 4)
        let height = body.count + 5
        let x = (buffer.width - width) / 2, y = max(0, (buffer.height - height) / 2)
        buffer.fill(x: x, y: y, width: width, height: height, style: .plain)
        let horizontal = String(repeating: "─", count: width - 2)
        buffer.put("┌" + horizontal + "┐", x: x, y: y)
        for row in 1..<(height - 1) { buffer.put("│", x: x, y: y + row); buffer.put("│", x: x + width - 1, y: y + row) }
        buffer.put("└" + horizontal + "┘", x: x, y: y + height - 1)
        buffer.put(" " + title + " ", x: x + 2, y: y, style: .strong, limit: width - 4)
        for (index, line) in body.enumerated() { buffer.put(line, x: x + 2, y: y + 2 + index, limit: width - 4) }
        buffer.put(keys, x: x + 2, y: y + height - 2, style: Style(bold: true, color: .accent), limit: width - 4)
    }
}
