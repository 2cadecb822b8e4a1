import Questionnaire
import Testing
import TerminalUI

/// Every translation of the screens' words carries the same "{name}" placeholders as English.
@Suite struct PlaceholderTests {
    @Test func participantScreens() {
        #expect(ParticipantStrings.placeholderMismatches() == [])
    }

    @Test func facilitatorConsole() {
        #expect(FacilitatorStrings.placeholderMismatches() == [])
    }
}
