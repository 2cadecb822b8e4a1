import Basics
import Dispatch
import Foundation
import Yams

/// Reads module files from disk and checks them, alone and together.
///
/// It never throws and never traps on bad input: whatever is wrong becomes a diagnostic with a
/// position, and every valid module is still returned, so one broken file does not hide the
/// others.
public enum ModuleLoader {
    /// No real module comes near this; a larger file is a mistake, or an attack on the parser.
    public static let maximumFileSize = 1 << 20
    /// The extensions a module file may have.
    public static let fileExtensions = ["yaml", "yml"]

    /// Loads every module named by `paths`: files, and the `*.yaml`/`*.yml` files directly
    /// inside directories, in name order.
    public static func load(paths: [String]) -> ModuleLoadReport {
        var diagnostics: [ModuleDiagnostic] = []
        var sources: [(file: String, bytes: [UInt8])] = []
        for path in paths {
            for file in moduleFiles(at: path, diagnostics: &diagnostics) {
                if let bytes = read(file, diagnostics: &diagnostics) { sources.append((file, bytes)) }
            }
        }
        let parsed = parseInParallel(sources)
        return combine(parsed, files: sources.map(\.file), earlierDiagnostics: diagnostics)
    }

    /// Parses the files side by side: opening a session parses its five modules, and that is
    /// most of the time a 30-person report takes. Each file is parsed on its own, so the results
    /// are the same as one after another.
    private static func parseInParallel(_ sources: [(file: String, bytes: [UInt8])]) -> [ParsedModule] {
        sources.map { Source(file: $0.file, bytes: $0.bytes) }.parallelMap(workers: sources.count) { parse(bytes: $0.bytes, file: $0.file) }
    }

    /// A module file's name and bytes, handed to a parsing thread.
    private struct Source: Sendable {
        let file: String
        let bytes: [UInt8]
    }

    /// Parses one module from its bytes. `file` is only used in messages.
    static func parse(bytes: [UInt8], file: String) -> ParsedModule {
        func failure(_ code: ModuleDiagnostic.Code, _ position: SourcePosition, _ problem: String, _ fix: String) -> ParsedModule {
            var result = ParsedModule()
            result.diagnostics = [ModuleDiagnostic(code: code, file: file, at: position, problem: problem, fix: fix)]
            return result
        }
        guard bytes.count <= maximumFileSize else {
            return failure(.fileTooLarge, .file, "the file is larger than \(maximumFileSize / 1024) KiB, the most a module may be",
                           "Check that this is a module file; split a module that really is this large.")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            return failure(.notUTF8, position(ofByteOffset: offset, in: bytes), "the file is not UTF-8 text",
                           "Save it as UTF-8; a module is a YAML text file.")
        }
        guard !text.allSatisfy({ $0.isWhitespace }) else {
            return failure(.emptyFile, .file, "the file is empty", "Write a module in it (see docs/module-format.md), or delete it.")
        }
        let root: Node?
        do {
            root = try Parser(yaml: text).singleRoot()
        } catch let error as YamlError {
            let (position, problem, code) = describe(error, bytes: bytes)
            let fix = code == .duplicateKey ? "Keep one of them."
                : "Check the indentation, quoting and punctuation at this point and where the construct named begins."
            return failure(code, position, problem, fix)
        } catch {
            return failure(.notYAML, .file, "the file could not be read as YAML (\(error))", "Check that this is a module file.")
        }
        guard let root else {
            return failure(.emptyFile, .file, "the file holds no YAML document", "Write a module in it, or delete it.")
        }
        var parser = ModuleParser(file: file)
        return parser.parse(root)
    }

