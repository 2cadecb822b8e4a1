import Foundation
import Testing
@testable import Questionnaire

/// The format guide's example is a real module: if the format changes, the guide must too.
@Suite struct DocumentationTests {
    /// The YAML blocks of a Markdown file.
    static func yamlBlocks(in path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    @Test func theFormatGuideExampleIsValid() throws {
        let blocks = try Self.yamlBlocks(in: packageRoot.appendingPathComponent("docs/module-format.md").path)
        let example = try #require(blocks.first)
        let result = parse(example, file: "docs/module-format.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let module = try #require(result.module)
        #expect(module.items.map(\.kind.name) == ["maturity", "choice", "number", "text"])
        #expect(module.item("example.ownership.marketplace-share")?.condition != nil)
    }

    @Test func theReadmeExampleIsValid() throws {
        let blocks = try Self.yamlBlocks(in: packageRoot.appendingPathComponent("README.md").path)
        #expect(!blocks.isEmpty, "the README shows an example module")
        for block in blocks {
            let result = parse(block, file: "README.md")
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        }
    }
}
