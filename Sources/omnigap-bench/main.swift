import Basics
import Foundation
import Questionnaire
import SessionModel
import SessionStore
import TerminalUI

/// Benchmarks of the session store, run by scripts/bench-store.sh on a release build. Each
/// measurement runs in its own process so that the peak memory it prints is its own.
///
///   omnigap-bench save DIR [COUNT]   save latency, fsync included: p50 and p99
///   omnigap-bench load DIR           time to load every participant, cold cache object, and peak memory
///   omnigap-bench refresh DIR        time to refresh a warm cache when one file changed, and when none did
///   omnigap-bench screen DIR         update + render of a full item screen at 200×60
///   omnigap-bench open DIR           opening the session: reading, hashing, parsing and checking its frozen modules

func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("omnigap-bench: " + message + "\n").utf8))
    exit(1)
}

func open(_ path: String) -> Session {
    do { return try Session.open(path) } catch { fail(error.description) }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: omnigap-bench save|load|refresh|screen|open DIR [COUNT]") }
let session = open(arguments[2])

switch arguments[1] {
case "save":
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 200 : 200
    let joined: ParticipantRecord
    do { joined = try session.join(name: "Benchmark \(UUID().uuidString.prefix(6))", department: session.settings.departments[0], language: .english).record } catch { fail(error.description) }
    let items = session.modules(for: joined.profile.value.department).flatMap(\.items).filter { $0.kind.tag == .maturity }
    var latencies: [Double] = []
    for index in 0..<count {
        let item = items[index % items.count]
        let answer = Answer(.maturity(current: .value(1 + index % 4), target: .value(4)), importance: 2)
        let start = DispatchTime.now().uptimeNanoseconds
        do { try session.save(answer, item: item.id, for: joined.id) } catch { fail(error.description) }
        latencies.append(milliseconds(since: start))
    }
    latencies.sort()
    let p50 = latencies[latencies.count / 2], p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
    print(String(format: "save: %d answers, one at a time, fsync included: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                 count, p50, p99, latencies.last ?? 0))
case "load":
    let start = DispatchTime.now().uptimeNanoseconds
    let snapshot = session.load()
    let elapsed = milliseconds(since: start)
    let answers = snapshot.participants.reduce(0) { $0 + $1.answers.count }
    print(String(format: "load: %d participants, %d answers, %d skipped files: %.0f ms, peak memory %.0f MiB",
                 snapshot.participants.count, answers, snapshot.problems.count, elapsed, peakMemoryMiB()))
case "refresh":
    let cache = ParticipantCache()
    let first = cache.refresh(session)
    guard let someone = first.participants.first else { fail("the session has no participants") }
    let item = session.modules(for: someone.profile.value.department).flatMap(\.items).first { $0.kind.tag == .maturity }!
    do { try session.save(Answer(.maturity(current: .value(2), target: .value(3))), item: item.id, for: someone.id) } catch { fail(error.description) }
    let start = DispatchTime.now().uptimeNanoseconds
    _ = cache.refresh(session)
    let changed = milliseconds(since: start), reread = cache.lastReadCount
    var quiet: [Double] = []
    for _ in 0..<15 {
        let begin = DispatchTime.now().uptimeNanoseconds
        _ = cache.refresh(session)
        quiet.append(milliseconds(since: begin))
    }
    quiet.sort()
    print(String(format: "refresh: %d participants: %d file re-read in %.1f ms; nothing changed: %.1f ms (median of 15)",
                 first.participants.count, reread, changed, quiet[quiet.count / 2]))
case "screen":
    // A participant on the item screen of a maturity item, as on a big projector terminal.
    var app = ParticipantApp(title: session.settings.title, modules: session.catalog.modules, departments: session.settings.departments,
                             sharedModules: session.settings.sharedModules, name: "Bench", department: session.settings.departments[0],
                             language: .polish, sessionLanguage: .english, size: (200, 60))
    let at = Timestamp.now()
    _ = app.update(.joined(ParticipantRecord(
        id: .random(), sessionID: session.settings.id, moduleHashes: [:],
        profile: Stamped(Profile(name: "Bench", department: session.settings.departments[0], language: .polish), at: at),
        done: Stamped(false, at: at))))
    _ = app.update(.key(.enter))
    var timings: [Double] = []
    var cells = 0
    for index in 0..<500 {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = app.update(.key(index % 2 == 0 ? .tab : .backTab))
        let buffer = app.render()
        cells += buffer.cells.count
        timings.append(milliseconds(since: start))
    }
    timings.sort()
    print(String(format: "screen: update + render of an item screen at 200×60 (%d cells): p50 %.3f ms, p99 %.3f ms",
                 cells / 500, timings[250], timings[495]))
case "open":
    // What every command and screen pays before anything else; it decides whether parsed modules
    // are worth caching (docs/session-format.md).
    var opens: [Double] = []
    for _ in 0..<21 {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = open(arguments[2])
        opens.append(milliseconds(since: start))
    }
    var parses: [Double] = []
    for _ in 0..<21 {
        let start = DispatchTime.now().uptimeNanoseconds
        let report = ModuleLoader.load(paths: [session.paths.modules])
        parses.append(milliseconds(since: start))
        guard report.isValid else { fail("the frozen modules are not valid") }
    }
    opens.sort()
    parses.sort()
    print(String(format: "open: %d modules: opening the session %.1f ms; parsing and checking the YAML alone %.1f ms (medians of 21; fastest %.1f and %.1f ms)",
                 session.settings.modules.count, opens[10], parses[10], opens[0], parses[0]))
default:
    fail("unknown benchmark \(arguments[1]); use save, load, refresh, screen or open")
}
