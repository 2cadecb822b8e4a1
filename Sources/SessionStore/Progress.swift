import Basics
import Questionnaire
import SessionModel

/// How far one participant has got: the items they are asked (skip logic applied to their own
/// answers) and how many of those they have answered. Optional items count in neither: a
/// participant who skips them is still complete.
public struct ParticipantProgress: Hashable, Sendable {
    public let participant: ParticipantID
    public let answered: Int
    public let visible: Int
    public let done: Bool
    public let lastActivity: Timestamp
}

extension Session {
    /// The progress of `record` through their section.
    public func progress(of record: ParticipantRecord) -> ParticipantProgress {
        progress(of: record.id, department: record.profile.value.department, answers: record.currentAnswers,
                 done: record.done.value, lastActivity: record.lastActivity)
    }

    /// The progress of a participant of `department` with these answers in force.
    func progress(of id: ParticipantID, department: String, answers: [ItemID: Answer], done: Bool,
                  lastActivity: Timestamp) -> ParticipantProgress {
        var answered = 0, visible = 0
        for module in modules(for: department) {
            for item in module.visibleItems(given: answers) where !item.isOptional {
                visible += 1
                if answers[item.id]?.isAnswered == true { answered += 1 }
            }
        }
        return ParticipantProgress(participant: id, answered: answered, visible: visible, done: done, lastActivity: lastActivity)
    }
}
