import Foundation
import Testing

/// The documented JSON output schema (`docs/output.md`), as the tests check it.
///
/// Every key of an object is listed with its type; an object with a missing or an extra key, or a value
/// of another type, fails the test.
indirect enum OutputType: CustomStringConvertible, Sendable {
    case string, integer, bool, money, date, timestamp
    /// An object with exactly these keys.
    case object([String: OutputType])
    /// An array whose every item has this type.
    case array(OutputType)
    /// Any JSON value (an event's `data`, a field's value).
    case any
    /// A string from this set.
    case oneOf(Set<String>)
    case nullable(OutputType)

    var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .bool: "boolean"
        case .money: "money (a string with two decimals)"
        case .date: "ISO date"
        case .timestamp: "ISO timestamp"
        case .object: "object"
        case .array(let item): "array of \(item)"
        case .any: "any"
        case .oneOf(let values): "one of \(values.sorted())"
        case .nullable(let type): "\(type) or null"
        }
    }

    /// Whether a value JSONSerialization produced is a JSON boolean (not a number).
    static func isBool(_ value: Any) -> Bool {
        "\(type(of: value))".contains("Bool")
    }

    /// The mismatches between `value` and this type, each naming its path.
    func mismatches(_ value: Any, at path: String = "$") -> [String] {
        func fail() -> [String] { ["\(path): expected \(self), got \(value)"] }
        switch self {
        case .nullable(let type): return value is NSNull ? [] : type.mismatches(value, at: path)
        case .any: return []
        case .string: return value is String ? [] : fail()
        case .oneOf(let values): return (value as? String).map { values.contains($0) } == true ? [] : fail()
        case .bool:
            return Self.isBool(value) ? [] : fail()
        case .integer:
            return value is Int && !Self.isBool(value) ? [] : fail()
        case .money:
            guard let text = value as? String, text.wholeMatch(of: /-?\d+\.\d\d/) != nil else { return fail() }
            return []
        case .date:
            guard let text = value as? String, text.wholeMatch(of: /\d{4}-\d\d-\d\d/) != nil else { return fail() }
            return []
        case .timestamp:
            guard let text = value as? String, text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/) != nil
            else { return fail() }
            return []
        case .array(let item):
            guard let items = value as? [Any] else { return fail() }
            return items.enumerated().flatMap { item.mismatches($1, at: "\(path)[\($0)]") }
        case .object(let keys):
            guard let object = value as? [String: Any] else { return fail() }
            var problems: [String] = []
            for key in Set(object.keys).subtracting(keys.keys).sorted() {
                problems.append("\(path): unexpected key \(key)")
            }
            for (key, type) in keys.sorted(by: { $0.key < $1.key }) {
                guard let member = object[key] else {
                    problems.append("\(path): missing key \(key)")
                    continue
                }
                problems += type.mismatches(member, at: "\(path).\(key)")
            }
            return problems
        }
    }
}
