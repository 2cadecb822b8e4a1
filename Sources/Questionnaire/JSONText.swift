/// JSON text as the session files write it: strings escaped so that a file is always valid
/// UTF-8 JSON and safe to `cat` (every control character, DEL, C1 control and bidi override is a
/// `\u` escape), numbers without a trailing ".0".
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func string(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || (0x2028...0x2029).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value)
                {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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
