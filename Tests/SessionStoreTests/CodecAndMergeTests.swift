import Basics
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

/// Random participants of one session, for the codec and merge laws.
struct RecordFactory {
    let session: Session
    var random: SeededGenerator

    init(session: Session, seed: UInt64) {
        self.session = session
        random = SeededGenerator(seed: seed)
    }

    /// A copy of participant `id` with a random subset of answers at random times, some cleared.
    mutating func copy(of id: ParticipantID, department: String = "it") -> ParticipantRecord {
        let simulation = Simulation(session: session, seed: random.next())
        let language = Language.allCases[Int(random.next() % 4)]
        var record = ParticipantRecord(
            id: id, sessionID: session.settings.id, moduleHashes: session.settings.moduleHashes.filter { ["it", "omnichannel"].contains($0.key) },
            profile: Stamped(Profile(name: "Anna K.", department: department, language: language), at: time()),
            done: Stamped(random.chance(0.5), at: time()))
        for (item, answer) in simulation.answers(for: department, language: language, random: &random) where random.chance(0.5) {
            record.answers[item] = StoredAnswer(answer: random.chance(0.1) ? nil : answer, at: time(), revision: 1 + Int(random.next() % 3))
        }
        return record
    }

    /// Times from a small range, so that ties happen.
    mutating func time() -> Timestamp {
        Timestamp(milliseconds: 1_795_459_200_000 + Int64(random.next() % 5) * 1000)
    }
}

@Suite struct ParticipantCodecTests {
    @Test func aRecordSurvivesEncodingAndDecoding() throws {
        let session = try makeSession()
        var factory = RecordFactory(session: session, seed: 1)
        for _ in 0..<40 {
            let record = factory.copy(of: .random())
            let decoded = try session.codec.decode(bytes(ParticipantCodec.encode(record))).get()
            #expect(decoded == record)
            #expect(ParticipantCodec.encode(decoded) == ParticipantCodec.encode(record), "the encoding is canonical")
        }
    }

