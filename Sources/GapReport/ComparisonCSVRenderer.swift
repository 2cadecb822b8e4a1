import Basics
import Scoring

/// The comparison as CSV for spreadsheets: one row per module or dimension and session, with
/// that session's numbers and the row's change (over time) or spread (side by side). UTF-8 with
/// a byte-order mark and quoted as the report's CSV is.
public enum ComparisonCSVRenderer {
    public static let columns = ["scope", "module", "dimension", "title", "session", "label", "date", "current", "target", "gap", "n",
                                 "items_rated", "change_current", "change_target", "closed", "spread", "best"]

    public static func render(_ document: ComparisonDocument) -> String {
        let comparison = document.comparison
        let number = CSVReportRenderer.number
        var rows = [columns.map(CSVReportRenderer.cell).joined(separator: ",")]
        func append(scope: String, module: String, dimension: String, title: String, levels: [ComparedLevel], change: LevelChange?,
                    spread: Double?, best: [Int]) {
            for (index, level) in levels.enumerated() {
                let session = comparison.sessions[index]
                rows.append([scope, module, dimension, title, session.sessionID, session.label, session.date, number(level.current),
                             number(level.target), number(level.gap), String(level.n), String(level.itemsRated), number(change?.current),
                             number(change?.target), number(change?.closed), number(spread),
                             comparison.mode == .sideBySide ? (best.contains(index) ? "yes" : "no") : ""]
                    .map(CSVReportRenderer.cell).joined(separator: ","))
            }
        }
        for module in comparison.modules {
            append(scope: "module", module: module.module, dimension: "", title: document.moduleTitle(module.module), levels: module.levels,
                   change: module.change, spread: module.spread, best: module.best)
            for dimension in module.dimensions {
                append(scope: "dimension", module: module.module, dimension: dimension.dimension,
                       title: document.dimensionTitle(module: module.module, dimension: dimension.dimension), levels: dimension.levels,
                       change: dimension.change, spread: dimension.spread, best: dimension.best)
            }
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }
}
