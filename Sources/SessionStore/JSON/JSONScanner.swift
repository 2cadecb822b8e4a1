/// A pull parser over the bytes of one JSON document.
///
/// Participant files are read by the thousand, so they are decoded straight from bytes into
/// values, with no intermediate tree and no `Codable` (whose per-field generic overhead
/// dominates on Linux; see the measurements in the product brief). The scanner is strict JSON
/// (RFC 8259): anything else is a `JSONSyntaxError` with the byte offset where it went wrong.
public struct JSONScanner {
    public let bytes: [UInt8]
    public private(set) var offset: Int = 0
    /// Nesting limit for skipped values, so a hostile file cannot exhaust the stack.
    static let maximumDepth = 64

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Structure

    /// Consumes `{`.
    public mutating func beginObject() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "an object")
        pendingFirst = true
    }

    /// The next key of the current object, unescaped, or nil after the closing `}`.
    public mutating func nextKey() throws(JSONSyntaxError) -> String? {
        guard let span = try nextKeySpan() else { return nil }
        guard bytes[span].contains(UInt8(ascii: "\\")) else { return String(decoding: bytes[span], as: UTF8.self) }
        // Rare: a key with escapes. Read it again, quotes included, as a string value.
        var key = JSONScanner(Array(bytes[(span.lowerBound - 1)...span.upperBound]))
        return try key.readString()
    }

    /// The next key of the current object as a range of the document's bytes, or nil after the
    /// closing `}`. No bytes are copied; a key written with escapes keeps them, so it matches no
    /// plain name (the store never writes such keys).
    public mutating func nextKeySpan() throws(JSONSyntaxError) -> Range<Int>? {
        skipWhitespace()
        guard offset < bytes.count else { throw error("the text ends inside an object") }
        if bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            pendingFirst = false
            return nil
        }
        if !pendingFirst {
            try expect(UInt8(ascii: ","), "',' or '}'")
            skipWhitespace()
        }
        pendingFirst = false
        let span = try readStringSpan()
        try expect(UInt8(ascii: ":"), "':'")
        return span
    }

    /// A string value as a range of the document's bytes, quotes excluded, escapes kept; see
    /// `nextKeySpan()`. The string is still checked in full.
    public mutating func readStringSpan() throws(JSONSyntaxError) -> Range<Int> {
        skipWhitespace()
        let start = offset + 1
        let end = bytes.withUnsafeBufferPointer { buffer in
            var end = start
            while end < buffer.count {
                let byte = buffer[end]
                if byte == UInt8(ascii: "\"") { return end }
                if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return -1 }
                end += 1
            }
            return end
        }
        if end >= 0, end < bytes.count, offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
            offset = end + 1
            return start..<end
        }
        _ = try readStringBytes(collect: false)  // the slow path: checks escapes and UTF-8, copies nothing
        return start..<(offset - 1)
    }

    /// Consumes `[`.
    public mutating func beginArray() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "["), "an array")
        pendingFirst = true
    }

    /// Whether another element follows in the current array; consumes the `,` or the closing `]`.
    public mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw error("the text ends inside an array") }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            pendingFirst = false
            return false
        }
        if !pendingFirst { try expect(UInt8(ascii: ","), "',' or ']'") }
        pendingFirst = false
        return true
    }

    /// Checks that nothing but white space follows the document.
    public mutating func end() throws(JSONSyntaxError) {
        skipWhitespace()
        if offset < bytes.count { throw error("unexpected text after the end of the document") }
    }

    /// Whether an object or array was just opened, so the next member needs no comma. Nested
    /// containers are always read to their end before the outer one continues, so one flag is
    /// enough: opening a container sets it, reading its first member clears it.
    private var pendingFirst = false

    // MARK: Values

    /// What kind of value comes next, without consuming it.
    public mutating func peekKind() throws(JSONSyntaxError) -> JSONKind {
        skipWhitespace()
        guard offset < bytes.count else { throw error("the text ends where a value was expected") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("a value was expected")
        }
    }

    public mutating func readString() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        let span = try readStringSpan()
        // Without escapes the span is the text itself.
        if !bytes[span].contains(UInt8(ascii: "\\")) { return String(decoding: bytes[span], as: UTF8.self) }
        offset = span.lowerBound - 1
        let raw = try readStringBytes()
        return String(decoding: raw, as: UTF8.self)
    }

    public mutating func readBool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if consumeLiteral("true") { return true }
        if consumeLiteral("false") { return false }
        throw error("true or false was expected", ranOut: isCutLiteral("true") || isCutLiteral("false"))
    }

    /// Consumes `null`.
    public mutating func readNull() throws(JSONSyntaxError) {
        skipWhitespace()
        if !consumeLiteral("null") { throw error("null was expected", ranOut: isCutLiteral("null")) }
    }

    public mutating func readDouble() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        let start = offset
        let isInteger = try scanNumber()
        if isInteger, offset - start <= 18 {
            // The common case: a small integer, parsed without going through text.
            return Double(integer(in: start..<offset))
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            offset = start
            throw error("the number \(text) is out of range")
        }
        return value
    }

    /// An integer; a number with a fraction or exponent, or beyond ±2^53, is an error.
    public mutating func readInt() throws(JSONSyntaxError) -> Int {
        skipWhitespace()
        let start = offset
        let isInteger = try scanNumber()
        guard isInteger, offset - start <= 16 else {
            offset = start
            throw error("a whole number was expected")
        }
        return integer(in: start..<offset)
    }

    /// The value of the integer already scanned in `span` (at most 18 digits and a sign).
    private func integer(in span: Range<Int>) -> Int {
        var value = 0
        var index = span.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        while index < span.upperBound {
            value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return negative ? -value : value
    }

    /// Skips one value of any kind, checking its syntax, and returns the bytes it spanned.
    @discardableResult
    public mutating func skipValue() throws(JSONSyntaxError) -> Range<Int> {
        skipWhitespace()
        let start = offset
        try skipValue(depth: 0)
        return start..<offset
    }

    private mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("the document nests deeper than \(Self.maximumDepth) levels") }
        switch try peekKind() {
        case .object:
            try beginObject()
            while try nextKeySpan() != nil { try skipValue(depth: depth + 1) }
        case .array:
            try beginArray()
            while try nextElement() { try skipValue(depth: depth + 1) }
        case .string: _ = try readStringBytes()
        case .number: _ = try scanNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        }
    }

    // MARK: Lexing

    private mutating func skipWhitespace() {
        offset = bytes.withUnsafeBufferPointer { buffer in
            var position = offset
            while position < buffer.count {
                switch buffer[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return position
                }
            }
            return position
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset < bytes.count else { throw error("the text ends where \(what) was expected") }
        guard bytes[offset] == byte else { throw error("\(what) was expected") }
        offset += 1
    }

    private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { literalBytes in
            (0..<count).allSatisfy { bytes[offset + $0] == literalBytes[$0] }
        }
        if matches { offset += count }
        return matches
    }

    /// Whether the rest of the text is a proper beginning of `literal`: a file cut off inside it.
    private func isCutLiteral(_ literal: StaticString) -> Bool {
        let rest = bytes.count - offset
        return rest < literal.utf8CodeUnitCount && literal.withUTF8Buffer { literalBytes in
            (0..<rest).allSatisfy { bytes[offset + $0] == literalBytes[$0] }
        }
    }

    /// Scans a number's syntax; returns whether it was a plain integer.
    private mutating func scanNumber() throws(JSONSyntaxError) -> Bool {
        let start = offset
        func digits() -> Int {
            let begin = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - begin
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let intStart = offset
        let intDigits = digits()
        guard intDigits > 0 else { let ranOut = offset >= bytes.count; offset = start; throw error("a number was expected", ranOut: ranOut) }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { offset = start; throw error("a number may not start with 0") }
        var isInteger = true
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            isInteger = false
            guard digits() > 0 else { let ranOut = offset >= bytes.count; offset = start; throw error("a digit was expected after '.'", ranOut: ranOut) }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            isInteger = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { let ranOut = offset >= bytes.count; offset = start; throw error("a digit was expected in the exponent", ranOut: ranOut) }
        }
        return isInteger
    }

    /// Reads a string at the current offset and returns its unescaped UTF-8 bytes. Invalid
    /// UTF-8 and raw control characters are errors, as RFC 8259 requires.
    private mutating func readStringBytes(collect: Bool = true) throws(JSONSyntaxError) -> [UInt8] {
        guard offset < bytes.count else { throw error("the text ends where a string was expected") }
        guard bytes[offset] == UInt8(ascii: "\"") else { throw error("a string was expected") }
        offset += 1
        let start = offset
        // Fast path: no escapes, plain ASCII.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let result = collect ? Array(bytes[start..<offset]) : []
                offset += 1
                return result
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            offset += 1
        }
        var result = collect ? Array(bytes[start..<offset]) : []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return result
            case UInt8(ascii: "\\"):
                try readEscape(into: &result, collect: collect)
            case 0..<0x20:
                throw error("a control character must be escaped inside a string")
            case 0x80...:
                try readUTF8Scalar(into: &result, collect: collect)
            default:
                if collect { result.append(byte) }
                offset += 1
            }
        }
        throw error("the text ends inside a string")
    }

    private mutating func readEscape(into result: inout [UInt8], collect: Bool) throws(JSONSyntaxError) {
        offset += 1
        guard offset < bytes.count else { throw error("the text ends inside a string") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): if collect { result.append(byte) }
        case UInt8(ascii: "b"): if collect { result.append(0x08) }
        case UInt8(ascii: "f"): if collect { result.append(0x0C) }
        case UInt8(ascii: "n"): if collect { result.append(0x0A) }
        case UInt8(ascii: "r"): if collect { result.append(0x0D) }
        case UInt8(ascii: "t"): if collect { result.append(0x09) }
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("a lone surrogate in a \\u escape")
                }
                offset += 2
                let low = try readHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("a lone surrogate in a \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
            if collect { result.append(contentsOf: Array(String(Character(unicode)).utf8)) }
        default:
            offset -= 1
            throw error("an unknown escape \\\(Character(Unicode.Scalar(byte)))")
        }
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("the text ends inside a \\u escape", ranOut: true) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a hexadecimal digit was expected in a \\u escape")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// Copies one multi-byte UTF-8 sequence, checking it is well formed (no overlongs, no
    /// surrogates, nothing above U+10FFFF).
    private mutating func readUTF8Scalar(into result: inout [UInt8], collect: Bool) throws(JSONSyntaxError) {
        let lead = bytes[offset]
        let length: Int
        var lowerSecond: UInt8 = 0x80, upperSecond: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerSecond = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperSecond = 0x9F
        case 0xF0: length = 4; lowerSecond = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperSecond = 0x8F
        default: throw error("the text is not valid UTF-8")
        }
        guard offset + length <= bytes.count else {
            // Only a real truncation if what is there is a valid beginning.
            let valid = (offset + 1..<bytes.count).allSatisfy { (0x80...0xBF).contains(bytes[$0]) }
            throw error(valid ? "the text ends inside a UTF-8 character" : "the text is not valid UTF-8", ranOut: valid)
        }
        for index in 1..<length {
            let byte = bytes[offset + index]
            let (low, high) = index == 1 ? (lowerSecond, upperSecond) : (UInt8(0x80), UInt8(0xBF))
            guard (low...high).contains(byte) else {
                offset += index
                throw error("the text is not valid UTF-8")
            }
        }
        if collect { result.append(contentsOf: bytes[offset..<offset + length]) }
        offset += length
    }

    /// An error at the current offset. It is a truncation when the text ran out there, or when
    /// `ranOut` says the bytes so far were a valid beginning that simply stopped.
    private func error(_ message: String, ranOut: Bool = false) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: message, isTruncation: ranOut || offset >= bytes.count)
    }
}

/// The kinds of JSON value.
public enum JSONKind: String, Sendable {
    case object, array, string, number, bool, null
}

/// Where and why a document is not valid JSON.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset of the problem.
    public let offset: Int
    public let message: String
    /// Whether the document simply stopped early, as a file cut off by a crash or a full disk
    /// would.
    public let isTruncation: Bool

    public var description: String { "\(message) (byte \(offset))" }

    /// The 1-based line and column of the offset in `bytes`.
    public func position(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
