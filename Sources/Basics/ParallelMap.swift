import Dispatch
import Foundation
import Synchronization

extension Collection where Index == Int, Element: Sendable {
    /// `map`, with the work shared among `workers` threads in contiguous chunks; the results come
    /// back in order, so the outcome never depends on timing.
    ///
    /// The one place where omnigap works in parallel (parsing modules, decoding participant
    /// files, scanning them for the report). Each worker fills an array of its own and hands it
    /// over under a lock once, so the compiler checks it all: no unchecked `Sendable`.
    public func parallelMap<Result: Sendable>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let count = self.count
        let workers = Swift.max(1, Swift.min(workers, count))
        guard workers > 1 else { return map(transform) }
        let chunk = (count + workers - 1) / workers
        let done = ChunkResults<Result>(workers)
        let elements = Array(self)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<Swift.min(count, (worker + 1) * chunk)
            done.set(worker, range.map { transform(elements[$0]) })
        }
        return done.joined()
    }
}

/// Each worker's results, kept until all have finished.
private final class ChunkResults<Result: Sendable>: Sendable {
    private let chunks: Mutex<[[Result]]>

    init(_ count: Int) {
        chunks = Mutex(Array(repeating: [], count: count))
    }

    func set(_ worker: Int, _ results: [Result]) {
        chunks.withLock { $0[worker] = results }
    }

    func joined() -> [Result] {
        chunks.withLock { $0.flatMap { $0 } }
    }
}
