/// A parsed JSON document, for the small files of a session (settings, the facilitator's
/// state) where a tree is simpler than a pull parser and speed does not matter.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in file order; a repeated key keeps its last value when looked up.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            for (key, value) in members { hasher.combine(key); hasher.combine(value) }
        }
    }

    /// Parses a whole document.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(bytes)
        let value = try read(&scanner, depth: 0)
        try scanner.end()
        return value
    }

    private static func read(_ scanner: inout JSONScanner, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < JSONScanner.maximumDepth else {
            throw JSONSyntaxError(offset: scanner.offset, message: "the document nests too deeply", isTruncation: false)
        }
        switch try scanner.peekKind() {
        case .null:
            try scanner.readNull()
            return .null
        case .bool: return .bool(try scanner.readBool())
        case .number: return .number(try scanner.readDouble())
        case .string: return .string(try scanner.readString())
        case .array:
            try scanner.beginArray()
            var values: [JSONValue] = []
            while try scanner.nextElement() { values.append(try read(&scanner, depth: depth + 1)) }
            return .array(values)
        case .object:
            try scanner.beginObject()
            var members: [(String, JSONValue)] = []
            while let key = try scanner.nextKey() {
                members.append((key, try read(&scanner, depth: depth + 1)))
            }
            return .object(members)
        }
    }

    /// The member `key` of an object (the last one, if repeated).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    public var members: [(String, JSONValue)]? { if case .object(let value) = self { value } else { nil } }

    /// A whole number that fits an `Int`, exactly.
    public var int: Int? {
        guard let number, number == number.rounded(), abs(number) < 9e15 else { return nil }
        return Int(number)
    }

    /// The kind, for messages.
    public var kind: JSONKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
}
