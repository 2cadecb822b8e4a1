import Basics
import Yams

/// What the condition checks need to know of an item, even of one that failed to parse.
struct ItemOutline {
    let id: ItemID?
    /// The kind as written, when it is one of the four.
    let kindName: String?
    /// The option ids of a choice item, when they could be read.
    let optionIDs: [String]?
}

/// A `when:` block, kept with its position until the whole module is known.
struct PendingCondition {
    let itemID: ItemID
    /// The item's position in the module's order.
    let index: Int
    let node: Node
}

extension ModuleParser {
    static let commonItemKeys = ["id", "kind", "prompt", "help", "weight", "when"]
    /// The extra keys each kind takes.
    static let kindKeys: [String: [String]] = [
        "maturity": ["levels"],
        "choice": ["options", "multiple"],
        "number": ["unit", "min", "max"],
        "text": [],
    ]
    static let kindNames = ["maturity", "choice", "number", "text"]
    static let maximumOptions = 50

    mutating func parseItem(_ node: Node) -> Item? {
        guard let mapping = reader.mapping(node, "an item", example: "id: ecommerce.ownership.owner") else { return nil }
        let id = mapping["id"].flatMap { reader.identifier($0, "the item id") }.map(ItemID.init(rawValue:))
        let what = id.map { "item \"\($0)\"" } ?? "an item"
        if let id, let idNode = mapping["id"] { registerItemID(id, at: idNode) }

        let kindName = mapping["kind"].flatMap { reader.scalar($0, "the kind of \(what)") }
        let knownKind = kindName.flatMap { Self.kindKeys[$0] != nil ? $0 : nil }
        if let kindName, knownKind == nil, let kindNode = mapping["kind"] {
            let hint = Suggestion.closest(to: kindName, among: Self.kindNames).map { "Did you mean \"\($0)\"? " } ?? ""
            reader.report(.unknownKind, at: kindNode, "\(what) has the unknown kind \"\(Sanitized.excerpt(kindName))\"",
                          fix: "\(hint)The kinds are \(Self.kindNames.joined(separator: ", ")).")
        }
        checkItemKeys(mapping, kind: knownKind, what: what)

        let prompt = mapping["prompt"].flatMap { reader.localized($0, "the prompt of \(what)", languages: languages, limit: TextLimits.prompt) }
        let help = mapping["help"].flatMap { reader.localized($0, "the help of \(what)", languages: languages, limit: TextLimits.help) }
        let weight = mapping["weight"].flatMap { parseWeight($0, what: what) } ?? 1
        let kind = knownKind.flatMap { parseKind($0, mapping, what: what) }
        if let id, let whenNode = mapping["when"] {
            pendingConditions.append(PendingCondition(itemID: id, index: itemsInOrder.count, node: whenNode))
        }
        itemsInOrder.append(ItemOutline(id: id, kindName: knownKind, optionIDs: optionIDs(of: kind, mapping)))
        guard let id, let kind, let prompt, mapping["help"] == nil || help != nil else { return nil }
        // The condition is attached by `parse` once the module's items are all known.
        return Item(id: id, kind: kind, prompt: prompt, help: help, weight: weight)
    }

    /// The option ids of a choice item, read leniently so that conditions on an item whose
    /// options have other problems can still be checked.
    private func optionIDs(of kind: ItemKind?, _ mapping: YAMLMapping) -> [String]? {
        if case .choice(let options, _)? = kind { return options.map(\.id) }
        guard case .sequence(let entries)? = mapping["options"] else { return nil }
        let ids = entries.compactMap { entry -> String? in
            guard case .mapping(let option) = entry, case .scalar(let id)? = option["id"] else { return nil }
            return id.string
        }
        return ids.count == entries.count ? ids : nil
    }

    private mutating func registerItemID(_ id: ItemID, at node: Node) {
        let position = YAMLReader.position(of: node)
        if let first = itemIDs.first(where: { $0.id == id }) {
            reader.report(.duplicateID, at: node, "item id \"\(id)\" is used twice in this module (first at line \(first.position.line))",
                          fix: "Give each item its own id.")
        } else {
            itemIDs.append((id, position))
        }
    }

    /// Reports unknown keys, and keys that belong to another kind than this item's.
    private mutating func checkItemKeys(_ mapping: YAMLMapping, kind: String?, what: String) {
        let allKindKeys = Self.kindKeys.values.flatMap { $0 }
        let ownKeys = kind.map { Self.kindKeys[$0] ?? [] } ?? allKindKeys
        reader.checkKeys(mapping, allowed: Self.commonItemKeys + allKindKeys, required: ["id", "kind", "prompt"], in: what)
        guard let kind else { return }
        for key in mapping.keys where allKindKeys.contains(key) && !ownKeys.contains(key) {
            guard let keyNode = mapping.fields[key]?.key else { continue }
            let owner = Self.kindNames.first { Self.kindKeys[$0]?.contains(key) == true } ?? "another"
            reader.report(.keyNotForKind, at: keyNode, "\"\(key)\" is for \(owner) items, but \(what) is a \(kind) item",
                          fix: "Remove \"\(key)\", or change the kind to \(owner).")
        }
        for key in ownKeys where ["levels", "options", "unit"].contains(key) && mapping.fields[key] == nil {
            reader.report(.missingKey, at: mapping.node, "\(what) is a \(kind) item but has no \"\(key)\"",
                          fix: "Add \"\(key):\" to it; see docs/module-format.md.")
        }
    }

