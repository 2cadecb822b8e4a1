import Basics
import Dispatch
import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import SessionModel
import SessionStore
import Synchronization

/// The participants' screens running now, so that stopping the server ends every one of them,
/// with the connection each serves and the participant it has open (for the log).
final class ChildRegister: Sendable {
    private struct Child { var peer: String; var participant: ParticipantID? }
    private let children = Mutex<[pid_t: Child]>([:])

    func add(_ process: ParticipantProcess, peer: String = "?") { children.withLock { $0[process.pid] = Child(peer: peer) } }
    func remove(_ process: ParticipantProcess) { _ = children.withLock { $0.removeValue(forKey: process.pid) } }
    var running: Set<pid_t> { children.withLock { Set($0.keys) } }
    /// The participants the running screens have open, as last recorded by `opened`.
    var participants: Set<ParticipantID> { children.withLock { Set($0.values.compactMap(\.participant)) } }

    /// Records that `pid`'s screens have `participant` open; returns its connection when that
    /// is news (a join or resume to log), nil when it was known or the screens have ended.
    func opened(_ participant: ParticipantID, by pid: pid_t) -> String? {
        children.withLock { children in
            guard var child = children[pid], child.participant != participant else { return nil }
            child.participant = participant
            children[pid] = child
            return child.peer
        }
    }
}

/// The SSH server that gives each participant the workshop's screens on their own laptop:
/// `ssh -p PORT HOST`, the workshop code as the password, and `omnigap join` on a pty of its own.
public final class ParticipantServer: Sendable {
    /// The most connections at once: a room's worth many times over, and a bound on what a
    /// flood can cost.
    public static let maximumConnections = 200

    public let hostKey: HostKey
    public let code: WorkshopCode
    public let address: String
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let children: ChildRegister
    private let log: ServerLog
    private let joins: RepeatedTask

