import Basics
import Foundation
import Questionnaire

/// A goal as the facilitator typed it: the text of each field, and the goal it replaces, if any.
/// `check` says what is wrong with it before anything is saved.
public struct GoalDraft: Hashable, Sendable {
    public var id: String?
    public var statement: String
    public var kpi: String
    public var baseline: String
    public var target: String
    public var owner: String
    /// "2027-03-31", or empty.
    public var due: String
    /// Item and dimension ids: "it.platform", "logistics.returns.restock".
    public var links: [String]

    public init(id: String? = nil, statement: String, kpi: String = "", baseline: String = "", target: String = "",
                owner: String = "", due: String = "", links: [String] = []) {
        self.id = id
        self.statement = statement
        self.kpi = kpi
        self.baseline = baseline
        self.target = target
        self.owner = owner
        self.due = due
        self.links = links
    }

    /// Why a draft cannot be saved.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case noStatement
        case badDate(String)
        case unknownLink(String)

        public var description: String {
            switch self {
            case .noStatement: "a goal needs a statement"
            case .badDate(let text): "the due date \"\(Sanitized.excerpt(text))\" is not a date like 2027-03-31"
            case .unknownLink(let id): "\"\(Sanitized.excerpt(id))\" is not an item or dimension id of this session"
            }
        }
    }

    /// Splits linked ids as people type them: "it.platform, logistics.returns.restock".
    public static func links(from text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }

    /// The first problem with the draft against the session's modules, or nil when it can be
    /// saved. Links may name items ("it.platform.upkeep") or dimensions ("it.platform").
    public func problem(in catalog: ModuleCatalog) -> Problem? {
        if statement.trimmingCharacters(in: .whitespaces).isEmpty { return .noStatement }
        let date = due.trimmingCharacters(in: .whitespaces)
        if !date.isEmpty && Timestamp(iso: date + "T00:00:00Z") == nil { return .badDate(date) }
        let known = Set(catalog.modules.flatMap { module in
            module.items.map(\.id.rawValue) + module.dimensions.map { "\(module.id).\($0.id)" }
        })
        if let unknown = links.first(where: { !known.contains($0) }) { return .unknownLink(unknown) }
        return nil
    }
}
