import Basics
import Questionnaire
@testable import TerminalUI

/// The two properties every screen of both apps must have, whatever its state, language or
/// size. They are checked on frames, not on known strings, so a new screen or a new translation
/// is covered the day it is drawn.
enum LayoutChecks {
    /// The sizes the workshop must work at: the smallest supported terminal, a laptop's, a
    /// projector's.
    static let sizes = [(80, 24), (100, 30), (160, 48)]

    /// Texts the frame lost: every text that did not fit where a screen put it and was cut
    /// without an ellipsis. Empty on a good layout.
    static func cuts(in frame: CellBuffer) -> [String] {
        frame.cuts.map(\.description)
    }

    /// Words of the English frame that appear again on the same screen drawn in another
    /// language: interface text nobody translated. Names, numbers, keys and words that are the
    /// same in every language (`allowed`) are not counted.
    static func untranslatedWords(english: CellBuffer, translated: CellBuffer, allowed: Set<String> = []) -> Set<String> {
        let englishWords = words(in: english.lines)
        let translatedWords = words(in: translated.lines)
        return englishWords.intersection(translatedWords).subtracting(allowed.map { $0.lowercased() }).subtracting(sameInEveryLanguage)
    }

    /// Lower-cased alphabetic words of three letters or more. A word cut by an ellipsis ("ser…"
    /// of "service") is not a word of either language, so it is left out.
    static func words(in lines: [String]) -> Set<String> {
        var result: Set<String> = []
        for line in lines {
            for word in line.split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
                if word.endIndex < line.endIndex, line[word.endIndex] == "…" { continue }
                result.insert(word.lowercased())
            }
        }
        return result
    }

    /// Words that are the same in English and in Polish, Swedish or Italian: key names, loan
    /// words of the trade, the product's name. Everything else on a translated screen must be
    /// translated.
    static let sameInEveryLanguage: Set<String> = [
        "esc", "enter", "tab", "space", "ctrl", "pgup", "pgdn", "home", "end", "shift",
        "omnigap", "omnichannel", "commerce", "kpi", "kpis", "sla", "slas", "api", "apis", "erp", "pim", "oms", "crm",
        "wms", "ad", "hoc", "csv", "json", "html", "markdown", "text", "pdf", "utf",
    ]
}
