import Questionnaire

/// The facilitator console's own words.
///
/// The footer is put together from one hint per key (`key…`), so that each view lists only the
/// keys that act on it as it is now: no "Enter detail" where Enter does nothing, no "e export"
/// before there is anything to export.
public struct FacilitatorStrings: InterfaceWords {
    public var tabs: [String]               // Dashboard, Agenda, Results, Report, Goals
    public var participant: String
    public var department: String
    public var progress: String
    public var lastActivity: String
    public var done: String
    /// Before anyone joins; the join command follows on its own line, to copy.
    public var noParticipants: String
    public var skippedFiles: String         // "{count} damaged file(s) skipped; see omnigap status"
    /// Above the dashboard's list when it does not fit: "showing 1–20 of 57".
    public var showingRows: String
    public var phase: String                // "Phase {n}/{total}: {name}"
    /// The standard agenda's phases by id; a custom phase shows its own id.
    public var phaseNames: [String: String]
    public var left: String                 // "{time} left"
    public var over: String                 // "{time} over"
    public var paused: String               // after the clock while it stands still
    public var notStarted: String
    public var hidden: String
    /// Shown in the report view while the text report is being laid out after the results.
    public var preparingReport: String
    public var revealed: String
    public var confirmNextPhase: String     // "Move on to {phase}?"
    /// Closing answering: who has not finished.
    public var everyoneFinished: String
    public var nobodyJoined: String
    public var notFinished: String          // "Not finished yet: {names}."
    public var notFinishedMany: String      // "{count} have not finished, among them {names}."
    public var confirmReveal: String
    public var confirmKeys: String
    public var confirmRemove: String        // "Remove {name} ({department}, {answered} answered)? …"
    public var confirmRemoveKeys: String
    public var removed: String              // "{name} removed; their file is now {path}."
    public var resultViews: [String]        // Heat map, Ranked gaps, Disagreements, Perception gaps, Since last time
    public var dimensionItems: String       // "{dimension}: its items"
    public var noItems: String
    public var noRatings: String
    public var exported: String             // "Exported to {path}"
    public var exportQuestion: String       // the export dialog's question
    public var textFormat: String           // "text", the one format whose name is translated
    public var cancel: String               // "cancel", after Esc
    public var drillPriority: String
    public var drillDisagreement: String
    public var drillLowConfidence: String
    public var drillCurrent: String
    public var drillTarget: String
    public var drillDontKnow: String
    public var goalsTitle: String
    public var noGoals: String
    public var goalFields: [String]         // statement, KPI, baseline, target, owner, due, closes
    public var goalDue: String              // "Due", in a goal's detail
    public var noLinks: String              // the goal form's gaps before any is chosen
    public var pickerTitle: String
    public var goalNeedsStatement: String
    public var goalBadDate: String
    public var goalUnknownLink: String      // "{id} is not an item or dimension id"
    public var reviewsHeading: String       // {earlier}: the goals carried over from it
    public var reviewFields: [String]       // KPI now, status, note
    public var reviewNoDelete: String
    public var keyReview: String
    public var keyStatus: String
    public var confirmDeleteGoal: String
    public var dotsPerParticipant: String   // "Dots per participant for voting: {count}"
    /// What a key does, for the footer; the key itself is the same in every language.
    public var keyChoose: String
    public var keyScroll: String
    public var keyDetail: String
    public var keyItems: String
    public var keyBack: String
    public var keyNextView: String
    public var keyRemove: String
    public var keyProxy: String
    public var keyPause: String
    public var keyResume: String
    public var keyExtend: String
    public var keyNextPhase: String
    public var keyReveal: String
    public var keyDots: String
    public var keySortByDots: String
    public var keySortByPriority: String
    public var keyGoalForGap: String
    public var keyExport: String
    public var keyAdd: String
    public var keyEdit: String
    public var keyDelete: String
    public var keyQuit: String
    public var keyNextField: String
    public var keySaveOnLast: String
    public var keySave: String
    public var keyChooseGaps: String
    public var keyTick: String
    public var keyDone: String
    public var keyCancel: String
    /// A key that cannot act now says why.
    public var noNextPhase: String
    public var alreadyRevealed: String
    public var exportNeedsReveal: String
    public var clockNotStarted: String
    /// The SSH server the console hosts (`facilitate --serve`).
    public var servingTitle: String
    public var servingCode: String           // "code: {code}"
    public var servingHostKey: String        // "Host key {fingerprint}"
    public var servingConnected: String      // "Connected now: {count}"
    public var servingJoining: String        // "{count} on the join screen"
    public var connectedMark: String         // the column heading of the "connected" marks
    public var keyJoinScreen: String
    public var joinScreenTitle: String
    public var joinScreenSteps: String       // {code}
    public var keyAccess: String
    public var accessTitle: String           // {name}
    public var accessCode: String            // {name} {code}
    public var accessKey: String             // {fingerprint}
    public var accessNoKey: String
    public var accessWrongCodes: String      // {count} {max}
    public var accessLocked: String
    public var accessNone: String            // {name}
    public var accessKeys: String
    public var accessIssued: String          // {name} {code}

