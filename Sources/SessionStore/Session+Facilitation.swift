import Basics
import Foundation
import Questionnaire
import SessionModel

/// What the facilitator does to the workshop, each a rule with one home: every change is made
/// under the facilitator lock on the state as saved, so two consoles on one session never undo
/// each other's work.
extension Session {
    /// Moves the agenda on from the phase `expected` (nil: not started) to the next one.
    ///
    /// The move names the phase it starts from. When the state has moved since the console last
    /// saw it (another console pressed the same key a moment earlier), the move is stale and
    /// refused: the workshop moves once, not twice.
    @discardableResult
    public func advancePhase(from expected: Int?, at time: Timestamp = .now()) throws(SessionError) -> FacilitatorState {
        let agenda = settings.agenda
        return try updateFacilitatorState { state throws(SessionError) in
            guard state.currentPhase == expected else {
                let now = state.currentPhase.map { "phase \($0 + 1), \(agenda.indices.contains($0) ? agenda[$0].id : "?")" } ?? "the start"
                throw .outdated("the workshop has already moved on (it is at \(now)); nothing was changed")
            }
            guard let next = state.phaseAfter(in: agenda) else {
                throw .refused("the workshop is at the last phase of its agenda")
            }
            state.phaseIndex = next
            state.phaseStarted = time
            state.resetClock()
        }
    }

    /// Pauses the running phase's clock, or starts it again: a discussion that needs five more
    /// minutes does not turn the projector red.
    @discardableResult
    public func togglePhasePause(at time: Timestamp = .now()) throws(SessionError) -> FacilitatorState {
        try updateFacilitatorState { state throws(SessionError) in
            guard state.currentPhase != nil else { throw .refused("the workshop has not started; there is no clock to pause") }
            state.togglePause(at: time)
        }
    }

    /// Adds minutes to the running phase (at most 600 in all).
    @discardableResult
    public func extendPhase(byMinutes minutes: Int) throws(SessionError) -> FacilitatorState {
        try updateFacilitatorState { state throws(SessionError) in
            guard state.currentPhase != nil else { throw .refused("the workshop has not started; there is no phase to extend") }
            guard (1...600).contains(minutes), state.phaseExtraMinutes + minutes <= 600 else {
                throw .invalidArgument("a phase can be extended by 1 to 600 minutes in all")
            }
            state.phaseExtraMinutes += minutes
        }
    }

    /// Reveals the results, with the gaps that are open for dot voting and their numbers (for
    /// the participants' voting screen).
    @discardableResult
    public func reveal(voteItems: [ItemID], numbers: [ItemID: VoteGapNumbers] = [:]) throws(SessionError) -> FacilitatorState {
        try updateFacilitatorState { state in
            state.revealed = true
            state.voteItems = voteItems
            state.voteNumbers = numbers.filter { voteItems.contains($0.key) }
        }
    }

    /// Replaces the gaps open for voting and their numbers, when the ranking has changed since
    /// the reveal.
    @discardableResult
    public func setVoteItems(_ items: [ItemID], numbers: [ItemID: VoteGapNumbers] = [:]) throws(SessionError) -> FacilitatorState {
        try updateFacilitatorState { state in
            state.voteItems = items
            state.voteNumbers = numbers.filter { items.contains($0.key) }
        }
    }

    /// Sets how many dots each participant may place: 1 to 10.
    @discardableResult
    public func setVotesPerParticipant(_ count: Int) throws(SessionError) -> FacilitatorState {
        guard (1...10).contains(count) else { throw .invalidArgument("each participant may have 1 to 10 dots, not \(count)") }
        return try updateFacilitatorState { $0.votesPerParticipant = count }
    }

    /// Adds a goal (a draft with no id gets a new one) or replaces the goal with the draft's id,
    /// keeping when it was created. Returns the goal as saved.
    @discardableResult
    public func saveGoal(_ draft: GoalDraft, at time: Timestamp = .now()) throws(SessionError) -> Goal {
        if let problem = draft.problem(in: catalog) { throw .invalidArgument(problem.description) }
        var saved: Goal?
        try updateFacilitatorState { state in
            let trimmed = { (text: String) in text.trimmingCharacters(in: .whitespaces) }
            // Editing keeps the goal's id and when it was created; a new goal gets a fresh id.
            let index = draft.id.flatMap { id in state.goals.firstIndex { $0.id == id } }
            let goal = Goal(id: index.map { state.goals[$0].id } ?? Self.newGoalID(avoiding: Set(state.goals.map(\.id))),
                            statement: trimmed(draft.statement), kpi: trimmed(draft.kpi), baseline: trimmed(draft.baseline),
                            target: trimmed(draft.target), owner: trimmed(draft.owner), due: trimmed(draft.due), links: draft.links,
                            created: index.map { state.goals[$0].created } ?? time, updated: time)
            if let index { state.goals[index] = goal } else { state.goals.append(goal) }
            saved = goal
        }
        return saved!
    }

    /// "g-" and eight random hexadecimal digits, not among `taken`.
    static func newGoalID(avoiding taken: Set<String>) -> String {
        var random = SystemRandomNumberGenerator()
        while true {
            let hex = String(random.next() % 0x1_0000_0000, radix: 16)
            let id = "g-" + String(repeating: "0", count: 8 - hex.count) + hex
            if !taken.contains(id) { return id }
        }
    }

    /// Deletes a goal; a goal that is already gone is not an error.
    @discardableResult
    public func deleteGoal(id: String) throws(SessionError) -> FacilitatorState {
        try updateFacilitatorState { state in state.goals.removeAll { $0.id == id } }
    }
}
