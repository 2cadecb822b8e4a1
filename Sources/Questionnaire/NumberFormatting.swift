/// Numbers as people write them in modules and messages: no trailing ".0", no exponent for
/// everyday values.
public enum NumberFormatting {
    /// `12` for 12.0, `2.5` for 2.5.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "not a number" : (value > 0 ? "infinity" : "-infinity") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// "the range 0 to 100", "at least 0", "at most 100", or "the finite numbers".
    public static func range(minimum: Double?, maximum: Double?) -> String {
        switch (minimum, maximum) {
        case let (low?, high?): "the range \(plain(low)) to \(plain(high))"
        case let (low?, nil): "the allowed range (at least \(plain(low)))"
        case let (nil, high?): "the allowed range (at most \(plain(high)))"
        case (nil, nil): "the finite numbers"
        }
    }
}
