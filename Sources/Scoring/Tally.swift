import Questionnaire

/// Running counts of every answer, per item and department: all the consolidation needs, and
/// small whatever the number of participants, so a report over thousands of participant files
/// never holds them all in memory.
///
/// Maturity ratings are counted per stage rather than stored: means, spreads, minima, maxima
/// and histograms all follow from four counts. A tally is a value; parallel readers each fill
/// their own and `merge` them, in any order, to the same result.
public struct Tally: Sendable {
    public let setup: ScoringSetup
    /// Each item's place: its index in `items`, its module and whether that module is shared.
    let itemIndex: [ItemID: Int]
    let items: [Item]
    let itemModule: [Int]
    /// Each item's kind and, for choice items, its option ids: what `add` needs, kept apart so
    /// that counting an answer never copies an `Item`.
    let kinds: [ItemKindTag]
    let optionIDs: [[String]]
    let departmentCount: Int

    /// Per item and department, `MaturityCell.width` integers (see `MaturityCell`).
    var maturity: [Int]
    /// Per item and department: option counts, then don't know, then respondents.
    var choiceCounts: [Int]
    let choiceOffset: [Int]
    /// Per item and department: the current and target values given, and the don't-knows.
    var numbers: [NumberCell]
    /// Free answers and comments, with item and department.
    var comments: [Comment]
    /// Dot votes per item position.
    var votes: [Int]
    /// Participants per department: joined, and marked done.
    var joined: [Int]
    var done: [Int]

    public init(setup: ScoringSetup) {
        self.setup = setup
        var index: [ItemID: Int] = [:]
        var items: [Item] = [], itemModule: [Int] = [], choiceOffset: [Int] = []
        var choiceWidth = 0
        let departmentCount = setup.departments.count
        for (moduleIndex, module) in setup.modules.enumerated() {
            for item in module.items where index[item.id] == nil {
                index[item.id] = items.count
                items.append(item)
                itemModule.append(moduleIndex)
                choiceOffset.append(choiceWidth)
                if case .choice(let options, _) = item.kind { choiceWidth += (options.count + 2) * departmentCount }
            }
        }
        self.itemIndex = index
        self.items = items
        kinds = items.map(\.kind.tag)
        optionIDs = items.map { item in
            if case .choice(let options, _) = item.kind { return options.map(\.id) }
            return []
        }
        self.itemModule = itemModule
        self.choiceOffset = choiceOffset
        self.departmentCount = departmentCount
        maturity = Array(repeating: 0, count: items.count * departmentCount * MaturityCell.width)
        choiceCounts = Array(repeating: 0, count: choiceWidth)
        numbers = Array(repeating: NumberCell(), count: items.count * departmentCount)
        comments = []
        votes = Array(repeating: 0, count: items.count)
        joined = Array(repeating: 0, count: departmentCount)
        done = Array(repeating: 0, count: departmentCount)
    }

    /// The index of a department, or nil if the session has no such department.
    public func department(_ id: String) -> Int? {
        setup.departments.firstIndex(of: id)
    }

    /// Counts a participant of `department` (an index from `department(_:)`).
    public mutating func addParticipant(department: Int, done isDone: Bool) {
        joined[department] += 1
        if isDone { done[department] += 1 }
    }

    /// Counts one answer of a participant of `department`. Answers to items the setup does not
    /// know, and answers of the wrong kind, are ignored: the store has already set them aside.
    public mutating func add(_ answer: Answer, to itemID: ItemID, department: Int) {
        guard let index = itemIndex[itemID] else { return }
        add(answer, toItemAt: index, department: department)
    }

