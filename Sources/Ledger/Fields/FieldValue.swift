import Foundation

/// A typed value of a contract field, or ``empty`` when the field has no value (never set, or cleared).
///
/// Equality is by meaning: amounts compare numerically (`1200.00 == 1200`) and text by Unicode
/// canonical equivalence. Build values from user text with ``FieldAssignment/parse(_:)`` or
/// ``FieldValue/parse(_:for:)``, which validate them.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    /// No value.
    case empty
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// An exact amount.
    case money(Decimal)
    /// A calendar day.
    case date(LedgerDate)
    /// One of a closed set, in its canonical spelling.
    case choice(String)
    /// A list of short text items, in order, without duplicates.
    case list([String])

    /// Whether the field has no value.
    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The value as people read it and as `contracts show` prints it: dates `YYYY-MM-DD`, amounts as
    /// plain decimals, lists joined with `, `, an empty value as the empty string.
    public var description: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .integer(let number): String(number)
        case .money(let amount): Self.plain(amount)
        case .date(let date): date.description
        case .choice(let choice): choice
        case .list(let items): items.joined(separator: ", ")
        }
    }

    /// The value for a one-line summary: text quoted and cut short, `(empty)` for no value.
    public var summaryText: String {
        switch self {
        case .empty: "(empty)"
        case .text(let text): LedgerFormat.quoted(text, limit: 60)
        case .list(let items): "[" + items.map { LedgerFormat.quoted($0, limit: 30) }.joined(separator: ", ") + "]"
        default: description
        }
    }

    /// The text, when this is a text value.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The whole number, when this is an integer value.
    public var integer: Int? {
        if case .integer(let number) = self { return number }
        return nil
    }

    /// The amount, when this is a money value.
    public var money: Decimal? {
        if case .money(let amount) = self { return amount }
        return nil
    }

    /// The date, when this is a date value.
    public var date: LedgerDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    /// The canonical spelling, when this is a choice value.
    public var choice: String? {
        if case .choice(let choice) = self { return choice }
        return nil
    }

    /// The items, when this is a list value.
    public var list: [String]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// Whether the value can be stored in a field of the given kind (``empty`` fits every kind).
    public func fits(_ kind: FieldKind) -> Bool {
        switch (self, kind) {
        case (.empty, _), (.text, .text), (.integer, .integer), (.date, .date): true
        case (.money(let amount), .money): !amount.isNaN
        case (.choice(let choice), .choice(let allowed)): allowed.contains(choice)
        case (.list, .list): true
        default: false
        }
    }

    /// A decimal written plainly, without exponent or grouping (`1200.5`, `0.000001`): exactly
    /// `Decimal.description`.
    ///
    /// `Decimal.description` takes about a microsecond; amounts whose significand fits in 64 bits are
    /// written from their digits instead, several times faster, which matters for summaries of a
    /// million price changes. Anything else (zero, NaN, larger significands) uses `description`.
    static func plain(_ amount: Decimal) -> String {
        fastPlain(amount) ?? amount.description
    }

    static func fastPlain(_ amount: Decimal) -> String? {
        guard !amount.isNaN, !amount.isZero else { return nil }
        let exponent = amount.exponent
        guard exponent >= -40, exponent <= 18 else { return nil }
        let significand = amount.significand
        let magnitude = NSDecimalNumber(decimal: significand).uint64Value
        guard magnitude > 0, Decimal(magnitude) == significand else { return nil }
        var digits = String(magnitude)
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let shift = -exponent
            let count = digits.utf8.count
            if count <= shift {
                digits = "0." + String(repeating: "0", count: shift - count) + digits
            } else {
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -shift))
            }
        }
        return amount.sign == .minus ? "-" + digits : digits
    }

    /// Whether text is a plain decimal: an optional `-`, digits, and optionally `.` and digits.
    static func isPlainDecimal(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let body = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        let parts = body.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
    }
}
