import Foundation
import Questionnaire
import SessionStore

/// The participant's screens as one value: state, `update` for every event, `render` into a
/// buffer. No I/O: saving and joining are effects the runtime carries out and reports back.
public struct ParticipantApp: Sendable {
    /// The smallest terminal the screens are laid out for.
    public static let minimumSize = (width: 80, height: 24)

    public enum Screen: Hashable, Sendable {
        case join
        case overview
        case item
        case review
        case vote
    }

    /// What the runtime must do.
    public enum Effect: Hashable, Sendable {
        case join(name: String, department: String, language: Language)
        case save(item: ItemID, answer: Answer?)
        case setDone(Bool)
        /// Replace the participant's dot votes.
        case setVotes([ItemID: Int])
        case quit
    }

    /// Which part of the join form has the focus.
    enum JoinField: Hashable, Sendable { case name, department, language }
    /// Which part of a maturity or number item has the focus.
    enum ItemField: Hashable, Sendable { case current, target, importance }

    public let title: String
    public let modules: [QuestionnaireModule]      // every module of the session
    public let departments: [String]
    public let sharedModules: [String]
    public private(set) var screen: Screen
    public private(set) var record: ParticipantRecord?
    public private(set) var language: Language
    /// A line for the status bar: "Saved", or why something failed.
    public private(set) var message: String?
    /// The phase the workshop has moved on to once answering has closed; nil while it is open.
    public private(set) var closedPhase: String?
    public private(set) var size: (width: Int, height: Int)

    // Join form.
    var joinField: JoinField = .name
    var nameField = TextField("", limit: 80)
    var departmentChoice = 0
    var languageChoice = 0
    var askName: Bool, askDepartment: Bool, askLanguage: Bool

    // Overview, item and review screens.
    var overviewSelection = 0
    /// The item being answered: its id (positions move as conditional items come and go).
    var currentItem: ItemID?
    var itemField: ItemField = .current
    var optionSelection = 0
    var numberFields = [TextField("", limit: 20), TextField("", limit: 20)]
    var textField = TextField()
    var commentField: TextField?
    var reviewSelection = 0
    /// The "mark yourself done?" question is open.
    var confirmingDone = false
    /// The gaps open for dot voting (the ranking, once revealed) with their labels, and the
    /// dots each participant has; empty while voting is closed.
    public private(set) var voteCandidates: [(item: ItemID, label: String)] = []
    public private(set) var voteBudget = 0
    var voteSelection = 0

    public init(title: String, modules: [QuestionnaireModule], departments: [String], sharedModules: [String],
                name: String?, department: String?, language: Language?, sessionLanguage: Language, size: (width: Int, height: Int)) {
        self.title = title
        self.modules = modules
        self.departments = departments
        self.sharedModules = sharedModules
        self.language = language ?? sessionLanguage
        self.size = size
        askName = name == nil
        askDepartment = department == nil
        askLanguage = language == nil
        nameField = TextField(name ?? "", limit: 80)
        departmentChoice = department.flatMap(departments.firstIndex(of:)) ?? 0
        languageChoice = Language.allCases.firstIndex(of: language ?? sessionLanguage) ?? 0
        screen = .join
        joinField = askName ? .name : (askDepartment ? .department : .language)
    }

    /// Whether the join form has anything to ask; if not, the runtime joins at once.
    public var joinEffect: Effect? {
        guard !askName, !askDepartment, !askLanguage else { return nil }
        return .join(name: nameField.value, department: departments[departmentChoice], language: language)
    }

    var words: ParticipantStrings { ParticipantStrings.forLanguage(language) }

    // MARK: What the participant answers

    /// The participant's modules: their department's, then the shared ones.
    var ownModules: [QuestionnaireModule] {
        guard let department = record?.profile.value.department else { return [] }
        return ([department] + sharedModules).compactMap { id in modules.first { $0.id == id } }
    }

    var answers: [ItemID: Answer] { record?.currentAnswers ?? [:] }

    /// The items asked now, in order, with their module and dimension.
    var visibleItems: [(module: QuestionnaireModule, dimension: Questionnaire.Dimension, item: Item)] {
        let answers = self.answers
        return ownModules.flatMap { module in
            let visible = module.visibleItemIDs(given: answers)
            return module.dimensions.flatMap { dimension in
                dimension.items.filter { visible.contains($0.id) }.map { (module, dimension, $0) }
            }
        }
    }

