import Basics
import Questionnaire
import Scoring

/// The gap report as JSON for tools: every number the text shows, at full precision, plus the
/// item detail. Undefined numbers are `null`. The shape is documented in docs/report-format.md.
public enum JSONReportRenderer {
    public static let formatName = "omnigap-report"
    public static let formatVersion = 1

    public static func render(_ document: ReportDocument) -> String {
        pieces(document).joined()
    }

    /// How many comments go into one piece of the output.
    static let commentsPerPiece = 2000

    /// The report in pieces, made one at a time as they are written: the comments, most of a
    /// large report, are never one string, so memory does not grow with the output.
    public static func pieces(_ document: ReportDocument) -> AnySequence<String> {
        let (head, tail) = frame(document)
        let comments = document.scores.comments
        let batches = stride(from: 0, to: comments.count, by: commentsPerPiece).lazy.map { start in
            var text = ""
            for index in start..<min(comments.count, start + commentsPerPiece) {
                let comment = comments[index]
                text += index == 0 ? "[\n    {\"item\": " : ",\n    {\"item\": "
                text += JSONText.string(comment.item.rawValue)
                text += ", \"department\": "
                text += JSONText.string(comment.department)
                text += ", \"text\": "
                text += JSONText.string(comment.text)
                text += comment.isAnswer ? ", \"answer\": true}" : ", \"answer\": false}"
            }
            return text
        }
        let closing = comments.isEmpty ? "[]" : "\n  ]"
        return AnySequence([AnySequence(CollectionOfOne(head)), AnySequence(batches), AnySequence(CollectionOfOne(closing + tail))].joined())
    }

