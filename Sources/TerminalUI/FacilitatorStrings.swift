import Questionnaire

/// The facilitator console's own words.
public struct FacilitatorStrings: InterfaceWords {
    public var tabs: [String]               // Dashboard, Agenda, Results, Report
    public var help: String
    public var participant: String
    public var department: String
    public var progress: String
    public var lastActivity: String
    public var done: String
    public var noParticipants: String
    public var skippedFiles: String         // "{count} damaged file(s) skipped; see omnigap status"
    public var phase: String                // "Phase {n}/{total}: {name}"
    /// The standard agenda's phases by id; a custom phase shows its own id.
    public var phaseNames: [String: String]
    public var left: String                 // "{time} left"
    public var over: String                 // "{time} over"
    public var notStarted: String
    public var hidden: String
    /// Shown in the report view while the text report is being laid out after the results.
    public var preparingReport: String
    public var revealed: String
    public var agendaHelp: String
    public var confirmNextPhase: String     // "Move on to {phase}?"
    public var confirmReveal: String
    public var confirmKeys: String
    public var resultViews: [String]        // Heat map, Ranked gaps, Disagreements, Perception gaps
    public var resultsHelp: String
    public var noRatings: String
    public var reportHelp: String
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
    public var goalsHelp: String
    public var goalFormHelp: String
    public var goalFields: [String]         // statement, KPI, baseline, target, owner, due, closes
    public var goalNeedsStatement: String
    public var goalBadDate: String
    public var goalUnknownLink: String      // "{id} is not an item or dimension id"
    public var confirmDeleteGoal: String
    public var dotsPerParticipant: String   // "Dots per participant for voting: {count}"

    public static let english = FacilitatorStrings(
        tabs: ["Dashboard", "Agenda", "Results", "Report", "Goals"],
        help: "1-5 view · n next phase · v reveal · p answer for someone · q quit",
        participant: "Participant",
        department: "Department",
        progress: "Progress",
        lastActivity: "Last",
        done: "Done",
        noParticipants: "Nobody has joined yet. Participants run: omnigap join {dir}",
        skippedFiles: "{count} damaged file(s) skipped; omnigap status lists them",
        phase: "Phase {n}/{total}: {name}",
        phaseNames: ["answer": "answer", "review": "review", "goals": "goals", "report": "report"],
        left: "{time} left",
        over: "{time} over time",
        notStarted: "not started",
        hidden: "Results are hidden until you reveal them (v), so nobody anchors on others' answers.",
        preparingReport: "Laying out the report…",
        revealed: "Results revealed",
        agendaHelp: "n next phase · v reveal · 1-5 view · q quit",
        confirmNextPhase: "Move on to the phase “{phase}”? It is saved in the session at once.",
        confirmReveal: "Reveal the results to the room? They stay revealed.",
        confirmKeys: "Enter yes · Esc no",
        resultViews: ["Heat map", "Ranked gaps", "Disagreements", "Perception gaps"],
        resultsHelp: "Tab view · ↑↓ choose · Enter detail · Esc back · s sort by dots · q quit",
        noRatings: "no ratings yet",
        reportHelp: "↑↓ PgUp PgDn scroll · e export to a file · 1-5 view · q quit",
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
        goalsHelp: "a add · Enter edit · x delete · ↑↓ choose · 1-5 view · q quit",
        goalFormHelp: "Tab next field · Enter next, and save on the last · Esc cancel",
        goalFields: ["Goal", "KPI", "Baseline", "Target", "Owner", "Due (YYYY-MM-DD)", "Closes (item or dimension ids)"],
        goalNeedsStatement: "A goal needs a statement.",
        goalBadDate: "The due date is a date like 2027-06-30, or empty.",
        goalUnknownLink: "“{id}” is not an item or dimension id of this session.",
        confirmDeleteGoal: "Delete this goal?",
        dotsPerParticipant: "Dots per participant for voting: {count}")
}

extension FacilitatorStrings {
    /// A phase's name in `language`: the standard agenda's phases are translated, a phase from
    /// a custom agenda shows its id. The console and the participant screens both name phases.
    public static func phaseName(_ id: String, in language: Language) -> String {
        forLanguage(language).phaseNames[id] ?? id
    }
}
