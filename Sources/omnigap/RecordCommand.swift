import ArgumentParser
import Basics
import Foundation
import Questionnaire
import SessionModel
import SessionStore

/// `omnigap record DIR --participant NAME --department D --item ID …`: one answer, entered
/// without a screen, for scripts and for the facilitator typing in answers for someone.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record one answer for a participant, without the interactive screens.",
        discussion: """
            The participant joins if they have not yet (give --department then). Only the parts \
            you give change: --target alone keeps the current stage already recorded. Use "dk" \
            (or dont-know) for don't know. Examples:
              omnigap record ws --participant "Anna K." --department it --item it.platform.upkeep --current 2 --target 4
              omnigap record ws --participant "Anna K." --item it.platform.uptime --current 99.2 --target dk
              omnigap record ws --participant "Anna K." --item it.product-data.pim --choice "yes"
              omnigap record ws --participant "Anna K." --done
            """)

    @OptionGroup var session: SessionArgument

    @Option(name: .long, help: ArgumentHelp("The participant's name (joins them if new) or id.", valueName: "name-or-id"))
    var participant: String

    @Option(name: .long, help: "The department a new participant joins.")
    var department: String?

    @Option(name: .long, help: "The language a new participant answers in (default: the session's).")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("The item to answer, as `omnigap modules show` lists it.", valueName: "item-id"))
    var item: String?

    /// The value is taken whatever it looks like: `--current -4` is a negative number (a Net
    /// Promoter Score can be), which the default strategy would read as a missing value and an
    /// unknown option `-4`.
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Current stage 1-4, or a number item's current value, or dk. The next word is always its value, -4 too.", valueName: "value"))
    var current: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Target stage 1-4, or a number item's target value, or dk. Leave it out to keep the recorded one.", valueName: "value"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("A choice item's option ids, comma-separated, or dk.", valueName: "ids"))
    var choice: String?

    @Option(name: .long, help: "A text item's answer.")
    var text: String?

    @Option(name: .long, help: "How important the item is: 1 (low), 2 or 3 (high).")
    var importance: Int?

    @Option(name: .long, help: "A comment on the item.")
    var comment: String?

    @Flag(name: .long, help: "Remove the participant's answer to the item.")
    var clear = false

    @Flag(name: .long, help: "Mark the participant done.")
    var done = false

    /// Words left over after the flags. Only a slip puts any here, usually a flag given no value:
    /// `--current --target 4` makes "--target" the current value and leaves "4" over. Caught
    /// here so the error names the slip rather than only "unexpected argument '4'".
    @Argument(help: .private)
    var leftover: [String] = []

    func validate() throws {
        for (flag, value) in [("--current", current), ("--target", target)] {
            if let value, value.hasPrefix("--") {
                throw ValidationError("\(flag) has no value: it took \"\(Sanitized.excerpt(value))\" as one. "
                    + "Give \(flag) a value (\(flag) 2, \(flag) dk), or leave \(flag) out to keep what is recorded")
            }
        }
        if let word = leftover.first {
            throw ValidationError("unexpected argument \"\(Sanitized.excerpt(word))\"; every value follows its flag, as in --current 2 --target 4")
        }
        guard item != nil || done else { throw ValidationError("give --item ID with a value, or --done") }
        if item == nil, current != nil || target != nil || choice != nil || text != nil || importance != nil || comment != nil || clear {
            throw ValidationError("values need --item ID")
        }
        if let item, !clear, current == nil && target == nil && choice == nil && text == nil && importance == nil && comment == nil {
            throw ValidationError("give a value for \(item): --current, --target, --choice, --text, --importance or --comment (or --clear)")
        }
    }

    func run() throws {
        let session = try self.session.open()
        // Everything is checked before a new participant joins, so a rejected answer leaves
        // nothing behind.
        let existing = try storeOperation { () throws(SessionError) in try existingParticipant(in: session) }
        guard let department = existing?.profile.value.department ?? department else {
            throw CommandFailure("no participant \"\(Sanitized.excerpt(participant))\" in this session; to add one, "
                + "give --department (\(session.settings.departments.joined(separator: ", ")))")
        }
        try storeOperation { () throws(SessionError) in try session.checkDepartment(department) }
        var change: (item: ItemID, answer: Answer?)?
        if let itemKey = item {
            let itemID = ItemID(itemKey)
            guard let item = session.catalog.item(itemID), let module = session.catalog.placement(of: itemID)?.module.id else {
                throw CommandFailure("no item \"\(Sanitized.excerpt(itemKey))\" in this session's modules; "
                    + "`\(Invocation.command("modules", "show", department, "--modules", session.paths.modules))` lists the \(department) items")
            }
            guard session.modules(for: department).contains(where: { $0.id == module }) else {
                throw CommandFailure("\(itemID) is in \(module), which \(department) participants do not answer")
            }
            let answer = clear ? nil : try makeAnswer(for: item, existing: existing?.answers[itemID]?.answer)
            if let answer {
                do { try item.validate(answer) } catch { throw CommandFailure(error.description) }
            }
            change = (itemID, answer)
        }
        let record = try storeOperation { () throws(SessionError) in
            if let existing { return existing }
            // The facilitator's tool: it may add a participant after answering has closed (paper
            // answers, a late arrival), which a participant's own `join` may not.
            let joined = try session.join(name: participant, department: department, language: lang ?? session.settings.language,
                                          lateEntry: true).record
            print("Joined \(displayText(joined.profile.value.name, width: 40)) for \(department) as \(joined.id)")
            return joined
        }
        if let change {
            let saved = try storeOperation { () throws(SessionError) in try session.save(change.answer, item: change.item, for: record.id) }
            let revision = saved.answers[change.item]?.revision ?? 0
            print("\(clear ? "Cleared" : "Recorded") \(change.item) for \(displayText(record.profile.value.name, width: 40)) (\(record.id)), revision \(revision)")
        }
        if done {
            try storeOperation { () throws(SessionError) in _ = try session.setDone(true, for: record.id) }
            print("Marked \(displayText(record.profile.value.name, width: 40)) (\(record.id)) done")
        }
    }

    /// The participant named by id or name, or nil when no one has that name yet.
    private func existingParticipant(in session: Session) throws(SessionError) -> ParticipantRecord? {
        if let id = ParticipantID(rawValue: participant) { return try session.participant(id) }
        let matches = session.participants(named: participant)
        guard matches.count <= 1 else {
            throw .invalidArgument("\(matches.count) participants are called \"\(Sanitized.excerpt(participant))\"; give the id: "
                + matches.map(\.id.rawValue).joined(separator: ", "))
        }
        if let found = matches.first, let department, department != found.profile.value.department {
            throw .refused("\"\(Sanitized.excerpt(participant))\" has already joined for \(found.profile.value.department), not \(department)")
        }
        return matches.first
    }

    /// The answer with the given parts applied over what was recorded before.
    private func makeAnswer(for item: Item, existing: Answer?) throws -> Answer {
        var answer = existing ?? Answer(.text(""))
        switch item.kind {
        case .maturity:
            guard choice == nil, text == nil else { throw CommandFailure("\(item.id) is a maturity item: give --current and --target (1-4 or dk)") }
            var (oldCurrent, oldTarget): (Rated<Int>?, Rated<Int>?) = (nil, nil)
            if case .maturity(let c, let t)? = existing?.value { (oldCurrent, oldTarget) = (c, t) }
            answer.value = .maturity(current: try current.map { try stage($0, "--current") } ?? oldCurrent,
                                     target: try target.map { try stage($0, "--target") } ?? oldTarget)
        case .number:
            guard choice == nil, text == nil else { throw CommandFailure("\(item.id) is a number item: give --current and --target values (or dk)") }
            var (oldCurrent, oldTarget): (Rated<Double>?, Rated<Double>?) = (nil, nil)
            if case .number(let c, let t)? = existing?.value { (oldCurrent, oldTarget) = (c, t) }
            answer.value = .number(current: try current.map { try number($0, "--current") } ?? oldCurrent,
                                   target: try target.map { try number($0, "--target") } ?? oldTarget)
        case .choice(let options, _):
            guard current == nil, target == nil, text == nil else { throw CommandFailure("\(item.id) is a choice item: give --choice with option ids (\(options.map(\.id).joined(separator: ", ")))") }
            if let choice {
                answer.value = NumberInput.meansDontKnow(choice) ? .choice(.dontKnow)
                    : .choice(.value(choice.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }))
            } else if existing == nil {
                throw CommandFailure("\(item.id) has no answer yet: give --choice with option ids (\(options.map(\.id).joined(separator: ", ")))")
            }
        case .text:
            guard current == nil, target == nil, choice == nil else { throw CommandFailure("\(item.id) is a free-text item: give --text") }
            if let text { answer.value = .text(text) } else if existing == nil { throw CommandFailure("\(item.id) has no answer yet: give --text") }
        }
        if let importance { answer.importance = importance }
        if let comment { answer.comment = comment.isEmpty ? nil : comment }
        return answer
    }

    private func stage(_ text: String, _ flag: String) throws -> Rated<Int> {
        if NumberInput.meansDontKnow(text) { return .dontKnow }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...4).contains(value) else {
            throw CommandFailure("\(flag) \(Sanitized.excerpt(text)): a stage is 1 to 4, or dk")
        }
        return .value(value)
    }

    private func number(_ text: String, _ flag: String) throws -> Rated<Double> {
        // Blank is no value on the participant screen; here a flag given empty is a mistake.
        guard let input = NumberInput(parsing: text), let rated = input.rated else {
            throw CommandFailure("\(flag) \(Sanitized.excerpt(text)): give a number (a decimal point or comma), or dk")
        }
        return rated
    }
}
