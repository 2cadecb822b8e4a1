import Basics
import GapReport
import Questionnaire
import Scoring
import SessionModel

/// The facilitator's console as one value: state, `update`, `render`. The runtime feeds it the
/// session as it changes (participants' progress, the facilitator's state, the report) and
/// carries out its effects.
public struct FacilitatorApp: Sendable {
    public enum View: Int, Hashable, Sendable, CaseIterable { case dashboard, agenda, results, report, goals }

    /// The results' four views, in the order Tab visits them.
    public enum ResultView: Int, Hashable, Sendable, CaseIterable {
        case heatMap, rankedGaps, disagreements, perception

        /// The ranked gaps and the disagreements are lists of items to open; the others scroll.
        var listsItems: Bool { self == .rankedGaps || self == .disagreements }
    }

    public enum Effect: Hashable, Sendable {
        /// Move the agenda on from this phase (nil: not started) to the next. A move from a phase
        /// the workshop has already left is refused, so two consoles never move it twice.
        case advancePhase(from: Int?)
        case reveal
        /// Write the report, in a format the facilitator picked, to a file in the session folder.
        case exportReport(ReportFormat)
        /// Add a goal (no id yet) or replace the one with the draft's id.
        case saveGoal(GoalDraft)
        case deleteGoal(id: String)
        /// Open the participant screens for someone in the room who has no terminal.
        case proxyEntry
        /// Set how many dots each participant has.
        case setVotesPerParticipant(Int)
        case quit
    }

    /// One participant's line on the dashboard.
    public struct Row: Hashable, Sendable {
        public var name: String
        public var department: String
        public var answered: Int
        public var visible: Int
        public var done: Bool
        public var lastActivity: Timestamp

        public init(name: String, department: String, answered: Int, visible: Int, done: Bool, lastActivity: Timestamp) {
            self.name = name
            self.department = department
            self.answered = answered
            self.visible = visible
            self.done = done
            self.lastActivity = lastActivity
        }
    }

    /// Everything that reaches the console: the terminal's events, and what the runtime read
    /// from the session or did for it.
    public enum Event: Sendable, TerminalEventCarrier {
        case key(Key)
        case resize(width: Int, height: Int)
        case tick
        case interrupt
        /// The participants as they are now, and how many files had to be skipped.
        case participants([Row], skippedFiles: Int)
        /// The facilitator's saved state (phase, reveal, goals).
        case state(FacilitatorState)
        /// The consolidated report, once results are revealed; nil before. Its text follows as
        /// `.reportText`: rendering thousands of comments takes a while, the heat map need not.
        case results(ReportDocument?)
        /// The text report's lines, for the report view.
        case reportText([String])
        /// Something the runtime did failed: why, in a line.
        case failed(String)
        /// Something the runtime did went through: what, in a line.
        case informed(String)
    }

    /// A question the console asks before it acts, and what each key answers to it.
    enum Confirmation: Hashable, Sendable {
        /// Move on from this phase (nil: not started).
        case nextPhase(from: Int?)
        case reveal, deleteGoal(String)
        /// Which format to export the report in.
        case exportFormat

        enum Answer: Equatable { case effect(Effect), cancel, unanswered }

        /// The keys of the export question, one per format, in the order the dialog lists them;
        /// the same in every language.
        static let exportKeys: [(key: Character, format: ReportFormat)] = [("t", .text), ("m", .markdown), ("h", .html), ("c", .csv), ("j", .json)]

