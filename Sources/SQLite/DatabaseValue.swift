import Foundation

/// A value stored in or read from SQLite, one per storage class.
package enum DatabaseValue: Equatable, Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    package var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        case .blob(let value): return "x'" + value.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}

extension DatabaseValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
    package init(integerLiteral value: Int64) { self = .integer(value) }
    package init(nilLiteral: ()) { self = .null }
}

extension DatabaseValue {
    /// Text, or NULL when the value is nil.
    package static func optionalText(_ value: String?) -> DatabaseValue {
        value.map { .text($0) } ?? .null
    }

    /// An integer, or NULL when the value is nil.
    package static func optionalInteger(_ value: Int64?) -> DatabaseValue {
        value.map { .integer($0) } ?? .null
    }
}
