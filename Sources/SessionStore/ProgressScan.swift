import Basics
import Questionnaire
import SessionModel

/// One participant's line in `status`: who they are and how far they have got.
public struct ParticipantStatus: Sendable {
    public let id: ParticipantID
    public let profile: Profile
    public let progress: ParticipantProgress
    /// When they joined: the order `status` lists them in.
    public let joined: Timestamp
}

extension Session {
    /// Every participant's progress from one parallel scan of their files, keeping only the
    /// figures: `status` costs what the report costs, in time and in memory, whatever the
    /// number of participants.
    public func scanProgress() -> (participants: [ParticipantStatus], problems: [SessionProblem]) {
        let plans = Dictionary(uniqueKeysWithValues: settings.departments.map { ($0, ProgressPlan(self, department: $0)) })
        let itemCount = codec.itemTable.items.count
        let (found, problems) = scanAnswers(into: { [ParticipantStatus]() }, { list, participant in
            guard let plan = plans[participant.profile.department] else { return }
            var answers = [Answer?](repeating: nil, count: itemCount)
            for (position, answer) in participant.answers { answers[position] = answer }
            let (answered, visible) = plan.count(answers)
            let progress = ParticipantProgress(participant: participant.id, answered: answered, visible: visible,
                                               done: participant.done, lastActivity: participant.lastActivity)
            list.append(ParticipantStatus(id: participant.id, profile: participant.profile, progress: progress,
                                          joined: participant.joinedAt))
        }, combine: { $0 += $1 })
        return (found.sorted { ($0.joined, $0.id) < ($1.joined, $1.id) }, problems)
    }
}

/// A department's items in the order they are asked, each with the earlier item of its module
/// that decides whether it is asked: progress by item position, with no ids to hash. It follows
/// `QuestionnaireModule.visibleItems(given:)` exactly; the tests hold the two together.
struct ProgressPlan: Sendable {
    struct Step: Sendable {
        let position: Int
        /// The step (in this plan) whose answer the condition tests; -1 when the item has a
        /// condition on no earlier item of its module, and so is never asked.
        let parent: Int
        let condition: Condition?
        /// Asked, but not counted: the facilitator made it optional.
        let optional: Bool
    }

    let steps: [Step]

    init(_ session: Session, department: String) {
        let positions = Dictionary(session.codec.itemTable.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var steps: [Step] = []
        for module in session.modules(for: department) {
            var stepOf: [ItemID: Int] = [:]
            for item in module.items {
                guard let position = positions[item.id] else { continue }
                let parent = item.condition.map { stepOf[$0.itemID] ?? -1 } ?? -1
                stepOf[item.id] = steps.count
                steps.append(Step(position: position, parent: parent, condition: item.condition, optional: item.isOptional))
            }
        }
        self.steps = steps
    }

    /// How many items are asked given `answers` (by position), and how many of those are answered;
    /// optional items are left out of both.
    func count(_ answers: [Answer?]) -> (answered: Int, visible: Int) {
        var asked = [Bool](repeating: false, count: steps.count)
        var answered = 0, visible = 0
        for (index, step) in steps.enumerated() {
            if let condition = step.condition {
                guard step.parent >= 0, asked[step.parent], condition.isSatisfied(by: answers[steps[step.parent].position]) else { continue }
            }
            asked[index] = true
            guard !step.optional else { continue }
            visible += 1
            if answers[step.position]?.isAnswered == true { answered += 1 }
        }
        return (answered, visible)
    }
}
