/// A set of interface words that exists in every supported language: the report's, the
/// screens'. Conforming types give the four instances; picking one and filling in "{name}"
/// placeholders is the same for all of them.
public protocol InterfaceWords: Sendable {
    static var english: Self { get }
    static var polish: Self { get }
    static var swedish: Self { get }
    static var italian: Self { get }
}

extension InterfaceWords {
    /// The words for `language`.
    public static func forLanguage(_ language: Language) -> Self {
        switch language {
        case .english: english
        case .polish: polish
        case .swedish: swedish
        case .italian: italian
        }
    }

    /// `template` with each "{name}" replaced by its value.
    /// Filled in one pass over the template, so that a value holding "{date}" (a session titled
    /// "Q3 {date}") stays as typed, whatever order the values come in.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return result + rest
    }
}

extension InterfaceWords {
    /// Where a translation's "{name}" placeholders differ from English's: a template that lost
    /// or misspelt one would show the raw braces, or leave out the number it should carry.
    /// Each entry names the language, the field and both sets.
    public static func placeholderMismatches() -> [String] {
        let reference = placeholders(in: english)
        var mismatches: [String] = []
        for language in Language.allCases where language != .english {
            let translated = placeholders(in: forLanguage(language))
            for (field, expected) in reference.sorted(by: { $0.key < $1.key }) where translated[field] != expected {
                let found = translated[field].map { $0.sorted().joined(separator: ", ") } ?? "nothing"
                mismatches.append("\(language.rawValue).\(field): {\(expected.sorted().joined(separator: ", "))} in English, {\(found)} here")
            }
        }
        return mismatches
    }

    /// Each text field's placeholders, by field name; a list of texts counts as one field per
    /// entry ("field[2]").
    private static func placeholders(in words: Self) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for child in Mirror(reflecting: words).children {
            guard let label = child.label else { continue }
            if let text = child.value as? String {
                result[label] = names(in: text)
            } else if let texts = child.value as? [String] {
                for (index, text) in texts.enumerated() { result["\(label)[\(index)]"] = names(in: text) }
            }
        }
        return result
    }

    private static func names(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension InterfaceWords {
    /// Every text of `language`, by field name ("field[2]" for a list's entries): for checks
    /// that read all of a language's words, such as its register.
    public static func texts(in language: Language) -> [(field: String, text: String)] {
        var result: [(field: String, text: String)] = []
        for child in Mirror(reflecting: forLanguage(language)).children {
            guard let label = child.label else { continue }
            if let text = child.value as? String {
                result.append((label, text))
            } else if let texts = child.value as? [String] {
                result += texts.enumerated().map { ("\(label)[\($0.offset)]", $0.element) }
            }
        }
        return result
    }
}
