/// Why an answer does not fit its item. Each case says enough to put right in a message.
public enum InvalidAnswer: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongKind(item: ItemID, expected: String, got: String)
    case stageOutOfRange(item: ItemID, side: Side, value: Int)
    case importanceOutOfRange(item: ItemID, value: Int)
    case unknownOption(item: ItemID, option: String, known: [String])
    case repeatedOption(item: ItemID, option: String)
    case singleChoiceNeedsOne(item: ItemID, count: Int)
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
        if let importance = answer.importance, !Answer.importanceRange.contains(importance) {
            throw .importanceOutOfRange(item: id, value: importance)
        }
        if let comment = answer.comment, comment.count > Self.maximumTextLength {
            throw .commentTooLong(item: id, length: comment.count, limit: Self.maximumTextLength)
        }
        switch (kind, answer.value) {
        case (.maturity, .maturity(let current, let target)):
            try checkStage(current, side: .current)
            try checkStage(target, side: .target)
        case (.choice(let options, let multiple), .choice(let rated)):
            guard case .value(let chosen) = rated else { return }
            try checkChoice(chosen, options: options.map(\.id), multiple: multiple)
        case (.number(let spec), .number(let current, let target)):
            try checkNumber(current, spec: spec, side: .current)
            try checkNumber(target, spec: spec, side: .target)
        case (.text, .text(let text)):
            if text.count > Self.maximumTextLength {
                throw .textTooLong(item: id, length: text.count, limit: Self.maximumTextLength)
            }
        default:
            throw .wrongKind(item: id, expected: kind.name, got: answer.value.kindName)
        }
    }

    private func checkStage(_ rated: Rated<Int>?, side: InvalidAnswer.Side) throws(InvalidAnswer) {
        guard case .value(let stage)? = rated else { return }
        if MaturityStage(rawValue: stage) == nil {
            throw .stageOutOfRange(item: id, side: side, value: stage)
        }
    }

    private func checkChoice(_ chosen: [String], options: [String], multiple: Bool) throws(InvalidAnswer) {
        if !multiple && chosen.count != 1 {
            throw .singleChoiceNeedsOne(item: id, count: chosen.count)
        }
        var seen: Set<String> = []
        for option in chosen {
            guard options.contains(option) else { throw .unknownOption(item: id, option: option, known: options) }
            guard seen.insert(option).inserted else { throw .repeatedOption(item: id, option: option) }
        }
    }

    private func checkNumber(_ rated: Rated<Double>?, spec: NumberSpec, side: InvalidAnswer.Side) throws(InvalidAnswer) {
        guard case .value(let value)? = rated else { return }
        if !spec.accepts(value) {
            throw .numberOutOfBounds(item: id, side: side, value: value, minimum: spec.minimum, maximum: spec.maximum)
        }
    }
}
