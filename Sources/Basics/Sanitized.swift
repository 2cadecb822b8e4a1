/// Text from a file, made safe to print in a message: control characters and escape sequences
/// are never passed to the terminal, and long values are cut.
public enum Sanitized {
    /// Whether `scalar` must never reach a terminal or a document: C0 and C1 controls, DEL, the
    /// bidi overrides that can make text read differently from what it is, and the Unicode
    /// noncharacters (U+FDD0–U+FDEF, and U+FFFE and U+FFFF in every plane), which no text should
    /// hold and which make an XML or XHTML file ill-formed.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFDD0...0xFDEF: true
        default: scalar.value & 0xFFFE == 0xFFFE
        }
    }

    /// `text` with every unsafe character shown as a visible escape such as `\u{1B}`.
    public static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `visible(text)`, cut to `limit` characters with an ellipsis, for quoting in a message.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        let shown = visible(text)
        guard shown.count > limit else { return shown }
        return String(shown.prefix(limit - 1)) + "…"
    }
}
