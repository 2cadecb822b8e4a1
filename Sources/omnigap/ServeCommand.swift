import ArgumentParser
import Basics
import Dispatch
import Foundation
import Serve
import SessionStore

/// `omnigap serve DIR`: the participants' screens over SSH, without a console, for a shared
/// host. One log line per connection, join, disconnection and refusal on stderr.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the participant screens over SSH: participants join with ssh from their own laptops.",
        discussion: """
            Each participant runs `ssh -p PORT HOST` and types the workshop code as the password; \
            they get the same screens as `omnigap join`, in a process of their own. Only those \
            screens are served: no shell, no commands, no file transfer, no port forwarding. \
            The host key is made once and kept in the session folder (mode 0600), so a restart \
            keeps participants' known_hosts valid. It listens on 127.0.0.1 unless --listen says \
            otherwise (--listen 0.0.0.0 for the room). Stop it with Ctrl-C or SIGTERM: every \
            participant's screens are ended, and every answer given is already saved.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 2222

    @Option(name: .long, help: "The address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every network), or one address.")
    var listen = "127.0.0.1"

    @Option(name: .long, help: "The workshop code participants type as the password (default: a new random one, like tulip-4821).")
    var code: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
    }

    func run() throws {
        let session = try self.session.open()
        let workshopCode: WorkshopCode
        do { workshopCode = try code.map(WorkshopCode.init) ?? WorkshopCode.random() } catch { throw CommandFailure(error.description) }
        let server: ParticipantServer
        do {
            server = try ParticipantServer(paths: session.paths, host: listen, port: port, code: workshopCode,
                                           executable: Invocation.runningExecutable, log: .standardError)
        } catch {
            throw CommandFailure(error.description)
        }
        // Every address the room can reach this machine on, when listening on all of them.
        let joinLines = NetworkAddresses.joinHosts(listening: listen).map { host in
            "  Join with:  ssh -p \(server.port) \(host)      code: \(workshopCode)"
        }
        StandardError.write(["Serving \(Sanitized.visible(session.settings.title)) to participants over SSH."] + joinLines + [
            "  Host key:   \(server.hostKey.fingerprint)",
            "Stop with Ctrl-C.",
        ])
        // Ctrl-C and SIGTERM stop the server cleanly: the screens are ended, then we exit.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                StandardError.write(["Stopping: ending every participant's screens."])
                server.stop()
            }
            source.resume()
            return source
        }
        server.wait()
        withExtendedLifetime(sources) {}
    }
}
