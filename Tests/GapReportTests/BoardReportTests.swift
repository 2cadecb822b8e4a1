import Foundation
import GapReport
import Questionnaire
import Scoring
import Testing

/// The report a manager hands to the board: plain summary sentences, how many people stand behind
/// every number, perception gaps only where there is something to compare, goals by title, and
/// gaps read as next steps.
@Suite struct BoardReportTests {
    typealias Fixture = ReportRenderingTests

    /// One participant per department, as in a small pilot: every department item rests on one
    /// person.
    static func oneEach(_ language: Language = .english, goals: [ReportGoal] = []) -> ReportDocument {
        var tally = Tally(setup: Fixture.setup)
        let people: [(String, [(ItemID, Answer)])] = [
            ("sales", [("sales.people.owner", Fixture.rating(1, 4)), ("sales.tools.crm", Fixture.rating(2, 4)), ("shared.goals.set", Fixture.rating(1, 4))]),
            ("stock", [("stock.flow.sync", Fixture.rating(1, 3)), ("shared.goals.set", Fixture.rating(4, 4))]),
        ]
        for (department, answers) in people {
            let index = tally.department(department)!
            tally.addParticipant(department: index, done: true)
            for (item, answer) in answers { tally.add(answer, to: item, department: index) }
        }
        return ReportDocument(title: "One each", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: language,
                              setup: Fixture.setup, scores: tally.scores(), goals: goals, skipped: [])
    }

    /// Two people in each department, both departments on the shared item: nothing to warn about.
    static func wellAttended() -> ReportDocument {
        var tally = Tally(setup: Fixture.setup)
        for (department, item) in [("sales", "sales.people.owner"), ("sales", "sales.people.owner"), ("stock", "stock.flow.sync"), ("stock", "stock.flow.sync")] {
            let index = tally.department(department)!
            tally.addParticipant(department: index, done: true)
            tally.add(Fixture.rating(2, 4), to: ItemID(item), department: index)
            tally.add(Fixture.rating(2, 3), to: "shared.goals.set", department: index)
        }
        return ReportDocument(title: "Two each", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .english,
                              setup: Fixture.setup, scores: tally.scores(), goals: [], skipped: [])
    }

    // MARK: The summary's sentences

    @Test(arguments: Language.allCases)
    func theSummaryOpensWithThreeToFivePlainSentences(_ language: Language) {
        for document in [Fixture.document(language, goals: [Fixture.goal]), Self.oneEach(language), Self.wellAttended()] {
            let sentences = ExecutiveSummary.sentences(document)
            #expect((3...5).contains(sentences.count), "\(sentences)")
            for sentence in sentences {
                // No symbols, formulas or counts of don't-know: those are for the methodology.
                for symbol in ["σ", "×", "=", "−", "{", "}", "1/0", "0/1", ReportStrings.forLanguage(language).dontKnow] {
                    #expect(!sentence.contains(symbol), "\(language.rawValue): \(symbol) in \(sentence)")
                }
                #expect(sentence.last == ".", "\(sentence)")
            }
        }
    }

    @Test func theSentencesSayWhereTheCompanyStandsTheGapsTheDisagreementAndTheGoals() {
        let sentences = ExecutiveSummary.sentences(Fixture.document(.english, goals: [Fixture.goal]))
        #expect(sentences[0] == "Today the company stands at stage 1 of 4 (ad hoc) and aims for stage 2 (focusing); Sales is furthest behind.")
        #expect(sentences[1] == "The biggest gaps to close are in Flow (Stock), People and roles (Sales) and Tools (Sales).")
        #expect(sentences[2].hasPrefix("Departments see Business goals most differently"))
        #expect(sentences[3] == "The group agreed on “Name an owner for online sales with a target shared with the stores”.")
        #expect(sentences[4] == ReportStrings.english.summaryLowConfidence)  // Stock has one participant
        #expect(!ExecutiveSummary.sentences(Self.wellAttended()).contains(ReportStrings.english.summaryLowConfidence))
        #expect(ExecutiveSummary.sentences(Self.wellAttended()).contains(ReportStrings.english.summaryNoGoals))
    }

    @Test func withOneDepartmentOnTheSharedQuestionsTheSummarySaysTheyCannotBeCompared() {
        var tally = Tally(setup: Fixture.setup)
        let sales = tally.department("sales")!
        tally.addParticipant(department: sales, done: true)
        tally.add(Fixture.rating(1, 3), to: "shared.goals.set", department: sales)
        tally.add(Fixture.rating(2, 3), to: "sales.tools.crm", department: sales)
        let document = ReportDocument(title: "Alone", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .polish,
                                      setup: Fixture.setup, scores: tally.scores(), goals: [], skipped: [])
        #expect(ExecutiveSummary.sentences(document).contains(ReportStrings.polish.summaryOneDepartment))
    }

