import Foundation

// Field values read the way `decodeFieldValue(for:forKey:)` and `FieldValues.init(from:)` read them:
// the JSON form is decided by the field's kind, null is empty, and a value that does not fit its
// field's kind is refused.

extension JSONReader {
    /// Every field, in the order of ``fieldNameKeys``.
    static let fieldNames = FieldName.allCases

    /// The field names, for matching keys and values.
    static let fieldNameKeys = JSONKeys(FieldName.allCases.map(\.rawValue))

    /// The locale `Decimal(string:locale:)` reads amounts with.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads a field name written as a string.
    mutating func readFieldName() -> FieldName? {
        readString(matching: Self.fieldNameKeys).map { Self.fieldNames[$0] }
    }

    /// Reads a value of `field`: null is ``FieldValue/empty``; nil when it does not fit the field.
    mutating func readFieldValue(for field: FieldName) -> FieldValue? {
        if readNull() { return .empty }
        let kind = field.kind
        let value: FieldValue
        switch kind {
        case .text:
            guard let text = readString() else { return nil }
            value = .text(text)
        case .integer:
            guard let number = readInt() else { return nil }
            value = .integer(number)
        case .money:
            guard let amount = readStringBytes(Self.amount) else { return nil }
            value = .money(amount)
        case .date:
            guard let date = readStringBytes(Self.date) else { return nil }
            value = .date(date)
        case .choice:
            guard let choice = readString() else { return nil }
            value = .choice(choice)
        case .list:
            guard let items = readStringArray() else { return nil }
            value = .list(items)
        }
        return value.fits(kind) ? value : nil
    }

    /// Reads an object of field values keyed by field name.
    mutating func readFieldValues() -> FieldValues? {
        var values = FieldValues()
        var seen: UInt64 = 0
        let read = readAnyObject { json, key in
            guard let index = Self.fieldNameKeys.index(of: key), seen & (1 << UInt64(index)) == 0 else { return false }
            seen |= 1 << UInt64(index)
            let field = Self.fieldNames[index]
            guard let value = json.readFieldValue(for: field) else { return false }
            values[field] = value
            return true
        }
        return read ? values : nil
    }

    /// Reads an array of strings.
    mutating func readStringArray() -> [String]? {
        var items: [String] = []
        let read = readArray { json in
            guard let item = json.readString() else { return false }
            items.append(item)
            return true
        }
        return read ? items : nil
    }

    /// Reads an array of contract identifiers.
    mutating func readContractIDs() -> [ContractID]? {
        var ids: [ContractID] = []
        let read = readArray { json in
            guard let id = json.readString() else { return false }
            ids.append(ContractID(rawValue: id))
            return true
        }
        return read ? ids : nil
    }

    /// Reads an array of integers.
    mutating func readIntArray() -> [Int]? {
        var numbers: [Int] = []
        let read = readArray { json in
            guard let number = json.readInt() else { return false }
            numbers.append(number)
            return true
        }
        return read ? numbers : nil
    }

    /// A plain decimal (`-?[0-9]+(\.[0-9]+)?`) as the `Decimal` that `Decimal(string:locale:)` makes.
    ///
    /// Up to 19 digits, the amount is built from its digits; a longer amount, and zero (whose
    /// exponent `Decimal(string:locale:)` sets in its own way), go through `Decimal(string:locale:)`.
    static func amount(_ text: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var index = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var wholeDigits = 0
        var inFraction = false
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == UInt8(ascii: "."), !inFraction, wholeDigits > 0 {
                inFraction = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if inFraction { fractionDigits += 1 } else { wholeDigits += 1 }
            digits += 1
            if digits <= 19 { significand = significand * 10 + UInt64(digit) }
        }
        guard wholeDigits > 0, !inFraction || fractionDigits > 0 else { return nil }
        guard digits <= 19, significand != 0 else {
            let amount = Decimal(string: String(decoding: text, as: UTF8.self), locale: posix)
            return amount
        }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    /// A `YYYY-MM-DD` date, as `LedgerDate.init?(_:)` reads it.
    static func date(_ text: UnsafeBufferPointer<UInt8>) -> LedgerDate? {
        guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            let year = number(text, 0..<4), let month = number(text, 5..<7), let day = number(text, 8..<10)
        else { return nil }
        return LedgerDate(year: year, month: month, day: day)
    }

    private static func number(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
