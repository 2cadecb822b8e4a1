extension ParticipantStrings {
    /// Until translated, the English words.
    public static let italian = ParticipantStrings.english
}
