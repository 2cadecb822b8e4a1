import Crypto
import Foundation
import NIOCore
import NIOEmbedded
import NIOSSH
import Testing
@testable import Serve

/// What a session channel does with each request a client can make: only a shell on a
/// pseudo-terminal starts anything; everything else is refused with a line that says why.
@Suite struct RequestRefusalTests {
    /// Records the replies and exit status the channel sends, and passes everything on.
    final class Recorder: ChannelOutboundHandler {
        typealias OutboundIn = Any
        var events: [String] = []

        func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
            switch event {
            case is ChannelSuccessEvent: events.append("success")
            case is ChannelFailureEvent: events.append("failure")
            case let status as SSHChannelRequestEvent.ExitStatus: events.append("exit \(status.exitStatus)")
            default: events.append("\(event)")
            }
            promise?.succeed()
        }
    }

    /// A session channel with `requests` sent to it: what it replied, what it wrote to the
    /// client's stderr, whether it is still open, and what the log says.
    private func send(_ requests: [Any]) throws -> (events: [String], stderr: String, open: Bool, log: [String]) {
        let lines = LogLines()
        let setup = ChannelSetup(executable: "/bin/false", folder: "/nonexistent", log: ServerLog { lines.append($0) },
                                 children: ChildRegister(), idleTimeout: 60)
        let recorder = Recorder()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(recorder)
        try channel.pipeline.syncOperations.addHandler(ParticipantChannel(setup: setup, peer: "198.51.100.7:50000", clientKey: nil))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 22)).wait()
        for request in requests { channel.pipeline.fireUserInboundEventTriggered(request) }
        channel.embeddedEventLoop.run()
        var stderr = ""
        while let data = try channel.readOutbound(as: SSHChannelData.self) {
            if case .stdErr = data.type, case .byteBuffer(let bytes) = data.data { stderr += String(buffer: bytes) }
        }
        return (recorder.events, stderr, channel.isActive, lines.all)
    }

    private var pty: SSHChannelRequestEvent.PseudoTerminalRequest {
        .init(wantReply: true, term: "xterm-256color", terminalCharacterWidth: 80, terminalRowHeight: 24,
              terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: SSHTerminalModes([:]))
    }

    @Test func aCommandIsRefused() throws {
        let result = try send([pty, SSHChannelRequestEvent.ExecRequest(command: "cat /etc/passwd", wantReply: true)])
        #expect(result.events == ["success", "success", "exit 1"])
        #expect(result.stderr.contains("omnigap serves the workshop's screens only, not commands"))
        #expect(!result.open)
        #expect(result.log.contains { $0.contains("refused a command (cat /etc/passwd)") })
    }

    @Test func fileTransferIsRefused() throws {
        for subsystem in ["sftp", "scp", "netconf"] {
            let result = try send([SSHChannelRequestEvent.SubsystemRequest(subsystem: subsystem, wantReply: true)])
            #expect(result.events == ["failure", "exit 1"])
            #expect(result.stderr.contains("no file transfer, no \(subsystem)"))
            #expect(!result.open)
        }
    }

    @Test func aShellWithoutATerminalIsRefused() throws {
        let result = try send([SSHChannelRequestEvent.ShellRequest(wantReply: true)])
        #expect(result.events == ["success", "exit 1"])
        #expect(result.stderr.contains("omnigap needs a terminal: connect with ssh -t"))
        #expect(!result.open)
    }

    @Test func onlyTheLanguageIsTakenFromTheEnvironment() throws {
        let result = try send([
            SSHChannelRequestEvent.EnvironmentRequest(wantReply: true, name: "LANG", value: "pl_PL.UTF-8"),
            SSHChannelRequestEvent.EnvironmentRequest(wantReply: true, name: "LD_PRELOAD", value: "/tmp/evil.so"),
            SSHChannelRequestEvent.EnvironmentRequest(wantReply: true, name: "PATH", value: "/tmp"),
        ])
        #expect(result.events == ["success", "failure", "failure"])
        #expect(result.open)
    }

    @Test func hostileTextInARequestIsLoggedHarmlessly() throws {
        let result = try send([SSHChannelRequestEvent.ExecRequest(command: "ls\u{1b}]0;pwned\u{07}\n\u{1b}[2J", wantReply: true)])
        #expect(!result.log.joined().contains("\u{1b}"))
        #expect(!result.log.joined().contains("\n"))
    }
}

