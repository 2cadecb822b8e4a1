extension ReportStrings {
    /// Until translated, the English words.
    public static let polish = ReportStrings.english
}
