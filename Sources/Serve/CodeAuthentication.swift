import Crypto
import Foundation
import NIOCore
import Synchronization
import NIOSSH

/// Password authentication with the workshop code, one instance per connection: three wrong
/// tries close the connection, and every wrong try from an address makes that address wait
/// longer before its next answer (the `FailureThrottle` shared by all connections).
///
/// A client that holds an SSH key proves it first (the library checks the signature before
/// asking here). The key alone never lets anyone in: it is answered "partial success, now the
/// password", and only the workshop code completes the login. What the proof buys is the key's
/// fingerprint, which lets its owner resume their own answers later without a resume code.
final class CodeAuthentication: NIOSSHServerUserAuthenticationDelegate {
    static let triesPerConnection = 3
    /// Every request counts against the library's limit, key offers too (a client with several
    /// keys in its agent offers each): three codes, the first empty try, and a few keys.
    static let requestsPerConnection = 16

    let code: WorkshopCode
    let peer: String
    let throttle: FailureThrottle
    let log: ServerLog
    private var failures = 0
    /// Whether this connection has logged in: one that has not within 30 seconds is closed.
    private(set) var authenticated = false
    /// The fingerprint of the key the client proved it holds, if it did.
    private(set) var clientKey: String?
    /// Closes the connection; set once the channel exists.
    var close: (@Sendable () -> Void)?

    init(code: WorkshopCode, peer: String, throttle: FailureThrottle, log: ServerLog) {
        self.code = code
        self.peer = peer
        self.throttle = throttle
        self.log = log
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        clientKey == nil ? [.publicKey, .password] : .password
    }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        if case .publicKey(let offer) = request.request, clientKey == nil {
            // Reached only with a valid signature: the client holds this key's private half.
            clientKey = Self.fingerprint(of: offer.publicKey)
            log.line("\(peer) proved the key \(clientKey ?? "?")")
            responsePromise.succeed(.partialSuccess(remainingMethods: .password))
            return
        }
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

    /// "SHA256:" and the unpadded base64 of the SHA-256 of the key's wire form, as
    /// `ssh-keygen -lf` prints it.
    static func fingerprint(of key: NIOSSHPublicKey) -> String {
        let encoded = String(openSSHPublicKey: key).split(separator: " ")
        guard encoded.count >= 2, let blob = Data(base64Encoded: String(encoded[1])) else { return "?" }
        return "SHA256:" + Data(Crypto.SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
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

    /// Lines appended to the file at `path` (created 0600): for the console, whose screen
    /// standard error would scribble over.
    public static func file(_ path: String) -> ServerLog {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        return ServerLog { line in
            guard descriptor >= 0 else { return }
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        }
    }

    func line(_ text: String) {
        let time = ISO8601DateFormatter().string(from: Date())
        write("\(time) \(text)")
    }
}
