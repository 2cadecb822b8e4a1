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

    public init(optional: [String] = [], withoutImportance: [String] = []) {
        self.optional = optional
        self.withoutImportance = withoutImportance
    }

    public static let none = AnsweringChoices()

    public var isEmpty: Bool { optional.isEmpty && withoutImportance.isEmpty }

    /// Why an id does not fit `catalog`, one message per id, empty when all do.
    public func problems(in catalog: ModuleCatalog) -> [String] {
        var problems: [String] = []
        for id in optional where !catalog.names(id) {
            problems.append("--optional \(id): no item, dimension or module of this session has that id"
                + suggestion(for: id, among: catalog.allIDs))
        }
        for id in withoutImportance where catalog.module(id) == nil {
            problems.append("--no-importance \(id): no module of this session has that id"
                + suggestion(for: id, among: catalog.modules.map(\.id)))
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
            QuestionnaireModule(
                id: module.id, version: module.version, languages: module.languages, title: module.title,
                intro: module.intro,
                dimensions: module.dimensions.map { dimension in
                    Dimension(id: dimension.id, title: dimension.title, items: dimension.items.map { item in
                        Item(id: item.id, kind: item.kind, prompt: item.prompt, help: item.help, weight: item.weight,
                             condition: item.condition,
                             isOptional: item.isOptional || choices.isOptional(item.id, dimension: dimension.id, module: module.id))
                    })
                },
                shared: module.shared, order: module.order,
                asksImportance: module.asksImportance && !choices.withoutImportance.contains(module.id))
        })
    }

    /// Whether `id` names a module, a dimension ("module.dimension") or an item.
    func names(_ id: String) -> Bool {
        allIDs.contains(id)
    }

    /// Every module, dimension and item id, for lookups and suggestions.
    var allIDs: [String] {
        modules.flatMap { module in
            [module.id] + module.dimensions.flatMap { dimension in
                [module.id + "." + dimension.id] + dimension.items.map(\.id.rawValue)
            }
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once: a facilitator who names an id twice means it once.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
