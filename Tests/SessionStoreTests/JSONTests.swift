import Basics
import Questionnaire
import Testing
@testable import SessionStore

@Suite struct JSONScannerTests {
    @Test func aDocumentParsesIntoItsValues() throws {
        let value = try JSONValue.parse(bytes(#"{"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d\u00e9\n"}, "e": {}}"#))
        #expect(value["a"] == .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"]?.string == "dé\n")
        #expect(value["e"] == .object([]))
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let value = try JSONValue.parse(bytes(#"["\"\\\/\b\f\n\r\t", "\ud83d\ude00", "Zażółć"]"#))
        #expect(value.array?.map(\.string) == ["\"\\/\u{8}\u{c}\n\r\t", "😀", "Zażółć"])
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "\"abc", "[\"\\x\"]",
        "[\"\\ud800\"]", "[\"\\udc00x\"]", "[tru]", "[nul]", "{} {}", "[\"a\u{1}\"]", "{'a': 1}", "[1 2]", "{\"a\":}",
    ])
    func malformedDocumentsAreRejected(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes(text)) }
    }

    @Test func invalidUTF8IsRejected() {
        for sequence: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22] + sequence + [0x22]) }
        }
    }

    @Test func everyCutOfADocumentIsATruncation() throws {
        let document = bytes(#"{"a": [1, {"b": "Zażółć"}], "c": "dé", "d": true}"#)
        for length in 0..<document.count {
            do {
                _ = try JSONValue.parse(Array(document.prefix(length)))
                Issue.record("a cut at \(length) parsed")
            } catch {
                #expect(error.isTruncation || length == 0, "cut at \(length): \(error)")
            }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes(deep)) }
        var scanner = JSONScanner(bytes(deep))
        #expect(throws: JSONSyntaxError.self) { try scanner.skipValue() }
    }

    @Test func theErrorSaysWhereOnWhichLine() {
        let text = "{\n  \"a\": 1,\n  \"b\": ]\n}"
        do {
            _ = try JSONValue.parse(bytes(text))
            Issue.record("parsed")
        } catch {
            #expect(error.position(in: bytes(text)) == (line: 3, column: 8))
        }
    }

    @Test func writtenStringsRoundTripAndKeepControlCharactersOut() throws {
        var random = SeededGenerator(seed: 42)
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{1B}", "\u{0}", "\u{7F}", "\u{9B}", "\u{202E}", "ż", "😀", "\u{2028}", "/"]
        for _ in 0..<500 {
            let length = Int(random.next() % 20)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let written = JSONText.string(text)
            #expect(!written.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
            #expect(try JSONValue.parse(bytes(written)).string == text)
        }
    }

    @Test func numbersAreWrittenPlainly() {
        #expect(JSONText.number(12) == "12")
        #expect(JSONText.number(-0.5) == "-0.5")
        #expect(JSONText.number(99.2) == "99.2")
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(bytes("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1000))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct JSONKeyTests {
    @Test func keysWithEscapesAreUnescaped() throws {
        let value = try JSONValue.parse(bytes(#"{"pl\u0061in": 1, "quo\"te": 2, "ż": 3}"#))
        #expect(value.members?.map(\.0) == ["plain", "quo\"te", "ż"])
    }
}
