/// A questionnaire module: one department's section, or the shared omnichannel section.
///
/// Modules are data, read from YAML by `ModuleLoader`; nothing here knows about files.
public struct QuestionnaireModule: Hashable, Sendable {
    public let id: String
    /// The module's own version, as its author wrote it ("1.0"). Sessions freeze it.
    public let version: String
    /// The languages the module is complete in. Always includes English.
    public let languages: [Language]
    public let title: LocalizedText
    public let intro: LocalizedText
    public internal(set) var dimensions: [Dimension]
    /// Answered by everybody, whatever their department (the omnichannel module), rather than
    /// being a department of its own. Departments are data: this flag, not code, says which.
    public let shared: Bool
    /// The module's place in lists (the join screen, the report's departments); modules without
    /// one come after those with one, by id.
    public let order: Int?
    /// Whether participants rate each item's importance. A session decides it (`omnigap new
    /// --no-importance`), not the module file: importance is 2 for everyone where it is not asked.
    public internal(set) var asksImportance: Bool

    public init(id: String, version: String, languages: [Language], title: LocalizedText,
                intro: LocalizedText, dimensions: [Dimension], shared: Bool = false, order: Int? = nil,
                asksImportance: Bool = true) {
        self.id = id
        self.version = version
        self.languages = languages
        self.title = title
        self.intro = intro
        self.dimensions = dimensions
        self.shared = shared
        self.order = order
        self.asksImportance = asksImportance
    }

    /// Every item, in the order a participant meets them.
    public var items: [Item] { dimensions.flatMap(\.items) }

    /// The item with `id`, if this module has it.
    public func item(_ id: ItemID) -> Item? {
        for dimension in dimensions {
            if let item = dimension.items.first(where: { $0.id == id }) { return item }
        }
        return nil
    }

    /// The dimension with `id`, if this module has it.
    public func dimension(_ id: String) -> Dimension? {
        dimensions.first { $0.id == id }
    }
}

/// One area of a module, such as "Ownership and placement"; its score is the weighted mean of
/// its maturity items.
public struct Dimension: Hashable, Sendable {
    public let id: String
    public let title: LocalizedText
    public internal(set) var items: [Item]

    public init(id: String, title: LocalizedText, items: [Item]) {
        self.id = id
        self.title = title
        self.items = items
    }
}

/// One question.
public struct Item: Hashable, Sendable {
    public let id: ItemID
    public let kind: ItemKind
    public let prompt: LocalizedText
    public let help: LocalizedText?
    /// How much the item counts in its dimension's mean. Positive; 1 unless the module says.
    public let weight: Double
    /// Skip logic: the item is asked only when this holds.
    public let condition: Condition?
    /// May be left unanswered: it is not counted as open when a participant finishes, nor in
    /// progress. A session decides it (`omnigap new --optional`), not the module file.
    public internal(set) var isOptional: Bool

    public init(id: ItemID, kind: ItemKind, prompt: LocalizedText, help: LocalizedText? = nil,
                weight: Double = 1, condition: Condition? = nil, isOptional: Bool = false) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.help = help
        self.weight = weight
        self.condition = condition
        self.isOptional = isOptional
    }
}

/// What kind of answer an item takes, with what that kind needs to be asked.
public enum ItemKind: Hashable, Sendable {
    /// Rated as a current and a target stage; `levels` describes each of the four stages for this
    /// item, in stage order.
    case maturity(levels: [LocalizedText])
    /// One option, or several when `multiple`.
    case choice(options: [ChoiceOption], multiple: Bool)
    /// A KPI, asked as a current and a target value.
    case number(NumberSpec)
    /// A free answer.
    case text

    /// Which kind it is, without what it carries: cheap to keep per item and compare in hot
    /// loops.
    public var tag: ItemKindTag {
        switch self {
        case .maturity: .maturity
        case .choice: .choice
        case .number: .number
        case .text: .text
        }
    }

    /// The kind's name as written in the YAML.
    public var name: String { tag.rawValue }

    /// The level descriptor for `stage`, for maturity items.
    public func descriptor(for stage: MaturityStage) -> LocalizedText? {
        guard case .maturity(let levels) = self, levels.count == MaturityStage.allCases.count else { return nil }
        return levels[stage.rawValue - 1]
    }

    /// What the stage above a mean `score` looks like, in the ladder's own words: the next step
    /// a gap list and a goal can start from. Nil for non-maturity items and at the top stage.
    public func nextStep(above score: Double) -> (stage: MaturityStage, descriptor: LocalizedText)? {
        let today = MaturityStage(score: score)
        guard let next = MaturityStage(rawValue: today.rawValue + 1),
              let descriptor = descriptor(for: next) else { return nil }
        return (next, descriptor)
    }
}

/// The four kinds of item, as plain cases; each named as the YAML writes it.
public enum ItemKindTag: String, Hashable, Sendable {
    case maturity, choice, number, text
}

/// One option of a choice item.
public struct ChoiceOption: Hashable, Sendable {
    public let id: String
    public let label: LocalizedText
    /// An option that stands alone ("none of these", "no barrier"): on a multiple choice it is
    /// never chosen together with another option. Ticking it clears the others, and ticking
    /// another clears it.
    public let exclusive: Bool

    public init(id: String, label: LocalizedText, exclusive: Bool = false) {
        self.id = id
        self.label = label
        self.exclusive = exclusive
    }
}

/// The unit and the allowed range of a number item.
public struct NumberSpec: Hashable, Sendable {
    public let unit: LocalizedText
    public let minimum: Double?
    public let maximum: Double?

    public init(unit: LocalizedText, minimum: Double? = nil, maximum: Double? = nil) {
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether `value` is finite and within the bounds.
    public func accepts(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }
}
