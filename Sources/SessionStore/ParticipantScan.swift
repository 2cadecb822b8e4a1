import Dispatch
import Foundation

extension Session {
    /// Reads every participant once and folds them into a result, without keeping them.
    ///
    /// This is how a report over thousands of participant files stays small: each worker thread
    /// reads its share of the files, one at a time, into a partial result of its own; the
    /// partials are then combined in a fixed order, so the result does not depend on timing.
    /// Damaged and foreign files are skipped and returned with their reasons, as `load` does.
    public func scanParticipants<Partial>(
        into makePartial: () -> Partial,
        _ add: (inout Partial, ParticipantRecord) -> Void,
        combine: (inout Partial, Partial) -> Void
    ) -> (result: Partial, problems: [SessionProblem]) {
        let directory = paths.participants
        let (names, strayProblems) = ParticipantCache.participantFiles(in: directory)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, names.count / 32 + 1))
        let chunk = (names.count + workers - 1) / max(1, workers)
        let partials = Slots<(Partial, [SessionProblem])>(count: workers)
        // The closures are called on the workers, each with its own partial: nothing is shared.
        withoutActuallyEscaping(makePartial) { makePartial in
            withoutActuallyEscaping(add) { add in
                let job = UncheckedJob(makePartial: makePartial, add: add)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var partial = job.makePartial()
                    var problems: [SessionProblem] = []
                    for index in (worker * chunk)..<min(names.count, (worker + 1) * chunk) {
                        let name = names[index]
                        let result: Result<ParticipantRecord, FileProblem>
                        switch FileSystem.read(directory + "/" + name, limit: ParticipantCodec.maximumFileSize) {
                        case .bytes(let bytes): result = codec.decode(bytes)
                        case .missing: continue  // removed since the listing: nothing to count
                        case .problem(let problem): result = .failure(problem)
                        }
                        switch result {
                        case .success(let record):
                            if let problem = ParticipantCache.mismatch(record, fileName: name, session: self) {
                                problems.append(SessionProblem(path: "participants/" + name, problem: problem))
                            } else {
                                job.add(&partial, confined(record))
                            }
                        case .failure(let problem):
                            problems.append(SessionProblem(path: "participants/" + name, problem: problem))
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
        problems = (strayProblems + problems).sorted { $0.path < $1.path }
        return (result, problems)
    }
}

/// The caller's closures, handed to the worker threads. Each worker only ever touches its own
/// partial result, which is what makes this safe without `Sendable` closures.
private struct UncheckedJob<Partial>: @unchecked Sendable {
    let makePartial: () -> Partial
    let add: (inout Partial, ParticipantRecord) -> Void
}

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
