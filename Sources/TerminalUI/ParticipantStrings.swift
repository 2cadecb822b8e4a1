import Foundation
import Questionnaire

/// The participant screens' own words. Module texts come from the modules.
public struct ParticipantStrings: InterfaceWords {
    public var joinTitle: String
    public var yourName: String
    public var yourDepartment: String
    public var yourLanguage: String
    public var joinHelp: String
    public var overviewTitle: String
    public var sharedSection: String
    public var overviewHelp: String
    public var votingKey: String   // the overview's key to the voting screen
    public var introHelp: String
    public var itemHelpMaturity: String
    public var itemHelpChoice: String
    public var itemHelpNumber: String
    public var itemHelpText: String
    public var helpHint: String   // shown when an item's explanation does not fit
    public var helpTitle: String
    public var helpClose: String
    public var current: String
    public var target: String
    public var importance: String
    public var importanceLevels: [String]   // low, medium, high
    public var notGiven: String
    public var dontKnow: String
    public var comment: String
    public var commentHelp: String
    public var noComment: String
    public var reviewTitle: String
    public var reviewAllAnswered: String
    public var reviewUnanswered: String   // {count}
    public var reviewHelp: String
    public var markedDone: String
    public var tooSmall: String   // {w} {h} {cw} {ch}
    public var saved: String
    public var itemOf: String   // {n} {total}
    /// Beside the counter on a question the facilitator made optional (`new --optional`).
    public var optionalItem: String
    public var choose: String
    public var chooseMany: String
    public var moreOptions: String   // {count}: options below the list
    public var freeAnswer: String
    public var confirmDoneTitle: String
    public var confirmDoneMessage: String
    public var confirmDoneOpen: String   // {count}
    public var confirmDoneKeys: String
    public var yesKeys: Set<Character>   // keys that answer yes
    public var noKeys: Set<Character>   // keys that answer no
    public var answerYesOrNo: String
    public var leaveTitle: String
    public var leaveMessage: String
    public var leaveBeforeJoining: String
    public var goodbye: String   // {folder} {id}
    public var answeringClosed: String   // {phase}
    public var editRefused: String
    public var joinClosed: String
    public var nameInUseTitle: String
    public var nameInUse: String   // {name} {department} {count}
    public var nameInUseKeys: String   // {name}
    public var openElsewhere: String   // {name}
    public var typeDifferentName: String
    public var removedNotice: String
    public var keyDoesNothing: String
    public var stageKeys: String
    public var importanceKeys: String
    public var numberKeys: String
    public var dontKnowAlone: String
    public var outOfRange: String   // {value} {range}
    public var rangeBetween: String   // {min} {max}
    public var rangeAtLeast: String   // {min}
    public var rangeAtMost: String   // {max}
    public var allowedRange: String   // {range} {unit}
    public var unitOnly: String   // {unit}
    public var timeLeft: String   // {phase} {minutes}
    public var overTime: String   // {phase}
    public var pausedClock: String   // {phase}
    public var voteTitle: String
    public var voteHelp: String
    public var votesLeft: String   // {count} {total}
    public var voteDots: String   // column heading
    public var priority: String
    public var voteGap: String   // column heading
    public var noDotsLeft: String
    public var noDotHere: String
    public var votingClosed: String
    public var decimalSeparator: String
    public var remoteGoodbye: String
    public var idleClosed: String   // {duration}
    public var serverStopped: String
    public var takenOver: String
    public var resumeCodeTitle: String
    public var resumeCodeMessage: String   // {code}
    public var resumeCodeKeys: String
    public var resumeCodeAskTitle: String
    public var resumeCodeAsk: String   // {name}
    public var resumeCodeField: String
    public var resumeCodeAskKeys: String
    public var wrongResumeCode: String   // {name} {count}
    public var resumeLocked: String   // {name}
    public var resumeNoCode: String   // {name}
    public var idleTitle: String
    public var idleWarning: String   // {time}
    public var idleKeys: String
}

