import Basics
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

    /// The running phase's clock at `now`: the phase, and the seconds left in it (negative when
    /// over time). Time spent paused does not count, and minutes added count. Nil before the
    /// workshop starts. The console and the participant screens read the same clock.
    public func phaseClock(in agenda: [AgendaPhase], at now: Timestamp) -> (phase: AgendaPhase, secondsLeft: Int, paused: Bool)? {
        guard let started = phaseStarted, agenda.indices.contains(phaseIndex) else { return nil }
        let phase = agenda[phaseIndex]
        let end = phasePaused ?? now
        let elapsed = Int((end.milliseconds - started.milliseconds) / 1000) - phasePausedSeconds
        return (phase, (phase.minutes + phaseExtraMinutes) * 60 - elapsed, phasePaused != nil)
    }

    /// Pauses the clock at `now`, or starts it again, counting the pause.
    public mutating func togglePause(at now: Timestamp) {
        guard phaseStarted != nil else { return }
        if let paused = phasePaused {
            phasePausedSeconds += max(0, Int((now.milliseconds - paused.milliseconds) / 1000))
            phasePaused = nil
        } else {
            phasePaused = now
        }
    }

    /// Clears the clock's pause and extension: a new phase starts on its own minutes.
    public mutating func resetClock() {
        phasePaused = nil
        phasePausedSeconds = 0
        phaseExtraMinutes = 0
    }
}
