import Basics
import TestSupport
import Foundation
import GapReport
import Questionnaire
import Scoring
import Testing

/// The report renderers on a fixed, hand-made session.
@Suite struct ReportRenderingTests {
    static func text(_ english: String, _ polish: String) -> LocalizedText { LocalizedText([.english: english, .polish: polish]) }

    static func maturity(_ id: String, _ prompt: LocalizedText, weight: Double = 1) -> Item {
        Item(id: ItemID(id), kind: .maturity(levels: (1...4).map { text("Level \($0)", "Poziom \($0)") }), prompt: prompt, weight: weight)
    }

    static let sales = QuestionnaireModule(
        id: "sales", version: "1", languages: [.english, .polish], title: text("Sales", "Sprzedaż"), intro: text("", ""),
        dimensions: [
            Dimension(id: "people", title: text("People and roles", "Ludzie i role"), items: [
                maturity("sales.people.owner", text("Who owns online sales results?", "Kto odpowiada za wyniki sprzedaży online?"), weight: 2),
                maturity("sales.people.skills", text("How are skills kept up to date?", "Jak utrzymuje się aktualne kompetencje?")),
            ]),
            Dimension(id: "tools", title: text("Tools", "Narzędzia"), items: [
                maturity("sales.tools.crm", text("How is the customer's history shared?", "Jak udostępnia się historię klienta?")),
                Item(id: "sales.tools.kind", kind: .choice(options: [ChoiceOption(id: "own", label: text("Own team", "Własny zespół")),
                                                                      ChoiceOption(id: "agency", label: text("Agency", "Agencja"))], multiple: false),
                     prompt: text("Who runs the shop?", "Kto prowadzi sklep?")),
                Item(id: "sales.tools.conversion", kind: .number(NumberSpec(unit: text("%", "%"), minimum: 0, maximum: 100)),
                     prompt: text("Conversion rate", "Współczynnik konwersji")),
            ]),
        ])

    static let stock = QuestionnaireModule(
        id: "stock", version: "1", languages: [.english, .polish], title: text("Stock", "Magazyn"), intro: text("", ""),
        dimensions: [Dimension(id: "flow", title: text("Flow", "Przepływ"), items: [
            maturity("stock.flow.sync", text("How often is stock synchronised?", "Jak często synchronizuje się stany?")),
            maturity("stock.flow.returns", text("How do returns go back on sale?", "Jak zwroty wracają do sprzedaży?")),
        ])])

    static let shared = QuestionnaireModule(
        id: "shared", version: "1", languages: [.english, .polish], title: text("Omnichannel", "Omnichannel"), intro: text("", ""),
        dimensions: [Dimension(id: "goals", title: text("Business goals", "Cele biznesowe"), items: [
            maturity("shared.goals.set", text("How are shared goals set?", "Jak ustala się wspólne cele?")),
        ])])

    static let setup = ScoringSetup(modules: [sales, stock, shared], departments: ["sales", "stock"], sharedModules: ["shared"], quorum: 2)

    static func rating(_ current: Int, _ target: Int, importance: Int? = nil, comment: String? = nil) -> Answer {
        Answer(.maturity(current: current == 0 ? .dontKnow : .value(current), target: target == 0 ? .dontKnow : .value(target)),
               importance: importance, comment: comment)
    }

