import CPty
import Foundation

/// One participant's `omnigap join`, on a pseudo-terminal that is its controlling terminal: the
/// same screens as on the facilitator's machine, in a process of its own, so that one
/// participant's crash or hang never touches the others or the server.
final class ParticipantProcess {
    let pid: pid_t
    /// The pty's master: what the child writes comes out here, and what is written here is
    /// typed into it.
    private(set) var master: Int32
    private(set) var exitStatus: Int32?

    /// Starts `executable join FOLDER --over-ssh [--lang L] [--client-key K] --idle-timeout S`
    /// with only the environment it needs.
    init(executable: String, folder: String, language: String?, terminal: TerminalRequest, clientKey: String?, idleTimeout: Int) throws(ServeError) {
        var arguments = [executable, "join", folder, "--over-ssh", "--idle-timeout", String(idleTimeout)]
        if let language { arguments += ["--lang", language] }
        if let clientKey { arguments += ["--client-key", clientKey] }
        let environment = Self.environment(term: terminal.term)
        var master: Int32 = -1
        var pid: pid_t = 0
        let size = terminal.size
        let error = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in
                omnigap_spawn_on_pty(executable, argv, envp, UInt16(size.rows), UInt16(size.columns), &master, &pid)
            }
        }
        guard error == 0 else { throw .listen("cannot start the participant screens: \(String(cString: strerror(error)))") }
        self.pid = pid
        self.master = master
    }

    /// The child's whole environment: a checked `TERM`, a UTF-8 locale, `PATH`, `HOME` and the
    /// module cache's folder. Nothing the client sent reaches it but the terminal type, and
    /// that only when this machine knows it.
    static func environment(term: String, server: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var environment = ["TERM=\(term)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin"]
        if let home = server["HOME"] { environment.append("HOME=\(home)") }
        if let cache = server["XDG_CACHE_HOME"] { environment.append("XDG_CACHE_HOME=\(cache)") }
        return environment
    }

    func resize(_ size: TerminalSize) {
        guard master >= 0 else { return }
        _ = omnigap_set_window_size(master, UInt16(size.rows), UInt16(size.columns))
    }

    /// Reaps the child if it has ended; true once it has.
    @discardableResult
    func reap() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard omnigap_reap(pid, &status) == 1 else { return false }
        exitStatus = status
        return true
    }

    /// Lets go of the terminal once nobody reads it: the child's last writes then fail at once
    /// instead of filling a buffer nobody drains and holding the child up.
    func closeMaster() {
        guard master >= 0 else { return }
        Glibc.close(master)
        master = -1
    }

    deinit { closeMaster() }

    /// Sends `signal` to the child's whole session (it leads its own process group).
    func signal(_ signal: Int32) {
        guard exitStatus == nil else { return }
        kill(-pid, signal)
    }
}

/// Runs `body` with `strings` as a NULL-terminated C array.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
