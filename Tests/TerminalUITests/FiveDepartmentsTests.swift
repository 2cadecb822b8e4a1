import Basics
import Foundation
import GapReport
import Questionnaire
import Scoring
import SessionModel
import Testing
@testable import TerminalUI

/// Departments are data: a fifth department (stores, with the longest title yet) must lay out
/// on every console screen at every size, in every language, with nothing cut, as four do.
@Suite struct FiveDepartmentsTests {
    static let start = Timestamp(milliseconds: 1_795_459_212_345)

    /// `module` again under another id and title: a department the code has never heard of.
    static func renamed(_ module: QuestionnaireModule, to id: String, title: String) -> QuestionnaireModule {
        QuestionnaireModule(id: id, version: module.version, languages: module.languages,
                            title: LocalizedText(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, title) })),
                            intro: module.intro, dimensions: module.dimensions.map { dimension in
                                Dimension(id: dimension.id, title: dimension.title, items: dimension.items.map { item in
                                    Item(id: ItemID(id + item.id.rawValue.dropFirst(module.id.count)), kind: item.kind, prompt: item.prompt,
                                         help: item.help, weight: item.weight)
                                })
                            }, order: 50)
    }

    static let departments = ["ecommerce", "it", "customer-service", "logistics", "stores"]
    static var modules: [QuestionnaireModule] {
        let shipped = FacilitatorLayoutTests.modules
        let logistics = shipped.first { $0.id == "logistics" }!
        return shipped.filter { $0.id != "omnichannel" } + [renamed(logistics, to: "stores", title: "Stores and retail operations")]
            + shipped.filter { $0.id == "omnichannel" }
    }

    /// Every department rates every shared item, far apart, so the matrix has all its numbers.
    static func document(_ language: Language) -> ReportDocument {
        let setup = ScoringSetup(modules: modules, departments: departments, sharedModules: ["omnichannel"], quorum: 2)
        var tally = Tally(setup: setup)
        let shared = modules.first { $0.id == "omnichannel" }!.items.filter { $0.kind.tag == .maturity }
        for (index, department) in departments.enumerated() {
            let slot = tally.department(department)!
            for person in 0..<2 {
                tally.addParticipant(department: slot, done: true)
                for item in shared {
                    tally.add(Answer(.maturity(current: .value(1 + (index + person) % 4), target: .value(4))), to: item.id, department: slot)
                }
            }
        }
        return ReportDocument(title: "Five departments", date: "2026-11-23", sessionID: "s-0123456789abcdef", language: language,
                              setup: setup, scores: tally.scores(), goals: [], skipped: [])
    }

    @Test(arguments: Language.allCases)
    func everyResultsViewFitsWithFiveDepartments(_ language: Language) {
        for size in LayoutChecks.sizes {
            var app = FacilitatorApp(title: "Five departments", folder: "/tmp/five", agenda: AgendaPhase.standard, departments: Self.departments,
                                     modules: Self.modules, language: language, size: size, now: Self.start)
            var state = FacilitatorState()
            state.revealed = true
            _ = app.update(.state(state), at: Self.start)
            _ = app.update(.results(Self.document(language)), at: Self.start)
            _ = app.update(.key(.character("3")), at: Self.start)
            for view in ["heat map", "ranked gaps", "disagreements", "perception"] {
                let frame = app.render()
                #expect(LayoutChecks.cuts(in: frame).isEmpty, "\(language) \(view) \(size): \(LayoutChecks.cuts(in: frame))")
                for line in frame.lines { #expect(DisplayWidth.of(line) <= size.0, "\(language) \(view) \(size): \(line)") }
                if view == "perception" {
                    // Every row shows its gap whole: a number with two decimals at the end.
                    let rows = frame.lines.filter { $0.range(of: #"\d[.,]\d\d( !)?\s*$"#, options: .regularExpression) != nil }
                    #expect(rows.count >= 5, "\(language) \(size): \(frame.lines.joined(separator: "\n"))")
                    #expect(!frame.lines.contains { $0.hasSuffix("…") && $0.contains("  ") && $0.last == "…" && $0.dropLast().last?.isNumber == true })
                }
                _ = app.update(.key(.tab), at: Self.start)
            }
            _ = app.update(.key(.character("1")), at: Self.start)
            #expect(LayoutChecks.cuts(in: app.render()).isEmpty)
        }
    }
}
