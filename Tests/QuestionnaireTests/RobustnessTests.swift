import Basics
import Testing
@testable import Questionnaire

/// Whatever bytes a module file holds, the loader answers with a module or with positioned
/// diagnostics; it never traps, and never reports a position outside the file.
@Suite struct RobustnessTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Checks the loader's contract on one input.
    private func checkContract(_ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = ModuleLoader.parse(bytes: bytes, file: "fuzz.yaml")
        #expect((result.module == nil) == !result.diagnostics.isEmpty,
                "\(label): a module must come with no diagnostics, and no module with some", sourceLocation: sourceLocation)
        let lineCount = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
        for diagnostic in result.diagnostics {
            #expect(diagnostic.line >= 0 && diagnostic.line <= lineCount + 1 && diagnostic.column >= 0,
                    "\(label): \(diagnostic) is outside the file", sourceLocation: sourceLocation)
            #expect(!diagnostic.problem.isEmpty && !diagnostic.fix.isEmpty, sourceLocation: sourceLocation)
            #expect(!diagnostic.description.unicodeScalars.contains { Sanitized.isUnsafe($0) },
                    "\(label): a message carries a control character", sourceLocation: sourceLocation)
        }
    }

    @Test func everyTruncationOfAValidModule() {
        let bytes = Array(validModuleYAML.utf8)
        let lastItem = validModuleYAML.utf8.count - "      - id: sample.first.notes\n        kind: text\n        prompt: {en: Anything else?, pl: Coś jeszcze?}".utf8.count
        for length in 0..<bytes.count {
            let prefix = Array(bytes[0..<length])
            checkContract(prefix, "prefix of \(length) bytes")
            // Cut before the last item starts, the module may be complete; cut inside it, never.
            if length > lastItem + "      ".count {
                #expect(ModuleLoader.parse(bytes: prefix, file: "t.yaml").module == nil, "prefix of \(length) bytes was accepted")
            }
        }
    }

    @Test func randomBytes() {
        var random = SplitMix64(state: 2)
        for round in 0..<400 {
            let length = Int.random(in: 0...400, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            checkContract(bytes, "random round \(round)")
        }
    }

    @Test func randomMutationsOfAValidModule() {
        var random = SplitMix64(state: 7)
        let alphabet = Array(":-[]{}&*!|>'\"#%@`?,\n \t\\0aé\u{1B}".utf8)
        let original = Array(validModuleYAML.utf8)
        for round in 0..<600 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
                }
            }
            checkContract(bytes, "mutation round \(round)")
        }
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let deep = Array(("dimensions: " + String(repeating: "[", count: 20_000)).utf8)
        let result = ModuleLoader.parse(bytes: deep, file: "deep.yaml")
        #expect(result.module == nil)
        #expect(result.diagnostics.map(\.code) == [.notYAML])
    }

    @Test func aliasesThatMultiplyWorkStayBounded() {
        // Each level repeats the previous one ten times: 10^6 dimensions if expanded naively.
        var yaml = "id: bomb\nversion: \"1\"\nlanguages: [en]\ntitle: {en: B}\nintro: {en: B}\n"
        yaml += "a0: &a0 {id: d, title: {en: D}, items: [{id: x, kind: text, prompt: {en: P}}]}\n"
        for level in 1...6 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(previous)]\n"
        }
        yaml += "dimensions: *a6\n"
        let result = parse(yaml)
        #expect(result.module == nil)
        #expect(result.diagnostics.count <= YAMLReader.diagnosticLimit + 1)
    }

    @Test func aliasedItemsAreCountedAsWritten() {
        // 50 dimensions, each the same aliased dimension of 100 aliased items: 5,000 items
        // sharing one id. The loader reports the repeats, up to its limit, and stops.
        var yaml = "id: many\nversion: \"1\"\nlanguages: [en]\ntitle: {en: M}\nintro: {en: M}\n"
        yaml += "item: &item {id: x, kind: text, prompt: {en: P}}\n"
        yaml += "items: &items [\(Array(repeating: "*item", count: 100).joined(separator: ", "))]\n"
        yaml += "dimension: &dimension {id: d, title: {en: D}, items: *items}\n"
        yaml += "dimensions: [\(Array(repeating: "*dimension", count: 50).joined(separator: ", "))]\n"
        let result = parse(yaml)
        #expect(result.module == nil)
        #expect(result.diagnostics.count == YAMLReader.diagnosticLimit + 1)
        #expect(result.diagnostics.last?.code == .tooMany)
    }
}
