import Questionnaire
/// Why one file of a session could not be used. The file is skipped and the rest of the
/// session carries on; `status` and the report list every such file with its reason.
public enum FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    /// The JSON stops early, as a file cut off by a crash, a full disk or a bad copy would.
    case truncated(String)
    case notJSON(String)
    case tooLarge(bytes: Int, limit: Int)
    /// Valid JSON, but not an omnigap file of the expected kind.
    case foreign(String)
    /// Written by a newer omnigap; this one will not guess at it.
    case newerVersion(Int, supported: Int)
    /// An omnigap file with a wrong or missing member.
    case invalid(String)
    /// Made for another session, or against other versions of the modules.
    case mismatch(String)
    /// Not a regular file (a folder, device, pipe or link), or it could not be read.
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .truncated(let detail): "the file is truncated: \(detail)"
        case .notJSON(let detail): "the file is not valid JSON: \(detail)"
        case let .tooLarge(bytes, limit): "the file is \(bytes / 1024) KiB, more than the \(limit / 1024) KiB such a file may be"
        case .foreign(let detail): "not an omnigap file: \(detail)"
        case let .newerVersion(version, supported):
            "the file has format version \(version), newer than this omnigap reads (\(supported)); upgrade omnigap to read it"
        case .invalid(let detail): "the file is damaged: \(detail)"
        case .mismatch(let detail): detail
        case .unreadable(let detail): detail
        }
    }
}

/// A file of the session that was skipped, with the reason.
public struct SessionProblem: Hashable, Sendable, CustomStringConvertible {
    /// The path, relative to the session folder where it is inside it.
    public let path: String
    public let problem: FileProblem

    public init(path: String, problem: FileProblem) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// What the session store could not do, in words for a one-line message.
public enum SessionError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidArgument(String)
    case notASession(path: String, reason: String)
    case alreadyASession(path: String)
    case io(path: String, reason: String)
    case damaged(SessionProblem)
    case refused(String)
    /// Another process changed the state first (a second console moved the workshop on): the
    /// change was not made, and doing it again would act on a state nobody meant.
    case outdated(String)

    public var description: String {
        switch self {
        case .invalidArgument(let text): text
        case let .notASession(path, reason): "\(path) is not an omnigap session: \(reason)"
        case .alreadyASession(let path): "\(path) already holds a session; choose another folder, or open this one"
        case let .io(path, reason): "\(path): \(reason)"
        case .damaged(let problem): problem.description
        case .refused(let text): text
        case .outdated(let text): text
        }
    }
}
