/// How one session's questions relate to another's, item by item: what can be compared between a
/// workshop and its follow-up (or two branches' workshops), and what cannot.
///
/// Items are matched by id. An item whose question changed between the two (its English prompt,
/// its kind, its English level descriptors, its options or its unit and bounds) is `changed`:
/// its answers then and now answer different questions, and a comparison must say so rather than
/// subtract them. A translation edited alone does not change an item: the English text is the
/// source every translation is written from.
public struct EditionComparison: Sendable {
    public enum Match: Hashable, Sendable {
        /// The same question in both.
        case same
        /// The same id, but the question changed; `what` names each part that did, in English,
        /// for the report ("prompt", "level 3", "options").
        case changed(what: [String])
        /// Only in the first (the base): dropped or renamed since.
        case onlyInBase
        /// Only in the second: new since.
        case onlyInCurrent
    }

    /// Every item id of both catalogs, the base's order first, then the new ones in theirs.
    public let items: [(id: ItemID, match: Match)]
    private let matches: [ItemID: Match]

    public init(base: ModuleCatalog, current: ModuleCatalog) {
        var items: [(id: ItemID, match: Match)] = []
        for item in base.modules.flatMap(\.items) {
            guard let now = current.item(item.id) else {
                items.append((item.id, .onlyInBase))
                continue
            }
            let changes = Self.changes(from: item, to: now)
            items.append((item.id, changes.isEmpty ? .same : .changed(what: changes)))
        }
        for item in current.modules.flatMap(\.items) where base.item(item.id) == nil {
            items.append((item.id, .onlyInCurrent))
        }
        self.items = items
        matches = Dictionary(items.map { ($0.id, $0.match) }, uniquingKeysWith: { first, _ in first })
    }

    /// The match of `id`, nil when neither catalog has it.
    public func match(_ id: ItemID) -> Match? {
        matches[id]
    }

    /// The ids whose answers can be compared: the same question in both.
    public var comparable: [ItemID] {
        items.filter { $0.match == .same }.map(\.id)
    }

    /// What differs between two versions of one item, in the order a reader checks it.
    public static func changes(from old: Item, to new: Item) -> [String] {
        var changes: [String] = []
        if old.prompt.resolved(in: .english) != new.prompt.resolved(in: .english) { changes.append("prompt") }
        switch (old.kind, new.kind) {
        case (.maturity(let before), .maturity(let after)):
            for (index, (a, b)) in zip(before, after).enumerated() where a.resolved(in: .english) != b.resolved(in: .english) {
                changes.append("level \(index + 1)")
            }
        case (.choice(let before, let multipleBefore), .choice(let after, let multipleAfter)):
            if before.map(\.id) != after.map(\.id) || before.map(\.exclusive) != after.map(\.exclusive) { changes.append("options") }
            if multipleBefore != multipleAfter { changes.append("one or several") }
        case (.number(let before), .number(let after)):
            if before.unit.resolved(in: .english) != after.unit.resolved(in: .english) { changes.append("unit") }
            if before.minimum != after.minimum || before.maximum != after.maximum { changes.append("bounds") }
        case (.text, .text):
            break
        default:
            changes.append("kind")
        }
        return changes
    }
}
