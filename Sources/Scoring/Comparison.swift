import Questionnaire

/// The comparison method (docs/scoring.md, "Comparing sessions"), applied to scored sessions.
extension SessionComparison {
    /// Compares `sessions`. With no `mode`, sessions that form a follow-up chain are compared
    /// over time (in chain order) and any others side by side (in the order given); over time
    /// asked for, sessions that do not form a chain are taken in date order.
    public init(sessions given: [ComparedSession], mode asked: ComparisonMode? = nil) throws(ComparisonError) {
        guard given.count >= 2 else { throw .tooFew }
        var seen: [String: String] = [:]
        for session in given {
            if let earlier = seen[session.sessionID] { throw .sameSessionTwice(id: session.sessionID, labels: [earlier, session.label]) }
            seen[session.sessionID] = session.label
        }
        let chain = Self.followUpChain(given)
        let mode = asked ?? (chain != nil ? .overTime : .sideBySide)
        let sessions: [ComparedSession]
        switch mode {
        case .overTime:
            // Date order, the order given breaking ties, unless a chain says otherwise.
            sessions = chain ?? given.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        case .sideBySide:
            sessions = given
        }
        let reference = mode == .overTime ? sessions.count - 1 : 0
        let referenceModules = sessions[reference].setup.modules
        let common = referenceModules.filter { module in
            sessions.allSatisfy { session in session.setup.modules.contains { $0.id == module.id } }
        }
        guard !common.isEmpty else { throw .noModuleInCommon }

        // Modules some sessions lack, in the order they are first met.
        var moduleIDs: [String] = []
        for session in sessions { for module in session.setup.modules where !moduleIDs.contains(module.id) { moduleIDs.append(module.id) } }
        let modulesNotInAll = moduleIDs.filter { id in !common.contains { $0.id == id } }.map { id in
            Presence(id: id, sessions: sessions.indices.filter { sessions[$0].setup.modules.contains { $0.id == id } })
        }

        // Each maturity item of the modules in common: compared, changed, or missing somewhere.
        let commonIDs = Set(common.map(\.id))
        var itemIDs: [ItemID] = []
        var known = Set<ItemID>()
        for session in [sessions[reference]] + sessions {
            for module in session.setup.modules where commonIDs.contains(module.id) {
                for item in module.items where item.kind.tag == .maturity && known.insert(item.id).inserted { itemIDs.append(item.id) }
            }
        }
        var compared: [ItemID] = [], changed: [ChangedItem] = [], itemsNotInAll: [Presence] = []
        for id in itemIDs {
            let versions = sessions.map { session in session.setup.modules.lazy.compactMap { $0.item(id) }.first }
            guard versions.allSatisfy({ $0 != nil }), let model = versions[reference] else {
                itemsNotInAll.append(Presence(id: id.rawValue, sessions: sessions.indices.filter { versions[$0] != nil }))
                continue
            }
            var what: [String] = [], differing: [Int] = []
            for (index, version) in versions.enumerated() where index != reference {
                let changes = EditionComparison.changes(from: version!, to: model)
                guard !changes.isEmpty else { continue }
                differing.append(index)
                for change in changes where !what.contains(change) { what.append(change) }
            }
            if differing.isEmpty { compared.append(id) } else { changed.append(ChangedItem(item: id, what: what, sessions: differing)) }
        }

        let scored = sessions.map { session in Dictionary(session.scores.items.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first }) }
        let comparedSet = Set(compared)
        var modules: [ModuleComparison] = []
        var perception: [PerceptionComparison] = []
        // Departments first, then the shared modules, each in the reference's order.
        let shared = Set(sessions[reference].setup.sharedModules)
        for module in common.filter({ !shared.contains($0.id) }) + common.filter({ shared.contains($0.id) }) {
            let dimensions = module.dimensions.map { dimension -> DimensionComparison in
                let items = dimension.items.filter { comparedSet.contains($0.id) }
                let levels = scored.map { scores in Self.level(items: items, scores: scores) }
                return DimensionComparison(module: module.id, dimension: dimension.id, levels: levels,
                                           change: mode == .overTime ? Self.change(levels) : nil,
                                           spread: mode == .sideBySide ? Self.spread(levels) : nil,
                                           best: mode == .sideBySide ? Self.best(levels) : [])
            }
            let levels = sessions.indices.map { index in Self.moduleLevel(dimensions.map { $0.levels[index] }) }
            modules.append(ModuleComparison(module: module.id, isShared: shared.contains(module.id), levels: levels,
                                            change: mode == .overTime ? Self.change(levels) : nil,
                                            spread: mode == .sideBySide ? Self.spread(levels) : nil,
                                            best: mode == .sideBySide ? Self.best(levels) : [], dimensions: dimensions))
            if shared.contains(module.id) {
                for dimension in module.dimensions {
                    let items = dimension.items.filter { comparedSet.contains($0.id) }
                    let gaps = sessions.indices.map { index in
                        Self.perceptionGap(items: items, scores: scored[index], departments: sessions[index].setup.departments)
                    }
                    perception.append(PerceptionComparison(module: module.id, dimension: dimension.id, gaps: gaps,
                                                           flagged: gaps.map(ScoringSetup.isFlagged)))
                }
            }
        }

