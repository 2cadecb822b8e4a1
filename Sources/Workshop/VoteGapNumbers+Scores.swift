import Questionnaire
import Scoring
import SessionModel
import SessionStore

extension Scores {
    /// The numbers of each gap open for voting, as the console writes them with the list: what a
    /// participant needs to see to vote on a gap, without consolidating anything.
    public var votableGapNumbers: [ItemID: VoteGapNumbers] {
        var numbers: [ItemID: VoteGapNumbers] = [:]
        for id in votableGaps {
            guard let score = item(id) else { continue }
            // Two decimals are plenty for a screen that shows one, and keep the file (and the
            // comparison that decides whether to write it again) steady.
            let rounded = { (value: Double?) in value.map { ($0 * 100).rounded() / 100 } }
            numbers[id] = VoteGapNumbers(current: rounded(score.current), target: rounded(score.target), priority: rounded(score.priority))
        }
        return numbers
    }
}

extension Session {
    /// Reveals the results with the gaps open for voting and the numbers participants vote on:
    /// the one way the console and the demo reveal, so neither leaves the voting screen without
    /// its numbers.
    @discardableResult
    public func reveal(_ scores: Scores) throws(SessionError) -> FacilitatorState {
        try reveal(voteItems: scores.votableGaps, numbers: scores.votableGapNumbers)
    }
}
