/// One problem found in a module file, with where it is and what to do about it.
///
/// Printed as `file:line:column: error: problem. fix`, the shape editors and terminals already
/// know how to jump to.
public struct ModuleDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem, so that tools and tests need not parse the message.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        case unreadableFile
        case notUTF8
        case fileTooLarge
        case notYAML
        case emptyFile
        case duplicateKey
        case unknownKey
        case missingKey
        case wrongType
        case invalidValue
        case invalidID
        case duplicateID
        case reusedItemID
        case reusedModuleID
        case unknownLanguage
        case undeclaredLanguage
        case missingTranslation
        case missingLevel
        case unknownKind
        case keyNotForKind
        case unknownConditionItem
        case laterConditionItem
        case conditionNotApplicable
        case unknownConditionOption
        case textTooLong
        case controlCharacter
        case tooMany
    }

    public let code: Code
    /// The file as the user named it, so the message points where they looked.
    public let file: String
    /// 1-based line; 0 when the problem is the file as a whole and has no position.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int
    /// What is wrong, without a closing full stop.
    public let problem: String
    /// What to do, as a sentence.
    public let fix: String

    public init(code: Code, file: String, line: Int, column: Int, problem: String, fix: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.fix = fix
    }

    /// A problem with the file as a whole, which has no line to point at.
    public init(code: Code, file: String, problem: String, fix: String) {
        self.init(code: code, file: file, at: .file, problem: problem, fix: fix)
    }

    public init(code: Code, file: String, at position: SourcePosition, problem: String, fix: String) {
        self.init(code: code, file: file, line: position.line, column: position.column, problem: problem, fix: fix)
    }

    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(position): error: \(problem). \(fix)"
    }
}

/// A position in a module file.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position that stands for the file as a whole.
    public static let file = SourcePosition(line: 0, column: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Every problem found while loading a set of modules: the loader reports them all at once.
public struct ModuleLoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [ModuleDiagnostic]

    public init(diagnostics: [ModuleDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
