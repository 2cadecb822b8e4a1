import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import TerminalUI

/// The participant screens' parts that only an SSH connection shows: the resume code given
/// once, asked for when resuming, and the warning before an idle connection closes.
@Suite struct RemoteScreensTests {
    static let someone = ParticipantApp.NameInUse(id: ParticipantID(rawValue: "p-00000000000000aa")!, name: "Ala Nowak", department: "it",
                                                  answered: 3, openElsewhere: false)

    @Test func theResumeCodeStaysUntilEnter() {
        var app = makeApp(department: "it", language: .english)
        app.receive(.joined(record()))
        app.receive(.resumeCodeIssued("482-193"))
        #expect(app.render().flatText.contains("Your resume code is 482-193. Note it down now: it is shown only this once."))
        // A key meant for the questions does not sweep the code away unseen.
        #expect(app.press(.down, .character("q"), .escape).isEmpty)
        #expect(app.resumeCodeShown == "482-193" && !app.leaving)
        #expect(app.message == ParticipantStrings.english.resumeCodeKeys)
        _ = app.press(.enter)
        #expect(app.resumeCodeShown == nil)
        #expect(!app.render().flatText.contains("482-193"))
    }

    @Test func resumingAsksForTheCodeAndSendsWhatWasTyped() {
        var app = makeApp(department: "it", language: .english)
        _ = app.type("Ala Nowak")
        app.receive(.nameInUse(Self.someone))
        #expect(app.press(.character("y")) == [.resume(Self.someone.id)])
        app.receive(.resumeCodeNeeded)
        #expect(app.render().flatText.contains("type the resume code that was shown when Ala Nowak first joined"))
        // Enter on an empty field checks nothing.
        #expect(app.press(.enter).isEmpty)
        #expect(app.type("482 193") == [])
        #expect(app.press(.enter) == [.resumeWithCode(Self.someone.id, code: "482 193")])
        app.receive(.resumeRefused(.wrongCode(triesLeft: 2)))
        #expect(app.render().flatText.contains("That is not Ala Nowak's resume code: nothing was opened. Tries left before the answers lock: 2."))
        // The field is empty again for another try; Esc goes back to the name.
        #expect(app.press(.enter).isEmpty)
        _ = app.press(.escape)
        #expect(!app.render().flatText.contains("Resume code:"))
        #expect(app.screen == .join)
    }

    @Test func aLockedRecordSendsThePersonToTheFacilitator() {
        var app = makeApp(department: "it", language: .swedish)
        _ = app.type("Ala Nowak")
        app.receive(.nameInUse(Self.someone))
        _ = app.press(.character("j"))
        app.receive(.resumeCodeNeeded)
        app.receive(.resumeRefused(.locked))
        let text = app.render().flatText
        #expect(text.contains("För många felaktiga koder: svaren för Ala Nowak är låsta."))
        #expect(!text.contains("Återkomstkod:"))
        // Typing starts a name again.
        _ = app.type("Ola")
        #expect(text.contains("Ditt namn"))
    }

    @Test func anyKeyAnswersTheIdleWarningAndDoesNothingElse() {
        var app = makeApp(department: "it", language: .italian)
        app.receive(.joined(record(language: .italian)))
        app.receive(.idleWarning(secondsLeft: 299))
        #expect(app.render().flatText.contains("La connessione si chiude tra 4:59 se non preme un tasto."))
        #expect(app.press(.character("q")).isEmpty)
        #expect(app.idleSecondsLeft == nil && !app.leaving)
        #expect(app.press(.character("q")).isEmpty && app.leaving)
    }

    @Test func spansReadNaturally() {
        #expect(ParticipantApp.duration(299) == "4:59")
        #expect(ParticipantApp.duration(7200) == "2 h")
        #expect(ParticipantApp.duration(5400) == "1 h 30 min")
        #expect(ParticipantApp.duration(-5) == "0:00")
    }

    @Test func resumingOpensTheOverviewWhereTheyStopped() throws {
        var app = makeApp(department: "it", language: .english)
        let it = try #require(shippedModules.first { $0.id == "it" })
        // Every question of the first two dimensions answered, the third's first one last.
        var answers: [ItemID: Answer] = [:]
        for dimension in it.dimensions.prefix(2) {
            for item in dimension.items { answers[item.id] = Answer(.text("x")) }
        }
        var joined = record(answers: answers)
        let third = it.dimensions[2].items[0].id
        joined.answers[third] = StoredAnswer(answer: Answer(.text("x")), at: Timestamp(milliseconds: 1_900_000_000_000), revision: 1)
        app.receive(.joined(joined))
        #expect(app.overviewSelection == 2)
        // Nothing answered: the first dimension.
        var fresh = makeApp(department: "it", language: .english)
        fresh.receive(.joined(record()))
        #expect(fresh.overviewSelection == 0)
    }
}
