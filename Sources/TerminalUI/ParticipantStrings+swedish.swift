extension ParticipantStrings {
    /// Until translated, the English words.
    public static let swedish = ParticipantStrings.english
}
