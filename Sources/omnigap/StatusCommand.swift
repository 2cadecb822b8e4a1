import ArgumentParser
import Basics
import Foundation
import Questionnaire
import SessionModel
import SessionStore

/// `omnigap status DIR`: who has joined, how far each has got, and which files were skipped.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the session's participants, their progress, and any damaged files.",
        discussion: """
            Damaged, truncated or foreign files in the participants folder are listed with the \
            reason and left out; everybody else is still counted.
            """)

    @OptionGroup var session: SessionArgument

    @Flag(name: .long, help: "Print JSON for tools instead of text.")
    var json = false

    func run() throws {
        let session = try self.session.open()
        let (rows, problems) = session.scanProgress()
        print(json ? Self.json(session, rows, problems) : Self.text(session, rows, problems), terminator: "")
    }

    static func text(_ session: Session, _ rows: [ParticipantStatus], _ problems: [SessionProblem]) -> String {
        let settings = session.settings
        var lines = [
            "\(displayText(settings.title, width: 70))",
            "\(settings.date) · \(settings.id) · quorum \(settings.quorum) · language \(settings.language.rawValue)",
            "Modules: " + settings.modules.map { "\($0.id) \($0.version)" + (settings.sharedModules.contains($0.id) ? " (shared)" : "") }
                .joined(separator: ", "),
            "",
        ]
        if rows.isEmpty {
            lines.append("No participants yet.")
        } else {
            let table = rows.map { row in
                let progress = row.progress
                return [displayText(row.profile.name, width: 24), row.id.rawValue, row.profile.department,
                 row.profile.language.rawValue, "\(progress.answered)/\(progress.visible)",
                 progress.done ? "yes" : "no", progress.lastActivity.description.prefix(16).replacingOccurrences(of: "T", with: " ")]
            }
            lines.append(Table.render(header: ["NAME", "ID", "DEPARTMENT", "LANG", "ANSWERED", "DONE", "LAST ACTIVITY (UTC)"], rows: table))
            lines.append("")
            let summary = settings.departments.map { department in
                let members = rows.filter { $0.profile.department == department }
                return "\(department) \(members.count) (\(members.filter { $0.progress.done }.count) done)"
            }
            lines.append("\(rows.count) participant(s): " + summary.joined(separator: ", "))
        }
        if !problems.isEmpty {
            lines.append("")
            lines.append("\(problems.count) file(s) skipped:")
            lines += problems.map { "  " + Sanitized.visible($0.description) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ session: Session, _ rows: [ParticipantStatus], _ problems: [SessionProblem]) -> String {
        let settings = session.settings
        let participants = rows.map { row in
            let progress = row.progress
            return JSONText.inlineObject([
                ("id", JSONText.string(row.id.rawValue)), ("name", JSONText.string(row.profile.name)),
                ("department", JSONText.string(row.profile.department)),
                ("language", JSONText.string(row.profile.language.rawValue)),
                ("answered", String(progress.answered)), ("visible", String(progress.visible)),
                ("done", progress.done ? "true" : "false"),
                ("last_activity", JSONText.string(progress.lastActivity.description)),
            ])
        }
        let departments = settings.departments.map { department in
            let members = rows.filter { $0.profile.department == department }
            return JSONText.inlineObject([("id", JSONText.string(department)), ("participants", String(members.count)),
                                          ("done", String(members.filter { $0.progress.done }.count))])
        }
        let problemList = problems.map {
            JSONText.inlineObject([("path", JSONText.string($0.path)), ("reason", JSONText.string($0.problem.description))])
        }
        return JSONText.blockObject([
            ("session", JSONText.inlineObject([
                ("id", JSONText.string(settings.id.rawValue)), ("title", JSONText.string(settings.title)),
                ("date", JSONText.string(settings.date)), ("language", JSONText.string(settings.language.rawValue)),
                ("quorum", String(settings.quorum)),
            ])),
            ("participants", JSONText.blockArray(participants, indent: 2)),
            ("departments", JSONText.blockArray(departments, indent: 2)),
            ("problems", JSONText.blockArray(problemList, indent: 2)),
        ]) + "\n"
    }
}
