import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

@Suite struct SessionFolderTests {
    @Test func aNewSessionFreezesItsModulesWithTheirHashes() throws {
        let session = try makeSession()
        #expect(session.settings.modules.map(\.id) == ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"])
        #expect(session.settings.departments == ["ecommerce", "it", "customer-service", "logistics", "stores"])
        #expect(session.settings.sharedModules == ["omnichannel"])
        for module in session.settings.modules {
            let copy = readFile(session.paths.root + "/" + module.file)
            #expect(SHA256.hex(copy) == module.sha256)
            #expect(copy == readFile(packageRoot + "/Modules/\(module.id).yaml"))
        }
        let reopened = try Session.open(session.paths.root)
        #expect(reopened.settings == session.settings)
    }

    @Test func aFolderThatHoldsASessionOrOtherFilesIsRefused() throws {
        let session = try makeSession()
        #expect(throws: SessionError.alreadyASession(path: session.paths.root)) {
            try Session.create(at: session.paths.root, request: NewSessionRequest(title: "Again", moduleIDs: ["it"]), moduleFiles: shippedModuleFiles())
        }
        let busy = scratchFolder()
        writeFile(busy + "/notes.txt", bytes("mine"))
        #expect(throws: SessionError.self) {
            try Session.create(at: busy, request: NewSessionRequest(title: "T", moduleIDs: ["it"]), moduleFiles: shippedModuleFiles())
        }
        #expect(readFile(busy + "/notes.txt") == bytes("mine"))
    }

    @Test func aFrozenModuleChangedAfterwardsIsReported() throws {
        let session = try makeSession()
        let file = session.paths.modules + "/it.yaml"
        writeFile(file, readFile(file) + bytes("\n# edited\n"))
        do {
            _ = try Session.open(session.paths.root)
            Issue.record("opened")
        } catch {
            #expect(error.description.contains("modules/it.yaml was changed after the session froze it"))
        }
    }

    @Test func aFolderThatIsNotASessionSaysWhy() {
        let empty = scratchFolder()
        #expect(throws: SessionError.self) { try Session.open(empty) }
        writeFile(empty + "/session.json", bytes(#"{"format": "omnigap-session", "version": 9}"#))
        let error = #expect(throws: SessionError.self) { try Session.open(empty) }
        #expect(error?.description.contains("newer than this omnigap reads") == true, "\(String(describing: error))")
    }
}

@Suite struct ParticipantStoreTests {
    @Test func joiningTwiceWithTheSameNameResumes() throws {
        let session = try makeSession()
        let (first, resumed) = try session.join(name: "Anna K.", department: "it", language: .polish)
        #expect(!resumed)
        let (again, resumedAgain) = try session.join(name: "  anna   k. ", department: "it", language: .polish)
        #expect(resumedAgain && again.id == first.id)
        #expect(throws: SessionError.self) { try session.join(name: "Anna K.", department: "logistics", language: .english) }
        #expect(throws: SessionError.self) { try session.join(name: "Bo", department: "omnichannel", language: .english) }
        #expect(throws: SessionError.self) { try session.join(name: " \u{1B} ", department: "it", language: .english) }
    }

    @Test func namesAreNeverPaths() throws {
        let session = try makeSession()
        for name in ["../x", "/etc/passwd", "a/../../b", "\u{1B}[31mRed"] {
            let (record, _) = try session.join(name: name, department: "it", language: .english)
            #expect(FileManager.default.fileExists(atPath: session.paths.participants + "/" + record.id.fileName))
            #expect(!record.profile.value.name.unicodeScalars.contains("\u{1B}"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: session.paths.participants)
        #expect(names.allSatisfy { $0.hasPrefix("p-") && $0.hasSuffix(".json") })
        #expect(!FileManager.default.fileExists(atPath: session.paths.root + "/x"))
    }

    @Test func savingAnAnswerCountsRevisionsAndKeepsTime() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Anna", department: "it", language: .english)
        let item: ItemID = "it.platform.releases"
        try session.save(Answer(.maturity(current: .value(2), target: nil)), item: item, for: record.id, at: Timestamp(milliseconds: 5000))
        // The clock went backwards: the new edit still wins.
        let saved = try session.save(Answer(.maturity(current: .value(3), target: .value(4))), item: item, for: record.id,
                                     at: Timestamp(milliseconds: 1000))
        #expect(saved.answers[item]?.revision == 2)
        #expect(saved.answers[item]?.at == Timestamp(milliseconds: 5000))
        #expect(try session.participant(record.id).answers[item]?.answer?.value == .maturity(current: .value(3), target: .value(4)))
        let cleared = try session.save(nil, item: item, for: record.id)
        #expect(cleared.answers[item]?.answer == nil && cleared.answers[item]?.revision == 3)
    }

    @Test func answersThatDoNotFitAreRefusedBeforeAnythingIsWritten() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Anna", department: "it", language: .english)
        let before = readFile(session.paths.participant(record.id))
        #expect(throws: SessionError.self) { try session.save(Answer(.maturity(current: .value(5), target: nil)), item: "it.platform.releases", for: record.id) }
        #expect(throws: SessionError.self) { try session.save(Answer(.text("x")), item: "it.platform.releases", for: record.id) }
        #expect(throws: SessionError.self) { try session.save(Answer(.maturity(current: .value(2), target: nil)), item: "ecommerce.ownership.owner", for: record.id) }
        #expect(throws: SessionError.self) { try session.save(Answer(.maturity(current: .value(2), target: nil)), item: "nope.nope.nope", for: record.id) }
        #expect(readFile(session.paths.participant(record.id)) == before)
    }

    @Test func filesAreNotWorldWritable() throws {
        let session = try makeSession()
        let (record, _) = try session.join(name: "Anna", department: "it", language: .english)
        for path in [session.paths.participant(record.id), session.paths.settings] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode & 0o002 == 0, "\(path) mode \(String(mode, radix: 8))")
        }
    }

    @Test func theCacheRereadsOnlyChangedFiles() throws {
        let session = try makeSession()
        let simulation = Simulation(session: session, seed: 9)
        for index in 0..<80 { try session.write(simulation.participant(index, at: .now()), durable: false) }
        let cache = ParticipantCache()
        #expect(cache.refresh(session).participants.count == 80)
        #expect(cache.lastReadCount == 80)
        #expect(cache.refresh(session).participants.count == 80)
        #expect(cache.lastReadCount == 0)
        let someone = cache.refresh(session).participants[3]
        let item = try #require(session.modules(for: someone.profile.value.department).first?.items.first { $0.kind.tag == .maturity })
        try session.save(Answer(.maturity(current: .value(1), target: .value(4))), item: item.id, for: someone.id)
        let snapshot = cache.refresh(session)
        #expect(cache.lastReadCount == 1)
        #expect(snapshot.participants.first { $0.id == someone.id }?.answers[item.id]?.answer?.value == .maturity(current: .value(1), target: .value(4)))
    }

    @Test func damagedFilesAreReportedAndTheRestKept() throws {
        let session = try makeSession()
        let simulation = Simulation(session: session, seed: 10)
        let records = (0..<5).map { simulation.participant($0, at: .now()) }
        for record in records { try session.write(record, durable: false) }
        let good = readFile(session.paths.participant(records[0].id))
        let folder = session.paths.participants
        writeFile(folder + "/p-00000000000000a1.json", Array(good.prefix(good.count / 2)))
        writeFile(folder + "/p-00000000000000a2.json", [])
        writeFile(folder + "/p-00000000000000a3.json", bytes(#"{"hello": 1}"#))
        writeFile(folder + "/p-00000000000000a4.json", bytes(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"version\": 1", with: "\"version\": 3")))
        writeFile(folder + "/p-00000000000000a5.json", good)  // a copy under another name
        writeFile(folder + "/notes.json", bytes("{}"))
        writeFile(folder + "/.p-00000000000000a6.json.tmp-1-abc", Array(good.prefix(10)))  // a crash's leftover
        try FileManager.default.createSymbolicLink(atPath: folder + "/p-00000000000000a7.json", withDestinationPath: "/etc/passwd")
        var otherSession = records[1]
        otherSession.id = ParticipantID(rawValue: "p-00000000000000a8")!
        otherSession.sessionID = SessionID(rawValue: "s-0000000000000001")!
        writeFile(folder + "/p-00000000000000a8.json", bytes(ParticipantCodec.encode(otherSession)))

        let snapshot = session.load()
        #expect(Set(snapshot.participants.map(\.id)) == Set(records.map(\.id)))
        let reasons = Dictionary(uniqueKeysWithValues: snapshot.problems.map { ($0.path, $0.problem.description) })
        #expect(reasons["participants/p-00000000000000a1.json"]?.contains("truncated") == true)
        #expect(reasons["participants/p-00000000000000a2.json"]?.contains("empty") == true)
        #expect(reasons["participants/p-00000000000000a3.json"]?.contains("not an omnigap file") == true)
        #expect(reasons["participants/p-00000000000000a4.json"]?.contains("format version 3, newer") == true)
        #expect(reasons["participants/p-00000000000000a5.json"]?.contains("should be named") == true)
        #expect(reasons["participants/notes.json"] != nil)
        #expect(reasons["participants/p-00000000000000a7.json"] != nil)
        #expect(reasons["participants/p-00000000000000a8.json"]?.contains("another session") == true)
        #expect(snapshot.problems.count == 8, "\(snapshot.problems)")
    }

    @Test func mergeAddsThenUpdatesThenDoesNothing() throws {
        let session = try makeSession()
        let simulation = Simulation(session: session, seed: 11)
        var record = simulation.participant(0, at: .now())
        #expect(try session.merge(record).created)
        #expect(try session.merge(record) == MergeOutcome(participant: record.id, created: false, changedAnswers: 0, changedOther: false,
                                                          fromOtherSession: nil))
        let item = try #require(record.answers.keys.sorted().first)
        record.answers[item]?.at = Timestamp(milliseconds: Timestamp.now().milliseconds + 60_000)
        record.answers[item]?.revision += 1
        #expect(try session.merge(record).changedAnswers == 1)
        #expect(try session.participant(record.id) == record)
    }

    @Test func aCopyAnsweredAgainstAnotherModuleVersionIsRefused() throws {
        let session = try makeSession()
        var record = Simulation(session: session, seed: 12).participant(1, at: .now())
        let module = try #require(record.moduleHashes.keys.sorted().first)
        record.moduleHashes[module] = String(repeating: "0", count: 64)
        do {
            _ = try session.merge(record)
            Issue.record("merged")
        } catch {
            #expect(error.description.contains("another version of module \(module)"))
        }
        #expect(!FileManager.default.fileExists(atPath: session.paths.participant(record.id)))
    }
}

