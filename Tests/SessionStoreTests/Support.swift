import Basics
import Foundation
import Questionnaire
@testable import SessionStore

/// The root of the package, found from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A fresh, empty folder under the system's temporary folder, removed when the test process
/// ends only if the test removes it; every test uses its own.
func scratchFolder(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "omnigap-tests-\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The shipped modules' files, by id.
func shippedModuleFiles() -> [String: String] {
    let report = ModuleLoader.load(paths: [packageRoot + "/Modules"])
    return report.moduleFiles
}

/// The shipped modules a session takes when none are named: every one, in their order.
let shippedSelection = ModuleLoader.load(paths: [packageRoot + "/Modules"]).catalog.standardSelection.moduleIDs

/// A new session of the shipped modules in a scratch folder.
func makeSession(_ name: String = #function, modules: [String] = shippedSelection,
                 at time: Timestamp = Timestamp(milliseconds: 1_795_459_212_345)) throws -> Session {
    let folder = scratchFolder(name) + "/session"
    return try Session.create(at: folder, request: NewSessionRequest(title: "Test workshop", moduleIDs: modules),
                              moduleFiles: shippedModuleFiles(), at: time)
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

func writeFile(_ path: String, _ content: [UInt8]) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(content))
}

func readFile(_ path: String) -> [UInt8] {
    (try? Data(contentsOf: URL(fileURLWithPath: path))).map { Array($0) } ?? []
}
