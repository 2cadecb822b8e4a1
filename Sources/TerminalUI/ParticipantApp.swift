import Foundation
import Questionnaire
import SessionModel

/// The participant's screens as one value: state, `update` for every event, `render` into a
/// buffer. No I/O: joining and saving are effects the runtime carries out, and their results
/// come back through `update` as events, the one way in.
public struct ParticipantApp: Sendable {
    /// The smallest terminal the screens are laid out for.
    public static let minimumSize = (width: 80, height: 24)

    /// Which screen is showing, without its state: for tests and the help line.
    public enum Screen: Hashable, Sendable {
        case join
        case overview
        case intro
        case item
        case review
        case vote
    }

    /// What the runtime must do.
    public enum Effect: Hashable, Sendable {
        /// Join under this name; a name already in use comes back as `nameInUse`, not resumed.
        case join(name: String, department: String, language: Language)
        /// Resume this participant: the person said the name in use is theirs.
        case resume(ParticipantID)
        /// Resume this participant over SSH with the resume code typed.
        case resumeWithCode(ParticipantID, code: String)
        case save(item: ItemID, answer: Answer?)
        case setDone(Bool)
        /// Replace the participant's dot votes.
        case setVotes([ItemID: Int])
        case quit
    }

    /// Everything that reaches the screens: the terminal's events, and what the runtime's
    /// effects and polling found.
    public enum Event: Sendable, TerminalEventCarrier {
        case key(Key)
        case resize(width: Int, height: Int)
        case tick
        case interrupt
        /// Joined, or resumed: the record as stored.
        case joined(ParticipantRecord)
        /// A save went through: the record as stored.
        case saved(ParticipantRecord)
        /// The participant's file changed elsewhere (a merge, proxy entry): what it holds now.
        case refreshed(ParticipantRecord)
        /// Something the runtime did failed: why, in a line.
        case failed(String)
        /// The name asked for is already someone's: whether it is this person is theirs to say.
        case nameInUse(NameInUse)
        /// Joining was refused: answering has closed, and nobody new joins.
        case joinClosed
        /// The record is open on another screen right now: nobody else is let in.
        case openElsewhere(name: String)
        /// The facilitator removed this participant: nothing more is saved.
        case removed
        /// Joined over SSH as someone new: their personal resume code, to show once.
        case resumeCodeIssued(String)
        /// Resuming over SSH needs the resume code: the client's key is not the one remembered.
        case resumeCodeNeeded
        /// Resuming over SSH was refused: a wrong code, a locked record, or no code yet.
        case resumeRefused(ResumeRefusal)
        /// Nothing typed for long: the connection closes in this many seconds unless a key comes.
        case idleWarning(secondsLeft: Int)
        /// What the facilitator has decided that the screens must follow.
        case workshop(WorkshopStatus)
    }

    /// The facilitator's decisions as the participant's screens see them.
    public struct WorkshopStatus: Hashable, Sendable {
        /// The phase the workshop has moved on to once answering has closed; nil while open.
        public var closedPhase: String?
        /// Dot voting, once results are revealed; nil while it is closed.
        public var voting: Voting?
        /// The running phase's clock, as the console shows it; nil before the workshop starts.
        public var clock: PhaseClock?

        public init(closedPhase: String? = nil, voting: Voting? = nil, clock: PhaseClock? = nil) {
            self.closedPhase = closedPhase
            self.voting = voting
            self.clock = clock
        }
    }

    /// The running phase and the time left in it.
    public struct PhaseClock: Hashable, Sendable {
        /// The agenda phase's id ("answering").
        public var phase: String
        /// Negative when over time.
        public var secondsLeft: Int
        public var paused: Bool

        public init(phase: String, secondsLeft: Int, paused: Bool = false) {
            self.phase = phase
            self.secondsLeft = secondsLeft
            self.paused = paused
        }
    }

    /// The gaps open for dot voting, their numbers, and the dots each participant has.
    public struct Voting: Hashable, Sendable {
        public var items: [ItemID]
        public var budget: Int
        /// Each gap's numbers as the console ranked them; a gap without them shows none.
        public var numbers: [ItemID: VoteGapNumbers]

        public init(items: [ItemID], budget: Int, numbers: [ItemID: VoteGapNumbers] = [:]) {
            self.items = items
            self.budget = budget
            self.numbers = numbers
        }
    }

    /// Someone who already joined under the name typed: what the join screen shows to let the
    /// person say whether it is them.
    public struct NameInUse: Hashable, Sendable {
        public var id: ParticipantID
        public var name: String
        public var department: String
        public var answered: Int
        /// Their record is open on a screen right now.
        public var openElsewhere: Bool

        public init(id: ParticipantID, name: String, department: String, answered: Int, openElsewhere: Bool) {
            self.id = id
            self.name = name
            self.department = department
            self.answered = answered
            self.openElsewhere = openElsewhere
        }
    }

