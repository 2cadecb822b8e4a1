import Questionnaire
import Scoring
import SessionModel

extension Scores {
    /// The numbers of each gap open for voting, as the console writes them with the list: what a
    /// participant needs to see to vote on a gap, without consolidating anything.
    public var votableGapNumbers: [ItemID: VoteGapNumbers] {
        var numbers: [ItemID: VoteGapNumbers] = [:]
        for id in votableGaps {
            guard let score = item(id) else { continue }
            numbers[id] = VoteGapNumbers(current: score.current, target: score.target, priority: score.priority)
        }
        return numbers
    }
}
