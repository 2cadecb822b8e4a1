import Foundation

/// A number as a person types it, in a terminal field or on the command line: blank, don't know,
/// or a finite number with a decimal point or a decimal comma.
///
/// One reader for every place a number is typed, so that `record --current 99,5` and the
/// participant screen accept exactly the same text. It is deliberately plain: an optional sign,
/// digits, and one decimal separator. Thousands separators, exponents, `inf` and `nan` are
/// refused rather than guessed at (a comma is always the decimal comma: `1,000` is one).
public enum NumberInput: Hashable, Sendable {
    /// Nothing typed (or only spaces): no value.
    case blank
    /// `?`, `dk`, `dont-know` or `don't know`, in any case.
    case dontKnow
    case value(Double)

    /// Reads `text`, ignoring the spaces around it; nil when it is none of the three.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            self = .blank
        } else if Self.meansDontKnow(trimmed) {
            self = .dontKnow
        } else if let value = Self.number(trimmed) {
            self = .value(value)
        } else {
            return nil
        }
    }

    /// What an answer stores for this side of a number item: nil when blank.
    public var rated: Rated<Double>? {
        switch self {
        case .blank: nil
        case .dontKnow: .dontKnow
        case .value(let value): .value(value)
        }
    }

    /// Whether `text` is one of the ways of saying "don't know" (spaces around it ignored); the
    /// same words answer a stage or a choice.
    public static func meansDontKnow(_ text: String) -> Bool {
        ["?", "dk", "dont-know", "don't know", "don’t know"].contains(text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    /// Whether `text` can be what a field holds while a number is typed into it, key by key:
    /// empty, "?" alone, or the start of `[sign] digits [separator digits]` with no space and no
    /// leading zero before another digit. A field that refuses the rest can never hold "0 0 1"
    /// or "001", which the reader would take for 1.
    public static func acceptsWhileTyping(_ text: String) -> Bool {
        if text.isEmpty || text == "?" { return true }
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, ["-", "+", "\u{2212}"].contains(first) { scalars = scalars.dropFirst() }
        var whole = "", separators = 0
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                if separators == 0 { whole.unicodeScalars.append(scalar) }
            } else if scalar == "." || scalar == "," {
                separators += 1
                guard separators == 1 else { return false }
            } else {
                return false
            }
        }
        return !(whole.count > 1 && whole.hasPrefix("0"))
    }

    /// `[sign] digits [separator digits]` or `[sign] separator digits`, in ASCII digits. The
    /// minus sign may be U+2212, which Swedish and other locales print.
    private static func number(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, ["-", "+", "\u{2212}"].contains(first) {
            negative = first != "+"
            scalars = scalars.dropFirst()
        }
        var whole = "", fraction = "", separators = 0
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                if separators == 0 { whole.unicodeScalars.append(scalar) } else { fraction.unicodeScalars.append(scalar) }
            } else if scalar == "." || scalar == "," {
                separators += 1
                guard separators == 1 else { return nil }
            } else {
                return nil
            }
        }
        guard !whole.isEmpty || !fraction.isEmpty,
              let magnitude = Double((whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction)),
              magnitude.isFinite else { return nil }
        // -0 is 0: a stored answer never says "-0".
        return negative && magnitude != 0 ? -magnitude : magnitude
    }
}
