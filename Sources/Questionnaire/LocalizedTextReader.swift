import Basics
import Yams

extension YAMLReader {
    /// A map from language code to text, complete in `languages`.
    ///
    /// Reports unknown and undeclared language codes, empty texts, control characters, texts over
    /// `limit`, and every declared language that is missing. With `languages` nil (the module's
    /// list is broken, and reported there) only English is required and any known language is
    /// accepted.
    ///
    /// With `wrapped` set, each text must also fit that many lines when word-wrapped to that width.
    mutating func localized(_ node: Node, _ what: String, languages declared: [Language]?, limit: Int,
                            wrapped: (width: Int, lines: Int)? = nil) -> LocalizedText? {
        let languages = declared ?? [.fallback]
        let example = languages.map { "\($0.rawValue): ..." }.joined(separator: ", ")
        guard let mapping = mapping(node, what, example: example) else { return nil }
        var translations: [Language: String] = [:]
        var broken = false
        for code in mapping.keys {
            guard let (keyNode, valueNode) = mapping.fields[code] else { continue }
            guard let language = Language(rawValue: code) else {
                // Text cut at a comma inside { } becomes a key of its own: the commonest YAML slip.
                let looksLikeText = code.contains(" ") || code.count > 3
                let hint = looksLikeText
                    ? "This looks like the rest of a text cut at a comma: inside { } a comma starts a new entry, so put the whole text in quotes."
                    : (Suggestion.closest(to: code, among: Language.allCases.map(\.rawValue)).map { "Did you mean \"\($0)\"? " } ?? "")
                        + "Use one of \(Language.codeList)."
                report(.unknownLanguage, at: keyNode, "\"\(Sanitized.excerpt(code))\" in \(what) is not a language omnigap knows",
                       fix: hint)
                broken = true
                continue
            }
            guard declared == nil || languages.contains(language) else {
                report(.undeclaredLanguage, at: keyNode,
                       "\(what) has a \(code) text, but \(code) is not in the module's languages",
                       fix: "Add \(code) to the module's languages (and translate everything), or remove this line.")
                broken = true
                continue
            }
            guard let raw = scalar(valueNode, "the \(code) text of \(what)") else { broken = true; continue }
            let text = raw.trimmingCharacters(in: " \n")
            guard checkText(text, in: valueNode, "the \(code) text of \(what)", limit: limit, wrapped: wrapped) else {
                broken = true
                continue
            }
            translations[language] = text
        }
        let missing = languages.filter { mapping.fields[$0.rawValue] == nil }
        if !missing.isEmpty {
            let codes = missing.map(\.rawValue).joined(separator: ", ")
            report(.missingTranslation, at: node, "\(what) has no \(codes) translation",
                   fix: "Add \(missing.map { "\"\($0.rawValue): ...\"" }.joined(separator: " and ")) beside the other languages.")
            broken = true
        }
        return broken ? nil : LocalizedText(translations)
    }

    /// Whether `text` is non-empty, within `limit` and free of control characters; reports
    /// what is wrong otherwise.
    private mutating func checkText(_ text: String, in node: Node, _ what: String, limit: Int,
                                    wrapped: (width: Int, lines: Int)?) -> Bool {
        if text.isEmpty {
            report(.missingTranslation, at: node, "\(what) is empty", fix: "Write the text, or remove the module's language.")
            return false
        }
        if let bad = text.unicodeScalars.first(where: { Sanitized.isUnsafe($0) && $0 != "\n" }) {
            let name = bad == "\t" ? "a tab" : "the control character U+\(String(bad.value, radix: 16, uppercase: true))"
            report(.controlCharacter, at: node, "\(what) contains \(name)",
                   fix: "Remove it; use plain spaces and printable characters only.")
            return false
        }
        if text.count > limit {
            report(.textTooLong, at: node, "\(what) is \(text.count) characters long; the limit is \(limit)",
                   fix: "Shorten it so it fits the screen.")
            return false
        }
        if let wrapped, case let taken = TextWrapping.wrap(text, width: wrapped.width).count, taken > wrapped.lines {
            report(.textTooLong, at: node,
                   "\(what) takes \(taken) lines when wrapped at \(wrapped.width) columns; it must fit \(wrapped.lines)",
                   fix: "Shorten it by a few words so it fits the screen.")
            return false
        }
        return true
    }
}
