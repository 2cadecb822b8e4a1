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
            A follow-up workshop six months after a first one. The first (the baseline) goes in \
            DIR-baseline, dated six months back, with its participants and the three goals it \
            agreed. The follow-up goes in DIR (a new folder in the system's temporary folder when \
            none is given): simulated participants in every department, some dimensions moved on \
            and one gone back, the baseline's goals under review (one done, one on track, one \
            late), moved to the review phase with the results revealed. The console opens on it; \
            its results' "Since last time" view tells the story. With --no-ui it prints the follow-up's \
            text report instead. A DIR that already holds a session is opened as it is. Compare \
            the two with `omnigap compare DIR-baseline DIR`.
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
        if let follows = session.settings.follows {
            let baseline = FileSystem.absolute(session.paths.root + "/" + follows.folder)
            StandardError.write(["The baseline workshop of \(follows.date) is in \(Invocation.quoted(baseline)); compare the two with "
                + "`\(Invocation.command("compare", baseline, folder))`."])
        }
        if noUI {
            print(TextReportRenderer.render(session.reportDocument(language: lang)), terminator: "")
            StandardError.write(["The sample workshop is in \(Invocation.quoted(folder)); open it with `\(Invocation.command("facilitate", folder))`."])
            return
        }
        try FacilitateCommand.run(session, language: lang)
        print("The sample workshop is in \(Invocation.quoted(folder)). Open it again with `\(Invocation.command("facilitate", folder))`.")
    }

    /// Half a year, in milliseconds: how long before the follow-up the baseline took place.
    static let sixMonths: Int64 = 182 * 24 * 3_600_000

    /// Where the company moved between the two workshops, in stages: the goals' areas moved on
    /// (stock and orders, click and collect, most of all), returns less than planned, customer
    /// service's channels went back, and everything else crept up a little. The same people
    /// answer both workshops (the same seed), so the change is the company's, not the sample's.
    static let progress: [String: Double] = [
        "it.orders": 1.3, "it.integration": 0.8, "logistics.inventory": 1.0, "stores.orders": 1.2, "omnichannel.customer": 0.6,
        "omnichannel.governance": 0.8, "logistics.returns": 0.4, "stores.returns": 0.3, "ecommerce.analytics": 0.5,
        "customer-service.channels": -0.9, "*": 0.15,
    ]

    /// Builds the sample: the baseline six months back with its goals, then the follow-up with
    /// its participants, the review phase, revealed results and the goals reviewed.
    static func create(at folder: String, language: Language, participants: Int) throws -> Session {
        var source = ModuleSourceOptions()
        source.directory = nil
        let (_, report) = try source.load()
        let words = DemoWords.forLanguage(language)
        let modules = report.catalog.standardSelection.moduleIDs
        let now = Timestamp.now()
        let then = Timestamp(milliseconds: now.milliseconds - sixMonths)
        // "ws/" and "ws" are one folder: the baseline goes beside it, never inside.
        var trimmed = folder
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let baselineFolder = trimmed + "-baseline"
        return try storeOperation { () throws(SessionError) in
            // The first workshop, as the room left it six months ago: results revealed, three goals.
            let baseline = try Session.create(at: baselineFolder, request: NewSessionRequest(
                title: words.baselineTitle, moduleIDs: modules, language: language, date: then.date), moduleFiles: report.moduleFiles, at: then)
            try simulate(baseline, Simulation(session: baseline, seed: 2026, company: "nordic-home"), participants: participants, at: then)
            try baseline.reveal(baseline.reportDocument(language: language).scores)
            let goals = [
                try baseline.saveGoal(GoalDraft(statement: words.stockGoal, kpi: words.stockKPI, baseline: "24 h", target: "15 min",
                                                owner: words.stockOwner, due: "2027-06-30", links: ["it.orders", "logistics.inventory"]), at: then),
                try baseline.saveGoal(GoalDraft(statement: words.returnsGoal, kpi: words.returnsKPI, baseline: words.returnsBaseline,
                                                target: words.returnsTarget, owner: words.returnsOwner, due: "2026-10-31",
                                                links: ["logistics.returns", "stores.returns"]), at: then),
                try baseline.saveGoal(GoalDraft(statement: words.collectGoal, kpi: words.collectKPI, baseline: words.collectBaseline,
                                                target: words.collectTarget, owner: words.collectOwner, due: "2026-11-30",
                                                links: ["stores.orders"]), at: then),
            ]
            try baseline.advancePhase(from: nil, at: then)
            try baseline.advancePhase(from: 0, at: then)

            // The follow-up: the same company six months on, with the baseline's goals to review.
            let session = try Session.create(at: folder, request: NewSessionRequest(
                title: words.title, moduleIDs: modules, language: language, followUp: baselineFolder), moduleFiles: report.moduleFiles, at: now)
            // A fixed company: the demo's results, report and printed pages are the same on every run.
            try simulate(session, Simulation(session: session, seed: 2026, company: "nordic-home", progress: progress),
                         participants: participants, at: now)
            // The workshop as a room would leave it: past answering, results revealed, goals reviewed.
            let started = Timestamp(milliseconds: now.milliseconds - 6 * 60_000)
            try session.advancePhase(from: nil, at: started)
            try session.advancePhase(from: 0, at: started)
            try session.reveal(session.reportDocument(language: language).scores)
            try session.reviewGoal(id: goals[0].id, actual: "40 min", status: .onTrack, note: words.stockNote, at: now)
            try session.reviewGoal(id: goals[1].id, actual: words.returnsActual, status: .late, note: words.returnsNote, at: now)
            try session.reviewGoal(id: goals[2].id, actual: words.collectActual, status: .done, note: "", at: now)
            return session
        }
    }

    private static func simulate(_ session: Session, _ simulation: Simulation, participants: Int, at time: Timestamp) throws(SessionError) {
        for index in 0..<participants { _ = try session.merge(simulation.participant(index, at: time), durable: false) }
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
    var baselineTitle: String
    var collectGoal: String
    var collectKPI: String
    var collectBaseline: String
    var collectTarget: String
    var collectOwner: String
    var stockNote: String
    var returnsActual: String
    var returnsNote: String
    var collectActual: String

    static let english = DemoWords(
        title: "Nordic Home — going omnichannel",
        stockGoal: "One stock view for the web shop and every store, updated within 15 minutes", stockKPI: "Stock-sync latency",
        stockOwner: "IT manager",
        returnsGoal: "Online returns accepted in every store, back on sale within a day", returnsKPI: "Restock time",
        returnsBaseline: "6 days", returnsTarget: "1 day", returnsOwner: "Head of logistics",
        baselineTitle: "Nordic Home — first omnichannel workshop",
        collectGoal: "Click and collect in every store, ready within two hours", collectKPI: "Stores offering click and collect",
        collectBaseline: "3 of 12", collectTarget: "12 of 12", collectOwner: "Head of stores",
        stockNote: "The web shop and 9 of 12 stores are synced; the last three move in the spring.",
        returnsActual: "3 days", returnsNote: "Two stores still send online returns to the warehouse.", collectActual: "12 of 12")

    static let polish = DemoWords(
        title: "Nordic Home — droga do omnichannel",
        stockGoal: "Jeden widok stanów magazynowych dla sklepu internetowego i każdego salonu, aktualizowany w ciągu 15 minut",
        stockKPI: "Opóźnienie synchronizacji stanów", stockOwner: "Kierownik IT",
        returnsGoal: "Zwroty z zakupów online przyjmowane w każdym salonie i z powrotem w sprzedaży w ciągu doby",
        returnsKPI: "Czas powrotu towaru do sprzedaży", returnsBaseline: "6 dni", returnsTarget: "1 dzień", returnsOwner: "Kierownik logistyki",
        baselineTitle: "Nordic Home — pierwsze warsztaty omnichannel",
        collectGoal: "Click and collect w każdym salonie, zamówienie gotowe w ciągu dwóch godzin",
        collectKPI: "Salony z usługą click and collect", collectBaseline: "3 z 12", collectTarget: "12 z 12", collectOwner: "Kierownik sieci salonów",
        stockNote: "Sklep internetowy i 9 z 12 salonów są zsynchronizowane; ostatnie trzy dołączą wiosną.",
        returnsActual: "3 dni", returnsNote: "Dwa salony wciąż odsyłają zwroty z zakupów online do magazynu.", collectActual: "12 z 12")

    static let swedish = DemoWords(
        title: "Nordic Home — på väg mot omnikanal",
        stockGoal: "En gemensam lagerbild för webbutiken och varje butik, uppdaterad inom 15 minuter",
        stockKPI: "Fördröjning i lagersynkroniseringen", stockOwner: "IT-chef",
        returnsGoal: "Returer av webbköp tas emot i alla butiker och är till salu igen inom ett dygn",
        returnsKPI: "Tid tills varan är säljbar igen", returnsBaseline: "6 dagar", returnsTarget: "1 dag", returnsOwner: "Logistikchef",
        baselineTitle: "Nordic Home — första workshopen om omnikanal",
        collectGoal: "Klicka och hämta i alla butiker, klart inom två timmar", collectKPI: "Butiker som erbjuder klicka och hämta",
        collectBaseline: "3 av 12", collectTarget: "12 av 12", collectOwner: "Butikschef",
        stockNote: "Webbutiken och 9 av 12 butiker är synkade; de tre sista följer i vår.",
        returnsActual: "3 dagar", returnsNote: "Två butiker skickar fortfarande webbreturer till lagret.", collectActual: "12 av 12")

    static let italian = DemoWords(
        title: "Nordic Home — verso l'omnicanalità",
        stockGoal: "Un'unica vista delle giacenze per il sito e per ogni punto vendita, aggiornata entro 15 minuti",
        stockKPI: "Ritardo di sincronizzazione delle giacenze", stockOwner: "Responsabile IT",
        returnsGoal: "Resi degli acquisti online accettati in ogni punto vendita e di nuovo in vendita entro un giorno",
        returnsKPI: "Tempo di rimessa in vendita", returnsBaseline: "6 giorni", returnsTarget: "1 giorno", returnsOwner: "Responsabile logistica",
        baselineTitle: "Nordic Home — primo workshop omnicanale",
        collectGoal: "Click and collect in ogni punto vendita, ordine pronto entro due ore", collectKPI: "Punti vendita con click and collect",
        collectBaseline: "3 su 12", collectTarget: "12 su 12", collectOwner: "Responsabile rete negozi",
        stockNote: "Il sito e 9 punti vendita su 12 sono sincronizzati; gli ultimi tre seguiranno in primavera.",
        returnsActual: "3 giorni", returnsNote: "Due punti vendita inviano ancora i resi online al magazzino.", collectActual: "12 su 12")
}
