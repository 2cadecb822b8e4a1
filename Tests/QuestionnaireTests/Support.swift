import TestSupport
import Foundation
@testable import Questionnaire

/// Parses `yaml` as one module file named `file`.
func parse(_ yaml: String, file: String = "test.yaml") -> ParsedModule {
    ModuleLoader.parse(bytes: Array(yaml.utf8), file: file)
}

/// A valid two-language module; tests change single lines of it to make one error at a known
/// place. Line numbers are given in comments because the tests depend on them.
let validModuleYAML = """
    id: sample
    version: "1.0"
    languages: [en, pl]
    title: {en: Sample, pl: Próbka}
    intro: {en: Intro text., pl: Tekst wstępu.}
    dimensions:
      - id: first
        title: {en: First, pl: Pierwszy}
        items:
          - id: sample.first.owner
            kind: maturity
            prompt: {en: Who owns it?, pl: Kto za to odpowiada?}
            levels:
              1: {en: Nobody owns it., pl: Nikt za to nie odpowiada.}
              2: {en: A group experiments., pl: Grupa eksperymentuje.}
              3: {en: A manager has targets., pl: Menedżer ma cele.}
              4: {en: It is part of the core business., pl: To część głównego biznesu.}
          - id: sample.first.marketplaces
            kind: choice
            prompt: {en: Do you sell on marketplaces?, pl: Czy sprzedajecie na marketplace'ach?}
            options:
              - {id: "yes", label: {en: "Yes", pl: Tak}}
              - {id: "no", label: {en: "No", pl: Nie}}
              - {id: planned, label: {en: Planned, pl: Planujemy}}
          - id: sample.first.share
            kind: number
            when: {item: sample.first.marketplaces, is: "yes"}
            prompt: {en: Marketplace share of revenue, pl: Udział marketplace'ów w przychodach}
            unit: {en: "%", pl: "%"}
            min: 0
            max: 100
          - id: sample.first.which
            kind: choice
            multiple: true
            when: {item: sample.first.share, at_least: 10}
            prompt: {en: Which marketplaces?, pl: Które platformy?}
            options:
              - {id: allegro, label: {en: Allegro, pl: Allegro}}
              - {id: amazon, label: {en: Amazon, pl: Amazon}}
          - id: sample.first.advanced
            kind: text
            when: {item: sample.first.owner, at_least: 3}
            prompt: {en: What made ownership work?, pl: "Co sprawiło, że to działa?"}
          - id: sample.first.notes
            kind: text
            prompt: {en: Anything else?, pl: Coś jeszcze?}
    """

/// `validModuleYAML` with line `number` (1-based) replaced by `replacement`.
func validModule(replacingLine number: Int, with replacement: String) -> String {
    var lines = validModuleYAML.components(separatedBy: "\n")
    lines[number - 1] = replacement
    return lines.joined(separator: "\n")
}

/// `validModuleYAML` with `text` inserted before line `number`.
func validModule(inserting text: String, beforeLine number: Int) -> String {
    var lines = validModuleYAML.components(separatedBy: "\n")
    lines.insert(text, at: number - 1)
    return lines.joined(separator: "\n")
}

/// The loaded sample module; fails the calling test if it does not load.
func sampleModule() throws -> QuestionnaireModule {
    let result = parse(validModuleYAML)
    guard let module = result.module else {
        throw SampleModuleError(diagnostics: result.diagnostics)
    }
    return module
}

struct SampleModuleError: Error, CustomStringConvertible {
    let diagnostics: [ModuleDiagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The root of the package, found from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The snapshots of this target's rendered text.
let snapshots = SnapshotFiles(directory: packageRoot.appendingPathComponent("Tests/QuestionnaireTests/Snapshots"))