    public static let english = FacilitatorStrings(
        tabs: ["Dashboard", "Agenda", "Results", "Report", "Goals"],
        participant: "Participant",
        department: "Department",
        progress: "Progress",
        lastActivity: "Last",
        done: "Done",
        noParticipants: "Nobody has joined yet. Participants run:",
        skippedFiles: "{count} damaged file(s) skipped; omnigap status lists them",
        showingRows: "showing {first}–{last} of {total}",
        phase: "Phase {n}/{total}: {name}",
        phaseNames: ["answer": "answer", "review": "review", "goals": "goals", "report": "report"],
        left: "{time} left",
        over: "{time} over time",
        paused: "paused",
        notStarted: "not started",
        hidden: "Results are hidden until you reveal them (v), so nobody anchors on others' answers.",
        preparingReport: "Laying out the report…",
        revealed: "Results revealed",
        confirmNextPhase: "Move on to the phase “{phase}”? It is saved in the session at once.",
        everyoneFinished: "Everyone has finished answering.",
        nobodyJoined: "Nobody has joined yet.",
        notFinished: "Not finished yet: {names}.",
        notFinishedMany: "{count} have not finished, among them {names}.",
        confirmReveal: "Reveal the results to the room? They stay revealed.",
        confirmKeys: "Enter yes · Esc no",
        confirmRemove: "Remove {name} ({department}, {answered} answered)? Their file is moved to removed/ and no longer counted.",
        confirmRemoveKeys: "y remove · n keep",
        removed: "{name} removed; their file is now {path}.",
        resultViews: ["Heat map", "Ranked gaps", "Disagreements", "Perception gaps", "Since last time"],
        dimensionItems: "{dimension}: its questions",
        noItems: "No rated questions here yet.",
        noRatings: "no ratings yet",
        exported: "Exported to {path}",
        exportQuestion: "Export the report into the session folder. Which format?",
        textFormat: "text",
        cancel: "cancel",
        drillPriority: "priority",
        drillDisagreement: "disagreement",
        drillLowConfidence: "low confidence",
        drillCurrent: "now",
        drillTarget: "goal",
        drillDontKnow: "don't know",
        goalsTitle: "Agreed goals",
        noGoals: "No goals yet. Press a to add one for a gap the room wants to close.",
        goalFields: ["Goal", "KPI", "Baseline", "Target", "Owner", "Due (YYYY-MM-DD)", "Closes the gaps"],
        goalDue: "due",
        noLinks: "none chosen; Space picks them from the ranked gaps",
        pickerTitle: "The gaps this goal closes",
        goalNeedsStatement: "A goal needs a statement.",
        goalBadDate: "The due date is a date like 2027-06-30, or empty.",
        goalUnknownLink: "“{id}” is not an item or dimension id of this session.",
        reviewsHeading: "From {earlier}: goals under review",
        reviewFields: ["KPI now", "Status", "Note"],
        reviewNoDelete: "A goal from the earlier session stays on record; set its status to dropped instead.",
        keyReview: "Enter review",
        keyStatus: "←→ status",
        confirmDeleteGoal: "Delete this goal?",
        dotsPerParticipant: "Dots per participant for voting: {count}",
        keyChoose: "↑↓ choose",
        keyScroll: "↑↓ PgUp PgDn scroll",
        keyDetail: "Enter detail",
        keyItems: "Enter its questions",
        keyBack: "Esc back",
        keyNextView: "Tab next view",
        keyRemove: "x remove",
        keyProxy: "p answer for someone",
        keyPause: "t pause clock",
        keyResume: "t restart clock",
        keyExtend: "m +5 min",
        keyNextPhase: "n next phase",
        keyReveal: "v reveal",
        keyDots: "+/- dots",
        keySortByDots: "s sort by dots",
        keySortByPriority: "s sort by priority",
        keyGoalForGap: "g goal for this gap",
        keyExport: "e export to a file",
        keyAdd: "a add",
        keyEdit: "Enter edit",
        keyDelete: "x delete",
        keyQuit: "q quit",
        keyNextField: "Tab next field",
        keySaveOnLast: "Enter next, and save on the last",
        keySave: "Enter save",
        keyChooseGaps: "Space choose the gaps",
        keyTick: "Space tick",
        keyDone: "Enter done",
        keyCancel: "Esc cancel",
        noNextPhase: "This is the agenda's last phase; there is no next one.",
        alreadyRevealed: "The results are already revealed.",
        exportNeedsReveal: "Reveal the results first (v); then the report can be exported.",
        clockNotStarted: "The workshop has not started: n starts the first phase and its clock.",
        servingTitle: "Join from your laptop",
        servingCode: "code: {code}",
        servingHostKey: "Host key {fingerprint}",
        servingConnected: "Connected now: {count}",
        servingJoining: "{count} on the join screen",
        connectedMark: "SSH",
        keyJoinScreen: "j join screen",
        joinScreenTitle: "Join the workshop from your own laptop",
        joinScreenSteps: "Open a terminal (macOS: Terminal; Windows: PowerShell; Linux: any), type the line above, and give the code as the password.",
        keyAccess: "c resume code",
        accessTitle: "{name}: coming back over SSH",
        accessCode: "{name}'s resume code is {code}.",
        accessKey: "Their SSH key ({fingerprint}) also lets them back in.",
        accessNoKey: "They connected without an SSH key: only the code lets them back in.",
        accessWrongCodes: "Wrong codes typed: {count} of {max}.",
        accessLocked: "Locked after too many wrong codes: give a new code.",
        accessNone: "{name} has no resume code (they joined on this machine, or the code was lost). Give one so they can come back over SSH.",
        accessKeys: "r new code (forgets the key) · Esc close",
        accessIssued: "New resume code for {name}: {code}")
}

extension FacilitatorStrings {
    /// A phase's name in `language`: the standard agenda's phases are translated, a phase from
    /// a custom agenda shows its id. The console and the participant screens both name phases.
    public static func phaseName(_ id: String, in language: Language) -> String {
        forLanguage(language).phaseNames[id] ?? id
    }
}
