/// A user-visible text in several languages.
///
/// Modules must be complete in every language they declare; the fallback only matters when a
/// participant reads a module in a language it does not declare.
public struct LocalizedText: Hashable, Sendable {
    /// The translations, keyed by language.
    public let translations: [Language: String]

    public init(_ translations: [Language: String]) {
        self.translations = translations
    }

    /// The text in `language`, else in English, else in any language the text has.
    public func resolved(in language: Language) -> String {
        if let text = translations[language] { return text }
        if let text = translations[Language.fallback] { return text }
        return translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// Whether `language` has its own translation, rather than a fallback.
    public func has(_ language: Language) -> Bool {
        translations[language] != nil
    }
}

extension LocalizedText: Codable {
    public init(from decoder: Decoder) throws {
        let raw = try [String: String](from: decoder)
        var translations: [Language: String] = [:]
        for (code, text) in raw {
            if let language = Language(rawValue: code) { translations[language] = text }
        }
        self.init(translations)
    }

    public func encode(to encoder: Encoder) throws {
        var raw: [String: String] = [:]
        for (language, text) in translations { raw[language.rawValue] = text }
        try raw.encode(to: encoder)
    }
}
