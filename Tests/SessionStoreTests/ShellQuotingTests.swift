import Basics
import Foundation
import Testing

/// Paths the program prints must reach a POSIX shell as one word each, unchanged.
@Suite struct ShellQuotingTests {
    @Test func plainPathsStayAsTheyAre() {
        #expect(ShellQuoting.quoted("/tmp/ws-2026/session") == "/tmp/ws-2026/session")
        #expect(ShellQuoting.quoted("a_b.c:d@e%f+g,h") == "a_b.c:d@e%f+g,h")
    }

    @Test func specialCharactersAreSingleQuoted() {
        #expect(ShellQuoting.quoted("/tmp/Workshop (May)/s") == "'/tmp/Workshop (May)/s'")
        #expect(ShellQuoting.quoted("") == "''")
        #expect(ShellQuoting.quoted("$HOME") == "'$HOME'")
        #expect(ShellQuoting.quoted("~/ws") == "'~/ws'")
        #expect(ShellQuoting.quoted("Zażółć") == "'Zażółć'")
        #expect(ShellQuoting.quoted("it's") == #"'it'\''s'"#)
        #expect(ShellQuoting.command(["omnigap", "join", "/tmp/a b"]) == "omnigap join '/tmp/a b'")
    }

    /// What a real shell makes of the quoted words: each comes back as the one word it was.
    @Test func aShellReadsTheWordsBack() throws {
        let words = ["/tmp/Workshop (May)/s", "it's \"quoted\"", "a\\b", "$(rm -rf x)`y`", "tab\there", "new\nline", "", "*?[]{}!#&;|<>"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\0' " + ShellQuoting.command(words)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(output == words)
    }
}
