/// A picklist value as Autotask sends it: a number on entities, a string in field metadata.
///
/// The raw value is always text (`"7"`), so that values from entities compare equal to the `value`
/// strings of ``PicklistItem``; ``intValue`` gives the number when the value is numeric.
public struct PicklistValue: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByStringLiteral
{
    /// The value as text, as in field metadata.
    public let rawValue: String

    /// Creates a value from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a value from a number.
    public init(_ value: Int64) { self.rawValue = String(value) }

    /// Creates a value from an integer literal.
    public init(integerLiteral value: Int64) { self.init(value) }

    /// Creates a value from a string literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The value as a number, when it is one.
    public var intValue: Int? { Int(rawValue) }

    /// The raw text.
    public var description: String { rawValue }

    /// Decodes a number or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int64.self) {
            self.init(value)
        } else {
            self.init(rawValue: try container.decode(String.self))
        }
    }

    /// Encodes a number when the value is numeric, a string otherwise.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let number = Int64(rawValue) {
            try container.encode(number)
        } else {
            try container.encode(rawValue)
        }
    }
}
