import Basics
import Yams

/// A YAML mapping with its keys read as plain words, remembering where each key was written.
struct YAMLMapping {
    let node: Node
    /// Each key's value node and the key's own node, by key.
    let fields: [String: (key: Node, value: Node)]
    /// The keys in the order they were written.
    let keys: [String]

    subscript(key: String) -> Node? { fields[key]?.value }
}

/// Reads the typed pieces of a module out of Yams nodes, and records a diagnostic with a
/// position, instead of failing, whenever a piece is not what the format expects. That is what
/// lets the loader report every problem in a file in one run.
struct YAMLReader {
    /// Past this many problems in one file, the rest are noise: the file is badly broken.
    static let diagnosticLimit = 100

    let file: String
    private(set) var diagnostics: [ModuleDiagnostic] = []
    private var truncated = false

    init(file: String) {
        self.file = file
    }

    // MARK: Reporting

    static func position(of node: Node) -> SourcePosition {
        guard let mark = node.mark else { return .file }
        return SourcePosition(line: mark.line, column: mark.column)
    }

    mutating func report(_ code: ModuleDiagnostic.Code, at position: SourcePosition, _ problem: String, fix: String) {
        guard diagnostics.count < Self.diagnosticLimit else {
            if !truncated {
                truncated = true
                diagnostics.append(ModuleDiagnostic(
                    code: .tooMany, file: file, at: position,
                    problem: "more than \(Self.diagnosticLimit) problems in this file; the rest are not shown",
                    fix: "Fix these first, then validate again."))
            }
            return
        }
        diagnostics.append(ModuleDiagnostic(code: code, file: file, at: position, problem: problem, fix: fix))
    }

    mutating func report(_ code: ModuleDiagnostic.Code, at node: Node, _ problem: String, fix: String) {
        report(code, at: Self.position(of: node), problem, fix: fix)
    }

    // MARK: Shapes

    /// A short name for what a node is, for "expected a list, found a text" messages.
    static func shapeName(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "the text \"\(Sanitized.excerpt(scalar.string))\""
        case .alias: "an alias"
        }
    }

    /// `node` as a mapping whose keys are all plain words. Reports any other shape.
    mutating func mapping(_ node: Node, _ what: String, example: String) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            report(.wrongType, at: node, "\(what) must be a mapping, but this is \(Self.shapeName(of: node))",
                   fix: "Write it as key: value lines, for example `\(example)`.")
            return nil
        }
        var fields: [String: (key: Node, value: Node)] = [:]
        var keys: [String] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(.wrongType, at: key, "a key in \(what) is \(Self.shapeName(of: key)), not a word",
                       fix: "Use plain words as keys.")
                continue
            }
            fields[scalar.string] = (key, value)
            keys.append(scalar.string)
        }
        return YAMLMapping(node: node, fields: fields, keys: keys)
    }

    /// `node` as a list. Reports any other shape.
    mutating func sequence(_ node: Node, _ what: String, example: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report(.wrongType, at: node, "\(what) must be a list, but this is \(Self.shapeName(of: node))",
                   fix: "Write each entry on its own line starting with '- ', for example `\(example)`.")
            return nil
        }
        return Array(sequence)
    }

    /// `node` as a plain value (not a list or mapping). Reports any other shape.
    mutating func scalar(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(.wrongType, at: node, "\(what) must be a single value, but this is \(Self.shapeName(of: node))",
                   fix: "Write the value on the same line as its key.")
            return nil
        }
        return scalar.string
    }

    // MARK: Keys

    /// Reports keys not in `allowed` (with a suggestion) and `required` keys that are missing.
    /// A missing key that a misspelt one already points to is not reported twice.
    mutating func checkKeys(_ mapping: YAMLMapping, allowed: [String], required: [String], in what: String) {
        var suggested: Set<String> = []
        for key in mapping.keys where !allowed.contains(key) {
            guard let keyNode = mapping.fields[key]?.key else { continue }
            let shown = Sanitized.excerpt(key)
            if let suggestion = Suggestion.closest(to: key, among: allowed) {
                suggested.insert(suggestion)
                report(.unknownKey, at: keyNode, "unknown key \"\(shown)\" in \(what)",
                       fix: "Did you mean \"\(suggestion)\"?")
            } else {
                report(.unknownKey, at: keyNode, "unknown key \"\(shown)\" in \(what)",
                       fix: "Remove it; the keys allowed here are \(allowed.joined(separator: ", ")).")
            }
        }
        for key in required where mapping.fields[key] == nil && !suggested.contains(key) {
            report(.missingKey, at: mapping.node, "\(what) has no \"\(key)\"",
                   fix: "Add a \"\(key):\" line to it.")
        }
    }

    // MARK: Values

    /// An id following `IdentifierRule`.
    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let text = scalar(node, what) else { return nil }
        guard IdentifierRule.isValid(text) else {
            report(.invalidID, at: node, "\(what) \"\(Sanitized.excerpt(text))\" is not a valid id",
                   fix: "Use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, "
                        + "at most \(IdentifierRule.maximumLength) characters.")
            return nil
        }
        return text
    }

    /// A finite number.
    mutating func number(_ node: Node, _ what: String) -> Double? {
        guard let text = scalar(node, what) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: " ")), value.isFinite else {
            report(.wrongType, at: node, "\(what) must be a number, not \"\(Sanitized.excerpt(text))\"",
                   fix: "Write digits, such as 2 or 0.5.")
            return nil
        }
        return value
    }

    /// true or false (YAML's yes/no/on/off are accepted too).
    mutating func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let text = scalar(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(.wrongType, at: node, "\(what) must be true or false, not \"\(Sanitized.excerpt(text))\"",
                   fix: "Write true or false.")
            return nil
        }
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars
        while let first = view.first, scalars.contains(first) { view.removeFirst() }
        while let last = view.last, scalars.contains(last) { view.removeLast() }
        return String(view)
    }
}
