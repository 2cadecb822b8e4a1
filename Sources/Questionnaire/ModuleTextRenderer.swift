import Basics
/// A module as plain text for reading in a terminal or printing: every question with its help,
/// its four level descriptors or options, and its skip logic, in one language.
public enum ModuleTextRenderer {
    public static let width = 80

    public static func render(_ module: QuestionnaireModule, language: Language) -> String {
        let words = ModuleShowStrings.forLanguage(language)
        var lines: [String] = []
        let title = module.title.resolved(in: language)
        lines.append(title)
        lines.append(String(repeating: "=", count: title.count))
        let languages = module.languages.map(\.rawValue).joined(separator: ", ")
        lines.append("\(module.id) · \(words.version) \(module.version) · \(words.languages): \(languages)")
        lines.append("")
        lines += TextWrapping.wrap(module.intro.resolved(in: language), width: width)
        lines.append("")
        lines.append("\(words.scale):")
        lines += MaturityStage.allCases.map { "  \($0.rawValue) \($0.name.resolved(in: language))" }
        lines += TextWrapping.wrap(words.dontKnow, width: width)

        var numbers: [ItemID: String] = [:]
        for (dimensionIndex, dimension) in module.dimensions.enumerated() {
            let heading = "\(dimensionIndex + 1). \(dimension.title.resolved(in: language))"
            lines += ["", "", heading, String(repeating: "-", count: heading.count)]
            for (itemIndex, item) in dimension.items.enumerated() {
                let number = "\(dimensionIndex + 1).\(itemIndex + 1)"
                numbers[item.id] = number
                lines.append("")
                lines += renderItem(item, number: number, module: module, numbers: numbers, language: language, words: words)
            }
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    private static func renderItem(_ item: Item, number: String, module: QuestionnaireModule, numbers: [ItemID: String],
                                   language: Language, words: ModuleShowStrings) -> [String] {
        let indent = number.count + 1
        var lines = TextWrapping.hanging(item.prompt.resolved(in: language), first: number, indent: indent, width: width)
        var tags = "[\(item.id)"
        if item.weight != 1 { tags += ", \(words.weight) \(NumberFormatting.plain(item.weight))" }
        lines.append(String(repeating: " ", count: indent) + tags + "]")
        let pad = String(repeating: " ", count: indent)
        if let help = item.help {
            lines += TextWrapping.wrap(help.resolved(in: language), width: width - indent).map { pad + $0 }
        }
        if let condition = item.condition {
            lines += TextWrapping.wrap(describe(condition, module: module, numbers: numbers, language: language, words: words),
                                       width: width - indent).map { pad + $0 }
        }
        switch item.kind {
        case .maturity(let levels):
            lines.append(pad + words.maturity)
            for (stage, descriptor) in zip(MaturityStage.allCases, levels) {
                let label = "\(pad)  \(stage.rawValue) "
                lines += TextWrapping.hanging(descriptor.resolved(in: language), first: label, indent: label.count, width: width)
            }
        case .choice(let options, let multiple):
            lines.append(pad + (multiple ? words.chooseAny : words.chooseOne))
            for option in options {
                let label = option.label.resolved(in: language) + (option.exclusive && multiple ? " " + words.alone : "")
                lines += TextWrapping.hanging(label, first: pad + "  •", indent: indent + 4, width: width)
            }
        case .number(let spec):
            let unit = spec.unit.resolved(in: language)
            var text = "\(words.number) (\(unit)"
            switch (spec.minimum, spec.maximum) {
            case let (low?, high?): text += ", " + words.between(NumberFormatting.plain(low), NumberFormatting.plain(high))
            case let (low?, nil): text += ", " + words.atLeast(NumberFormatting.plain(low))
            case let (nil, high?): text += ", " + words.atMost(NumberFormatting.plain(high))
            case (nil, nil): break
            }
            lines += TextWrapping.wrap(text + ").", width: width - indent).map { pad + $0 }
        case .text:
            lines.append(pad + words.freeAnswer)
        }
        return lines
    }

    private static func describe(_ condition: Condition, module: QuestionnaireModule, numbers: [ItemID: String],
                                 language: Language, words: ModuleShowStrings) -> String {
        let target = module.item(condition.itemID)
        let reference = numbers[condition.itemID].map { "\($0) " } ?? ""
        let prompt = target.map { words.quote($0.prompt.resolved(in: language)) } ?? condition.itemID.rawValue
        func label(_ option: String) -> String {
            guard case .choice(let options, _)? = target?.kind,
                  let match = options.first(where: { $0.id == option }) else { return option }
            return match.label.resolved(in: language)
        }
        let isStage = target?.kind.tag == .maturity
        let test = switch condition.test {
        case .isOption(let option): words.conditionIs(words.quote(label(option)))
        case .anyOf(let options): words.conditionAnyOf(options.map { words.quote(label($0)) }.joined(separator: " \(words.or) "))
        case .atLeast(let bound) where isStage: words.stageAtLeast(NumberFormatting.plain(bound))
        case .atMost(let bound) where isStage: words.stageAtMost(NumberFormatting.plain(bound))
        case .atLeast(let bound): words.valueAtLeast(NumberFormatting.plain(bound))
        case .atMost(let bound): words.valueAtMost(NumberFormatting.plain(bound))
        }
        return "\(words.askedOnlyIf) \(reference)\(prompt) \(test)."
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
