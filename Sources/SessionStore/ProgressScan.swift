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
        let items = codec.itemTable.items
        let (found, problems) = scanAnswers(into: { [ParticipantStatus]() }, { list, participant in
            var answers: [ItemID: Answer] = [:]
            answers.reserveCapacity(participant.answers.count)
            for (position, answer) in participant.answers { answers[items[position].id] = answer }
            let progress = progress(of: participant.id, department: participant.profile.department, answers: answers,
                                    done: participant.done, lastActivity: participant.lastActivity)
            list.append(ParticipantStatus(id: participant.id, profile: participant.profile, progress: progress,
                                          joined: participant.joinedAt))
        }, combine: { $0 += $1 })
        return (found.sorted { ($0.joined, $0.id) < ($1.joined, $1.id) }, problems)
    }
}
