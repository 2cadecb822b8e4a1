/// JSON text as the session files write it: strings escaped so that a file is always valid
/// UTF-8 JSON and safe to `cat` (every control character, DEL, C1 control and bidi override is a
/// `\u` escape), numbers without a trailing ".0".
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func string(_ text: String) -> String {
        var needsEscaping = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
            needsEscaping = true
            break
        }
        if !needsEscaping {
            // Nearly every text: nothing to escape and no scalar to check.
            return "\"" + text + "\""
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count + 8)
        bytes.append(0x22)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes += [0x5C, 0x22]
            case "\\": bytes += [0x5C, 0x5C]
            case "\n": bytes += [0x5C, UInt8(ascii: "n")]
            case "\t": bytes += [0x5C, UInt8(ascii: "t")]
            case "\r": bytes += [0x5C, UInt8(ascii: "r")]
            default:
                if mustEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    bytes += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    bytes += Array(String(scalar).utf8)
                }
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Control characters, DEL, C1 controls, line and paragraph separators and bidi overrides:
    /// written as `\u` escapes so that no file can move a terminal's cursor or reorder text.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A finite number: `12` for 12.0, the shortest round-tripping form otherwise.
    public static func number(_ value: Double) -> String {
        precondition(value.isFinite, "JSON has no infinities or NaN; values are validated before they are written")
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// An array of strings on one line.
    public static func stringArray(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// An object from already-encoded member values, on one line, in the given order.
    public static func inlineObject(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// An object from already-encoded member values, one member per line, indented by
    /// `indent` spaces; nested values must already be indented for `indent + 2`.
    public static func blockObject(_ members: [(String, String)], indent: Int = 0) -> String {
        guard !members.isEmpty else { return "{}" }
        let inner = String(repeating: " ", count: indent + 2)
        let outer = String(repeating: " ", count: indent)
        return "{\n" + members.map { inner + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + outer + "}"
    }

    /// An array of already-encoded values, one per line.
    public static func blockArray(_ values: [String], indent: Int = 0) -> String {
        guard !values.isEmpty else { return "[]" }
        let inner = String(repeating: " ", count: indent + 2)
        let outer = String(repeating: " ", count: indent)
        return "[\n" + values.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer + "]"
    }
}
