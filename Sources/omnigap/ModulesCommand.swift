import ArgumentParser
import Basics
import Questionnaire

/// `omnigap modules`: list, read and check the questionnaire modules.
struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List, show and validate the questionnaire modules.",
        subcommands: [ListModules.self, ShowModule.self, ValidateModules.self]
    )
}

struct ListModules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the available modules with their dimensions, items and languages.")

    @OptionGroup var source: ModuleSourceOptions

    @Option(name: .long, help: "The language of the titles: en, pl, sv or it.")
    var lang: Language = .english

    func run() throws {
        let (directory, report) = try source.load()
        print("Modules in \(directory.path) (\(directory.origin.rawValue)):")
        print("")
        let rows = report.catalog.ordered.map { module in
            [module.id, module.version, module.languages.map(\.rawValue).joined(separator: ","),
             "\(module.dimensions.count)", "\(module.items.count)", module.title.resolved(in: lang)]
        }
        print(Table.render(header: ["ID", "VERSION", "LANGUAGES", "DIMENSIONS", "ITEMS", "TITLE"], rows: rows))
        if !report.isValid {
            StandardError.write(report.diagnostics.map(\.description)
                + ["\(report.diagnostics.count) problem(s) found; the modules with errors are not listed."])
            throw ExitCode.failure
        }
    }
}

struct ShowModule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a module's questions, level descriptors and options.")

    @Argument(help: "The module id, as shown by `omnigap modules list`.")
    var id: String

    @OptionGroup var source: ModuleSourceOptions

    @Option(name: .long, help: "The language to print in: en, pl, sv or it.")
    var lang: Language = .english

    @Flag(name: .long, help: "Print JSON for tools instead of text.")
    var json = false

    func run() throws {
        let (directory, report) = try source.load()
        guard let module = report.catalog.module(id) else {
            StandardError.write(report.diagnostics.map(\.description))
            let known = report.catalog.modules.map(\.id).joined(separator: ", ")
            throw CommandFailure("no valid module \"\(Sanitized.excerpt(id))\" in \(directory.path)"
                + (known.isEmpty ? "" : "; the modules are: \(known)"))
        }
        if !report.isValid {
            let files = Set(report.diagnostics.map(\.file)).count
            StandardError.write(["warning: \(report.diagnostics.count) problem(s) in \(files) other module file(s); "
                + "run `\(Invocation.command("modules", "validate", directory.path))` to see them"])
        }
        // A module read in a language it lacks is shown wholly in English, not half and half.
        var language = lang
        if !module.languages.contains(lang) {
            StandardError.write(["note: module \(module.id) has no \(lang.rawValue) text; showing English"])
            language = .fallback
        }
        print(json ? ModuleJSONRenderer.render(module, language: language) : ModuleTextRenderer.render(module, language: language),
              terminator: "")
    }
}

struct ValidateModules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check module files and report every problem with file:line:column.",
        discussion: """
            With no paths, checks the module directory in effect (--modules, OMNIGAP_MODULES or \
            the built-in modules). Files given together are also checked against each other: \
            module and item ids must be unique across them. Exits 0 when everything is valid, \
            1 when a problem was found.
            """)

    @Argument(help: ArgumentHelp("Module files or directories to check.", valueName: "file-or-dir"))
    var paths: [String] = []

    @OptionGroup var source: ModuleSourceOptions

    func run() throws {
        let paths = try self.paths.isEmpty ? [source.locate().path] : self.paths
        let report = ModuleLoader.load(paths: paths)
        if report.isValid {
            let items = report.catalog.modules.reduce(0) { $0 + $1.items.count }
            print("OK: \(report.catalog.modules.count) module(s), \(items) items, in \(report.files.count) file(s).")
            return
        }
        StandardError.write(report.diagnostics.map(\.description))
        let files = Set(report.diagnostics.map(\.file)).count
        StandardError.write(["\(report.diagnostics.count) problem(s) in \(files) file(s)."])
        throw ExitCode.failure
    }
}
