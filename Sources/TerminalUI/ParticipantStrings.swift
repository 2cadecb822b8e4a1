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
    public var itemHelpMaturity: String
    public var itemHelpChoice: String
    public var itemHelpNumber: String
    public var itemHelpText: String
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
    public var reviewUnanswered: String     // "{count} question(s) still open:"
    public var reviewHelp: String
    public var markedDone: String
    public var tooSmall: String              // "Please enlarge the terminal to at least {w}×{h} (now {cw}×{ch})."
    public var saved: String
    public var itemOf: String                // "{n} of {total}"
    public var choose: String
    public var chooseMany: String
    public var value: String
    public var unit: String
    public var freeAnswer: String
    public var done: String
    public var confirmDoneTitle: String
    public var confirmDoneMessage: String
    public var confirmDoneKeys: String
    public var answeringClosed: String      // "Answering is closed ({phase}). Your answers are kept."
    public var editRefused: String
    public var voteTitle: String
    public var voteHelp: String
    public var votesLeft: String            // "Dots left: {count} of {total}"
    public var votingClosed: String
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
        overviewHelp: "↑↓ choose · Enter answer · r review and finish · q quit",
        itemHelpMaturity: "1-4 stage · 0 don't know · Tab field · Enter next · PgUp back · Esc list",
        itemHelpChoice: "↑↓ move · Space select · 0 don't know · Enter next · PgUp back · Esc list",
        itemHelpNumber: "Type a number · ? don't know · Tab field · Enter save, next · Esc list",
        itemHelpText: "Type your answer · Enter save and next · PgUp back · Esc list",
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
        reviewHelp: "↑↓ choose · Enter answer it · D mark yourself done · Esc overview",
        markedDone: "You are marked done. You can still change answers until answering closes.",
        tooSmall: "Please enlarge the terminal to at least {w}×{h} (now {cw}×{ch}).",
        saved: "Saved",
        itemOf: "{n} of {total}",
        choose: "Choose one",
        chooseMany: "Choose all that apply",
        value: "Value",
        unit: "Unit",
        freeAnswer: "Your answer",
        done: "done",
        confirmDoneTitle: "Finish",
        confirmDoneMessage: "Mark yourself done? You can still change answers until answering closes.",
        confirmDoneKeys: "Enter yes · Esc no",
        answeringClosed: "Answering is closed: the workshop has moved on to “{phase}”. Your answers are kept.",
        editRefused: "Answering is closed: this answer was not changed.",
        voteTitle: "Vote: put your dots on the gaps that matter most",
        voteHelp: "↑↓ choose · + or Space add a dot · - remove one · Esc back",
        votesLeft: "Dots left: {count} of {total}",
        votingClosed: "Voting opens when the facilitator reveals the results.")
}
