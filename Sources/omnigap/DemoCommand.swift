import ArgumentParser
import Basics
import Foundation
import GapReport
import Questionnaire
import SessionModel
import SessionStore
import Workshop

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
            print(TextReportRenderer.render(session.reportDocument(language: lang)), terminator: "")
            StandardError.write(["The sample workshop is in \(Invocation.quoted(folder)); open it with `\(Invocation.command("facilitate", folder))`."])
            return
        }
        try FacilitateCommand.run(session, language: lang)
        print("The sample workshop is in \(Invocation.quoted(folder)). Open it again with `\(Invocation.command("facilitate", folder))`.")
    }

    /// Builds the sample: modules, participants, the review phase, revealed results, two goals.
    static func create(at folder: String, language: Language, participants: Int) throws -> Session {
        var source = ModuleSourceOptions()
        source.directory = nil
        let (_, report) = try source.load()
        let words = DemoWords.forLanguage(language)
        let request = NewSessionRequest(title: words.title, moduleIDs: report.catalog.standardSelection.moduleIDs, language: language)
        return try storeOperation { () throws(SessionError) in
            let session = try Session.create(at: folder, request: request, moduleFiles: report.moduleFiles)
            // A fixed company: the demo's results, report and printed pages are the same on every run.
            let simulation = Simulation(session: session, seed: 2026, company: "nordic-home")
            let now = Timestamp.now()
            for index in 0..<participants { _ = try session.merge(simulation.participant(index, at: now), durable: false) }
            // The workshop as a room would leave it: past answering, results revealed, two goals.
            let started = Timestamp(milliseconds: now.milliseconds - 6 * 60_000)
            try session.advancePhase(from: nil, at: started)
            try session.advancePhase(from: 0, at: started)
            try session.reveal(session.reportDocument(language: language).scores)
            try session.saveGoal(GoalDraft(statement: words.stockGoal, kpi: words.stockKPI, baseline: "24 h", target: "15 min",
                                           owner: words.stockOwner, due: "2027-06-30", links: ["it.orders", "logistics.inventory"]), at: now)
            try session.saveGoal(GoalDraft(statement: words.returnsGoal, kpi: words.returnsKPI, baseline: words.returnsBaseline,
                                           target: words.returnsTarget, owner: words.returnsOwner, due: "2027-03-31",
                                           links: ["logistics.returns", "stores.returns"]), at: now)
            return session
        }
    }
}

/// The sample workshop's own texts (its title and the two goals the room agreed), in the
/// language the demo runs in, so a Polish demo reads as a Polish workshop would.
struct DemoWords: InterfaceWords {
    var title: String
    var stockGoal: String
    var stockKPI: String
    var stockOwner: String
    var returnsGoal: String
    var returnsKPI: String
    var returnsBaseline: String
    var returnsTarget: String
    var returnsOwner: String

    static let english = DemoWords(
        title: "Nordic Home — going omnichannel",
        stockGoal: "One stock view for the web shop and every store, updated within 15 minutes", stockKPI: "Stock-sync latency",
        stockOwner: "IT manager",
        returnsGoal: "Online returns accepted in every store, back on sale within a day", returnsKPI: "Restock time",
        returnsBaseline: "6 days", returnsTarget: "1 day", returnsOwner: "Head of logistics")

    static let polish = DemoWords(
        title: "Nordic Home — droga do omnichannel",
        stockGoal: "Jeden widok stanów magazynowych dla sklepu internetowego i każdego salonu, aktualizowany w ciągu 15 minut",
        stockKPI: "Opóźnienie synchronizacji stanów", stockOwner: "Kierownik IT",
        returnsGoal: "Zwroty z zakupów online przyjmowane w każdym salonie i z powrotem w sprzedaży w ciągu doby",
        returnsKPI: "Czas powrotu towaru do sprzedaży", returnsBaseline: "6 dni", returnsTarget: "1 dzień", returnsOwner: "Kierownik logistyki")

    static let swedish = DemoWords(
        title: "Nordic Home — på väg mot omnikanal",
        stockGoal: "En gemensam lagerbild för webbutiken och varje butik, uppdaterad inom 15 minuter",
        stockKPI: "Fördröjning i lagersynkroniseringen", stockOwner: "IT-chef",
        returnsGoal: "Returer av webbköp tas emot i alla butiker och är till salu igen inom ett dygn",
        returnsKPI: "Tid tills varan är säljbar igen", returnsBaseline: "6 dagar", returnsTarget: "1 dag", returnsOwner: "Logistikchef")

    static let italian = DemoWords(
        title: "Nordic Home — verso l'omnicanalità",
        stockGoal: "Un'unica vista delle giacenze per il sito e per ogni punto vendita, aggiornata entro 15 minuti",
        stockKPI: "Ritardo di sincronizzazione delle giacenze", stockOwner: "Responsabile IT",
        returnsGoal: "Resi degli acquisti online accettati in ogni punto vendita e di nuovo in vendita entro un giorno",
        returnsKPI: "Tempo di rimessa in vendita", returnsBaseline: "6 giorni", returnsTarget: "1 giorno", returnsOwner: "Responsabile logistica")
}
