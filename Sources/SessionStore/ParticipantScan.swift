import Basics
import Questionnaire
import Foundation
import SessionModel

/// A participant as a scan hands them over: who they are, and their usable answers in force
/// (cleared answers and answers outside their section left out).
public struct ScannedParticipant: Sendable {
    public let id: ParticipantID
    public let profile: Profile
    public let done: Bool
    /// Each answer with its item's position among the session's items (every module's items,
    /// in the order of the session's modules).
    public let answers: [(position: Int, answer: Answer)]
    /// Their dot votes on gaps, by item.
    public let votes: [ItemID: Int]
    /// When they last did anything (joined, answered, marked done), over the answers counted.
    public let lastActivity: Timestamp
    /// When they joined.
    public let joinedAt: Timestamp
}

extension Session {
    /// Reads every participant once and folds their answers into a result, without keeping
    /// them, and without building participant records: each file's answers go straight from its
    /// bytes to `add`. This is the report's path through thousands of files.
    ///
    /// Each worker thread reads its share of the files, in name order, into a partial result of
    /// its own; the partials are then combined in worker order, so the result does not depend on
    /// timing. Damaged and foreign files are skipped and returned with their reasons, as `load`
    /// does.
    public func scanAnswers<Partial: Sendable>(
        into makePartial: @Sendable () -> Partial,
        _ add: @Sendable (inout Partial, ScannedParticipant) -> Void,
        combine: (inout Partial, Partial) -> Void
    ) -> (result: Partial, problems: [SessionProblem]) {
        let directory = paths.participants
        let (names, strayProblems) = ParticipantCache.participantFiles(in: directory)
        let table = codec.itemTable
        // Which items each department may answer, by item index.
        let allowed: [String: [Bool]] = Dictionary(uniqueKeysWithValues: settings.departments.map { department in
            let ids = Set(modules(for: department).flatMap { $0.items.map(\.id) })
            return (department, table.items.map { ids.contains($0.id) })
        })
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, names.count / 32 + 1))
        let chunk = (names.count + workers - 1) / max(1, workers)
        var collected = Array(0..<workers).parallelMap(workers: workers) { worker -> (Partial, [SessionProblem]) in
            var partial = makePartial()
            var problems: [SessionProblem] = []
            var sink = ScanSink(itemCount: table.items.count)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(64 << 10)
            for index in (worker * chunk)..<min(names.count, (worker + 1) * chunk) {
                let name = names[index]
                let bytes: [UInt8]
                switch FileSystem.read(directory + "/" + name, limit: ParticipantCodec.maximumFileSize, into: &buffer) {
                case .bytes(let read): bytes = read
                case .missing: continue
                case .problem(let problem):
                    problems.append(SessionProblem(path: "participants/" + name, problem: problem))
                    continue
                }
                sink.reset()
                switch codec.decode(bytes, into: &sink) {
                case .failure(let problem):
                    problems.append(SessionProblem(path: "participants/" + name, problem: problem))
                case .success(let header):
                    let shell = ParticipantRecord(id: header.id, sessionID: header.sessionID, moduleHashes: header.moduleHashes,
                                                  profile: header.profile, done: header.done)
                    if let problem = ParticipantCache.mismatch(shell, fileName: name, session: self) {
                        problems.append(SessionProblem(path: "participants/" + name, problem: problem))
                        continue
                    }
                    let mask = allowed[header.profile.value.department] ?? []
                    var answers: [(position: Int, answer: Answer)] = []
                    answers.reserveCapacity(sink.answers.count)
                    var lastActivity = max(header.profile.at, header.done.at)
                    for entry in sink.answers where mask[entry.index] {
                        lastActivity = max(lastActivity, entry.answer.at)
                        if let answer = entry.answer.answer { answers.append((entry.index, answer)) }
                    }
                    add(&partial, ScannedParticipant(id: header.id, profile: header.profile.value,
                                                         done: header.done.value, answers: answers, votes: header.votes?.value ?? [:],
                                                         lastActivity: lastActivity, joinedAt: header.profile.at))
                }
            }
            return (partial, problems)
        }
        var (result, problems) = collected.removeFirst()
        for (partial, more) in collected {
            combine(&result, partial)
            problems += more
        }
        return (result, (strayProblems + problems).sorted { $0.path < $1.path })
    }
}
