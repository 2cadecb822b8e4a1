import Foundation

/// A terminal's size in characters, clamped to what a screen can be: a client may send 0×0
/// (`ssh -tt` from a script), 1×1 or 65535×65535, and none of them may crash the screens or make
/// them allocate a huge buffer.
public struct TerminalSize: Hashable, Sendable {
    public let columns: Int
    public let rows: Int

    /// The bounds: a pty takes 16 bits, and the screens allocate a cell per character.
    static let maximum = (columns: 1000, rows: 500)

    public init(columns: Int, rows: Int) {
        // 0×0 means "unknown": the smallest size the screens are made for.
        if columns <= 0 || rows <= 0 {
            self.columns = 80
            self.rows = 24
        } else {
            self.columns = min(columns, Self.maximum.columns)
            self.rows = min(rows, Self.maximum.rows)
        }
    }
}

/// What the client asked for its terminal: the size and the terminal type, the type checked
/// against this machine's terminfo and replaced by a safe one when unknown or hostile.
public struct TerminalRequest: Hashable, Sendable {
    public var size: TerminalSize
    public var term: String

    public init(term: String, columns: Int, rows: Int, known: (String) -> Bool = TerminalRequest.terminfoKnows) {
        size = TerminalSize(columns: columns, rows: rows)
        self.term = Self.checked(term, known: known)
    }

    /// `term` when it is a plain name this machine has a terminfo entry for; otherwise
    /// `xterm-256color`, which every modern client understands.
    static func checked(_ term: String, known: (String) -> Bool) -> String {
        let plain = (1...64).contains(term.count)
            && term.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.+".unicodeScalars.contains($0)) }
            && !term.hasPrefix(".")
        return plain && known(term) ? term : "xterm-256color"
    }

    /// Whether a terminfo entry for `term` exists where ncurses looks for one.
    public static func terminfoKnows(_ term: String) -> Bool {
        guard let first = term.first else { return false }
        let folders = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
        return folders.contains { folder in
            FileManager.default.fileExists(atPath: "\(folder)/\(first)/\(term)")
                || FileManager.default.fileExists(atPath: "\(folder)/\(String(format: "%02x", first.asciiValue ?? 0))/\(term)")
        }
    }
}