    // MARK: n and low confidence

    @Test func oneParticipantPerDepartmentWarnsOnTheHTMLReportsFirstPage() throws {
        let html = HTMLReportRenderer.render(Self.oneEach())
        let warning = try #require(html.range(of: "<aside class=\"confidence-warning\""))
        // Right under the title: before the contents, the participation and the summary.
        #expect(warning.lowerBound < html.range(of: "<nav class=\"contents\"")!.lowerBound)
        #expect(html.contains("Departments with fewer than 2 participants: Sales (1) and Stock (1)."))
        #expect(html.contains("3 of the 4 largest gaps have low confidence."))
        #expect(!HTMLReportRenderer.render(Self.wellAttended()).contains("<aside class=\"confidence-warning\""))
        _ = try XMLPage(html)
    }

    @Test(arguments: Language.allCases)
    func everyListShowsNAndMarksLowConfidence(_ language: Language) throws {
        let words = ReportStrings.forLanguage(language)
        let document = Self.oneEach(language)
        let text = TextReportRenderer.render(document)
        // The top gaps, each from one person.
        #expect(text.contains("n 1 · \(words.lowConfidence)"))
        #expect(text.contains(words.confidenceTitle.uppercased()))
        // The dimension tables star their n.
        #expect(text.contains("1*"))
        let markdown = MarkdownReportRenderer.render(document)
        #expect(markdown.contains("n 1 · **\(MarkdownReportRenderer.escape(words.lowConfidence))**"))
        #expect(markdown.contains("| n |"))
        let html = HTMLReportRenderer.render(document)
        #expect(html.contains("<span class=\"count\">n 1</span> <span class=\"low-confidence\">\(HTMLReportRenderer.escape(words.lowConfidence))</span>"))
        #expect(html.contains("data-n=\"1\" data-low-confidence=\"true\""))
        #expect(html.contains("<td class=\"n count low\">1*</td>"))
    }

