import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GapReport
import Questionnaire
import Scoring
import Testing

/// The HTML report: its snapshots, that it is well-formed, that its charts draw the numbers the
/// JSON report gives, and that untrusted text cannot become markup.
@Suite struct HTMLReportTests {
    /// Custom module ids that differ only in punctuation get different anchors.
    @Test func everyModuleGetsItsOwnAnchor() throws {
        let modules = ["x.y", "x-y", "x_y"].map { id in
            QuestionnaireModule(id: id, version: "1", languages: [.english], title: ReportRenderingTests.text(id, id), intro: ReportRenderingTests.text("", ""),
                                dimensions: [Dimension(id: "d", title: ReportRenderingTests.text("D", "D"), items: [
                                    ReportRenderingTests.maturity("\(id).d.q", ReportRenderingTests.text("Q?", "Q?"))])])
        }
        let setup = ScoringSetup(modules: modules, departments: ["x.y", "x-y", "x_y"], sharedModules: [], quorum: 1)
        let document = ReportDocument(title: "Anchors", date: "2026-11-23", sessionID: "s-00000000000000aa", language: .english, setup: setup,
                                      scores: Tally(setup: setup).scores(), goals: [], skipped: [])
        let page = try XMLPage(HTMLReportRenderer.render(document))
        let ids = page.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.contains("module-x-y") && ids.contains("module-x_2e_y") && ids.contains("module-x_5f_y"))
        for link in page.elements.compactMap({ $0.attributes["href"] }) { #expect(ids.contains(String(link.dropFirst())), "\(link)") }
    }

    /// A department with four dimensions, so its chart is a radar (the main fixture's
    /// departments have one or two, which get bars instead).
    static let web = QuestionnaireModule(
        id: "web", version: "1", languages: [.english, .polish], title: ReportRenderingTests.text("Web shop", "Sklep internetowy"),
        intro: ReportRenderingTests.text("", ""),
        dimensions: ["strategy", "content", "service", "data"].map { id in
            Dimension(id: id, title: ReportRenderingTests.text("Dimension \(id)", "Obszar \(id)"), items: [
                ReportRenderingTests.maturity("web.\(id).a", ReportRenderingTests.text("How is \(id) handled?", "Jak wygląda \(id)?")),
                ReportRenderingTests.maturity("web.\(id).b", ReportRenderingTests.text("Who owns \(id)?", "Kto odpowiada za \(id)?")),
            ])
        })

    static func radarDocument(_ language: Language = .english) -> ReportDocument {
        let setup = ScoringSetup(modules: [web], departments: ["web"], sharedModules: [], quorum: 1)
        var tally = Tally(setup: setup)
        let ratings: [[(Int, Int)]] = [[(1, 3), (2, 4), (3, 3), (1, 2), (2, 4), (4, 4)],
                                       [(2, 3), (2, 3), (2, 4), (1, 3), (3, 4), (0, 4)]]
        for person in ratings {
            tally.addParticipant(department: 0, done: true)
            for (index, rating) in person.enumerated() {
                let item = web.items[index].id
                tally.add(ReportRenderingTests.rating(rating.0, rating.1, importance: index % 3 + 1), to: item, department: 0)
            }
        }
        // "data" is left without any rating at all: its point sits at the centre and shows "–".
        return ReportDocument(title: "Radar", date: "2026-11-23", sessionID: "s-00000000000000aa", language: language, setup: setup,
                              scores: tally.scores(), goals: [], skipped: [])
    }

    static var mainDocument: ReportDocument {
        ReportRenderingTests.document(.english, goals: [ReportRenderingTests.goal], skipped: ReportRenderingTests.skipped)
    }

    @Test func theHTMLReportMatchesItsSnapshots() {
        snapshots.expect(HTMLReportRenderer.render(Self.mainDocument), matches: "report.html")
        snapshots.expect(HTMLReportRenderer.render(ReportRenderingTests.document(.polish, goals: [ReportRenderingTests.goal])), matches: "report-pl.html")
        snapshots.expect(HTMLReportRenderer.render(Self.radarDocument()), matches: "report-radar.html")
    }

