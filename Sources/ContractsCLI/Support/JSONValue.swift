import Foundation

/// A JSON value whose object keys keep the order they were given, so output keys are stable.
enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
    static func int64(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// The value as text for tables and CSV (empty for null).
    var plainText: String {
        switch self {
        case .string(let text), .number(let text): text
        case .bool(let flag): flag ? "yes" : "no"
        case .null: ""
        case .array, .object: rendered()
        }
    }

    /// Compact JSON.
    func rendered() -> String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .array(let items): "[" + items.map { $0.rendered() }.joined(separator: ",") + "]"
        case .object(let pairs):
            "{" + pairs.map { Self.quoted($0.0) + ":" + $0.1.rendered() }.joined(separator: ",") + "}"
        }
    }

    /// Indented JSON: objects and arrays over several lines.
    func pretty(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let pairs) where !pairs.isEmpty:
            return "{\n"
                + pairs.map { inner + Self.quoted($0.0) + ": " + $0.1.pretty(indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)}"
        default:
            return rendered()
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