    static func document(_ language: Language, goals: [ReportGoal] = [], skipped: [SkippedFile] = [],
                         title: String = "Nordic Home — omnichannel workshop") -> ReportDocument {
        var tally = Tally(setup: setup)
        let people: [(String, Bool, [(ItemID, Answer)])] = [
            ("sales", true, [("sales.people.owner", rating(1, 4, importance: 3, comment: "Nobody owns it; \u{1B}[31mred\u{1B}[0m alert")),
                             ("sales.people.skills", rating(2, 3)), ("sales.tools.crm", rating(1, 3)),
                             ("sales.tools.kind", Answer(.choice(.value(["agency"])))),
                             ("sales.tools.conversion", Answer(.number(current: .value(1.8), target: .value(2.5)))),
                             ("shared.goals.set", rating(3, 4))]),
            ("sales", false, [("sales.people.owner", rating(3, 4)), ("sales.people.skills", rating(0, 3, importance: 1)),
                              ("sales.tools.kind", Answer(.choice(.value(["own"])), comment: "Zażółć gęślą jaźń — 店舗")),
                              ("sales.tools.conversion", Answer(.number(current: .value(2.2), target: .dontKnow))),
                              ("shared.goals.set", rating(4, 4))]),
            ("stock", true, [("stock.flow.sync", rating(1, 3, importance: 3)), ("stock.flow.returns", rating(2, 2)), ("shared.goals.set", rating(1, 3))]),
        ]
        for (department, done, answers) in people {
            let index = tally.department(department)!
            tally.addParticipant(department: index, done: done)
            for (item, answer) in answers { tally.add(answer, to: item, department: index) }
        }
        tally.addVotes(["sales.people.owner": 3, "stock.flow.sync": 2, "no.such.item": 4])
        return ReportDocument(title: title, date: "2026-11-23", sessionID: "s-0123456789abcdef", language: language, setup: setup,
                              scores: tally.scores(), goals: goals, skipped: skipped)
    }

    static let goal = ReportGoal(statement: "Name an owner for online sales with a target shared with the stores",
                                 kpi: "Online revenue share", baseline: "8%", target: "15%", owner: "Åsa P.", due: "2027-06-30",
                                 links: ["sales.people.owner", "sales.people"])
    static let skipped = [SkippedFile(path: "participants/p-00000000000000aa.json", reason: "the file is truncated: the text ends inside a string at line 11, column 103")]

    @Test(arguments: [Language.english, .polish])
    func theTextReportMatchesItsSnapshot(_ language: Language) {
        let report = TextReportRenderer.render(Self.document(language, goals: [Self.goal], skipped: Self.skipped))
        snapshots.expect(report, matches: "report-\(language.rawValue).txt")
    }

    @Test func theJSONReportMatchesItsSnapshot() {
        snapshots.expect(JSONReportRenderer.render(Self.document(.english, goals: [Self.goal], skipped: Self.skipped)), matches: "report.json")
    }

    @Test(arguments: Language.allCases)
    func noLineIsWiderThanEightyColumns(_ language: Language) {
        let report = TextReportRenderer.render(Self.document(language, goals: [Self.goal], skipped: Self.skipped,
                                                             title: String(repeating: "Bardzo długi tytuł warsztatu 店舗 ", count: 6)))
        for line in report.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 80, "\(language.rawValue): \(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    /// The sentences shown when a list is empty are the longest lines some languages have
    /// (Polish "no shared item is seen 1.5 stages apart"): they wrap like everything else.
    @Test(arguments: Language.allCases)
    func theEmptyListSentencesFitEightyColumnsToo(_ language: Language) {
        var tally = Tally(setup: Self.setup)
        for department in ["sales", "stock"] {
            let index = tally.department(department)!
            tally.addParticipant(department: index, done: false)
            tally.add(Self.rating(3, 4), to: "shared.goals.set", department: index)  // seen alike: nothing flagged
        }
        let document = ReportDocument(title: "Quiet", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: language,
                                      setup: Self.setup, scores: tally.scores(), goals: [], skipped: [])
        let report = TextReportRenderer.render(document)
        #expect(report.contains(DisplayWidth.truncate(ReportStrings.forLanguage(language).noFlaggedItems, to: 20).dropLast()))
        for line in report.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 80, "\(language.rawValue): \(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    @Test func untrustedTextNeverReachesTheTerminalRaw() {
        let report = TextReportRenderer.render(Self.document(.english, title: "Evil\u{1B}]0;pwned\u{7}\u{9B}31m title"))
        #expect(!report.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(report.contains("\\u{1B}[31mred"))
        let json = JSONReportRenderer.render(Self.document(.english, title: "Evil\u{1B}]0;pwned\u{7}"))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(json.contains("\\u001b]0;pwned\\u0007"))
    }

    @Test func theJSONReportParsesAndCarriesTheNumbers() throws {
        let json = JSONReportRenderer.render(Self.document(.english, goals: [Self.goal]))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "omnigap-report")
        let items = try #require(root["items"] as? [[String: Any]])
        let owner = try #require(items.first { $0["id"] as? String == "sales.people.owner" })
        #expect(owner["current"] as? Double == 2 && owner["target"] as? Double == 4 && owner["n"] as? Int == 2)
        #expect(owner["importance"] as? Double == 2.5 && owner["priority"] as? Double == 5)
        #expect((root["goals"] as? [[String: Any]])?.first?["owner"] as? String == "Åsa P.")
        #expect(root["votes"] as? [String: Int] == ["sales.people.owner": 3, "stock.flow.sync": 2])
        // sales (1.5) and stock (1.5) tie: the department listed first is the weakest link.
        #expect(root["weakest_link"] as? String == "sales")
    }
}

