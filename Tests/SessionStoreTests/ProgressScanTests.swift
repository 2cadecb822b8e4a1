import Basics
import Foundation
import Questionnaire
import Testing
@testable import SessionStore

/// `status` scans the files as the report does; it must tell what loading every record tells.
@Suite struct ProgressScanTests {
    @Test func theScanAgreesWithTheLoadedRecords() throws {
        let session = try makeSession()
        let simulation = Simulation(session: session, seed: 5)
        for index in 0..<30 { _ = try session.merge(simulation.participant(index, at: Timestamp(milliseconds: 1_795_459_212_345 + Int64(index))), durable: false) }
        writeFile(session.paths.participants + "/p-0000000000000000.json", bytes("{"))
        let snapshot = session.load()
        let (scanned, problems) = session.scanProgress()
        #expect(scanned.map(\.id) == snapshot.participants.map(\.id))
        #expect(scanned.map(\.progress) == snapshot.participants.map(session.progress(of:)))
        #expect(scanned.map(\.profile) == snapshot.participants.map(\.profile.value))
        #expect(problems == snapshot.problems && problems.count == 1)
    }
}