    @Test func everyKindOfAnswerIsWrittenAsDocumented() throws {
        let session = try makeSession()
        let at = Timestamp(milliseconds: 0)
        let cases: [(Answer?, String)] = [
            (Answer(.maturity(current: .value(2), target: .dontKnow), importance: 3, comment: "ok"),
             #"{"current": 2, "target": "dont-know", "importance": 3, "comment": "ok", "at": "1970-01-01T00:00:00.000Z", "rev": 1}"#),
            (Answer(.number(current: .value(99.5), target: nil)), #"{"current": 99.5, "at": "1970-01-01T00:00:00.000Z", "rev": 1}"#),
            (Answer(.choice(.value(["erp", "pos"]))), #"{"choice": ["erp", "pos"], "at": "1970-01-01T00:00:00.000Z", "rev": 1}"#),
            (Answer(.choice(.dontKnow)), #"{"choice": "dont-know", "at": "1970-01-01T00:00:00.000Z", "rev": 1}"#),
            (Answer(.text("Zażółć \"gęślą\"")), #"{"text": "Zażółć \"gęślą\"", "at": "1970-01-01T00:00:00.000Z", "rev": 1}"#),
            (nil, #"{"cleared": true, "at": "1970-01-01T00:00:00.000Z", "rev": 1}"#),
        ]
        for (answer, expected) in cases {
            #expect(ParticipantCodec.encode(StoredAnswer(answer: answer, at: at, revision: 1)) == expected)
        }
        _ = session
    }

    @Test func answersThatDoNotFitAreKeptVerbatimAndNotUsed() throws {
        let session = try makeSession()
        var factory = RecordFactory(session: session, seed: 2)
        var record = factory.copy(of: .random())
        record.answers = [:]
        var text = ParticipantCodec.encode(record)
        let odd = [
            (#""it.platform.incidents": {"current": 7, "at": "2026-11-23T18:40:12.345Z", "rev": 1}"#, "stage 7 is not on the scale"),
            (#""it.platform.gone": {"current": 2, "at": "2026-11-23T18:40:12.345Z", "rev": 1}"#, "no item with this id"),
            (#""it.platform.operator": {"choice": ["moon"], "at": "2026-11-23T18:40:12.345Z", "rev": 1}"#, "has no option"),
            (#""it.platform.uptime": {"current": 2, "mood": "x", "at": "2026-11-23T18:40:12.345Z", "rev": 1}"#, "unknown member"),
            (#""it.platform.releases": {"current": 2, "rev": 1}"#, "no \"at\""),
        ]
        text = text.replacingOccurrences(of: "\"answers\": {}", with: "\"answers\": {\n    " + odd.map(\.0).joined(separator: ",\n    ") + "\n  }")
        let decoded = try session.codec.decode(bytes(text)).get()
        for (line, reason) in odd {
            let key = String(line.dropFirst().prefix { $0 != "\"" })
            let kept = try #require(decoded.unusable[key], "\(key) was not kept")
            #expect(kept.reason.contains(reason), "\(key): \(kept.reason)")
            #expect(decoded.answers[ItemID(key)] == nil)
            #expect(ParticipantCodec.encode(decoded).contains(kept.json), "rewriting keeps \(key)")
        }
    }

    @Test func foreignNewerEmptyAndTruncatedFilesAreToldApart() throws {
        let session = try makeSession()
        var factory = RecordFactory(session: session, seed: 3)
        let good = ParticipantCodec.encode(factory.copy(of: .random()))
        func problem(_ text: String) -> FileProblem? {
            if case .failure(let problem) = session.codec.decode(bytes(text)) { return problem }
            return nil
        }
        #expect(problem("") == .empty)
        #expect(problem(" \n") == .empty)
        guard case .foreign? = problem(#"{"hello": 1}"#) else { Issue.record("not foreign"); return }
        guard case .foreign? = problem("[1, 2]") else { Issue.record("an array is not foreign"); return }
        guard case .foreign? = problem(#"{"format": "something-else", "version": 1}"#) else { Issue.record("other format"); return }
        #expect(problem(good.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")) == .newerVersion(2, supported: 1))
        guard case .notJSON? = problem("\u{1}\u{2}binary") else { Issue.record("binary"); return }
        let text = bytes(good)
        for length in stride(from: 1, to: text.count - 2, by: 7) {
            guard case .failure(let found) = session.codec.decode(Array(text.prefix(length))) else {
                Issue.record("a cut at \(length) decoded"); continue
            }
            switch found {
            case .truncated, .foreign, .newerVersion, .notJSON: break
            default: Issue.record("a cut at \(length): \(found)")
            }
        }
        #expect(problem(String(repeating: " ", count: ParticipantCodec.maximumFileSize + 1)) == .tooLarge(bytes: ParticipantCodec.maximumFileSize + 1, limit: ParticipantCodec.maximumFileSize))
    }
}

@Suite struct MergeLawTests {
    @Test func mergeIsIdempotentCommutativeAndAssociative() throws {
        let session = try makeSession()
        var factory = RecordFactory(session: session, seed: 4)
        for _ in 0..<60 {
            let id = ParticipantID.random()
            let a = factory.copy(of: id), b = factory.copy(of: id), c = factory.copy(of: id)
            #expect(a.merged(with: a) == a)
            #expect(a.merged(with: b) == b.merged(with: a))
            #expect(a.merged(with: b).merged(with: c) == a.merged(with: b.merged(with: c)))
            #expect(a.merged(with: b).merged(with: b) == a.merged(with: b))
        }
    }

    @Test func theLatestEditWinsAndATombstoneIsNotRevived() throws {
        let session = try makeSession()
        var factory = RecordFactory(session: session, seed: 5)
        let id = ParticipantID.random()
        var older = factory.copy(of: id), newer = older
        let item: ItemID = "it.platform.releases"
        older.answers[item] = StoredAnswer(answer: Answer(.maturity(current: .value(1), target: .value(2))), at: Timestamp(milliseconds: 1000), revision: 1)
        newer.answers[item] = StoredAnswer(answer: Answer(.maturity(current: .value(3), target: .value(4))), at: Timestamp(milliseconds: 2000), revision: 2)
        #expect(older.merged(with: newer).answers[item]?.answer?.value == .maturity(current: .value(3), target: .value(4)))
        var cleared = newer
        cleared.answers[item] = StoredAnswer(answer: nil, at: Timestamp(milliseconds: 3000), revision: 3)
        #expect(older.merged(with: cleared).answers[item]?.answer == nil)
        #expect(cleared.merged(with: older).merged(with: newer).answers[item]?.answer == nil)
        // Same moment: the higher revision wins, whichever side it is on.
        var sameTime = older
        sameTime.answers[item] = StoredAnswer(answer: Answer(.maturity(current: .value(2), target: nil)), at: Timestamp(milliseconds: 1000), revision: 5)
        #expect(older.merged(with: sameTime).answers[item]?.revision == 5)
        #expect(sameTime.merged(with: older).answers[item]?.revision == 5)
    }
}
