import Questionnaire
import Testing
@testable import Scoring

/// Laws the consolidation must obey whatever the answers.
@Suite struct ScoringPropertyTests {
    /// A random room of participants answering the fixture's items.
    static func room(seed: UInt64, size: Int) -> [Fixture.Person] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let items: [String: [ItemID]] = [
            "sales": ["sales.people.a", "sales.people.b", "sales.tools.c", "shared.goals.e", "shared.goals.f"],
            "stock": ["stock.flow.d", "shared.goals.e", "shared.goals.f"],
        ]
        return (0..<size).map { _ in
            let department = next() % 2 == 0 ? "sales" : "stock"
            let answers = items[department]!.filter { _ in next() % 5 != 0 }.map { item -> (ItemID, Answer) in
                let current = next() % 6, target = next() % 6  // 0 don't know, 5 not given
                let importance = next() % 4                   // 0 not given
                return (item, Fixture.rating(current == 5 ? nil : current, target == 5 ? nil : target,
                                             importance: importance == 0 ? nil : importance))
            }
            return Fixture.Person(department: department, done: next() % 2 == 0, answers: answers)
        }
    }

    /// Every number of the scores, for comparing two results.
    static func numbers(_ scores: Scores) -> [Double?] {
        scores.items.flatMap { [$0.current, $0.target, $0.gap, $0.spread, $0.importance, $0.priority, Double($0.n)] }
            + scores.modules.flatMap { [$0.level.current, $0.level.target, $0.level.gap] + $0.dimensions.flatMap { [$0.level.current, $0.level.gap] } }
            + [scores.overall.current, scores.overall.target] + scores.perceptionGaps.map(\.gap)
    }

    static func close(_ a: [Double?], _ b: [Double?]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) < 1e-9
            default: false
            }
        }
    }

    @Test func theOrderOfParticipantsChangesNothing() {
        for seed in 1...40 {
            let room = Self.room(seed: UInt64(seed), size: 12)
            let forward = Fixture.tally(room).scores(), backward = Fixture.tally(room.reversed()).scores()
            #expect(Self.close(Self.numbers(forward), Self.numbers(backward)), "seed \(seed)")
            #expect(forward.ranking == backward.ranking)
        }
    }

    @Test func duplicatingEveryParticipantLeavesTheMeansUnchanged() {
        for seed in 1...40 {
            let room = Self.room(seed: UInt64(seed), size: 9)
            let once = Fixture.tally(room).scores(), twice = Fixture.tally(room + room).scores()
            #expect(Self.close(once.items.map(\.current), twice.items.map(\.current)), "seed \(seed)")
            #expect(Self.close(once.items.map(\.spread), twice.items.map(\.spread)))
            #expect(Self.close(once.items.map(\.priority), twice.items.map(\.priority)))
            #expect(Self.close([once.overall.current, once.overall.gap], [twice.overall.current, twice.overall.gap]))
            #expect(once.ranking == twice.ranking)
        }
    }

    @Test func dontKnowNeverMovesAMean() {
        for seed in 1...40 {
            let room = Self.room(seed: UInt64(seed), size: 10)
            let extra = Fixture.Person(department: "sales", answers: [("sales.people.a", Fixture.rating(0, 0)), ("shared.goals.e", Fixture.rating(0, 0))])
            let without = Fixture.tally(room).scores(), with = Fixture.tally(room + [extra]).scores()
            for id: ItemID in ["sales.people.a", "shared.goals.e"] {
                #expect(without.item(id)?.current == with.item(id)?.current, "seed \(seed)")
                #expect(without.item(id)?.target == with.item(id)?.target)
                #expect(without.item(id)?.spread == with.item(id)?.spread)
                #expect((without.item(id)?.dontKnowCurrent ?? 0) + 1 == with.item(id)?.dontKnowCurrent)
            }
        }
    }

    @Test func mergingTalliesEqualsOneTally() {
        for seed in 1...20 {
            let room = Self.room(seed: UInt64(seed), size: 14)
            var left = Fixture.tally(Array(room.prefix(5)))
            left.merge(Fixture.tally(Array(room.dropFirst(5))))
            #expect(Self.close(Self.numbers(left.scores()), Self.numbers(Fixture.tally(room).scores())), "seed \(seed)")
        }
    }
}
