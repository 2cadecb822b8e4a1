import Basics
import Yams

extension ModuleParser {
    static let conditionTests = ["is", "any_of", "at_least", "at_most"]

    /// Reads every `when:` block of the module, now that all its items are known, and reports
    /// conditions on unknown, later or unsuitable items.
    mutating func checkConditions() {
        for pending in pendingConditions {
            if let condition = parseCondition(pending) { conditions[pending.itemID] = condition }
        }
    }

    private mutating func parseCondition(_ pending: PendingCondition) -> Condition? {
        let what = "the condition of item \"\(pending.itemID)\""
        guard let mapping = reader.mapping(pending.node, what, example: "item: ecommerce.channels.marketplaces") else { return nil }
        reader.checkKeys(mapping, allowed: ["item"] + Self.conditionTests, required: ["item"], in: what)
        let tests = Self.conditionTests.filter { mapping.fields[$0] != nil }
        guard tests.count == 1 else {
            if tests.count > 1 || mapping.fields["item"] != nil {
                reader.report(tests.isEmpty ? .missingKey : .invalidValue, at: pending.node,
                              "\(what) needs exactly one test, but has \(tests.isEmpty ? "none" : tests.joined(separator: " and "))",
                              fix: "Use one of \(Self.conditionTests.joined(separator: ", ")).")
            }
            return nil
        }
        guard let itemNode = mapping["item"], let targetName = reader.identifier(itemNode, "the item in \(what)") else { return nil }
        let target = ItemID(rawValue: targetName)
        guard let targetIndex = itemsInOrder.firstIndex(where: { $0.id == target }) else {
            reader.report(.unknownConditionItem, at: itemNode, "\(what) refers to \"\(target)\", which is not an item of this module",
                          fix: suggestionForUnknownItem(target, before: pending.index))
            return nil
        }
        guard targetIndex < pending.index else {
            let relation = targetIndex == pending.index ? "the item itself" : "an item that comes later"
            reader.report(.laterConditionItem, at: itemNode, "\(what) refers to \"\(target)\", \(relation)",
                          fix: "A condition may only depend on an earlier item; move \"\(target)\" above this one, or change the condition.")
            return nil
        }
        let outline = itemsInOrder[targetIndex]
        guard let kind = outline.kindName, let testKey = tests.first, let testNode = mapping[testKey] else { return nil }
        guard let test = parseTest(testKey, testNode, target: target, kind: kind, options: outline.optionIDs, what: what) else { return nil }
        return Condition(itemID: target, test: test)
    }

    private func suggestionForUnknownItem(_ target: ItemID, before index: Int) -> String {
        let earlier = itemsInOrder.prefix(index).compactMap { $0.id?.rawValue }
        if let close = Suggestion.closest(to: target.rawValue, among: earlier) { return "Did you mean \"\(close)\"?" }
        return "Name an earlier item of the same module by its id."
    }

    private mutating func parseTest(_ key: String, _ node: Node, target: ItemID, kind: String, options: [String]?,
                                    what: String) -> Condition.Test? {
        switch (key, kind) {
        case ("is", "choice"):
            guard let option = reader.scalar(node, "the option in \(what)") else { return nil }
            return checkOptions([option], at: node, known: options, target: target, what: what) ? .isOption(option) : nil
        case ("any_of", "choice"):
            guard let entries = reader.sequence(node, "any_of in \(what)", example: "any_of: [\"yes\", planned]") else { return nil }
            let chosen = entries.compactMap { reader.scalar($0, "an option in \(what)") }
            guard chosen.count == entries.count, !chosen.isEmpty else {
                if entries.isEmpty {
                    reader.report(.invalidValue, at: node, "any_of in \(what) is empty", fix: "List at least one option id.")
                }
                return nil
            }
            return checkOptions(chosen, at: node, known: options, target: target, what: what) ? .anyOf(chosen) : nil
        case ("at_least", "maturity"), ("at_most", "maturity"):
            guard let bound = reader.number(node, "\(key) in \(what)") else { return nil }
            guard MaturityStage(rawValue: Int(bound)) != nil, bound == bound.rounded() else {
                reader.report(.invalidValue, at: node, "\(key) \(NumberFormatting.plain(bound)) in \(what) is not a stage",
                              fix: "\"\(target)\" is a maturity item: use a stage from 1 to 4.")
                return nil
            }
            return key == "at_least" ? .atLeast(bound) : .atMost(bound)
        case ("at_least", "number"), ("at_most", "number"):
            guard let bound = reader.number(node, "\(key) in \(what)") else { return nil }
            return key == "at_least" ? .atLeast(bound) : .atMost(bound)
        default:
            let fitting = kind == "choice" ? "is or any_of" : "at_least or at_most"
            reader.report(.conditionNotApplicable, at: node, "\(what) uses \(key), which does not apply to \(kind) item \"\(target)\"",
                          fix: kind == "text" ? "Make the condition depend on a choice, maturity or number item."
                                              : "For a \(kind) item use \(fitting).")
            return nil
        }
    }

    /// Whether every chosen option exists; true when the item's options are unknown (they are
    /// reported where they are written).
    private mutating func checkOptions(_ chosen: [String], at node: Node, known: [String]?, target: ItemID, what: String) -> Bool {
        guard let ids = known else { return true }
        var valid = true
        for option in chosen where !ids.contains(option) {
            let hint = Suggestion.closest(to: option, among: ids).map { "Did you mean \"\($0)\"? " } ?? ""
            reader.report(.unknownConditionOption, at: node, "\(what) names option \"\(Sanitized.excerpt(option))\", which \"\(target)\" does not have",
                          fix: "\(hint)Its options are \(ids.joined(separator: ", ")).")
            valid = false
        }
        return valid
    }
}
