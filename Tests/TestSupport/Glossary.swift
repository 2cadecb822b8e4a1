import Foundation
import Questionnaire

/// docs/glossary.md, read as the tests need it: the chosen term per concept and language, and
/// the terms a language never uses (the register's forms among them). The document is the one
/// translators read, so the rules they are given and the rules the tests hold are the same text.
public struct Glossary: Sendable {
    /// A concept and its pattern per language code ("en", "pl", "sv", "it").
    public struct Term: Sendable {
        public let concept: String
        public let patterns: [String: NSRegularExpression]
    }

    /// A pattern a language never uses, and why.
    public struct Ban: Sendable {
        public let language: String
        public let pattern: NSRegularExpression
        public let why: String
    }

    public let terms: [Term]
    public let bans: [Ban]

    /// The glossary of the package that holds this file.
    public static let shipped: Glossary = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: root.appendingPathComponent("docs/glossary.md"), encoding: .utf8)) ?? ""
        return Glossary(markdown: text)
    }()

    static let languageCodes = ["English": "en", "Polish": "pl", "Swedish": "sv", "Italian": "it"]

    public init(markdown: String) {
        var terms: [Term] = [], bans: [Ban] = []
        var section = ""
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)); continue }
            guard line.hasPrefix("|"), !line.allSatisfy({ "|-: ".contains($0) }) else { continue }
            let cells = Self.cells(line)
            switch section {
            case "Chosen terms" where cells.count >= 5 && cells[0] != "Concept":
                var patterns: [String: NSRegularExpression] = [:]
                for (code, cell) in zip(["en", "pl", "sv", "it"], cells[1...4]) {
                    if let pattern = Self.pattern(cell) { patterns[code] = pattern }
                }
                terms.append(Term(concept: cells[0], patterns: patterns))
            case "Not used" where cells.count >= 3 && cells[0] != "Language":
                if let code = Self.languageCodes[cells[0]], let pattern = Self.pattern(cells[1]) {
                    bans.append(Ban(language: code, pattern: pattern, why: cells[2]))
                }
            default: break
            }
        }
        self.terms = terms
        self.bans = bans
    }

    /// A table row's cells; "\|" inside a cell is a pipe of the pattern, not a cell border.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line.trimmingCharacters(in: .whitespaces).dropFirst() {
            if escaped { current.append(character == "|" ? "|" : "\\\(character)"); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(character)
        }
        return cells
    }

    /// The regular expression between backticks, matched without regard to case.
    static func pattern(_ cell: String) -> NSRegularExpression? {
        guard let open = cell.firstIndex(of: "`"), let close = cell.lastIndex(of: "`"), open < close else { return nil }
        return try? NSRegularExpression(pattern: String(cell[cell.index(after: open)..<close]), options: [.caseInsensitive])
    }

    /// Whether `pattern` occurs in `text`; the match, when it does.
    public static func match(_ pattern: NSRegularExpression, in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let found = pattern.firstMatch(in: text, range: range), let matched = Range(found.range, in: text) else { return nil }
        return String(text[matched])
    }

    /// The texts (by language code) that break the glossary: a banned form, one message each.
    public func banned(in texts: [String: String], context: String) -> [String] {
        bans.compactMap { ban in
            guard let text = texts[ban.language], let found = Self.match(ban.pattern, in: text) else { return nil }
            return "\(context): \(ban.language) uses \"\(found)\" (\(ban.why))"
        }
    }

    /// Where a unit's English names a concept and a translation does not use the chosen term.
    public func missingTerms(in texts: [String: String], context: String) -> [String] {
        var problems: [String] = []
        for term in terms {
            guard let english = term.patterns["en"], let text = texts["en"], Self.match(english, in: text) != nil else { continue }
            for code in ["pl", "sv", "it"] {
                guard let pattern = term.patterns[code], let translated = texts[code] else { continue }
                if Self.match(pattern, in: translated) == nil {
                    problems.append("\(context): the English names \"\(term.concept)\"; the \(code) text must use /\(pattern.pattern)/")
                }
            }
        }
        return problems
    }
}

extension Glossary {
    /// Every text of a set of interface words, in every language, that uses a form the glossary
    /// rules out (the register's "ty" and "tu" among them), one message each.
    public func registerProblems<Words: InterfaceWords>(_ words: Words.Type) -> [String] {
        Language.allCases.flatMap { language in
            Words.texts(in: language).flatMap { field, text in
                banned(in: [language.rawValue: text], context: "\(Words.self).\(language.rawValue).\(field)")
            }
        }
    }
}
