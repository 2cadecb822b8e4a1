/// The words around a module when it is printed for reading (`omnigap modules show`), in each
/// interface language.
struct ModuleShowStrings: Sendable {
    let version: String
    let languages: String
    let scale: String
    let maturity: String
    let weight: String
    let chooseOne: String
    let chooseAny: String
    let number: String
    let between: @Sendable (String, String) -> String
    let atLeast: @Sendable (String) -> String
    let atMost: @Sendable (String) -> String
    let freeAnswer: String
    let askedOnlyIf: String
    let conditionIs: @Sendable (String) -> String
    let conditionAnyOf: @Sendable (String) -> String
    let stageAtLeast: @Sendable (String) -> String
    let stageAtMost: @Sendable (String) -> String
    let valueAtLeast: @Sendable (String) -> String
    let valueAtMost: @Sendable (String) -> String
    let or: String
    let dontKnow: String
    /// After an exclusive option: it is never chosen with another.
    let alone: String
    /// Quotation marks as the language writes them.
    let quote: @Sendable (String) -> String

    static func forLanguage(_ language: Language) -> ModuleShowStrings {
        switch language {
        case .english: english
        case .polish: polish
        case .swedish: swedish
        case .italian: italian
        }
    }

    static let english = ModuleShowStrings(
        version: "version", languages: "languages", scale: "Scale",
        maturity: "Rate the current and the target stage:", weight: "weight",
        chooseOne: "Choose one:", chooseAny: "Choose all that apply:",
        number: "Give the current and the target value", between: { "from \($0) to \($1)" },
        atLeast: { "at least \($0)" }, atMost: { "at most \($0)" },
        freeAnswer: "Free answer.", askedOnlyIf: "Asked only if",
        conditionIs: { "is \($0)" }, conditionAnyOf: { "is \($0)" },
        stageAtLeast: { "is rated \($0) or higher now" }, stageAtMost: { "is rated \($0) or lower now" },
        valueAtLeast: { "is at least \($0) now" }, valueAtMost: { "is at most \($0) now" },
        or: "or", dontKnow: "“Don't know” is always possible.", alone: "(only on its own)", quote: { "“\($0)”" })

    static let polish = ModuleShowStrings(
        version: "wersja", languages: "języki", scale: "Skala",
        maturity: "Proszę ocenić stan obecny i docelowy:", weight: "waga",
        chooseOne: "Proszę wybrać jedną odpowiedź:", chooseAny: "Proszę wybrać wszystkie pasujące:",
        number: "Proszę podać wartość obecną i docelową", between: { "od \($0) do \($1)" },
        atLeast: { "co najmniej \($0)" }, atMost: { "najwyżej \($0)" },
        freeAnswer: "Odpowiedź opisowa.", askedOnlyIf: "Pytanie pojawia się tylko, gdy",
        conditionIs: { "ma odpowiedź \($0)" }, conditionAnyOf: { "ma odpowiedź \($0)" },
        stageAtLeast: { "ma obecnie ocenę \($0) lub wyższą" }, stageAtMost: { "ma obecnie ocenę \($0) lub niższą" },
        valueAtLeast: { "wynosi obecnie co najmniej \($0)" }, valueAtMost: { "wynosi obecnie najwyżej \($0)" },
        or: "lub", dontKnow: "Zawsze można odpowiedzieć „nie wiem”.", alone: "(wyklucza pozostałe)", quote: { "„\($0)”" })

    static let swedish = ModuleShowStrings(
        version: "version", languages: "språk", scale: "Skala",
        maturity: "Ange nuvarande och önskad nivå:", weight: "vikt",
        chooseOne: "Välj ett alternativ:", chooseAny: "Välj alla som stämmer:",
        number: "Ange nuvarande värde och målvärde", between: { "från \($0) till \($1)" },
        atLeast: { "minst \($0)" }, atMost: { "högst \($0)" },
        freeAnswer: "Fritt svar.", askedOnlyIf: "Frågas bara om",
        conditionIs: { "är \($0)" }, conditionAnyOf: { "är \($0)" },
        stageAtLeast: { "i dag har nivå \($0) eller högre" }, stageAtMost: { "i dag har nivå \($0) eller lägre" },
        valueAtLeast: { "i dag är minst \($0)" }, valueAtMost: { "i dag är högst \($0)" },
        or: "eller", dontKnow: "”Vet inte” går alltid att svara.", alone: "(utesluter de andra)", quote: { "”\($0)”" })

    static let italian = ModuleShowStrings(
        version: "versione", languages: "lingue", scale: "Scala",
        maturity: "Indichi il livello attuale e quello obiettivo:", weight: "peso",
        chooseOne: "Scelga una risposta:", chooseAny: "Scelga tutte quelle pertinenti:",
        number: "Indichi il valore attuale e quello obiettivo", between: { "da \($0) a \($1)" },
        atLeast: { "almeno \($0)" }, atMost: { "al massimo \($0)" },
        freeAnswer: "Risposta libera.", askedOnlyIf: "Chiesta solo se",
        conditionIs: { "è \($0)" }, conditionAnyOf: { "è \($0)" },
        stageAtLeast: { "oggi ha livello \($0) o superiore" }, stageAtMost: { "oggi ha livello \($0) o inferiore" },
        valueAtLeast: { "oggi vale almeno \($0)" }, valueAtMost: { "oggi vale al massimo \($0)" },
        or: "o", dontKnow: "È sempre possibile rispondere «non so».", alone: "(esclude le altre)", quote: { "«\($0)»" })
}
