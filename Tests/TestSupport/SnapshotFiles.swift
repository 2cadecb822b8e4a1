import Foundation
import Testing

/// Text snapshots kept as files in a test target's `Snapshots` folder.
///
/// A mismatch fails the test with the first differing line. To refresh on purpose, run the tests
/// with OMNIGAP_UPDATE_SNAPSHOTS=1 and review the diff before committing; a missing snapshot is a
/// failure, never silently recorded.
public struct SnapshotFiles: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OMNIGAP_UPDATE_SNAPSHOTS"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("snapshot \(name) is missing; run with OMNIGAP_UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let index = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        let got = index < actualLines.count ? actualLines[index] : "<end>"
        let wanted = index < expectedLines.count ? expectedLines[index] : "<end>"
        Issue.record("snapshot \(name) differs at line \(index + 1):\n  expected: \(wanted)\n  actual:   \(got)", sourceLocation: sourceLocation)
    }
}
