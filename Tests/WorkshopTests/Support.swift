import Basics
import Foundation
import Questionnaire
import SessionStore
import TerminalUI

/// The root of the package, found from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A moment every test's clock stands still at.
let testTime = Timestamp(milliseconds: 1_795_459_212_345)

/// The shipped modules a session takes when none are named: every one, in their order.
let shippedSelection = ModuleLoader.load(paths: [packageRoot + "/Modules"]).catalog.standardSelection.moduleIDs

/// A new session of the shipped modules in a fresh scratch folder.
func makeSession(_ name: String = #function) throws -> Session {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let folder = NSTemporaryDirectory() + "omnigap-workshop-\(safe)-\(UUID().uuidString.prefix(8))/session"
    let files = ModuleLoader.load(paths: [packageRoot + "/Modules"]).moduleFiles
    return try Session.create(at: folder, request: NewSessionRequest(title: "Test workshop", moduleIDs: shippedSelection),
                              moduleFiles: files, at: testTime)
}

/// Adds simulated participants, as other people's terminals would.
func addParticipants(_ session: Session, _ range: Range<Int>, seed: UInt64 = 7) throws {
    let simulation = Simulation(session: session, seed: seed)
    for index in range { _ = try session.merge(simulation.participant(index, at: testTime), durable: false) }
}

extension ScriptedTerminal {
    /// Whether any frame drawn so far shows `text`.
    func showed(_ text: String) -> Bool {
        frames.contains { $0.lines.contains { $0.contains(text) } }
    }
}