    @Test(arguments: Language.allCases)
    func theHTMLIsWellFormedInEveryLanguage(_ language: Language) throws {
        for document in [ReportRenderingTests.document(language, goals: [ReportRenderingTests.goal], skipped: ReportRenderingTests.skipped),
                         Self.radarDocument(language)] {
            let page = try XMLPage(HTMLReportRenderer.render(document))
            #expect(page.elements.first?.name == "html")
            #expect(page.elements.first?.attributes["lang"] == language.rawValue)
            // Self-contained: nothing is loaded from anywhere.
            #expect(!page.elements.contains { ["script", "link", "img", "iframe", "object"].contains($0.name) })
            #expect(!page.elements.contains { $0.attributes["src"] != nil || ($0.attributes["href"].map { !$0.hasPrefix("#") } ?? false) })
        }
    }

    @Test func theRadarDrawsTheNumbersOfTheJSONReport() throws {
        let document = Self.radarDocument()
        let page = try XMLPage(HTMLReportRenderer.render(document))
        let json = try JSONReport(document)
        let svg = try #require(page.elements.first { $0.name == "svg" && $0.attributes["data-module"] == "web" })
        let radius = try #require(Double(svg.attributes["data-radius"] ?? "")), cx = try #require(Double(svg.attributes["data-cx"] ?? "")),
            cy = try #require(Double(svg.attributes["data-cy"] ?? ""))
        let points = page.elements.filter { $0.name == "circle" && $0.attributes["data-series"] != nil }
        // Three dimensions are rated (current and target), the fourth has no data and no points.
        #expect(points.count == 6)
        for point in points {
            let dimension = try #require(point.attributes["data-dimension"]), series = try #require(point.attributes["data-series"])
            let expected = try #require(json.dimension(module: "web", dimension)?[series] as? Double, "\(dimension) \(series)")
            #expect(Double(point.attributes["data-value"] ?? "") == expected, "\(dimension) \(series)")
            // The point is where the value says: its distance from the centre is value / 4 of the radius.
            let x = try #require(Double(point.attributes["cx"] ?? "")), y = try #require(Double(point.attributes["cy"] ?? ""))
            let drawn = ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot() / radius * 4
            #expect(abs(drawn - expected) < 0.001, "\(dimension) \(series): drawn at \(drawn), JSON says \(expected)")
        }
        #expect(json.dimension(module: "web", "data")?["current"] is NSNull)
    }

    @Test func theBarsDrawTheNumbersOfTheJSONReport() throws {
        let document = Self.mainDocument
        let page = try XMLPage(HTMLReportRenderer.render(document))
        let json = try JSONReport(document)
        // The top gaps: one bar per item with a priority above zero, in the JSON ranking's order.
        let chart = try #require(page.elements.first { $0.name == "svg" && $0.attributes["class"] == "gaps" })
        let scale = try #require(Double(chart.attributes["data-scale"] ?? ""))
        let bars = page.elements.filter { $0.name == "rect" && $0.attributes["data-priority"] != nil }
        let ranked = json.ranking.filter { (json.item($0)?["priority"] as? Double ?? 0) > 0 }
        #expect(bars.map { $0.attributes["data-item"] ?? "" } == ranked)
        for bar in bars {
            let item = try #require(bar.attributes["data-item"])
            let priority = try #require(json.item(item)?["priority"] as? Double)
            #expect(Double(bar.attributes["data-priority"] ?? "") == priority)
            #expect(abs((Double(bar.attributes["width"] ?? "") ?? -1) / scale - priority) < 0.001, "\(item)")
        }
        // The departments with fewer than three dimensions are drawn as bars on a 0–4 scale.
        let dimensionBars = page.elements.filter { $0.name == "rect" && $0.attributes["data-series"] != nil }
        #expect(dimensionBars.count == 8)
        for bar in dimensionBars {
            let module = try #require(bar.parentModule), dimension = try #require(bar.attributes["data-dimension"])
            let series = try #require(bar.attributes["data-series"])
            let expected = try #require(json.dimension(module: module, dimension)?[series] as? Double)
            #expect(Double(bar.attributes["data-value"] ?? "") == expected)
            #expect(abs((Double(bar.attributes["width"] ?? "") ?? -1) / 100 - expected) < 0.001)
        }
    }

