import Basics
import Questionnaire
import Scoring

/// The report as CSV: one row per maturity item and department (plus one row for everyone on
/// the shared items), with every number, each gap's next step and the goals agreed on it. UTF-8 with a byte-order mark, so spreadsheet programs
/// open Polish, Swedish and Italian letters correctly.
public enum CSVReportRenderer {
    public static let columns = ["item", "module", "dimension", "department", "n", "current", "target", "gap", "spread", "min", "max",
                                 "importance", "priority", "disagreement", "low_confidence", "dont_know_current", "dont_know_target",
                                 "votes", "prompt", "departments_rated", "next_step_stage", "next_step", "goals"]

    public static func render(_ document: ReportDocument) -> String {
        var rows = [columns.map(cell).joined(separator: ",")]
        for item in document.scores.items {
            let step = document.nextStep(for: item)
            // What the group agreed on this gap: the goals that link the item or its dimension.
            let goals = document.goals.filter { goal in
                goal.links.contains(item.item.rawValue) || goal.links.contains(item.module + "." + item.dimension)
            }.map(\.statement).joined(separator: "; ")
            let common = [item.item.rawValue, item.module, item.dimension]
            let departments = item.byDepartment.isEmpty ? [item.module] : ["all"]
            for department in departments {
                rows.append((common + [department, String(item.n), number(item.current), number(item.target), number(item.gap),
                                       number(item.spread), item.minimum.map(String.init) ?? "", item.maximum.map(String.init) ?? "",
                                       number(item.importance), number(item.priority), item.disagreement ? "yes" : "no",
                                       item.lowConfidence ? "yes" : "no", String(item.dontKnowCurrent), String(item.dontKnowTarget),
                                       String(document.scores.votes[item.item] ?? 0), document.prompt(item.item),
                                       String(item.departmentsRated), step.map { String($0.stage.rawValue) } ?? "", step?.text ?? "", goals])
                    .map(cell).joined(separator: ","))
            }
            for entry in item.byDepartment {
                rows.append((common + [entry.department, String(entry.n), number(entry.current), number(entry.target),
                                       number(entry.current.flatMap { c in entry.target.map { $0 - c } }),
                                       "", "", "", "", "", "", "", "", "", "", document.prompt(item.item),
                                       entry.n > 0 ? "1" : "0", "", "", ""])
                    .map(cell).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONText.number(value)
    }

    /// One field: quoted when it holds a comma, quote or line break; never able to start a
    /// formula (=, +, -, @ and the tab or return that some programs also read as one), so a
    /// participant's text cannot run in the reader's spreadsheet.
    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
