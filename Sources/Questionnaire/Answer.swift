/// A rating that may be "don't know". Don't-know is an answer: it is counted and shown, but it
/// never enters a mean.
public enum Rated<Value: Hashable & Sendable>: Hashable, Sendable {
    case value(Value)
    case dontKnow

    /// The value, or nil for don't know.
    public var known: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// What a participant answered to one item, in the item's own terms.
public enum AnswerValue: Hashable, Sendable {
    /// Stages 1…4 (validated against the scale), each side possibly not given yet.
    case maturity(current: Rated<Int>?, target: Rated<Int>?)
    /// The chosen option ids.
    case choice(Rated<[String]>)
    /// A KPI's current and target values.
    case number(current: Rated<Double>?, target: Rated<Double>?)
    /// A free answer.
    case text(String)

    /// The kind of item this value answers, as named in the YAML.
    public var kindName: String {
        switch self {
        case .maturity: "maturity"
        case .choice: "choice"
        case .number: "number"
        case .text: "text"
        }
    }
}

/// One participant's answer to one item: the value, how important they find the item, and a
/// comment. Time and revision belong to the session store, not here.
public struct Answer: Hashable, Sendable {
    public static let importanceRange = 1...3
    /// The importance assumed when a participant gives none.
    public static let defaultImportance = 2

    public var value: AnswerValue
    /// 1 (low) to 3 (high); nil means not given, which scores as 2.
    public var importance: Int?
    public var comment: String?

    public init(_ value: AnswerValue, importance: Int? = nil, comment: String? = nil) {
        self.value = value
        self.importance = importance
        self.comment = comment
    }

    /// Whether the participant has answered the item's main question (a current rating, a
    /// choice, a value or some text; don't know counts as an answer).
    public var isAnswered: Bool {
        switch value {
        case .maturity(let current, _): current != nil
        case .choice: true
        case .number(let current, _): current != nil
        case .text(let text): !text.allSatisfy(\.isWhitespace)
        }
    }
}
