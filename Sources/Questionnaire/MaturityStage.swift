/// One of the four stages an organisation passes through as it builds its e-commerce and
/// omnichannel capability (Parsons et al., 1996, as taught by Chaffey).
///
/// The scale is defined here once, not in each module: every maturity item in every module is
/// rated on it, so its names must agree everywhere, in every language.
public enum MaturityStage: Int, CaseIterable, Codable, Sendable, Comparable {
    case adHoc = 1
    case focusing = 2
    case formalised = 3
    case institutionalised = 4

    /// The stage's number and name, as shown beside a score: "2 — focusing".
    public func label(in language: Language) -> String {
        "\(rawValue) — \(name.resolved(in: language))"
    }

    /// The stage's name in every supported language.
    public var name: LocalizedText {
        switch self {
        case .adHoc:
            LocalizedText([.english: "ad hoc", .polish: "działania doraźne",
                           .swedish: "ad hoc-aktiviteter", .italian: "attività ad hoc"])
        case .focusing:
            LocalizedText([.english: "focusing", .polish: "koncentracja na działaniu",
                           .swedish: "fokusering av insatserna", .italian: "focalizzazione degli sforzi"])
        case .formalised:
            LocalizedText([.english: "formalised", .polish: "formalizacja",
                           .swedish: "formalisering", .italian: "formalizzazione"])
        case .institutionalised:
            LocalizedText([.english: "institutionalised", .polish: "instytucjonalizacja",
                           .swedish: "institutionalisering", .italian: "istituzionalizzazione"])
        }
    }

    /// The stage a mean score falls in: floor, clamped to 1…4. A score a rounding error below a
    /// whole number (1.9999999999999998 from a mean of thirds) counts as that number.
    public init(score: Double) {
        let floored = score.isFinite ? Int((score + 1e-9).rounded(.down)) : 1
        self = MaturityStage(rawValue: min(4, max(1, floored)))!
    }

    public static func < (lhs: MaturityStage, rhs: MaturityStage) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
