import Foundation

/// A JSON object read leniently: keys match case-insensitively, values convert between loose forms.
///
/// Every accessor returns `nil` for a missing key, a `null`, or a value it cannot convert, so that one
/// odd field never costs the whole record. Numbers may arrive as strings, booleans as `1`/`0`/`"true"`,
/// picklist values as numbers or strings, and money is decoded exactly as `Decimal`.
///
/// A value that is present but cannot be read (a wrong type, a number out of range, a date outside the years
/// 1753 to 9999) is remembered in ``unreadable``, so a caller can refuse the record instead of taking the
/// field as empty.
struct LenientObject {
    private let container: KeyedDecodingContainer<AnyCodingKey>
    private let folded: FoldedKeys
    private let misses = Misses()

    init(from decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyCodingKey.self)
        folded = FoldedKeys()
    }

    /// The fields asked for whose value was present but could not be read, in the order asked.
    var unreadable: [String] { misses.names }

    /// Records a field whose value could not be read, and returns nil.
    private func miss<T>(_ name: String) -> T? {
        misses.names.append(name)
        return nil
    }

    /// The key present under `name`, when its value is not `null`: the exact spelling first, then any case.
    private func key(_ name: String) -> AnyCodingKey? {
        var key = AnyCodingKey(name)
        if !container.contains(key) {
            guard let other = folded.key(name, in: container) else { return nil }
            key = other
        }
        if (try? container.decodeNil(forKey: key)) == true { return nil }
        return key
    }

    /// Whether the object has `name` (ignoring case), even with a `null` value.
    func contains(_ name: String) -> Bool {
        container.contains(AnyCodingKey(name)) || folded.key(name, in: container) != nil
    }

    /// The record id, which must be present and integral.
    func id(_ name: String = "id") throws -> Int64 {
        guard let value = int64(name) else {
            throw DecodingError.keyNotFound(
                AnyCodingKey(name),
                DecodingError.Context(codingPath: container.codingPath, debugDescription: "missing or invalid id")
            )
        }
        return value
    }

    func int64(_ name: String) -> Int64? {
        guard let key = key(name) else { return nil }
        if let value = try? container.decode(Int64.self, forKey: key) { return value }
        if let text = try? container.decode(String.self, forKey: key) {
            return LenientNumber.int64(from: text) ?? miss(name)
        }
        if let value = try? container.decode(Decimal.self, forKey: key), let exact = LenientNumber.int64(from: value) {
            return exact
        }
        return miss(name)
    }

    func int(_ name: String) -> Int? {
        int64(name).flatMap { Int(exactly: $0) }
    }

    func decimal(_ name: String) -> Decimal? {
        guard let key = key(name) else { return nil }
        if let value = try? container.decode(Decimal.self, forKey: key) { return value.isNaN ? miss(name) : value }
        if let text = try? container.decode(String.self, forKey: key),
            let value = LenientNumber.decimal(from: text), !value.isNaN
        {
            return value
        }
        return miss(name)
    }

    func string(_ name: String) -> String? {
        guard let key = key(name) else { return nil }
        if let value = try? container.decode(String.self, forKey: key) { return value }
        if let value = try? container.decode(Decimal.self, forKey: key) { return "\(value)" }
        if let value = try? container.decode(Bool.self, forKey: key) { return value ? "true" : "false" }
        return miss(name)
    }

    func bool(_ name: String) -> Bool? {
        guard let key = key(name) else { return nil }
        if let value = try? container.decode(Bool.self, forKey: key) { return value }
        if let value = try? container.decode(Int64.self, forKey: key) {
            return value == 0 ? false : (value == 1 ? true : nil)
        }
        if let text = try? container.decode(String.self, forKey: key) {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        }
        return nil
    }

    func date(_ name: String) -> Date? {
        guard let key = key(name) else { return nil }
        if let text = try? container.decode(String.self, forKey: key), text.allSatisfy(\.isWhitespace) { return nil }
        guard let text = try? container.decode(String.self, forKey: key), let date = AutotaskDate.parse(text),
            LenientObject.dateRange.contains(date)
        else { return miss(name) }
        return date
    }

    /// The dates accepted: the years 1753 to 9999 (what SQL Server, behind Autotask, can hold).
    static let dateRange: ClosedRange<Date> = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = calendar.date(from: DateComponents(year: 1753, month: 1, day: 1))!
        let last = calendar.date(
            from: DateComponents(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59))!
        return first...last
    }()

    func picklist(_ name: String) -> PicklistValue? {
        guard let key = key(name) else { return nil }
        if let value = try? container.decode(Int64.self, forKey: key) { return PicklistValue(value) }
        if let text = try? container.decode(String.self, forKey: key) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : PicklistValue(rawValue: trimmed)
        }
        if let value = try? container.decode(Decimal.self, forKey: key) { return PicklistValue(rawValue: "\(value)") }
        return miss(name)
    }

    func accessLevel(_ name: String) -> AccessLevel? {
        guard let key = key(name) else { return nil }
        if let value = try? container.decode(Int64.self, forKey: key) { return AccessLevel(number: value) }
        if let text = try? container.decode(String.self, forKey: key) { return AccessLevel(text: text) }
        return nil
    }

    /// A nested value decoded with its own lenient rules; `nil` when absent or undecodable.
    func decode<T: Decodable>(_ type: T.Type, _ name: String) -> T? {
        guard let key = key(name) else { return nil }
        return try? container.decode(T.self, forKey: key)
    }

    /// An array whose undecodable elements are skipped.
    func array<T: Decodable>(of type: T.Type, _ name: String) -> [T]? {
        guard let key = key(name) else { return nil }
        guard let wrapped = try? container.decode([Lossy<T>].self, forKey: key) else { return nil }
        return wrapped.compactMap(\.value)
    }

    /// The record's user-defined fields, or an empty list.
    func userDefinedFields() -> [UserDefinedField] {
        array(of: UserDefinedField.self, "userDefinedFields") ?? []
    }
}

