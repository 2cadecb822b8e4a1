import GapReport
import Questionnaire
import Scoring
import SessionStore

/// The facilitator's console as one value: state, `update`, `render`. The runtime feeds it the
/// session as it changes (participants' progress, the facilitator's state, the report) and
/// carries out its effects.
public struct FacilitatorApp: Sendable {
    public enum View: Int, Hashable, Sendable, CaseIterable { case dashboard, agenda, results, report, goals }

    public enum Effect: Hashable, Sendable {
        /// Move the agenda to the next phase.
        case nextPhase
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

    /// A question the console asks before it acts, and what each key answers to it.
    enum Confirmation: Hashable, Sendable {
        case nextPhase, reveal, deleteGoal(String)
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
            case .nextPhase: return yes ? .effect(.nextPhase) : .cancel
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

    /// A goal being written: the text of each field, and the goal it replaces, if any.
    public struct GoalDraft: Hashable, Sendable {
        public var id: String?
        public var statement: String
        public var kpi: String
        public var baseline: String
        public var target: String
        public var owner: String
        public var due: String
        /// Item and dimension ids, as typed: "it.platform, logistics.returns.restock".
        public var links: [String]
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
    public private(set) var state = FacilitatorState()
    /// The consolidated report, once results are revealed.
    public private(set) var document: ReportDocument?
    public private(set) var now: Timestamp
    public private(set) var message: String?
    var confirmation: Confirmation?
    var resultView = 0
    var scroll = 0
    /// The selected line of the ranked gaps or the disagreements.
    var resultSelection = 0
    /// The ranked gaps sorted by dot votes (then priority) rather than by priority.
    public private(set) var sortByVotes = false
    /// The item opened for its detail: histogram, department views and comments.
    public private(set) var drillItem: ItemID?
    /// The selected goal in the goals view.
    var goalSelection = 0
    /// The goal form, while a goal is being added or edited: its fields and the focused one.
    var goalForm: [TextField]?
    var goalField = 0
    var goalEditing: String?
    static let goalFieldCount = 7

    public init(title: String, folder: String, agenda: [AgendaPhase], departments: [String], modules: [QuestionnaireModule],
                language: Language, size: (width: Int, height: Int), now: Timestamp) {
        self.title = title
        self.folder = folder
        self.agenda = agenda
        self.departments = departments
        self.modules = modules
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

    // MARK: Data from the runtime

    /// The participants as they are now.
    public mutating func loaded(rows: [Row], skippedFiles: Int) {
        self.rows = rows
        self.skippedFiles = skippedFiles
    }

    /// The facilitator's saved state (phase, reveal, goals).
    public mutating func loaded(state: FacilitatorState) {
        self.state = state
        goalSelection = min(goalSelection, max(0, state.goals.count - 1))
    }

    /// The consolidated report; the console shows results only once they are revealed.
    public mutating func loaded(document: ReportDocument?) {
        self.document = document
    }

    public mutating func failed(_ reason: String) {
        message = reason
    }

    public mutating func informed(_ text: String) {
        message = text
    }

    // MARK: Update

    public mutating func update(_ event: TerminalEvent, at time: Timestamp) -> [Effect] {
        now = time
        switch event {
        case .interrupt: return [.quit]
        case .tick: return []
        case .resize(let width, let height):
            size = (width, height)
            return []
        case .key(let key): return handle(key)
        }
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
        case .enter where view == .results && (resultView == 1 || resultView == 2):
            let items = resultItems
            if items.indices.contains(resultSelection) { drillItem = items[resultSelection] }
        case .down where view == .results && (resultView == 1 || resultView == 2):
            resultSelection = min(max(0, resultItems.count - 1), resultSelection + 1)
        case .up where view == .results && (resultView == 1 || resultView == 2):
            resultSelection = max(0, resultSelection - 1)
        case .character(let digit) where ("1"..."5").contains(digit):
            view = View(rawValue: Int(String(digit))! - 1)!
            scroll = 0
        case .character("n"), .character("N"):
            if state.phaseIndex + 1 < agenda.count || state.phaseStarted == nil { confirmation = .nextPhase }
        case .character("v"), .character("V"):
            if !state.revealed { confirmation = .reveal }
        case .character("s") where view == .results && resultView == 1:
            sortByVotes.toggle()
            resultSelection = 0
        case .tab where view == .results:
            resultView = (resultView + 1) % words.resultViews.count
            scroll = 0
            resultSelection = 0
        case .backTab where view == .results:
            resultView = (resultView + words.resultViews.count - 1) % words.resultViews.count
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
            goalForm = Array(repeating: TextField("", limit: 300), count: Self.goalFieldCount)
            goalField = 0
            goalEditing = nil
        case .enter where view == .goals, .character("e") where view == .goals:
            guard state.goals.indices.contains(goalSelection) else { return [] }
            let goal = state.goals[goalSelection]
            goalForm = [goal.statement, goal.kpi, goal.baseline, goal.target, goal.owner, goal.due, goal.links.joined(separator: ", ")]
                .map { TextField($0, limit: 300) }
            goalField = 0
            goalEditing = goal.id
        case .character("x") where view == .goals, .delete where view == .goals:
            if state.goals.indices.contains(goalSelection) { confirmation = .deleteGoal(state.goals[goalSelection].id) }
        case .down where view == .goals: goalSelection = min(max(0, state.goals.count - 1), goalSelection + 1)
        case .up where view == .goals: goalSelection = max(0, goalSelection - 1)
        default: break
        }
        return []
    }

