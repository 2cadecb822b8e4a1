import Basics
import Testing
@testable import SessionStore

@Suite struct TimestampTests {
    @Test func theEpochAndAKnownMomentPrintAsISO() {
        #expect(Timestamp(milliseconds: 0).description == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(milliseconds: 1_795_459_212_345).description == "2026-11-23T18:40:12.345Z")
    }

    @Test func printingAndParsingRoundTrip() {
        var random = SeededGenerator(seed: 1)
        for _ in 0..<2000 {
            let moment = Timestamp(milliseconds: Int64(random.next() % 8_000_000_000_000))
            #expect(Timestamp(iso: moment.description) == moment)
        }
    }

    @Test func malformedTimesAreRejected() {
        for text in ["", "2026-11-23", "2026-02-30T00:00:00.000Z", "2026-11-23T24:00:00.000Z", "2026-11-23T18:40:12.345",
                     "2026-11-23 18:40:12.345Z", "2026-13-01T00:00:00.000Z", "２０２６-11-23T18:40:12.345Z"] {
            #expect(Timestamp(iso: text) == nil, "\(text)")
        }
        #expect(Timestamp(iso: "2024-02-29T00:00:00Z") != nil)
    }
}
