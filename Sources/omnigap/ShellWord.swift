import Basics

/// One argument written so that a POSIX shell reads it back unchanged: the hints the commands
/// print (`omnigap facilitate '/tmp/my ws (test)'`) must work when pasted, whatever the folder
/// is called.
///
/// The command line's own copy until `Basics.ShellQuoting` is shared; then this one goes.
enum ShellWord {
    /// `word` as it is when the shell would read it unchanged, else in single quotes (a quote
    /// inside becomes `'\''`). Letters of any script are left bare: only ASCII punctuation and
    /// spaces mean something to the shell.
    static func quoted(_ word: String) -> String {
        if !word.isEmpty && word.unicodeScalars.allSatisfy(isPlain) { return visible(word) }
        return visible("'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'")
    }

    /// `words`, each quoted, with spaces between: a command to paste.
    static func command(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar)
        }
        return !Sanitized.isUnsafe(scalar) && !scalar.properties.isWhitespace
    }

    /// A control character never reaches the terminal: it is shown as an escape, which costs the
    /// paste but not the screen.
    private static func visible(_ text: String) -> String { Sanitized.visible(text) }
}