    /// Starts listening on `host:port` (port 0: any free one) for the session in `paths`;
    /// each participant's screens close after `idleTimeout` seconds without a key.
    public init(session: Session, host: String, port: Int, code: WorkshopCode, executable: String, log: ServerLog,
                idleTimeout: Int = 2 * 3600) throws(ServeError) {
        let paths = session.paths
        let hostKey = try HostKey.load(in: paths)
        let children = ChildRegister()
        let setup = ChannelSetup(executable: executable, folder: paths.root, log: log, children: children, idleTimeout: idleTimeout)
        let throttle = FailureThrottle()
        let connections = Atomic<Int>(0)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            // A laptop that slept or left the Wi-Fi is noticed within about two minutes (the
            // system's default is over two hours): its screens are then hung up.
            .childChannelOption(ChannelOptions.Types.SocketOption(level: SocketOptionLevel(IPPROTO_TCP), name: SocketOptionName(TCP_KEEPIDLE)), value: 60)
            .childChannelOption(ChannelOptions.Types.SocketOption(level: SocketOptionLevel(IPPROTO_TCP), name: SocketOptionName(TCP_KEEPINTVL)), value: 15)
            .childChannelOption(ChannelOptions.Types.SocketOption(level: SocketOptionLevel(IPPROTO_TCP), name: SocketOptionName(TCP_KEEPCNT)), value: 4)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let peer = channel.remoteAddress.map(Self.describe) ?? "?"
                guard connections.wrappingAdd(1, ordering: .relaxed).newValue <= Self.maximumConnections else {
                    connections.wrappingSubtract(1, ordering: .relaxed)
                    log.line("\(peer) refused: already \(Self.maximumConnections) connections")
                    return channel.close()
                }
                channel.closeFuture.whenComplete { _ in connections.wrappingSubtract(1, ordering: .relaxed) }
                log.line("\(peer) connected")
                return channel.eventLoop.makeCompletedFuture {
                    let authentication = CodeAuthentication(code: code, peer: peer, throttle: throttle, log: log)
                    let closable = NIOLoopBound(channel, eventLoop: channel.eventLoop)
                    authentication.close = { closable.value.close(promise: nil) }
                    var configuration = SSHServerConfiguration(hostKeys: [hostKey.sshKey], userAuthDelegate: authentication)
                    // Our own count closes the connection after three wrong codes; the library's
                    // bounds the key offers and empty tries around them (its default is 1024).
                    configuration.maxAuthAttempts = CodeAuthentication.requestsPerConnection
                    configuration.maximumPacketSize = 32768
                    let login = NIOLoopBound(authentication, eventLoop: channel.eventLoop)
                    let handler = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator) { child, type in
                        switch type {
                        case .session:
                            return child.eventLoop.makeCompletedFuture {
                                // Sessions open after the login: the key it proved, if any, is known.
                                let key = login.value.clientKey
                                try child.pipeline.syncOperations.addHandler(ParticipantChannel(setup: setup, peer: peer, clientKey: key))
                            }
                        case .directTCPIP, .forwardedTCPIP:
                            log.line("\(peer) refused a port forwarding")
                            return child.eventLoop.makeFailedFuture(ServeError.listen("port forwarding is refused"))
                        }
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
                    try channel.pipeline.syncOperations.addHandler(ConnectionGuard(peer: peer, log: log))
                    // A connection that has not logged in within 30 seconds is closed.
                    channel.eventLoop.scheduleTask(in: .seconds(30)) {
                        guard closable.value.isActive, !login.value.authenticated else { return }
                        log.line("\(peer) closed: no login within 30 s")
                        closable.value.close(promise: nil)
                    }
                }
            }
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw .listen("cannot listen on \(host):\(port): " + Self.explain(error, port: port))
        }
        self.hostKey = hostKey
        self.code = code
        self.address = host
        self.port = channel.localAddress?.port ?? port
        self.group = group
        self.children = children
        self.log = log
        // Once a second, off the event loop: who each screen has opened, for the log and for
        // `connectedParticipants`.
        let queue = DispatchQueue(label: "omnigap.serve.joins")
        joins = group.next().scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            queue.async {
                for screen in Self.connectedScreens(in: session, children: children) {
                    guard let peer = children.opened(screen.participant, by: screen.pid) else { continue }
                    let name = (try? session.participant(screen.participant)).map { Sanitized.excerpt($0.profile.value.name) } ?? "?"
                    log.line("\(peer) answering as \(name) (\(screen.participant))")
                }
            }
        }
    }

    /// How many participant screens are running now (people connected, joined or still on the
    /// join screen).
    public var screensRunning: Int { children.running.count }

    /// The participants whose screens this server runs now, as the once-a-second look at the
    /// screens' holder notes last found them (the same look that logs who answers): asking
    /// reads no file.
    public var connectedParticipants: Set<ParticipantID> { children.participants }

    /// Each running screen of this server with the participant it has open.
    static func connectedScreens(in session: Session, children: ChildRegister) -> [(pid: pid_t, participant: ParticipantID)] {
        let running = children.running
        guard !running.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: session.paths.locks) else { return [] }
        var connected: [(pid: pid_t, participant: ParticipantID)] = []
        for name in names where name.hasSuffix(".holder") {
            guard let id = ParticipantID(rawValue: String(name.dropLast(".holder".count))),
                  let pid = LiveLock.holder(of: id, in: session), running.contains(pid),
                  // A screen that has ended leaves its note behind: the lock says whether it is open.
                  LiveLock.isHeld(id, in: session) else { continue }
            connected.append((pid, id))
        }
        return connected
    }

    /// Blocks until the server is stopped.
    public func wait() {
        try? channel.closeFuture.wait()
    }

    /// Ends every participant's screens, then stops listening. Each screen is told to stop
    /// (SIGTERM), as Ctrl-C would: it gives its terminal back and says goodbye, which reaches the
    /// participant before the connection closes; every answer was saved when it was given.
    /// Whatever lingers is killed and reaped here, since the reapers stop with the event loop and
    /// a child left unreaped would outlive the server as a zombie.
    public func stop() {
        joins.cancel()
        for pid in children.running { kill(-pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(3)
        while !children.running.isEmpty, Date() < deadline { usleep(50_000) }
        for pid in children.running {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        // The goodbyes drain and the connections close before the listener goes.
        usleep(500_000)
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Why listening failed, in words a facilitator can act on.
    static func explain(_ error: any Error, port: Int) -> String {
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE?: "port \(port) is already in use (another omnigap serve, or another program); choose another with --port"
        case EACCES?: "ports below 1024 need administrator rights; choose another with --port, such as 2222"
        case EADDRNOTAVAIL?: "this machine has no such address; --listen takes one of its own addresses, 127.0.0.1 or 0.0.0.0"
        default: "\(error)"
        }
    }

    static func describe(_ address: SocketAddress) -> String {
        switch address {
        case .v6: "[\(address.ipAddress ?? "?")]:\(address.port ?? 0)"
        default: "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
        }
    }
}

/// Logs what goes wrong on a connection once, and closes it.
private final class ConnectionGuard: ChannelInboundHandler {
    typealias InboundIn = Any
    let peer: String
    let log: ServerLog

    init(peer: String, log: ServerLog) {
        self.peer = peer
        self.log = log
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // swift-nio-ssh cannot read a channel request it does not know that carries data
        // (apple/swift-nio-ssh#221); from an OpenSSH client that is X11 forwarding.
        if (error as? NIOSSHError)?.type == .invalidPacketFormat {
            log.line("\(peer) closed: a request the server cannot read, most likely X11 forwarding (ssh -X, or ForwardX11 in the "
                + "client's ssh config): connect with ssh -x")
        } else {
            log.line("\(peer) closed: \(error)")
        }
        context.close(promise: nil)
    }
}
