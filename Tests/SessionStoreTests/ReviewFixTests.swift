import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

/// Cases found in review of the first version of the store.
@Suite struct StoreEdgeCaseTests {
    @Test func aCloneWithoutAParticipantsFolderStillTakesAnswers() throws {
        let session = try makeSession()
        try FileManager.default.removeItem(atPath: session.paths.participants)
        #expect(session.load().participants.isEmpty)
        let (record, _) = try session.join(name: "Anna", department: "it", language: .english)
        try session.save(Answer(.maturity(current: .value(2), target: nil)), item: "it.platform.releases", for: record.id)
        #expect(session.load().participants.count == 1)
    }

    @Test func answersOutsideTheParticipantsSectionAreKeptButNotCounted() throws {
        let session = try makeSession()
        var record = Simulation(session: session, seed: 21).participant(1, at: .now())
        let foreign = try #require(session.catalog.modules.first { !session.modules(for: record.profile.value.department).contains($0) })
        let item = try #require(foreign.items.first { $0.kind.tag == .maturity })
        record.answers[item.id] = StoredAnswer(answer: Answer(.maturity(current: .value(4), target: .value(4))), at: .now(), revision: 1)
        _ = try session.merge(record)
        let loaded = try #require(session.load().participants.first)
        #expect(loaded.answers[item.id] == nil)
        #expect(loaded.unusable[item.id.rawValue]?.reason.contains("do not answer") == true)
        #expect(String(decoding: readFile(session.paths.participant(record.id)), as: UTF8.self).contains(item.id.rawValue))
    }

    @Test func tiesBetweenEquivalentTextsAreBrokenByBytes() throws {
        let session = try makeSession()
        let time = Timestamp(milliseconds: 1000)
        var a = Simulation(session: session, seed: 22).participant(0, at: .now()), b = a
        let item = try #require(a.answers.keys.sorted().first { session.catalog.item($0)?.kind.tag == .maturity })
        a.answers[item] = StoredAnswer(answer: Answer(.maturity(current: .value(2), target: nil), comment: "caf\u{E9}"), at: time, revision: 1)
        b.answers[item] = StoredAnswer(answer: Answer(.maturity(current: .value(2), target: nil), comment: "cafe\u{301}"), at: time, revision: 1)
        #expect(ParticipantCodec.encode(a.merged(with: b)) == ParticipantCodec.encode(b.merged(with: a)))
    }

    @Test func versionZeroAndTextThatLooksLikeJSONAreNamedCorrectly() throws {
        let session = try makeSession()
        let good = ParticipantCodec.encode(Simulation(session: session, seed: 23).participant(0, at: .now()))
        guard case .failure(.invalid)? = Optional(session.codec.decode(bytes(good.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 0")))) else {
            Issue.record("version 0 accepted"); return
        }
        guard case .failure(.notJSON) = session.codec.decode(bytes("nothing to see here")) else { Issue.record("text"); return }
        guard case .failure(.notJSON) = session.codec.decode(bytes("true story")) else { Issue.record("text"); return }
        guard case .failure(.foreign) = session.codec.decode(bytes("null")) else { Issue.record("null"); return }
    }
}

@Suite struct MergeAcrossSessionsTests {
    @Test func aCopyFromAnotherSessionOfTheSameModulesJoinsThisOne() throws {
        let first = try makeSession("acrossFirst"), second = try makeSession("acrossSecond")
        #expect(first.settings.id != second.settings.id)
        let record = Simulation(session: first, seed: 31).participant(2, at: .now())
        let outcome = try second.merge(record)
        #expect(outcome.created && outcome.fromOtherSession == first.settings.id)
        #expect(try second.merge(record).changedAnswers == 0)
        let loaded = second.load()
        #expect(loaded.participants.count == 1 && loaded.problems.isEmpty)
        #expect(loaded.participants.first?.sessionID == second.settings.id)
    }

    @Test func aCopyOfAnotherSessionInTheFolderIsSkippedNotAdopted() throws {
        let first = try makeSession("copiedFirst"), second = try makeSession("copiedSecond")
        let record = Simulation(session: first, seed: 32).participant(0, at: .now())
        writeFile(second.paths.participant(record.id), bytes(ParticipantCodec.encode(record)))
        let loaded = second.load()
        #expect(loaded.participants.isEmpty)
        #expect(loaded.problems.first?.problem.description.contains("bring it in with `omnigap merge`") == true)
    }
}

@Suite struct VoteTests {
    @Test func votesAreKeptWithinTheBudgetAndSurviveARoundTrip() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Anna", department: "it", language: .english)
        try session.updateFacilitatorState { $0.votesPerParticipant = 3 }
        let saved = try session.setVotes(["it.platform.releases": 2, "omnichannel.goals.definition": 1], for: record.id)
        #expect(try session.participant(record.id).votes == saved.votes)
        #expect(throws: SessionError.self) { try session.setVotes(["it.platform.releases": 4], for: record.id) }
        #expect(throws: SessionError.self) { try session.setVotes(["it.platform.operator": 1], for: record.id) }  // a choice item
        #expect(try session.participant(record.id).votes?.value == ["it.platform.releases": 2, "omnichannel.goals.definition": 1])
    }

    @Test func theLaterSetOfVotesWinsAMerge() throws {
        let session = try makeSession()
        var a = Simulation(session: session, seed: 41).participant(0, at: .now()), b = a
        a.votes = Stamped(["it.platform.releases": 1], at: Timestamp(milliseconds: 1000))
        b.votes = Stamped(["it.platform.releases": 3], at: Timestamp(milliseconds: 2000))
        #expect(a.merged(with: b).votes == b.votes && b.merged(with: a).votes == b.votes)
        var tie = a
        tie.votes = Stamped(["it.platform.releases": 1], at: Timestamp(milliseconds: 1000))
        #expect(a.merged(with: tie).votes == tie.merged(with: a).votes)
        let decoded = try session.codec.decode(bytes(ParticipantCodec.encode(b))).get()
        #expect(decoded.votes == b.votes)
    }
}
