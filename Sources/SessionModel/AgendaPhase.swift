import Foundation
import Questionnaire

/// One phase of the workshop's agenda, with its timebox.
public struct AgendaPhase: Hashable, Sendable {
    public var id: String
    public var minutes: Int

    public init(id: String, minutes: Int) {
        self.id = id
        self.minutes = minutes
    }

    /// The agenda a session gets when none is given.
    public static let standard = [
        AgendaPhase(id: "answer", minutes: 30), AgendaPhase(id: "review", minutes: 20),
        AgendaPhase(id: "goals", minutes: 30), AgendaPhase(id: "report", minutes: 10),
    ]

    /// Parses "answer=30,review=20,goals=30".
    public static func parse(_ text: String) -> Result<[AgendaPhase], SessionError> {
        var phases: [AgendaPhase] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, IdentifierRule.isValid(pieces[0]), let minutes = Int(pieces[1]), (1...600).contains(minutes) else {
                return .failure(.invalidArgument("agenda entry \"\(String(part))\" is not PHASE=MINUTES with 1 to 600 minutes, as in answer=30,review=20"))
            }
            guard !phases.contains(where: { $0.id == pieces[0] }) else {
                return .failure(.invalidArgument("agenda phase \"\(pieces[0])\" is given twice"))
            }
            phases.append(AgendaPhase(id: pieces[0], minutes: minutes))
        }
        return phases.isEmpty ? .failure(.invalidArgument("the agenda is empty")) : .success(phases)
    }
}