    /// Puts per-file results together, adds the checks across files, and keeps the modules
    /// that passed every check.
    static func combine(_ parsed: [ParsedModule], files: [String], earlierDiagnostics: [ModuleDiagnostic]) -> ModuleLoadReport {
        var diagnostics = earlierDiagnostics
        var modules: [QuestionnaireModule] = []
        var moduleFiles: [String: String] = [:]
        var moduleOwners: [String: (file: String, position: SourcePosition)] = [:]
        var itemOwners: [ItemID: (file: String, position: SourcePosition)] = [:]
        for (file, result) in zip(files, parsed) {
            var crossFile: [ModuleDiagnostic] = []
            if let (id, position) = result.moduleID {
                if let owner = moduleOwners[id] {
                    crossFile.append(ModuleDiagnostic(
                        code: .reusedModuleID, file: file, at: position,
                        problem: "module id \"\(id)\" is already used by \(owner.file):\(owner.position.line)",
                        fix: "Give each module its own id."))
                } else {
                    moduleOwners[id] = (file, position)
                }
            }
            for (id, position) in result.itemIDs {
                if let owner = itemOwners[id] {
                    crossFile.append(ModuleDiagnostic(
                        code: .reusedItemID, file: file, at: position,
                        problem: "item id \"\(id)\" is already used by \(owner.file):\(owner.position.line)",
                        fix: "Item ids must be unique across all modules; start each with its module id."))
                } else {
                    itemOwners[id] = (file, position)
                }
            }
            diagnostics += result.diagnostics + crossFile
            if crossFile.isEmpty, let module = result.module {
                modules.append(module)
                moduleFiles[module.id] = file
            }
        }
        return ModuleLoadReport(catalog: ModuleCatalog(modules: modules), diagnostics: diagnostics, files: files,
                                moduleFiles: moduleFiles)
    }

    // MARK: Files

    private static func moduleFiles(at path: String, diagnostics: inout [ModuleDiagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(ModuleDiagnostic(code: .unreadableFile, file: path, problem: "no such file or directory", fix: "Check the path."))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            diagnostics.append(ModuleDiagnostic(code: .unreadableFile, file: path, problem: "the directory cannot be read", fix: "Check its permissions."))
            return []
        }
        let files = names
            .filter { name in !name.hasPrefix(".") && fileExtensions.contains { name.hasSuffix(".\($0)") } }
            .sorted()
            .map { (path as NSString).appendingPathComponent($0) }
        if files.isEmpty {
            diagnostics.append(ModuleDiagnostic(code: .unreadableFile, file: path, problem: "the directory holds no module files (*.yaml)",
                                                fix: "Point to the directory that holds the modules."))
        }
        return files
    }

