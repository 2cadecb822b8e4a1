import Basics
import Questionnaire
import SessionModel
import Testing
@testable import TerminalUI

/// Every participant screen as text, at 80×24 and 160×48, in English and Polish.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    /// Each screen, reached by keys from a joined participant with a few answers.
    static func screens(_ language: Language, size: (Int, Int)) -> [(String, CellBuffer)] {
        var result: [(String, CellBuffer)] = []
        var join = makeApp(language: language, size: size)
        _ = join.type("Zażółć 店舗")
        result.append(("join", join.render()))
        var app = makeApp(name: "Anna K.", department: "it", language: language, size: size)
        app.receive(.joined(record(language: language, answers: [
            "it.platform.operator": Answer(.choice(.value(["agency"]))),
            "it.platform.upkeep": Answer(.maturity(current: .value(2), target: .value(4)), importance: 3, comment: "Zażółć gęślą jaźń"),
        ])))
        result.append(("overview", app.render()))
        if let upkeep = app.visibleItems.first(where: { $0.item.id == "it.platform.upkeep" })?.item { app.open(upkeep) }
        result.append(("maturity", app.render()))
        if let operatorItem = app.visibleItems.first(where: { $0.item.id == "it.platform.operator" })?.item { app.open(operatorItem) }
        result.append(("choice", app.render()))
        if let uptime = app.visibleItems.first(where: { $0.item.id == "it.platform.uptime" })?.item { app.open(uptime) }
        _ = app.type("99.5")
        result.append(("number", app.render()))
        if let text = app.visibleItems.first(where: { $0.item.kind.tag == .text })?.item { app.open(text) }
        _ = app.type("Mniej ręcznych eksportów")
        result.append(("text", app.render()))
        _ = app.update(.key(.escape))
        _ = app.update(.key(.character("r")))
        result.append(("review", app.render()))
        _ = app.update(.key(.character("D")))
        result.append(("review-confirm", app.render()))
        var small = app
        _ = small.update(.resize(width: 60, height: 15))
        result.append(("too-small", small.render()))
        return result
    }

    @Test(arguments: [Language.english, .polish])
    func everyScreenMatchesItsSnapshot(_ language: Language) {
        for size in Self.sizes {
            for (name, buffer) in Self.screens(language, size: size) {
                snapshots.expect(buffer.lines.joined(separator: "\n") + "\n", matches: "\(name)-\(language.rawValue)-\(size.0)x\(size.1).txt")
            }
        }
    }

    @Test func nothingIsDrawnOutsideTheScreenAndWideCharactersTakeTwoColumns() {
        for language in Language.allCases {
            for (name, buffer) in Self.screens(language, size: (80, 24)) {
                for line in buffer.lines {
                    #expect(DisplayWidth.of(line) <= 80, "\(language) \(name): \(line)")
                }
            }
        }
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("a店b\u{1B}[31m", x: 0, y: 0)
        #expect(buffer.lines == ["a店b?["])
        #expect(buffer[2, 0] == Cell.continuation)
    }
}

@Suite struct TextFieldTests {
    @Test func controlCharactersAndBidiOverridesAreNeverStored() {
        var field = TextField("", limit: 50)
        for character in ["a", "\u{1B}", "b", "\u{202E}", "c", "\u{2066}", "\u{9B}", "ą", "\u{7F}", "店"] as [Character] {
            _ = field.handle(.character(character))
        }
        #expect(field.value == "abcą店")
        // Ordinary marks that only look unusual stay: a zero-width joiner in an emoji, an accent.
        _ = field.handle(.character("👩‍💻"))
        _ = field.handle(.character("é"))
        #expect(field.value == "abcą店👩‍💻é")
    }
}

/// The layout properties of issue 15, on every participant screen this suite draws.
@Suite struct ParticipantLayoutPropertyTests {
    @Test(arguments: Language.allCases)
    func noScreenCutsAWordWithoutAnEllipsis(_ language: Language) {
        for size in LayoutChecks.sizes {
            for (name, buffer) in ScreenSnapshotTests.screens(language, size: size) where name != "too-small" {
                #expect(LayoutChecks.cuts(in: buffer).isEmpty, "\(language) \(name) \(size): \(LayoutChecks.cuts(in: buffer))")
            }
        }
    }
}

@Suite struct CutRecordingTests {
    @Test func aTextThatDoesNotFitIsRecordedUnlessItEndsInAnEllipsis() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.put("short", x: 0, y: 0)
        buffer.put("fits exactly", x: 0, y: 1, limit: 12)
        buffer.put("trailing   ", x: 2, y: 2)
        #expect(buffer.cuts.count == 1)
        #expect(buffer.cuts.first?.shown == "fits exact")
        buffer.put("truncated…", x: 0, y: 0, limit: 10)
        buffer.put(DisplayWidth.truncate("a much longer text", to: 8), x: 0, y: 0)
        buffer.put("below the screen", x: 0, y: 3)
        #expect(buffer.cuts.count == 2)
    }
}
