import Basics
import Foundation
import Questionnaire
import SessionModel

/// `facilitator.json`: the facilitator's state as the store writes and reads it.
extension FacilitatorState {
    func encoded(session: SessionID) -> String {
        let goals = self.goals.map { JSONText.inlineObject(Self.members(of: $0)) }
        var members: [(String, String)] = [
            ("format", JSONText.string(Self.formatName)), ("version", reviews.isEmpty ? "1" : String(Self.formatVersion)),
            ("session", JSONText.string(session.rawValue)), ("revision", String(revision)),
            ("phase_index", String(phaseIndex)),
        ]
        if let phaseStarted { members.append(("phase_started", JSONText.string(phaseStarted.description))) }
        if let phasePaused { members.append(("phase_paused", JSONText.string(phasePaused.description))) }
        if phasePausedSeconds != 0 { members.append(("phase_paused_seconds", String(phasePausedSeconds))) }
        if phaseExtraMinutes != 0 { members.append(("phase_extra_minutes", String(phaseExtraMinutes))) }
        members += [("revealed", revealed ? "true" : "false"), ("votes_per_participant", String(votesPerParticipant))]
        if !voteItems.isEmpty { members.append(("vote_items", encodedVoteItems())) }
        members.append(("goals", JSONText.blockArray(goals, indent: 2)))
        if !reviews.isEmpty {
            let reviews = self.reviews.map { review in
                var members: [(String, String)] = [("goal", JSONText.inlineObject(Self.members(of: review.goal))),
                                                   ("actual", JSONText.string(review.actual))]
                if let status = review.status { members.append(("status", JSONText.string(status.rawValue))) }
                members.append(("note", JSONText.string(review.note)))
                if let updated = review.updated { members.append(("updated", JSONText.string(updated.description))) }
                return JSONText.inlineObject(members)
            }
            members.append(("reviews", JSONText.blockArray(reviews, indent: 2)))
        }
        return JSONText.blockObject(members) + "\n"
    }

    /// A goal's members, the same in `goals` and in a review's `goal`.
    private static func members(of goal: Goal) -> [(String, String)] {
        [("id", JSONText.string(goal.id)), ("statement", JSONText.string(goal.statement)),
         ("kpi", JSONText.string(goal.kpi)), ("baseline", JSONText.string(goal.baseline)),
         ("target", JSONText.string(goal.target)), ("owner", JSONText.string(goal.owner)),
         ("due", JSONText.string(goal.due)), ("links", JSONText.stringArray(goal.links)),
         ("created", JSONText.string(goal.created.description)), ("updated", JSONText.string(goal.updated.description))]
    }

    /// A goal as `members(of:)` writes it; nil when a required member is missing.
    private static func goal(from entry: JSONValue) -> Goal? {
        guard let id = entry["id"]?.string, let statement = entry["statement"]?.string,
              let created = entry["created"]?.string.flatMap(Timestamp.init(iso:)),
              let updated = entry["updated"]?.string.flatMap(Timestamp.init(iso:))
        else { return nil }
        return Goal(id: id, statement: statement, kpi: entry["kpi"]?.string ?? "", baseline: entry["baseline"]?.string ?? "",
                    target: entry["target"]?.string ?? "", owner: entry["owner"]?.string ?? "", due: entry["due"]?.string ?? "",
                    links: (entry["links"]?.array ?? []).compactMap(\.string), created: created, updated: updated)
    }

    /// `vote_items`: an object per gap, `{"item": …, "current": …, "target": …, "priority": …}`
    /// (a number left out when unknown), or the id alone for a gap without numbers.
    private func encodedVoteItems() -> String {
        let entries = voteItems.map { item -> String in
            guard let numbers = voteNumbers[item] else { return JSONText.string(item.rawValue) }
            var members = [("item", JSONText.string(item.rawValue))]
            for (name, value) in [("current", numbers.current), ("target", numbers.target), ("priority", numbers.priority)] {
                if let value, value.isFinite { members.append((name, JSONText.number(value))) }
            }
            return JSONText.inlineObject(members)
        }
        return JSONText.blockArray(entries, indent: 2)
    }

