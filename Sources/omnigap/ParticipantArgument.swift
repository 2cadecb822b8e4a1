import Basics
import SessionModel
import SessionStore

/// The one participant a `--participant ID|NAME` argument names, for the commands that act on
/// someone already in the session (`export`, `remove`).
enum ParticipantArgument {
    /// The participant with that id, or the only one with that name (compared as `join`
    /// compares names). No match, or a name several people share, is a failure that says what
    /// to give instead: a name shared is never guessed at, since the wrong person would be
    /// exported or removed.
    static func find(_ key: String, in session: Session, command: String) throws -> ParticipantRecord {
        let matches = session.participants(matching: key)
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            // An id whose file cannot be read says why, rather than "no participant".
            if let id = ParticipantID(rawValue: key) { _ = try storeOperation { () throws(SessionError) in try session.participant(id) } }
            throw CommandFailure("no participant \"\(Sanitized.excerpt(key))\" in this session; "
                + "`\(Invocation.command("status", session.paths.root))` lists them")
        default:
            let listed = matches.map { "\($0.id) (\($0.profile.value.department), \(session.progress(of: $0).answered) answered)" }
            throw CommandFailure("\(matches.count) participants are called \"\(Sanitized.excerpt(key))\": "
                + listed.joined(separator: ", ") + "; give the id, as in `"
                + Invocation.command(command, session.paths.root, "--participant", matches[0].id.rawValue) + "`")
        }
    }
}
