import Questionnaire

/// The words only the HTML report needs, around its charts, in each interface language. The
/// headings it shares with the other formats come from `ReportStrings`.
public struct HTMLReportStrings: InterfaceWords {
    public var contents: String
    public var heatMap: String
    public var heatMapIntro: String
    public var radarCaption: String
    public var barsCaption: String        // the same, for a department drawn as bars
    public var gapChartCaption: String
    public var goal: String
    public var question: String
    public var notes: String
    public var stageScale: String         // legend title for the stage colours
    public var gapScale: String           // legend title for the gap colours
    public var nextSteps: String          // heading of the top gaps read as next steps
}

extension HTMLReportStrings {
    public static let english = HTMLReportStrings(
        contents: "Contents",
        heatMap: "Heat map",
        heatMapIntro: "Every department's dimensions: where they stand now, where they must get to, and the gap between. Stage colours run from red (1) to green (4); the darker the gap, the more there is to close.",
        radarCaption: "Current stage (filled) against target (dashed) in each dimension; the rings are stages 1 to 4.",
        barsCaption: "Current stage (filled) against target (dashed) in each dimension, on a scale of 0 to 4.",
        gapChartCaption: "Bar length is the priority (gap × importance); the numbers are the priority, current → target and n, the number of people behind them. Pale bars have low confidence.",
        goal: "Goal",
        question: "Question",
        notes: "Notes",
        stageScale: "Stage",
        gapScale: "Gap",
        nextSteps: "The largest gaps as next steps")

    public static let polish = HTMLReportStrings(
        contents: "Spis treści",
        heatMap: "Mapa cieplna",
        heatMapIntro: "Obszary wszystkich działów: gdzie są dziś, dokąd mają dojść i jaka luka je dzieli. Kolory etapów przechodzą od czerwieni (1) do zieleni (4); im ciemniejsza luka, tym więcej do nadrobienia.",
        radarCaption: "Obecny etap (wypełnienie) na tle celu (linia przerywana) w każdym obszarze; pierścienie to etapy od 1 do 4.",
        barsCaption: "Obecny etap (wypełnienie) na tle celu (linia przerywana) w każdym obszarze, na skali od 0 do 4.",
        gapChartCaption: "Długość słupka to priorytet (luka × ważność); liczby to priorytet, stan obecny → cel oraz n, czyli liczba osób, które za nimi stoją. Jasne słupki mają niską pewność.",
        goal: "Cel",
        question: "Pytanie",
        notes: "Uwagi",
        stageScale: "Etap",
        gapScale: "Luka",
        nextSteps: "Największe luki jako następne kroki")

    public static let swedish = HTMLReportStrings(
        contents: "Innehåll",
        heatMap: "Värmekarta",
        heatMapIntro: "Alla avdelningars områden: var de står i dag, vart de ska nå och gapet däremellan. Nivåernas färger går från rött (1) till grönt (4); ju mörkare gapet är, desto mer återstår att täppa till.",
        radarCaption: "Nuläget (ifyllt) mot målläget (streckat) i varje område; ringarna är nivå 1 till 4.",
        barsCaption: "Nuläget (ifyllt) mot målläget (streckat) i varje område, på en skala från 0 till 4.",
        gapChartCaption: "Stapelns längd är prioriteten (gap × betydelse); siffrorna är prioriteten, nuläge → målläge och n, antalet personer bakom dem. Ljusa staplar har låg tillförlitlighet.",
        goal: "Mål",
        question: "Fråga",
        notes: "Anmärkningar",
        stageScale: "Nivå",
        gapScale: "Gap",
        nextSteps: "De största gapen som nästa steg")

    public static let italian = HTMLReportStrings(
        contents: "Indice",
        heatMap: "Mappa di calore",
        heatMapIntro: "Le dimensioni di ogni reparto: dove si trovano oggi, dove devono arrivare e il divario che le separa. I colori dei livelli vanno dal rosso (1) al verde (4); più il divario è scuro, più resta da colmare.",
        radarCaption: "Livello attuale (pieno) rispetto al target (tratteggiato) in ogni dimensione; gli anelli sono i livelli da 1 a 4.",
        barsCaption: "Livello attuale (pieno) rispetto al target (tratteggiato) in ogni dimensione, su una scala da 0 a 4.",
        gapChartCaption: "La lunghezza della barra è la priorità (divario × importanza); i numeri sono la priorità, attuale → target e n, il numero di persone che li sostengono. Le barre chiare hanno bassa affidabilità.",
        goal: "Obiettivo",
        question: "Domanda",
        notes: "Note",
        stageScale: "Livello",
        gapScale: "Divario",
        nextSteps: "I divari principali come prossimi passi")
}
