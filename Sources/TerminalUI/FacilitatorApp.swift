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

    /// The results' views, in the order Tab visits them. "Since last time" is there only in a
    /// follow-up session (`availableResultViews`).
    public enum ResultView: Int, Hashable, Sendable, CaseIterable {
        case heatMap, rankedGaps, disagreements, perception, sinceLastTime
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
        /// Records the review of a goal carried over from the earlier session.
        case reviewGoal(id: String, actual: String, status: GoalStatus?, note: String)
        /// Open the participant screens for someone in the room who has no terminal.
        case proxyEntry
        /// Set how many dots each participant has.
        case setVotesPerParticipant(Int)
        /// Take a participant out of the workshop: their file moves into `removed/`. The name is
        /// for the message that says it was done.
        case removeParticipant(ParticipantID, name: String)
        /// Read who may resume this participant over SSH, to show it.
        case showAccess(ParticipantID, name: String)
        /// Give this participant a new resume code (and forget their key).
        case resetAccess(ParticipantID, name: String)
        /// Stop the phase's clock, or start it again.
        case togglePause
        /// Give the current phase more minutes.
        case extendPhase(minutes: Int)
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
        /// Who the line is about, for removing them; nil for a line with no file behind it.
        public var id: ParticipantID?

        public init(name: String, department: String, answered: Int, visible: Int, done: Bool, lastActivity: Timestamp,
                    id: ParticipantID? = nil) {
            self.name = name
            self.department = department
            self.answered = answered
            self.visible = visible
            self.done = done
            self.lastActivity = lastActivity
            self.id = id
        }
    }

    /// The SSH server the console hosts (`facilitate --serve`), as the dashboard shows it.
    public struct Serving: Hashable, Sendable {
        /// What a participant types: "ssh -p 2222 192.168.1.20", one per address of this machine.
        public var joinCommands: [String]
        public var code: String
        public var fingerprint: String
        /// Participant screens running now, joined or still on the join screen.
        public var screens: Int
        /// The participants whose screens are connected now.
        public var connected: Set<ParticipantID>

        public init(joinCommands: [String], code: String, fingerprint: String, screens: Int = 0, connected: Set<ParticipantID> = []) {
            self.joinCommands = joinCommands
            self.code = code
            self.fingerprint = fingerprint
            self.screens = screens
            self.connected = connected
        }
    }

    /// Who may resume a participant over SSH, as the console shows it.
    public struct Access: Hashable, Sendable {
        public var id: ParticipantID
        public var name: String
        /// Nil when the participant has no resume code.
        public var code: String?
        public var clientKey: String?
        public var wrongCodes: Int
        public var maximumWrongCodes: Int
        public var locked: Bool

        public init(id: ParticipantID, name: String, code: String?, clientKey: String?, wrongCodes: Int, maximumWrongCodes: Int, locked: Bool) {
            self.id = id
            self.name = name
            self.code = code
            self.clientKey = clientKey
            self.wrongCodes = wrongCodes
            self.maximumWrongCodes = maximumWrongCodes
            self.locked = locked
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
        /// The SSH server's join line and who is connected, as of now.
        case serving(Serving)
        /// A participant's resume code and key, read for the facilitator.
        case access(Access)
    }

    /// A question the console asks before it acts, and what each key answers to it.
    enum Confirmation: Hashable, Sendable {
        /// Move on from this phase (nil: not started).
        case nextPhase(from: Int?)
        case reveal, deleteGoal(String)
        /// Which format to export the report in.
        case exportFormat
        /// Take this participant out of the workshop.
        case removeParticipant(Row)
        /// A participant's resume code: r gives a new one, any other key closes.
        case access(Access)

        enum Answer: Equatable { case effect(Effect), cancel, unanswered }

        /// The keys of the export question, one per format, in the order the dialog lists them;
        /// the same in every language.
        static let exportKeys: [(key: Character, format: ReportFormat)] = [("t", .text), ("m", .markdown), ("h", .html), ("c", .csv), ("j", .json)]

        /// A yes/no question takes Enter or y as yes and any other key as no; removing someone
        /// takes only y, so that an Enter meant for something else removes nobody. The export
        /// question takes a format's key; Esc or Ctrl-C cancels it, and a key that names no
        /// format leaves it open.
        func answer(_ key: Key) -> Answer {
            let y = key == .character("y") || key == .character("Y")
            let yes = key == .enter || y
            switch self {
            case .nextPhase(let from): return yes ? .effect(.advancePhase(from: from)) : .cancel
            case .reveal: return yes ? .effect(.reveal) : .cancel
            case .deleteGoal(let id): return yes ? .effect(.deleteGoal(id: id)) : .cancel
            case .removeParticipant(let row):
                guard y, let id = row.id else { return .cancel }
                return .effect(.removeParticipant(id, name: row.name))
            case .access(let access):
                return key == .character("r") || key == .character("R") ? .effect(.resetAccess(access.id, name: access.name)) : .cancel
            case .exportFormat:
                if key == .escape || key == .control("c") { return .cancel }
                guard case .character(let letter) = key,
                      let choice = Self.exportKeys.first(where: { String($0.key) == letter.lowercased() }) else { return .unanswered }
                return .effect(.exportReport(choice.format))
            }
        }
    }

    /// The goal form: a field for each part of a goal, the focused one, the gaps it closes
    /// (picked from a list, never typed as ids), and the goal it replaces, if any.
    struct GoalForm: Hashable, Sendable {
        enum Field: Int, CaseIterable, Hashable, Sendable { case statement, kpi, baseline, target, owner, due, links }

        var editing: String?
        var focus: Field = .statement
        private var fields: [Field: TextField]
        /// The item and dimension ids the goal closes, in the order they were picked.
        var links: [String] = []
        /// The selected line of the list of gaps, while it is open.
        var picking: Int?

        init() {
            fields = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, TextField("", limit: 300)) })
        }

        init(editing goal: Goal) {
            editing = goal.id
            let texts: [Field: String] = [.statement: goal.statement, .kpi: goal.kpi, .baseline: goal.baseline, .target: goal.target,
                                          .owner: goal.owner, .due: goal.due]
            fields = texts.mapValues { TextField($0, limit: 300) }
            links = goal.links
        }

        subscript(field: Field) -> TextField {
            get { fields[field] ?? TextField("", limit: 300) }
            set { fields[field] = newValue }
        }

        /// The form as a draft; the session trims it when it saves.
        var draft: GoalDraft {
            GoalDraft(id: editing, statement: self[.statement].value, kpi: self[.kpi].value, baseline: self[.baseline].value,
                      target: self[.target].value, owner: self[.owner].value, due: self[.due].value, links: links)
        }
    }

    /// The review of a goal carried over from the earlier session: the KPI's value now, a
    /// status and a note. The goal itself is not edited here.
    struct ReviewForm: Hashable, Sendable {
        enum Field: Int, CaseIterable, Hashable, Sendable { case actual, status, note }

        let goalID: String
        var focus: Field = .actual
        var actual: TextField
        /// Nil: not reviewed yet.
        var status: GoalStatus?
        var note: TextField

        init(_ review: GoalReview) {
            goalID = review.goal.id
            actual = TextField(review.actual, limit: 120)
            status = review.status
            note = TextField(review.note, limit: 300)
        }

        /// The statuses in the order ←/→ visit them, "not reviewed" first.
        static let statuses: [GoalStatus?] = [nil] + GoalStatus.allCases.map(Optional.some)

        mutating func stepStatus(by step: Int) {
            let index = Self.statuses.firstIndex(of: status) ?? 0
            status = Self.statuses[(index + step + Self.statuses.count) % Self.statuses.count]
        }
    }

    /// A dimension, opened from the heat map or the perception gaps to show its questions.
    struct DimensionKey: Hashable, Sendable {
        var module: String
        var dimension: String
    }

    public let title: String
    public let folder: String
    /// What a participant types to join, as it works where the console was started.
    public let joinCommand: String
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
    /// The report's lines wrapped to the screen's width, worked out when the text or the width
    /// changes: a report line wider than the screen goes on in the next line, never cut.
    private(set) var reportLines: [String] = []
    public private(set) var now: Timestamp
    public private(set) var message: String?
    /// Whether the message says something went wrong.
    private(set) var messageIsProblem = false
    var confirmation: Confirmation?
    var resultView = ResultView.heatMap
    /// The report view's first line shown.
    var scroll = 0
    /// The selected participant on the dashboard.
    var dashboardSelection = 0
    /// The SSH server the console hosts; nil without `--serve`.
    public private(set) var serving: Serving?
    /// The join line full screen, large, for the projector.
    public private(set) var showingJoin = false
    /// The selected line of the results view showing.
    var resultSelection = 0
    /// The dimension whose questions are listed, and the line to go back to.
    var openDimension: DimensionKey?
    var selectionBeforeDimension = 0
    /// The ranked gaps sorted by dot votes (then priority) rather than by priority.
    public private(set) var sortByVotes = false
    /// The item opened for its detail: histogram, department views and comments.
    public private(set) var drillItem: ItemID?
    /// The selected goal in the goals view.
    var goalSelection = 0
    /// The goal form, while a goal is being added or edited.
    var goalForm: GoalForm?
    /// The review being edited, while the form is open.
    var reviewForm: ReviewForm?
    /// The session's modules, for checking a goal's links and naming them.
    let catalog: ModuleCatalog

    /// In a follow-up session, how the session it follows is named: "Acme workshop (2026-06-02)".
    public let earlierSession: String?

    public init(title: String, folder: String, joinCommand: String? = nil, agenda: [AgendaPhase], departments: [String],
                modules: [QuestionnaireModule], language: Language, size: (width: Int, height: Int), now: Timestamp,
                earlierSession: String? = nil) {
        self.title = title
        self.earlierSession = earlierSession
        self.folder = folder
        self.joinCommand = joinCommand ?? ShellQuoting.command(["omnigap", "join", folder])
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

    /// What a goal's link names, in words: "Logistics · How quickly are returns restocked?" for
    /// an item, "Logistics · Returns" for a dimension; an id the modules do not know stays as it is.
    func linkTitle(_ id: String) -> String {
        if let (module, _) = catalog.placement(of: ItemID(id)), let item = catalog.item(ItemID(id)) {
            return module.title.resolved(in: language) + " · " + item.prompt.resolved(in: language)
        }
        for module in modules where id.hasPrefix(module.id + ".") {
            if let dimension = module.dimensions.first(where: { module.id + "." + $0.id == id }) {
                return module.title.resolved(in: language) + " · " + dimension.title.resolved(in: language)
            }
        }
        return id
    }

    // MARK: Update

    public mutating func update(_ event: Event, at time: Timestamp) -> [Effect] {
        now = time
        switch event {
        case .interrupt: return [.quit]
        case .tick: return []
        case .resize(let width, let height):
            size = (width, height)
            reportLines = Self.wrapped(reportText, width: width)
            scroll = min(scroll, maximumScroll)
            return []
        case .key(let key): return handle(key)
        case .participants(let rows, let skippedFiles):
            self.rows = rows
            self.skippedFiles = skippedFiles
            dashboardSelection = min(dashboardSelection, max(0, rows.count - 1))
            departmentTotals = Dictionary(grouping: rows, by: \.department).mapValues { members in
                DepartmentTotal(members: members.count, done: members.filter(\.done).count,
                                answered: members.reduce(0) { $0 + $1.answered }, visible: members.reduce(0) { $0 + $1.visible })
            }
        case .state(let state):
            self.state = state
            goalSelection = min(goalSelection, max(0, state.reviews.count + state.goals.count - 1))
            // A review whose goal went (facilitator.json replaced from elsewhere) has nothing to edit.
            if let form = reviewForm, !state.reviews.contains(where: { $0.goal.id == form.goalID }) { reviewForm = nil }
        case .results(let document):
            self.document = document
            if document == nil { reportText = []; reportLines = [] }
            resultSelection = min(resultSelection, max(0, resultLineCount - 1))
            if let item = drillItem, document?.scores.item(item) == nil { drillItem = nil }
        case .reportText(let lines):
            reportText = lines
            reportLines = Self.wrapped(lines, width: size.width)
            scroll = min(scroll, maximumScroll)
        case .failed(let reason):
            message = reason
            messageIsProblem = true
        case .informed(let reason):
            message = reason
            messageIsProblem = false
        case .serving(let serving):
            self.serving = serving
        case .access(let access):
            confirmation = .access(access)
        }
        return []
    }

    /// Says something in the message line until the next key.
    private mutating func say(_ text: String) {
        message = text
        messageIsProblem = false
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
        if reviewForm != nil { return handleReviewForm(key) }
        if showingJoin {
            // The join screen is for reading from the back of the room: any key leaves it.
            showingJoin = false
            return key == .control("c") ? [.quit] : []
        }
        message = nil
        if drillItem != nil { return handleDrillDown(key) }
        switch key {
        case .character("q"), .character("Q"), .control("c"): return [.quit]
        case .character(let digit) where ("1"..."5").contains(digit):
            view = View(rawValue: Int(String(digit))! - 1)!
            scroll = 0
        case .character("n"), .character("N"):
            if state.phaseAfter(in: agenda) != nil { confirmation = .nextPhase(from: state.currentPhase) } else { say(words.noNextPhase) }
        case .character("v"), .character("V"):
            if state.revealed { say(words.alreadyRevealed) } else { confirmation = .reveal }
        case .character("t"), .character("T"):
            guard state.currentPhase != nil else { say(words.clockNotStarted); return [] }
            return [.togglePause]
        case .character("m"), .character("M"):
            guard state.currentPhase != nil else { say(words.clockNotStarted); return [] }
            return [.extendPhase(minutes: 5)]
        default:
            switch view {
            case .dashboard: return handleDashboard(key)
            case .agenda: return handleAgenda(key)
            case .results: handleResults(key)
            case .report: handleReport(key)
            case .goals: handleGoals(key)
            }
        }
        return []
    }

    private mutating func handleDashboard(_ key: Key) -> [Effect] {
        let page = max(1, dashboardRoom)
        let last = max(0, rows.count - 1)
        switch key {
        case .down: dashboardSelection = min(last, dashboardSelection + 1)
        case .up: dashboardSelection = max(0, dashboardSelection - 1)
        case .pageDown: dashboardSelection = min(last, dashboardSelection + page)
        case .pageUp: dashboardSelection = max(0, dashboardSelection - page)
        case .home: dashboardSelection = 0
        case .end: dashboardSelection = last
        case .character("x"), .character("X"), .delete:
            if rows.indices.contains(dashboardSelection), rows[dashboardSelection].id != nil {
                confirmation = .removeParticipant(rows[dashboardSelection])
            }
        case .character("p"), .character("P"): return [.proxyEntry]
        case .character("c"), .character("C"):
            if rows.indices.contains(dashboardSelection), let id = rows[dashboardSelection].id {
                return [.showAccess(id, name: rows[dashboardSelection].name)]
            }
        case .character("j"), .character("J"):
            if serving != nil { showingJoin = true }
        default: break
        }
        return []
    }

    private mutating func handleAgenda(_ key: Key) -> [Effect] {
        switch key {
        case .character("+"): return [.setVotesPerParticipant(min(10, state.votesPerParticipant + 1))]
        case .character("-"): return [.setVotesPerParticipant(max(1, state.votesPerParticipant - 1))]
        default: return []
        }
    }

    private mutating func handleResults(_ key: Key) {
        let count = resultLineCount
        let page = max(1, resultRoom)
        switch key {
        case .tab, .backTab:
            let views = availableResultViews
            let index = views.firstIndex(of: resultView) ?? 0
            resultView = views[(index + (key == .tab ? 1 : views.count - 1)) % views.count]
            resultSelection = 0
            openDimension = nil
        case .down: resultSelection = min(max(0, count - 1), resultSelection + 1)
        case .up: resultSelection = max(0, resultSelection - 1)
        case .pageDown: resultSelection = min(max(0, count - 1), resultSelection + page)
        case .pageUp: resultSelection = max(0, resultSelection - page)
        case .escape, .backspace:
            if openDimension != nil {
                openDimension = nil
                resultSelection = selectionBeforeDimension
            }
        case .enter:
            switch selectedResultLine?.opens {
            case .item(let id)?: drillItem = id
            case .dimension(let key)?:
                selectionBeforeDimension = resultSelection
                openDimension = key
                resultSelection = 0
            case nil: break
            }
        case .character("s") where resultView == .rankedGaps && openDimension == nil:
            sortByVotes.toggle()
            resultSelection = 0
        case .character("g"), .character("G"):
            if case .item(let id)? = selectedResultLine?.opens { startGoal(for: id) }
        default: break
        }
    }

    private mutating func handleDrillDown(_ key: Key) -> [Effect] {
        switch key {
        case .escape, .backspace, .enter: drillItem = nil
        case .character("q"), .control("c"): return [.quit]
        case .character("g"), .character("G"):
            if let item = drillItem {
                drillItem = nil
                startGoal(for: item)
            }
        default: break
        }
        return []
    }

    private mutating func handleReport(_ key: Key) {
        // A page keeps its last line on the screen, so the reader does not lose the thread.
        let page = max(1, reportRoom - 1)
        switch key {
        case .down: scroll = min(scroll + 1, maximumScroll)
        case .up: scroll = max(0, scroll - 1)
        case .pageDown: scroll = min(scroll + page, maximumScroll)
        case .pageUp: scroll = max(0, scroll - page)
        case .character("e"), .character("E"):
            if state.revealed && document != nil { confirmation = .exportFormat } else { say(words.exportNeedsReveal) }
        default: break
        }
    }

    /// The goals view lists the goals carried over for review first (in a follow-up session),
    /// then the goals agreed today; the selection runs through both.
    private mutating func handleGoals(_ key: Key) {
        let reviews = state.reviews.count
        switch key {
        case .down: goalSelection = min(max(0, reviews + state.goals.count - 1), goalSelection + 1)
        case .up: goalSelection = max(0, goalSelection - 1)
        case .character("a"), .character("A"): goalForm = GoalForm()
        case .enter, .character("e"):
            if state.reviews.indices.contains(goalSelection) {
                reviewForm = ReviewForm(state.reviews[goalSelection])
            } else if state.goals.indices.contains(goalSelection - reviews) {
                goalForm = GoalForm(editing: state.goals[goalSelection - reviews])
            }
        case .character("x"), .delete:
            if state.reviews.indices.contains(goalSelection) {
                say(words.reviewNoDelete)
            } else if state.goals.indices.contains(goalSelection - reviews) {
                confirmation = .deleteGoal(state.goals[goalSelection - reviews].id)
            }
        default: break
        }
    }

    /// The review form: Tab, ↓ and Enter move on, Enter on the note saves, Esc cancels; ←/→ or
    /// Space change the status.
    private mutating func handleReviewForm(_ key: Key) -> [Effect] {
        guard var form = reviewForm else { return [] }
        let fields = ReviewForm.Field.allCases
        switch key {
        case .escape:
            reviewForm = nil
            message = nil
            return []
        case .tab, .down: form.focus = fields[(form.focus.rawValue + 1) % fields.count]
        case .backTab, .up: form.focus = fields[(form.focus.rawValue + fields.count - 1) % fields.count]
        case .right where form.focus == .status: form.stepStatus(by: 1)
        case .character(" ") where form.focus == .status: form.stepStatus(by: 1)
        case .left where form.focus == .status: form.stepStatus(by: -1)
        case .enter:
            guard form.focus == fields.last else {
                form.focus = fields[form.focus.rawValue + 1]
                break
            }
            reviewForm = nil
            return [.reviewGoal(id: form.goalID, actual: form.actual.value, status: form.status, note: form.note.value)]
        default:
            switch form.focus {
            case .actual: _ = form.actual.handle(key)
            case .note: _ = form.note.handle(key)
            case .status: break
            }
        }
        reviewForm = form
        return []
    }

    /// Opens a new goal that closes `item`, its statement started from the next step of the
    /// item's ladder above where the room stands today.
    private mutating func startGoal(for item: ItemID) {
        var form = GoalForm()
        form.links = [item.rawValue]
        if let step = nextStep(for: item.rawValue) { form[.statement] = Self.startedField(step) }
        goalForm = form
        view = .goals
    }

    /// A statement started for the facilitator, the cursor at its beginning so that it reads
    /// from its first word.
    static func startedField(_ text: String) -> TextField {
        var field = TextField(text, limit: 300)
        _ = field.handle(.home)
        return field
    }

    /// The ladder's words for the stage above the room's mean on a linked item; nil for a
    /// dimension, an item without a ladder, or before there are results.
    func nextStep(for link: String) -> String? {
        guard let current = document?.scores.item(ItemID(link))?.current,
              let step = catalog.item(ItemID(link))?.kind.nextStep(above: current) else { return nil }
        return step.descriptor.resolved(in: language)
    }

    /// The goal form: Tab and Enter move on, Enter on the last field saves, Esc cancels; Space
    /// on the gaps opens their list. The draft is checked by the session's rule before it is
    /// sent, so a mistake keeps the form open on the field to mend.
    private mutating func handleGoalForm(_ key: Key) -> [Effect] {
        guard var form = goalForm else { return [] }
        if let selection = form.picking {
            handlePicker(key, selection: selection, form: &form)
            goalForm = form
            return []
        }
        let fields = GoalForm.Field.allCases
        switch key {
        case .escape:
            goalForm = nil
            message = nil
            return []
        case .tab, .down: form.focus = fields[(form.focus.rawValue + 1) % fields.count]
        case .backTab, .up: form.focus = fields[(form.focus.rawValue + fields.count - 1) % fields.count]
        case .character(" ") where form.focus == .links:
            form.picking = 0
        case .enter:
            if form.focus != fields.last {
                form.focus = fields[form.focus.rawValue + 1]
                break
            }
            let draft = form.draft
            switch draft.problem(in: catalog) {
            case .noStatement?:
                message = words.goalNeedsStatement
                messageIsProblem = true
                form.focus = .statement
            case .badDate?:
                message = words.goalBadDate
                messageIsProblem = true
                form.focus = .due
            case .unknownLink(let id)?:
                message = FacilitatorStrings.fill(words.goalUnknownLink, ["id": id])
                messageIsProblem = true
                form.focus = .links
            case nil:
                // What an earlier attempt said is wrong no longer is.
                goalForm = nil
                message = nil
                return [.saveGoal(draft)]
            }
        default:
            guard form.focus != .links else { break }
            _ = form[form.focus].handle(key)
        }
        goalForm = form
        return []
    }

    /// The list of gaps: ↑↓ choose, Space ticks or unticks, Enter or Esc goes back to the form.
    /// The first gap ticked on a goal with no statement yet starts the statement from its next
    /// step.
    private func handlePicker(_ key: Key, selection: Int, form: inout GoalForm) {
        let choices = linkChoices(form)
        switch key {
        case .down: form.picking = min(max(0, choices.count - 1), selection + 1)
        case .up: form.picking = max(0, selection - 1)
        case .pageDown: form.picking = min(max(0, choices.count - 1), selection + max(1, pickerRoom))
        case .pageUp: form.picking = max(0, selection - max(1, pickerRoom))
        case .character(" "):
            guard choices.indices.contains(selection) else { break }
            let id = choices[selection]
            if let index = form.links.firstIndex(of: id) {
                form.links.remove(at: index)
            } else {
                form.links.append(id)
                if form[.statement].value.trimmingCharacters(in: .whitespaces).isEmpty, let step = nextStep(for: id) {
                    form[.statement] = Self.startedField(step)
                }
            }
        case .enter, .escape: form.picking = nil
        default: break
        }
    }

    /// What a goal can close: the ranked gaps once there are results (the biggest first), every
    /// maturity question before; the form's own links first when they are not among them.
    func linkChoices(_ form: GoalForm) -> [String] {
        let gaps = document?.scores.rankedGaps.map(\.item.rawValue)
            ?? modules.flatMap { $0.items.filter { $0.kind.tag == .maturity }.map(\.id.rawValue) }
        return form.links.filter { !gaps.contains($0) } + gaps
    }

    // MARK: Layout the update needs

    /// The footer: the keys that act on the view as it is now, in as many lines as they need.
    var footerLines: [String] {
        var lines: [String] = [], line = ""
        for hint in footerHints {
            if line.isEmpty {
                line = hint
            } else if DisplayWidth.of(line + " · " + hint) <= size.width - 2 {
                line += " · " + hint
            } else {
                lines.append(line)
                line = hint
            }
        }
        lines.append(line)
        return lines
    }

    /// The first line below the view's own lines: the message line, then the footer.
    var bodyBottom: Int { size.height - footerLines.count - 1 }

    /// The keys that act on the view showing, as it is now.
    var footerHints: [String] {
        let words = self.words
        if let form = reviewForm {
            return [words.keyNextField] + (form.focus == .status ? [words.keyStatus] : []) + [words.keySaveOnLast, words.keyCancel]
        }
        if let form = goalForm {
            if form.picking != nil { return [words.keyChoose, words.keyTick, words.keyDone] }
            if form.focus == .links { return [words.keyChooseGaps, words.keySave, words.keyNextField, words.keyCancel] }
            return [words.keyNextField, words.keySaveOnLast, words.keyCancel]
        }
        let clock = state.currentPhase == nil ? [] : [state.phasePaused == nil ? words.keyPause : words.keyResume, words.keyExtend]
        let next = state.phaseAfter(in: agenda) == nil ? [] : [words.keyNextPhase]
        let reveal = state.revealed ? [] : [words.keyReveal]
        switch view {
        case .dashboard:
            if showingJoin { return [words.keyBack] }
            // Resume codes matter to people joining over SSH: listed while this console serves
            // (c also works beside a separate `omnigap serve`).
            let list = rows.contains { $0.id != nil } ? [words.keyChoose, words.keyRemove] + (serving == nil ? [] : [words.keyAccess]) : []
            let join = serving == nil ? [] : [words.keyJoinScreen]
            return list + join + [words.keyProxy] + clock + next + reveal + [words.keyQuit]
        case .agenda:
            return clock + next + reveal + [words.keyDots, words.keyQuit]
        case .results:
            guard state.revealed, document != nil else { return [words.keyNextView] + reveal + [words.keyQuit] }
            if drillItem != nil { return [words.keyBack, words.keyGoalForGap, words.keyQuit] }
            if openDimension != nil { return [words.keyChoose, words.keyDetail, words.keyGoalForGap, words.keyBack, words.keyQuit] }
            // An empty view (no disagreement yet, nothing rated) has nothing to choose or open.
            if resultLineCount == 0 { return [words.keyNextView, words.keyQuit] }
            switch resultView {
            case .heatMap, .perception: return [words.keyNextView, words.keyChoose, words.keyItems, words.keyQuit]
            case .rankedGaps:
                return [words.keyNextView, words.keyChoose, words.keyDetail, words.keyGoalForGap,
                        sortByVotes ? words.keySortByPriority : words.keySortByDots, words.keyQuit]
            case .disagreements: return [words.keyNextView, words.keyChoose, words.keyDetail, words.keyGoalForGap, words.keyQuit]
            case .sinceLastTime: return [words.keyNextView, words.keyChoose, words.keyItems, words.keyQuit]
            }
        case .report:
            return state.revealed && document != nil ? [words.keyScroll, words.keyExport, words.keyQuit] : reveal + [words.keyQuit]
        case .goals:
            if state.reviews.indices.contains(goalSelection) { return [words.keyReview, words.keyAdd, words.keyChoose, words.keyQuit] }
            return [words.keyAdd] + (state.goals.isEmpty ? [] : [words.keyEdit, words.keyDelete, words.keyChoose]) + [words.keyQuit]
        }
    }

    /// The dashboard's first participant line.
    /// The dashboard's first participant line: below the tabs, the serving panel and the
    /// column headings.
    var dashboardTop: Int { 4 + servingPanelHeight }

    /// The lines the join panel takes on the dashboard while the console serves over SSH: a
    /// box around a line per join command and the host key and connection count.
    var servingPanelHeight: Int {
        guard let serving else { return 0 }
        return serving.joinCommands.count + 4
    }

    /// How many participant lines the dashboard shows: the room less the line that says which
    /// are showing, the department totals and the damaged-files note.
    var dashboardRoom: Int {
        max(1, bodyBottom - dashboardTop - 3 - departments.count - (skippedFiles > 0 ? 2 : 0))
    }

    /// The results' first list line, below the tabs of the four views (and the perception
    /// matrix's department header).
    var resultTop: Int { 5 + (openDimension == nil && resultView == .perception ? perceptionHeader.count : 0) + (openDimension == nil ? 0 : 2) }

    /// Lines under a results list for the selected line's full text.
    static let resultDetailLines = 4

    /// How many lines a results list shows.
    var resultRoom: Int { max(1, bodyBottom - resultTop - Self.resultDetailLines) }

    /// How many lines of the list of gaps show in the goal form.
    var pickerRoom: Int { max(1, bodyBottom - 5 - Self.resultDetailLines) }

    /// How many report lines show.
    var reportRoom: Int { max(1, bodyBottom - 3) }

    /// How far the report can scroll: its lines less the room it has, so scrolling stops at the
    /// end rather than running on.
    var maximumScroll: Int {
        guard view == .report, state.revealed, document != nil else { return 0 }
        return max(0, reportLines.count - reportRoom)
    }

    /// The items listed in the ranked-gaps or disagreements view (or an opened dimension), in order.
    var resultItems: [ItemID] {
        resultLines.compactMap { if case .item(let id)? = $0.opens { id } else { nil } }
    }

    var resultLineCount: Int { resultLines.count }

    /// How the console names the session this one follows, once the results have it.
    var earlierName: String? { earlierSession ?? document?.followUp?.earlier }

    /// A review's status in words, "not reviewed" while it has none: the report's words.
    static func statusName(_ status: GoalStatus?, in language: Language) -> String {
        ComparisonStrings.forLanguage(language).status(status.flatMap { ReviewStatus(rawValue: $0.rawValue) })
    }

    /// The results' views this session has: "Since last time" only in a follow-up.
    var availableResultViews: [ResultView] {
        ResultView.allCases.filter { $0 != .sinceLastTime || document?.followUp != nil }
    }

    var selectedResultLine: ResultLine? {
        let lines = resultLines
        return lines.indices.contains(resultSelection) ? lines[resultSelection] : nil
    }

    /// The phase running now and the time left in it, in seconds (negative when over time).
    public var phaseClock: (phase: AgendaPhase, secondsLeft: Int)? {
        state.phaseClock(in: agenda, at: now).map { ($0.phase, $0.secondsLeft) }
    }

    /// `lines` with each one wider than `width` going on in the lines below it. A rule ("====")
    /// has no words to lose: it is shortened to the width instead.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            guard DisplayWidth.of(line) > width else { return [line] }
            if let first = line.first, !first.isLetter, !first.isNumber, line.allSatisfy({ $0 == first }) { return [String(line.prefix(width))] }
            // Continuation lines keep the line's indent, so a wrapped sentence stays in its column.
            let indent = String(line.prefix { $0 == " " })
            guard indent.count < width / 2 else { return TextWrapping.wrap(line, width: width) }
            return TextWrapping.wrap(String(line.dropFirst(indent.count)), width: width - indent.count).map { indent + $0 }
        }
    }
}
