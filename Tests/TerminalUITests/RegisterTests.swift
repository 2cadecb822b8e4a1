import Questionnaire
import Testing
import TerminalUI
import TestSupport

/// The screens speak the register docs/glossary.md chose: Polish impersonal forms and Italian
/// "Lei", never "ty" or "tu", in every word a participant or facilitator reads.
@Suite struct ScreenRegisterTests {
    @Test func participantScreens() {
        #expect(Self.problems(ParticipantStrings.self) == [])
    }

    @Test func facilitatorConsole() {
        #expect(Self.problems(FacilitatorStrings.self) == [])
    }

    @Test func problemMessages() {
        #expect(Self.problems(ProblemStrings.self) == [])
    }

    static func problems<Words: InterfaceWords>(_ words: Words.Type) -> [String] {
        Language.allCases.flatMap { language in
            Words.texts(in: language).flatMap { field, text in
                Glossary.shipped.banned(in: [language.rawValue: text], context: "\(Words.self).\(language.rawValue).\(field)")
            }
        }
    }
}
