import Foundation
import NIOCore
import Synchronization
import NIOSSH

/// Password authentication with the workshop code, one instance per connection: three wrong
/// tries close the connection, and every wrong try from an address makes that address wait
/// longer before its next answer (the `FailureThrottle` shared by all connections).
final class CodeAuthentication: NIOSSHServerUserAuthenticationDelegate {
    static let triesPerConnection = 3

    let code: WorkshopCode
    let peer: String
    let throttle: FailureThrottle
    let log: ServerLog
    private var failures = 0
    /// Whether this connection has logged in: one that has not within 30 seconds is closed.
    private(set) var authenticated = false
    /// Closes the connection; set once the channel exists.
    var close: (@Sendable () -> Void)?

    init(code: WorkshopCode, peer: String, throttle: FailureThrottle, log: ServerLog) {
        self.code = code
        self.peer = peer
        self.throttle = throttle
        self.log = log
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .password(let password) = request.request else {
            responsePromise.succeed(.failure)
            return
        }
        let delay = throttle.delay(for: host)
        let eventLoop = responsePromise.futureResult.eventLoop
        if code.matches(password.password) {
            throttle.succeeded(host)
            authenticated = true
            responsePromise.succeed(.success)
            return
        }
        failures += 1
        throttle.failed(host)
        log.line("\(peer) refused: wrong workshop code (\(failures) of \(Self.triesPerConnection))")
        let last = failures >= Self.triesPerConnection
        let close = self.close
        eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) {
            responsePromise.succeed(.failure)
            if last { close?() }
        }
    }

    /// The address without its port: failures count per machine, not per connection.
    private var host: String {
        if peer.hasPrefix("["), let end = peer.firstIndex(of: "]") { return String(peer[peer.index(after: peer.startIndex)..<end]) }
        return peer.split(separator: ":").dropLast().joined(separator: ":").isEmpty ? peer : String(peer[..<peer.lastIndex(of: ":")!])
    }
}

/// Wrong codes per address, remembered for ten minutes: the first wrong try waits half a
/// second, each further one twice as long, up to eight seconds. A right code clears it.
final class FailureThrottle: Sendable {
    private struct Entry { var count: Int; var last: Date }
    private let failures = Mutex<[String: Entry]>([:])

    func delay(for host: String) -> Double {
        failures.withLock { failures in
            guard let entry = failures[host], Date().timeIntervalSince(entry.last) < 600 else { return 0.5 }
            return min(8, 0.5 * pow(2, Double(entry.count)))
        }
    }

    func failed(_ host: String) {
        failures.withLock { failures in
            let count = failures[host].map { Date().timeIntervalSince($0.last) < 600 ? $0.count : 0 } ?? 0
            failures[host] = Entry(count: count + 1, last: Date())
        }
    }

    func succeeded(_ host: String) {
        failures.withLock { _ = $0.removeValue(forKey: host) }
    }
}

/// One line per event on the server's log: connections, joins, refusals, disconnections.
public struct ServerLog: Sendable {
    let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Lines to standard error, each with the time.
    public static let standardError = ServerLog { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func line(_ text: String) {
        let time = ISO8601DateFormatter().string(from: Date())
        write("\(time) \(text)")
    }
}
