import Questionnaire
import Testing
@testable import Scoring

/// The methodology on sessions small enough to compute by hand. 0 stands for "don't know" in
/// `Fixture.rating`.
@Suite struct MethodologyTests {
    typealias P = Fixture.Person
    func r(_ current: Int?, _ target: Int?, importance: Int? = nil) -> Answer {
        Fixture.rating(current, target, importance: importance)
    }

    @Test func anItemsNumbersAreTheFormulas() throws {
        // Three sales people rate sales.people.a: c = 1, 3, 4; t = 3, 4, dk; w = 3, –(2), 1.
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(1, 3, importance: 3))]),
            P(department: "sales", answers: [("sales.people.a", r(3, 4))]),
            P(department: "sales", answers: [("sales.people.a", r(4, 0, importance: 1))]),
        ]).scores()
        let item = try #require(scores.item("sales.people.a"))
        #expect(item.n == 3)
        #expect(item.current == 8.0 / 3)
        #expect(item.target == 3.5)
        #expect(item.targetN == 2)
        #expect(abs(item.gap! - (3.5 - 8.0 / 3)) < 1e-12)
        // Population SD of 1, 3, 4 around 8/3: sqrt((25/9 + 1/9 + 16/9) / 3) = sqrt(42/27).
        #expect(abs(item.spread! - (42.0 / 27).squareRoot()) < 1e-12)
        #expect(item.minimum == 1 && item.maximum == 4)
        #expect(item.importance == 2)  // (3 + 2 + 1) / 3
        #expect(abs(item.priority! - (3.5 - 8.0 / 3) * 2) < 1e-12)
        #expect(item.disagreement)
        #expect(!item.lowConfidence)
        #expect(item.dontKnowCurrent == 0 && item.dontKnowTarget == 1)
        #expect(item.currentHistogram == [1, 0, 1, 1] && item.targetHistogram == [0, 0, 1, 1])
    }

    @Test func dontKnowIsCountedButNeverEntersAMean() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(2, 4))]),
            P(department: "sales", answers: [("sales.people.a", r(0, 0, importance: 3))]),
        ]).scores()
        let item = try #require(scores.item("sales.people.a"))
        #expect(item.n == 1 && item.current == 2 && item.target == 4)
        #expect(item.dontKnowCurrent == 1 && item.dontKnowTarget == 1)
        #expect(item.importance == 2.5)  // both answered the item: (2 + 3) / 2
        #expect(item.lowConfidence)      // n = 1 < quorum 2
    }

    @Test func aMissingTargetLeavesTheGapUndefined() throws {
        let scores = Fixture.tally([P(department: "sales", answers: [("sales.people.a", r(2, nil))])]).scores()
        let item = try #require(scores.item("sales.people.a"))
        #expect(item.current == 2 && item.target == nil && item.gap == nil && item.priority == nil)
        #expect(!scores.ranking.contains("sales.people.a"))
    }

    @Test func aTargetBelowCurrentHasANegativeGapAndNoPriority() throws {
        let scores = Fixture.tally([P(department: "sales", answers: [("sales.people.a", r(4, 2, importance: 3))])]).scores()
        let item = try #require(scores.item("sales.people.a"))
        #expect(item.gap == -2)
        #expect(item.priority == 0)  // max(gap, 0) × importance
    }

    @Test func dimensionsAreWeightedAndSkipUnratedItems() throws {
        // people: a (weight 1) c = 2, t = 3; b (weight 3) c = 4, t = 4. tools: c only rated don't know.
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(2, 3)), ("sales.people.b", r(4, 4)), ("sales.tools.c", r(0, 4))]),
        ]).scores()
        let sales = try #require(scores.module("sales"))
        let people = try #require(sales.dimensions.first { $0.dimension == "people" })
        // current (1 × 2 + 3 × 4) / 4, target (1 × 3 + 3 × 4) / 4, gap (1 × 1 + 3 × 0) / 4.
        #expect(people.level.current == 3.5)
        #expect(people.level.target == 3.75)
        #expect(people.level.gap == 0.25)
        #expect(people.itemsRated == 2)
        // sales.tools.c has n = 0: it is left out, even though it has a target.
        let tools = try #require(sales.dimensions.first { $0.dimension == "tools" })
        #expect(tools.level == Level.empty && tools.itemsRated == 0)
        // The module is the mean of its dimensions that have a value; its stage is floor(3.5).
        #expect(sales.level.current == 3.5 && sales.level.stage == .formalised)
    }

    @Test func aDepartmentWithNobodyIsLeftOutOfTheOverallScore() throws {
        let scores = Fixture.tally([P(department: "sales", answers: [("sales.people.a", r(1, 3))])]).scores()
        #expect(scores.module("stock")?.level == Level.empty)
        #expect(scores.overall.current == 1 && scores.overall.target == 3)
        #expect(scores.weakestLink == "sales")
        #expect(scores.participation == [Participation(department: "sales", joined: 1, done: 1),
                                         Participation(department: "stock", joined: 0, done: 0)])
    }

    @Test func overallIsTheMeanOfTheDepartmentsAndTheWeakestLinkTheLowest() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(3, 4)), ("shared.goals.e", r(1, 1))]),
            P(department: "stock", answers: [("stock.flow.d", r(1, 3)), ("shared.goals.e", r(4, 4))]),
        ]).scores()
        // The shared module does not enter the overall score.
        #expect(scores.overall.current == (3 + 1) / 2.0)
        #expect(scores.weakestLink == "stock")
        #expect(scores.module("shared")?.isShared == true)
    }

    @Test func perceptionGapsCompareDepartmentMeansOnSharedItems() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("shared.goals.e", r(4, 4)), ("shared.goals.f", r(3, 4))]),
            P(department: "sales", answers: [("shared.goals.e", r(3, 4)), ("shared.goals.f", r(3, 4))]),
            P(department: "stock", answers: [("shared.goals.e", r(2, 3)), ("shared.goals.f", r(3, 3))]),
        ]).scores()
        let e = try #require(scores.perceptionGaps.first { $0.item == "shared.goals.e" })
        #expect(e.means == [DepartmentMean(department: "sales", mean: 3.5), DepartmentMean(department: "stock", mean: 2)])
        #expect(e.gap == 1.5 && e.flagged)  // flagged at 1.5 exactly
        let f = try #require(scores.perceptionGaps.first { $0.item == "shared.goals.f" })
        #expect(f.gap == 0 && !f.flagged)
        // The shared item counts everyone: n = 3.
        #expect(scores.item("shared.goals.e")?.n == 3)
        // The matrix: goals dimension, weights e 1 and f 2. sales (3.5 + 2 × 3) / 3, stock (2 + 2 × 3) / 3.
        let goals = try #require(scores.perceptionMatrix.first)
        #expect(goals.means.map(\.mean) == [9.5 / 3, 8.0 / 3])
        #expect(abs(goals.gap! - 0.5) < 1e-12 && !goals.flagged)
    }

    @Test func rankingBreaksTiesByGapThenId() throws {
        // a: gap 2, w 2 → 4. b: gap 1, w 3 → 3 ... c: gap 2, w 2 → 4 (ties with a, same gap: id order).
        // d (stock): gap 4 × w 1 = 4 ties too, with the larger gap: first.
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(1, 3)), ("sales.people.b", r(2, 3, importance: 3)), ("sales.tools.c", r(2, 4))]),
            P(department: "stock", answers: [("stock.flow.d", r(0, 4)), ("stock.flow.d", r(0, 4))]),
            P(department: "stock", answers: [("stock.flow.d", r(0, 0))]),
        ]).scores()
        #expect(scores.ranking == ["sales.people.a", "sales.tools.c", "sales.people.b"])
        let scores2 = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(1, 3)), ("sales.tools.c", r(2, 4))]),
            P(department: "stock", answers: [("stock.flow.d", r(1, 3, importance: 2))]),
            P(department: "stock", answers: [("stock.flow.d", r(1, 3, importance: 2))]),
        ]).scores()
        #expect(scores2.ranking == ["sales.people.a", "sales.tools.c", "stock.flow.d"])
        let scores3 = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", r(2, 4))]),
            P(department: "stock", answers: [("stock.flow.d", r(1, 4, importance: 1)), ("shared.goals.e", r(1, 3))]),
        ]).scores()
        // a: 2 × 2 = 4; d: 3 × 1 = 3; e: 2 × 2 = 4, same gap as a: id order puts sales.people.a first.
        #expect(scores3.ranking == ["sales.people.a", "shared.goals.e", "stock.flow.d"])
    }

    @Test func choiceNumberAndTextAnswersAreSummarisedPerDepartment() throws {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.tools.kind", Answer(.choice(.value(["x"])))),
                                              ("sales.tools.kpi", Answer(.number(current: .value(10), target: .value(20)))),
                                              ("sales.tools.note", Answer(.text("Fewer exports")))]),
            P(department: "sales", answers: [("sales.tools.kind", Answer(.choice(.dontKnow), comment: "Depends")),
                                              ("sales.tools.kpi", Answer(.number(current: .value(30), target: .dontKnow)))]),
            P(department: "sales", answers: [("sales.tools.kind", Answer(.choice(.value(["y"])))),
                                              ("sales.tools.kpi", Answer(.number(current: .value(15), target: .value(25))))]),
        ]).scores()
        let choice = try #require(scores.choices.first { $0.item == "sales.tools.kind" })
        #expect(choice.counts == [OptionCount(option: "x", count: 1), OptionCount(option: "y", count: 1)])
        #expect(choice.dontKnow == 1 && choice.respondents == 3)
        let number = try #require(scores.numbers.first { $0.item == "sales.tools.kpi" })
        #expect(number.current == Distribution(count: 3, median: 15, minimum: 10, maximum: 30))
        #expect(number.target == Distribution(count: 2, median: 22.5, minimum: 20, maximum: 25))
        #expect(number.dontKnowTarget == 1)
        #expect(scores.comments.map(\.text) == ["Depends", "Fewer exports"])
        #expect(scores.comments.allSatisfy { $0.department == "sales" })
    }

    @Test func aSingleParticipantIsLowConfidenceEverywhere() throws {
        let scores = Fixture.tally([P(department: "stock", answers: [("stock.flow.d", r(2, 3))])]).scores()
        #expect(scores.item("stock.flow.d")?.lowConfidence == true)
        #expect(scores.item("stock.flow.d")?.spread == 0)
        #expect(scores.item("stock.flow.d")?.disagreement == false)
    }
}

