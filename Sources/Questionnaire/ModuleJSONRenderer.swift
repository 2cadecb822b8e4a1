import Foundation

/// A module as JSON for tools, with every text resolved in one language.
///
/// The shape is documented in docs/module-format.md ("JSON output"). Keys are sorted so that the
/// output is stable and diffs stay small.
public enum ModuleJSONRenderer {
    public static func render(_ module: QuestionnaireModule, language: Language) -> String {
        let document = ModuleDocument(module, language: language)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The document holds only strings, numbers and arrays of them: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct ModuleDocument: Encodable {
    struct Stage: Encodable {
        let stage: Int
        let name: String
    }

    struct DimensionDocument: Encodable {
        let id: String
        let title: String
        let items: [ItemDocument]
    }

    struct ItemDocument: Encodable {
        let id: String
        let kind: String
        let prompt: String
        let help: String?
        let weight: Double
        let levels: [String]?
        let options: [OptionDocument]?
        let multiple: Bool?
        let unit: String?
        let min: Double?
        let max: Double?
        let condition: ConditionDocument?
    }

    struct OptionDocument: Encodable {
        let id: String
        let label: String
        /// Present, and true, only on an exclusive option.
        let exclusive: Bool?
    }

    struct ConditionDocument: Encodable {
        let item: String
        let test: String
        let options: [String]?
        let value: Double?
    }

    let id: String
    let version: String
    let language: String
    let languages: [String]
    /// Answered by everybody rather than by one department.
    let shared: Bool
    let order: Int?
    let title: String
    let intro: String
    let scale: [Stage]
    let dimensions: [DimensionDocument]

    init(_ module: QuestionnaireModule, language: Language) {
        id = module.id
        version = module.version
        self.language = language.rawValue
        languages = module.languages.map(\.rawValue)
        shared = module.shared
        order = module.order
        title = module.title.resolved(in: language)
        intro = module.intro.resolved(in: language)
        scale = MaturityStage.allCases.map { Stage(stage: $0.rawValue, name: $0.name.resolved(in: language)) }
        dimensions = module.dimensions.map { dimension in
            DimensionDocument(id: dimension.id, title: dimension.title.resolved(in: language),
                              items: dimension.items.map { ItemDocument($0, language: language) })
        }
    }
}

extension ModuleDocument.ItemDocument {
    init(_ item: Item, language: Language) {
        id = item.id.rawValue
        kind = item.kind.name
        prompt = item.prompt.resolved(in: language)
        help = item.help?.resolved(in: language)
        weight = item.weight
        var levels: [String]?, options: [ModuleDocument.OptionDocument]?, multiple: Bool?
        var unit: String?, min: Double?, max: Double?
        switch item.kind {
        case .maturity(let descriptors):
            levels = descriptors.map { $0.resolved(in: language) }
        case .choice(let choices, let isMultiple):
            options = choices.map { .init(id: $0.id, label: $0.label.resolved(in: language), exclusive: $0.exclusive ? true : nil) }
            multiple = isMultiple
        case .number(let spec):
            unit = spec.unit.resolved(in: language)
            min = spec.minimum
            max = spec.maximum
        case .text:
            break
        }
        self.levels = levels
        self.options = options
        self.multiple = multiple
        self.unit = unit
        self.min = min
        self.max = max
        condition = item.condition.map { condition in
            switch condition.test {
            case .isOption(let option): .init(item: condition.itemID.rawValue, test: "is", options: [option], value: nil)
            case .anyOf(let choices): .init(item: condition.itemID.rawValue, test: "any_of", options: choices, value: nil)
            case .atLeast(let bound): .init(item: condition.itemID.rawValue, test: "at_least", options: nil, value: bound)
            case .atMost(let bound): .init(item: condition.itemID.rawValue, test: "at_most", options: nil, value: bound)
            }
        }
    }
}
