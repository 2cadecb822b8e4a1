import Questionnaire

/// The scoring methodology (docs/scoring.md), applied to a tally.
extension Tally {
    /// The consolidated results.
    public func scores() -> Scores {
        let departments = setup.departments
        var itemScores: [ItemScore] = []
        var scoreByItem: [ItemID: ItemScore] = [:]
        var perceptionGaps: [PerceptionGap] = []
        for (index, item) in items.enumerated() {
            guard case .maturity = item.kind else { continue }
            let module = setup.modules[itemModule[index]]
            let dimension = module.dimensions.first { $0.items.contains { $0.id == item.id } }?.id ?? ""
            let shared = setup.sharedModules.contains(module.id)
            // A department item counts its own department; a shared item counts everyone.
            let counted = shared ? Array(0..<departmentCount) : [departments.firstIndex(of: module.id)].compactMap { $0 }
            let cells = counted.map { cell(item: index, department: $0) }
            let total = cells.reduce(MaturityCounts(), +)
            let byDepartment = shared ? zip(counted, cells).map { department, counts in
                DepartmentItemScore(department: departments[department], n: counts.n, current: counts.currentMean, target: counts.targetMean)
            } : []
            let departmentsRated = shared ? byDepartment.filter { $0.n > 0 }.count : (total.n > 0 ? 1 : 0)
            // A shared item is everyone's view: rated by one department only, it is that
            // department's view, however many people gave it.
            let oneDepartmentOnly = shared && departmentCount >= ScoringSetup.perceptionMinimumDepartments
                && departmentsRated < ScoringSetup.perceptionMinimumDepartments
            let score = total.score(item: item.id, module: module.id, dimension: dimension, quorum: setup.quorum,
                                    departmentsRated: departmentsRated, oneDepartmentOnly: oneDepartmentOnly, byDepartment: byDepartment)
            itemScores.append(score)
            scoreByItem[item.id] = score
            if shared {
                let means = byDepartment.compactMap { entry in entry.current.map { DepartmentMean(department: entry.department, mean: $0) } }
                let gap = Self.perceptionGap(means.map(\.mean))
                perceptionGaps.append(PerceptionGap(item: item.id, dimension: dimension, means: means, gap: gap,
                                                    flagged: ScoringSetup.isFlagged(gap)))
            }
        }

        var moduleScores: [ModuleScore] = []
        var matrix: [DimensionPerception] = []
        for module in setup.modules {
            let shared = setup.sharedModules.contains(module.id)
            guard shared || departments.contains(module.id) else { continue }
            let dimensions = module.dimensions.map { dimension in
                // Items nobody rated (n = 0) are left out of all three means.
                let rated = dimension.items.compactMap { item in scoreByItem[item.id].map { (item.weight, $0) } }.filter { $0.1.n > 0 }
                return DimensionScore(
                    module: module.id, dimension: dimension.id,
                    level: Level(current: Self.weightedMean(rated.map { ($0.0, $0.1.current) }),
                                 target: Self.weightedMean(rated.map { ($0.0, $0.1.target) }),
                                 gap: Self.weightedMean(rated.map { ($0.0, $0.1.gap) })),
                    itemsRated: rated.count,
                    n: rated.map(\.1.n).min() ?? 0,
                    lowConfidence: rated.isEmpty || rated.contains { $0.1.lowConfidence })
            }
            let ratedDimensions = dimensions.filter { $0.itemsRated > 0 }
            moduleScores.append(ModuleScore(
                module: module.id, isShared: shared,
                level: Level(current: Self.mean(dimensions.map(\.level.current)), target: Self.mean(dimensions.map(\.level.target)),
                             gap: Self.mean(dimensions.map(\.level.gap))),
                dimensions: dimensions,
                n: ratedDimensions.map(\.n).min() ?? 0,
                lowConfidence: ratedDimensions.isEmpty || ratedDimensions.contains(where: \.lowConfidence)))
            if shared {
                for dimension in module.dimensions {
                    let means: [DepartmentMean] = departments.compactMap { department in
                        let rated = dimension.items.compactMap { item -> (Double, Double?)? in
                            guard let entry = scoreByItem[item.id]?.byDepartment.first(where: { $0.department == department }) else { return nil }
                            return (item.weight, entry.current)
                        }
                        return Self.weightedMean(rated).map { DepartmentMean(department: department, mean: $0) }
                    }
                    let gap = Self.perceptionGap(means.map(\.mean))
                    matrix.append(DimensionPerception(module: module.id, dimension: dimension.id, means: means, gap: gap,
                                                      flagged: ScoringSetup.isFlagged(gap)))
                }
            }
        }
        // Departments first, in the session's order, then the shared modules.
        moduleScores.sort { a, b in
            let rank = { (score: ModuleScore) in score.isShared ? departments.count : departments.firstIndex(of: score.module) ?? 0 }
            return rank(a) < rank(b)
        }
        let departmentModules = moduleScores.filter { !$0.isShared }
        let overall = Level(current: Self.mean(departmentModules.map(\.level.current)),
                            target: Self.mean(departmentModules.map(\.level.target)),
                            gap: Self.mean(departmentModules.map(\.level.gap)))
        // Ties go to the department listed first.
        let weakest = departmentModules.filter { $0.level.current != nil }
            .min { a, b in a.level.current! < b.level.current! }?.module

        let ranking = itemScores.filter { $0.priority != nil }.sorted { a, b in
            if a.priority! != b.priority! { return a.priority! > b.priority! }
            if a.gap! != b.gap! { return a.gap! > b.gap! }
            return a.item < b.item
        }.map(\.item)

        return Scores(
            participation: departments.indices.map { Participation(department: departments[$0], joined: joined[$0], done: done[$0]) },
            items: itemScores, modules: moduleScores, overall: overall, weakestLink: weakest,
            perceptionGaps: perceptionGaps, perceptionMatrix: matrix, ranking: ranking,
            choices: choiceSummaries(), numbers: numberSummaries(), comments: attributedComments(),
            quorum: setup.quorum, departments: departments,
            votes: Dictionary(uniqueKeysWithValues: votes.enumerated().filter { $0.element > 0 }.map { (items[$0.offset].id, $0.element) }))
    }