    @Test func theJSONAndCSVCarryTheCountsAndTheWarning() throws {
        let document = Self.oneEach(goals: [Fixture.goal])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(document).utf8)) as? [String: Any])
        let confidence = try #require(root["confidence"] as? [String: Any])
        #expect((confidence["departments_below_quorum"] as? [[String: Any]])?.compactMap { $0["department"] as? String } == ["sales", "stock"])
        #expect(confidence["low_confidence_gaps"] as? Int == 3 && confidence["headline_gaps"] as? Int == 4)
        #expect((root["summary"] as? [String]) == ExecutiveSummary.sentences(document))
        let modules = try #require(root["modules"] as? [[String: Any]])
        #expect(modules.first?["n"] as? Int == 1 && modules.first?["low_confidence"] as? Bool == true)
        let csv = CSVReportRenderer.render(document)
        #expect(csv.contains(",departments_rated,next_step_stage,next_step,goals\r\n"))
        #expect(csv.contains("Who owns online sales results?,1,2,Level 2,Name an owner for online sales"))
    }

    // MARK: Perception gaps

    @Test func aSharedDimensionRatedByOneDepartmentShowsNoGapOfZero() throws {
        var tally = Tally(setup: Fixture.setup)
        let sales = tally.department("sales")!
        tally.addParticipant(department: sales, done: true)
        tally.add(Fixture.rating(2, 3), to: "shared.goals.set", department: sales)
        let document = ReportDocument(title: "Alone", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .english,
                                      setup: Fixture.setup, scores: tally.scores(), goals: [], skipped: [])
        let text = TextReportRenderer.render(document)
        // The matrix: the row under the header that names both departments.
        let lines = text.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("  Dimension") && $0.contains("Sales") && $0.contains("Stock") })
        let row = lines[header + 1]
        #expect(row.hasPrefix("  Business goals") && row.contains("2.00") && !row.contains("0.00") && row.hasSuffix("–"), "\(row)")
        #expect(text.contains(ReportStrings.english.perceptionNotComparable))
        #expect(text.contains("A perception gap needs ratings from at least two departments"))
    }

    // MARK: Goals and next steps

    @Test func goalsShowTheTitlesOfWhatTheyClose() throws {
        let document = Fixture.document(.english, goals: [Fixture.goal])
        #expect(document.linkTitle("sales.people.owner") == "Sales · Who owns online sales results?")
        #expect(document.linkTitle("sales.people") == "Sales · People and roles")
        #expect(document.linkTitle("stock") == "Stock")
        #expect(document.linkTitle("no.such.thing") == "no.such.thing")
        #expect(Fixture.document(.polish).linkTitle("sales.people") == "Sprzedaż · Ludzie i role")
        let goalsSection = { (report: String, from: String, to: String) -> Substring in
            report[report.range(of: from)!.upperBound..<report.range(of: to)!.lowerBound]
        }
        for section in [goalsSection(TextReportRenderer.render(document), "GOALS", "METHODOLOGY"),
                        goalsSection(MarkdownReportRenderer.render(document), "## Goals", "## Methodology"),
                        goalsSection(HTMLReportRenderer.render(document), "<section id=\"goals\"", "<section id=\"methodology\"")] {
            #expect(section.contains("People and roles") && section.contains("Who owns online sales results?"))
            #expect(!section.contains(">sales.people") && !section.contains(" sales.people"), "\(section)")
        }
        let root = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(document).utf8)) as? [String: Any])
        let closes = try #require(((root["goals"] as? [[String: Any]])?.first?["closes"]) as? [[String: String]])
        #expect(closes == [["id": "sales.people.owner", "title": "Sales · Who owns online sales results?"],
                           ["id": "sales.people", "title": "Sales · People and roles"]])
    }

    @Test func eachTopGapSaysWhatTheNextLevelLooksLike() throws {
        let document = Fixture.document(.polish)
        let sync = try #require(document.scores.item("stock.flow.sync"))  // current 1.00
        #expect(document.nextStep(for: sync)?.stage == .focusing && document.nextStep(for: sync)?.text == "Poziom 2")
        let text = TextReportRenderer.render(document)
        #expect(text.contains("Następny krok (2 — koncentracja na działaniu): Poziom 2"))
        #expect(MarkdownReportRenderer.render(document).contains("Następny krok (2 — koncentracja na działaniu): Poziom 2"))
        #expect(HTMLReportRenderer.render(document).contains("<span class=\"next-step\">Następny krok (2 — koncentracja na działaniu): Poziom 2</span>"))
        // At the top stage there is no next step.
        var tally = Tally(setup: Fixture.setup)
        let stock = tally.department("stock")!
        tally.addParticipant(department: stock, done: true)
        tally.add(Fixture.rating(4, 4), to: "stock.flow.sync", department: stock)
        let top = ReportDocument(title: "Top", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .english,
                                 setup: Fixture.setup, scores: tally.scores(), goals: [], skipped: [])
        #expect(top.nextStep(for: top.scores.item("stock.flow.sync")!) == nil)
    }

    // MARK: The Markdown report

    @Test func theMarkdownReportHasTheTextReportsSectionsAndKeepsFreeAnswersOutOfTheComments() {
        let words = ReportStrings.english
        let markdown = MarkdownReportRenderer.render(Fixture.document(.english, goals: [Fixture.goal]))
        for heading in [words.biggestDisagreements, words.itemDetail, words.goals, words.methodology, words.perceptionGaps] {
            #expect(markdown.contains("# " + MarkdownReportRenderer.escape(heading)), "\(heading)")
        }
        #expect(markdown.contains("| **Total** | **3** | **2** |"))
        #expect(markdown.contains("   - Closes: "))

        // A free answer appears under its question in the item detail, never among a module's comments.
        let note = Item(id: "stock.flow.note", kind: .text, prompt: Fixture.text("Anything else?", "Coś jeszcze?"))
        let stock = QuestionnaireModule(id: "stock", version: "1", languages: [.english], title: Fixture.text("Stock", "Magazyn"),
                                        intro: Fixture.text("", ""),
                                        dimensions: [Dimension(id: "flow", title: Fixture.text("Flow", "Przepływ"), items: [
                                            Fixture.maturity("stock.flow.sync", Fixture.text("Sync?", "Sync?")), note])])
        let setup = ScoringSetup(modules: [stock], departments: ["stock"], sharedModules: [], quorum: 1)
        var tally = Tally(setup: setup)
        tally.addParticipant(department: 0, done: true)
        tally.add(Fixture.rating(1, 3, comment: "A comment"), to: "stock.flow.sync", department: 0)
        tally.add(Answer(.text("A free answer")), to: "stock.flow.note", department: 0)
        let document = ReportDocument(title: "Notes", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: .english,
                                      setup: setup, scores: tally.scores(), goals: [], skipped: [])
        let rendered = MarkdownReportRenderer.render(document)
        let section = rendered[rendered.range(of: "## Stock")!.upperBound..<rendered.range(of: "## Methodology")!.lowerBound]
        #expect(section.contains("A comment") && !section.contains("A free answer"))
        let detail = rendered[rendered.range(of: "## Item detail")!.upperBound...]
        #expect(detail.contains("*Free answers*\n\n- \\[Stock\\] A free answer"))
    }
}
