import Questionnaire

/// The words simulated participants use: names and comments in the four languages, so that a
/// demo workshop and the tests meet Polish, Swedish and Italian letters as real ones would.
enum SimulationPhrases {
    static func firstNames(_ language: Language) -> [String] {
        switch language {
        case .english: ["Sarah", "James", "Emily", "Daniel", "Olivia", "Tom", "Grace", "Ben", "Hannah", "Luke"]
        case .polish: ["Agnieszka", "Łukasz", "Małgorzata", "Paweł", "Zofia", "Grzegorz", "Joanna", "Michał", "Bożena", "Jędrzej"]
        case .swedish: ["Åsa", "Erik", "Linnéa", "Björn", "Karin", "Måns", "Ingrid", "Olle", "Sofia", "Göran"]
        case .italian: ["Giulia", "Marco", "Francesca", "Niccolò", "Chiara", "Luca", "Beatrice", "Davide", "Elena", "Matteo"]
        }
    }

    static let initials = Array("ABCDEFGHKLMNOPRSTWZ").map(String.init)

    static func comments(_ language: Language) -> [String] {
        switch language {
        case .english:
            ["We discussed this at the last steering meeting, but nothing was decided.",
             "It depends on the region: the flagship stores are far ahead of the rest.",
             "Our new system goes live in spring; the target assumes it arrives on time.",
             "Nobody owns this today, which is why it keeps slipping.",
             "We measure it, but nobody looks at the numbers.",
             "Peak season shows how fragile this still is.",
             "The stores and the web team describe this very differently.",
             "A pilot in two stores went well; rolling it out is the hard part."]
        case .polish:
            ["Rozmawialiśmy o tym na ostatnim komitecie sterującym, ale bez decyzji.",
             "Zależy od regionu: sklepy flagowe są daleko przed resztą.",
             "Nowy system startuje wiosną; cel zakłada, że zdążymy.",
             "Dziś nikt za to nie odpowiada, dlatego ciągle się przesuwa.",
             "Mierzymy to, ale nikt nie patrzy na liczby.",
             "Szczyt sezonu pokazuje, jak bardzo to jest jeszcze kruche.",
             "Sklepy i zespół e-commerce opisują to zupełnie inaczej.",
             "Pilotaż w dwóch sklepach się udał; trudniejsze będzie wdrożenie wszędzie."]
        case .swedish:
            ["Vi tog upp det på förra styrgruppsmötet, men inget beslutades.",
             "Det beror på regionen: flaggskeppsbutikerna ligger långt före resten.",
             "Det nya systemet går live i vår; målet förutsätter att det blir klart i tid.",
             "Ingen äger det här i dag, därför halkar det efter hela tiden.",
             "Vi mäter det, men ingen tittar på siffrorna.",
             "Högsäsongen visar hur skört det här fortfarande är.",
             "Butikerna och webbteamet beskriver det här helt olika.",
             "En pilot i två butiker gick bra; det svåra är att rulla ut den."]
        case .italian:
            ["Ne abbiamo parlato all'ultimo comitato guida, ma senza decidere nulla.",
             "Dipende dalla zona: i negozi principali sono molto più avanti degli altri.",
             "Il nuovo sistema parte in primavera; l'obiettivo presuppone che arrivi in tempo.",
             "Oggi non c'è un responsabile, ed è per questo che slitta sempre.",
             "Lo misuriamo, ma nessuno guarda i numeri.",
             "L'alta stagione mostra quanto sia ancora fragile.",
             "I negozi e il team eCommerce lo descrivono in modo molto diverso.",
             "Un pilota in due negozi è andato bene; il difficile è estenderlo a tutti."]
        }
    }

    /// Free answers for text items.
    static func freeAnswers(_ language: Language) -> [String] {
        switch language {
        case .english: ["One shared stock view for stores and web.", "A named owner with a budget.", "Fewer manual exports between systems."]
        case .polish: ["Wspólny widok stanów dla sklepów i e-sklepu.", "Wyznaczony właściciel z budżetem.", "Mniej ręcznych eksportów między systemami."]
        case .swedish: ["En gemensam lagerbild för butik och webb.", "En utsedd ägare med budget.", "Färre manuella exporter mellan systemen."]
        case .italian: ["Una vista unica delle giacenze per negozi e sito.", "Un responsabile nominato, con un budget.", "Meno esportazioni manuali tra i sistemi."]
        }
    }
}
