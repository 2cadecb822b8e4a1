/// A set of loaded modules, with item lookup across them.
///
/// Item ids are unique across modules (the loader enforces it), so an item id alone finds its
/// module and dimension.
public struct ModuleCatalog: Sendable {
    public let modules: [QuestionnaireModule]
    private let locations: [ItemID: ItemLocation]

    public init(modules: [QuestionnaireModule]) {
        self.modules = modules
        var locations: [ItemID: ItemLocation] = [:]
        for (moduleIndex, module) in modules.enumerated() {
            for (dimensionIndex, dimension) in module.dimensions.enumerated() {
                for (itemIndex, item) in dimension.items.enumerated() where locations[item.id] == nil {
                    locations[item.id] = ItemLocation(moduleIndex: moduleIndex, dimensionIndex: dimensionIndex, itemIndex: itemIndex)
                }
            }
        }
        self.locations = locations
    }

    /// The modules in their place: by `order`, those without one after, by id.
    public var ordered: [QuestionnaireModule] {
        modules.sorted { ($0.order ?? Int.max, $0.id) < ($1.order ?? Int.max, $1.id) }
    }

    /// What a session uses when none are named: every module in its place, and those marked
    /// shared as the shared ones.
    public var standardSelection: (moduleIDs: [String], shared: [String]) {
        let ordered = self.ordered
        return (ordered.map(\.id), ordered.filter(\.shared).map(\.id))
    }

    /// The module with `id`.
    public func module(_ id: String) -> QuestionnaireModule? {
        modules.first { $0.id == id }
    }

    /// The item with `id`, in whichever module has it.
    public func item(_ id: ItemID) -> Item? {
        locations[id].map { modules[$0.moduleIndex].dimensions[$0.dimensionIndex].items[$0.itemIndex] }
    }

    /// The module and dimension that hold item `id`.
    public func placement(of id: ItemID) -> (module: QuestionnaireModule, dimension: Dimension)? {
        guard let location = locations[id] else { return nil }
        let module = modules[location.moduleIndex]
        return (module, module.dimensions[location.dimensionIndex])
    }

    /// Every item id, in module order.
    public var itemIDs: [ItemID] { modules.flatMap { $0.items.map(\.id) } }
}

/// Where an item sits in a catalog.
struct ItemLocation: Sendable {
    let moduleIndex: Int
    let dimensionIndex: Int
    let itemIndex: Int
}
