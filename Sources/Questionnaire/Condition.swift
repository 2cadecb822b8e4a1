/// Skip logic: an item is asked only when an earlier item's answer passes a test.
public struct Condition: Hashable, Sendable {
    /// The earlier item, in the same module, whose answer decides.
    public let itemID: ItemID
    public let test: Test

    public init(itemID: ItemID, test: Test) {
        self.itemID = itemID
        self.test = test
    }

    /// What the earlier answer must satisfy.
    public enum Test: Hashable, Sendable {
        /// A choice item has this option chosen.
        case isOption(String)
        /// A choice item has at least one of these options chosen.
        case anyOf([String])
        /// A maturity item's current stage, or a number item's current value, is at least this.
        case atLeast(Double)
        /// A maturity item's current stage, or a number item's current value, is at most this.
        case atMost(Double)

        /// The key the test is written with in the YAML.
        public var key: String {
            switch self {
            case .isOption: "is"
            case .anyOf: "any_of"
            case .atLeast: "at_least"
            case .atMost: "at_most"
            }
        }
    }

    /// Whether the condition holds for `answer`, the participant's answer to `itemID`.
    ///
    /// No answer, or don't know, never satisfies a condition: an item is asked only on positive
    /// evidence that it applies.
    public func isSatisfied(by answer: Answer?) -> Bool {
        guard let answer else { return false }
        switch (test, answer.value) {
        case (.isOption(let option), .choice(.value(let chosen))):
            return chosen.contains(option)
        case (.anyOf(let options), .choice(.value(let chosen))):
            return options.contains(where: chosen.contains)
        case (.atLeast(let bound), _):
            return currentNumber(of: answer).map { $0 >= bound } ?? false
        case (.atMost(let bound), _):
            return currentNumber(of: answer).map { $0 <= bound } ?? false
        default:
            return false
        }
    }

    private func currentNumber(of answer: Answer) -> Double? {
        switch answer.value {
        case .maturity(.value(let stage)?, _): Double(stage)
        case .number(.value(let value)?, _): value
        default: nil
        }
    }
}
