import Questionnaire

/// The report's own words, in each interface language. Module texts (titles, prompts) come from
/// the modules; these are the headings, labels and the methodology around them.
public struct ReportStrings: InterfaceWords {
    public var reportTitle: String
    public var sessionLine: String          // "{date} · session {id} · quorum {quorum}"
    public var participation: String
    public var department: String
    public var joined: String
    public var done: String
    public var total: String
    public var skippedSummary: String       // "{count} file(s) could not be read and are left out; see the end."
    public var executiveSummary: String
    public var overallMaturity: String      // "Overall maturity"
    public var now: String
    public var target: String
    public var gap: String
    public var stage: String
    public var weakestLink: String
    public var weakestLinkNote: String      // "omnichannel is only as strong as its weakest department"
    public var topGaps: String
    public var biggestDisagreements: String
    public var perceptionSummary: String    // "{count} shared item(s) seen 1.5 stages or more apart by different departments."
    public var noData: String               // "no ratings yet"
    public var dimension: String
    public var items: String
    public var sharedSection: String        // "answered by every department"
    public var comments: String
    public var noComments: String
    public var moreComments: String         // "(+{count} more in the item detail)"
    public var perceptionGaps: String
    public var perceptionIntro: String
    public var flaggedItems: String
    public var noFlaggedItems: String
    public var goals: String
    public var noGoals: String
    public var goalKPI: String
    public var goalBaseline: String
    public var goalTarget: String
    public var goalOwner: String
    public var goalDue: String
    public var goalCloses: String
    public var methodology: String
    public var methodologyText: [String]    // paragraphs
    public var itemDetail: String
    public var lowConfidence: String
    public var disagreement: String
    public var dontKnow: String             // "don't know"
    public var spread: String
    public var range: String
    public var importance: String
    public var priority: String
    public var currentLabel: String         // "current"
    public var targetLabel: String          // "target"
    public var respondents: String
    public var median: String
    public var minimum: String
    public var maximum: String
    public var answers: String              // "free answers"
    public var skippedFiles: String
    public var perceptionFlag: String       // "perception gap"
    public var dotVotes: String             // "Dot votes: what the room wants to close first"
    public var and: String  // "and", joining the last two of a list
    public var quoteOpen: String
    public var quoteClose: String
    public var summaryStanding: String  // {stage} {stageName} {target} {targetName} {weakest}
    public var summaryStandingAlone: String
    public var summaryNoRatings: String
    public var summaryGaps: String
    public var summaryNoGaps: String
    public var summaryDisagree: String
    public var summaryAgree: String
    public var summaryOneDepartment: String
    public var summaryGoals: String  // {goals}: quoted statements
    public var summaryGoalsMore: String  // {count} {goals}
    public var summaryNoGoals: String
    public var summaryLowConfidence: String
    public var confidenceTitle: String
    public var confidenceDefinition: String  // {quorum}; "(*)" is the mark the tables use
    public var thinDepartments: String  // {quorum} {departments}
    public var lowConfidenceGaps: String  // {count} of {total}
    public var nextStep: String  // {stage} ("3 — formalised") {text} (the ladder's descriptor)
    public var perceptionNeedsTwo: String
    public var perceptionNotComparable: String
    public var decimalSeparator: String     // "." or ","
}

