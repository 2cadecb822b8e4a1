/// Words quoted for a POSIX shell, so that a command the program prints can be pasted as it is:
/// a session folder called "Workshop (May)" must reach `omnigap join` as one argument.
public enum ShellQuoting {
    /// `word` as a POSIX shell reads it back: unchanged when every character is safe on its own
    /// (ASCII letters, digits and `-_./:@%+,`), otherwise in single quotes, where nothing is
    /// special, with each single quote written as `'\''` (close, an escaped quote, open again).
    /// The empty word is `''`.
    public static func quoted(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isSafe) { return word }
        var result = "'"
        for character in word {
            if character == "'" { result += #"'\''"# } else { result.append(character) }
        }
        return result + "'"
    }

    /// A command line of words, each quoted as needed.
    public static func command(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// Characters no POSIX shell gives a meaning to, wherever they stand in a word. `~` and `=`
    /// are not among them (tilde expansion, assignments), nor is anything outside ASCII, whose
    /// meaning depends on the shell's locale: quoting them is never wrong.
    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "-", "_", ".", "/", ":", "@", "%", "+", ",": true
        default: false
        }
    }
}