    private mutating func parseWeight(_ node: Node, what: String) -> Double? {
        guard let weight = reader.number(node, "the weight of \(what)") else { return nil }
        guard weight > 0, weight <= 100 else {
            reader.report(.invalidValue, at: node, "the weight of \(what) is \(NumberFormatting.plain(weight))",
                          fix: "Use a number above 0 and at most 100; 1 is the default.")
            return nil
        }
        return weight
    }

    private mutating func parseKind(_ kind: String, _ mapping: YAMLMapping, what: String) -> ItemKind? {
        switch kind {
        case "maturity":
            return mapping["levels"].flatMap { parseLevels($0, what: what) }.map { .maturity(levels: $0) }
        case "choice":
            let multiple = mapping["multiple"].flatMap { reader.boolean($0, "multiple in \(what)") } ?? false
            return mapping["options"].flatMap { parseOptions($0, what: what) }.map { .choice(options: $0, multiple: multiple) }
        case "number":
            return parseNumberSpec(mapping, what: what).map { .number($0) }
        default:
            return .text
        }
    }

    /// The four level descriptors, keyed 1 to 4.
    private mutating func parseLevels(_ node: Node, what: String) -> [LocalizedText]? {
        guard let mapping = reader.mapping(node, "the levels of \(what)", example: "1: {en: ...}") else { return nil }
        let stages = MaturityStage.allCases.map { String($0.rawValue) }
        for key in mapping.keys where !stages.contains(key) {
            guard let keyNode = mapping.fields[key]?.key else { continue }
            reader.report(.unknownKey, at: keyNode, "\"\(Sanitized.excerpt(key))\" is not a level of \(what)",
                          fix: "The levels are 1, 2, 3 and 4, one for each stage of the scale.")
        }
        var levels: [LocalizedText] = []
        for stage in MaturityStage.allCases {
            let name = stage.name.resolved(in: .english)
            guard let levelNode = mapping["\(stage.rawValue)"] else {
                reader.report(.missingLevel, at: node, "\(what) has no descriptor for level \(stage.rawValue) (\(name))",
                              fix: "Add \"\(stage.rawValue): {\((languages ?? [.fallback]).map { "\($0.rawValue): ..." }.joined(separator: ", "))}\" under levels.")
                continue
            }
            if let text = reader.localized(levelNode, "level \(stage.rawValue) of \(what)", languages: languages,
                                           limit: TextLimits.levelDescriptor,
                                           wrapped: (TextLimits.descriptorWidth, TextLimits.descriptorLines)) {
                levels.append(text)
            }
        }
        return levels.count == MaturityStage.allCases.count ? levels : nil
    }

    private mutating func parseOptions(_ node: Node, what: String) -> [ChoiceOption]? {
        guard let entries = reader.sequence(node, "the options of \(what)", example: "- id: in-house") else { return nil }
        guard entries.count >= 2, entries.count <= Self.maximumOptions else {
            reader.report(entries.count < 2 ? .missingKey : .tooMany, at: node,
                          "\(what) has \(entries.count) option\(entries.count == 1 ? "" : "s")",
                          fix: "Give a choice item between 2 and \(Self.maximumOptions) options.")
            return nil
        }
        var options: [ChoiceOption] = []
        var broken = false
        for entry in entries {
            guard let mapping = reader.mapping(entry, "an option of \(what)", example: "id: in-house") else { broken = true; continue }
            reader.checkKeys(mapping, allowed: ["id", "label", "exclusive"], required: ["id", "label"], in: "an option of \(what)")
            let id = mapping["id"].flatMap { reader.identifier($0, "the option id") }
            if let id, let idNode = mapping["id"], options.contains(where: { $0.id == id }) {
                reader.report(.duplicateID, at: idNode, "option \"\(id)\" appears twice in \(what)", fix: "Give each option its own id.")
            }
            let label = mapping["label"].flatMap {
                reader.localized($0, "the label of option \"\(id ?? "?")\" of \(what)", languages: languages, limit: TextLimits.optionLabel)
            }
            // A wrong value is reported (with its line) and the option is taken as not exclusive,
            // so the rest of the module is still checked.
            let exclusive = mapping["exclusive"].flatMap { reader.boolean($0, "exclusive in option \"\(id ?? "?")\" of \(what)") } ?? false
            guard let id, let label else { broken = true; continue }
            options.append(ChoiceOption(id: id, label: label, exclusive: exclusive))
        }
        return broken ? nil : options
    }

    private mutating func parseNumberSpec(_ mapping: YAMLMapping, what: String) -> NumberSpec? {
        let unit = mapping["unit"].flatMap { reader.localized($0, "the unit of \(what)", languages: languages, limit: TextLimits.unit) }
        let minimum = mapping["min"].flatMap { reader.number($0, "min of \(what)") }
        let maximum = mapping["max"].flatMap { reader.number($0, "max of \(what)") }
        if let minimum, let maximum, minimum > maximum, let node = mapping["min"] {
            reader.report(.invalidValue, at: node, "min of \(what) (\(NumberFormatting.plain(minimum))) is above its max (\(NumberFormatting.plain(maximum)))",
                          fix: "Swap them, or correct one.")
            return nil
        }
        guard let unit, mapping["min"] == nil || minimum != nil, mapping["max"] == nil || maximum != nil else { return nil }
        return NumberSpec(unit: unit, minimum: minimum, maximum: maximum)
    }
}