    /// The goal form: Tab and Enter move on, Enter on the last field saves, Esc cancels.
    private mutating func handleGoalForm(_ key: Key) -> [Effect] {
        guard var form = goalForm else { return [] }
        switch key {
        case .escape:
            goalForm = nil
            return []
        case .tab, .down: goalField = (goalField + 1) % Self.goalFieldCount
        case .backTab, .up: goalField = (goalField + Self.goalFieldCount - 1) % Self.goalFieldCount
        case .enter:
            if goalField < Self.goalFieldCount - 1 {
                goalField += 1
                return []
            }
            let values = form.map { $0.value.trimmingCharacters(in: .whitespaces) }
            guard !values[0].isEmpty else { message = words.goalNeedsStatement; goalField = 0; return [] }
            guard values[5].isEmpty || Timestamp(iso: values[5] + "T00:00:00Z") != nil else {
                message = words.goalBadDate
                goalField = 5
                return []
            }
            let links = values[6].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            let known = Set(modules.flatMap { module in module.items.map(\.id.rawValue) + module.dimensions.map { "\(module.id).\($0.id)" } })
            if let unknown = links.first(where: { !known.contains($0) }) {
                message = FacilitatorStrings.fill(words.goalUnknownLink, ["id": unknown])
                goalField = 6
                return []
            }
            goalForm = nil
            return [.saveGoal(GoalDraft(id: goalEditing, statement: values[0], kpi: values[1], baseline: values[2], target: values[3],
                                        owner: values[4], due: values[5], links: links))]
        default:
            _ = form[goalField].handle(key)
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
            guard state.revealed, let document else { return 0 }
            return max(0, TextReportRenderer.render(document).split(separator: "\n", omittingEmptySubsequences: false).count - (size.height - 5))
        case .results:
            // The heat map and the perception matrix scroll; their length is bounded by the modules.
            let dimensions = modules.reduce(0) { $0 + $1.dimensions.count + 2 }
            return max(0, dimensions - (size.height - 8))
        default: return 0
        }
    }

    /// The items listed in the ranked-gaps or disagreements view, in order.
    var resultItems: [ItemID] {
        guard let document else { return [] }
        if resultView == 1 {
            let ranked = document.scores.ranking.compactMap(document.scores.item).filter { ($0.priority ?? 0) > 0 }.map(\.item)
            guard sortByVotes else { return ranked }
            // Stable: equal votes keep the priority order.
            return ranked.enumerated().sorted { a, b in
                let (x, y) = (document.scores.votes[a.element] ?? 0, document.scores.votes[b.element] ?? 0)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        }
        return document.scores.items.filter(\.disagreement).sorted { ($0.spread ?? 0, $1.item) > ($1.spread ?? 0, $0.item) }.map(\.item)
    }

    /// The phase running now and the time left in it, in seconds (negative when over time).
    public var phaseClock: (phase: AgendaPhase, secondsLeft: Int)? {
        guard let started = state.phaseStarted, agenda.indices.contains(state.phaseIndex) else { return nil }
        let phase = agenda[state.phaseIndex]
        let elapsed = Int((now.milliseconds - started.milliseconds) / 1000)
        return (phase, phase.minutes * 60 - elapsed)
    }
}
