import Basics
import Questionnaire

/// A parsed module as JSON and back, for the module cache: every field of the model, so a
/// module read back is equal to the one written. Decoding fails (nil) on anything it does not
/// expect rather than filling in a default.
enum ModuleJSONCoding {
    // MARK: Encoding

    static func encode(_ module: QuestionnaireModule) -> String {
        let dimensions = module.dimensions.map { dimension in
            JSONText.inlineObject([("id", JSONText.string(dimension.id)), ("title", text(dimension.title)),
                                   ("items", "[" + dimension.items.map(encode).joined(separator: ", ") + "]")])
        }
        var members: [(String, String)] = [
            ("id", JSONText.string(module.id)), ("version", JSONText.string(module.version)),
            ("languages", JSONText.stringArray(module.languages.map(\.rawValue))),
            ("title", text(module.title)), ("intro", text(module.intro)),
            ("dimensions", "[" + dimensions.joined(separator: ", ") + "]"),
            ("shared", module.shared ? "true" : "false"),
        ]
        if let order = module.order { members.append(("order", String(order))) }
        return JSONText.inlineObject(members)
    }

    private static func encode(_ item: Item) -> String {
        var members: [(String, String)] = [
            ("id", JSONText.string(item.id.rawValue)), ("kind", JSONText.string(item.kind.name)),
            ("prompt", text(item.prompt)), ("weight", JSONText.number(item.weight)),
        ]
        if let help = item.help { members.append(("help", text(help))) }
        if let condition = item.condition {
            var test: [(String, String)] = [("item", JSONText.string(condition.itemID.rawValue)), ("test", JSONText.string(condition.test.key))]
            switch condition.test {
            case .isOption(let option): test.append(("options", JSONText.stringArray([option])))
            case .anyOf(let options): test.append(("options", JSONText.stringArray(options)))
            case .atLeast(let value), .atMost(let value): test.append(("value", JSONText.number(value)))
            }
            members.append(("when", JSONText.inlineObject(test)))
        }
        switch item.kind {
        case .maturity(let levels):
            members.append(("levels", "[" + levels.map(text).joined(separator: ", ") + "]"))
        case .choice(let options, let multiple):
            members.append(("options", "[" + options.map { JSONText.inlineObject([("id", JSONText.string($0.id)), ("label", text($0.label))]
                + ($0.exclusive ? [("exclusive", "true")] : [])) }
                .joined(separator: ", ") + "]"))
            members.append(("multiple", multiple ? "true" : "false"))
        case .number(let spec):
            members.append(("unit", text(spec.unit)))
            if let minimum = spec.minimum { members.append(("min", JSONText.number(minimum))) }
            if let maximum = spec.maximum { members.append(("max", JSONText.number(maximum))) }
        case .text:
            break
        }
        return JSONText.inlineObject(members)
    }

    private static func text(_ text: LocalizedText) -> String {
        JSONText.inlineObject(text.translations.sorted { $0.key < $1.key }.map { ($0.key.rawValue, JSONText.string($0.value)) })
    }

    // MARK: Decoding

    static func decode(_ value: JSONValue) -> QuestionnaireModule? {
        guard let id = value["id"]?.string, let version = value["version"]?.string,
              let languages = value["languages"]?.array?.compactMap({ $0.string.flatMap(Language.init(rawValue:)) }),
              let title = value["title"].flatMap(text), let intro = value["intro"].flatMap(text),
              let dimensionValues = value["dimensions"]?.array
        else { return nil }
        var dimensions: [Dimension] = []
        for entry in dimensionValues {
            guard let dimensionID = entry["id"]?.string, let dimensionTitle = entry["title"].flatMap(text),
                  let itemValues = entry["items"]?.array else { return nil }
            var items: [Item] = []
            for itemValue in itemValues {
                guard let item = decodeItem(itemValue) else { return nil }
                items.append(item)
            }
            dimensions.append(Dimension(id: dimensionID, title: dimensionTitle, items: items))
        }
        guard let shared = value["shared"]?.bool else { return nil }
        let order = value["order"]?.int
        return QuestionnaireModule(id: id, version: version, languages: languages, title: title, intro: intro, dimensions: dimensions,
                                   shared: shared, order: order)
    }

    private static func decodeItem(_ value: JSONValue) -> Item? {
        guard let id = value["id"]?.string, let kindName = value["kind"]?.string, let prompt = value["prompt"].flatMap(text),
              let weight = value["weight"]?.number else { return nil }
        let kind: ItemKind
        switch kindName {
        case "maturity":
            guard let levels = value["levels"]?.array?.compactMap(text), levels.count == 4 else { return nil }
            kind = .maturity(levels: levels)
        case "choice":
            guard let optionValues = value["options"]?.array, let multiple = value["multiple"]?.bool else { return nil }
            let options = optionValues.compactMap { option -> ChoiceOption? in
                guard let optionID = option["id"]?.string, let label = option["label"].flatMap(text) else { return nil }
                return ChoiceOption(id: optionID, label: label, exclusive: option["exclusive"]?.bool ?? false)
            }
            guard options.count == optionValues.count else { return nil }
            kind = .choice(options: options, multiple: multiple)
        case "number":
            guard let unit = value["unit"].flatMap(text) else { return nil }
            kind = .number(NumberSpec(unit: unit, minimum: value["min"]?.number, maximum: value["max"]?.number))
        case "text":
            kind = .text
        default:
            return nil
        }
        var condition: Condition?
        if let when = value["when"] {
            guard let item = when["item"]?.string, let test = when["test"]?.string else { return nil }
            let options = (when["options"]?.array ?? []).compactMap(\.string)
            switch (test, when["value"]?.number) {
            case ("is", _) where options.count == 1: condition = Condition(itemID: ItemID(item), test: .isOption(options[0]))
            case ("any_of", _): condition = Condition(itemID: ItemID(item), test: .anyOf(options))
            case ("at_least", let bound?): condition = Condition(itemID: ItemID(item), test: .atLeast(bound))
            case ("at_most", let bound?): condition = Condition(itemID: ItemID(item), test: .atMost(bound))
            default: return nil
            }
        }
        return Item(id: ItemID(id), kind: kind, prompt: prompt, help: value["help"].flatMap(text), weight: weight, condition: condition)
    }

    private static func text(_ value: JSONValue) -> LocalizedText? {
        guard let members = value.members else { return nil }
        var translations: [Language: String] = [:]
        for (code, text) in members {
            guard let language = Language(rawValue: code), let text = text.string else { return nil }
            translations[language] = text
        }
        return LocalizedText(translations)
    }
}