/// The login: the workshop code as the password, a key proved first only to remember it.
@Suite struct CodeAuthenticationTests {
    private func authentication() -> (CodeAuthentication, EmbeddedEventLoop, LogLines, Closed) {
        let lines = LogLines(), closed = Closed()
        let authentication = CodeAuthentication(code: try! WorkshopCode("maple-2026"), peer: "198.51.100.7:50000",
                                                throttle: FailureThrottle(), log: ServerLog { lines.append($0) })
        authentication.close = { closed.set() }
        return (authentication, EmbeddedEventLoop(), lines, closed)
    }

    private func ask(_ authentication: CodeAuthentication, _ loop: EmbeddedEventLoop,
                     _ request: NIOSSHUserAuthenticationRequest.Request) throws -> String {
        let promise = loop.makePromise(of: NIOSSHUserAuthenticationOutcome.self)
        authentication.requestReceived(request: .init(username: "ala", serviceName: "ssh-connection", request: request), responsePromise: promise)
        loop.advanceTime(by: .seconds(10))
        switch try promise.futureResult.wait() {
        case .success: return "success"
        case .failure: return "failure"
        case .partialSuccess(let remaining): return remaining == .password ? "partial success, password next" : "partial success"
        }
    }

    @Test func aKeyAloneNeverLetsAnyoneIn() throws {
        let (authentication, loop, lines, _) = authentication()
        #expect(authentication.supportedAuthenticationMethods == [.publicKey, .password])
        let key = Curve25519.Signing.PrivateKey()
        let outcome = try ask(authentication, loop, .publicKey(.init(publicKey: NIOSSHPrivateKey(ed25519Key: key).publicKey)))
        #expect(outcome == "partial success, password next")
        #expect(!authentication.authenticated)
        #expect(authentication.supportedAuthenticationMethods == .password)
        // The fingerprint as ssh-keygen prints it, the same way the host key's is made.
        #expect(authentication.clientKey == HostKey(key: key).fingerprint)
        #expect(lines.all.contains { $0.contains("proved the key SHA256:") })
        #expect(try ask(authentication, loop, .password(.init(password: "maple-2026"))) == "success")
        #expect(authentication.authenticated)
    }

    @Test func threeWrongCodesCloseTheConnection() throws {
        let (authentication, loop, lines, closed) = authentication()
        #expect(try ask(authentication, loop, .none) == "failure")
        for _ in 0..<2 { #expect(try ask(authentication, loop, .password(.init(password: "maple-2025"))) == "failure") }
        #expect(!closed.value)
        #expect(try ask(authentication, loop, .password(.init(password: "MAPLE-2026"))) == "failure")
        #expect(closed.value)
        #expect(!authentication.authenticated)
        #expect(lines.all.filter { $0.contains("wrong workshop code") }.count == 3)
    }

    @Test func wrongCodesFromOneAddressWaitLongerEachTime() {
        let throttle = FailureThrottle()
        #expect(throttle.delay(for: "198.51.100.7") == 0.5)
        throttle.failed("198.51.100.7")
        throttle.failed("198.51.100.7")
        #expect(throttle.delay(for: "198.51.100.7") == 2)
        for _ in 0..<10 { throttle.failed("198.51.100.7") }
        #expect(throttle.delay(for: "198.51.100.7") == 8)
        // Another machine is not slowed down by this one, and a right code clears it.
        #expect(throttle.delay(for: "198.51.100.8") == 0.5)
        throttle.succeeded("198.51.100.7")
        #expect(throttle.delay(for: "198.51.100.7") == 0.5)
    }
}

@Suite struct IdleTimeoutTests {
    @Test func spansAreReadAsPeopleWriteThem() throws {
        #expect(try IdleTimeout.seconds("2h").get() == 7200)
        #expect(try IdleTimeout.seconds("90m").get() == 5400)
        #expect(try IdleTimeout.seconds("45s").get() == 45)
        #expect(try IdleTimeout.seconds("1h30m").get() == 5400)
        #expect(try IdleTimeout.seconds("30").get() == 1800)
        #expect(try IdleTimeout.seconds(" 2H ").get() == 7200)
        for bad in ["", "h", "2x", "1h30", "-5m", "5s", "25h", "9999999"] {
            #expect(throws: ServeError.self) { try IdleTimeout.seconds(bad).get() }
        }
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

final class Closed: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false
    func set() { lock.withLock { closed = true } }
    var value: Bool { lock.withLock { closed } }
}
