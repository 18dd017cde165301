import Foundation

/// The kind of value a contract field holds, which decides how it is parsed, stored and shown.
public enum FieldKind: Hashable, Sendable, CustomStringConvertible {
    /// Free text, at most `maxLength` characters; newline and tab are the only control characters allowed.
    case text(maxLength: Int)
    /// A whole number within a range.
    case integer(ClosedRange<Int>)
    /// An exact, non-negative amount (`Decimal`), written as a plain decimal string such as `1200.5`.
    case money
    /// A calendar day, `YYYY-MM-DD`.
    case date
    /// One of a closed set of values (matched case-insensitively on input, stored in this spelling).
    case choice([String])
    /// A list of short text items, comma-separated on input.
    case list(maxItems: Int, maxItemLength: Int)

    /// A short description for help text and errors, such as "date (YYYY-MM-DD)".
    public var description: String {
        switch self {
        case .text(let maxLength): "text (up to \(LedgerFormat.grouped(maxLength)) characters)"
        case .integer(let range):
            "whole number (\(LedgerFormat.grouped(range.lowerBound)) to \(LedgerFormat.grouped(range.upperBound)))"
        case .money: "amount (plain decimal, e.g. 1200.50)"
        case .date: "date (YYYY-MM-DD)"
        case .choice(let allowed): "one of \(allowed.joined(separator: ", "))"
        case .list: "comma-separated list"
        }
    }
}