@Suite struct FacilitatorStateTests {
    @Test func concurrentUpdatesAreNeverLost() throws {
        let session = try makeSession()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<10 {
                _ = try? session.updateFacilitatorState { state in
                    state.goals.append(Goal(id: "g-\(worker)-\(index)", statement: "Goal \(worker).\(index)",
                                            created: .now(), updated: .now()))
                }
            }
        }
        let state = try session.facilitatorState()
        #expect(state.goals.count == 80)
        #expect(state.revision == 80)
        #expect(Set(state.goals.map(\.id)).count == 80)
    }

    @Test func theStateSurvivesARoundTrip() throws {
        let session = try makeSession()
        #expect(try session.facilitatorState() == FacilitatorState())
        let saved = try session.updateFacilitatorState { state in
            state.phaseIndex = 2
            state.phaseStarted = Timestamp(milliseconds: 1_795_459_212_345)
            state.revealed = true
            state.votesPerParticipant = 5
            state.goals = [Goal(id: "g-1", statement: "Kasy „zwrotów” w każdym sklepie", kpi: "Return rate", baseline: "12%", target: "8%",
                                owner: "Åsa", due: "2027-03-31", links: ["logistics.returns"], created: Timestamp(milliseconds: 1),
                                updated: Timestamp(milliseconds: 2))]
        }
        #expect(try session.facilitatorState() == saved)
    }
}

