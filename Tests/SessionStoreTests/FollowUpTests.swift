import Basics
import Foundation
import Questionnaire
import SessionModel
import Testing
@testable import SessionStore

/// `omnigap new --follow-up`: the earlier session recorded, its goals carried over for review,
/// and found again from the follow-up's folder.
@Suite struct FollowUpTests {
    func followUp(of base: Session, at folder: String) throws -> Session {
        try Session.create(at: folder, request: NewSessionRequest(title: "Six months on", moduleIDs: shippedSelection, followUp: base.paths.root),
                           moduleFiles: shippedModuleFiles())
    }

    @Test func theGoalsComeOverForReviewAndTheEarlierSessionIsRecorded() throws {
        let base = try makeSession()
        let goal = try base.saveGoal(GoalDraft(statement: "Returns in every store", kpi: "store returns %", baseline: "12 %",
                                               target: "30 %", owner: "Ola", due: "2027-06-30", links: ["logistics.returns"]))
        let folder = URL(fileURLWithPath: base.paths.root).deletingLastPathComponent().path + "/follow-up"
        let session = try followUp(of: base, at: folder)
        let follows = try #require(session.settings.follows)
        #expect(follows.id == base.settings.id && follows.title == "Test workshop" && follows.date == base.settings.date)
        #expect(follows.folder == "../session")
        let state = try session.facilitatorState()
        #expect(state.goals.isEmpty)
        #expect(state.reviews == [GoalReview(goal: goal)])
        // session.json keeps it: opened again, the follow-up still knows its predecessor.
        #expect(try Session.open(folder, moduleCache: nil).settings.follows == follows)
        guard case .success(let earlier) = session.earlierSession(moduleCache: nil) else { Issue.record("the earlier session is not found"); return }
        #expect(earlier.settings.id == base.settings.id)
    }

    @Test func aReviewIsSavedAndReadBackAndTheGoalStaysAsAgreed() throws {
        let base = try makeSession()
        let goal = try base.saveGoal(GoalDraft(statement: "Click and collect in two hours", kpi: "orders ready in 2 h", target: "90 %"))
        let session = try followUp(of: base, at: scratchFolder() + "/follow-up")
        let time = Timestamp(milliseconds: 1_800_000_000_000)
        try session.reviewGoal(id: goal.id, actual: " 72 %\u{1B}[31m ", status: .late, note: "Two stores still\nmissing", at: time)
        let review = try #require(try session.facilitatorState().reviews.first)
        #expect(review.goal == goal)
        #expect(review.actual == "72 %[31m" && review.status == .late && review.note == "Two stores still missing")
        #expect(review.updated == time)
        #expect(throws: SessionError.self) { try session.reviewGoal(id: "g-nothing", actual: "", status: .done, note: "") }
    }

    @Test func aMovedOrReplacedEarlierSessionIsReportedByName() throws {
        let base = try makeSession()
        let folder = scratchFolder() + "/follow-up"
        let session = try followUp(of: base, at: folder)
        try FileManager.default.removeItem(atPath: base.paths.root)
        guard case .failure(let error) = session.earlierSession(moduleCache: nil) else { Issue.record("a missing folder was found"); return }
        #expect(error.description.contains("\"Test workshop\" of \(base.settings.date) (\(base.settings.id.rawValue))"))
        // Another session in its place is not taken for it.
        _ = try Session.create(at: base.paths.root, request: NewSessionRequest(title: "Another", moduleIDs: shippedSelection),
                               moduleFiles: shippedModuleFiles())
        guard case .failure(let replaced) = session.earlierSession(moduleCache: nil) else { Issue.record("another session was taken"); return }
        #expect(replaced.description.contains("not the earlier session"))
    }

    @Test func aFolderThatIsNotASessionOrWhoseGoalsAreDamagedIsRefusedAndNothingIsWritten() throws {
        let scratch = scratchFolder()
        let request = NewSessionRequest(title: "Six months on", moduleIDs: shippedSelection, followUp: scratch + "/nothing")
        #expect(throws: SessionError.self) { try Session.create(at: scratch + "/a", request: request, moduleFiles: shippedModuleFiles()) }
        #expect(!FileManager.default.fileExists(atPath: scratch + "/a"))
        let base = try makeSession()
        writeFile(base.paths.facilitator, bytes("{\"format\": \"omnigap-facilitator\", \"vers"))
        var damaged = request
        damaged.followUp = base.paths.root
        do {
            _ = try Session.create(at: scratch + "/b", request: damaged, moduleFiles: shippedModuleFiles())
            Issue.record("a session with damaged goals was followed up")
        } catch {
            #expect(error.description.contains("its goals cannot be read"))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch + "/b"))
    }

    @Test func absolutePathsFollowSymbolicLinksBeforeGoingUp() throws {
        let scratch = FileSystem.absolute(scratchFolder())
        try FileManager.default.createDirectory(atPath: scratch + "/real/inner", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/link", withDestinationPath: scratch + "/real/inner")
        // "link/.." is where the link leads, then up: real, not the scratch folder.
        #expect(FileSystem.absolute(scratch + "/link/..") == scratch + "/real")
        #expect(FileSystem.absolute(scratch + "/real/inner/") == scratch + "/real/inner")
        #expect(FileSystem.absolute(scratch + "/not-yet/../new") == scratch + "/new")
    }

    @Test func relativePaths() {
        #expect(FileSystem.relativePath(of: "/w/acme-06", from: "/w/acme-12") == "../acme-06")
        #expect(FileSystem.relativePath(of: "/w/old/acme", from: "/w/new/x/acme") == "../../../old/acme")
        #expect(FileSystem.relativePath(of: "/w/a/b", from: "/w/a") == "b")
    }
}
