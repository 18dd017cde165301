import Foundation

/// The identifier of one LCI contract, such as `LC-1`; the application allocates it.
///
/// It names the contract's stream (`contract/LC-1`) and is what users type (`contracts show LC-1`).
public struct ContractID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier text.
    public let rawValue: String

    /// Wraps an identifier without checking it (identifiers read back from the log).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps an identifier without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a literal identifier such as `"LC-1"`, without checking it.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Checks text typed by a user: 1 to 64 characters, letters, digits, `-`, `_` or `.` only.
    public init?(validating text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64,
            trimmed.unicodeScalars.allSatisfy({ $0.isASCII && (Self.allowed.contains($0)) })
        else { return nil }
        self.rawValue = trimmed
    }

    /// The conventional identifier for the n-th contract: `LC-<n>`.
    public static func numbered(_ number: Int) -> ContractID {
        ContractID("LC-\(number)")
    }

    /// The number of an `LC-<n>` identifier, or nil for any other form.
    public var number: Int? {
        guard rawValue.hasPrefix("LC-") else { return nil }
        return Int(rawValue.dropFirst(3))
    }

    /// The identifier text.
    public var description: String { rawValue }

    /// Orders `LC-2` before `LC-10`, and other identifiers by their text.
    public static func < (lhs: ContractID, rhs: ContractID) -> Bool {
        switch (lhs.number, rhs.number) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.rawValue < rhs.rawValue
        }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
}
