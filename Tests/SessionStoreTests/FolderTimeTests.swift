import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

/// A live view skips listing the participants folder while its time says nothing changed, and
/// still notices every save, and, within its full-listing period, an edit made in place.
@Suite struct FolderTimeTests {
    /// Sets the folder's modification time to `seconds` ago.
    func age(_ path: String, seconds: Int) {
        var times = [timespec(tv_sec: time(nil) - seconds, tv_nsec: 0), timespec(tv_sec: time(nil) - seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func savesAreSeenAndQuietFoldersAreNotListed() throws {
        let session = try makeSession()
        let simulation = Simulation(session: session, seed: 3)
        for index in 0..<5 { _ = try session.merge(simulation.participant(index, at: Timestamp(milliseconds: 1_795_459_212_345)), durable: false) }
        age(session.paths.participants, seconds: 60)
        let cache = ParticipantCache()
        var now = Timestamp.now()
        #expect(cache.refreshIfChanged(session, now: now).participants.count == 5)
        // A file changed in place, by hand: the folder's time does not move.
        let first = cache.refreshIfChanged(session, now: now).participants[0]
        let path = session.paths.participant(first.id)
        var edited = first
        edited.done = Stamped(!first.done.value, at: Timestamp(milliseconds: first.done.at.milliseconds + 1))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(ParticipantCodec.encode(edited).utf8))
        try handle.close()
        age(session.paths.participants, seconds: 60)
        now = Timestamp(milliseconds: now.milliseconds + 1_000)
        #expect(cache.refreshIfChanged(session, now: now).participants.first { $0.id == first.id }?.done.value == first.done.value)
        #expect(cache.lastReadCount == 0)
        // A save renames a file in: the folder's time moves, and the next refresh reads it.
        let (joined, _) = try session.join(name: "New Person", department: "it", language: .english)
        now = Timestamp(milliseconds: now.milliseconds + 1_000)
        #expect(cache.refreshIfChanged(session, now: now).participants.contains { $0.id == joined.id })
        // The full listing, due every ten seconds, finds the edit made in place.
        now = Timestamp(milliseconds: now.milliseconds + 11_000)
        #expect(cache.refreshIfChanged(session, now: now).participants.first { $0.id == first.id }?.done.value == edited.done.value)
    }
}
