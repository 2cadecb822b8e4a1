extension ReportStrings {
    /// Until translated, the English words.
    public static let italian = ReportStrings.english
}