    /// Everything around the comments' value: the text before it and the text after it.
    private static func frame(_ document: ReportDocument) -> (head: String, tail: String) {
        let scores = document.scores
        let language = document.language
        func level(_ level: Level) -> [(String, String)] {
            [("current", number(level.current)), ("target", number(level.target)), ("gap", number(level.gap)),
             ("stage", level.stage.map { String($0.rawValue) } ?? "null"),
             ("target_stage", level.targetStage.map { String($0.rawValue) } ?? "null")]
        }
        func means(_ means: [DepartmentMean]) -> String {
            JSONText.inlineObject(means.map { ($0.department, number($0.mean)) })
        }
        let participation = scores.participation.map {
            JSONText.inlineObject([("department", JSONText.string($0.department)), ("joined", String($0.joined)), ("done", String($0.done))])
        }
        let modules = scores.modules.map { module in
            let dimensions = module.dimensions.map { dimension in
                JSONText.inlineObject([("id", JSONText.string(dimension.dimension)),
                                       ("title", JSONText.string(document.dimensionTitle(module: module.module, dimension: dimension.dimension)))]
                    + level(dimension.level).filter { !$0.0.contains("stage") } + [("items_rated", String(dimension.itemsRated)),
                                                                                   ("n", String(dimension.n)),
                                                                                   ("low_confidence", dimension.lowConfidence ? "true" : "false")])
            }
            return JSONText.blockObject([("id", JSONText.string(module.module)), ("title", JSONText.string(document.moduleTitle(module.module))),
                                         ("shared", module.isShared ? "true" : "false")] + level(module.level)
                                            + [("n", String(module.n)), ("low_confidence", module.lowConfidence ? "true" : "false"),
                                               ("dimensions", JSONText.blockArray(dimensions, indent: 6))], indent: 4)
        }
        let items = scores.items.map { item in
            JSONText.inlineObject([
                ("id", JSONText.string(item.item.rawValue)), ("module", JSONText.string(item.module)),
                ("dimension", JSONText.string(item.dimension)), ("prompt", JSONText.string(document.prompt(item.item))),
                ("n", String(item.n)), ("current", number(item.current)), ("target", number(item.target)),
                ("target_n", String(item.targetN)), ("gap", number(item.gap)), ("spread", number(item.spread)),
                ("min", item.minimum.map(String.init) ?? "null"), ("max", item.maximum.map(String.init) ?? "null"),
                ("importance", number(item.importance)), ("priority", number(item.priority)),
                ("disagreement", item.disagreement ? "true" : "false"), ("departments_rated", String(item.departmentsRated)),
                ("low_confidence", item.lowConfidence ? "true" : "false"),
                ("dont_know_current", String(item.dontKnowCurrent)), ("dont_know_target", String(item.dontKnowTarget)),
                ("current_histogram", "[" + item.currentHistogram.map(String.init).joined(separator: ", ") + "]"),
                ("target_histogram", "[" + item.targetHistogram.map(String.init).joined(separator: ", ") + "]"),
                ("by_department", "[" + item.byDepartment.map { entry in
                    JSONText.inlineObject([("department", JSONText.string(entry.department)), ("n", String(entry.n)),
                                           ("current", number(entry.current)), ("target", number(entry.target))])
                }.joined(separator: ", ") + "]"),
                ("next_step", document.nextStep(for: item).map { step in
                    JSONText.inlineObject([("stage", String(step.stage.rawValue)), ("text", JSONText.string(step.text))])
                } ?? "null"),
            ])
        }
        let perceptionGaps = scores.perceptionGaps.map {
            JSONText.inlineObject([("item", JSONText.string($0.item.rawValue)), ("dimension", JSONText.string($0.dimension)),
                                   ("means", means($0.means)), ("gap", number($0.gap)), ("flagged", $0.flagged ? "true" : "false")])
        }
        let matrix = scores.perceptionMatrix.map {
            JSONText.inlineObject([("module", JSONText.string($0.module)), ("dimension", JSONText.string($0.dimension)),
                                   ("means", means($0.means)), ("gap", number($0.gap)), ("flagged", $0.flagged ? "true" : "false")])
        }
        let choices = scores.choices.map { choice in
            JSONText.inlineObject([("item", JSONText.string(choice.item.rawValue)), ("department", JSONText.string(choice.department)),
                                   ("counts", JSONText.inlineObject(choice.counts.map { ($0.option, String($0.count)) })),
                                   ("dont_know", String(choice.dontKnow)), ("respondents", String(choice.respondents))])
        }
        func distribution(_ value: Distribution?) -> String {
            guard let value else { return "null" }
            return JSONText.inlineObject([("n", String(value.count)), ("median", number(value.median)),
                                          ("min", number(value.minimum)), ("max", number(value.maximum))])
        }
        let numbers = scores.numbers.map { entry in
            JSONText.inlineObject([("item", JSONText.string(entry.item.rawValue)), ("department", JSONText.string(entry.department)),
                                   ("current", distribution(entry.current)), ("target", distribution(entry.target)),
                                   ("dont_know_current", String(entry.dontKnowCurrent)), ("dont_know_target", String(entry.dontKnowTarget))])
        }
        let goals = document.goals.map { goal in
            JSONText.inlineObject([("statement", JSONText.string(goal.statement)), ("kpi", JSONText.string(goal.kpi)),
                                   ("baseline", JSONText.string(goal.baseline)), ("target", JSONText.string(goal.target)),
                                   ("owner", JSONText.string(goal.owner)), ("due", JSONText.string(goal.due)),
                                   ("links", JSONText.stringArray(goal.links)),
                                   ("closes", "[" + goal.links.map { link in
                                       JSONText.inlineObject([("id", JSONText.string(link)), ("title", JSONText.string(document.linkTitle(link)))])
                                   }.joined(separator: ", ") + "]")])
        }
        let confidence = document.confidence.map { warning in
            JSONText.inlineObject([
                ("departments_below_quorum", "[" + warning.thinDepartments.map {
                    JSONText.inlineObject([("department", JSONText.string($0.department)), ("joined", String($0.joined))])
                }.joined(separator: ", ") + "]"),
                ("low_confidence_gaps", String(warning.lowConfidenceGaps)), ("headline_gaps", String(warning.headlineGaps)),
            ])
        } ?? "null"
        let skipped = document.skipped.map {
            JSONText.inlineObject([("path", JSONText.string($0.path)), ("reason", JSONText.string($0.reason))])
        }
        let whole = JSONText.blockObject([
            ("format", JSONText.string(formatName)), ("version", String(formatVersion)),
            ("session", JSONText.inlineObject([
                ("id", JSONText.string(document.sessionID)), ("title", JSONText.string(document.title)),
                ("date", JSONText.string(document.date)), ("language", JSONText.string(language.rawValue)),
                ("quorum", String(scores.quorum)),
            ])),
            ("participation", JSONText.blockArray(participation, indent: 2)),
            ("summary", JSONText.blockArray(ExecutiveSummary.sentences(document).map(JSONText.string), indent: 2)),
            ("confidence", confidence),
            ("overall", JSONText.inlineObject(level(scores.overall))),
            ("weakest_link", scores.weakestLink.map(JSONText.string) ?? "null"),
            ("modules", JSONText.blockArray(modules, indent: 2)),
            ("ranking", JSONText.stringArray(scores.ranking.map(\.rawValue))),
            ("items", JSONText.blockArray(items, indent: 2)),
            ("perception_gaps", JSONText.blockArray(perceptionGaps, indent: 2)),
            ("perception_matrix", JSONText.blockArray(matrix, indent: 2)),
            ("choices", JSONText.blockArray(choices, indent: 2)),
            ("numbers", JSONText.blockArray(numbers, indent: 2)),
            ("comments", marker),
            ("votes", JSONText.inlineObject(scores.votes.sorted { $0.key < $1.key }.map { ($0.key.rawValue, String($0.value)) })),
            ("goals", JSONText.blockArray(goals, indent: 2)),
            ("follow_up", followUp(document)),
            ("skipped", JSONText.blockArray(skipped, indent: 2)),
        ]) + "\n"
        let parts = whole.components(separatedBy: marker)
        return (parts[0], parts[1])
    }

    /// In a follow-up: the session before by name, the goals under review, and the comparison
    /// (as `compare --format json` gives it) or why it is missing. Null in any other session.
    private static func followUp(_ document: ReportDocument) -> String {
        guard let followUp = document.followUp else { return "null" }
        let comparison = followUp.comparison.map { ComparisonJSONRenderer.render($0).trimmingCharacters(in: .newlines) } ?? "null"
        return JSONText.blockObject([
            ("earlier", JSONText.string(followUp.earlier)),
            ("goals_review", JSONText.blockArray(followUp.review.reviews.map(ComparisonJSONRenderer.reviewObject), indent: 4)),
            ("unavailable", followUp.unavailable.map(JSONText.string) ?? "null"),
            ("comparison", comparison),
        ], indent: 2)
    }

    /// Stands in for the comments while the rest is laid out; no JSON text can contain it, as
    /// `JSONText.string` escapes every control character.
    private static let marker = "\u{1}comments\u{1}"

    /// Full precision, or null.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return JSONText.number(value)
    }
}
