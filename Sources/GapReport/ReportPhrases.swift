import Questionnaire
import Scoring

/// The phrases several formats print word for word: a gap's next step, the low-confidence
/// warning, a shared item's department means with their n. Plain text; each renderer escapes
/// or wraps it as its format needs.
struct ReportPhrases {
    let document: ReportDocument
    let words: ReportStrings
    let numbers: LocalizedNumbers

    init(_ document: ReportDocument) {
        self.document = document
        words = ReportStrings.forLanguage(document.language)
        numbers = LocalizedNumbers(words)
    }

    /// "Next step (3 — formalised): Data moves through one integration layer…".
    func nextStep(_ item: ItemScore) -> String? {
        document.nextStep(for: item).map { step in
            ReportStrings.fill(words.nextStep, ["stage": step.stage.label(in: document.language), "text": step.text])
        }
    }

    /// The warning's sentences: the thin departments, the low-confidence share of the largest
    /// gaps, and what low confidence means.
    func warningSentences(_ warning: ConfidenceWarning) -> [String] {
        let quorum = String(document.scores.quorum)
        var sentences: [String] = []
        if !warning.thinDepartments.isEmpty {
            let departments = warning.thinDepartments.map { "\(document.moduleTitle($0.department)) (\($0.joined))" }
            sentences.append(ReportStrings.fill(words.thinDepartments, ["quorum": quorum, "departments": ExecutiveSummary.list(departments, words)]))
        }
        if warning.lowConfidenceGaps > 0 {
            sentences.append(ReportStrings.fill(words.lowConfidenceGaps, ["count": String(warning.lowConfidenceGaps),
                                                                         "total": String(warning.headlineGaps)]))
        }
        sentences.append(ReportStrings.fill(words.confidenceDefinition, ["quorum": quorum]))
        return sentences
    }

    /// "IT 1.50 (n 2) · Logistics 4.00 (n 1)": each department's mean on a shared item.
    func departmentMeans(_ gap: PerceptionGap) -> String {
        let byDepartment = document.scores.item(gap.item)?.byDepartment ?? []
        return gap.means.map { mean in
            let n = byDepartment.first { $0.department == mean.department }?.n ?? 0
            return "\(document.moduleTitle(mean.department)) \(numbers.fixed(mean.mean)) (n \(n))"
        }.joined(separator: " · ")
    }

    // MARK: Item detail

    /// A maturity item's figures, a phrase a line: the numbers with n, the flags, the
    /// histograms, and for a shared item each department's view and its perception gap.
    func maturityDetail(_ item: Item) -> [String] {
        guard let score = document.scores.item(item.id) else { return [] }
        let number = numbers.fixed
        var flags: [String] = []
        if score.disagreement { flags.append(words.disagreement) }
        if score.lowConfidence { flags.append(words.lowConfidence) }
        var lines = [
            "\(words.now) \(number(score.current)) · \(words.target) \(number(score.target)) · \(words.gap) \(number(score.gap))"
                + " · n \(score.n) · \(words.spread) \(number(score.spread))"
                + (score.minimum.map { low in " · \(words.range) \(low)–\(score.maximum ?? low)" } ?? ""),
            "\(words.importance) \(number(score.importance)) · \(words.priority) \(number(score.priority))"
                + " · \(words.dontKnow) \(score.dontKnowCurrent)/\(score.dontKnowTarget)"
                + (flags.isEmpty ? "" : " · " + flags.joined(separator: ", ")),
            histogram(words.currentLabel, score.currentHistogram) + " · " + histogram(words.targetLabel, score.targetHistogram),
        ]
        if !score.byDepartment.isEmpty {
            let views = score.byDepartment.filter { $0.n > 0 }
                .map { "\(document.moduleTitle($0.department)) \(number($0.current)) (\($0.n))" }
            if !views.isEmpty { lines.append(views.joined(separator: " · ")) }
            if let gap = document.scores.perceptionGaps.first(where: { $0.item == item.id }) {
                if gap.flagged { lines.append("\(words.perceptionFlag) \(number(gap.gap)) !") }
                if gap.gap == nil, score.n > 0 { lines.append(words.perceptionNotComparable) }
            }
        }
        return lines
    }

    /// Per department with respondents: how many chose each option, and don't know.
    func choiceDetail(_ item: Item, options: [ChoiceOption]) -> [String] {
        document.scores.choices.filter { $0.item == item.id && $0.respondents > 0 }.map { summary in
            let counts = summary.counts.map { entry in
                "\(options.first { $0.id == entry.option }?.label.resolved(in: document.language) ?? entry.option) \(entry.count)"
            } + (summary.dontKnow > 0 ? ["\(words.dontKnow) \(summary.dontKnow)"] : [])
            return "\(document.moduleTitle(summary.department)) (\(summary.respondents) \(words.respondents)): " + counts.joined(separator: " · ")
        }
    }

    /// Per department with values or don't-knows: the median, min, max and n of current and target.
    func numberDetail(_ item: Item, unit: String) -> [String] {
        func describe(_ label: String, _ distribution: Distribution?) -> String? {
            distribution.map {
                "\(label) \(words.median) \(numbers.plain($0.median)) \(unit) (\(words.minimum) \(numbers.plain($0.minimum)), "
                    + "\(words.maximum) \(numbers.plain($0.maximum)), n \($0.count))"
            }
        }
        return document.scores.numbers.filter { $0.item == item.id }.compactMap { summary in
            let parts = [describe(words.currentLabel, summary.current), describe(words.targetLabel, summary.target)].compactMap { $0 }
            guard !parts.isEmpty || summary.dontKnowCurrent + summary.dontKnowTarget > 0 else { return nil }
            return "\(document.moduleTitle(summary.department)): " + parts.joined(separator: "; ")
                + " · \(words.dontKnow) \(summary.dontKnowCurrent)/\(summary.dontKnowTarget)"
        }
    }

    private func histogram(_ label: String, _ counts: [Int]) -> String {
        "\(label) " + counts.enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: " ")
    }
}
