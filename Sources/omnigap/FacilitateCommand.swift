import ArgumentParser
import Foundation
import GapReport
import NcursesTerminal
import Questionnaire
import SessionStore
import TerminalUI

/// `omnigap facilitate DIR`: the facilitator's console.
struct FacilitateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitate",
        abstract: "Run the workshop: watch answers arrive, move through the agenda, reveal and read the results.",
        discussion: """
            The dashboard shows every participant's progress live, whichever machine or process \
            their answers come from. Results stay hidden until you reveal them. The report view \
            shows the text report and exports it into the session folder.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "The console's language: en, pl, sv or it (default: the session's).")
    var lang: Language?

    func run() throws {
        try FacilitatorConsole.run(try session.open(), language: lang)
    }
}

/// The console's runtime: reads the session, feeds the app, carries out its effects.
enum FacilitatorConsole {
    static func run(_ session: Session, language: Language?) throws {
        let language = language ?? session.settings.language
        let screen: NcursesScreen
        do { screen = try NcursesScreen() } catch { throw CommandFailure(error.description) }
        var app = FacilitatorApp(title: session.settings.title, folder: session.paths.root, agenda: session.settings.agenda,
                                 departments: session.settings.departments, modules: session.catalog.modules,
                                 language: language, size: screen.size, now: .now())
        let cache = ParticipantCache()
        var lastSnapshot: SessionSnapshot?
        var lastState: FacilitatorState?
        /// Re-reads what changed, and rebuilds the report only when answers or the state did.
        func reload() {
            let snapshot = cache.refresh(session)
            let changed = lastSnapshot == nil || cache.lastReadCount > 0 || snapshot.participants.count != lastSnapshot?.participants.count
            lastSnapshot = snapshot
            if changed {
                app.loaded(rows: snapshot.participants.map { record in
                    let progress = session.progress(of: record)
                    return FacilitatorApp.Row(name: record.profile.value.name, department: record.profile.value.department,
                                              answered: progress.answered, visible: progress.visible, done: progress.done,
                                              lastActivity: progress.lastActivity)
                }, skippedFiles: snapshot.problems.count)
            }
            let state: FacilitatorState
            do { state = try session.facilitatorState() } catch {
                app.failed(error.description)
                return
            }
            let stateChanged = state != lastState
            lastState = state
            app.loaded(state: state)
            if state.revealed && (changed || stateChanged || app.document == nil) {
                app.loaded(document: ReportBuilder.document(for: session, language: language))
            }
        }
        func perform(_ effect: FacilitatorApp.Effect) -> Bool {
            do {
                switch effect {
                case .quit: return false
                case .nextPhase:
                    try session.updateFacilitatorState { state in
                        if state.phaseStarted == nil { state.phaseIndex = 0 } else { state.phaseIndex = min(session.settings.agenda.count - 1, state.phaseIndex + 1) }
                        state.phaseStarted = .now()
                    }
                case .reveal:
                    try session.updateFacilitatorState { $0.revealed = true }
                case .saveGoal(let draft):
                    try session.updateFacilitatorState { state in
                        let now = Timestamp.now()
                        if let id = draft.id, let index = state.goals.firstIndex(where: { $0.id == id }) {
                            let created = state.goals[index].created
                            state.goals[index] = Goal(id: id, statement: draft.statement, kpi: draft.kpi, baseline: draft.baseline,
                                                      target: draft.target, owner: draft.owner, due: draft.due, links: draft.links,
                                                      created: created, updated: now)
                        } else {
                            var random = SystemRandomNumberGenerator()
                            state.goals.append(Goal(id: "g-" + String(random.next() % 0xFFFF_FFFF, radix: 16), statement: draft.statement,
                                                    kpi: draft.kpi, baseline: draft.baseline, target: draft.target, owner: draft.owner,
                                                    due: draft.due, links: draft.links, created: now, updated: now))
                        }
                    }
                case .deleteGoal(let id):
                    try session.updateFacilitatorState { state in state.goals.removeAll { $0.id == id } }
                case .setVotesPerParticipant(let count):
                    try session.updateFacilitatorState { $0.votesPerParticipant = count }
                case .proxyEntry:
                    // The participant screens, on this terminal, for someone without one; back
                    // to the console when they leave.
                    _ = JoinCommand.answer(session, on: screen, name: nil, department: nil, language: nil)
                    screen.consumeInterrupt()
                    _ = app.update(.resize(width: screen.size.width, height: screen.size.height), at: .now())
                case .exportReport(let format):
                    let document = ReportBuilder.document(for: session, language: language)
                    let path = session.paths.root + "/report-\(Timestamp.now().date)-\(language.rawValue).\(format.fileExtension)"
                    try FileSystem.writeAtomically(Array(format.render(document).utf8), to: path)
                    app.informed(FacilitatorStrings.fill(FacilitatorStrings.forLanguage(language).exported, ["path": path]))
                }
            } catch {
                app.failed(error.description)
            }
            reload()
            return true
        }
        reload()
        var running = true
        var lastReload = Timestamp.now()
        while running {
            screen.draw(app.render())
            let event = screen.nextEvent(timeout: 500)
            let now = Timestamp.now()
            // Live: a save anywhere shows within a second; a quiet session costs a listing and stats.
            if now.milliseconds - lastReload.milliseconds >= 1000 {
                reload()
                lastReload = now
            }
            for effect in app.update(event, at: now) where running {
                running = perform(effect)
            }
        }
        screen.stop()
    }
}