extension ReportStrings {
    public static let english = ReportStrings(
        reportTitle: "Omnichannel gap report",
        sessionLine: "{date} · session {id} · quorum {quorum}",
        participation: "Participation",
        department: "Department",
        joined: "Joined",
        done: "Done",
        total: "Total",
        skippedSummary: "{count} file(s) could not be read and are left out; they are listed at the end.",
        executiveSummary: "Executive summary",
        overallMaturity: "Overall maturity",
        now: "Now",
        target: "Target",
        gap: "Gap",
        stage: "stage",
        weakestLink: "Weakest link",
        weakestLinkNote: "omnichannel is only as strong as its weakest department",
        topGaps: "Top gaps (priority = gap × importance)",
        biggestDisagreements: "Biggest disagreements (current ratings far apart)",
        perceptionSummary: "{count} shared item(s) are seen 1.5 stages or more apart by different departments.",
        noData: "no ratings yet",
        dimension: "Dimension",
        items: "Items",
        sharedSection: "answered by every department",
        comments: "Comments",
        noComments: "No comments.",
        moreComments: "(+{count} more in the item detail)",
        perceptionGaps: "Perception gaps",
        perceptionIntro: "Mean current rating of each shared dimension, by department; gap = highest − lowest.",
        flaggedItems: "Shared items seen 1.5 stages or more apart",
        noFlaggedItems: "No shared item is seen 1.5 stages or more apart.",
        goals: "Goals",
        noGoals: "No goals recorded yet.",
        goalKPI: "KPI",
        goalBaseline: "baseline",
        goalTarget: "target",
        goalOwner: "Owner",
        goalDue: "due",
        goalCloses: "Closes",
        methodology: "Methodology",
        methodologyText: [
            "Each participant rates each item's current and target stage on the four-stage scale (1 ad hoc, 2 focusing, 3 formalised, 4 institutionalised), may say \"don't know\", and may give an importance w from 1 to 3 (2 when not given).",
            "Per item: n = participants with a current rating; current = mean of c; target = mean of t; gap = target − current (only when both exist); spread = population standard deviation of c; min and max of c; importance = mean of w; priority = max(gap, 0) × importance; disagreement when max − min of c ≥ 2; low confidence when n is below the quorum, or when a shared item was rated by one department only. \"Don't know\" is counted and shown but never enters a mean.",
            "A department's items are rated by that department's participants; the shared section by everyone.",
            "Per dimension: the mean of its items' current, target and gap, weighted by each item's weight; items with n = 0 are left out. Per department: the mean of its dimensions; its stage is floor(current), from 1 to 4. Overall: the mean of the departments; the weakest link is the department with the lowest current.",
            "Perception gap of a shared item: each department's mean c; the highest minus the lowest, only when at least two departments rated it; flagged at 1.5 or more.",
            "Ranking: by priority, highest first; ties by larger gap, then item id.",
        ],
        itemDetail: "Item detail",
        lowConfidence: "low confidence",
        disagreement: "disagreement",
        dontKnow: "don't know",
        spread: "spread",
        range: "range",
        importance: "importance",
        priority: "priority",
        currentLabel: "current",
        targetLabel: "target",
        respondents: "respondents",
        median: "median",
        minimum: "min",
        maximum: "max",
        answers: "Free answers",
        skippedFiles: "Skipped files",
        perceptionFlag: "perception gap",
        dotVotes: "Dot votes: the gaps the room wants to close first",
        and: "and",
        quoteOpen: "“",
        quoteClose: "”",
        summaryStanding: "Today the company stands at stage {stage} of 4 ({stageName}) and aims for stage {target} ({targetName}); {weakest} is furthest behind.",
        summaryStandingAlone: "Today the company stands at stage {stage} of 4 ({stageName}) and aims for stage {target} ({targetName}).",
        summaryNoRatings: "Nobody has rated the questions yet, so there are no results to report.",
        summaryGaps: "The biggest gaps to close are in {areas}.",
        summaryNoGaps: "No question shows a gap between today and the target.",
        summaryDisagree: "Departments see {areas} most differently, which is worth settling before targets are fixed.",
        summaryAgree: "The departments see the shared questions in much the same way.",
        summaryOneDepartment: "Only one department has rated the shared questions, so the departments' views cannot be compared yet.",
        summaryGoals: "The group agreed on {goals}.",
        summaryGoalsMore: "The group agreed on {count} goals, among them {goals}.",
        summaryNoGoals: "No goals have been agreed yet.",
        summaryLowConfidence: "Few people stand behind some of these results: read those marked low confidence as first impressions, not as a department's view.",
        confidenceTitle: "Read with care: few people stand behind some of these numbers",
        confidenceDefinition: "n is the number of people behind a number. Low confidence (*) means fewer than {quorum} people, or a shared question rated by one department only.",
        thinDepartments: "Departments with fewer than {quorum} participants: {departments}.",
        lowConfidenceGaps: "{count} of the {total} largest gaps have low confidence.",
        nextStep: "Next step ({stage}): {text}",
        perceptionNeedsTwo: "A perception gap needs ratings from at least two departments; “–” means fewer rated.",
        perceptionNotComparable: "perception gap: only one department rated it",
        decimalSeparator: ".")
}