    private func cell(item: Int, department: Int) -> MaturityCounts {
        let base = (item * departmentCount + department) * MaturityCell.width
        return MaturityCounts(
            current: Array(maturity[(base + MaturityCell.current)..<(base + MaturityCell.current + 4)]),
            currentDontKnow: maturity[base + MaturityCell.currentDontKnow],
            target: Array(maturity[(base + MaturityCell.target)..<(base + MaturityCell.target + 4)]),
            targetDontKnow: maturity[base + MaturityCell.targetDontKnow],
            importanceSum: maturity[base + MaturityCell.importanceSum],
            respondents: maturity[base + MaturityCell.respondents])
    }

    /// The departments whose participants answer item `index`.
    private func answeringDepartments(_ index: Int) -> [Int] {
        let module = setup.modules[itemModule[index]].id
        if setup.sharedModules.contains(module) { return Array(0..<departmentCount) }
        return setup.departments.firstIndex(of: module).map { [$0] } ?? []
    }

    private func choiceSummaries() -> [ChoiceSummary] {
        var result: [ChoiceSummary] = []
        for (index, item) in items.enumerated() {
            guard case .choice(let options, _) = item.kind else { continue }
            for department in answeringDepartments(index) {
                let base = choiceOffset[index] + department * (options.count + 2)
                result.append(ChoiceSummary(
                    item: item.id, department: setup.departments[department],
                    counts: options.enumerated().map { OptionCount(option: $0.element.id, count: choiceCounts[base + $0.offset]) },
                    dontKnow: choiceCounts[base + options.count], respondents: choiceCounts[base + options.count + 1]))
            }
        }
        return result
    }

    private func numberSummaries() -> [NumberSummary] {
        var result: [NumberSummary] = []
        for (index, item) in items.enumerated() {
            guard case .number = item.kind else { continue }
            for department in answeringDepartments(index) {
                let cell = numbers[index * departmentCount + department]
                result.append(NumberSummary(item: item.id, department: setup.departments[department],
                                            current: Self.distribution(cell.current), target: Self.distribution(cell.target),
                                            dontKnowCurrent: cell.currentDontKnow, dontKnowTarget: cell.targetDontKnow))
            }
        }
        return result
    }

