import Questionnaire
import Testing
import TerminalUI
import TestSupport

/// The screens speak the register docs/glossary.md chose: Polish impersonal forms and Italian
/// "Lei", never "ty" or "tu", in every word a participant or facilitator reads.
@Suite struct ScreenRegisterTests {
    @Test func participantScreens() {
        #expect(Glossary.shipped.registerProblems(ParticipantStrings.self) == [])
    }

    @Test func facilitatorConsole() {
        #expect(Glossary.shipped.registerProblems(FacilitatorStrings.self) == [])
    }

    @Test func problemMessages() {
        #expect(Glossary.shipped.registerProblems(ProblemStrings.self) == [])
    }
}
