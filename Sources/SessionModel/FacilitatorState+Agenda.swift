import Questionnaire

/// The workshop's rules about its agenda, on the facilitator's state alone: pure, so screens and
/// runtimes ask the same question and get the same answer.
extension FacilitatorState {
    /// The index of the phase running now; nil before the workshop starts.
    public var currentPhase: Int? { phaseStarted == nil ? nil : phaseIndex }

    /// The phase a move would go to: the first before the workshop starts, then the next; nil at
    /// the end of the agenda.
    public func phaseAfter(in agenda: [AgendaPhase]) -> Int? {
        guard let current = currentPhase else { return agenda.isEmpty ? nil : 0 }
        return current + 1 < agenda.count ? current + 1 : nil
    }

    /// The phase the workshop has moved on to once answering has closed (past the agenda's first
    /// phase); nil while answering is open.
    public func answeringClosedPhase(in agenda: [AgendaPhase]) -> String? {
        guard let current = currentPhase, current > 0, agenda.indices.contains(current) else { return nil }
        return agenda[current].id
    }
}
