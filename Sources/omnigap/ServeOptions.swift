import ArgumentParser
import Basics
import Foundation
import Serve
import SessionStore

/// The SSH server's options, the same for `serve` and `facilitate --serve`.
struct ServeOptions: ParsableArguments {
    @Option(name: .long, help: "The port to listen on (0: any free port; default 2222).")
    var port: Int?

    @Option(name: .long, help: "The address to listen on: 127.0.0.1 (this machine only, the default), 0.0.0.0 (every network), or one address.")
    var listen: String?

    @Option(name: .long, help: "The workshop code participants type as the password (default: a new random one, like tulip-4821).")
    var code: String?

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp(
        "Close a participant's connection after this long without a key, with a warning first: 2h (the default), 90m, 45s.",
        valueName: "span"))
    var idleTimeout: String?

    /// Whether any option was given: `facilitate` takes them only with `--serve`.
    var anyGiven: Bool { port != nil || listen != nil || code != nil || idleTimeout != nil }

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        if let idleTimeout, case .failure(let error) = IdleTimeout.seconds(idleTimeout) { throw ValidationError(error.description) }
        if let code, case .failure(let error) = Result(catching: { () throws(ServeError) in try WorkshopCode(code) }) {
            throw ValidationError(error.description)
        }
    }

    var address: String { listen ?? "127.0.0.1" }

    /// Starts the server for `session`, or fails with one line saying why.
    func start(_ session: Session, log: ServerLog) throws -> (ParticipantServer, WorkshopCode) {
        let workshopCode: WorkshopCode
        do { workshopCode = try code.map(WorkshopCode.init) ?? WorkshopCode.random() } catch { throw CommandFailure(error.description) }
        let idle = idleTimeout.flatMap { try? IdleTimeout.seconds($0).get() } ?? IdleTimeout.defaultSeconds
        do {
            let server = try ParticipantServer(session: session, host: address, port: port ?? 2222, code: workshopCode,
                                               executable: Invocation.runningExecutable, log: log, idleTimeout: idle)
            return (server, workshopCode)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// What participants type, one line per address of this machine they can reach it on.
    static func joinCommands(_ server: ParticipantServer) -> [String] {
        NetworkAddresses.joinHosts(listening: server.address).map { host in
            server.port == 22 ? "ssh \(host)" : "ssh -p \(server.port) \(host)"
        }
    }
}