    @Test func untrustedTextCannotBecomeMarkup() throws {
        let hostile = "<script>alert('x')</script> & \"quoted\" \u{1B}[31mred\u{1B}[0m\u{202E}"
        let goal = ReportGoal(statement: "</td></tr></table><img src=x onerror=alert(1)>", kpi: "a<b", baseline: "\"1\"", target: "'2'",
                              owner: hostile, due: "2027-01-01", links: ["x\" onmouseover=\"alert(1)"])
        let document = ReportRenderingTests.document(.english, goals: [goal], skipped: [SkippedFile(path: "participants/<b>bold</b>.json", reason: hostile)],
                                                     title: hostile)
        let html = HTMLReportRenderer.render(document)
        let page = try XMLPage(html)
        #expect(!page.elements.contains { ["script", "img", "b"].contains($0.name) })
        #expect(!page.elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") } })
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<li data-link=\"x&quot; onmouseover=&quot;alert(1)\">x&quot; onmouseover=&quot;alert(1)</li>"))
        // Control characters and bidi overrides are shown as escapes, never sent raw.
        #expect(!html.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(html.contains("\\u{1B}[31mred"))
        // The participant's comment with an escape sequence is shown the same way.
        #expect(page.text.contains("Nobody owns it; \\u{1B}[31mred\\u{1B}[0m alert"))
        #expect(HTMLReportRenderer.escape("a&b<c>d\"e'f\ng") == "a&amp;b&lt;c&gt;d&quot;e&#39;f g")
        // Noncharacters are not allowed in XML: they are shown as escapes too. (Swift's string
        // literals refuse them, so they are built from their code points.)
        let nonCharacters = [0xFFFE, 0xFFFF, 0xFDD0, 0x10FFFF].map { String(Character(Unicode.Scalar($0)!)) }
        #expect(HTMLReportRenderer.escape("a" + nonCharacters.joined(separator: "b")) == "a\\u{FFFE}b\\u{FFFF}b\\u{FDD0}b\\u{10FFFF}")
        _ = try XMLPage(HTMLReportRenderer.render(ReportRenderingTests.document(.english, title: "Bad " + nonCharacters.joined() + " title")))
    }

    @Test func everyDepartmentStartsAPrintedPage() throws {
        let page = try XMLPage(HTMLReportRenderer.render(Self.mainDocument))
        let sections = page.elements.filter { $0.name == "section" }
        let departments = sections.filter { $0.attributes["class"]?.split(separator: " ").contains("department") ?? false }
        #expect(departments.compactMap { $0.attributes["data-module"] } == ["sales", "stock", "shared"])
        #expect(departments.allSatisfy { $0.attributes["class"]?.split(separator: " ").contains("page") ?? false })
        let css = HTMLReportRenderer.render(Self.mainDocument)
        #expect(css.contains("@page { size: A4;") && css.contains(".page { break-before: page; }") && css.contains("tr, li, figure, svg"))
    }
}

/// An element of a parsed page: its name, attributes and the module of the nearest chart or
/// section around it.
struct XMLElementRecord {
    let name: String
    let attributes: [String: String]
    let parentModule: String?
}

/// An XHTML page parsed with Foundation's XML parser: parsing fails on anything that is not
/// well-formed (an unclosed tag, a stray `&`, a bad attribute), which is what the tests want.
struct XMLPage {
    let elements: [XMLElementRecord]
    let text: String

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ html: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseError(description: "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): "
                + (parser.parserError.map { "\($0)" } ?? "unknown error"))
        }
        elements = collector.elements
        text = collector.text
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [XMLElementRecord] = []
        var text = ""
        private var modules: [String?] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let module = attributes["data-module"] ?? modules.last ?? nil
            elements.append(XMLElementRecord(name: name, attributes: attributes, parentModule: modules.last ?? nil))
            modules.append(module)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            modules.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}

/// The JSON report of the same document, for comparing numbers.
struct JSONReport {
    let root: [String: Any]

    init(_ document: ReportDocument) throws {
        root = try #require(try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(document).utf8)) as? [String: Any])
    }

    var ranking: [String] { root["ranking"] as? [String] ?? [] }

    func item(_ id: String) -> [String: Any]? {
        (root["items"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    func dimension(module: String, _ id: String) -> [String: Any]? {
        let modules = root["modules"] as? [[String: Any]] ?? []
        let dimensions = modules.first { $0["id"] as? String == module }?["dimensions"] as? [[String: Any]]
        return dimensions?.first { $0["id"] as? String == id }
    }
}