    /// Why a resume over SSH was refused.
    public enum ResumeRefusal: Hashable, Sendable {
        case wrongCode(triesLeft: Int)
        case locked
        case noCode
    }

    /// Which part of the join form has the focus.
    enum JoinField: Hashable, Sendable { case name, department, language }
    /// Which part of a maturity or number item has the focus.
    enum ItemField: Hashable, Sendable { case current, target, importance }

    /// The join form: what it asks, and what has been entered.
    struct JoinForm: Hashable, Sendable {
        var field: JoinField
        var name: TextField
        var department: Int
        var language: Int
        var asksName: Bool, asksDepartment: Bool, asksLanguage: Bool
        /// The name typed belongs to someone who already joined: asked "is that you?".
        var nameInUse: NameInUse?
        /// The person said yes, and the resume is under way: kept while the resume code is asked.
        var resuming: NameInUse?
        /// The resume code being typed, while it is asked.
        var resumeCode: TextField?

        /// The fields asked, in order.
        var order: [JoinField] {
            [JoinField.name, .department, .language].filter { field in
                switch field {
                case .name: asksName
                case .department: asksDepartment
                case .language: asksLanguage
                }
            }
        }
    }

    /// One item being answered: which, the focused field, and the text being typed.
    struct ItemEditor: Hashable, Sendable {
        /// By id: positions move as conditional items come and go.
        let item: ItemID
        var field: ItemField = .current
        var option = 0
        var current = TextField("", limit: 20)
        var target = TextField("", limit: 20)
        var text = TextField()
        /// The comment being written, while the comment line is open.
        var comment: TextField?
        /// The item's explanation, opened in full (it did not fit on the screen).
        var showingHelp = false
    }

    /// The review: the selected open question, and whether "mark yourself done?" is asked.
    struct Review: Hashable, Sendable {
        var selection = 0
        var confirmingDone = false
    }

    /// The screen showing and its own state; a screen's state exists only while it shows.
    enum Page: Hashable, Sendable {
        case join(JoinForm)
        case overview
        /// A module's introduction, shown before its first question; `item` opens next.
        case intro(module: String, item: ItemID, scroll: Int)
        case item(ItemEditor)
        case review(Review)
        /// The selected gap, by id, so that it stays selected when the list is re-ranked.
        case vote(selected: ItemID?)

        /// Which screen this is, whatever it holds: a message about one screen (a key hint, a
        /// refused key) does not follow the participant onto the next.
        var screen: Screen {
            switch self {
            case .join: .join
            case .overview: .overview
            case .intro(let module, _, _): .intro(module)
            case .item(let editor): .item(editor.item)
            case .review: .review
            case .vote: .vote
            }
        }

        enum Screen: Hashable { case join, overview, intro(String), item(ItemID), review, vote }
    }

    public let title: String
    public let modules: [QuestionnaireModule]      // every module of the session
    public let departments: [String]
    public let sharedModules: [String]
    var page: Page
    public private(set) var record: ParticipantRecord?
    public private(set) var language: Language
    /// A line for the status bar: "Saved", or why something failed.
    public private(set) var message: String?
    /// The phase the workshop has moved on to once answering has closed; nil while it is open.
    public private(set) var closedPhase: String?
    /// Dot voting, while it is open.
    public private(set) var voting: Voting?
    public private(set) var size: (width: Int, height: Int)
    /// The overview's selected dimension, kept while other screens show.
    var overviewSelection = 0
    /// "Leave the workshop?" is asked, over whatever screen shows.
    public private(set) var leaving = false
    /// The facilitator removed this participant: the screens stay for reading, nothing is saved.
    public private(set) var removed = false
    /// The running phase's clock, as the last poll found it.
    public private(set) var clock: PhaseClock?
    /// The modules whose introduction has been shown: once each, before their first question.
    var introsSeen: Set<String> = []
    /// The personal resume code, shown once over whatever screen until Enter.
    public private(set) var resumeCodeShown: String?
    /// Seconds until an idle connection closes, while its warning shows; any key dismisses it.
    public private(set) var idleSecondsLeft: Int?

    public init(title: String, modules: [QuestionnaireModule], departments: [String], sharedModules: [String],
                name: String?, department: String?, language: Language?, sessionLanguage: Language, size: (width: Int, height: Int)) {
        self.title = title
        self.modules = modules
        self.departments = departments
        self.sharedModules = sharedModules
        self.language = language ?? sessionLanguage
        self.size = size
        let form = JoinForm(field: name == nil ? .name : (department == nil ? .department : .language),
                            name: TextField(name ?? "", limit: 80),
                            department: department.flatMap(departments.firstIndex(of:)) ?? 0,
                            language: Language.allCases.firstIndex(of: language ?? sessionLanguage) ?? 0,
                            asksName: name == nil, asksDepartment: department == nil, asksLanguage: language == nil)
        page = .join(form)
    }

