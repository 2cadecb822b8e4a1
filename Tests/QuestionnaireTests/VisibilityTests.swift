import Testing
@testable import Questionnaire

/// Skip logic: which items a participant is asked, given their answers.
@Suite struct VisibilityTests {
    private func visible(_ answers: [ItemID: Answer]) throws -> [String] {
        try sampleModule().visibleItems(given: answers).map { String($0.id.rawValue.dropFirst("sample.first.".count)) }
    }

    private func chose(_ options: String...) -> Answer { Answer(.choice(.value(options))) }
    private func share(_ value: Double) -> Answer { Answer(.number(current: .value(value), target: nil)) }
    private func owner(_ stage: Int) -> Answer { Answer(.maturity(current: .value(stage), target: .value(4))) }

    @Test func withNoAnswersOnlyUnconditionalItemsShow() throws {
        #expect(try visible([:]) == ["owner", "marketplaces", "notes"])
    }

    @Test func choosingTheOptionShowsTheDependentItem() throws {
        #expect(try visible(["sample.first.marketplaces": chose("yes")]) == ["owner", "marketplaces", "share", "notes"])
        #expect(try visible(["sample.first.marketplaces": chose("no")]) == ["owner", "marketplaces", "notes"])
    }

    @Test func chainsFollowTheirParent() throws {
        let answers: [ItemID: Answer] = ["sample.first.marketplaces": chose("yes"), "sample.first.share": share(25)]
        #expect(try visible(answers) == ["owner", "marketplaces", "share", "which", "notes"])
        // Changing the first answer hides the whole chain, even though the share answer remains.
        var changed = answers
        changed["sample.first.marketplaces"] = chose("planned")
        #expect(try visible(changed) == ["owner", "marketplaces", "notes"])
    }

    @Test func numberBoundsAreInclusive() throws {
        #expect(try visible(["sample.first.marketplaces": chose("yes"), "sample.first.share": share(10)]).contains("which"))
        #expect(try !visible(["sample.first.marketplaces": chose("yes"), "sample.first.share": share(9.5)]).contains("which"))
    }

    @Test func maturityConditionReadsTheCurrentStage() throws {
        #expect(try visible(["sample.first.owner": owner(3)]).contains("advanced"))
        #expect(try visible(["sample.first.owner": owner(4)]).contains("advanced"))
        #expect(try !visible(["sample.first.owner": owner(2)]).contains("advanced"))
    }

    @Test func dontKnowNeverSatisfiesACondition() throws {
        #expect(try visible(["sample.first.marketplaces": Answer(.choice(.dontKnow))]) == ["owner", "marketplaces", "notes"])
        let unsure = Answer(.maturity(current: .dontKnow, target: .value(4)))
        #expect(try !visible(["sample.first.owner": unsure]).contains("advanced"))
    }

    @Test func anAnswerOfTheWrongKindNeverSatisfiesACondition() throws {
        #expect(try visible(["sample.first.marketplaces": Answer(.text("yes"))]) == ["owner", "marketplaces", "notes"])
    }

    @Test func anyOfMatchesAnyListedOption() {
        let condition = Condition(itemID: "x", test: .anyOf(["yes", "planned"]))
        #expect(condition.isSatisfied(by: chose("planned")))
        #expect(condition.isSatisfied(by: chose("no", "yes")))
        #expect(!condition.isSatisfied(by: chose("no")))
        #expect(!condition.isSatisfied(by: nil))
    }

    @Test func loadedConditionsKeepTheirTests() throws {
        let module = try sampleModule()
        #expect(module.item("sample.first.share")?.condition == Condition(itemID: "sample.first.marketplaces", test: .isOption("yes")))
        #expect(module.item("sample.first.which")?.condition == Condition(itemID: "sample.first.share", test: .atLeast(10)))
        #expect(module.item("sample.first.advanced")?.condition == Condition(itemID: "sample.first.owner", test: .atLeast(3)))
        #expect(module.item("sample.first.notes")?.condition == nil)
    }
}