extension ParticipantStrings {
    public static let english = ParticipantStrings(
        joinTitle: "Join the workshop",
        yourName: "Your name",
        yourDepartment: "Your department",
        yourLanguage: "Language",
        joinHelp: "Type · ↑↓ choose · Enter next · Esc back · Ctrl-C quit",
        overviewTitle: "Your questions",
        sharedSection: "shared by everyone",
        overviewHelp: "↑↓ choose · Enter answer · r review and finish · q leave",
        votingKey: "v vote",
        introHelp: "Enter start · ↑↓ scroll · Esc list · q leave",
        itemHelpMaturity: "1-4 stage · ? don't know · Tab field · Enter next · PgUp back · Esc list",
        itemHelpChoice: "↑↓ move · Space select · ? don't know · Enter next · PgUp back · Esc list",
        itemHelpNumber: "Type a number · ? don't know · Tab field · Enter save, next · Esc list",
        itemHelpText: "Type your answer (empty: no answer) · Enter save, next · PgUp back · Esc list",
        helpHint: "h or F1: read the explanation",
        helpTitle: "Explanation",
        helpClose: "Any key closes",
        current: "Now",
        target: "Goal",
        importance: "Importance",
        importanceLevels: ["low", "medium", "high"],
        notGiven: "–",
        dontKnow: "don't know",
        comment: "Comment",
        commentHelp: "Type · Enter save · Esc cancel",
        noComment: "none (press c to add one)",
        reviewTitle: "Review and finish",
        reviewAllAnswered: "Every question is answered. Thank you!",
        reviewUnanswered: "Questions still open: {count}",
        reviewHelp: "↑↓ choose · Enter answer it · D mark yourself done · Esc overview · q leave",
        markedDone: "You are marked done. You can still change answers until answering closes.",
        tooSmall: "Please enlarge the terminal to at least {w}×{h} (now {cw}×{ch}).",
        saved: "Saved",
        itemOf: "{n} of {total}",
        optionalItem: "optional",
        choose: "Choose one",
        chooseMany: "Choose all that apply",
        moreOptions: "↓ {count} more",
        freeAnswer: "Your answer",
        confirmDoneTitle: "Finish",
        confirmDoneMessage: "Mark yourself done? You can still change answers until answering closes.",
        confirmDoneOpen: "{count} questions are still open. Mark yourself done anyway? You can still answer them until answering closes.",
        confirmDoneKeys: "y yes · n no",
        yesKeys: Set("yY"),
        noKeys: Set("nN"),
        answerYesOrNo: "Please answer y (yes) or n (no).",
        leaveTitle: "Leave",
        leaveMessage: "Leave the workshop? Your answers are saved.",
        leaveBeforeJoining: "Leave without joining the workshop?",
        goodbye: "Goodbye. Your answers are saved in {folder} (participant {id}). To continue later, join again with the same name.",
        answeringClosed: "Answering is closed: the workshop has moved on to “{phase}”. Your answers are kept.",
        editRefused: "Answering is closed: this answer was not changed.",
        joinClosed: "Answering has closed, so nobody new can join. If you joined earlier, type the same name to see your answers.",
        nameInUseTitle: "This name is taken",
        nameInUse: "Someone called {name} has already joined ({department}, {count} answered). Is that you?",
        nameInUseKeys: "y = continue as {name} · n = I am someone else",
        openElsewhere: "{name} is answering on another screen right now. Close that screen first, or join under a different name.",
        typeDifferentName: "Please type a different name, for example with your surname's initial.",
        removedNotice: "The facilitator has removed you from this workshop: nothing more is saved. Press q to leave.",
        keyDoesNothing: "That key does nothing here: the keys that work are on the bottom line.",
        stageKeys: "Stages are 1 to 4; ? means don't know.",
        importanceKeys: "Importance is 1 (low), 2 (medium) or 3 (high).",
        numberKeys: "Type one number, such as 12 or 99,5 (no spaces), or ? for don't know.",
        dontKnowAlone: "? stands alone: clear the field first.",
        outOfRange: "{value} is not possible here: the value must be {range}.",
        rangeBetween: "between {min} and {max}",
        rangeAtLeast: "at least {min}",
        rangeAtMost: "at most {max}",
        allowedRange: "Allowed: {range} {unit}",
        unitOnly: "Unit: {unit}",
        timeLeft: "{phase}: {minutes} min left",
        overTime: "{phase}: time is up",
        pausedClock: "{phase}: paused",
        voteTitle: "Vote: put your dots on the gaps that matter most",
        voteHelp: "↑↓ choose · + or Space add a dot · - remove one · Esc back · q leave",
        votesLeft: "Dots left: {count} of {total}",
        voteDots: "Dots",
        priority: "Priority",
        voteGap: "Gap",
        noDotsLeft: "No dots left: take one back with - first.",
        noDotHere: "There is no dot on this gap to take back.",
        votingClosed: "Voting opens when the facilitator reveals the results.",
        decimalSeparator: ".",
        remoteGoodbye: "Goodbye. Your answers are saved. To continue later, connect again and type the same name.",
        idleClosed: "This connection has closed after {duration} without a key. Your answers are saved: connect again and type the same name to continue.",
        serverStopped: "The facilitator has stopped the workshop's server. Your answers are saved.",
        takenOver: "You continued on another connection, so this one has closed. Your answers are saved.",
        resumeCodeTitle: "Your resume code",
        resumeCodeMessage: "Your resume code is {code}. Note it down now: it is shown only this once.\nTo come back to your answers from another connection, type your name, then this code. Without it nobody else can open your answers.",
        resumeCodeKeys: "Enter: I have noted it",
        resumeCodeAskTitle: "Is it really you?",
        resumeCodeAsk: "To open {name}'s answers from this connection, type the resume code that was shown when {name} first joined.",
        resumeCodeField: "Resume code",
        resumeCodeAskKeys: "Type the code · Enter check · Esc back",
        wrongResumeCode: "That is not {name}'s resume code: nothing was opened. Tries left before the answers lock: {count}.",
        resumeLocked: "Too many wrong codes: {name}'s answers are locked. Ask the facilitator for a new resume code.",
        resumeNoCode: "{name} did not join over SSH, so there is no resume code yet. Ask the facilitator for one.",
        idleTitle: "Still there?",
        idleWarning: "Nothing has been typed for a long time. This connection closes in {time} unless you press a key. Your answers are saved either way.",
        idleKeys: "Any key: stay")
}