@Suite struct SimulationTests {
    @Test func theSameSeedGivesTheSameParticipants() throws {
        let session = try makeSession()
        let time = Timestamp(milliseconds: 1_795_459_212_345)
        let a = (0..<12).map { Simulation(session: session, seed: 77).participant($0, at: time) }
        let b = (0..<12).map { Simulation(session: session, seed: 77).participant($0, at: time) }
        #expect(a == b)
        #expect(a != (0..<12).map { Simulation(session: session, seed: 78).participant($0, at: time) })
    }

    @Test func simulatedParticipantsLookLikeARealRoom() throws {
        let session = try makeSession()
        let time = Timestamp.now()
        let records = (0..<40).map { Simulation(session: session, seed: 5).participant($0, at: time) }
        let departments = Dictionary(grouping: records, by: \.profile.value.department).mapValues(\.count)
        #expect(departments.count == 5 && departments.values.allSatisfy { $0 == 8 }, "\(departments)")
        #expect(Set(records.map(\.profile.value.language)).count == 4)
        var dontKnow = 0, comments = 0, stages: Set<Int> = []
        for record in records {
            try session.check(record)
            for (item, stored) in record.answers {
                let answer = try #require(stored.answer)
                try session.catalog.item(item)?.validate(answer)
                if case .maturity(let current, _) = answer.value {
                    if current == .dontKnow { dontKnow += 1 }
                    if case .value(let stage)? = current { stages.insert(stage) }
                }
                if answer.comment != nil { comments += 1 }
            }
        }
        #expect(dontKnow > 0 && comments > 0)
        #expect(stages == [1, 2, 3, 4])
        #expect(records.contains { !$0.done.value } && records.contains { $0.done.value })
    }
}