/// The snapshots of this target's reports.
let snapshots = SnapshotFiles(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots"))

@Suite struct MarkdownAndCSVTests {
    @Test func theMarkdownAndCSVReportsMatchTheirSnapshots() {
        let document = ReportRenderingTests.document(.english, goals: [ReportRenderingTests.goal], skipped: ReportRenderingTests.skipped)
        snapshots.expect(MarkdownReportRenderer.render(document), matches: "report.md")
        // Without its byte-order mark, which reading the snapshot file back would drop (the mark
        // itself is checked below).
        snapshots.expect(String(CSVReportRenderer.render(document).dropFirst()), matches: "report.csv")
        snapshots.expect(MarkdownReportRenderer.render(ReportRenderingTests.document(.polish)), matches: "report-pl.md")
    }

    @Test func markdownCannotBeInjected() {
        let escaped = MarkdownReportRenderer.escape("| <script>x</script> [a](http://evil) **b** # c\n- d \u{1B}[31m")
        #expect(!escaped.contains("\n") && !escaped.contains("\u{1B}"))
        #expect(escaped.contains("\\[a\\](http://evil)"))  // brackets escaped: no link can form
        for token in ["|", "<", ">", "[", "]", "*", "#"] {
            #expect(!escaped.replacingOccurrences(of: "\\" + token, with: "").contains(token), "\(token) in \(escaped)")
        }
    }

    @Test func csvCellsCannotStartAFormulaAndAreQuotedWhenNeeded() {
        #expect(CSVReportRenderer.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVReportRenderer.cell("+1 555") == "'+1 555")
        #expect(CSVReportRenderer.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReportRenderer.cell("-0.5") == "-0.5")  // a number stays a number
        #expect(CSVReportRenderer.cell("a, b") == "\"a, b\"")
        #expect(CSVReportRenderer.cell("Zażółć") == "Zażółć")
        let csv = CSVReportRenderer.render(ReportRenderingTests.document(.english))
        #expect(csv.hasPrefix("\u{FEFF}item,module,dimension,department,n,"))
        let rows = csv.split(separator: "\r\n")
        #expect(rows.count > 5 && rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == CSVReportRenderer.columns.count })
    }
}

/// The JSON report written in pieces is the report rendered whole, however many comments.
@Suite struct JSONPiecesTests {
    @Test func piecesJoinToTheWholeReport() {
        let document = ReportRenderingTests.document(.english)
        let pieces = Array(JSONReportRenderer.pieces(document))
        #expect(pieces.joined() == JSONReportRenderer.render(document))
        #expect(pieces.count >= 3)  // the text before the comments, the comments, the rest
        #expect(!pieces.joined().contains("\u{1}"))
    }

    @Test func manyCommentsComeInSeveralPiecesAndStillParse() throws {
        var tally = Tally(setup: ReportRenderingTests.setup)
        let department = tally.department("sales")!
        for index in 0..<4_500 {
            tally.addParticipant(department: department, done: false)
            tally.add(ReportRenderingTests.rating(2, 3, comment: "Comment \(index)"), to: "sales.people.owner", department: department)
        }
        let document = ReportDocument(title: "Many", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .english,
                                      setup: ReportRenderingTests.setup, scores: tally.scores(), goals: [], skipped: [])
        let pieces = Array(JSONReportRenderer.pieces(document))
        #expect(pieces.count == 1 + 3 + 1)  // before, three batches of at most 2000, after
        let parsed = try JSONSerialization.jsonObject(with: Data(pieces.joined().utf8)) as? [String: Any]
        let comments = parsed?["comments"] as? [[String: Any]]
        #expect(comments?.count == 4_500)
        #expect(comments?.last?["text"] as? String == "Comment 4499")
    }
}
