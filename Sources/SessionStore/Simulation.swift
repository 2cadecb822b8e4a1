import Basics
import Questionnaire
import SessionModel

/// Believable synthetic participants, for the demo, the tests and the benchmarks.
///
/// The company has one "true" picture, drawn from the session id, so that every simulated
/// participant (and every `simulate` process working on the same session) rates the same
/// company: most items sit at stage 1 to 3 with targets one or two stages higher. Each
/// department sees the shared items through its own lens (perception gaps), each person adds
/// their own noise (real disagreements), and some answer "don't know", skip importance, leave
/// comments in their own language, or stop before the end.
public struct Simulation: Sendable {
    public let session: Session
    public let seed: UInt64
    /// What the company's true picture is drawn from: the session id, unless a fixed company
    /// is wanted (the demo, whose report and pages must be the same on every run).
    public let company: String
    /// How far the company has moved since an earlier workshop, in stages, by dimension
    /// ("it.orders"), module ("stores") or everywhere else ("*"): added to its true picture, so that a follow-up
    /// session tells a story of progress (and, where negative, of ground lost).
    public let progress: [String: Double]

    public init(session: Session, seed: UInt64, company: String? = nil, progress: [String: Double] = [:]) {
        self.session = session
        self.seed = seed
        self.company = company ?? session.settings.id.rawValue
        self.progress = progress
    }

    /// Participant number `index` (0-based) of this simulation, with all their answers, made
    /// around `time`.
    public func participant(_ index: Int, at time: Timestamp) -> ParticipantRecord {
        // Each participant's own stream: the seed and index mixed twice, so that neighbouring
        // participants' streams share nothing.
        var mixer = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        var random = SeededGenerator(seed: mixer.next())
        let departments = session.settings.departments
        // Spread over the departments evenly, starting at a seed-dependent one.
        let department = departments[(index + Int(seed % UInt64(max(1, departments.count)))) % departments.count]
        let language = pickLanguage(&random)
        let names = SimulationPhrases.firstNames(language)
        let name = names[Int(random.next() % UInt64(names.count))] + " "
            + SimulationPhrases.initials[Int(random.next() % UInt64(SimulationPhrases.initials.count))] + "."
        let joined = Timestamp(milliseconds: time.milliseconds - 40 * 60_000 + Int64(random.next() % 300_000))
        var record = ParticipantRecord(
            id: .random(using: &random), sessionID: session.settings.id,
            moduleHashes: session.settings.moduleHashes.filter { session.modules(for: department).map(\.id).contains($0.key) },
            profile: Stamped(Profile(name: name, department: department, language: language), at: joined),
            done: Stamped(false, at: joined))

        let plan = answers(for: department, language: language, random: &random)
        // Most finish; some stop part-way, as people called out of the room do.
        let finishes = random.chance(0.8)
        let answered = finishes ? plan.count : Int(Double(plan.count) * (0.3 + 0.6 * random.unit()))
        var clock = joined.milliseconds
        for (item, answer) in plan.prefix(answered) {
            clock += 5_000 + Int64(random.next() % 25_000)
            record.answers[item] = StoredAnswer(answer: answer, at: Timestamp(milliseconds: min(clock, time.milliseconds)), revision: 1)
        }
        if finishes && random.chance(0.9) {
            record.done = Stamped(true, at: Timestamp(milliseconds: min(clock + 10_000, time.milliseconds)))
        }
        return record
    }

    /// The answers a participant of `department` gives, in the order they meet the items,
    /// following the skip logic as they go.
    public func answers(for department: String, language: Language, random: inout SeededGenerator) -> [(ItemID, Answer)] {
        let optimism = random.unit() - 0.5  // some people see everything a little rosier
        var result: [(ItemID, Answer)] = []
        for module in session.modules(for: department) {
            var given: [ItemID: Answer] = [:]
            var visible: Set<ItemID> = []
            for dimension in module.dimensions {
                let moved = progress["\(module.id).\(dimension.id)"] ?? progress[module.id] ?? progress["*"] ?? 0
                for item in dimension.items {
                    // The same rule as `visibleItems(given:)`, applied as the answers come in.
                    if let condition = item.condition {
                        guard visible.contains(condition.itemID), condition.isSatisfied(by: given[condition.itemID]) else { continue }
                    }
                    visible.insert(item.id)
                    guard let answer = answer(to: item, department: department, language: language,
                                              optimism: optimism, moved: moved, random: &random) else { continue }
                    given[item.id] = answer
                    result.append((item.id, answer))
                }
            }
        }
        return result
    }

