import Questionnaire
import SessionModel
import Testing
@testable import TerminalUI

@Suite struct ProblemStringsTests {
    /// Each kind of store error is framed in the screen's language; only its technical detail
    /// (a path, the system's reason) is kept as it came.
    @Test func storeErrorsAreSaidInTheScreensLanguage() {
        let io = SessionError.io(path: "/ws/facilitator.json", reason: "No space left on device")
        #expect(ProblemStrings.polish.describe(io) == "Nie udało się zapisać (/ws/facilitator.json: No space left on device). Nic nie zginęło; można spróbować ponownie.")
        #expect(ProblemStrings.italian.describe(SessionError.outdated("moved on")) == "Un'altra console ha già fatto avanzare il workshop; non è cambiato nulla.")
        #expect(ProblemStrings.swedish.describe(SessionError.refused("x")).hasPrefix("Inte utfört: "))
        for language in Language.allCases {
            let words = ProblemStrings.forLanguage(language)
            #expect(!words.describe(SessionError.damaged(SessionProblem(path: "facilitator.json", problem: .empty))).contains("{"))
        }
        #expect(ProblemStrings.placeholderMismatches().isEmpty)
    }
}
