import Basics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GapReport
import Questionnaire
import Scoring
import Testing
import TestSupport

/// The comparison in every format, on the hand-computed sessions of `ComparisonFixture`: text
/// and Markdown snapshots, JSON and CSV that carry the method's numbers, an HTML page whose
/// charts draw them, and untrusted text kept harmless.
@Suite struct ComparisonRenderingTests {
    static let review = GoalReviewSection(earlier: "June", reviews: [
        ReportGoalReview(goal: ReportGoal(statement: "Click and collect in every store", kpi: "stores", baseline: "3", target: "12",
                                          owner: "Ola", due: "2026-11-30", links: ["sales.people"]),
                         actual: "12", status: .done, note: "All stores live"),
        ReportGoalReview(goal: ReportGoal(statement: "Returns back on sale in a day", kpi: "restock time", baseline: "6 days",
                                          target: "1 day", owner: "", due: "", links: []),
                         actual: "", status: nil, note: ""),
    ])

    static func overTime(_ language: Language = .english) throws -> ComparisonDocument {
        ComparisonDocument(comparison: try SessionComparison(sessions: [ComparisonFixture.then, ComparisonFixture.now]), language: language,
                           review: review, skipped: [SkippedFile(path: "June: participants/p-00000000000000ab.json", reason: "the file is truncated")])
    }

    static func sideBySide(_ language: Language = .english) throws -> ComparisonDocument {
        ComparisonDocument(comparison: try SessionComparison(sessions: ComparisonFixture.branches), language: language, review: nil, skipped: [])
    }

    @Test func theTextComparisonsSnapshots() throws {
        snapshots.expect(ComparisonTextRenderer.render(try Self.overTime()), matches: "comparison-over-time.txt")
        snapshots.expect(ComparisonTextRenderer.render(try Self.sideBySide()), matches: "comparison-side-by-side.txt")
        snapshots.expect(ComparisonTextRenderer.render(try Self.overTime(.polish)), matches: "comparison-over-time-pl.txt")
        snapshots.expect(ComparisonMarkdownRenderer.render(try Self.overTime()), matches: "comparison-over-time.md")
    }

    @Test(arguments: Language.allCases)
    func everyLineFitsEightyColumnsInEveryLanguage(language: Language) throws {
        for document in [try Self.overTime(language), try Self.sideBySide(language)] {
            for line in ComparisonTextRenderer.render(document).split(separator: "\n") {
                #expect(line.count <= 80, "\(language): \(line)")
            }
        }
    }

