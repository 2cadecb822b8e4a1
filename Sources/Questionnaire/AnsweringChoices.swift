/// What the facilitator decides about answering when a session is created: which questions may
/// be left unanswered, and in which modules importance is not asked.
///
/// A workshop's answering phase is about 30 minutes; these let the facilitator fit the
/// questionnaire to the room without editing module files. They are the session's, not the
/// modules': the frozen module copies stay byte for byte what their authors wrote.
public struct AnsweringChoices: Hashable, Sendable {
    /// Ids of items, dimensions ("it.security") or whole modules ("stores") whose questions are
    /// optional, as the facilitator named them.
    public var optional: [String]
    /// Ids of modules whose items are asked without importance.
    public var withoutImportance: [String]

    /// An id named twice is kept once: a facilitator who names it twice means it once.
    public init(optional: [String] = [], withoutImportance: [String] = []) {
        self.optional = Self.once(optional)
        self.withoutImportance = Self.once(withoutImportance)
    }

    private static func once(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    public static let none = AnsweringChoices()

    public var isEmpty: Bool { optional.isEmpty && withoutImportance.isEmpty }

    /// Why an id does not fit `catalog`, one message per id, empty when all do.
    public func problems(in catalog: ModuleCatalog) -> [String] {
        let ids = catalog.allIDs, modules = catalog.modules.map(\.id)
        var problems: [String] = []
        for id in optional where !ids.contains(id) {
            problems.append("--optional \(id): no item, dimension or module of this session has that id" + suggestion(for: id, among: ids))
        }
        for id in withoutImportance where !modules.contains(id) {
            problems.append("--no-importance \(id): no module of this session has that id" + suggestion(for: id, among: modules))
        }
        return problems
    }

    /// Whether `item`, in `dimension` of `module`, is optional under these choices.
    public func isOptional(_ item: ItemID, dimension: String, module: String) -> Bool {
        optional.contains { $0 == module || $0 == module + "." + dimension || $0 == item.rawValue }
    }

    private func suggestion(for id: String, among ids: [String]) -> String {
        Suggestion.closest(to: id, among: ids).map { " (did you mean \($0)?)" } ?? ""
    }
}

extension ModuleCatalog {
    /// The catalog with `choices` applied: items marked optional, modules that do not ask
    /// importance. Ids that name nothing are ignored here (`AnsweringChoices.problems` reports
    /// them when the session is created).
    public func applying(_ choices: AnsweringChoices) -> ModuleCatalog {
        guard !choices.isEmpty else { return self }
        return ModuleCatalog(modules: modules.map { module in
            var module = module
            module.asksImportance = module.asksImportance && !choices.withoutImportance.contains(module.id)
            for place in module.dimensions.indices {
                let dimension = module.dimensions[place].id
                for index in module.dimensions[place].items.indices {
                    let item = module.dimensions[place].items[index]
                    module.dimensions[place].items[index].isOptional = item.isOptional
                        || choices.isOptional(item.id, dimension: dimension, module: module.id)
                }
            }
            return module
        })
    }

    /// Every module, dimension ("module.dimension") and item id: what `--optional` may name.
    var allIDs: [String] {
        modules.flatMap { module in
            [module.id] + module.dimensions.flatMap { dimension in
                [module.id + "." + dimension.id] + dimension.items.map(\.id.rawValue)
            }
        }
    }
}
