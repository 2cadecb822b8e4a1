import Testing
@testable import Questionnaire

/// The one reader of typed numbers: what `record` and the participant screen accept.
@Suite struct NumberInputTests {
    @Test func numbersWithAPointOrACommaAndASign() {
        let cases: [(String, Double)] = [
            ("42", 42), ("99.5", 99.5), ("99,5", 99.5), ("-4", -4), ("-4,25", -4.25), ("+3", 3), ("\u{2212}7", -7),
            ("  12  ", 12), ("\t-0.5\n", -0.5), (".5", 0.5), (",5", 0.5), ("5.", 5), ("007", 7), ("-0", 0), ("1,000", 1),
        ]
        for (text, value) in cases {
            #expect(NumberInput(parsing: text) == .value(value), "\(text)")
        }
        if case .value(let zero)? = NumberInput(parsing: "-0") { #expect(zero.sign == .plus, "no negative zero is stored") }
    }

    @Test func dontKnowInEveryWayItIsWritten() {
        for text in ["?", "dk", "DK", " Dk ", "dont-know", "Don't know", "don’t know"] {
            #expect(NumberInput(parsing: text) == .dontKnow, "\(text)")
            #expect(NumberInput.meansDontKnow(text), "\(text)")
        }
        #expect(!NumberInput.meansDontKnow("d"))
        #expect(!NumberInput.meansDontKnow("4"))
    }

    @Test func blankIsNoValue() {
        #expect(NumberInput(parsing: "") == .blank)
        #expect(NumberInput(parsing: "   ") == .blank)
        #expect(NumberInput.blank.rated == nil)
        #expect(NumberInput.dontKnow.rated == .dontKnow)
        #expect(NumberInput.value(-4).rated == .value(-4))
    }

    @Test func junkAndWhatIsNotFiniteAreRefused() {
        let junk = ["0 0 1", "1.2.3", "1,2,3", "1.000,5", "--4", "-", "+", ".", ",", "4-", "1e3", "0x10", "inf", "-inf",
                    "nan", "infinity", "12abc", "abc", "٣", "1 000", String(repeating: "9", count: 400), "- 4", "dk4"]
        for text in junk {
            #expect(NumberInput(parsing: text) == nil, "\(text)")
        }
    }
}