    public var screen: Screen {
        switch page {
        case .join: .join
        case .overview: .overview
        case .intro: .intro
        case .item: .item
        case .review: .review
        case .vote: .vote
        }
    }

    /// Whether the join form has anything to ask; if not, the runtime joins at once.
    public var joinEffect: Effect? {
        guard case .join(let form) = page, form.order.isEmpty else { return nil }
        return .join(name: form.name.value, department: departments[form.department], language: language)
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

    /// The questions still open: asked, not answered, and not optional (an optional question
    /// left alone is not something to finish).
    var unansweredItems: [Item] {
        let answers = self.answers
        return visibleItems.map(\.item).filter { !$0.isOptional && answers[$0.id]?.isAnswered != true }
    }

    /// Whether `item`'s module asks importance (the session may have turned it off).
    func asksImportance(_ item: Item) -> Bool {
        ownModules.first { $0.item(item.id) != nil }?.asksImportance ?? true
    }

    /// The fields of a maturity item, in Tab order.
    func fields(for item: Item) -> [ItemField] {
        asksImportance(item) ? [.current, .target, .importance] : [.current, .target]
    }

    /// The field `step` places from `field` among `fields`: Tab and Shift-Tab go round, the
    /// arrows and a typed stage stop at the ends.
    static func field(_ field: ItemField, step: Int, among fields: [ItemField], wrapping: Bool) -> ItemField {
        let index = (fields.firstIndex(of: field) ?? 0) + step
        return wrapping ? fields[(index + fields.count) % fields.count] : fields[min(max(index, 0), fields.count - 1)]
    }

    /// The item being answered, while the item screen shows and the item is still asked.
    var item: Item? {
        guard case .item(let editor) = page else { return nil }
        return visibleItems.first { $0.item.id == editor.item }?.item
    }

    var currentItem: ItemID? { editor?.item }

    var editor: ItemEditor? {
        guard case .item(let editor) = page else { return nil }
        return editor
    }

    /// The participant's dots now.
    var votes: [ItemID: Int] { record?.votes?.value ?? [:] }

    /// The gaps listed on the voting screen: those open for voting, then any the participant put
    /// dots on earlier that have left the list, so the dots can be taken back.
    var voteRows: [ItemID] {
        let open = voting?.items ?? []
        let listed = Set(open)
        return open + votes.keys.sorted().filter { !listed.contains($0) }
    }

    /// A gap's label on the voting screen: its module, then its question.
    func voteLabel(_ item: ItemID) -> String {
        for module in modules {
            if let found = module.item(item) {
                return module.title.resolved(in: language) + " · " + found.prompt.resolved(in: language)
            }
        }
        return item.rawValue
    }

    /// The overview's row to come back to: the dimension of the last answer given, or the first
    /// one after it that still has open questions, so that someone resuming after a dropped
    /// connection (or a break) picks up where they stopped.
    var whereTheyWere: Int {
        let rows = dimensionRows
        guard let record, let last = record.answers.filter({ $0.value.answer != nil }).max(by: { ($0.value.at, $0.key) < ($1.value.at, $1.key) })?.key,
              let lastRow = rows.firstIndex(where: { row in row.dimension.items.contains { $0.id == last } }) else { return 0 }
        let order = Array(rows.indices[lastRow...]) + Array(rows.indices[..<lastRow])
        return order.first { rows[$0].answered < rows[$0].total } ?? lastRow
    }

    // MARK: Update

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .joined(let record):
            self.record = record
            language = record.profile.value.language
            page = .overview
            message = nil
            overviewSelection = whereTheyWere
            return []
        case .saved(let record):
            self.record = record
            message = words.saved
            leaveVanishedItem()
            return []
        case .refreshed(let record):
            self.record = record
            leaveVanishedItem()
            return []
        case .failed(let reason):
            message = reason
            // Joining failed: open the form, even for what was given on the command line, so it
            // can be put right.
            if record == nil { reopenJoinForm() }
            return []
        case .nameInUse(let found):
            guard record == nil, case .join(var form) = page else { return [] }
            form.nameInUse = found
            form.asksName = true
            form.field = .name
            page = .join(form)
            message = nil
            return []
        case .joinClosed:
            message = words.joinClosed
            if record == nil { reopenJoinForm() }
            return []
        case .openElsewhere(let name):
            message = ParticipantStrings.fill(words.openElsewhere, ["name": name])
            if record == nil { reopenJoinForm() }
            return []
        case .removed:
            removed = true
            message = words.removedNotice
            return []
        case .resumeCodeIssued(let code):
            resumeCodeShown = code
            return []
        case .resumeCodeNeeded:
            guard record == nil, case .join(var form) = page, form.resuming != nil else { return [] }
            form.resumeCode = TextField("", limit: 20)
            page = .join(form)
            message = nil
            return []
        case .resumeRefused(let refusal):
            guard record == nil, case .join(var form) = page, let found = form.resuming else { return [] }
            switch refusal {
            case .wrongCode(let left):
                message = ParticipantStrings.fill(words.wrongResumeCode, ["name": found.name, "count": String(left)])
                form.resumeCode = TextField("", limit: 20)
            case .locked, .noCode:
                message = ParticipantStrings.fill(refusal == .locked ? words.resumeLocked : words.resumeNoCode, ["name": found.name])
                form.resuming = nil
                form.resumeCode = nil
                form.name = TextField("", limit: 80)
                form.field = .name
            }
            page = .join(form)
            return []
        case .idleWarning(let seconds):
            idleSecondsLeft = seconds
            return []
        case .workshop(let status):
            closedPhase = status.closedPhase
            voting = status.voting
            clock = status.clock
            if voting == nil, case .vote = page { page = .overview }
            return []
        case .key, .resize, .tick, .interrupt:
            return filterRefused(route(event))
        }
    }

    /// The join form again, asking everything, with the name selected for a different one.
    private mutating func reopenJoinForm() {
        guard case .join(var form) = page else { return }
        form.nameInUse = nil
        form.resuming = nil
        form.resumeCode = nil
        form.asksName = true
        form.asksDepartment = true
        form.field = .name
        page = .join(form)
    }

    /// Once answering has closed, nothing is changed: looking around is still allowed. Once the
    /// facilitator has removed the participant, nothing at all is saved.
    private mutating func filterRefused(_ effects: [Effect]) -> [Effect] {
        if removed {
            let kept = effects.filter { effect in
                switch effect {
                case .save, .setDone, .setVotes: false
                default: true
                }
            }
            if kept.count != effects.count { message = words.removedNotice }
            return kept
        }
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

    /// The item on screen is no longer asked (an answer elsewhere hid it): back to the overview.
    mutating func leaveVanishedItem() {
        if case .item = page, item == nil { page = .overview }
    }

    private mutating func route(_ event: Event) -> [Effect] {
        switch event {
        case .interrupt: return [.quit]
        case .resize(let width, let height):
            size = (width, height)
            return []
        case .key(let key):
            if key == .control("c") { return [.quit] }
            // The key that says "still here" does nothing else: it may be any key at all.
            if idleSecondsLeft != nil {
                idleSecondsLeft = nil
                return []
            }
            if resumeCodeShown != nil {
                if key == .enter { resumeCodeShown = nil } else { message = words.resumeCodeKeys }
                return []
            }
            if leaving { return answerLeaving(key) }
            guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
                if key == .character("q") || key == .character("Q") || key == .escape { leaving = true }
                return []
            }
            let screenBefore = page.screen, messageBefore = message
            let effects: [Effect]
            switch page {
            case .join(let form): effects = updateJoin(key, form)
            case .overview: effects = updateOverview(key)
            case .intro(let module, let item, let scroll): effects = updateIntro(key, module: module, item: item, scroll: scroll)
            case .item(let editor): effects = updateItem(key, editor)
            case .review(let review): effects = updateReview(key, review)
            case .vote(let selected): effects = updateVote(key, selected: selected)
            }
            if page.screen != screenBefore && message == messageBefore { message = nil }
            return effects
        default: return []
        }
    }

    /// The answer to "Leave the workshop?": y leaves, n or Esc stays.
    private mutating func answerLeaving(_ key: Key) -> [Effect] {
        switch key {
        case .character(let character) where words.yesKeys.contains(character): return [.quit]
        case .character(let character) where words.noKeys.contains(character): leaving = false
        case .escape: leaving = false
        default: message = words.answerYesOrNo
        }
        return []
    }

    /// Says that a key does nothing here, instead of ignoring it: a participant who presses a
    /// key and sees nothing happen presses it again, or gives up.
    private mutating func refuseKey(_ key: Key) {
        switch key {
        case .character, .enter, .tab, .backTab, .left, .right, .pageUp, .pageDown, .backspace, .delete:
            message = words.keyDoesNothing
        default: break
        }
    }

    // MARK: Join

    private mutating func updateJoin(_ key: Key, _ start: JoinForm) -> [Effect] {
        var form = start
        defer { if case .join = page { page = .join(form) } }
        if form.resumeCode != nil, let found = form.resuming {
            switch key {
            case .enter:
                let typed = form.resumeCode?.value ?? ""
                guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { message = words.resumeCodeAskKeys; return [] }
                return [.resumeWithCode(found.id, code: typed)]
            case .escape:
                form.resuming = nil
                form.resumeCode = nil
                form.field = .name
                message = nil
            default:
                if form.resumeCode?.handle(key) != true { refuseKey(key) }
            }
            return []
        }
        if let found = form.nameInUse {
            if found.openElsewhere {
                // Nothing to answer: that record is taken. Any key starts the different name the
                // dialog asks for, and a typed letter is its first letter, not a lost keystroke.
                form.nameInUse = nil
                form.name = TextField("", limit: 80)
                form.field = .name
                message = nil
                if case .character = key { _ = form.name.handle(key) }
                return []
            }
            switch key {
            case .character(let character) where words.yesKeys.contains(character) && !found.openElsewhere:
                form.nameInUse = nil
                form.resuming = found
                message = nil
                return [.resume(found.id)]
            case .character(let character) where words.noKeys.contains(character):
                form.nameInUse = nil
                form.name = TextField("", limit: 80)
                form.field = .name
                message = words.typeDifferentName
            case .escape:
                form.nameInUse = nil
                form.field = .name
            default:
                message = found.openElsewhere ? words.typeDifferentName : words.answerYesOrNo
            }
            return []
        }
        let order = form.order
        let first = order.first == form.field || order.isEmpty
        if key == .escape && first {
            leaving = true
            return []
        }
        switch form.field {
        case .name:
            if key == .enter || key == .tab {
                guard !Profile.cleanName(form.name.value).isEmpty else { message = words.yourName + "?"; return [] }
                return advanceJoin(&form)
            }
            if !form.name.handle(key) { refuseKey(key) }
        case .department:
            switch key {
            case .up: form.department = max(0, form.department - 1)
            case .down: form.department = min(departments.count - 1, form.department + 1)
            case .enter, .tab: return advanceJoin(&form)
            case .escape, .backTab: if form.asksName { form.field = .name }
            default: refuseKey(key)
            }
        case .language:
            switch key {
            case .up: form.language = max(0, form.language - 1)
            case .down: form.language = min(Language.allCases.count - 1, form.language + 1)
            case .enter, .tab:
                language = Language.allCases[form.language]
                return advanceJoin(&form)
            case .escape, .backTab:
                if form.asksDepartment { form.field = .department } else if form.asksName { form.field = .name }
            default: refuseKey(key)
            }
            language = Language.allCases[form.language]
        }
        return []
    }

    private mutating func advanceJoin(_ form: inout JoinForm) -> [Effect] {
        message = nil
        let order = form.order
        if let index = order.firstIndex(of: form.field), index + 1 < order.count {
            form.field = order[index + 1]
            return []
        }
        return [.join(name: Profile.cleanName(form.name.value), department: departments[form.department], language: language)]
    }

    // MARK: Overview

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
            if let first { arrive(at: first.item) }
        case .character("r"), .character("R"):
            page = .review(Review())
        case .character("v"), .character("V"):
            if voting == nil { message = words.votingClosed } else { page = .vote(selected: voteRows.first) }
        case .character("q"), .character("Q"), .escape:
            leaving = true
        default: refuseKey(key)
        }
        return []
    }

    /// Goes to `item` as a participant moving through the questions does: through its module's
    /// introduction first, the first time they enter that module.
    mutating func arrive(at item: Item) {
        guard let module = ownModules.first(where: { $0.item(item.id) != nil }),
              !introsSeen.contains(module.id),
              !module.intro.resolved(in: language).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            open(item)
            return
        }
        introsSeen.insert(module.id)
        page = .intro(module: module.id, item: item.id, scroll: 0)
    }

    /// Leaves a module's introduction for its first question (the overview if it is no longer asked).
    private mutating func startQuestions(at item: ItemID) {
        if let found = visibleItems.first(where: { $0.item.id == item })?.item { open(found) } else { page = .overview }
    }

    private mutating func updateIntro(_ key: Key, module: String, item: ItemID, scroll: Int) -> [Effect] {
        switch key {
        // Enter and Space start the questions; PgDn does once the introduction has been read to its end.
        case .enter, .character(" "):
            startQuestions(at: item)
        case .pageDown where !introHasMore(module: module, scroll: scroll):
            startQuestions(at: item)
        case .down, .pageDown:
            if introHasMore(module: module, scroll: scroll) { page = .intro(module: module, item: item, scroll: scroll + 1) }
        case .up, .pageUp:
            page = .intro(module: module, item: item, scroll: max(0, scroll - 1))
        case .escape: page = .overview
        case .character("q"), .character("Q"): leaving = true
        default: refuseKey(key)
        }
        return []
    }

    /// Opens the item screen on `item`, with its fields filled from the saved answer.
    mutating func open(_ item: Item) {
        var editor = ItemEditor(item: item.id)
        let answer = answers[item.id]
        if case .number(let current, let target)? = answer?.value {
            editor.current = TextField(Self.text(current), limit: 20)
            editor.target = TextField(Self.text(target), limit: 20)
        }
        if case .text(let text)? = answer?.value { editor.text = TextField(text) }
        if case .choice(let options, _) = item.kind, case .choice(.value(let chosen))? = answer?.value,
           let first = options.firstIndex(where: { chosen.contains($0.id) }) {
            editor.option = first
        }
        page = .item(editor)
    }

    static func text(_ value: Rated<Double>?) -> String {
        switch value {
        case .value(let number)?: NumberFormatting.plain(number)
        case .dontKnow?: "?"
        case nil: ""
        }
    }

    /// Moves to the next (or previous) visible item; from the last, to the review.
    mutating func step(_ offset: Int) {
        let items = visibleItems.map(\.item)
        guard let id = currentItem, let index = items.firstIndex(where: { $0.id == id }) else { page = .overview; return }
        let next = index + offset
        if next >= items.count { page = .review(Review()); return }
        if next < 0 { return }
        // Moving on into another module passes through its introduction; moving back does not.
        let modules = ownModules
        let module = { (id: ItemID) in modules.first { $0.item(id) != nil }?.id }
        if offset > 0, module(items[next].id) != module(id) { arrive(at: items[next]) } else { open(items[next]) }
    }

    // MARK: Items

    /// What a key did to an item: an answer to save (nil inside clears it), and where to move.
    struct Edit {
        var save: Answer??
        var move: Int?

        static let none = Edit()
        static func save(_ answer: Answer?) -> Edit { Edit(save: .some(answer)) }
        static func move(_ offset: Int) -> Edit { Edit(move: offset) }
    }

    /// Every kind of item goes through here: the key is handled, then the answer is put into the
    /// local record at once (so moving on sees the questions it brings; the saved record replaces
    /// it), then the screen moves.
    private mutating func updateItem(_ key: Key, _ start: ItemEditor) -> [Effect] {
        guard let item else { page = .overview; return [] }
        var editor = start
        if editor.showingHelp {
            // The explanation is read, then closed with any key.
            editor.showingHelp = false
            page = .item(editor)
            return []
        }
        // After answering closes, typing is refused at the first key, not after a whole answer.
        if closedPhase != nil || removed, Self.edits(key, item: item, commenting: editor.comment != nil) {
            message = removed ? words.removedNotice : words.editRefused
            return []
        }
        let edit: Edit
        if var comment = editor.comment {
            switch key {
            case .escape:
                editor.comment = nil
                edit = .none
            case .enter:
                editor.comment = nil
                let text = comment.value.trimmingCharacters(in: .whitespaces)
                var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
                answer.comment = text.isEmpty ? nil : text
                edit = .save(answer)
            default:
                _ = comment.handle(key)
                editor.comment = comment
                edit = .none
            }
        } else {
            switch key {
            case .escape: page = .overview; return []
            case .pageUp: edit = .move(-1)
            case .pageDown: edit = .move(1)
            case .function(1):
                editor.showingHelp = item.help != nil
                edit = .none
            case .character("h") where item.kind.tag != .text && item.kind.tag != .number,
                 .character("H") where item.kind.tag != .text && item.kind.tag != .number:
                editor.showingHelp = item.help != nil
                if item.help == nil { message = words.keyDoesNothing }
                edit = .none
            case .character("c") where item.kind.tag != .text, .character("C") where item.kind.tag != .text:
                editor.comment = TextField(answers[item.id]?.comment ?? "")
                edit = .none
            default:
                switch item.kind {
                case .maturity: edit = maturityKey(key, item, &editor)
                case .choice(let options, let multiple): edit = choiceKey(key, item, options: options, multiple: multiple, &editor)
                case .number(let spec): edit = numberKey(key, item, spec: spec, &editor)
                case .text: edit = textKey(key, item, &editor)
                }
            }
        }
        page = .item(editor)
        var effects: [Effect] = []
        if let answer = edit.save {
            applyLocally(answer, to: item.id)
            effects.append(.save(item: item.id, answer: answer))
        }
        if let offset = edit.move { step(offset) }
        return effects
    }

    /// Whether `key` would change what is typed or chosen on `item`.
    private static func edits(_ key: Key, item: Item, commenting: Bool) -> Bool {
        switch key {
        case .character(let character):
            if commenting { return true }
            switch item.kind.tag {
            case .text, .number: return true
            case .maturity: return ("1"..."4").contains(character) || character == "?"
            case .choice: return character == " " || character == "?"
            }
        case .backspace, .delete: return commenting || item.kind.tag == .text || item.kind.tag == .number
        case .left, .right: return item.kind.tag == .maturity && !commenting
        default: return false
        }
    }

    /// Puts an answer into the local record before the runtime saves it.
    private mutating func applyLocally(_ answer: Answer?, to item: ItemID) {
        // After answering closes the save will be refused: nothing to show ahead of it.
        guard closedPhase == nil, !removed, var current = record else { return }
        let previous = current.answers[item]
        current.answers[item] = StoredAnswer(answer: answer, at: previous?.at ?? current.profile.at, revision: (previous?.revision ?? 0) + 1)
        record = current
    }

    static func emptyAnswer(for item: Item) -> Answer {
        switch item.kind {
        case .maturity: Answer(.maturity(current: nil, target: nil))
        case .choice: Answer(.choice(.value([])))
        case .number: Answer(.number(current: nil, target: nil))
        case .text: Answer(.text(""))
        }
    }

    /// The one "don't know" key, on every kind of item that has one; `0` is a number.
    static let dontKnowKey: Character = "?"

    private mutating func maturityKey(_ key: Key, _ item: Item, _ editor: inout ItemEditor) -> Edit {
        var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
        guard case .maturity(var current, var target) = answer.value else { return .none }
        func stage(_ value: Rated<Int>?) -> Int { if case .value(let stage)? = value { return stage } else { return 0 } }
        func stepped(_ value: Rated<Int>?, by delta: Int) -> Rated<Int> {
            .value(min(4, max(1, (stage(value) == 0 ? (delta > 0 ? 0 : 5) : stage(value)) + delta)))
        }
        switch key {
        case .tab: editor.field = Self.field(editor.field, step: 1, among: fields(for: item), wrapping: true); return .none
        case .backTab: editor.field = Self.field(editor.field, step: -1, among: fields(for: item), wrapping: true); return .none
        // Enter moves on and records nothing: only a stage typed, chosen or "?" answers.
        case .enter, .character("n"): return .move(1)
        case .character(let character) where ("1"..."4").contains(character) || character == Self.dontKnowKey:
            let value: Rated<Int> = character == Self.dontKnowKey ? .dontKnow : .value(Int(String(character))!)
            switch editor.field {
            case .current: current = value; editor.field = .target
            case .target: target = value; editor.field = Self.field(.target, step: 1, among: fields(for: item), wrapping: false)
            case .importance:
                guard case .value(let level) = value, (1...3).contains(level) else {
                    message = words.importanceKeys
                    return .none
                }
                answer.importance = level
            }
        case .left, .right:
            let delta = key == .left ? -1 : 1
            switch editor.field {
            case .current: current = stepped(current, by: delta)
            case .target: target = stepped(target, by: delta)
            case .importance: answer.importance = min(3, max(1, (answer.importance ?? Answer.defaultImportance) + delta))
            }
        case .up: editor.field = Self.field(editor.field, step: -1, among: fields(for: item), wrapping: false); return .none
        case .down: editor.field = Self.field(editor.field, step: 1, among: fields(for: item), wrapping: false); return .none
        case .character(let character) where character.isNumber:
            message = words.stageKeys
            return .none
        default:
            refuseKey(key)
            return .none
        }
        answer.value = .maturity(current: current, target: target)
        return .save(answer)
    }

    private mutating func choiceKey(_ key: Key, _ item: Item, options: [ChoiceOption], multiple: Bool, _ editor: inout ItemEditor) -> Edit {
        var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
        var chosen: [String] = []
        if case .choice(.value(let ids)) = answer.value { chosen = ids }
        switch key {
        case .up: editor.option = max(0, editor.option - 1); return .none
        case .down: editor.option = min(options.count - 1, editor.option + 1); return .none
        // Enter moves on and records nothing: only Space (or "?") answers.
        case .enter, .character("n"): return .move(1)
        case .character(" "):
            let option = options[editor.option]
            if multiple {
                if let index = chosen.firstIndex(of: option.id) {
                    chosen.remove(at: index)
                } else if option.exclusive {
                    // "None of these" stands alone: ticking it clears the others.
                    chosen = [option.id]
                } else {
                    // Ticking another option clears an exclusive one.
                    let alone = Set(options.filter(\.exclusive).map(\.id))
                    chosen = chosen.filter { !alone.contains($0) } + [option.id]
                }
                // Keep the module's order, whatever order they were ticked in.
                chosen = options.map(\.id).filter(chosen.contains)
            } else {
                chosen = [option.id]
            }
            if chosen.isEmpty { return .save(nil) }
            answer.value = .choice(.value(chosen))
        case .character(Self.dontKnowKey):
            answer.value = .choice(.dontKnow)
        default:
            refuseKey(key)
            return .none
        }
        return .save(answer)
    }

    private mutating func numberKey(_ key: Key, _ item: Item, spec: NumberSpec, _ editor: inout ItemEditor) -> Edit {
        switch key {
        case .tab, .backTab, .up, .down:
            editor.field = editor.field == .current ? .target : .current
            return .none
        case .enter:
            // The one reader of typed numbers, shared with `record`: a decimal comma or point,
            // "?" for don't know.
            guard let currentInput = NumberInput(parsing: editor.current.value), let targetInput = NumberInput(parsing: editor.target.value) else {
                message = words.numberKeys
                return .none
            }
            let (current, target) = (currentInput.rated, targetInput.rated)
            if current == nil && target == nil {
                // Both emptied: the answer goes (its comment stays, if it has one).
                guard let existing = answers[item.id] else { return .move(1) }
                let kept: Answer? = existing.comment == nil ? nil : Answer(.number(current: nil, target: nil), comment: existing.comment)
                return Edit(save: .some(kept), move: 1)
            }
            for side in [current, target] {
                if case .value(let value)? = side, !spec.accepts(value) {
                    message = ParticipantStrings.fill(words.outOfRange, ["value": words.number(value),
                                                                         "range": words.range(minimum: spec.minimum, maximum: spec.maximum)])
                    return .none
                }
            }
            var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
            answer.value = .number(current: current, target: target)
            return Edit(save: .some(answer), move: 1)
        case .character(let character):
            // Key by key, the field holds only what can become a number or "?": "0 0 1" is
            // refused at the space and at the second zero, never saved as 1.
            var field = editor.field == .target ? editor.target : editor.current
            _ = field.handle(key)
            guard NumberInput.acceptsWhileTyping(field.value) else {
                message = character == Self.dontKnowKey ? words.dontKnowAlone : words.numberKeys
                return .none
            }
            if editor.field == .target { editor.target = field } else { editor.current = field }
            return .none
        default:
            let handled = editor.field == .target ? editor.target.handle(key) : editor.current.handle(key)
            if !handled { refuseKey(key) }
            return .none
        }
    }

    private mutating func textKey(_ key: Key, _ item: Item, _ editor: inout ItemEditor) -> Edit {
        guard key == .enter else {
            if !editor.text.handle(key) { refuseKey(key) }
            return .none
        }
        let text = editor.text.value
        // An empty free answer is no answer.
        if text.allSatisfy(\.isWhitespace) { return answers[item.id] == nil ? .move(1) : Edit(save: .some(nil), move: 1) }
        var answer = answers[item.id] ?? Self.emptyAnswer(for: item)
        answer.value = .text(text)
        return Edit(save: .some(answer), move: 1)
    }

    // MARK: Voting and review

    private mutating func updateVote(_ key: Key, selected: ItemID?) -> [Effect] {
        let rows = voteRows
        let index = selected.flatMap(rows.firstIndex(of:)) ?? 0
        var dots = votes
        let used = dots.values.reduce(0, +)
        switch key {
        case .up: page = .vote(selected: rows.indices.contains(index - 1) ? rows[index - 1] : rows.first)
        case .down: page = .vote(selected: rows.indices.contains(index + 1) ? rows[index + 1] : rows.last)
        case .character("+"), .character(" "), .right:
            guard rows.indices.contains(index) else { return [] }
            guard used < (voting?.budget ?? 0) else { message = words.noDotsLeft; return [] }
            dots[rows[index], default: 0] += 1
            return [.setVotes(dots)]
        case .character("-"), .backspace, .left:
            guard rows.indices.contains(index), let count = dots[rows[index]], count > 0 else { message = words.noDotHere; return [] }
            dots[rows[index]] = count > 1 ? count - 1 : nil
            return [.setVotes(dots)]
        case .escape: page = .overview
        case .character("q"), .character("Q"): leaving = true
        default: refuseKey(key)
        }
        return []
    }

    /// The selected row of the voting list.
    var voteSelection: Int {
        guard case .vote(let selected) = page else { return 0 }
        return selected.flatMap(voteRows.firstIndex(of:)) ?? 0
    }

    private mutating func updateReview(_ key: Key, _ start: Review) -> [Effect] {
        var review = start
        if review.confirmingDone {
            switch key {
            case .enter: review.confirmingDone = false; page = .review(review); return [.setDone(true)]
            case .character(let character) where words.yesKeys.contains(character):
                review.confirmingDone = false; page = .review(review); return [.setDone(true)]
            case .escape: review.confirmingDone = false
            case .character(let character) where words.noKeys.contains(character): review.confirmingDone = false
            default: message = words.answerYesOrNo
            }
            page = .review(review)
            return []
        }
        let open = unansweredItems
        switch key {
        case .up: review.selection = max(0, review.selection - 1)
        case .down: review.selection = min(max(0, open.count - 1), review.selection + 1)
        case .enter:
            if open.indices.contains(review.selection) { self.open(open[review.selection]); return [] }
            message = words.keyDoesNothing
        case .character("D"), .character("d"):
            review.confirmingDone = true
        case .escape: page = .overview; return []
        case .character("q"), .character("Q"): leaving = true
        default: refuseKey(key)
        }
        page = .review(review)
        return []
    }
}
