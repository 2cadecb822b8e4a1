import Questionnaire

/// How far one participant has got: the items they are asked (skip logic applied to their own
/// answers) and how many of those they have answered.
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
        let answers = record.currentAnswers
        var answered = 0, visible = 0
        for module in modules(for: record.profile.value.department) {
            for item in module.visibleItems(given: answers) {
                visible += 1
                if answers[item.id]?.isAnswered == true { answered += 1 }
            }
        }
        return ParticipantProgress(participant: record.id, answered: answered, visible: visible,
                                   done: record.done.value, lastActivity: record.lastActivity)
    }
}
