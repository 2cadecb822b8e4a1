import Basics
import Foundation
import GapReport
import Questionnaire
import SessionModel
import SessionStore
import Testing

/// A session keeps the edition of the modules it was created with: a workshop run on the first
/// edition still opens, scores and reports after the modules moved on. The fixture is a real
/// session folder written by the first edition's `omnigap new` and `simulate` (eight
/// participants over four departments, in four languages).
@Suite struct EditionTests {
    /// A copy of the fixture in a scratch folder, so that nothing a test does touches the
    /// repository's copy.
    static func editionOneSession(_ name: String = #function) throws -> Session {
        let copy = NSTemporaryDirectory() + "omnigap-edition-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: packageRoot + "/Tests/Fixtures/edition-1-session", toPath: copy)
        return try Session.open(copy, moduleCache: nil)
    }

    @Test func aFirstEditionSessionOpensWithItsOwnModules() throws {
        let session = try Self.editionOneSession()
        #expect(session.settings.modules.map(\.version) == ["1.0", "1.0", "1.0", "1.0", "1.0"])
        #expect(session.settings.departments == ["ecommerce", "it", "customer-service", "logistics"])
        // Items the second edition dropped are still there to answer and score.
        #expect(session.catalog.item("it.orders.stock") != nil)
        #expect(session.catalog.item("customer-service.customer-view.history") != nil)
        #expect(session.catalog.module("stores") == nil)
        let snapshot = session.load()
        #expect(snapshot.problems.isEmpty)
        #expect(snapshot.participants.count == 8)
    }

    @Test func aFirstEditionSessionScoresAndReportsInEveryFormat() throws {
        let session = try Self.editionOneSession()
        let document = session.reportDocument(language: .english)
        #expect(document.skipped.isEmpty)
        #expect(document.participantCount == 8)
        #expect(document.scores.overall.current != nil)
        #expect(document.scores.departments == ["ecommerce", "it", "customer-service", "logistics"])
        let text = ReportFormat.text.render(document)
        #expect(text.contains("Edition 1 workshop (fixture)"))
        #expect(text.contains("The agent's view of the customer"))  // a first-edition dimension
        for format in ReportFormat.allCases {
            #expect(!format.render(document).isEmpty, "\(format)")
        }
        let polish = ReportFormat.text.render(session.reportDocument(language: .polish))
        #expect(polish.contains("Obsługa klienta"))
    }
}

/// `new --optional` and `--no-importance`: the facilitator fits the questionnaire to the room.
@Suite struct AnsweringChoicesTests {
    /// The first edition's frozen modules, as module files for a new session.
    static let editionOneFiles: [String: String] = {
        let folder = packageRoot + "/Tests/Fixtures/edition-1-session/modules"
        return ModuleLoader.load(paths: [folder]).moduleFiles
    }()

    static func session(_ choices: AnsweringChoices, name: String = #function) throws -> Session {
        let folder = NSTemporaryDirectory() + "omnigap-choices-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))/session"
        let request = NewSessionRequest(title: "Choices", moduleIDs: ["ecommerce", "logistics", "omnichannel"], answering: choices)
        return try Session.create(at: folder, request: request, moduleFiles: editionOneFiles, at: testTime)
    }

    @Test func optionalItemsDimensionsAndModulesAreMarkedAndKept() throws {
        let session = try Self.session(AnsweringChoices(
            optional: ["ecommerce.analytics", "logistics.returns.return-rate", "omnichannel", "ecommerce.analytics"],
            withoutImportance: ["logistics"]))
        // Named twice, kept once; written to session.json and read back.
        #expect(session.settings.answering.optional == ["ecommerce.analytics", "logistics.returns.return-rate", "omnichannel"])
        let reopened = try Session.open(session.paths.root, moduleCache: nil)
        #expect(reopened.settings.answering == session.settings.answering)
        let catalog = reopened.catalog
        #expect(catalog.item("ecommerce.analytics.use")?.isOptional == true)
        #expect(catalog.item("ecommerce.analytics.online-share")?.isOptional == true)
        #expect(catalog.item("ecommerce.ownership.owner")?.isOptional == false)
        #expect(catalog.item("logistics.returns.return-rate")?.isOptional == true)
        #expect(catalog.item("logistics.returns.restock")?.isOptional == false)
        #expect(catalog.module("omnichannel")?.items.allSatisfy(\.isOptional) == true)
        #expect(catalog.module("logistics")?.asksImportance == false)
        #expect(catalog.module("ecommerce")?.asksImportance == true)
        // The frozen files are the module authors' bytes: the choices live in session.json.
        let frozen = try String(contentsOfFile: session.paths.root + "/modules/ecommerce.yaml", encoding: .utf8)
        let original = try String(contentsOfFile: Self.editionOneFiles["ecommerce"]!, encoding: .utf8)
        #expect(frozen == original)
    }

    @Test func progressLeavesOptionalItemsOut() throws {
        let plain = try Self.session(.none)
        let choices = try Self.session(AnsweringChoices(optional: ["omnichannel", "ecommerce.analytics"]))
        let answers: [ItemID: Answer] = [:]
        func required(_ session: Session) -> Int {
            session.modules(for: "ecommerce").flatMap { $0.visibleItems(given: answers) }.filter { !$0.isOptional }.count
        }
        let record = try choices.join(name: "Anna", department: "ecommerce", language: .english, at: testTime).record
        let progress = choices.progress(of: record)
        #expect(progress.visible == required(choices))
        #expect(progress.visible < required(plain))
        let analytics = choices.catalog.module("ecommerce")!.dimension("analytics")!.items.filter { $0.condition == nil }.count
        let shared = choices.catalog.module("omnichannel")!.items.filter { $0.condition == nil }.count
        #expect(required(plain) - required(choices) == analytics + shared)
        // The scan the console uses counts the same way.
        let scanned = choices.scanProgress().participants.first { $0.id == record.id }?.progress
        #expect(scanned?.visible == progress.visible)
        #expect(scanned?.answered == 0)
    }

    @Test func anIdThatNamesNothingIsRefusedWithTheClosestOne() throws {
        #expect(throws: SessionError.self) { try Self.session(AnsweringChoices(optional: ["ecommerce.analytic"])) }
        do {
            _ = try Self.session(AnsweringChoices(optional: ["ecommerce.analytic"], withoutImportance: ["logistcs"]))
            Issue.record("created a session with unknown ids")
        } catch {
            let message = "\(error)"
            #expect(message.contains("--optional ecommerce.analytic: no item, dimension or module of this session has that id (did you mean ecommerce.analytics?)"))
            #expect(message.contains("--no-importance logistcs: no module of this session has that id (did you mean logistics?)"))
        }
        // A department left out of the session is not one of its ids.
        #expect(throws: SessionError.self) { try Self.session(AnsweringChoices(withoutImportance: ["it"])) }
    }
}
