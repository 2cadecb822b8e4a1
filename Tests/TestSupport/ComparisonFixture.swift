import Questionnaire
import Scoring

/// Sessions small enough to compare by hand (docs/scoring.md, "Comparing sessions"): a first
/// workshop and its follow-up, and three branches side by side. Every number the comparison
/// tests expect is worked out in the comments of `ComparisonTests`.
public enum ComparisonFixture {
    static func text(_ english: String) -> LocalizedText { LocalizedText([.english: english]) }

    static func maturity(_ id: String, weight: Double = 1, prompt: String? = nil) -> Item {
        Item(id: ItemID(id), kind: .maturity(levels: (1...4).map { text("\(id) level \($0)") }),
             prompt: text(prompt ?? "Prompt of \(id)"), weight: weight)
    }

    static func module(_ id: String, shared: Bool = false, _ dimensions: [(String, [Item])]) -> QuestionnaireModule {
        QuestionnaireModule(id: id, version: "1", languages: [.english], title: text(id.capitalized), intro: text(""),
                            dimensions: dimensions.map { Dimension(id: $0.0, title: text($0.0.capitalized), items: $0.1) }, shared: shared)
    }

    /// The first edition: sales (people a, b×3; tools c), stock (flow d), shared (goals e, f×2).
    public static let thenModules = [
        module("sales", [("people", [maturity("sales.people.a"), maturity("sales.people.b", weight: 3)]),
                         ("tools", [maturity("sales.tools.c")])]),
        module("stock", [("flow", [maturity("stock.flow.d")])]),
        module("shared", shared: true, [("goals", [maturity("shared.goals.e"), maturity("shared.goals.f", weight: 2)])]),
    ]

    /// The follow-up's edition: sales.people.b asks another question, sales.tools.g is new.
    public static let nowModules = [
        module("sales", [("people", [maturity("sales.people.a"), maturity("sales.people.b", weight: 3, prompt: "A new question")]),
                         ("tools", [maturity("sales.tools.c"), maturity("sales.tools.g")])]),
        module("stock", [("flow", [maturity("stock.flow.d")])]),
        module("shared", shared: true, [("goals", [maturity("shared.goals.e"), maturity("shared.goals.f", weight: 2)])]),
    ]

    /// A participant: department, then (item, current, target) triples.
    public typealias Person = (department: String, ratings: [(String, Int, Int)])

    public static func scores(_ modules: [QuestionnaireModule], _ people: [Person], departments: [String] = ["sales", "stock"]) -> (ScoringSetup, Scores) {
        let setup = ScoringSetup(modules: modules, departments: departments.filter { id in modules.contains { $0.id == id } },
                                 sharedModules: modules.filter(\.shared).map(\.id), quorum: 2)
        var tally = Tally(setup: setup)
        for person in people {
            guard let department = tally.department(person.department) else { continue }
            tally.addParticipant(department: department, done: true)
            for (item, current, target) in person.ratings {
                tally.add(Answer(.maturity(current: .value(current), target: .value(target))), to: ItemID(item), department: department)
            }
        }
        return (setup, tally.scores())
    }

    public static func session(_ label: String, id: String, date: String, follows: String? = nil,
                               _ modules: [QuestionnaireModule], _ people: [Person]) -> ComparedSession {
        let (setup, scores) = Self.scores(modules, people)
        return ComparedSession(label: label, sessionID: id, title: "Workshop \(label)", date: date, follows: follows, setup: setup, scores: scores)
    }

    /// Then: two sales people; nobody from stock.
    public static let then = session("June", id: "s-000000000000000a", date: "2026-06-01", thenModules, [
        ("sales", [("sales.people.a", 1, 3), ("sales.people.b", 1, 2), ("sales.tools.c", 1, 3), ("shared.goals.e", 1, 3), ("shared.goals.f", 2, 3)]),
        ("sales", [("sales.people.a", 1, 3), ("sales.people.b", 2, 4), ("sales.tools.c", 3, 4), ("shared.goals.e", 1, 3), ("shared.goals.f", 2, 3)]),
    ])

    /// Now: the same two sales people and two from stock, six months on.
    public static let now = session("December", id: "s-000000000000000b", date: "2026-12-01", follows: "s-000000000000000a", nowModules, [
        ("sales", [("sales.people.a", 3, 4), ("sales.people.b", 3, 4), ("sales.tools.c", 2, 4), ("sales.tools.g", 1, 2),
                   ("shared.goals.e", 2, 3), ("shared.goals.f", 2, 4)]),
        ("sales", [("sales.people.a", 2, 4), ("sales.people.b", 2, 3), ("sales.tools.c", 1, 3), ("sales.tools.g", 1, 3),
                   ("shared.goals.e", 2, 3), ("shared.goals.f", 3, 4)]),
        ("stock", [("stock.flow.d", 2, 3), ("shared.goals.e", 4, 4), ("shared.goals.f", 4, 4)]),
        ("stock", [("stock.flow.d", 2, 4), ("shared.goals.e", 4, 4), ("shared.goals.f", 3, 4)]),
    ])

    /// Three branches on the first edition: Italy has no stock module.
    public static let branches: [ComparedSession] = [
        session("Poland", id: "s-00000000000000c1", date: "2026-11-02", thenModules, [
            ("sales", [("sales.people.a", 2, 3), ("sales.tools.c", 2, 4)]), ("stock", [("stock.flow.d", 1, 3)]),
        ]),
        session("Sweden", id: "s-00000000000000c2", date: "2026-11-09", thenModules, [
            ("sales", [("sales.people.a", 3, 4), ("sales.tools.c", 1, 3)]), ("stock", [("stock.flow.d", 3, 4)]),
        ]),
        session("Italy", id: "s-00000000000000c3", date: "2026-11-16", thenModules.filter { $0.id != "stock" }, [
            ("sales", [("sales.people.a", 3, 3), ("sales.tools.c", 2, 2)]),
        ]),
    ]
}
