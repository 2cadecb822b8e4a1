import Questionnaire
import Testing
import TestSupport
@testable import Scoring

/// The comparison method on sessions worked out by hand (`ComparisonFixture`).
@Suite struct ComparisonTests {
    let then = ComparisonFixture.then
    let now = ComparisonFixture.now

    func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) < 1e-12 } ?? false
    }

    func dimension(_ comparison: SessionComparison, _ module: String, _ dimension: String) throws -> DimensionComparison {
        try #require(comparison.modules.first { $0.module == module }?.dimensions.first { $0.dimension == dimension })
    }

    @Test func aFollowUpChainIsComparedOverTimeInChainOrderWhateverTheOrderGiven() throws {
        let comparison = try SessionComparison(sessions: [now, then])
        #expect(comparison.mode == .overTime)
        #expect(comparison.sessions.map(\.label) == ["June", "December"])
        #expect(comparison.reference == 1)
    }

    @Test func aChangedItemAndANewItemAreListedAndLeftOutOfTheNumbers() throws {
        let comparison = try SessionComparison(sessions: [then, now])
        #expect(comparison.changedItems == [ChangedItem(item: "sales.people.b", what: ["prompt"], sessions: [0])])
        #expect(comparison.itemsNotInAll == [Presence(id: "sales.tools.g", sessions: [1])])
        #expect(comparison.comparedItems.map(\.rawValue) == ["sales.people.a", "sales.tools.c", "stock.flow.d", "shared.goals.e", "shared.goals.f"])
        #expect(comparison.modulesNotInAll.isEmpty)
    }

    @Test func progressTargetMovedAndTheShareOfTheOldGapClosed() throws {
        let comparison = try SessionComparison(sessions: [then, now])
        // sales.people over a alone (b changed): then c 1, t 3, gap 2; now c 2.5, t 4, gap 1.5.
        let people = try dimension(comparison, "sales", "people")
        #expect(people.levels[0] == ComparedLevel(current: 1, target: 3, gap: 2, n: 2, itemsRated: 1))
        #expect(people.levels[1] == ComparedLevel(current: 2.5, target: 4, gap: 1.5, n: 2, itemsRated: 1))
        // The target moved up by 1; the gap closed is measured against the old target: 1.5 / 2.
        #expect(people.change == LevelChange(current: 1.5, target: 1, closed: 0.75))
        // sales.tools over c alone (g is new): then 2 → 3.5 (gap 1.5), now 1.5 → 3.5: it went back.
        let tools = try dimension(comparison, "sales", "tools")
        #expect(tools.change?.current == -0.5)
        #expect(close(tools.change?.closed, -1.0 / 3))
        #expect(tools.change?.target == 0)
        // The module: plain means of its dimensions. Then c 1.5, t 3.25, gap 1.75; now c 2, t 3.75.
        let sales = try #require(comparison.modules.first { $0.module == "sales" })
        #expect(sales.levels[0].current == 1.5 && sales.levels[0].target == 3.25 && sales.levels[0].gap == 1.75)
        #expect(sales.levels[1].current == 2 && sales.levels[1].target == 3.75)
        #expect(close(sales.change?.closed, 0.5 / 1.75))
        #expect(sales.spread == nil && sales.best.isEmpty)
    }

    @Test func aDepartmentNobodyAnsweredThenHasNoChange() throws {
        let comparison = try SessionComparison(sessions: [then, now])
        let flow = try dimension(comparison, "stock", "flow")
        #expect(flow.levels[0] == .empty)
        #expect(flow.levels[1] == ComparedLevel(current: 2, target: 3.5, gap: 1.5, n: 2, itemsRated: 1))
        #expect(flow.change == LevelChange(current: nil, target: nil, closed: nil))
    }

    @Test func sharedDimensionsUseTheItemWeights() throws {
        let comparison = try SessionComparison(sessions: [then, now])
        // e (weight 1) then 1 → 3, f (weight 2) then 2 → 3: current 5/3, target 3, gap (2 + 2)/3.
        // Now e 3 → 3.5, f 3 → 4: current 3, target 11.5/3, gap 2.5/3. The whole old gap closed.
        let goals = try dimension(comparison, "shared", "goals")
        #expect(close(goals.levels[0].current, 5.0 / 3) && close(goals.levels[0].gap, 4.0 / 3))
        #expect(close(goals.levels[1].current, 3) && close(goals.levels[1].target, 11.5 / 3) && close(goals.levels[1].gap, 2.5 / 3))
        #expect(close(goals.change?.closed, 1))
        // Perception: then only sales rated (no gap); now sales 7/3, stock 11/3.
        let perception = try #require(comparison.perception.first)
        #expect(perception.gaps[0] == nil)
        #expect(close(perception.gaps[1], 4.0 / 3))
        #expect(perception.flagged == [false, false])
    }

    @Test func itemsThatMovedAWholeStageAndDisagreementsThatCameAndWent() throws {
        let comparison = try SessionComparison(sessions: [then, now])
        #expect(comparison.moved.map(\.item.rawValue) == ["shared.goals.e", "sales.people.a", "shared.goals.f"])
        #expect(comparison.moved.map(\.change) == [2, 1.5, 1])
        // c was rated 1 and 3 then (a disagreement), 2 and 1 now; e and f spread over 2..4 now.
        #expect(comparison.resolvedDisagreements == ["sales.tools.c"])
        #expect(comparison.newDisagreements == ["shared.goals.e", "shared.goals.f"])
    }

    @Test func branchesSideBySideShowTheSpreadAndTheBest() throws {
        let comparison = try SessionComparison(sessions: ComparisonFixture.branches)
        #expect(comparison.mode == .sideBySide)
        #expect(comparison.sessions.map(\.label) == ["Poland", "Sweden", "Italy"])
        #expect(comparison.reference == 0)
        // Italy has no stock module: it is listed, and only sales and shared are compared.
        #expect(comparison.modulesNotInAll == [Presence(id: "stock", sessions: [0, 1])])
        #expect(comparison.modules.map(\.module) == ["sales", "shared"])
        let people = try dimension(comparison, "sales", "people")
        #expect(people.levels.map(\.current) == [2, 3, 3])
        #expect(people.spread == 1 && people.best == [1, 2])
        #expect(people.change == nil)
        let tools = try dimension(comparison, "sales", "tools")
        #expect(tools.spread == 1 && tools.best == [0, 2])
        // Nobody answered the shared module: no spread, no best.
        let goals = try dimension(comparison, "shared", "goals")
        #expect(goals.spread == nil && goals.best.isEmpty)
        #expect(comparison.moved.isEmpty && comparison.newDisagreements.isEmpty)
    }

    @Test func sessionsInDateOrderWhenOverTimeIsAskedWithoutAChain() throws {
        let branches = ComparisonFixture.branches
        let comparison = try SessionComparison(sessions: [branches[1], branches[0]], mode: .overTime)
        #expect(comparison.sessions.map(\.label) == ["Poland", "Sweden"])
        let people = try dimension(comparison, "sales", "people")
        #expect(people.change == LevelChange(current: 1, target: 1, closed: 1))
    }

    @Test func theSameSessionTwiceTooFewAndNothingInCommonAreRefused() {
        #expect(throws: ComparisonError.sameSessionTwice(id: then.sessionID, labels: ["June", "June"])) {
            try SessionComparison(sessions: [then, then])
        }
        #expect(throws: ComparisonError.tooFew) { try SessionComparison(sessions: [then]) }
        let other = ComparisonFixture.session("Other", id: "s-00000000000000ff", date: "2026-01-01",
                                              [ComparisonFixture.thenModules[1]], [])
        let lone = ComparisonFixture.session("Lone", id: "s-00000000000000fe", date: "2026-01-02",
                                             ComparisonFixture.thenModules.filter { $0.id == "sales" }, [])
        #expect(throws: ComparisonError.noModuleInCommon) { try SessionComparison(sessions: [other, lone]) }
    }
}
