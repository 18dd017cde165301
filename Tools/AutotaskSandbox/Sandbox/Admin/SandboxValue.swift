import Foundation

/// A value for an admin edit made from Swift: `sandbox.edit("Contracts", id: 1001, ["status": 0])`.
public enum SandboxValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    /// No value.
    case null
    /// An integer (ids, picklist values, units).
    case int(Int64)
    /// A decimal number (prices, costs).
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// Text; for a date field, an ISO 8601 timestamp.
    case string(String)
    /// A moment, stored with the field's `Z` style.
    case date(Date)

    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A decimal value.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// No value.
    public init(nilLiteral: ()) { self = .null }

    var json: JSONValue {
        switch self {
        case .null: return .null
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .date(let date):
            return .string(Timestamp.format(millis: Int64((date.timeIntervalSince1970 * 1000).rounded()), zulu: true))
        }
    }
}