    /// Counts one answer to the item at `index` among the setup's items (every module's items,
    /// in module order). For readers that already know the position, it saves a lookup per
    /// answer.
    public mutating func add(_ answer: Answer, toItemAt index: Int, department: Int) {
        guard kinds.indices.contains(index) else { return }
        let cell = index * departmentCount + department
        var answered = true
        switch (kinds[index], answer.value) {
        case (.maturity, .maturity(let current, let target)):
            let base = cell * MaturityCell.width
            switch current {
            case .value(let stage)? where (1...4).contains(stage): maturity[base + MaturityCell.current + stage - 1] += 1
            case .dontKnow?: maturity[base + MaturityCell.currentDontKnow] += 1
            default: break
            }
            switch target {
            case .value(let stage)? where (1...4).contains(stage): maturity[base + MaturityCell.target + stage - 1] += 1
            case .dontKnow?: maturity[base + MaturityCell.targetDontKnow] += 1
            default: break
            }
            answered = current != nil || target != nil
            if answered {
                maturity[base + MaturityCell.importanceSum] += answer.importance ?? ScoringSetup.defaultImportance
                maturity[base + MaturityCell.respondents] += 1
            }
        case (.choice, .choice(let chosen)):
            let options = optionIDs[index]
            let base = choiceOffset[index] + department * (options.count + 2)
            switch chosen {
            case .value(let ids):
                for id in ids {
                    if let option = options.firstIndex(of: id) { choiceCounts[base + option] += 1 }
                }
            case .dontKnow: choiceCounts[base + options.count] += 1
            }
            choiceCounts[base + options.count + 1] += 1
        case (.number, .number(let current, let target)):
            numbers[cell].add(current: current, target: target)
        case (.text, .text(let text)):
            if !text.allSatisfy(\.isWhitespace) { comments.append(Comment(item: items[index].id, itemIndex: index, department: department, text: text, isAnswer: true)) }
        default:
            answered = false
        }
        // A comment counts even without a rating: "don't know yet, because…" is worth reading.
        if kindMatches(index, answer), let comment = answer.comment, !comment.allSatisfy(\.isWhitespace) {
            comments.append(Comment(item: items[index].id, itemIndex: index, department: department, text: comment, isAnswer: false))
        }
    }

    /// Whether an answer is of the kind its item takes (the store never hands over others).
    private func kindMatches(_ index: Int, _ answer: Answer) -> Bool {
        switch (kinds[index], answer.value) {
        case (.maturity, .maturity), (.choice, .choice), (.number, .number), (.text, .text): true
        default: false
        }
    }

    /// Counts a participant's dot votes. Votes on items the setup does not know are ignored.
    public mutating func addVotes(_ dots: [ItemID: Int]) {
        for (item, count) in dots where count > 0 {
            if let index = itemIndex[item] { votes[index] += count }
        }
    }

    /// Adds another tally of the same setup: the result is the tally of both sets of answers.
    public mutating func merge(_ other: Tally) {
        for index in maturity.indices { maturity[index] += other.maturity[index] }
        for index in choiceCounts.indices { choiceCounts[index] += other.choiceCounts[index] }
        for index in numbers.indices { numbers[index].merge(other.numbers[index]) }
        comments += other.comments
        for index in votes.indices { votes[index] += other.votes[index] }
        for index in joined.indices {
            joined[index] += other.joined[index]
            done[index] += other.done[index]
        }
    }
}

/// The layout of one item-and-department cell of maturity counts.
enum MaturityCell {
    static let current = 0           // four counts, stages 1…4
    static let currentDontKnow = 4
    static let target = 5            // four counts, stages 1…4
    static let targetDontKnow = 9
    static let importanceSum = 10
    static let respondents = 11      // participants with any current or target, don't know included
    static let width = 12
}

/// The values of one number item in one department.
struct NumberCell: Sendable {
    var current: [Double] = []
    var target: [Double] = []
    var currentDontKnow = 0
    var targetDontKnow = 0

    mutating func add(current: Rated<Double>?, target: Rated<Double>?) {
        switch current {
        case .value(let value)? where value.isFinite: self.current.append(value)
        case .dontKnow?: currentDontKnow += 1
        default: break
        }
        switch target {
        case .value(let value)? where value.isFinite: self.target.append(value)
        case .dontKnow?: targetDontKnow += 1
        default: break
        }
    }

    mutating func merge(_ other: NumberCell) {
        current += other.current
        target += other.target
        currentDontKnow += other.currentDontKnow
        targetDontKnow += other.targetDontKnow
    }
}

/// A free answer or a comment, attributed to a department, never to a name.
public struct Comment: Hashable, Sendable {
    public let item: ItemID
    /// The item's position among the setup's items, for ordering.
    let itemIndex: Int
    public let department: Int
    public let text: String
    /// A text item's answer, rather than a comment on a rated item.
    public let isAnswer: Bool
}