/// Cases found in review: floating-point results at exact boundaries, and comments without a rating.
@Suite struct BoundaryTests {
    typealias P = Fixture.Person

    @Test func aScoreARoundingErrorBelowAStageReachesIt() {
        #expect(MaturityStage(score: 1.9999999999999998) == .focusing)
        #expect(MaturityStage(score: 1.99) == .adHoc)
        #expect(MaturityStage(score: 4.7) == .institutionalised && MaturityStage(score: 0.2) == .adHoc)
    }

    @Test func aPerceptionGapOfExactlyOneAndAHalfIsFlagged() throws {
        // sales means 8/3 (3, 3, 2), stock 7/6 (1, 1, 1, 1, 1, 2): 8/3 − 7/6 is 1.5, computed as 1.4999999999999998.
        let sales = [3, 3, 2].map { P(department: "sales", answers: [("shared.goals.e", Fixture.rating($0, 4))]) }
        let stock = [1, 1, 1, 1, 1, 2].map { P(department: "stock", answers: [("shared.goals.e", Fixture.rating($0, 4))]) }
        let gap = try #require(Fixture.tally(sales + stock).scores().perceptionGaps.first { $0.item == "shared.goals.e" })
        #expect(abs(gap.gap! - 1.5) < 1e-12)
        #expect(gap.flagged)
    }

    @Test func aCommentWithoutARatingIsKept() {
        let scores = Fixture.tally([
            P(department: "sales", answers: [("sales.people.a", Answer(.maturity(current: nil, target: nil), comment: "Not sure who decides"))]),
        ]).scores()
        #expect(scores.comments.map(\.text) == ["Not sure who decides"])
        #expect(scores.item("sales.people.a")?.n == 0)
        #expect(scores.item("sales.people.a")?.importance == nil)
    }
}