    static func decode(_ bytes: [UInt8], session: SessionID) -> Result<FacilitatorState, FileProblem> {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            return .failure(bytes.isEmpty ? .empty : (error.isTruncation ? .truncated(error.description) : .notJSON(error.description)))
        }
        guard root["format"]?.string == formatName else { return .failure(.foreign("its \"format\" is not \"\(formatName)\"")) }
        guard let version = root["version"]?.int else { return .failure(.invalid("\"version\" must be a whole number")) }
        guard version <= formatVersion else { return .failure(.newerVersion(version, supported: formatVersion)) }
        guard version >= 1 else { return .failure(.invalid("\"version\" \(version) is not a format version")) }
        guard root["session"]?.string == session.rawValue else { return .failure(.mismatch("facilitator.json belongs to another session")) }
        var state = FacilitatorState()
        state.revision = root["revision"]?.int ?? 0
        state.phaseIndex = max(0, root["phase_index"]?.int ?? 0)
        state.phaseStarted = root["phase_started"]?.string.flatMap(Timestamp.init(iso:))
        state.phasePaused = root["phase_paused"]?.string.flatMap(Timestamp.init(iso:))
        state.phasePausedSeconds = max(0, root["phase_paused_seconds"]?.int ?? 0)
        state.phaseExtraMinutes = min(600, max(0, root["phase_extra_minutes"]?.int ?? 0))
        state.revealed = root["revealed"]?.bool ?? false
        state.votesPerParticipant = max(0, root["votes_per_participant"]?.int ?? 3)
        // Each entry is an object with the gap's numbers, or (as written before they were
        // recorded) the item id alone.
        for entry in root["vote_items"]?.array ?? [] {
            if let id = entry.string {
                state.voteItems.append(ItemID(rawValue: id))
            } else if let id = entry["item"]?.string {
                let item = ItemID(rawValue: id)
                state.voteItems.append(item)
                state.voteNumbers[item] = VoteGapNumbers(current: entry["current"]?.number, target: entry["target"]?.number,
                                                         priority: entry["priority"]?.number)
            }
        }
        for entry in root["goals"]?.array ?? [] {
            guard let goal = goal(from: entry) else {
                return .failure(.invalid("a goal needs an \"id\", a \"statement\" and \"created\" and \"updated\" times"))
            }
            state.goals.append(goal)
        }
        for entry in root["reviews"]?.array ?? [] {
            guard let goal = entry["goal"].flatMap(goal(from:)) else {
                return .failure(.invalid("a review needs the \"goal\" it reviews, with an \"id\", a \"statement\" and its times"))
            }
            var status: GoalStatus?
            if let text = entry["status"]?.string {
                guard let known = GoalStatus(rawValue: text) else {
                    return .failure(.invalid("a review's \"status\" must be one of \(GoalStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                status = known
            }
            state.reviews.append(GoalReview(goal: goal, actual: entry["actual"]?.string ?? "", status: status,
                                            note: entry["note"]?.string ?? "",
                                            updated: entry["updated"]?.string.flatMap(Timestamp.init(iso:))))
        }
        return .success(state)
    }
}

extension Session {
    /// The facilitator's state; the default state before anything was saved.
    public func facilitatorState() throws(SessionError) -> FacilitatorState {
        switch FileSystem.read(paths.facilitator, limit: 8 << 20) {
        case .missing: return FacilitatorState()
        case .problem(let problem): throw .damaged(SessionProblem(path: "facilitator.json", problem: problem))
        case .bytes(let bytes):
            switch FacilitatorState.decode(bytes, session: settings.id) {
            case .success(let state): return state
            case .failure(let problem): throw .damaged(SessionProblem(path: "facilitator.json", problem: problem))
            }
        }
    }

    /// Changes the facilitator's state under the facilitator lock: read, change, write. Two
    /// facilitator processes never overwrite each other's changes; each change applies to the
    /// state the other left.
    @discardableResult
    public func updateFacilitatorState(_ change: (inout FacilitatorState) throws(SessionError) -> Void) throws(SessionError) -> FacilitatorState {
        try FileSystem.makeDirectory(paths.locks)
        return try FileLock.withLock(paths.facilitatorLock) { () throws(SessionError) in
            var state = try facilitatorState()
            try change(&state)
            state.revision += 1
            try FileSystem.writeAtomically(Array(state.encoded(session: settings.id).utf8), to: paths.facilitator)
            return state
        }
    }
}