    private static func read(_ file: String, diagnostics: inout [ModuleDiagnostic]) -> [UInt8]? {
        // A pipe or a device could block the read forever, or never end.
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            diagnostics.append(ModuleDiagnostic(code: .unreadableFile, file: file, problem: "this is not a regular file",
                                                fix: "Name a module file (*.yaml) or a directory of them."))
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            diagnostics.append(ModuleDiagnostic(code: .unreadableFile, file: file, problem: "the file cannot be read", fix: "Check that it exists and that you may read it."))
            return nil
        }
        defer { try? handle.close() }
        // Read one byte past the limit, so that `parse` can tell a file that is too large.
        let data = (try? handle.read(upToCount: maximumFileSize + 1)) ?? Data()
        return [UInt8](data)
    }

    // MARK: Positions

    private static func describe(_ error: YamlError, bytes: [UInt8]) -> (SourcePosition, String, ModuleDiagnostic.Code) {
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "this is not valid YAML: \(problem)"
            // libyaml notices a mistake where it can no longer go on, which can be many lines
            // after it: say where the construct it was reading began, and point at a quote left
            // open before this point, the most common cause of a late error.
            if let context {
                let started = context.mark.line == mark.line && context.mark.column == mark.column
                message += started ? " \(context.text)" : " " + Self.construct(context.text, beginsAt: at(context.mark))
            }
            if let quote = unclosedQuote(in: bytes, before: at(mark)) {
                message += "; the quoted text that begins at \(quote.line):\(quote.column) is not closed on its line"
            }
            return (at(mark), message, .notYAML)
        case let .reader(problem, offset, _, _):
            return (offset.map { position(ofByteOffset: $0, in: bytes) } ?? .file, "this is not valid YAML text: \(problem)", .notYAML)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\(Sanitized.excerpt($0))\"" }.joined(separator: ", ")
            return (at(context.mark), "the key \(keys) is written twice in the same mapping (the first is here)", .duplicateKey)
        default:
            return (.file, "the file could not be read as YAML (\(error))", .notYAML)
        }
    }

    /// libyaml's "while parsing a flow sequence" as a reader says it, with where it began: "the
    /// list that begins at 6:8 is never closed".
    static func construct(_ context: String, beginsAt start: SourcePosition) -> String {
        let place = "\(start.line):\(start.column)"
        switch context {
        case let text where text.contains("flow sequence"): return "(the list [ … ] that begins at \(place) is never closed)"
        case let text where text.contains("flow mapping"): return "(the mapping { … } that begins at \(place) is never closed)"
        case let text where text.contains("quoted scalar"): return "(the quoted text that begins at \(place) is never closed)"
        case let text where text.contains("block mapping"): return "(in the mapping that begins at \(place))"
        case let text where text.contains("block collection"), let text where text.contains("block sequence"):
            return "(in the list that begins at \(place))"
        default: return "(\(context), which begins at \(place))"
        }
    }

    /// The first value before `limit` that opens a quote and does not close it on its own line:
    /// a module's texts are one line each or block scalars (`>-`), so such a quote is almost
    /// always a mistake, and libyaml only notices it at the next quote, lines later.
    static func unclosedQuote(in bytes: [UInt8], before limit: SourcePosition) -> SourcePosition? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var blockIndent: Int?
        for (index, line) in lines.enumerated() where index + 1 < limit.line {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if let block = blockIndent {
                if content.isEmpty || indent > block { continue }
                blockIndent = nil
            }
            if content.hasPrefix("#") { continue }
            // A value: after "key: ", "- " or at the start of a flow entry.
            guard let start = Self.valueStart(in: content) else { continue }
            let value = content[start...]
            if value.hasPrefix(">") || value.hasPrefix("|") { blockIndent = indent; continue }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            if !Self.closes(value.dropFirst(), quote: quote) {
                let column = indent + content.distance(from: content.startIndex, to: start) + 1
                return SourcePosition(line: index + 1, column: column)
            }
        }
        return nil
    }

    private static func valueStart(in content: Substring) -> Substring.Index? {
        var rest = content
        while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        if rest.first == "\"" || rest.first == "'" { return rest.startIndex }
        guard let colon = rest.range(of: ": ") else { return nil }
        let after = rest[colon.upperBound...].drop { $0 == " " }
        return after.isEmpty ? nil : after.startIndex
    }

    /// Whether a quoted text that opened just before `rest` closes on this line.
    private static func closes(_ rest: Substring, quote: Character) -> Bool {
        var escaped = false, index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            if quote == "\"" {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { return true }
            } else if character == "'" {
                // '' is a quote inside single quotes.
                let next = rest.index(after: index)
                if next < rest.endIndex, rest[next] == "'" { index = rest.index(after: next); continue }
                return true
            }
            index = rest.index(after: index)
        }
        return false
    }

    /// The 1-based line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    static func position(ofByteOffset offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1, column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error, .emptyInput: return offset
            }
        }
    }
}

/// What loading a set of module files produced.
public struct ModuleLoadReport: Sendable {
    /// The modules that passed every check.
    public let catalog: ModuleCatalog
    /// Every problem found, in file order.
    public let diagnostics: [ModuleDiagnostic]
    /// The files that were read.
    public let files: [String]
    /// The file each valid module came from, by module id: what a session freezes.
    public let moduleFiles: [String: String]

    public var isValid: Bool { diagnostics.isEmpty }
}
