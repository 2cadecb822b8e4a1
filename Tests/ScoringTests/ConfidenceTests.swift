import Questionnaire
@testable import Scoring
import Testing

/// How many people stand behind a number, and when that is too few: the counts and flags the
/// report marks in every list.
@Suite struct ConfidenceTests {
    typealias P = Fixture.Person
    static func r(_ current: Int?, _ target: Int?) -> Answer { Fixture.rating(current, target) }

    /// With one department only, there is nothing to compare: no perception gap (not 0), nothing
    /// flagged, and the shared item is low-confidence however many people rated it.
    @Test func aPerceptionGapNeedsTwoDepartments() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("shared.goals.e", Self.r(1, 4)), ("shared.goals.f", Self.r(3, 4))]),
            P(department: "sales", answers: [("shared.goals.e", Self.r(4, 4)), ("shared.goals.f", Self.r(3, 4))]),
            P(department: "stock", answers: [("stock.flow.d", Self.r(2, 3))]),
        ]).scores()
        let e = try #require(scores.perceptionGaps.first { $0.item == "shared.goals.e" })
        #expect(e.means.count == 1 && e.gap == nil && !e.flagged)
        #expect(scores.perceptionMatrix.allSatisfy { $0.gap == nil && !$0.flagged })
        let item = try #require(scores.item("shared.goals.e"))
        #expect(item.n == 2 && item.departmentsRated == 1 && item.lowConfidence)  // n meets the quorum; one department does not
    }

    @Test func aSharedItemRatedByTwoDepartmentsIsNotLowConfidence() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("shared.goals.e", Self.r(1, 4))]),
            P(department: "stock", answers: [("shared.goals.e", Self.r(3, 4))]),
        ]).scores()
        let item = try #require(scores.item("shared.goals.e"))
        #expect(item.departmentsRated == 2 && !item.lowConfidence)
        #expect(scores.perceptionGaps.first { $0.item == "shared.goals.e" }?.gap == 2)
    }

    /// A dimension's n is the fewest ratings behind any of its rated items; it is low-confidence
    /// as soon as one of them is. A module takes the same from its dimensions.
    @Test func dimensionsAndModulesCarryTheirFewestRatings() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", Self.r(1, 3)), ("sales.people.b", Self.r(2, 3)), ("sales.tools.c", Self.r(2, 4))]),
            P(department: "sales", answers: [("sales.people.a", Self.r(2, 3)), ("sales.tools.c", Self.r(3, 4))]),
            P(department: "sales", answers: [("sales.people.a", Self.r(2, 3)), ("sales.tools.c", Self.r(3, 4))]),
        ]).scores()
        let sales = try #require(scores.module("sales"))
        let people = try #require(sales.dimensions.first { $0.dimension == "people" })
        let tools = try #require(sales.dimensions.first { $0.dimension == "tools" })
        #expect(people.n == 1 && people.lowConfidence)    // a: 3 ratings, b: 1
        #expect(tools.n == 3 && !tools.lowConfidence)
        #expect(sales.n == 1 && sales.lowConfidence)
        // Stock has nobody: n 0 and low confidence, with no numbers to mislead.
        let stock = try #require(scores.module("stock"))
        #expect(stock.n == 0 && stock.lowConfidence && stock.level.current == nil)
    }
}
