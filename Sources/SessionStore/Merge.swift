import Basics
import Questionnaire
import SessionModel

/// How two copies of one participant combine: per item, the latest edit wins.
///
/// "Latest" is a total order on (time, revision, canonical text), so a tie between two edits
/// made in the same millisecond still has one winner, whatever order copies arrive in. Taking
/// the greater of two values under a total order is idempotent, commutative and associative,
/// which is what lets answers flow between machines through export, merge, sync or git in any
/// order and settle on the same state.
extension ParticipantRecord {
    /// This record combined with `other`, another copy of the same participant.
    public func merged(with other: ParticipantRecord) -> ParticipantRecord {
        var result = self
        result.profile = Self.later(profile, other.profile) { "\($0.name)\u{0}\($0.department)\u{0}\($0.language.rawValue)" }
        result.done = Self.later(done, other.done) { $0 ? "1" : "0" }
        switch (votes, other.votes) {
        case let (ours?, theirs?): result.votes = Self.later(ours, theirs) { ParticipantCodec.encodeVotes(Stamped($0, at: Timestamp(milliseconds: 0))) }
        case (nil, let theirs?): result.votes = theirs
        default: break
        }
        for (item, theirs) in other.answers {
            guard let ours = result.answers[item] else {
                result.answers[item] = theirs
                continue
            }
            if Self.isLater(theirs, than: ours) { result.answers[item] = theirs }
        }
        for (key, theirs) in other.unusable where result.answers[ItemID(key)] == nil {
            if let ours = result.unusable[key], !bytewise(theirs.json, isAfter: ours.json) { continue }
            result.unusable[key] = theirs
        }
        for (key, _) in result.unusable where result.answers[ItemID(key)] != nil {
            result.unusable[key] = nil
        }
        for (module, hash) in other.moduleHashes {
            if let ours = result.moduleHashes[module], !bytewise(hash, isAfter: ours) { continue }
            result.moduleHashes[module] = hash
        }
        return result
    }

    /// Whether `candidate` is a later edit than `current` in the merge order.
    public static func isLater(_ candidate: StoredAnswer, than current: StoredAnswer) -> Bool {
        if candidate.at != current.at { return candidate.at > current.at }
        if candidate.revision != current.revision { return candidate.revision > current.revision }
        return bytewise(ParticipantCodec.encode(candidate), isAfter: ParticipantCodec.encode(current))
    }

    private static func later<T>(_ a: Stamped<T>, _ b: Stamped<T>, canonical: (T) -> String) -> Stamped<T> {
        if a.at != b.at { return a.at > b.at ? a : b }
        return bytewise(canonical(b.value), isAfter: canonical(a.value)) ? b : a
    }
}

/// Whether `a` sorts after `b` byte by byte in UTF-8. Swift's `<` on strings treats canonically
/// equivalent texts (é composed or decomposed) as equal, which would make the winner depend on
/// merge order; bytes never tie unless the texts are identical.
func bytewise(_ a: String, isAfter b: String) -> Bool {
    b.utf8.lexicographicallyPrecedes(a.utf8)
}
