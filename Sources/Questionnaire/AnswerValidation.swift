/// Why an answer does not fit its item. Each case says enough to put right in a message.
public enum InvalidAnswer: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongKind(item: ItemID, expected: String, got: String)
    case stageOutOfRange(item: ItemID, side: Side, value: Int)
    case importanceOutOfRange(item: ItemID, value: Int)
    case unknownOption(item: ItemID, option: String, known: [String])
    case repeatedOption(item: ItemID, option: String)
    case singleChoiceNeedsOne(item: ItemID, count: Int)
    case exclusiveOptionWithOthers(item: ItemID, option: String)
    case numberOutOfBounds(item: ItemID, side: Side, value: Double, minimum: Double?, maximum: Double?)
    case textTooLong(item: ItemID, length: Int, limit: Int)
    case commentTooLong(item: ItemID, length: Int, limit: Int)

    /// Which of the two ratings an error is about.
    public enum Side: String, Hashable, Sendable { case current, target }

    public var description: String {
        switch self {
        case let .wrongKind(item, expected, got):
            "\(item) is a \(expected) item, but the answer is a \(got) answer"
        case let .stageOutOfRange(item, side, value):
            "\(item): the \(side.rawValue) stage \(value) is not on the scale; use 1 to 4, or don't know"
        case let .importanceOutOfRange(item, value):
            "\(item): importance \(value) is out of range; use 1 (low), 2 (medium) or 3 (high)"
        case let .unknownOption(item, option, known):
            "\(item) has no option \"\(option)\"; its options are \(known.joined(separator: ", "))"
        case let .repeatedOption(item, option):
            "\(item): option \"\(option)\" is chosen twice"
        case let .singleChoiceNeedsOne(item, count):
            "\(item) takes exactly one option, but \(count) were chosen"
        case let .exclusiveOptionWithOthers(item, option):
            "\(item): option \"\(option)\" stands alone and cannot be chosen together with other options"
        case let .numberOutOfBounds(item, side, value, minimum, maximum):
            "\(item): the \(side.rawValue) value \(NumberFormatting.plain(value)) is outside "
                + NumberFormatting.range(minimum: minimum, maximum: maximum)
        case let .textTooLong(item, length, limit):
            "\(item): the answer is \(length) characters; the limit is \(limit)"
        case let .commentTooLong(item, length, limit):
            "\(item): the comment is \(length) characters; the limit is \(limit)"
        }
    }
}

extension Item {
    /// The longest free answer or comment accepted, in characters: enough for a paragraph,
    /// small enough that one participant cannot bloat a report.
    public static let maximumTextLength = 2000

    /// Checks that `answer` fits this item: the right kind, stages on the scale, options that
    /// exist, numbers within bounds, texts within the length limit.
    public func validate(_ answer: Answer) throws(InvalidAnswer) {
        try AnswerRule(self).validate(answer)
    }
}

/// What an answer to one item must satisfy, taken from the item once: reading thousands of
/// participant files checks millions of answers, and looking at the whole `Item` (its texts in
/// four languages, its options' labels) for each one was a sixth of a report's time.
public struct AnswerRule: Hashable, Sendable {
    public let item: ItemID
    let kind: ItemKindTag
    let options: [String]
    /// The options that are never chosen with another.
    let exclusive: Set<String>
    let multiple: Bool
    let spec: NumberSpec?

    public init(_ item: Item) {
        self.item = item.id
        kind = item.kind.tag
        switch item.kind {
        case .choice(let choices, let multiple):
            options = choices.map(\.id)
            exclusive = Set(choices.filter(\.exclusive).map(\.id))
            self.multiple = multiple
            spec = nil
        case .number(let spec):
            options = []
            exclusive = []
            multiple = false
            self.spec = spec
        case .maturity, .text:
            options = []
            exclusive = []
            multiple = false
            spec = nil
        }
    }

    /// Checks `answer` against the rule; see `Item.validate`.
    public func validate(_ answer: Answer) throws(InvalidAnswer) {
        if let importance = answer.importance, !Answer.importanceRange.contains(importance) {
            throw .importanceOutOfRange(item: item, value: importance)
        }
        if let comment = answer.comment, Self.isTooLong(comment) {
            throw .commentTooLong(item: item, length: comment.count, limit: Item.maximumTextLength)
        }
        switch answer.value {
        case .maturity(let current, let target) where kind == .maturity:
            try checkStage(current, side: .current)
            try checkStage(target, side: .target)
        case .choice(let rated) where kind == .choice:
            guard case .value(let chosen) = rated else { return }
            try checkChoice(chosen)
        case .number(let current, let target) where kind == .number:
            try checkNumber(current, side: .current)
            try checkNumber(target, side: .target)
        case .text(let text) where kind == .text:
            if Self.isTooLong(text) {
                throw .textTooLong(item: item, length: text.count, limit: Item.maximumTextLength)
            }
        default:
            throw .wrongKind(item: item, expected: kind.rawValue, got: answer.value.kindName)
        }
    }

    /// Longer than the limit in characters. Counting characters walks the whole text; a text of
    /// no more bytes than the limit cannot have more characters, and most are far shorter.
    static func isTooLong(_ text: String) -> Bool {
        text.utf8.count > Item.maximumTextLength && text.count > Item.maximumTextLength
    }

    private func checkStage(_ rated: Rated<Int>?, side: InvalidAnswer.Side) throws(InvalidAnswer) {
        guard case .value(let stage)? = rated else { return }
        if MaturityStage(rawValue: stage) == nil {
            throw .stageOutOfRange(item: item, side: side, value: stage)
        }
    }

    private func checkChoice(_ chosen: [String]) throws(InvalidAnswer) {
        if !multiple && chosen.count != 1 {
            throw .singleChoiceNeedsOne(item: item, count: chosen.count)
        }
        for (index, option) in chosen.enumerated() {
            guard options.contains(option) else { throw .unknownOption(item: item, option: option, known: options) }
            guard !chosen[..<index].contains(option) else { throw .repeatedOption(item: item, option: option) }
        }
        if chosen.count > 1, let alone = chosen.first(where: exclusive.contains) {
            throw .exclusiveOptionWithOthers(item: item, option: alone)
        }
    }

    private func checkNumber(_ rated: Rated<Double>?, side: InvalidAnswer.Side) throws(InvalidAnswer) {
        guard case .value(let value)? = rated, let spec else { return }
        if !spec.accepts(value) {
            throw .numberOutOfBounds(item: item, side: side, value: value, minimum: spec.minimum, maximum: spec.maximum)
        }
    }
}