/// The names of the fields whose value could not be read.
private final class Misses {
    var names: [String] = []
}

/// The object's keys by lowercased spelling, built on the first lookup that misses the exact spelling.
private final class FoldedKeys {
    private var keys: [String: AnyCodingKey]?

    func key(_ name: String, in container: KeyedDecodingContainer<AnyCodingKey>) -> AnyCodingKey? {
        if keys == nil {
            var built: [String: AnyCodingKey] = [:]
            for key in container.allKeys {
                let folded = key.stringValue.lowercased()
                if built[folded] == nil || key.stringValue.first?.isLowercase == true {
                    built[folded] = key
                }
            }
            keys = built
        }
        return keys?[name.lowercased()]
    }
}

/// An element decoded without failing its array.
private struct Lossy<T: Decodable>: Decodable {
    let value: T?

    init(from decoder: any Decoder) throws {
        value = try? T(from: decoder)
    }
}

/// Conversions of numbers written as text.
enum LenientNumber {
    /// A decimal from text, accepting only a complete number (`Decimal(string:)` alone accepts prefixes).
    static func decimal(from text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard isNumber(trimmed) else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func int64(from text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Int64(trimmed) { return value }
        return decimal(from: trimmed).flatMap(int64(from:))
    }

    static func int64(from value: Decimal) -> Int64? {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)
        guard rounded == value else { return nil }
        return Int64(exactly: NSDecimalNumber(decimal: rounded).int64Value).flatMap {
            Decimal($0) == rounded ? $0 : nil
        }
    }

    private static func isNumber(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        var digits = 0
        var seenDot = false
        var seenExponent = false
        var exponentDigits = 0
        var previous: Character = " "
        for char in chars {
            if char.isASCII, char.isNumber {
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            } else if char == ".", !seenDot, !seenExponent {
                seenDot = true
            } else if char == "e" || char == "E", !seenExponent, digits > 0 {
                seenExponent = true
            } else if char == "-" || char == "+", previous == "e" || previous == "E" {
                // exponent sign
            } else {
                return false
            }
            previous = char
        }
        return digits > 0 && (!seenExponent || exponentDigits > 0)
    }
}
