import Foundation
import Testing
@testable import Questionnaire

/// Loading modules from files and directories, and finding the module directory.
@Suite struct ModuleFilesTests {
    /// A fresh temporary directory holding `files` (name → contents).
    private func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "omnigap-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        return path
    }

    private let other = validModuleYAML.replacingOccurrences(of: "id: sample\n", with: "id: other\n")
        .replacingOccurrences(of: "sample.first.", with: "other.first.")

    @Test func aDirectoryLoadsItsYAMLFilesInNameOrder() throws {
        let path = try directory(["b.yaml": validModuleYAML, "a.yml": other, "notes.txt": "not a module", ".hidden.yaml": "x: ["])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = ModuleLoader.load(paths: [path])
        #expect(report.isValid, "\(report.diagnostics)")
        #expect(report.catalog.modules.map(\.id) == ["other", "sample"])
        #expect(report.files.map { ($0 as NSString).lastPathComponent } == ["a.yml", "b.yaml"])
    }

    @Test func oneBrokenFileDoesNotHideTheOthers() throws {
        let path = try directory(["good.yaml": validModuleYAML, "bad.yaml": "id: [\n"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = ModuleLoader.load(paths: [path])
        #expect(report.catalog.modules.map(\.id) == ["sample"])
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.file == path + "/bad.yaml")
        #expect(report.diagnostics.first?.code == .notYAML)
    }

    @Test func aMissingPathIsReported() {
        let report = ModuleLoader.load(paths: ["/nonexistent/omnigap/modules.yaml"])
        #expect(report.diagnostics.map(\.code) == [.unreadableFile])
        #expect(report.diagnostics.first?.description == "/nonexistent/omnigap/modules.yaml: error: no such file or directory. Check the path.")
    }

    @Test func aDirectoryWithoutModulesIsReported() throws {
        let path = try directory(["readme.txt": "hello"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = ModuleLoader.load(paths: [path])
        #expect(report.diagnostics.map(\.code) == [.unreadableFile])
        #expect(report.diagnostics.first?.problem == "the directory holds no module files (*.yaml)")
    }

    @Test func theCatalogFindsItemsAcrossModules() throws {
        let catalog = ModuleLoader.combine([parse(validModuleYAML), parse(other)], files: ["a", "b"], earlierDiagnostics: []).catalog
        #expect(catalog.modules.count == 2)
        #expect(catalog.item("other.first.share")?.kind.tag == .number)
        #expect(catalog.placement(of: "sample.first.notes")?.module.id == "sample")
        #expect(catalog.placement(of: "other.first.owner")?.dimension.id == "first")
        #expect(catalog.item("nowhere") == nil)
        #expect(catalog.itemIDs.count == 12)
        #expect(catalog.module("other")?.dimension("first")?.items.count == 6)
    }

    @Test func theFlagWinsOverTheEnvironment() throws {
        let located = ModuleDirectory.locate(flag: "/from/flag", environment: ["OMNIGAP_MODULES": "/from/env"], executablePath: nil)
        #expect(try located.get() == ModuleDirectory(path: "/from/flag", origin: .flag))
    }

    @Test func theEnvironmentWinsOverTheBuiltInModules() throws {
        let located = ModuleDirectory.locate(flag: nil, environment: ["OMNIGAP_MODULES": "/from/env"], executablePath: nil)
        #expect(try located.get() == ModuleDirectory(path: "/from/env", origin: .environment))
    }

    @Test func anInstalledCopyBesideTheExecutableIsFound() throws {
        let root = try directory([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/share/omnigap/Modules", withIntermediateDirectories: true)
        try validModuleYAML.write(toFile: root + "/share/omnigap/Modules/sample.yaml", atomically: true, encoding: .utf8)
        let located = ModuleDirectory.locate(flag: nil, environment: [:], executablePath: root + "/bin/omnigap")
        #expect(try located.get() == ModuleDirectory(path: root + "/share/omnigap/Modules", origin: .installed))
    }

    @Test func aFolderWithoutModuleFilesIsPassedOver() throws {
        // SwiftPM keeps compiled Swift modules in a `Modules` folder of its own; an empty share
        // folder is no installation either.
        let root = try directory([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/share/omnigap/Modules", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/bin/Modules", withIntermediateDirectories: true)
        try "".write(toFile: root + "/bin/Modules/Questionnaire.swiftmodule", atomically: true, encoding: .utf8)
        let located = ModuleDirectory.locate(flag: nil, environment: [:], executablePath: root + "/bin/omnigap")
        #expect(try located.get().origin == .sourceTree)
    }

    @Test func otherwiseTheSourceTreeModulesAreUsed() throws {
        let located = ModuleDirectory.locate(flag: nil, environment: ["OMNIGAP_MODULES": ""], executablePath: "/nonexistent/bin/omnigap")
        let directory = try located.get()
        #expect(directory.origin == .sourceTree)
        #expect(directory.path == packageRoot.appendingPathComponent("Modules").path)
    }
}
