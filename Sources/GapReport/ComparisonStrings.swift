import Questionnaire

/// The comparison's own words (`omnigap compare`, and the report's sections on the session
/// before), in each interface language. Titles and prompts come from the modules.
public struct ComparisonStrings: InterfaceWords {
    public var overTimeTitle: String        // "Omnichannel progress: then and now"
    public var sideBySideTitle: String      // "Omnichannel workshops side by side"
    public var sessionLine: String          // {label} {title} {date} {participants} {id}
    public var summary: String
    public var summaryOverTime: String      // {then} {from} {to} {targetFrom} {targetTo}
    public var summaryMoves: String         // {up} {down} {count}
    public var summaryBiggestStep: String   // {dimension} {change}
    public var summaryWentBack: String      // {dimensions}
    public var summaryNothingToCompare: String
    public var summarySpread: String        // {dimension} {spread} {best} {worst}
    public var summaryLeads: String         // {label} {count} {total}
    public var summaryGoals: String         // {then} {done} {onTrack} {late} {dropped} {open}
    public var dimension: String
    public var change: String
    public var target: String
    public var closed: String
    public var spread: String
    public var allDimensions: String        // {module}
    public var legendOverTime: String
    public var legendSideBySide: String
    public var legendSideBySideCompact: String
    public var movedTitle: String
    public var noneMoved: String
    public var disagreementsTitle: String
    public var newDisagreements: String
    public var settledDisagreements: String
    public var noDisagreementChange: String
    public var perceptionTitle: String
    public var perceptionIntro: String
    public var goalsTitle: String           // {then}
    public var noGoalsThen: String          // {then}
    public var goalsUnreadable: String      // {then}
    public var statusDone: String
    public var statusOnTrack: String
    public var statusLate: String
    public var statusDropped: String
    public var statusOpen: String
    public var goalNow: String              // {actual}
    public var goalNote: String
    public var notComparedTitle: String
    public var changedQuestions: String
    public var changedEntry: String         // {id} {what} {sessions}
    public var questionsNotInAll: String
    public var modulesNotInAll: String
    public var onlyIn: String               // {id} {sessions}
    public var everythingCompared: String   // {count}
    public var whatPrompt: String
    public var whatLevel: String            // {n}
    public var whatKind: String
    public var whatOptions: String
    public var whatMultiple: String
    public var whatUnit: String
    public var whatBounds: String
    public var methodTitle: String
    public var methodText: [String]
    public var slopeCaption: String
    public var dotCaption: String
    public var sinceTitle: String           // {then}
    public var sinceUnavailable: String     // {then} {reason}
}

extension ComparisonStrings {
    public static let english = ComparisonStrings(
        overTimeTitle: "Omnichannel progress: then and now",
        sideBySideTitle: "Omnichannel workshops side by side",
        sessionLine: "{label}: {title}, {date}, {participants} participants (session {id})",
        summary: "Summary",
        summaryOverTime: "Since {then}, the departments' current maturity moved from {from} to {to}, and their target from {targetFrom} to {targetTo}.",
        summaryMoves: "Of {count} dimensions compared, {up} moved up by a quarter of a stage or more and {down} went back as far.",
        summaryBiggestStep: "The biggest step forward: {dimension} ({change}).",
        summaryWentBack: "Went back the most: {dimensions}.",
        summaryNothingToCompare: "No dimension has ratings in two of these sessions, so there is nothing to compare yet.",
        summarySpread: "The widest spread is in {dimension}: {spread} stages between {best} and {worst}.",
        summaryLeads: "{label} is ahead on {count} of {total} dimensions.",
        summaryGoals: "Goals set at {then}: {done} done, {onTrack} on track, {late} late, {dropped} dropped, {open} not reviewed yet.",
        dimension: "Dimension",
        change: "Change",
        target: "Target",
        closed: "Closed",
        spread: "Spread",
        allDimensions: "{module}: all dimensions",
        legendOverTime: "Each session's current stage (the mean); change = now − then; target then → now; closed = the share of the old gap closed, measured against the old target.",
        legendSideBySide: "Each cell: current / target; ▲ marks the highest current; spread = the highest current − the lowest.",
        legendSideBySideCompact: "Each cell: current; ▲ marks the highest; spread = the highest current − the lowest.",
        movedTitle: "Questions that moved a whole stage or more",
        noneMoved: "No question moved a whole stage.",
        disagreementsTitle: "Disagreements",
        newDisagreements: "New (current ratings two stages or more apart now, not then):",
        settledDisagreements: "Settled (apart then, not now):",
        noDisagreementChange: "No disagreement came or went.",
        perceptionTitle: "Perception gaps",
        perceptionIntro: "Each shared dimension's highest department mean minus the lowest; ! marks 1.5 or more; – means fewer than two departments rated it.",
        goalsTitle: "Goals since {then}",
        noGoalsThen: "{then} recorded no goals.",
        goalsUnreadable: "The goals carried over from {then} cannot be read: facilitator.json is damaged (see the skipped files).",
        statusDone: "done",
        statusOnTrack: "on track",
        statusLate: "late",
        statusDropped: "dropped",
        statusOpen: "not reviewed",
        goalNow: "now {actual}",
        goalNote: "Note",
        notComparedTitle: "Not compared",
        changedQuestions: "Questions that changed between the sessions, left out of every number above:",
        changedEntry: "{id}: {what} changed (in {sessions})",
        questionsNotInAll: "Questions that only some sessions ask:",
        modulesNotInAll: "Modules that only some sessions have:",
        onlyIn: "{id}: only in {sessions}",
        everythingCompared: "All {count} questions are the same in every session.",
        whatPrompt: "the question",
        whatLevel: "level {n}",
        whatKind: "the kind of answer",
        whatOptions: "the options",
        whatMultiple: "one or several",
        whatUnit: "the unit",
        whatBounds: "the bounds",
        methodTitle: "How the comparison works",
        methodText: [
            "Questions are matched by id. A question whose wording or level descriptions changed between the sessions, or that only some sessions ask, is listed under \"Not compared\" and left out of every number: its answers then and now answer different questions.",
            "Each dimension's and module's current, target and gap are taken again over the compared questions only, by the report's rules (weighted by each question's weight; a module is the plain mean of its dimensions), so that each column measures the same thing.",
            "Over time: change = now − then. The share of the old gap closed = (current now − current then) ÷ (the gap then), measured against the target set then: a target raised since does not rewrite the past. Above 100 % the old target was passed; below 0 % the dimension went back.",
            "Side by side: spread = the highest session's current − the lowest; ▲ marks the highest. A question moved a whole stage when its current mean changed by 1 or more.",
        ],
        slopeCaption: "Each line is a dimension: its current stage in each session, on the scale of 1 to 4; green rose, red fell.",
        dotCaption: "Each dot is one session's current stage in the dimension, each ring its target, on the scale of 0 to 4.",
        sinceTitle: "Since {then}",
        sinceUnavailable: "The earlier session {then} could not be read, so its numbers are not shown: {reason}")
}