        var moved: [MovedItem] = [], newDisagreements: [ItemID] = [], resolved: [ItemID] = []
        if mode == .overTime, let firstScores = scored.first, let lastScores = scored.last {
            for id in compared {
                guard let then = firstScores[id], let now = lastScores[id], then.n > 0, now.n > 0,
                      let before = then.current, let after = now.current else { continue }
                if abs(after - before) >= 1 - ScoringSetup.tolerance {
                    moved.append(MovedItem(item: id, module: now.module, dimension: now.dimension, then: before, now: after))
                }
                if now.disagreement && !then.disagreement { newDisagreements.append(id) }
                if then.disagreement && !now.disagreement { resolved.append(id) }
            }
            // The biggest move first; the item order of the modules breaks ties.
            moved = moved.enumerated().sorted { a, b in
                abs(a.element.change) != abs(b.element.change) ? abs(a.element.change) > abs(b.element.change) : a.offset < b.offset
            }.map(\.element)
        }
        self.init(mode: mode, sessions: sessions, reference: reference, modules: modules, modulesNotInAll: modulesNotInAll,
                  itemsNotInAll: itemsNotInAll, changedItems: changed, comparedItems: compared, moved: moved,
                  newDisagreements: newDisagreements, resolvedDisagreements: resolved, perception: perception)
    }

    /// The sessions in follow-up order, when each but the first follows the one before it;
    /// nil when they do not form one chain.
    static func followUpChain(_ sessions: [ComparedSession]) -> [ComparedSession]? {
        let ids = Set(sessions.map(\.sessionID))
        let starts = sessions.filter { session in session.follows.map { !ids.contains($0) } ?? true }
        guard starts.count == 1, var current = starts.first else { return nil }
        var chain = [current]
        while let next = sessions.first(where: { $0.follows == current.sessionID }) {
            chain.append(next)
            current = next
        }
        return chain.count == sessions.count ? chain : nil
    }

    /// A dimension's weighted means in one session, over `items` (the compared ones), with the
    /// reference's weights; items nobody rated are left out, as in the report.
    static func level(items: [Item], scores: [ItemID: ItemScore]) -> ComparedLevel {
        let rated = items.compactMap { item in scores[item.id].map { (item.weight, $0) } }.filter { $0.1.n > 0 }
        return ComparedLevel(current: Tally.weightedMean(rated.map { ($0.0, $0.1.current) }),
                             target: Tally.weightedMean(rated.map { ($0.0, $0.1.target) }),
                             gap: Tally.weightedMean(rated.map { ($0.0, $0.1.gap) }),
                             n: rated.map(\.1.n).min() ?? 0, itemsRated: rated.count)
    }

    /// A module's level: the plain mean of its dimensions', as in the report.
    static func moduleLevel(_ dimensions: [ComparedLevel]) -> ComparedLevel {
        let rated = dimensions.filter { $0.itemsRated > 0 }
        return ComparedLevel(current: Tally.mean(dimensions.map(\.current)), target: Tally.mean(dimensions.map(\.target)),
                             gap: Tally.mean(dimensions.map(\.gap)), n: rated.map(\.n).min() ?? 0,
                             itemsRated: rated.reduce(0) { $0 + $1.itemsRated })
    }

    /// The first column against the last.
    static func change(_ levels: [ComparedLevel]) -> LevelChange? {
        guard let then = levels.first, let now = levels.last else { return nil }
        let progress = now.current.flatMap { after in then.current.map { after - $0 } }
        let closed = then.gap.flatMap { gap in gap > ScoringSetup.tolerance ? progress.map { $0 / gap } : nil }
        return LevelChange(current: progress, target: now.target.flatMap { after in then.target.map { after - $0 } }, closed: closed)
    }

    static func spread(_ levels: [ComparedLevel]) -> Double? {
        let currents = levels.compactMap(\.current)
        guard currents.count >= 2, let low = currents.min(), let high = currents.max() else { return nil }
        return high - low
    }

    static func best(_ levels: [ComparedLevel]) -> [Int] {
        guard levels.compactMap(\.current).count >= 2, let high = levels.compactMap(\.current).max() else { return [] }
        return levels.indices.filter { index in levels[index].current.map { $0 >= high - ScoringSetup.tolerance } ?? false }
    }

    /// A shared dimension's perception gap in one session, over `items`: each department's
    /// weighted mean of its item means, highest minus lowest, as in the report's matrix.
    static func perceptionGap(items: [Item], scores: [ItemID: ItemScore], departments: [String]) -> Double? {
        let means = departments.compactMap { department in
            Tally.weightedMean(items.map { item in
                (item.weight, scores[item.id]?.byDepartment.first { $0.department == department }?.current)
            })
        }
        return Tally.perceptionGap(means)
    }
}
