import Foundation
import TestSupport

/// A JSON document as a tree, for rewriting canonical payloads in other valid spellings (tests only).
///
/// It decodes any payload (numbers are whole numbers in every payload) and renders it back with
/// keys in another order, whitespace between tokens, strings written with `\u` escapes, or extra
/// unknown members.
indirect enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// How to spell a document.
    struct Style {
        /// The key order: 0 sorted, 1 reversed, 2 shuffled.
        var keyOrder = 0
        /// Whitespace between tokens.
        var whitespace = false
        /// Every string value written with `\u` escapes (surrogate pairs beyond the BMP).
        var escapeAll = false
        /// An unknown member (with a nested value) added to every object.
        var unknownMembers = false
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Int.self) {
            self = .number(String(number))
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            let members = try container.decode([String: JSONValue].self)
            self = .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
        }
    }

    /// Parses a payload.
    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The number of nodes (every value, containers included).
    var nodeCount: Int {
        switch self {
        case .array(let items): 1 + items.reduce(0) { $0 + $1.nodeCount }
        case .object(let members): 1 + members.reduce(0) { $0 + $1.value.nodeCount }
        default: 1
        }
    }

    /// The document with its `index`-th node (in depth-first order, 0 the root) replaced by `value`.
    func replacing(node index: Int, with value: JSONValue) -> JSONValue {
        guard index > 0 else { return value }
        var remaining = index - 1
        switch self {
        case .array(var items):
            for position in items.indices {
                if remaining < items[position].nodeCount {
                    items[position] = items[position].replacing(node: remaining, with: value)
                    return .array(items)
                }
                remaining -= items[position].nodeCount
            }
        case .object(var members):
            for position in members.indices {
                if remaining < members[position].value.nodeCount {
                    members[position].value = members[position].value.replacing(node: remaining, with: value)
                    return .object(members)
                }
                remaining -= members[position].value.nodeCount
            }
        default: break
        }
        return self
    }

    /// The document spelled in `style`.
    func rendered(_ style: Style, using random: inout SeededGenerator) -> String {
        var output = ""
        render(into: &output, style, &random)
        return output
    }

    private func render(into output: inout String, _ style: Style, _ random: inout SeededGenerator) {
        let space = { (output: inout String, random: inout SeededGenerator) in
            if style.whitespace { output += [" ", "\n", "\t", "\r\n", "  ", ""].randomElement(using: &random)! }
        }
        switch self {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .number(let number): output += number
        case .string(let text): output += Self.quoted(text, escapeAll: style.escapeAll)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                space(&output, &random)
                item.render(into: &output, style, &random)
                space(&output, &random)
            }
            output += "]"
        case .object(var members):
            if style.unknownMembers {
                members.append((key: "zUnknown", value: Self.unknownValue))
                members.insert((key: "aUnknown", value: .string("x\u{1F600}\"")), at: 0)
            }
            switch style.keyOrder {
            case 1: members.reverse()
            case 2: members.shuffle(using: &random)
            default: break
            }
            output += "{"
            space(&output, &random)
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                space(&output, &random)
                output += Self.quoted(member.key, escapeAll: false)
                space(&output, &random)
                output += ":"
                space(&output, &random)
                var memberStyle = style
                // The unknown value is nested already; giving it unknown members would never end.
                if member.key.hasSuffix("Unknown") { memberStyle.unknownMembers = false }
                member.value.render(into: &output, memberStyle, &random)
                space(&output, &random)
            }
            output += "}"
        }
    }

    /// An unknown member's value: nested, with numbers in every JSON form and escaped strings.
    private static let unknownValue = JSONValue.object([
        (key: "list", value: .array([.number("1.5e3"), .number("-0"), .number("0.25"), .number("1E-2"), .null])),
        (key: "nested", value: .object([(key: "ok", value: .bool(true)), (key: "text", value: .string("a\\b\n"))])),
        (key: "unicode", value: .string("caf\u{E9} \u{1F600}")),
    ])

    /// A JSON string literal; with `escapeAll`, every character as `\uXXXX`.
    static func quoted(_ text: String, escapeAll: Bool) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            if escapeAll {
                for unit in String(scalar).utf16 { output += Self.escaped(unit) }
                continue
            }
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case "/": output += "\\/"
            default:
                if scalar.value < 0x20 {
                    output += Self.escaped(UInt16(scalar.value))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// `\uXXXX` for a UTF-16 unit (lowercase hex, as JSON allows either case).
    private static func escaped(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
