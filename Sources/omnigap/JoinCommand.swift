import ArgumentParser
import Foundation
import NcursesTerminal
import Questionnaire
import SessionStore
import TerminalUI

/// `omnigap join DIR`: a participant answers their section in the terminal.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Answer your department's questions and the shared section, in the terminal.",
        discussion: """
            Asks for your name, department and language unless given. Joining again with the same \
            name resumes where you left off. Every answer is saved the moment you give it.
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: "Your name, as the facilitator will see it.")
    var name: String?

    @Option(name: .long, help: "Your department's module id, such as it or logistics.")
    var department: String?

    @Option(name: .long, help: "The language to answer in: en, pl, sv or it.")
    var lang: Language?

    func run() throws {
        let session = try self.session.open()
        if let department, !session.settings.departments.contains(department) {
            throw CommandFailure("\"\(Sanitized.excerpt(department))\" is not a department of this session; "
                + "the departments are \(session.settings.departments.joined(separator: ", "))")
        }
        if let name, Session.cleanName(name).isEmpty { throw CommandFailure("the name is empty") }
        let screen: NcursesScreen
        do { screen = try NcursesScreen() } catch { throw CommandFailure(error.description) }
        let joined = Self.answer(session, on: screen, name: name, department: department, language: lang)
        screen.stop()
        if let joined {
            print("Your answers are saved in \(session.paths.root) (participant \(joined.id)). Join again with the same name to continue.")
        }
    }

    /// The phase the workshop has moved on to once answering has closed (past the agenda's first
    /// phase); nil while answering is open.
    static func closedPhase(_ session: Session, state: FacilitatorState? = nil) -> String? {
        guard let state = state ?? (try? session.facilitatorState()), state.phaseStarted != nil, state.phaseIndex > 0,
              session.settings.agenda.indices.contains(state.phaseIndex) else { return nil }
        return session.settings.agenda[state.phaseIndex].id
    }

    /// Runs the participant screens on `screen` until the participant leaves; returns who
    /// answered. `omnigap join` uses it, and the facilitator's console for proxy entry.
    static func answer(_ session: Session, on screen: NcursesScreen, name: String?, department: String?,
                       language lang: Language?) -> ParticipantRecord? {
        var app = ParticipantApp(
            title: session.settings.title, modules: session.catalog.modules, departments: session.settings.departments,
            sharedModules: session.settings.sharedModules, name: name, department: department, language: lang,
            sessionLanguage: session.settings.language, size: screen.size)
        var joined: ParticipantRecord?
        /// Carries out what the screen asked for; false to leave.
        func perform(_ effect: ParticipantApp.Effect) -> Bool {
            switch effect {
            case .quit:
                return false
            case let .join(name, department, language):
                do {
                    let (record, _) = try session.join(name: name, department: department, language: language)
                    joined = record
                    app.joined(record)
                } catch {
                    app.failed(error.description)
                }
            case let .save(item, answer):
                guard let id = joined?.id else { return true }
                // The facilitator may have closed answering a moment ago: check at the last moment.
                if let phase = Self.closedPhase(session) {
                    app.answering(closedFor: phase)
                    app.failed(ParticipantStrings.forLanguage(app.language).editRefused)
                    return true
                }
                do { app.saved(try session.save(answer, item: item, for: id)) } catch { app.failed(error.description) }
            case .setVotes(let votes):
                guard let id = joined?.id else { return true }
                do { app.saved(try session.setVotes(votes, for: id)) } catch { app.failed(error.description) }
            case .setDone(let done):
                guard let id = joined?.id else { return true }
                do { app.saved(try session.setDone(done, for: id)) } catch { app.failed(error.description) }
            }
            return true
        }
        var votingOpenedAt: Int?
        /// Once results are revealed, the ranked gaps are open for dot voting. They are worked
        /// out when voting opens and then every half minute, not on every tick.
        func refreshVoting(_ state: FacilitatorState?) {
            guard let state, state.revealed else {
                if !app.voteCandidates.isEmpty { app.voting(on: [], budget: 0) }
                votingOpenedAt = nil
                return
            }
            let now = Int(Timestamp.now().milliseconds / 1000)
            if let opened = votingOpenedAt, now - opened < 30, !app.voteCandidates.isEmpty { return }
            votingOpenedAt = now
            let document = ReportBuilder.document(for: session, language: app.language)
            let candidates = document.scores.ranking.compactMap(document.scores.item).filter { ($0.priority ?? 0) > 0 }.prefix(15).map { item in
                (item: item.item, label: document.moduleTitle(item.module) + " · " + document.prompt(item.item))
            }
            // Gaps the participant already put dots on stay listed, so they can take them back.
            let listed = Set(candidates.map(\.item))
            let voted = (app.record?.votes?.value ?? [:]).keys.sorted().filter { !listed.contains($0) }.map { item in
                (item: item, label: (document.module(for: item).map { document.moduleTitle($0) + " · " } ?? "") + document.prompt(item))
            }
            app.voting(on: Array(candidates) + voted, budget: state.votesPerParticipant)
        }
        var running = true
        let initialState = try? session.facilitatorState()
        app.answering(closedFor: Self.closedPhase(session, state: initialState))
        refreshVoting(initialState)
        if let effect = app.joinEffect { running = perform(effect) }
        while running {
            screen.draw(app.render())
            let event = screen.nextEvent(timeout: 1000)
            // Once a second of quiet, pick up changes made to this participant's file elsewhere,
            // and whether the facilitator has closed answering.
            if event == .tick {
                if let id = joined?.id, let latest = try? session.participant(id), latest != app.record { app.refreshed(latest) }
                // One read of the facilitator's state serves both.
                let state = try? session.facilitatorState()
                app.answering(closedFor: Self.closedPhase(session, state: state))
                refreshVoting(state)
            }
            for effect in app.update(event) where running {
                running = perform(effect)
            }
        }
        return joined
    }
}
