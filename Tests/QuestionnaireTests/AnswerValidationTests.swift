import Testing
@testable import Questionnaire

/// An answer is checked against its item before it is stored.
@Suite struct AnswerValidationTests {
    private func item(_ id: String) throws -> Item {
        try #require(try sampleModule().item(ItemID(id)))
    }

    private func problem(_ answer: Answer, for id: String) throws -> InvalidAnswer? {
        let item = try item(id)
        do throws(InvalidAnswer) {
            try item.validate(answer)
            return nil
        } catch {
            return error
        }
    }

    @Test func validAnswersPass() throws {
        #expect(try problem(Answer(.maturity(current: .value(1), target: .value(4)), importance: 3, comment: "Zażółć gęślą jaźń"),
                            for: "sample.first.owner") == nil)
        #expect(try problem(Answer(.maturity(current: .dontKnow, target: nil)), for: "sample.first.owner") == nil)
        #expect(try problem(Answer(.choice(.value(["planned"]))), for: "sample.first.marketplaces") == nil)
        #expect(try problem(Answer(.choice(.value(["allegro", "amazon"]))), for: "sample.first.which") == nil)
        #expect(try problem(Answer(.choice(.value([]))), for: "sample.first.which") == nil, "none of these, on a multiple choice")
        #expect(try problem(Answer(.number(current: .value(0), target: .value(100))), for: "sample.first.share") == nil)
        #expect(try problem(Answer(.text("Nothing to add.")), for: "sample.first.notes") == nil)
    }

    @Test func stagesMustBeOnTheScale() throws {
        #expect(try problem(Answer(.maturity(current: .value(0), target: nil)), for: "sample.first.owner")
                == .stageOutOfRange(item: "sample.first.owner", side: .current, value: 0))
        #expect(try problem(Answer(.maturity(current: .value(2), target: .value(5))), for: "sample.first.owner")
                == .stageOutOfRange(item: "sample.first.owner", side: .target, value: 5))
    }

    @Test func importanceMustBeOneToThree() throws {
        #expect(try problem(Answer(.maturity(current: .value(2), target: nil), importance: 4), for: "sample.first.owner")
                == .importanceOutOfRange(item: "sample.first.owner", value: 4))
    }

    @Test func optionsMustExist() throws {
        let error = try problem(Answer(.choice(.value(["maybe"]))), for: "sample.first.marketplaces")
        #expect(error == .unknownOption(item: "sample.first.marketplaces", option: "maybe", known: ["yes", "no", "planned"]))
        #expect(error?.description == #"sample.first.marketplaces has no option "maybe"; its options are yes, no, planned"#)
    }

    @Test func singleChoiceTakesExactlyOne() throws {
        #expect(try problem(Answer(.choice(.value(["yes", "no"]))), for: "sample.first.marketplaces")
                == .singleChoiceNeedsOne(item: "sample.first.marketplaces", count: 2))
        #expect(try problem(Answer(.choice(.value(["amazon", "amazon"]))), for: "sample.first.which")
                == .repeatedOption(item: "sample.first.which", option: "amazon"))
    }

    @Test func numbersMustBeWithinBounds() throws {
        let error = try problem(Answer(.number(current: .value(50), target: .value(120))), for: "sample.first.share")
        #expect(error == .numberOutOfBounds(item: "sample.first.share", side: .target, value: 120, minimum: 0, maximum: 100))
        #expect(error?.description == "sample.first.share: the target value 120 is outside the range 0 to 100")
        #expect(try problem(Answer(.number(current: .value(-1), target: nil)), for: "sample.first.share") != nil)
        #expect(try problem(Answer(.number(current: .value(.nan), target: nil)), for: "sample.first.share") != nil)
        #expect(try problem(Answer(.number(current: .value(.infinity), target: nil)), for: "sample.first.share") != nil)
    }

    @Test func theKindMustMatch() throws {
        #expect(try problem(Answer(.text("3")), for: "sample.first.owner")
                == .wrongKind(item: "sample.first.owner", expected: "maturity", got: "text"))
    }

    @Test func textsHaveALengthLimit() throws {
        let long = String(repeating: "ą", count: Item.maximumTextLength + 1)
        #expect(try problem(Answer(.text(long)), for: "sample.first.notes")
                == .textTooLong(item: "sample.first.notes", length: Item.maximumTextLength + 1, limit: Item.maximumTextLength))
        #expect(try problem(Answer(.text("ok"), comment: long), for: "sample.first.notes") != nil)
    }

    @Test func answeredMeansTheMainQuestionHasAnAnswer() {
        #expect(Answer(.maturity(current: .value(2), target: nil)).isAnswered)
        #expect(Answer(.maturity(current: .dontKnow, target: nil)).isAnswered)
        #expect(!Answer(.maturity(current: nil, target: .value(3))).isAnswered)
        #expect(!Answer(.text("   ")).isAnswered)
        #expect(Answer(.choice(.dontKnow)).isAnswered)
    }
}