    private func answer(to item: Item, department: String, language: Language, optimism: Double, moved: Double,
                        random: inout SeededGenerator) -> Answer? {
        var truth = SeededGenerator(text: company + "|" + item.id.rawValue)
        var lens = SeededGenerator(text: company + "|" + department + "|" + item.id.rawValue)
        let importance: Int? = random.chance(0.25) ? nil : 1 + random.weighted([0.2, 0.45, 0.35])
        let comment: String? = random.chance(0.1) ? pick(SimulationPhrases.comments(language), &random) : nil
        switch item.kind {
        case .maturity:
            let trueStage = 1 + truth.weighted([0.3, 0.4, 0.24, 0.06])
            let trueTarget = min(4, trueStage + 1 + (truth.chance(0.35) ? 1 : 0))
            // A department's view of an item outside its own area can be off by a stage or more.
            let bias = lens.chance(0.3) ? (lens.chance(0.5) ? 1.2 : -1.2) : 0
            func rate(_ base: Double, dontKnow: Double) -> Rated<Int> {
                if random.chance(dontKnow) { return .dontKnow }
                var noise = Double(random.weighted([0.1, 0.2, 0.4, 0.2, 0.1]) - 2) * 0.6
                if random.chance(0.04) { noise += random.chance(0.5) ? 2 : -2 }  // the outlier in every room
                return .value(min(4, max(1, Int((base + bias + noise + optimism * 0.6).rounded()))))
            }
            // Progress moves where the company stands; the ambition moves less.
            let current = rate(Double(trueStage) + moved, dontKnow: 0.06)
            var target = random.chance(0.05) ? nil : rate(Double(trueTarget) + max(0, moved) * 0.4, dontKnow: 0.05)
            if case .value(let c) = current, case .value(let t)? = target, t < c, random.chance(0.8) { target = .value(c) }
            return Answer(.maturity(current: current, target: target), importance: importance, comment: comment)
        case .choice(let options, let multiple):
            if random.chance(0.05) { return Answer(.choice(.dontKnow), importance: nil, comment: comment) }
            // The company has a "true" option; most people pick it.
            let trueOption = Int(truth.next() % UInt64(options.count))
            if !multiple {
                let chosen = random.chance(0.7) ? trueOption : Int(random.next() % UInt64(options.count))
                return Answer(.choice(.value([options[chosen].id])), comment: comment)
            }
            // An option that stands alone ("none of these") is only ever chosen alone; the others
            // go together, the company's true one most often among them.
            let together = options.filter { !$0.exclusive }
            let truthOption = options[trueOption]
            if together.isEmpty || (truthOption.exclusive && random.chance(0.7)) {
                return Answer(.choice(.value([truthOption.id])), comment: comment)
            }
            var chosen = together.filter { $0.id == truthOption.id || random.chance(0.35) }.map(\.id)
            if chosen.isEmpty { chosen = [together[Int(random.next() % UInt64(together.count))].id] }
            return Answer(.choice(.value(chosen)), comment: comment)
        case .number(let spec):
            let low = spec.minimum ?? 0, high = spec.maximum ?? max(low + 100, low * 2)
            let span = high - low
            let trueValue = low + span * (0.1 + 0.5 * truth.unit())
            func value(_ base: Double, dontKnow: Double) -> Rated<Double> {
                if random.chance(dontKnow) { return .dontKnow }
                let raw = base + span * 0.08 * (random.unit() - 0.5)
                let rounded = span <= 20 ? (raw * 10).rounded() / 10 : raw.rounded()
                return .value(min(high, max(low, rounded)))
            }
            let improvement = span * (0.05 + 0.15 * truth.unit()) * (truth.chance(0.5) ? 1 : -1)
            return Answer(.number(current: value(trueValue, dontKnow: 0.15), target: value(trueValue + improvement, dontKnow: 0.2)))
        case .text:
            guard random.chance(0.35) else { return nil }
            return Answer(.text(pick(SimulationPhrases.freeAnswers(language), &random)))
        }
    }

    private func pickLanguage(_ random: inout SeededGenerator) -> Language {
        let main = session.settings.language
        if random.chance(0.55) { return main }
        let others = Language.allCases.filter { $0 != main }
        return others[Int(random.next() % UInt64(others.count))]
    }

    private func pick(_ options: [String], _ random: inout SeededGenerator) -> String {
        options[Int(random.next() % UInt64(options.count))]
    }
}
