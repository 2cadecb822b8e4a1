import SessionModel

/// Reads `facilitator.json` only when it has changed: a `stat` per call otherwise. Participants'
/// screens and the console ask for the state every second and before every save.
public final class FacilitatorStateReader {
    private var stamp: FileSystem.Stamp??
    private var last: Result<FacilitatorState, SessionError> = .success(FacilitatorState())

    public init() {}

    /// How many times the file was actually read.
    public private(set) var reads = 0

    /// The state now, or why it cannot be read.
    public func read(_ session: Session) -> Result<FacilitatorState, SessionError> {
        let now = FileSystem.stamps(in: session.paths.root, names: ["facilitator.json"])[0]
        if let stamp, stamp == now { return last }
        stamp = .some(now)
        reads += 1
        do { last = .success(try session.facilitatorState()) } catch { last = .failure(error) }
        return last
    }
}
