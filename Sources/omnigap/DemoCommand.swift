import ArgumentParser
import Foundation
import GapReport
import Questionnaire
import SessionStore

/// `omnigap demo`: a ready sample workshop.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open a ready sample workshop (a retailer going omnichannel) in the facilitator's console.",
        discussion: """
            Creates the session in DIR (a new folder in the system's temporary folder when none is \
            given) with simulated participants in every department, moves it to the review phase \
            with the results revealed, and records two goals. With --no-ui it prints the text \
            report instead. A DIR that already holds a session is opened as it is.
            """)

    @Argument(help: ArgumentHelp("Where to create the sample session.", valueName: "dir"))
    var directory: String?

    @Flag(name: .customLong("no-ui"), help: "Print the sample workshop's text report instead of opening the console.")
    var noUI = false

    @Option(name: .long, help: "The language: en, pl, sv or it.")
    var lang: Language = .english

    @Option(name: .long, help: "How many simulated participants.")
    var participants: Int = 24

    func validate() throws {
        guard (4...500).contains(participants) else { throw ValidationError("--participants must be 4 to 500") }
    }

    func run() throws {
        let folder = directory ?? (NSTemporaryDirectory() + "omnigap-demo-\(UUID().uuidString.prefix(8).lowercased())")
        let session: Session
        if FileManager.default.fileExists(atPath: folder + "/session.json") {
            session = try SessionArgument.open(folder)
        } else {
            session = try Self.create(at: folder, language: lang, participants: participants)
        }
        if noUI {
            print(TextReportRenderer.render(ReportBuilder.document(for: session, language: lang)), terminator: "")
            StandardError.write(["The sample workshop is in \(folder); open it with `omnigap facilitate \(folder)`."])
            return
        }
        try FacilitatorConsole.run(session, language: lang)
        print("The sample workshop is in \(folder). Open it again with `omnigap facilitate \(folder)`.")
    }

    /// Builds the sample: modules, participants, the review phase, revealed results, two goals.
    static func create(at folder: String, language: Language, participants: Int) throws -> Session {
        var source = ModuleSourceOptions()
        source.directory = nil
        let (_, report) = try source.load()
        let request = NewSessionRequest(title: "Nordic Home — going omnichannel", moduleIDs: Session.standardModules, language: language)
        return try storeOperation { () throws(SessionError) in
            let session = try Session.create(at: folder, request: request, moduleFiles: report.moduleFiles)
            let simulation = Simulation(session: session, seed: 2026)
            let now = Timestamp.now()
            for index in 0..<participants { _ = try session.merge(simulation.participant(index, at: now), durable: false) }
            try session.updateFacilitatorState { state in
                state.phaseIndex = min(1, session.settings.agenda.count - 1)
                state.phaseStarted = Timestamp(milliseconds: now.milliseconds - 6 * 60_000)
                state.revealed = true
                state.goals = [
                    Goal(id: "g-1", statement: "One stock view for the web shop and every store, updated within 15 minutes",
                         kpi: "Stock-sync latency", baseline: "24 h", target: "15 min", owner: "IT manager", due: "2027-06-30",
                         links: ["it.orders", "logistics.inventory"], created: now, updated: now),
                    Goal(id: "g-2", statement: "Online returns accepted in every store, back on sale within a day",
                         kpi: "Restock time", baseline: "6 days", target: "1 day", owner: "Head of logistics", due: "2027-03-31",
                         links: ["logistics.returns"], created: now, updated: now),
                ]
            }
            return session
        }
    }
}