    /// Dimensions with their progress, for the overview.
    var dimensionRows: [(module: QuestionnaireModule, dimension: Questionnaire.Dimension, answered: Int, total: Int)] {
        let answers = self.answers
        let visible = visibleItems
        return ownModules.flatMap { module in
            module.dimensions.map { dimension in
                let items = visible.filter { $0.module.id == module.id && $0.dimension.id == dimension.id }
                return (module, dimension, items.filter { answers[$0.item.id]?.isAnswered == true }.count, items.count)
            }
        }
    }

    var unansweredItems: [Item] {
        let answers = self.answers
        return visibleItems.map(\.item).filter { answers[$0.id]?.isAnswered != true }
    }

    // MARK: Results of effects

    /// The participant joined (or resumed): show their overview.
    public mutating func joined(_ record: ParticipantRecord) {
        self.record = record
        language = record.profile.value.language
        screen = .overview
        message = nil
    }

    /// An answer was saved: the record as stored.
    public mutating func saved(_ record: ParticipantRecord) {
        self.record = record
        message = words.saved
        leaveVanishedItem()
    }

    /// The item on screen is no longer asked (an answer elsewhere hid it): back to the overview.
    mutating func leaveVanishedItem() {
        if screen == .item && item == nil { screen = .overview }
    }

    /// Puts an answer into the local record before the runtime saves it, so that moving on
    /// already sees the questions this answer brings (the saved record replaces it).
    mutating func applyLocally(_ answer: Answer?, to item: ItemID) {
        // After answering closes the save will be refused: nothing to show ahead of it.
        guard closedPhase == nil, var current = record else { return }
        let previous = current.answers[item]
        current.answers[item] = StoredAnswer(answer: answer, at: previous?.at ?? current.profile.at, revision: (previous?.revision ?? 0) + 1)
        record = current
    }

    /// The participant's file changed elsewhere (a merge, or the facilitator entering answers
    /// for them): show what it holds now.
    public mutating func refreshed(_ record: ParticipantRecord) {
        self.record = record
        leaveVanishedItem()
    }

    /// Whether answering is open, from the facilitator's agenda: closed once the workshop has
    /// moved past its first phase. Screens then say so and refuse edits.
    public mutating func answering(closedFor phase: String?) {
        closedPhase = phase
    }

    /// Opens (or closes, with no candidates) dot voting on these gaps, with this many dots each.
    public mutating func voting(on candidates: [(item: ItemID, label: String)], budget: Int) {
        // The selection follows its gap when the list is re-ranked.
        let selected = voteCandidates.indices.contains(voteSelection) ? voteCandidates[voteSelection].item : nil
        voteCandidates = candidates
        voteBudget = budget
        voteSelection = selected.flatMap { item in candidates.firstIndex { $0.item == item } } ?? min(voteSelection, max(0, candidates.count - 1))
    }

    /// The participant's dots now.
    var votes: [ItemID: Int] { record?.votes?.value ?? [:] }

    /// Something the runtime did failed; the screen stays and says why.
    public mutating func failed(_ reason: String) {
        message = reason
        // Joining failed (the name belongs to someone in another department, say): open the
        // form, even for what was given on the command line, so it can be put right.
        if record == nil && screen == .join {
            askName = true
            askDepartment = true
            joinField = .name
        }
    }

    // MARK: Update

    public mutating func update(_ event: TerminalEvent) -> [Effect] {
        let effects = route(event)
        // Once answering has closed, nothing is changed: looking around is still allowed.
        guard closedPhase != nil else { return effects }
        let kept = effects.filter { effect in
            switch effect {
            case .save, .setDone: false
            default: true
            }
        }
        if kept.count != effects.count { message = words.editRefused }
        return kept
    }

