import Testing
@testable import Serve

@Suite struct TerminalRequestTests {
    /// Sizes a client may send: nothing crashes, nothing huge is allocated.
    @Test func sizesAreBounded() {
        #expect(TerminalSize(columns: 0, rows: 0) == TerminalSize(columns: 80, rows: 24))
        #expect(TerminalSize(columns: 1, rows: 1).columns == 1)
        let huge = TerminalSize(columns: 65535, rows: 65535)
        #expect(huge.columns == 1000 && huge.rows == 500)
    }

    /// TERM is a hint: a name this machine does not know, or anything that is not a plain
    /// name, becomes xterm-256color.
    @Test func theTerminalTypeIsChecked() {
        let known: (String) -> Bool = { $0 == "screen-256color" || $0 == "xterm-256color" }
        #expect(TerminalRequest(term: "screen-256color", columns: 80, rows: 24, known: known).term == "screen-256color")
        #expect(TerminalRequest(term: "vt-unknown", columns: 80, rows: 24, known: known).term == "xterm-256color")
        #expect(TerminalRequest(term: "../../etc/passwd", columns: 80, rows: 24, known: { _ in true }).term == "xterm-256color")
        #expect(TerminalRequest(term: "xterm\u{1b}[31m", columns: 80, rows: 24, known: { _ in true }).term == "xterm-256color")
        #expect(TerminalRequest(term: "", columns: 80, rows: 24, known: { _ in true }).term == "xterm-256color")
    }

    @Test func theLanguageComesFromTheClientsLocale() {
        #expect(ParticipantChannel.language(in: "pl_PL.UTF-8") == "pl")
        #expect(ParticipantChannel.language(in: "sv") == "sv")
        #expect(ParticipantChannel.language(in: "de_DE.UTF-8") == nil)
        #expect(ParticipantChannel.language(in: "plx") == nil)
        #expect(ParticipantChannel.language(in: "") == nil)
    }
}

@Suite struct WorkshopCodeTests {
    @Test func aCodeIsAWordAndFourDigits() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let code = WorkshopCode.random(using: &generator)
            let parts = code.text.split(separator: "-")
            #expect(parts.count == 2 && WorkshopCode.words.contains(String(parts[0])) && parts[1].count == 4 && Int(parts[1]) != nil)
            #expect(code.matches(code.text))
            #expect(!code.matches(code.text + "x") && !code.matches("") && !code.matches(String(code.text.dropLast())))
        }
        #expect(throws: ServeError.self) { try WorkshopCode("short") }
        #expect(throws: ServeError.self) { try WorkshopCode("with space 1234") }
        #expect(try WorkshopCode("maple-2026").text == "maple-2026")
    }
}

@Suite struct JoinLineTests {
    /// A server on one address names it; one on every network names this machine's own
    /// addresses, never 0.0.0.0 or loopback.
    @Test func theJoinLineNamesReachableAddresses() {
        #expect(NetworkAddresses.joinHosts(listening: "127.0.0.1") == ["127.0.0.1"])
        #expect(NetworkAddresses.joinHosts(listening: "192.168.1.20") == ["192.168.1.20"])
        let all = NetworkAddresses.joinHosts(listening: "0.0.0.0")
        #expect(!all.isEmpty && !all.contains("0.0.0.0"))
        #expect(NetworkAddresses.lan().allSatisfy { !$0.hasPrefix("127.") })
    }
}
