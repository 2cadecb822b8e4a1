import Basics
import Yams

/// A module file read as far as it could be: the module when the file is valid on its own, and
/// the ids with their positions in any case, for the checks that span files.
struct ParsedModule: Sendable {
    var module: QuestionnaireModule?
    var moduleID: (id: String, position: SourcePosition)?
    var itemIDs: [(id: ItemID, position: SourcePosition)] = []
    var diagnostics: [ModuleDiagnostic] = []
}

/// Turns the YAML tree of one module file into a `QuestionnaireModule`, reporting every problem
/// it finds with its position. The checks that need other files are `ModuleLoader`'s.
struct ModuleParser {
    static let moduleKeys = ["id", "version", "languages", "title", "intro", "dimensions"]
    /// Keys a module may have: `shared` (answered by everybody) and `order` (its place in lists).
    static let optionalModuleKeys = ["shared", "order"]
    static let dimensionKeys = ["id", "title", "items"]
    /// Upper bounds that keep a hostile file (say, aliases multiplying one list) from making the
    /// loader do unbounded work. Real modules are far below them.
    static let maximumDimensions = 50
    static let maximumItemsPerDimension = 100

    var reader: YAMLReader
    /// The languages every text must have; nil while the module has not declared them properly,
    /// and then texts are checked leniently, so that one broken line does not flood the report.
    var languages: [Language]?
    var itemIDs: [(id: ItemID, position: SourcePosition)] = []
    /// Conditions wait until every item of the module is known, to tell "later" from "unknown".
    var pendingConditions: [PendingCondition] = []
    var itemsInOrder: [ItemOutline] = []
    /// The checked conditions, attached to their items once the module is complete.
    var conditions: [ItemID: Condition] = [:]

    init(file: String) {
        reader = YAMLReader(file: file)
    }

    /// Parses `root`, the document of one module file.
    mutating func parse(_ root: Node) -> ParsedModule {
        var result = ParsedModule()
        let module = parseModule(root, moduleID: &result.moduleID)
        checkConditions()
        result.itemIDs = itemIDs
        // Conditions are checked last; sorting puts every problem back in reading order, with the
        // note that the list was cut short at the very end.
        func order(_ entry: (offset: Int, element: ModuleDiagnostic)) -> (Int, Int, Int, Int) {
            (entry.element.code == .tooMany ? 1 : 0, entry.element.line, entry.element.column, entry.offset)
        }
        result.diagnostics = reader.diagnostics.enumerated().sorted { order($0) < order($1) }.map(\.element)
        guard reader.diagnostics.isEmpty, let module else { return result }
        result.module = attachingConditions(to: module)
        return result
    }

    private func attachingConditions(to module: QuestionnaireModule) -> QuestionnaireModule {
        let dimensions = module.dimensions.map { dimension in
            Dimension(id: dimension.id, title: dimension.title, items: dimension.items.map { item in
                Item(id: item.id, kind: item.kind, prompt: item.prompt, help: item.help, weight: item.weight,
                     condition: conditions[item.id])
            })
        }
        return QuestionnaireModule(id: module.id, version: module.version, languages: module.languages,
                                   title: module.title, intro: module.intro, dimensions: dimensions, shared: module.shared, order: module.order)
    }

    private mutating func parseModule(_ root: Node, moduleID: inout (id: String, position: SourcePosition)?) -> QuestionnaireModule? {
        guard let mapping = reader.mapping(root, "a module", example: "id: ecommerce") else { return nil }
        reader.checkKeys(mapping, allowed: Self.moduleKeys + Self.optionalModuleKeys, required: Self.moduleKeys, in: "the module")
        let shared = mapping["shared"].flatMap { reader.boolean($0, "shared") } ?? false
        let order = mapping["order"].flatMap { parseOrder($0) }
        if let node = mapping["languages"] { languages = parseLanguages(node) }
        let id = mapping["id"].flatMap { reader.identifier($0, "the module id") }
        if let id, let node = mapping["id"] { moduleID = (id, YAMLReader.position(of: node)) }
        let version = mapping["version"].flatMap { reader.scalar($0, "the module version") }
        if let version, version.isEmpty || version.unicodeScalars.contains(where: Sanitized.isUnsafe),
           let node = mapping["version"] {
            reader.report(.invalidValue, at: node, "the module version is empty or has control characters",
                          fix: "Write a version such as \"1.0\".")
        }
        let title = mapping["title"].flatMap { reader.localized($0, "the module title", languages: languages, limit: TextLimits.title) }
        let intro = mapping["intro"].flatMap { reader.localized($0, "the module intro", languages: languages, limit: TextLimits.intro) }
        let dimensions = mapping["dimensions"].flatMap { parseDimensions($0) } ?? []
        guard let id, let version, let title, let intro else { return nil }
        guard let languages else { return nil }
        return QuestionnaireModule(id: id, version: version, languages: languages, title: title,
                                   intro: intro, dimensions: dimensions, shared: shared, order: order)
    }

