import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import SessionModel
import SessionStore
import Synchronization

/// The participants' screens running now, so that stopping the server ends every one of them.
final class ChildRegister: Sendable {
    private let pids = Mutex<Set<pid_t>>([])

    func add(_ process: ParticipantProcess) { _ = pids.withLock { $0.insert(process.pid) } }
    func remove(_ process: ParticipantProcess) { _ = pids.withLock { $0.remove(process.pid) } }
    var running: Set<pid_t> { pids.withLock { $0 } }
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

    /// Starts listening on `host:port` (port 0: any free one) for the session in `paths`;
    /// each participant's screens close after `idleTimeout` seconds without a key.
    public init(paths: SessionPaths, host: String, port: Int, code: WorkshopCode, executable: String, log: ServerLog,
                idleTimeout: Int = 2 * 3600) throws(ServeError) {
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
    }

    /// How many participant screens are running now (people connected, joined or still on the
    /// join screen).
    public var screensRunning: Int { children.running.count }

    /// The participants whose screens this server runs now: each screen says which record it
    /// has open (`LiveLock`), and only screens of this server's own running children count.
    public func connectedParticipants(in session: Session) -> Set<ParticipantID> {
        let running = children.running
        guard !running.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: session.paths.locks) else { return [] }
        var connected: Set<ParticipantID> = []
        for name in names where name.hasSuffix(".holder") {
            guard let id = ParticipantID(rawValue: String(name.dropLast(".holder".count))),
                  let pid = LiveLock.holder(of: id, in: session), running.contains(pid),
                  // A screen that has ended leaves its note behind: the lock says whether it is open.
                  LiveLock.isHeld(id, in: session) else { continue }
            connected.insert(id)
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
        log.line("\(peer) closed: \(error)")
        context.close(promise: nil)
    }
}
