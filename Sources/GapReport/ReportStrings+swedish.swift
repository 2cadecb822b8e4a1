extension ReportStrings {
    /// Until translated, the English words.
    public static let swedish = ReportStrings.english
}