    /// A module's place in lists: a whole number from 1 to 9999.
    private mutating func parseOrder(_ node: Node) -> Int? {
        guard let value = reader.number(node, "order") else { return nil }
        guard value == value.rounded(), (1...9999).contains(value) else {
            reader.report(.invalidValue, at: node, "order is \(NumberFormatting.plain(value)); it must be a whole number from 1 to 9999",
                          fix: "Write a whole number such as 10; modules are listed from the lowest.")
            return nil
        }
        return Int(value)
    }

    private mutating func parseLanguages(_ node: Node) -> [Language]? {
        guard let entries = reader.sequence(node, "languages", example: "languages: [en, pl]") else { return nil }
        var result: [Language] = []
        for entry in entries {
            guard let code = reader.scalar(entry, "a language") else { continue }
            guard let language = Language(rawValue: code) else {
                reader.report(.unknownLanguage, at: entry, "\"\(Sanitized.excerpt(code))\" is not a language omnigap knows",
                              fix: "Use one of \(Language.codeList).")
                continue
            }
            if result.contains(language) {
                reader.report(.duplicateID, at: entry, "language \(code) is listed twice", fix: "List it once.")
            } else {
                result.append(language)
            }
        }
        if !result.contains(.fallback) {
            reader.report(.missingTranslation, at: node, "languages does not include en",
                          fix: "Add en: English is required, because it is the fallback for every other language.")
            return nil
        }
        return result
    }

    private mutating func parseDimensions(_ node: Node) -> [Dimension]? {
        guard let entries = reader.sequence(node, "dimensions", example: "- id: ownership") else { return nil }
        if entries.isEmpty {
            reader.report(.missingKey, at: node, "the module has no dimensions", fix: "Add at least one dimension with items.")
        }
        if entries.count > Self.maximumDimensions {
            reader.report(.tooMany, at: node, "the module has \(entries.count) dimensions; the limit is \(Self.maximumDimensions)",
                          fix: "Split it into several modules.")
            return nil
        }
        var seen: [String: SourcePosition] = [:]
        var dimensions: [Dimension] = []
        for entry in entries {
            guard let dimension = parseDimension(entry, seen: &seen) else { continue }
            dimensions.append(dimension)
        }
        return dimensions
    }

    private mutating func parseDimension(_ node: Node, seen: inout [String: SourcePosition]) -> Dimension? {
        guard let mapping = reader.mapping(node, "a dimension", example: "id: ownership") else { return nil }
        let id = mapping["id"].flatMap { reader.identifier($0, "the dimension id") }
        let what = id.map { "dimension \"\($0)\"" } ?? "a dimension"
        reader.checkKeys(mapping, allowed: Self.dimensionKeys, required: Self.dimensionKeys, in: what)
        if let id, let idNode = mapping["id"] {
            if let first = seen[id] {
                reader.report(.duplicateID, at: idNode, "dimension id \"\(id)\" is used twice in this module (first at line \(first.line))",
                              fix: "Give each dimension its own id.")
            } else {
                seen[id] = YAMLReader.position(of: idNode)
            }
        }
        let title = mapping["title"].flatMap { reader.localized($0, "the title of \(what)", languages: languages, limit: TextLimits.title) }
        var items: [Item] = []
        if let itemsNode = mapping["items"],
           let entries = reader.sequence(itemsNode, "the items of \(what)", example: "- id: ecommerce.ownership.owner") {
            if entries.isEmpty {
                reader.report(.missingKey, at: itemsNode, "\(what) has no items", fix: "Add at least one item.")
            } else if entries.count > Self.maximumItemsPerDimension {
                reader.report(.tooMany, at: itemsNode, "\(what) has \(entries.count) items; the limit is \(Self.maximumItemsPerDimension)",
                              fix: "Split it into several dimensions.")
            } else {
                items = entries.compactMap { parseItem($0) }
            }
        }
        guard let id, let title else { return nil }
        return Dimension(id: id, title: title, items: items)
    }
}
