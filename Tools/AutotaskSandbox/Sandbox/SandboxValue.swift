import Foundation

/// A value for an admin edit made from Swift: `sandbox.edit("Contracts", id: 1001, ["status": 0])`.
public enum SandboxValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case string(String)
    case date(Date)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
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
