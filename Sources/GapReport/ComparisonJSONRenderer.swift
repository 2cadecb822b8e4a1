import Basics
import Questionnaire
import Scoring

/// The comparison as JSON for tools: every number at full precision, `null` where undefined.
/// Sessions are referred to by their index in `sessions`. The shape is documented in
/// docs/report-format.md and docs/schema/comparison.schema.json.
public enum ComparisonJSONRenderer {
    public static let formatName = "omnigap-comparison"
    public static let formatVersion = 1

    public static func render(_ document: ComparisonDocument) -> String {
        let comparison = document.comparison
        let number = JSONReportRenderer.number
        func indices(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
        func level(_ level: ComparedLevel) -> String {
            JSONText.inlineObject([("current", number(level.current)), ("target", number(level.target)), ("gap", number(level.gap)),
                                   ("n", String(level.n)), ("items_rated", String(level.itemsRated))])
        }
        func change(_ change: LevelChange?) -> String {
            change.map { JSONText.inlineObject([("current", number($0.current)), ("target", number($0.target)), ("closed", number($0.closed))]) }
                ?? "null"
        }
        func presence(_ entries: [Presence]) -> String {
            JSONText.blockArray(entries.map { JSONText.inlineObject([("id", JSONText.string($0.id)), ("sessions", indices($0.sessions))]) }, indent: 2)
        }
        let sessions = comparison.sessions.map { session in
            JSONText.inlineObject([
                ("label", JSONText.string(session.label)), ("id", JSONText.string(session.sessionID)), ("title", JSONText.string(session.title)),
                ("date", JSONText.string(session.date)), ("follows", session.follows.map(JSONText.string) ?? "null"),
                ("participants", String(session.participants)),
                ("participation", "[" + session.scores.participation.map {
                    JSONText.inlineObject([("department", JSONText.string($0.department)), ("joined", String($0.joined)), ("done", String($0.done))])
                }.joined(separator: ", ") + "]"),
            ])
        }
        let modules = comparison.modules.map { module in
            let dimensions = module.dimensions.map { dimension in
                JSONText.inlineObject([
                    ("id", JSONText.string(dimension.dimension)),
                    ("title", JSONText.string(document.dimensionTitle(module: module.module, dimension: dimension.dimension))),
                    ("sessions", "[" + dimension.levels.map(level).joined(separator: ", ") + "]"),
                    ("change", change(dimension.change)), ("spread", number(dimension.spread)), ("best", indices(dimension.best)),
                ])
            }
            return JSONText.blockObject([
                ("id", JSONText.string(module.module)), ("title", JSONText.string(document.moduleTitle(module.module))),
                ("shared", module.isShared ? "true" : "false"),
                ("sessions", "[" + module.levels.map(level).joined(separator: ", ") + "]"),
                ("change", change(module.change)), ("spread", number(module.spread)), ("best", indices(module.best)),
                ("dimensions", JSONText.blockArray(dimensions, indent: 6)),
            ], indent: 4)
        }
        let moved = comparison.moved.map { item in
            JSONText.inlineObject([("id", JSONText.string(item.item.rawValue)), ("module", JSONText.string(item.module)),
                                   ("dimension", JSONText.string(item.dimension)), ("prompt", JSONText.string(document.prompt(item.item))),
                                   ("then", number(item.then)), ("now", number(item.now)), ("change", number(item.change))])
        }
        let perception = comparison.perception.map { row in
            JSONText.inlineObject([("module", JSONText.string(row.module)), ("dimension", JSONText.string(row.dimension)),
                                   ("title", JSONText.string(document.dimensionTitle(module: row.module, dimension: row.dimension))),
                                   ("gaps", "[" + row.gaps.map(number).joined(separator: ", ") + "]"),
                                   ("flagged", "[" + row.flagged.map { $0 ? "true" : "false" }.joined(separator: ", ") + "]")])
        }
        let review = document.review.map { section in
            JSONText.blockObject([("earlier", JSONText.string(section.earlier)),
                                  ("goals", JSONText.blockArray(section.reviews.map(reviewObject), indent: 4))], indent: 2)
        } ?? "null"
        let skipped = document.skipped.map { JSONText.inlineObject([("path", JSONText.string($0.path)), ("reason", JSONText.string($0.reason))]) }
        return JSONText.blockObject([
            ("format", JSONText.string(formatName)), ("version", String(formatVersion)),
            ("mode", JSONText.string(comparison.mode.rawValue)), ("language", JSONText.string(document.language.rawValue)),
            ("reference", String(comparison.reference)),
            ("sessions", JSONText.blockArray(sessions, indent: 2)),
            ("modules", JSONText.blockArray(modules, indent: 2)),
            ("compared_items", JSONText.stringArray(comparison.comparedItems.map(\.rawValue))),
            ("changed_items", JSONText.blockArray(comparison.changedItems.map {
                JSONText.inlineObject([("id", JSONText.string($0.item.rawValue)), ("what", JSONText.stringArray($0.what)),
                                       ("sessions", indices($0.sessions))])
            }, indent: 2)),
            ("items_not_in_all", presence(comparison.itemsNotInAll)),
            ("modules_not_in_all", presence(comparison.modulesNotInAll)),
            ("moved", JSONText.blockArray(moved, indent: 2)),
            ("new_disagreements", JSONText.stringArray(comparison.newDisagreements.map(\.rawValue))),
            ("settled_disagreements", JSONText.stringArray(comparison.resolvedDisagreements.map(\.rawValue))),
            ("perception", JSONText.blockArray(perception, indent: 2)),
            ("goals_review", review),
            ("skipped", JSONText.blockArray(skipped, indent: 2)),
        ]) + "\n"
    }

    /// A carried-over goal and its review, as the comparison and the follow-up's report give it.
    static func reviewObject(_ review: ReportGoalReview) -> String {
        let goal = review.goal
        return JSONText.inlineObject([
            ("statement", JSONText.string(goal.statement)), ("kpi", JSONText.string(goal.kpi)), ("baseline", JSONText.string(goal.baseline)),
            ("target", JSONText.string(goal.target)), ("owner", JSONText.string(goal.owner)), ("due", JSONText.string(goal.due)),
            ("links", JSONText.stringArray(goal.links)), ("actual", JSONText.string(review.actual)),
            ("status", review.status.map { JSONText.string($0.rawValue) } ?? "null"), ("note", JSONText.string(review.note)),
        ])
    }
}