    private mutating func route(_ event: TerminalEvent) -> [Effect] {
        switch event {
        case .interrupt: return [.quit]
        case .resize(let width, let height):
            size = (width, height)
            return []
        case .tick: return []
        case .key(let key):
            guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
                return key == .character("q") || key == .control("c") ? [.quit] : []
            }
            switch screen {
            case .join: return updateJoin(key)
            case .overview: return updateOverview(key)
            case .item: return updateItem(key)
            case .review: return updateReview(key)
            case .vote: return updateVote(key)
            }
        }
    }

    private mutating func updateJoin(_ key: Key) -> [Effect] {
        if key == .control("c") { return [.quit] }
        switch joinField {
        case .name:
            if key == .enter || key == .tab {
                guard !Session.cleanName(nameField.value).isEmpty else { message = words.yourName + "?"; return [] }
                return advanceJoin()
            }
            if key == .escape { return [.quit] }
            _ = nameField.handle(key)
        case .department:
            switch key {
            case .up: departmentChoice = max(0, departmentChoice - 1)
            case .down: departmentChoice = min(departments.count - 1, departmentChoice + 1)
            case .enter, .tab: return advanceJoin()
            case .escape: if askName { joinField = .name } else { return [.quit] }
            default: break
            }
        case .language:
            switch key {
            case .up: languageChoice = max(0, languageChoice - 1)
            case .down: languageChoice = min(Language.allCases.count - 1, languageChoice + 1)
            case .enter, .tab:
                language = Language.allCases[languageChoice]
                return advanceJoin()
            case .escape: if askDepartment { joinField = .department } else if askName { joinField = .name } else { return [.quit] }
            default: break
            }
            language = Language.allCases[languageChoice]
        }
        return []
    }

    private mutating func advanceJoin() -> [Effect] {
        message = nil
        let order: [JoinField] = [.name, .department, .language].filter { field in
            switch field {
            case .name: askName
            case .department: askDepartment
            case .language: askLanguage
            }
        }
        if let index = order.firstIndex(of: joinField), index + 1 < order.count {
            joinField = order[index + 1]
            return []
        }
        return [.join(name: Session.cleanName(nameField.value), department: departments[departmentChoice], language: language)]
    }

    private mutating func updateOverview(_ key: Key) -> [Effect] {
        let rows = dimensionRows
        switch key {
        case .up: overviewSelection = max(0, overviewSelection - 1)
        case .down: overviewSelection = min(max(0, rows.count - 1), overviewSelection + 1)
        case .enter:
            guard rows.indices.contains(overviewSelection) else { return [] }
            let row = rows[overviewSelection]
            let items = visibleItems.filter { $0.module.id == row.module.id && $0.dimension.id == row.dimension.id }
            let first = items.first { answers[$0.item.id]?.isAnswered != true } ?? items.first
            if let first { open(first.item) }
        case .character("r"), .character("R"):
            screen = .review
            reviewSelection = 0
        case .character("v"), .character("V"):
            if voteCandidates.isEmpty { message = words.votingClosed } else { screen = .vote }
        case .character("q"), .character("Q"), .escape, .control("c"):
            return [.quit]
        default: break
        }
        return []
    }

    /// Opens the item screen on `item`, with its fields filled from the saved answer.
    mutating func open(_ item: Item) {
        currentItem = item.id
        screen = .item
        commentField = nil
        itemField = .current
        optionSelection = 0
        let answer = answers[item.id]
        switch answer?.value {
        case .number(let current, let target)?:
            numberFields = [TextField(Self.text(current), limit: 20), TextField(Self.text(target), limit: 20)]
        default:
            numberFields = [TextField("", limit: 20), TextField("", limit: 20)]
        }
        if case .text(let text)? = answer?.value { textField = TextField(text) } else { textField = TextField() }
    }

    static func text(_ value: Rated<Double>?) -> String {
        switch value {
        case .value(let number)?: NumberFormatting.plain(number)
        case .dontKnow?: "?"
        case nil: ""
        }
    }

    var item: Item? {
        currentItem.flatMap { id in visibleItems.first { $0.item.id == id }?.item }
    }

    /// Moves to the next (or previous) visible item; from the last, to the review.
    mutating func step(_ offset: Int) {
        let items = visibleItems.map(\.item)
        guard let id = currentItem, let index = items.firstIndex(where: { $0.id == id }) else { screen = .overview; return }
        let next = index + offset
        if next >= items.count { screen = .review; reviewSelection = 0; return }
        if next < 0 { return }
        open(items[next])
    }

    private mutating func updateItem(_ key: Key) -> [Effect] {
        guard let item else { screen = .overview; return [] }
        if var field = commentField {
            switch key {
            case .escape: commentField = nil
            case .enter:
                commentField = nil
                let text = field.value.trimmingCharacters(in: .whitespaces)
                var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
                answer.comment = text.isEmpty ? nil : text
                return [.save(item: item.id, answer: answer)]
            default:
                _ = field.handle(key)
                commentField = field
            }
            return []
        }
        switch key {
        case .escape: screen = .overview; return []
        case .pageUp: step(-1); return []
        case .pageDown: step(1); return []
        case .control("c"): return [.quit]
        default: break
        }
        switch item.kind {
        case .maturity: return updateMaturity(key, item)
        case .choice(let options, let multiple): return updateChoice(key, item, options: options, multiple: multiple)
        case .number: return updateNumber(key, item)
        case .text: return updateText(key, item)
        }
    }

    static func emptyAnswer(for item: Item) -> Answer {
        switch item.kind {
        case .maturity: Answer(.maturity(current: nil, target: nil))
        case .choice: Answer(.choice(.value([])))
        case .number: Answer(.number(current: nil, target: nil))
        case .text: Answer(.text(""))
        }
    }

    private mutating func updateMaturity(_ key: Key, _ item: Item) -> [Effect] {
        var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
        guard case .maturity(var current, var target) = answer.value else { return [] }
        func stage(_ value: Rated<Int>?) -> Int { if case .value(let stage)? = value { return stage } else { return 0 } }
        switch key {
        case .tab: itemField = itemField == .current ? .target : itemField == .target ? .importance : .current; return []
        case .backTab: itemField = itemField == .importance ? .target : itemField == .target ? .current : .importance; return []
        case .character("c"), .character("C"):
            commentField = TextField(answer.comment ?? "")
            return []
        case .enter, .character("n"): step(1); return []
        case .character(let character) where ("1"..."4").contains(character) || character == "0" || character == "?":
            let value: Rated<Int> = character == "0" || character == "?" ? .dontKnow : .value(Int(String(character))!)
            switch itemField {
            case .current: current = value; itemField = .target
            case .target: target = value; itemField = .importance
            case .importance:
                guard case .value(let level) = value, (1...3).contains(level) else { return [] }
                answer.importance = level
            }
        case .left, .right:
            let delta = key == .left ? -1 : 1
            switch itemField {
            case .current: current = .value(min(4, max(1, (stage(current) == 0 ? (delta > 0 ? 0 : 5) : stage(current)) + delta)))
            case .target: target = .value(min(4, max(1, (stage(target) == 0 ? (delta > 0 ? 0 : 5) : stage(target)) + delta)))
            case .importance: answer.importance = min(3, max(1, (answer.importance ?? Answer.defaultImportance) + delta))
            }
        case .up: itemField = itemField == .importance ? .target : .current; return []
        case .down: itemField = itemField == .current ? .target : .importance; return []
        case .character("d"), .character("D"):
            if itemField == .current { current = .dontKnow } else if itemField == .target { target = .dontKnow } else { return [] }
        default: return []
        }
        answer.value = .maturity(current: current, target: target)
        return [.save(item: item.id, answer: answer)]
    }

    private mutating func updateChoice(_ key: Key, _ item: Item, options: [ChoiceOption], multiple: Bool) -> [Effect] {
        var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
        var chosen: [String] = []
        if case .choice(.value(let ids)) = answer.value { chosen = ids }
        switch key {
        case .up: optionSelection = max(0, optionSelection - 1); return []
        case .down: optionSelection = min(options.count - 1, optionSelection + 1); return []
        case .character("c"), .character("C"): commentField = TextField(answer.comment ?? ""); return []
        case .enter, .character("n"):
            // Enter on an unanswered single choice takes the highlighted option; an answer
            // already given (don't know included) is kept.
            if !multiple, answers[item.id] == nil, options.indices.contains(optionSelection) {
                answer.value = .choice(.value([options[optionSelection].id]))
                applyLocally(answer, to: item.id)
                step(1)
                return [.save(item: item.id, answer: answer)]
            }
            step(1)
            return []
        case .character(" "):
            let id = options[optionSelection].id
            if multiple {
                if let index = chosen.firstIndex(of: id) { chosen.remove(at: index) } else { chosen.append(id) }
                // Keep the module's order, whatever order they were ticked in.
                chosen = options.map(\.id).filter(chosen.contains)
            } else {
                chosen = [id]
            }
            answer.value = chosen.isEmpty ? .choice(.value([])) : .choice(.value(chosen))
            if chosen.isEmpty { return [.save(item: item.id, answer: nil)] }
        case .character("0"), .character("?"), .character("d"), .character("D"):
            answer.value = .choice(.dontKnow)
        default: return []
        }
        return [.save(item: item.id, answer: answer)]
    }

    private mutating func updateNumber(_ key: Key, _ item: Item) -> [Effect] {
        let index = itemField == .target ? 1 : 0
        switch key {
        case .tab, .backTab, .up, .down:
            itemField = itemField == .current ? .target : .current
            return []
        case .character("c"), .character("C"):
            commentField = TextField(answers[item.id]?.comment ?? "")
            return []
        case .enter:
            func parse(_ text: String) -> Rated<Double>?? {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return .some(nil) }
                if trimmed == "?" || trimmed.lowercased() == "dk" { return .some(.dontKnow) }
                guard let value = Double(trimmed.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return nil }
                return .some(.value(value))
            }
            guard let current = parse(numberFields[0].value), let target = parse(numberFields[1].value) else {
                message = words.value + "?"
                return []
            }
            var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
            answer.value = .number(current: current, target: target)
            if current == nil && target == nil {
                // Both emptied: the answer goes (its comment stays, if it has one).
                guard let existing = answers[item.id] else { step(1); return [] }
                let kept: Answer? = existing.comment == nil ? nil : Answer(.number(current: nil, target: nil), comment: existing.comment)
                applyLocally(kept, to: item.id)
                step(1)
                return [.save(item: item.id, answer: kept)]
            }
            if case .number(let spec) = item.kind {
                for side in [current, target] {
                    if case .value(let value)? = side, !spec.accepts(value) {
                        message = NumberFormatting.range(minimum: spec.minimum, maximum: spec.maximum)
                        return []
                    }
                }
            }
            applyLocally(answer, to: item.id)
            step(1)
            return [.save(item: item.id, answer: answer)]
        default:
            var field = numberFields[index]
            if case .character(let character) = key, !(character.isNumber || character == "." || character == "," || character == "-" || character == "?") {
                return []
            }
            _ = field.handle(key)
            numberFields[index] = field
            return []
        }
    }

    private mutating func updateText(_ key: Key, _ item: Item) -> [Effect] {
        switch key {
        case .enter:
            let text = textField.value
            step(1)
            if text.allSatisfy(\.isWhitespace) { return answers[item.id] == nil ? [] : [.save(item: item.id, answer: nil)] }
            var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
            answer.value = .text(text)
            return [.save(item: item.id, answer: answer)]
        default:
            _ = textField.handle(key)
            return []
        }
    }

    private mutating func updateVote(_ key: Key) -> [Effect] {
        var dots = votes
        let used = dots.values.reduce(0, +)
        switch key {
        case .up: voteSelection = max(0, voteSelection - 1)
        case .down: voteSelection = min(max(0, voteCandidates.count - 1), voteSelection + 1)
        case .character("+"), .character(" "), .right:
            guard voteCandidates.indices.contains(voteSelection), used < voteBudget else { return [] }
            dots[voteCandidates[voteSelection].item, default: 0] += 1
            return [.setVotes(dots)]
        case .character("-"), .backspace, .left:
            guard voteCandidates.indices.contains(voteSelection), let count = dots[voteCandidates[voteSelection].item], count > 0 else { return [] }
            dots[voteCandidates[voteSelection].item] = count > 1 ? count - 1 : nil
            return [.setVotes(dots)]
        case .escape: screen = .overview
        case .character("q"), .control("c"): return [.quit]
        default: break
        }
        return []
    }

    private mutating func updateReview(_ key: Key) -> [Effect] {
        if confirmingDone {
            confirmingDone = false
            return key == .enter || key == .character("y") || key == .character("Y") ? [.setDone(true)] : []
        }
        let open = unansweredItems
        switch key {
        case .up: reviewSelection = max(0, reviewSelection - 1)
        case .down: reviewSelection = min(max(0, open.count - 1), reviewSelection + 1)
        case .enter:
            if open.indices.contains(reviewSelection) { self.open(open[reviewSelection]) }
        case .character("D"), .character("d"):
            confirmingDone = true
        case .escape: screen = .overview
        case .character("q"), .control("c"): return [.quit]
        default: break
        }
        return []
    }
}
