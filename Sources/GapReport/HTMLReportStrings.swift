import Questionnaire

/// The words only the HTML report needs, around its charts, in each interface language. The
/// headings it shares with the other formats come from `ReportStrings`.
public struct HTMLReportStrings: InterfaceWords {
    public var contents: String
    public var heatMap: String
    public var heatMapIntro: String
    public var radarCaption: String       // "{department}: …"
    public var barsCaption: String        // the same, for a department drawn as bars
    public var gapChartCaption: String
    public var goal: String
    public var question: String
    public var notes: String
    public var stageScale: String         // legend title for the stage colours
    public var gapScale: String           // legend title for the gap colours
}

extension HTMLReportStrings {
    public static let english = HTMLReportStrings(
        contents: "Contents",
        heatMap: "Heat map",
        heatMapIntro: "Every department's dimensions: where they stand now, where they must get to, and the gap between. Stage colours run from red (1) to green (4); the darker the gap, the more there is to close.",
        radarCaption: "{department}: the current stage (filled) against the target (dashed) in each dimension; the rings are stages 1 to 4.",
        barsCaption: "{department}: the current stage (filled) against the target (dashed) in each dimension, on the scale of stages 0 to 4.",
        gapChartCaption: "Bar length is the priority (gap × importance); the numbers are the priority and current → target.",
        goal: "Goal",
        question: "Question",
        notes: "Notes",
        stageScale: "Stage",
        gapScale: "Gap")

    public static let polish = HTMLReportStrings(
        contents: "Spis treści",
        heatMap: "Mapa cieplna",
        heatMapIntro: "Obszary wszystkich działów: gdzie są dziś, dokąd mają dojść i jaka luka je dzieli. Kolory etapów przechodzą od czerwieni (1) do zieleni (4); im ciemniejsza luka, tym więcej do nadrobienia.",
        radarCaption: "{department}: obecny etap (wypełnienie) na tle celu (linia przerywana) w każdym obszarze; okręgi to etapy od 1 do 4.",
        barsCaption: "{department}: obecny etap (wypełnienie) na tle celu (linia przerywana) w każdym obszarze, na skali etapów od 0 do 4.",
        gapChartCaption: "Długość słupka to priorytet (luka × ważność); liczby to priorytet oraz stan obecny → cel.",
        goal: "Cel",
        question: "Pytanie",
        notes: "Uwagi",
        stageScale: "Etap",
        gapScale: "Luka")

    public static let swedish = HTMLReportStrings(
        contents: "Innehåll",
        heatMap: "Värmekarta",
        heatMapIntro: "Alla avdelningars områden: var de står i dag, vart de ska nå och gapet däremellan. Stegens färger går från rött (1) till grönt (4); ju mörkare gapet är, desto mer återstår att täppa till.",
        radarCaption: "{department}: nuvarande steg (ifyllt) mot målet (streckat) i varje område; ringarna är steg 1 till 4.",
        barsCaption: "{department}: nuvarande steg (ifyllt) mot målet (streckat) i varje område, på skalan steg 0 till 4.",
        gapChartCaption: "Stapelns längd är prioriteten (gap × betydelse); siffrorna är prioriteten och nuläge → målläge.",
        goal: "Mål",
        question: "Fråga",
        notes: "Anmärkningar",
        stageScale: "Steg",
        gapScale: "Gap")

    public static let italian = HTMLReportStrings(
        contents: "Indice",
        heatMap: "Mappa di calore",
        heatMapIntro: "Le dimensioni di ogni reparto: dove si trovano oggi, dove devono arrivare e il divario che le separa. I colori degli stadi vanno dal rosso (1) al verde (4); più il divario è scuro, più resta da colmare.",
        radarCaption: "{department}: lo stadio attuale (pieno) rispetto al target (tratteggiato) in ogni dimensione; i cerchi sono gli stadi da 1 a 4.",
        barsCaption: "{department}: lo stadio attuale (pieno) rispetto al target (tratteggiato) in ogni dimensione, sulla scala degli stadi da 0 a 4.",
        gapChartCaption: "La lunghezza della barra è la priorità (divario × importanza); i numeri sono la priorità e attuale → target.",
        goal: "Obiettivo",
        question: "Domanda",
        notes: "Note",
        stageScale: "Stadio",
        gapScale: "Divario")
}
