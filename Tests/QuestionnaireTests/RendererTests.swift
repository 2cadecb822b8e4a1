@testable import Basics
import TestSupport
import Foundation
import Testing
@testable import Questionnaire

/// `omnigap modules show` output, as text snapshots and as JSON.
@Suite struct RendererTests {
    @Test(arguments: [Language.english, .polish, .swedish])
    func textSnapshot(language: Language) throws {
        let text = ModuleTextRenderer.render(try sampleModule(), language: language)
        snapshots.expect(text, matches: "sample-show-\(language.rawValue).txt")
    }

    @Test func textFitsEightyColumns() throws {
        for language in Language.allCases {
            let text = ModuleTextRenderer.render(try sampleModule(), language: language)
            for line in text.split(separator: "\n") {
                #expect(line.count <= ModuleTextRenderer.width, "\(language): \(line)")
            }
        }
    }

    @Test func polishLettersSurvive() throws {
        let text = ModuleTextRenderer.render(try sampleModule(), language: .polish)
            .replacingOccurrences(of: "\n    ", with: " ")
        #expect(text.contains("Menedżer ma cele."))
        #expect(text.contains("To część głównego biznesu."))
        #expect(text.contains("Pytanie pojawia się tylko, gdy 1.2 „Czy sprzedajecie na marketplace'ach?” ma odpowiedź „Tak”."))
        #expect(text.contains("gdy 1.3 „Udział marketplace'ów w przychodach” wynosi obecnie co najmniej 10."))
        #expect(text.contains("gdy 1.1 „Kto za to odpowiada?” ma obecnie ocenę 3 lub wyższą."))
    }

    @Test func jsonSnapshot() throws {
        snapshots.expect(ModuleJSONRenderer.render(try sampleModule(), language: .polish), matches: "sample-show-pl.json")
    }

    @Test func jsonCarriesEveryPartOfTheModule() throws {
        let json = ModuleJSONRenderer.render(try sampleModule(), language: .english)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "sample")
        #expect(object["language"] as? String == "en")
        #expect((object["scale"] as? [[String: Any]])?.count == 4)
        let dimensions = try #require(object["dimensions"] as? [[String: Any]])
        let items = try #require(dimensions.first?["items"] as? [[String: Any]])
        #expect(items.count == 6)
        #expect((items[0]["levels"] as? [String])?.first == "Nobody owns it.")
        #expect((items[1]["options"] as? [[String: Any]])?.count == 3)
        #expect(items[2]["unit"] as? String == "%")
        #expect(items[2]["max"] as? Double == 100)
        let condition = try #require(items[2]["condition"] as? [String: Any])
        #expect(condition["item"] as? String == "sample.first.marketplaces")
        #expect(condition["test"] as? String == "is")
        #expect(condition["options"] as? [String] == ["yes"])
    }

    @Test func wrappingBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextWrapping.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWrapping.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrapping.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TextWrapping.hanging("aa bb cc", first: "1.", indent: 4, width: 9) == ["1.  aa bb", "    cc"])
    }

    /// The short-line shortcut gives what wrapping word by word gives, for any text: spaces
    /// doubled or at the ends, line breaks, wide and combining characters, emoji.
    @Test func theShortLineShortcutChangesNothing() {
        let pieces = ["a", "bc", " ", "  ", "\n", "é", "e\u{301}", "店", "👩‍💻", "\t", "Zażółć"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 2...20, using: &generator)
            #expect(TextWrapping.wrap(text, width: width) == TextWrapping.wrapWords(text, width: max(2, width)), "\(text.debugDescription) at \(width)")
        }
    }
}