    /// Four workshops in a chain, and seven branches side by side, with labels as long as dates:
    /// the columns narrow so that every line still fits 80 columns.
    @Test(arguments: Language.allCases)
    func manySessionsStillFitEightyColumns(language: Language) throws {
        let ids = (1...7).map { "s-00000000000001" + String(format: "%02x", $0) }
        let chain = (0..<4).map { index in
            ComparisonFixture.session("2026-0\(index + 1)-15", id: ids[index], date: "2026-0\(index + 1)-15", follows: index == 0 ? nil : ids[index - 1],
                                      ComparisonFixture.thenModules, [("sales", [("sales.people.a", 1 + index % 3, 4), ("shared.goals.e", 2, 3)]),
                                                                     ("stock", [("stock.flow.d", 2, 4), ("shared.goals.e", 1 + index, 4)])])
        }
        let branches = (0..<7).map { index in
            ComparisonFixture.session("Branch no. \(index + 1)", id: ids[index], date: "2026-05-0\(index + 1)", ComparisonFixture.thenModules,
                                      [("sales", [("sales.people.a", 1 + index % 4, 4)]), ("stock", [("stock.flow.d", 1 + index % 3, 4)])])
        }
        for sessions in [chain, Array(branches.prefix(5)), branches] {
            let document = ComparisonDocument(comparison: try SessionComparison(sessions: sessions), language: language, review: nil, skipped: [])
            for line in ComparisonTextRenderer.render(document).split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= 80, "\(language) \(sessions.count) sessions: \(line)")
            }
        }
    }

    @Test func theJSONCarriesTheMethodsNumbers() throws {
        let data = Data(ComparisonJSONRenderer.render(try Self.overTime()).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["format"] as? String == "omnigap-comparison" && root["mode"] as? String == "over-time")
        let modules = try #require(root["modules"] as? [[String: Any]])
        let sales = try #require(modules.first { $0["id"] as? String == "sales" })
        let people = try #require((sales["dimensions"] as? [[String: Any]])?.first { $0["id"] as? String == "people" })
        let change = try #require(people["change"] as? [String: Any])
        #expect(change["closed"] as? Double == 0.75 && change["current"] as? Double == 1.5 && change["target"] as? Double == 1)
        let levels = try #require(people["sessions"] as? [[String: Any]])
        #expect(levels.map { $0["current"] as? Double } == [1, 2.5])
        let stock = try #require(modules.first { $0["id"] as? String == "stock" })
        let flow = try #require((stock["dimensions"] as? [[String: Any]])?.first)
        #expect((flow["sessions"] as? [[String: Any]])?.first?["current"] is NSNull)
        #expect((root["changed_items"] as? [[String: Any]])?.first?["id"] as? String == "sales.people.b")
        #expect((root["moved"] as? [[String: Any]])?.map { $0["id"] as? String } == ["shared.goals.e", "sales.people.a", "shared.goals.f"])
        let goals = try #require((root["goals_review"] as? [String: Any])?["goals"] as? [[String: Any]])
        #expect(goals.map { $0["status"] as? String } == ["done", nil])
    }

    @Test func theCSVHasARowPerModuleOrDimensionAndSession() throws {
        let csv = ComparisonCSVRenderer.render(try Self.sideBySide())
        #expect(csv.hasPrefix("\u{FEFF}scope,module,dimension"))
        let rows = csv.dropFirst().split(separator: "\r\n")
        // sales (module, people, tools) and shared (module, goals): 5 rows, each for 3 sessions.
        #expect(rows.count == 1 + 5 * 3)
        #expect(rows.contains { $0.hasPrefix("dimension,sales,people,People,s-00000000000000c2,Sweden,2026-11-09,3,4,1,1,1,,,,1,yes") })
    }

    @Test func eachSlopeEndsAtTheNumbersAndEachDotIsASessions() throws {
        let document = try Self.overTime()
        let page = try XMLPage(ComparisonHTMLRenderer.render(document))
        let circles = page.elements.indices.filter { page.elements[$0].name == "circle" && page.elements[$0].attributes["data-session"] != nil }
        for module in document.comparison.modules {
            for dimension in module.dimensions {
                for (index, level) in dimension.levels.enumerated() {
                    let drawn = circles.first { page.elements[$0].parentModule == module.module && page.elements[$0].attributes["data-session"] == String(index)
                        && page.dimension(at: $0) == dimension.dimension }.map { page.elements[$0] }
                    #expect(drawn.flatMap { Double($0.attributes["data-value"] ?? "") } == level.current,
                            "\(module.module).\(dimension.dimension) in session \(index)")
                }
            }
        }
        #expect(page.elements.filter { $0.name == "svg" && $0.attributes["class"] == "slope" }.count == 3)
        let sideBySide = try XMLPage(ComparisonHTMLRenderer.render(try Self.sideBySide()))
        let dots = sideBySide.elements.filter { $0.attributes["data-series"] == "current" }
        #expect(dots.map { $0.attributes["data-value"] ?? "" }.sorted() == ["1", "2", "2", "2", "3", "3"])
        // Self-contained: nothing is fetched.
        for element in page.elements + sideBySide.elements {
            #expect(element.attributes["src"] == nil && !(element.attributes["href"] ?? "").hasPrefix("http"))
        }
    }

    @Test func untrustedTextStaysText() throws {
        let hostile = ComparedSession(label: "<b>\u{1B}[31mJune", sessionID: "s-0000000000000aaa", title: "A \"title\" </style><script>x</script>",
                                      date: "2026-06-01", follows: nil, setup: ComparisonFixture.then.setup, scores: ComparisonFixture.then.scores)
        let comparison = try SessionComparison(sessions: [hostile, ComparisonFixture.branches[1]])
        let document = ComparisonDocument(comparison: comparison, language: .english, review: nil, skipped: [])
        let html = ComparisonHTMLRenderer.render(document)
        #expect(!html.contains("<script>") && !html.contains("<b>") && !html.contains("\u{1B}"))
        _ = try XMLPage(html)
        for text in [ComparisonTextRenderer.render(document), ComparisonMarkdownRenderer.render(document)] {
            #expect(!text.contains("\u{1B}"))
        }
        #expect(!ComparisonMarkdownRenderer.render(document).contains("<b>"))
        let json = try JSONSerialization.jsonObject(with: Data(ComparisonJSONRenderer.render(document).utf8)) as? [String: Any]
        #expect((json?["sessions"] as? [[String: Any]])?.first?["label"] as? String == "<b>\u{1B}[31mJune")
    }

    @Test func aFollowUpsReportShowsTheSessionBeforeAndTheGoalsUnderReview() throws {
        let now = ComparisonFixture.now
        var report = ReportDocument(title: "December", date: now.date, sessionID: now.sessionID, language: .english, setup: now.setup,
                                    scores: now.scores, goals: [], skipped: [])
        report.followUp = FollowUpSection(earlier: "Workshop June (2026-06-01)", review: Self.review, unavailable: nil,
                                          comparison: try Self.overTime())
        let text = TextReportRenderer.render(report)
        #expect(text.contains("SINCE WORKSHOP JUNE (2026-06-01)") && text.contains("GOALS SINCE JUNE"))
        #expect(text.contains("[done] Click and collect in every store") && text.contains("[not reviewed] Returns back on sale"))
        // The questions left out are named in the report too: never apples with pears in silence.
        #expect(text.contains("  NOT COMPARED") && text.contains("A new question (sales.people.b): the question changed"))
        #expect(MarkdownReportRenderer.render(report).contains("### Not compared"))
        #expect(HTMLReportRenderer.render(report).contains("A new question (sales.people.b): the question changed"))
        #expect(MarkdownReportRenderer.render(report).contains("## Goals since June"))
        let page = try XMLPage(HTMLReportRenderer.render(report))
        #expect(page.elements.contains { $0.attributes["id"] == "since" } && page.elements.contains { $0.attributes["id"] == "goals-review" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
        let followUp = try #require(json["follow_up"] as? [String: Any])
        #expect((followUp["comparison"] as? [String: Any])?["mode"] as? String == "over-time")

        // The session before is gone: the goals still show, and the report says why the numbers do not.
        report.followUp = FollowUpSection(earlier: "Workshop June (2026-06-01)", review: Self.review,
                                          unavailable: "../june is not an omnigap session: the folder does not exist", comparison: nil)
        let without = TextReportRenderer.render(report).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(without.contains("could not be read") && without.contains("the folder does not exist"))
        #expect(without.contains("[done] Click and collect"))
    }
}

extension XMLPage {
    /// The dimension the element at `index` is drawn for: its own `data-dimension`, or its group's.
    func dimension(at index: Int) -> String? {
        if let own = elements[index].attributes["data-dimension"] { return own }
        return elements[..<index].last { $0.name == "g" && $0.attributes["data-dimension"] != nil }?.attributes["data-dimension"]
    }
}