        /// A yes/no question takes Enter or y as yes and any other key as no. The export question
        /// takes a format's key; Esc or Ctrl-C cancels it, and a key that names no format leaves
        /// it open.
        func answer(_ key: Key) -> Answer {
            let yes = key == .enter || key == .character("y") || key == .character("Y")
            switch self {
            case .nextPhase(let from): return yes ? .effect(.advancePhase(from: from)) : .cancel
            case .reveal: return yes ? .effect(.reveal) : .cancel
            case .deleteGoal(let id): return yes ? .effect(.deleteGoal(id: id)) : .cancel
            case .exportFormat:
                if key == .escape || key == .control("c") { return .cancel }
                guard case .character(let letter) = key,
                      let choice = Self.exportKeys.first(where: { String($0.key) == letter.lowercased() }) else { return .unanswered }
                return .effect(.exportReport(choice.format))
            }
        }
    }

    /// The goal form: a field for each part of a goal, the focused one, and the goal it
    /// replaces, if any.
    struct GoalForm: Hashable, Sendable {
        enum Field: Int, CaseIterable, Hashable, Sendable { case statement, kpi, baseline, target, owner, due, links }

        var editing: String?
        var focus: Field = .statement
        private var fields: [Field: TextField]

        init() {
            fields = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, TextField("", limit: 300)) })
        }

        init(editing goal: Goal) {
            editing = goal.id
            let texts: [Field: String] = [.statement: goal.statement, .kpi: goal.kpi, .baseline: goal.baseline, .target: goal.target,
                                          .owner: goal.owner, .due: goal.due, .links: goal.links.joined(separator: ", ")]
            fields = texts.mapValues { TextField($0, limit: 300) }
        }

        subscript(field: Field) -> TextField {
            get { fields[field] ?? TextField("", limit: 300) }
            set { fields[field] = newValue }
        }

        /// The form as a draft; the session trims it when it saves.
        var draft: GoalDraft {
            GoalDraft(id: editing, statement: self[.statement].value, kpi: self[.kpi].value, baseline: self[.baseline].value,
                      target: self[.target].value, owner: self[.owner].value, due: self[.due].value,
                      links: GoalDraft.links(from: self[.links].value))
        }
    }

    public let title: String
    public let folder: String
    public let agenda: [AgendaPhase]
    public let departments: [String]
    public let modules: [QuestionnaireModule]
    public let language: Language
    public private(set) var view: View = .dashboard
    public private(set) var size: (width: Int, height: Int)
    public private(set) var rows: [Row] = []
    public private(set) var skippedFiles = 0
    /// Each department's participants, done and answers, worked out when the rows arrive rather
    /// than on every frame.
    private(set) var departmentTotals: [String: DepartmentTotal] = [:]

    struct DepartmentTotal: Hashable, Sendable {
        var members = 0, done = 0, answered = 0, visible = 0
    }
    public private(set) var state = FacilitatorState()
    /// The consolidated report, once results are revealed.
    public private(set) var document: ReportDocument?
    /// The text report's lines, rendered once per document by the runtime, not per frame.
    public private(set) var reportText: [String] = []
    public private(set) var now: Timestamp
    public private(set) var message: String?
    var confirmation: Confirmation?
    var resultView = ResultView.heatMap
    var scroll = 0
    /// The selected line of the ranked gaps or the disagreements.
    var resultSelection = 0
    /// The ranked gaps sorted by dot votes (then priority) rather than by priority.
    public private(set) var sortByVotes = false
    /// The item opened for its detail: histogram, department views and comments.
    public private(set) var drillItem: ItemID?
    /// The selected goal in the goals view.
    var goalSelection = 0
    /// The goal form, while a goal is being added or edited.
    var goalForm: GoalForm?
    /// The session's modules, for checking a goal's links.
    let catalog: ModuleCatalog

    public init(title: String, folder: String, agenda: [AgendaPhase], departments: [String], modules: [QuestionnaireModule],
                language: Language, size: (width: Int, height: Int), now: Timestamp) {
        self.title = title
        self.folder = folder
        self.agenda = agenda
        self.departments = departments
        self.modules = modules
        catalog = ModuleCatalog(modules: modules)
        self.language = language
        self.size = size
        self.now = now
    }

    var words: FacilitatorStrings { FacilitatorStrings.forLanguage(language) }

    func phaseName(_ id: String) -> String {
        FacilitatorStrings.phaseName(id, in: language)
    }

    func moduleTitle(_ id: String) -> String {
        modules.first { $0.id == id }?.title.resolved(in: language) ?? id
    }

    // MARK: Update

    public mutating func update(_ event: Event, at time: Timestamp) -> [Effect] {
        now = time
        switch event {
        case .interrupt: return [.quit]
        case .tick: return []
        case .resize(let width, let height):
            size = (width, height)
            scroll = min(scroll, maximumScroll)
            return []
        case .key(let key): return handle(key)
        case .participants(let rows, let skippedFiles):
            self.rows = rows
            self.skippedFiles = skippedFiles
            departmentTotals = Dictionary(grouping: rows, by: \.department).mapValues { members in
                DepartmentTotal(members: members.count, done: members.filter(\.done).count,
                                answered: members.reduce(0) { $0 + $1.answered }, visible: members.reduce(0) { $0 + $1.visible })
            }
        case .state(let state):
            self.state = state
            goalSelection = min(goalSelection, max(0, state.goals.count - 1))
        case .results(let document):
            self.document = document
            if document == nil { reportText = [] }
            resultSelection = min(resultSelection, max(0, resultItems.count - 1))
            if let item = drillItem, document?.scores.item(item) == nil { drillItem = nil }
        case .reportText(let lines):
            reportText = lines
            scroll = min(scroll, maximumScroll)
        case .failed(let reason), .informed(let reason):
            message = reason
        }
        return []
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        // A screen too small to show a question cannot have it answered: only leaving works.
        guard size.width >= ParticipantApp.minimumSize.width, size.height >= ParticipantApp.minimumSize.height else {
            return key == .character("q") || key == .control("c") ? [.quit] : []
        }
        if let confirmation {
            switch confirmation.answer(key) {
            case .effect(let effect):
                self.confirmation = nil
                return [effect]
            case .cancel:
                self.confirmation = nil
                return []
            case .unanswered:
                return []
            }
        }
        if goalForm != nil { return handleGoalForm(key) }
        message = nil
        if drillItem != nil {
            switch key {
            case .escape, .backspace, .enter: drillItem = nil
            case .character("q"), .control("c"): return [.quit]
            default: break
            }
            return []
        }
        switch key {
        case .character("q"), .character("Q"), .control("c"): return [.quit]
        case .enter where view == .results && resultView.listsItems:
            let items = resultItems
            if items.indices.contains(resultSelection) { drillItem = items[resultSelection] }
        case .down where view == .results && resultView.listsItems:
            resultSelection = min(max(0, resultItems.count - 1), resultSelection + 1)
        case .up where view == .results && resultView.listsItems:
            resultSelection = max(0, resultSelection - 1)
        case .character(let digit) where ("1"..."5").contains(digit):
            view = View(rawValue: Int(String(digit))! - 1)!
            scroll = 0
        case .character("n"), .character("N"):
            if state.phaseAfter(in: agenda) != nil { confirmation = .nextPhase(from: state.currentPhase) }
        case .character("v"), .character("V"):
            if !state.revealed { confirmation = .reveal }
        case .character("s") where view == .results && resultView == .rankedGaps:
            sortByVotes.toggle()
            resultSelection = 0
        case .tab where view == .results:
            resultView = ResultView(rawValue: (resultView.rawValue + 1) % ResultView.allCases.count)!
            scroll = 0
            resultSelection = 0
        case .backTab where view == .results:
            resultView = ResultView(rawValue: (resultView.rawValue + ResultView.allCases.count - 1) % ResultView.allCases.count)!
            scroll = 0
            resultSelection = 0
        case .down where view == .goals: goalSelection = min(max(0, state.goals.count - 1), goalSelection + 1)
        case .up where view == .goals: goalSelection = max(0, goalSelection - 1)
        case .down: scroll = min(scroll + 1, maximumScroll)
        case .up: scroll = max(0, scroll - 1)
        case .pageDown: scroll = min(scroll + max(1, size.height - 6), maximumScroll)
        case .pageUp: scroll = max(0, scroll - max(1, size.height - 6))
        case .character("e") where view == .report && state.revealed: confirmation = .exportFormat
        case .character("p") where view == .dashboard, .character("P") where view == .dashboard: return [.proxyEntry]
        case .character("+") where view == .agenda:
            return [.setVotesPerParticipant(min(10, state.votesPerParticipant + 1))]
        case .character("-") where view == .agenda:
            return [.setVotesPerParticipant(max(1, state.votesPerParticipant - 1))]
        case .character("a") where view == .goals, .character("A") where view == .goals:
            goalForm = GoalForm()
        case .enter where view == .goals, .character("e") where view == .goals:
            guard state.goals.indices.contains(goalSelection) else { return [] }
            goalForm = GoalForm(editing: state.goals[goalSelection])
        case .character("x") where view == .goals, .delete where view == .goals:
            if state.goals.indices.contains(goalSelection) { confirmation = .deleteGoal(state.goals[goalSelection].id) }
        default: break
        }
        return []
    }

    /// The goal form: Tab and Enter move on, Enter on the last field saves, Esc cancels. The
    /// draft is checked by the session's rule before it is sent, so a mistake keeps the form open
    /// on the field to mend.
    private mutating func handleGoalForm(_ key: Key) -> [Effect] {
        guard var form = goalForm else { return [] }
        let fields = GoalForm.Field.allCases
        switch key {
        case .escape:
            goalForm = nil
            return []
        case .tab, .down: form.focus = fields[(form.focus.rawValue + 1) % fields.count]
        case .backTab, .up: form.focus = fields[(form.focus.rawValue + fields.count - 1) % fields.count]
        case .enter:
            if form.focus != fields.last {
                form.focus = fields[form.focus.rawValue + 1]
                break
            }
            let draft = form.draft
            switch draft.problem(in: catalog) {
            case .noStatement?:
                message = words.goalNeedsStatement
                form.focus = .statement
            case .badDate?:
                message = words.goalBadDate
                form.focus = .due
            case .unknownLink(let id)?:
                message = FacilitatorStrings.fill(words.goalUnknownLink, ["id": id])
                form.focus = .links
            case nil:
                goalForm = nil
                return [.saveGoal(draft)]
            }
        default:
            _ = form[form.focus].handle(key)
        }
        goalForm = form
        return []
    }

    /// How far the current view can scroll: its lines less the room it has, so scrolling stops
    /// at the end rather than running on.
    var maximumScroll: Int {
        switch view {
        case .dashboard: return max(0, rows.count - (size.height - 8 - departments.count))
        case .report:
            guard state.revealed, document != nil else { return 0 }
            return max(0, reportText.count - (size.height - 5))
        case .results:
            // The heat map and the perception matrix scroll; their length is bounded by the modules.
            let dimensions = modules.reduce(0) { $0 + $1.dimensions.count + 2 }
            return max(0, dimensions - (size.height - 8))
        default: return 0
        }
    }

    /// The items listed in the ranked-gaps or disagreements view, in order.
    var resultItems: [ItemID] {
        guard let scores = document?.scores else { return [] }
        switch resultView {
        case .rankedGaps: return (sortByVotes ? scores.rankedGapsByVotes : scores.rankedGaps).map(\.item)
        case .disagreements: return scores.disagreements.map(\.item)
        case .heatMap, .perception: return []
        }
    }

    /// The phase running now and the time left in it, in seconds (negative when over time).
    public var phaseClock: (phase: AgendaPhase, secondsLeft: Int)? {
        state.phaseClock(in: agenda, at: now).map { ($0.phase, $0.secondsLeft) }
    }
}
