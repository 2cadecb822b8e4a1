extension ParticipantStrings {
    /// Until translated, the English words.
    public static let polish = ParticipantStrings.english
}
