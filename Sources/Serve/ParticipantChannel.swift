import Basics
import CPty
import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import Questionnaire

/// What every connection's screens need from the server: the program to start, the session
/// folder, the log, and the register of running children (so that stopping the server can end
/// them all).
struct ChannelSetup: Sendable {
    let executable: String
    let folder: String
    let log: ServerLog
    let children: ChildRegister
    /// Seconds without a key before a participant's screens close.
    let idleTimeout: Int
}

/// One SSH session channel: it accepts a pseudo-terminal, the terminal type, the language from
/// `LANG`/`LC_*`, window changes and a shell request, and answers the shell with the
/// participant screens in a process of their own. Everything else (exec, sftp and other
/// subsystems, a shell without a terminal) is refused with a line that says what to do instead.
final class ParticipantChannel: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let setup: ChannelSetup
    private let peer: String
    /// The key the client proved at login, which lets its owner resume without a code.
    private let clientKey: String?
    private var terminal: TerminalRequest?
    private var language: String?
    private var process: ParticipantProcess?
    private var pty: Channel?
    private var ptyOpen = false
    private var reaper: RepeatedTask?
    private var closing = false

    init(setup: ChannelSetup, peer: String, clientKey: String?) {
        self.setup = setup
        self.peer = peer
        self.clientKey = clientKey
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            terminal = TerminalRequest(term: request.term, columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            reply(context, success: true, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // LANG and LC_* choose the screens' language when they name one omnigap speaks;
            // TERM is taken from the pty request. Every other variable is ignored.
            let accepted = request.name == "LANG" || request.name.hasPrefix("LC_")
            if accepted { language = Self.language(in: request.value) ?? language }
            reply(context, success: accepted, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let size = TerminalSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            terminal?.size = size
            process?.resize(size)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startScreens(context, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            // Accepted only to say why nothing runs: a failed request closes the client
            // before it shows the message.
            refuse(context, wantReply: request.wantReply, accept: true,
                   log: "refused a command (\(Sanitized.excerpt(request.command)))",
                   message: "omnigap serves the workshop's screens only, not commands: connect with ssh -t and no command.")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(context, wantReply: request.wantReply,
                   log: "refused the subsystem \(Sanitized.excerpt(request.subsystem))",
                   message: "omnigap serves the workshop's screens only: no file transfer, no \(Sanitized.excerpt(request.subsystem)).")
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// What the participant types goes to their screens. When the screens stop reading (a hung
    /// child), the pty's buffer fills, then this channel stops reading: the client's window is
    /// not replenished and its ssh waits, instead of the server buffering without end.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case .byteBuffer(let bytes) = data.data, let pty else { return }
        pty.writeAndFlush(bytes, promise: nil)
        if !pty.isWritable { context.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in } }
    }

    /// The client reads again (its window opened): the screens' output flows again.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { pty?.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in } }
        context.fireChannelWritabilityChanged()
    }

    /// The client went away (closed the laptop, lost the network, typed ~.): the screens are hung
    /// up, killed if they linger, and always reaped.
    func channelInactive(context: ChannelHandlerContext) {
        if let process, process.exitStatus == nil {
            setup.log.line("\(peer) disconnected; ending its screens (pid \(process.pid))")
            process.signal(SIGHUP)
            let lingering = NIOLoopBound(process, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .seconds(3)) { lingering.value.signal(SIGKILL) }
        } else {
            setup.log.line("\(peer) disconnected")
        }
        pty?.close(promise: nil)
        process?.closeMaster()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // The client closing its connection is how a session ends, not an error. Nor is a
        // client answering our close with EOF and then close (paramiko does; the standard
        // allows it), which makes swift-nio-ssh try to close the channel a second time.
        let type = (error as? NIOSSHError)?.type
        let ending = closing && type == .protocolViolation
        if type != .tcpShutdown && !ending { setup.log.line("\(peer) channel error: \(error)") }
        context.close(promise: nil)
    }

    // MARK: The screens

    private func startScreens(_ context: ChannelHandlerContext, wantReply: Bool) {
        guard process == nil else { return reply(context, success: false, wanted: wantReply) }
        guard let terminal else {
            return refuse(context, wantReply: wantReply, accept: true, log: "refused a connection without a terminal",
                          message: "omnigap needs a terminal: connect with ssh -t (or without -T).")
        }
        let process: ParticipantProcess
        do {
            process = try ParticipantProcess(executable: setup.executable, folder: setup.folder, language: language, terminal: terminal,
                                             clientKey: clientKey, idleTimeout: setup.idleTimeout)
        } catch {
            return refuse(context, wantReply: wantReply, log: "could not start the screens: \(error)",
                          message: "The workshop's screens could not start here; please tell the facilitator.")
        }
        self.process = process
        setup.children.add(process, peer: peer)
        setup.log.line("\(peer) screens started (pid \(process.pid), \(terminal.size.columns)×\(terminal.size.rows), \(terminal.term)\(language.map { ", " + $0 } ?? ""))")
        reply(context, success: true, wanted: wantReply)
        connectPty(context, process)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let channel = NIOLoopBound(context.channel, eventLoop: context.eventLoop)
        reaper = context.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) { task in
            handler.value.checkExit(channel.value, task: task)
        }
    }

    /// Copies the pty's output to the client: the master, duplicated with close-on-exec so that
    /// no later child inherits it, read and written by NIO on this channel's event loop.
    private func connectPty(_ context: ChannelHandlerContext, _ process: ParticipantProcess) {
        // The process keeps the master itself for window changes; NIO owns these two copies.
        let input = fcntl(process.master, F_DUPFD_CLOEXEC, 0)
        let output = fcntl(process.master, F_DUPFD_CLOEXEC, 0)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let ssh = NIOLoopBound(context.channel, eventLoop: context.eventLoop)
        let child = NIOLoopBound(process, eventLoop: context.eventLoop)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelInitializer { pipe in
                pipe.eventLoop.makeCompletedFuture {
                    try pipe.pipeline.syncOperations.addHandler(PtyOutput(ssh: ssh.value) { handler.value.ptyEnded(ssh.value) })
                    try pipe.pipeline.syncOperations.addHandler(PtyInputFlow(ssh: ssh.value))
                }
            }
            .takingOwnershipOfDescriptors(input: input, output: output)
            .whenComplete { result in
                switch result {
                case .success(let pipe):
                    handler.value.pty = pipe
                    handler.value.ptyOpen = true
                case .failure(let error):
                    handler.value.setup.log.line("\(handler.value.peer) could not connect the screens: \(error)")
                    child.value.signal(SIGHUP)
                    ssh.value.close(promise: nil)
                }
            }
    }

    /// The pty is closed once the child and everything it started let go of the terminal.
    fileprivate func ptyEnded(_ channel: Channel) {
        ptyOpen = false
        finishIfDone(channel)
    }

    private func checkExit(_ channel: Channel, task: RepeatedTask) {
        guard let process, process.reap() else { return }
        task.cancel()
        setup.children.remove(process)
        setup.log.line("\(peer) screens ended (exit status \(process.exitStatus ?? 0))")
        // Give the pty a moment to drain the last frame (the goodbye) before closing.
        let handler = NIOLoopBound(self, eventLoop: channel.eventLoop)
        channel.eventLoop.scheduleTask(in: .milliseconds(300)) {
            handler.value.ptyOpen = false
            handler.value.finishIfDone(channel)
        }
        finishIfDone(channel)
    }

    /// When both the child has ended and its output is drained: the exit status, then close.
    private func finishIfDone(_ channel: Channel) {
        guard !closing, let status = process?.exitStatus, !ptyOpen else { return }
        closing = true
        pty?.close(promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    // MARK: Refusals and replies

    private func reply(_ context: ChannelHandlerContext, success: Bool, wanted: Bool) {
        guard wanted else { return }
        context.triggerUserOutboundEvent(success ? ChannelSuccessEvent() as Any : ChannelFailureEvent() as Any, promise: nil)
    }

    /// Says why on the client's terminal (stderr), answers the request with a failure, and
    /// closes the channel with exit status 1.
    /// With `accept`, the request is answered with success so that the client shows the message
    /// (nothing runs either way).
    private func refuse(_ context: ChannelHandlerContext, wantReply: Bool, accept: Bool = false, log: String, message: String) {
        setup.log.line("\(peer) \(log)")
        reply(context, success: accept, wanted: wantReply)
        var buffer = context.channel.allocator.buffer(capacity: message.utf8.count + 2)
        buffer.writeString(message + "\r\n")
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
        let channel = context.channel
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// The language a locale such as "pl_PL.UTF-8" names, when omnigap speaks it.
    static func language(in locale: String) -> String? {
        let code = locale.prefix(2).lowercased()
        guard let language = Language(rawValue: code),
              locale.count == 2 || "_.@-".contains(locale[locale.index(locale.startIndex, offsetBy: 2)]) else { return nil }
        return language.rawValue
    }
}

/// The pty master's side of the pipe: the screens' output goes to the client as channel data.
/// The master reads EIO once the last holder of the terminal closes it: that is the end of the
/// output, not an error.
private final class PtyOutput: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let ssh: Channel
    let ended: () -> Void

    init(ssh: Channel, ended: @escaping () -> Void) {
        self.ssh = ssh
        self.ended = ended
    }

    /// Each read goes to the client; when the client's window is full (it stopped reading, a
    /// sleeping laptop) the pty is not read until it opens again, so what the server holds for
    /// one client is bounded by that window, and the screens block on their own writes.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        ssh.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(unwrapInboundIn(data))), promise: nil)
        if !ssh.isWritable { context.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in } }
    }

    func channelInactive(context: ChannelHandlerContext) {
        ended()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

/// The other direction's bound: once the screens have read what was typed (the pty drains),
/// the SSH channel reads the client again.
private final class PtyInputFlow: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let ssh: Channel

    init(ssh: Channel) {
        self.ssh = ssh
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { ssh.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in } }
        context.fireChannelWritabilityChanged()
    }
}
