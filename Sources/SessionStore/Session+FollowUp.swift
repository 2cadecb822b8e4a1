import Basics
import SessionModel

/// A follow-up workshop's ties to the one before it: finding that session again, and reviewing
/// the goals it agreed.
extension Session {
    /// The earlier session this one follows up, opened from the folder `session.json` records
    /// (relative to this session's folder). Nil for a session that follows none. Fails when the
    /// folder is gone or now holds another session, saying which was expected.
    public func earlierSession(moduleCache: ModuleCache? = .user()) -> Result<Session, SessionError>? {
        guard let follows = settings.follows else { return nil }
        let folder = follows.folder.hasPrefix("/") ? follows.folder : paths.root + "/" + follows.folder
        let expected = "\"\(Sanitized.excerpt(follows.title))\" of \(follows.date) (\(follows.id.rawValue))"
        let earlier: Session
        do { earlier = try Session.open(folder, moduleCache: moduleCache) } catch {
            let why = switch error {
            case .notASession(_, let reason): reason.components(separatedBy: "; create a session").first ?? reason
            default: error.description
            }
            return .failure(.invalidArgument("the earlier session \(expected) was in \(follows.folder), relative to this session's folder, "
                + "and cannot be opened there (\(why)); put it back, or compare the two with `omnigap compare EARLIER-DIR \(ShellQuoting.quoted(paths.root))`"))
        }
        guard earlier.settings.id == follows.id else {
            return .failure(.invalidArgument("\(follows.folder) now holds session \(earlier.settings.id.rawValue), not the earlier session \(expected)"))
        }
        return .success(earlier)
    }

    /// Records the review of the carried-over goal `id`: the KPI's value now, its status and a
    /// note. The goal itself stays as it was agreed.
    @discardableResult
    public func reviewGoal(id: String, actual: String, status: GoalStatus?, note: String,
                           at time: Timestamp = .now()) throws(SessionError) -> FacilitatorState {
        try updateFacilitatorState { (state) throws(SessionError) in
            guard let index = state.reviews.firstIndex(where: { $0.goal.id == id }) else {
                throw .refused("no goal \"\(Sanitized.excerpt(id))\" was carried over from the earlier session")
            }
            state.reviews[index].actual = Self.oneLine(actual)
            state.reviews[index].status = status
            state.reviews[index].note = Self.oneLine(note)
            state.reviews[index].updated = time
        }
    }

    /// Typed text as one clean line: line breaks become spaces, control characters and escape
    /// sequences' introducers go, runs of spaces become one.
    static func oneLine(_ text: String) -> String {
        Profile.cleanName(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
    }
}