    private func attributedComments() -> [AttributedComment] {
        // In module order, then department; within those, in the order the answers were added
        // (the sort is stable). Readers add participants in a fixed order, so the report does
        // not depend on timing.
        comments.sorted { a, b in
            if a.itemIndex != b.itemIndex { return a.itemIndex < b.itemIndex }
            if a.department != b.department { return a.department < b.department }
            return a.isAnswer && !b.isAnswer
        }.map { AttributedComment(item: $0.item, department: setup.departments[$0.department], text: $0.text, isAnswer: $0.isAnswer) }
    }

    // MARK: Arithmetic, as the methodology states it

    /// The mean of the defined values; nil when there are none.
    static func mean(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0 }
        guard !known.isEmpty else { return nil }
        return known.reduce(0, +) / Double(known.count)
    }

    /// Σ wᵢxᵢ / Σ wᵢ over the defined values; nil when there are none.
    static func weightedMean(_ values: [(Double, Double?)]) -> Double? {
        var sum = 0.0, weights = 0.0
        for (weight, value) in values {
            guard let value else { continue }
            sum += weight * value
            weights += weight
        }
        return weights > 0 ? sum / weights : nil
    }

    /// The highest department mean minus the lowest; nil with fewer than two departments, where
    /// there is nothing to compare (a gap of 0 would read as "they agree").
    static func perceptionGap(_ means: [Double]) -> Double? {
        guard means.count >= ScoringSetup.perceptionMinimumDepartments, let low = means.min(), let high = means.max() else { return nil }
        return high - low
    }

    /// Median (the mean of the two middle values for an even count), minimum and maximum.
    static func distribution(_ values: [Double]) -> Distribution? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return Distribution(count: sorted.count, median: median, minimum: sorted[0], maximum: sorted[sorted.count - 1])
    }
}

/// The counts of one maturity item over some participants.
struct MaturityCounts {
    var current = [0, 0, 0, 0]
    var currentDontKnow = 0
    var target = [0, 0, 0, 0]
    var targetDontKnow = 0
    var importanceSum = 0
    var respondents = 0

    static func + (a: MaturityCounts, b: MaturityCounts) -> MaturityCounts {
        MaturityCounts(current: zip(a.current, b.current).map(+), currentDontKnow: a.currentDontKnow + b.currentDontKnow,
                       target: zip(a.target, b.target).map(+), targetDontKnow: a.targetDontKnow + b.targetDontKnow,
                       importanceSum: a.importanceSum + b.importanceSum, respondents: a.respondents + b.respondents)
    }

    var n: Int { current.reduce(0, +) }
    var targetN: Int { target.reduce(0, +) }

    var currentMean: Double? { Self.mean(current) }
    var targetMean: Double? { Self.mean(target) }

    static func mean(_ counts: [Int]) -> Double? {
        let n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        let sum = counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return Double(sum) / Double(n)
    }

    func score(item: ItemID, module: String, dimension: String, quorum: Int, departmentsRated: Int, oneDepartmentOnly: Bool,
               byDepartment: [DepartmentItemScore]) -> ItemScore {
        let current = currentMean, target = targetMean
        let gap = current.flatMap { c in target.map { $0 - c } }
        let minimum = current == nil ? nil : (self.current.firstIndex { $0 > 0 }).map { $0 + 1 }
        let maximum = current == nil ? nil : (self.current.lastIndex { $0 > 0 }).map { $0 + 1 }
        let spread = current.map { mean in
            (self.current.enumerated().reduce(0.0) { sum, entry in
                let deviation = Double(entry.offset + 1) - mean
                return sum + Double(entry.element) * deviation * deviation
            } / Double(n)).squareRoot()
        }
        let importance = respondents > 0 ? Double(importanceSum) / Double(respondents) : nil
        let priority = gap.flatMap { g in importance.map { max(g, 0) * $0 } }
        return ItemScore(
            item: item, module: module, dimension: dimension, n: n, current: current, target: target, targetN: targetN,
            gap: gap, spread: spread, minimum: minimum, maximum: maximum, importance: importance, priority: priority,
            disagreement: (minimum.flatMap { low in maximum.map { $0 - low } } ?? 0) >= ScoringSetup.disagreementRange,
            departmentsRated: departmentsRated, lowConfidence: n < quorum || oneDepartmentOnly, dontKnowCurrent: currentDontKnow, dontKnowTarget: targetDontKnow,
            currentHistogram: self.current, targetHistogram: self.target, byDepartment: byDepartment)
    }
}
