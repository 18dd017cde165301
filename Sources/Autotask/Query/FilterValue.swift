import Foundation

/// A value in a filter condition: an integer, a string, a boolean, a date, a decimal, or a list of them.
public enum FilterValue: Sendable, Hashable, Encodable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    /// An integer, sent as a JSON number.
    case int(Int64)
    /// A string.
    case string(String)
    /// A boolean, sent as `true` or `false` (Autotask refuses other forms).
    case bool(Bool)
    /// A date, sent as a UTC timestamp `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    case date(Date)
    /// A decimal, sent as a JSON number.
    case decimal(Decimal)
    /// A list, for `in` and `notIn`.
    case array([FilterValue])

    /// Creates an integer value.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// Creates a string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates a boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates a list value.
    public init(arrayLiteral elements: FilterValue...) { self = .array(elements) }

    /// Encodes the wire form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .date(let value): try container.encode(AutotaskDate.string(from: value))
        case .decimal(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        }
    }

    /// The number of values: the list's length, or 1.
    var count: Int {
        if case .array(let values) = self { return values.count }
        return 1
    }
}

/// A Swift value that can stand in a filter condition.
public protocol FilterValueConvertible: Sendable {
    /// The value in a filter.
    var filterValue: FilterValue { get }
}

extension FilterValue: FilterValueConvertible {
    /// Itself.
    public var filterValue: FilterValue { self }
}

extension Int: FilterValueConvertible {
    /// An integer value.
    public var filterValue: FilterValue { .int(Int64(self)) }
}

extension Int64: FilterValueConvertible {
    /// An integer value.
    public var filterValue: FilterValue { .int(self) }
}

extension Int32: FilterValueConvertible {
    /// An integer value.
    public var filterValue: FilterValue { .int(Int64(self)) }
}

extension String: FilterValueConvertible {
    /// A string value.
    public var filterValue: FilterValue { .string(self) }
}

extension Bool: FilterValueConvertible {
    /// A boolean value.
    public var filterValue: FilterValue { .bool(self) }
}

extension Date: FilterValueConvertible {
    /// A UTC timestamp value.
    public var filterValue: FilterValue { .date(self) }
}

extension Decimal: FilterValueConvertible {
    /// A decimal value.
    public var filterValue: FilterValue { .decimal(self) }
}

extension PicklistValue: FilterValueConvertible {
    /// A number when the picklist value is numeric, a string otherwise.
    public var filterValue: FilterValue {
        if let number = Int64(rawValue) { return .int(number) }
        return .string(rawValue)
    }
}