extension ParticipantStrings {
    /// A number as this language writes it: "99,5" in Polish, Swedish and Italian.
    public func number(_ value: Double) -> String {
        NumberFormatting.plain(value).replacingOccurrences(of: ".", with: decimalSeparator)
    }

    /// A number rounded to one decimal, as the voting screen shows means: "2,5".
    public func oneDecimal(_ value: Double) -> String {
        number((value * 10).rounded() / 10)
    }

    /// A number item's bounds in words ("between 0 and 100"), or nil when it has none.
    public func range(minimum: Double?, maximum: Double?) -> String {
        switch (minimum, maximum) {
        case let (low?, high?): Self.fill(rangeBetween, ["min": number(low), "max": number(high)])
        case let (low?, nil): Self.fill(rangeAtLeast, ["min": number(low)])
        case let (nil, high?): Self.fill(rangeAtMost, ["max": number(high)])
        case (nil, nil): ""
        }
    }

    /// What a number item accepts, for the line above its fields: "Allowed: between 0 and 100 %".
    public func allowedValues(_ spec: NumberSpec, in language: Language) -> String {
        let unit = spec.unit.resolved(in: language)
        guard spec.minimum != nil || spec.maximum != nil else { return Self.fill(unitOnly, ["unit": unit]) }
        return Self.fill(allowedRange, ["range": range(minimum: spec.minimum, maximum: spec.maximum), "unit": unit])
            .trimmingCharacters(in: .whitespaces)
    }

    /// The phase clock as a participant reads it: "Answering: 12 min left".
    public func clockText(phase: String, secondsLeft: Int, paused: Bool) -> String {
        if paused { return Self.fill(pausedClock, ["phase": phase]) }
        guard secondsLeft > 0 else { return Self.fill(overTime, ["phase": phase]) }
        return Self.fill(timeLeft, ["phase": phase, "minutes": String((secondsLeft + 59) / 60)])
    }
}
