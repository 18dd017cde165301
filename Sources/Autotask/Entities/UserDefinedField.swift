import Foundation

/// One user-defined field of a record: its label and its value, which Autotask sends as text.
public struct UserDefinedField: Sendable, Hashable, Codable {
    /// The field's label, such as `"NAV ID"`.
    public var name: String
    /// The value as text (numbers too, such as `"0.0000"`), or `nil`.
    public var value: String?

    /// Creates a field.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    /// Decodes leniently: keys in any case, values as strings, numbers or booleans.
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let name = object.string("name") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "user-defined field without name")
            )
        }
        self.name = name
        self.value = object.string("value")
    }
}

extension [UserDefinedField] {
    /// The value of the field with this label (compared ignoring case), if any.
    public subscript(udf name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
