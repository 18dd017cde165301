/// A parsed JSON document that keeps object key order and tells integers from doubles.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The member named `key`, compared case-insensitively (Autotask ignores key case).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        let wanted = key.lowercased()
        return members.first { $0.key.lowercased() == wanted }?.value
    }

    var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var objectMembers: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value as text the way a lenient server reads it (numbers and booleans spelled out).
    var text: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// Compact JSON text.
    var serialized: String {
        var writer = JSONWriter()
        writer.write(self)
        return writer.text
    }
}

/// One key and value of a JSON object.
struct JSONMember: Sendable, Equatable {
    var key: String
    var value: JSONValue
}
