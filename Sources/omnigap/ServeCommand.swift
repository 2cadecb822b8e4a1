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
            otherwise (--listen 0.0.0.0 for the room). Someone who joined over SSH comes back to \
            their answers with the same SSH key or the personal resume code their screen showed \
            once (`omnigap resume-code` shows and resets it). Stop it with Ctrl-C or SIGTERM: \
            every participant's screens are ended, and every answer given is already saved.
            """)

    @OptionGroup var session: SessionArgument

    @OptionGroup var options: ServeOptions

    func run() throws {
        let session = try self.session.open()
        let (server, workshopCode) = try options.start(session, log: .standardError)
        let joinLines = ServeOptions.joinCommands(server).map { "  Join with:  \($0)      code: \(workshopCode)" }
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
