import Questionnaire
import Dispatch
import Foundation

/// Slots that parallel workers fill, each at its own index. The slots live in memory of their
/// own: writing through a stored array from several threads would be an exclusivity violation.
final class Slots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        buffer[index] = value
    }

    /// The values, in index order; every slot must have been set.
    func take() -> [Value] {
        buffer.map { $0! }
    }
}

/// A participant as a scan hands them over: who they are, and their usable answers in force
/// (cleared answers and answers outside their section left out).
public struct ScannedParticipant {
    public let id: ParticipantID
    public let profile: Profile
    public let done: Bool
    /// Each answer with its item's position among the session's items (every module's items,
    /// in the order of the session's modules).
    public let answers: [(position: Int, answer: Answer)]
    /// Their dot votes on gaps, by item.
    public let votes: [ItemID: Int]
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
    public func scanAnswers<Partial>(
        into makePartial: () -> Partial,
        _ add: (inout Partial, ScannedParticipant) -> Void,
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
        let partials = Slots<(Partial, [SessionProblem])>(count: workers)
        withoutActuallyEscaping(makePartial) { makePartial in
            withoutActuallyEscaping(add) { add in
                let job = UncheckedScanJob(makePartial: makePartial, add: add)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var partial = job.makePartial()
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
                            for entry in sink.answers where mask[entry.index] {
                                if let answer = entry.answer.answer { answers.append((entry.index, answer)) }
                            }
                            job.add(&partial, ScannedParticipant(id: header.id, profile: header.profile.value,
                                                                 done: header.done.value, answers: answers, votes: header.votes?.value ?? [:]))
                        }
                    }
                    partials.set(worker, (partial, problems))
                }
            }
        }
        var collected = partials.take()
        var (result, problems) = collected.removeFirst()
        for (partial, more) in collected {
            combine(&result, partial)
            problems += more
        }
        return (result, (strayProblems + problems).sorted { $0.path < $1.path })
    }
}

private struct UncheckedScanJob<Partial>: @unchecked Sendable {
    let makePartial: () -> Partial
    let add: (inout Partial, ScannedParticipant) -> Void
}
