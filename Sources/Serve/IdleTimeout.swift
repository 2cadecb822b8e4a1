/// How long a participant's connection may sit without a key, as `--idle-timeout` takes it:
/// "2h", "90m", "45s", "1h30m", or a bare number of minutes.
public enum IdleTimeout {
    /// Two hours: a morning's workshop with a long break, without connections left open all day.
    public static let defaultSeconds = 2 * 3600
    /// Ten seconds at least: the warning needs time to be seen.
    public static let minimumSeconds = 10
    /// A day at most.
    public static let maximumSeconds = 24 * 3600

    /// The seconds `text` names, or why it names none.
    public static func seconds(_ text: String) -> Result<Int, ServeError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let problem = ServeError.invalidTimeout("--idle-timeout takes a span such as 2h, 90m, 45s or 1h30m (a bare number is minutes), not \"\(text)\"")
        guard !trimmed.isEmpty else { return .failure(problem) }
        var total = 0, number = "", sawUnit = false
        for character in trimmed {
            if character.isASCII, character.isNumber {
                number.append(character)
                guard number.count <= 6 else { return .failure(problem) }
            } else {
                let unit: Int
                switch character {
                case "h": unit = 3600
                case "m": unit = 60
                case "s": unit = 1
                default: return .failure(problem)
                }
                guard let value = Int(number) else { return .failure(problem) }
                total += value * unit
                number = ""
                sawUnit = true
            }
        }
        if !number.isEmpty {
            // A bare number is minutes; a number after a unit ("1h30") is not a span.
            guard !sawUnit, let value = Int(number) else { return .failure(problem) }
            total += value * 60
        }
        guard (minimumSeconds...maximumSeconds).contains(total) else {
            return .failure(.invalidTimeout("--idle-timeout must be between \(minimumSeconds) s and 24 h, not \"\(text)\""))
        }
        return .success(total)
    }
}
