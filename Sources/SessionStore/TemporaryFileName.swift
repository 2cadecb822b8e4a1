import Basics
import Foundation
import SessionModel

/// The name of an atomic write's temporary file, `.NAME.tmp-PID-XXXXXXXX`: made and recognised
/// in one place, so that the sweep of stale ones can only ever match what a writer made.
struct TemporaryFileName: Hashable, Sendable {
    /// The file the write was going to replace.
    let target: String
    /// The writing process, on the machine that wrote it.
    let pid: pid_t

    /// The temporary name for a write of `name` by this process; `random` keeps two writes of
    /// one file by one process (two threads) apart.
    static func make(for name: String, random: UInt64) -> String {
        ".\(name).tmp-\(getpid())-\(hex16(random).prefix(8))"
    }

    /// Reads a name made by `make`, or nil for any other name. The suffix is read from the end,
    /// since `NAME` may itself hold `.tmp-`.
    init?(_ fileName: String) {
        let scalars = Array(fileName.utf8)
        guard scalars.count > 1, scalars[0] == UInt8(ascii: ".") else { return nil }
        // "-" and 8 lowercase hex digits at the end.
        let randomPart = scalars.suffix(8)
        guard scalars.count >= 9, randomPart.allSatisfy(Self.isLowerHex), scalars[scalars.count - 9] == UInt8(ascii: "-") else { return nil }
        // Then the PID's digits, back to ".tmp-".
        var end = scalars.count - 9
        var start = end
        while start > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(scalars[start - 1]) { start -= 1 }
        guard start < end, end - start <= 10, let pid = Int32(String(decoding: scalars[start..<end], as: UTF8.self)), pid > 0 else { return nil }
        let marker = Array(".tmp-".utf8)
        guard start - marker.count > 1, Array(scalars[(start - marker.count)..<start]) == marker else { return nil }
        end = start - marker.count
        self.target = String(decoding: scalars[1..<end], as: UTF8.self)
        self.pid = pid
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
