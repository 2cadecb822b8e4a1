/// A language the interface and the shipped modules can be read in.
///
/// The set is closed on purpose: the interface is translated into exactly these four, and a module
/// in any other language would be read with an untranslated interface around it.
public enum Language: String, CaseIterable, Codable, Sendable, Comparable {
    case english = "en"
    case polish = "pl"
    case swedish = "sv"
    case italian = "it"

    /// The language every module must have, and the one the engine falls back to.
    public static let fallback: Language = .english

    /// The language's name in that language, for pickers and listings.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .polish: "Polski"
        case .swedish: "Svenska"
        case .italian: "Italiano"
        }
    }

    /// The codes, comma-separated, for help texts and error messages.
    public static var codeList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
