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
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
