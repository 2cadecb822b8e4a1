import Foundation
import NIOCore
import NIOPosix
import NIOSSH
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

    /// Starts listening on `host:port` (port 0: any free one) for the session in `paths`.
    public init(paths: SessionPaths, host: String, port: Int, code: WorkshopCode, executable: String, log: ServerLog) throws(ServeError) {
        let hostKey = try HostKey.load(in: paths)
        let children = ChildRegister()
        let setup = ChannelSetup(executable: executable, folder: paths.root, log: log, children: children)
        let throttle = FailureThrottle()
        let connections = Atomic<Int>(0)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
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
                    // The client's first, empty "none" try counts too; our own count closes after three codes.
                    configuration.maxAuthAttempts = CodeAuthentication.triesPerConnection + 1
                    configuration.maximumPacketSize = 32768
                    let handler = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator) { child, type in
                        switch type {
                        case .session:
                            return child.eventLoop.makeCompletedFuture {
                                try child.pipeline.syncOperations.addHandler(ParticipantChannel(setup: setup, peer: peer))
                            }
                        case .directTCPIP, .forwardedTCPIP:
                            log.line("\(peer) refused a port forwarding")
                            return child.eventLoop.makeFailedFuture(ServeError.listen("port forwarding is refused"))
                        }
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
                    try channel.pipeline.syncOperations.addHandler(ConnectionGuard(peer: peer, log: log))
                    // A connection that has not logged in within 30 seconds is closed.
                    let login = NIOLoopBound(authentication, eventLoop: channel.eventLoop)
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
            throw .listen("cannot listen on \(host):\(port): \(error)")
        }
        self.hostKey = hostKey
        self.code = code
        self.address = host
        self.port = channel.localAddress?.port ?? port
        self.group = group
        self.children = children
        self.log = log
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
