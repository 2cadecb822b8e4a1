import Basics
import Questionnaire

/// How a cell looks. Colours are roles, not colours: the terminal back end maps them to what the
/// terminal has, or to nothing under NO_COLOR and on monochrome terminals, where the attributes
/// alone must still carry the meaning.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public var color: ColorRole?

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false, color: ColorRole? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.color = color
    }

    public static let plain = Style()
    public static let strong = Style(bold: true)
    public static let selected = Style(reverse: true)
    public static let muted = Style(dim: true)
}

/// What a coloured cell means.
public enum ColorRole: Int, CaseIterable, Hashable, Sendable {
    case accent = 1, current, target, good, warning, bad
}

/// One screen cell: a grapheme and its style. A wide character takes its cell and the next,
/// which holds `continuation`.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
    /// The second column of a wide character.
    public static let continuation = Cell(text: "", style: .plain)
}

/// A screen's worth of cells, drawn by screens and copied to the terminal by the back end.
///
/// Everything written is clipped to the buffer, control characters and escape sequences are
/// never stored, and wide characters take two columns: the buffer, not the caller, keeps the
/// screen safe and aligned.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should show (a text field being edited); hidden when nil.
    public var cursor: Point?
    /// Every text that did not fit where it was put and was cut without an ellipsis: the layout
    /// lost words the reader never sees. Screens must wrap or make room instead; the layout
    /// tests fail on any entry here. Not part of the buffer's equality: two frames that look the
    /// same are the same frame.
    public private(set) var cuts: [Cut] = []

    /// A text the buffer had to cut: what was asked, where, and what was shown.
    public struct Cut: Hashable, Sendable, CustomStringConvertible {
        public let text: String
        public let shown: String
        public let x: Int
        public let y: Int

        public var description: String { "(\(x),\(y)) \"\(shown)\" cut from \"\(text)\"" }
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y) on one line, at most `limit` columns (to the right edge by
    /// default), and returns the columns used. Unsafe characters are shown as "?".
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else {
            noteCut(text, shown: "", x: x, y: y)
            return 0
        }
        let end = min(width, x + (limit ?? width))
        var column = x
        var placed = ""
        for (offset, character) in zip(text.indices, text) {
            var shown = character
            if character.unicodeScalars.contains(where: Sanitized.isUnsafe) { shown = "?" }
            let columns = max(1, DisplayWidth.of(shown))
            guard column + columns <= end else {
                if placed.last != "…" && !text[offset...].allSatisfy(\.isWhitespace) {
                    noteCut(text, shown: placed, x: x, y: y)
                }
                break
            }
            placed.append(shown)
            if column >= 0 {
                cells[y * width + column] = Cell(text: String(shown), style: style)
                if columns == 2 { cells[y * width + column + 1] = Cell.continuation.with(style: style) }
            }
            column += columns
        }
        return max(0, column - x)
    }

    private mutating func noteCut(_ text: String, shown: String, x: Int, y: Int) {
        guard !text.allSatisfy(\.isWhitespace) else { return }
        cuts.append(Cut(text: text, shown: shown, x: x, y: y))
    }

    public static func == (left: CellBuffer, right: CellBuffer) -> Bool {
        left.width == right.width && left.height == right.height && left.cells == right.cells && left.cursor == right.cursor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
        hasher.combine(cursor)
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style = .plain) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) {
                cells[row * self.width + column] = Cell(text: " ", style: style)
            }
        }
    }

    /// Changes the style of a run of cells, keeping their text: highlights a selected line.
    public mutating func restyle(x: Int, y: Int, width: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(self.width, x + width) {
            cells[y * self.width + column].style = style
        }
    }

    /// Writes `text` word-wrapped into a box; returns the lines used.
    @discardableResult
    public mutating func wrap(_ text: String, x: Int, y: Int, width: Int, maxLines: Int, style: Style = .plain) -> Int {
        let lines = TextWrapping.wrap(text, width: max(1, width))
        for (index, line) in lines.prefix(maxLines).enumerated() {
            let shown = index == maxLines - 1 && lines.count > maxLines ? DisplayWidth.truncate(line + " …", to: width) : line
            put(shown, x: x, y: y + index, style: style, limit: width)
        }
        return min(lines.count, maxLines)
    }

    /// The buffer as plain text, one string per row, trailing spaces removed: what snapshot
    /// tests compare.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += cells[row * width + column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

/// A position on the screen.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

extension Cell {
    func with(style: Style) -> Cell { Cell(text: text, style: style) }
}
