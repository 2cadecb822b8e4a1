import Questionnaire
@testable import Scoring

/// A small hand-made session: two departments and a shared module, with weights, so that every
/// number in the tests can be worked out by hand.
enum Fixture {
    static func text(_ english: String) -> LocalizedText { LocalizedText([.english: english]) }

    static func maturity(_ id: String, weight: Double = 1) -> Item {
        Item(id: ItemID(id), kind: .maturity(levels: (1...4).map { text("\(id) level \($0)") }), prompt: text("Prompt of \(id)"), weight: weight)
    }

    static let sales = QuestionnaireModule(
        id: "sales", version: "1", languages: [.english], title: text("Sales"), intro: text(""),
        dimensions: [
            Dimension(id: "people", title: text("People"), items: [maturity("sales.people.a"), maturity("sales.people.b", weight: 3)]),
            Dimension(id: "tools", title: text("Tools"), items: [
                maturity("sales.tools.c"),
                Item(id: "sales.tools.kind", kind: .choice(options: [ChoiceOption(id: "x", label: text("X")), ChoiceOption(id: "y", label: text("Y"))], multiple: false), prompt: text("Which?")),
                Item(id: "sales.tools.kpi", kind: .number(NumberSpec(unit: text("%"), minimum: 0, maximum: 100)), prompt: text("KPI")),
                Item(id: "sales.tools.note", kind: .text, prompt: text("Note")),
            ]),
        ])

    static let stock = QuestionnaireModule(
        id: "stock", version: "1", languages: [.english], title: text("Stock"), intro: text(""),
        dimensions: [Dimension(id: "flow", title: text("Flow"), items: [maturity("stock.flow.d")])])

    static let shared = QuestionnaireModule(
        id: "shared", version: "1", languages: [.english], title: text("Shared"), intro: text(""),
        dimensions: [Dimension(id: "goals", title: text("Goals"), items: [maturity("shared.goals.e"), maturity("shared.goals.f", weight: 2)])])

    static let setup = ScoringSetup(modules: [sales, stock, shared], departments: ["sales", "stock"], sharedModules: ["shared"], quorum: 2)

    /// One participant's answers.
    struct Person {
        var department: String
        var done = true
        var answers: [(ItemID, Answer)]
    }

    static func rating(_ current: Int?, _ target: Int?, importance: Int? = nil, comment: String? = nil) -> Answer {
        Answer(.maturity(current: current.map { $0 == 0 ? .dontKnow : .value($0) }, target: target.map { $0 == 0 ? .dontKnow : .value($0) }),
               importance: importance, comment: comment)
    }

    static func tally(_ people: [Person], setup: ScoringSetup = setup) -> Tally {
        var tally = Tally(setup: setup)
        for person in people {
            let department = tally.department(person.department)!
            tally.addParticipant(department: department, done: person.done)
            for (item, answer) in person.answers { tally.add(answer, to: item, department: department) }
        }
        return tally
    }
}
