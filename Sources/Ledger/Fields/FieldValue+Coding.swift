import Foundation

// Values are stored in their natural JSON form, decided by the field's kind: text, choices, amounts
// and dates as strings, whole numbers as numbers, lists as arrays of strings, an empty value as null.

extension KeyedEncodingContainer {
    /// Encodes a field value in its field's natural JSON form (null when empty).
    mutating func encodeFieldValue(_ value: FieldValue, forKey key: Key) throws {
        switch value {
        case .empty: try encodeNil(forKey: key)
        case .text(let text): try encode(text, forKey: key)
        case .integer(let number): try encode(number, forKey: key)
        case .money(let amount): try encode(FieldValue.plain(amount), forKey: key)
        case .date(let date): try encode(date.description, forKey: key)
        case .choice(let choice): try encode(choice, forKey: key)
        case .list(let items): try encode(items, forKey: key)
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a value of `field` stored under `key`; a missing key or null is ``FieldValue/empty``.
    func decodeFieldValue(for field: FieldName, forKey key: Key) throws -> FieldValue {
        guard contains(key), try !decodeNil(forKey: key) else { return .empty }
        let value: FieldValue
        switch field.kind {
        case .text: value = .text(try decode(String.self, forKey: key))
        case .integer: value = .integer(try decode(Int.self, forKey: key))
        case .money:
            let text = try decode(String.self, forKey: key)
            guard FieldValue.isPlainDecimal(text),
                let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "\(field): '\(text)' is not an amount")
            }
            value = .money(amount)
        case .date: value = .date(try decode(LedgerDate.self, forKey: key))
        case .choice: value = .choice(try decode(String.self, forKey: key))
        case .list: value = .list(try decode([String].self, forKey: key))
        }
        guard value.fits(field.kind) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(field): '\(value)' is not a valid \(field.kind)")
        }
        return value
    }
}

/// A coding key made from any string (field names, payload keys).
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
