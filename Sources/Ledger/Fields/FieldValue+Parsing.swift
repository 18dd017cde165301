import Foundation

extension FieldValue {
    /// Parses text typed by a user into a value for a field, or throws a one-line error.
    ///
    /// `""` or `-` clears the field (``empty``), except for required fields (name, companyID,
    /// status). Text is trimmed; choices match case-insensitively; lists split on commas, dropping
    /// empty items and duplicates; amounts are plain non-negative decimals (`1200`, `1200.50`) with
    /// at most 15 digits before the point and cents after it (`99.999` is refused, not rounded;
    /// `99.900` is 99.90).
    public static func parse(_ raw: String, for field: FieldName) throws(LedgerError) -> FieldValue {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed == "-" {
            guard !field.isRequired else {
                throw LedgerError(.requiredField, "\(field): a value is required and cannot be cleared")
            }
            return .empty
        }
        switch field.kind {
        case .text(let maxLength):
            return .text(try TextRules.checked(raw, field: field, maxLength: maxLength))
        case .integer(let range):
            return .integer(try parseInteger(trimmed, field: field, range: range))
        case .money:
            return .money(try parseMoney(trimmed, field: field))
        case .date:
            return .date(try parseDate(trimmed, field: field))
        case .choice(let allowed):
            let folded = trimmed.lowercased()
            guard let choice = allowed.first(where: { $0.lowercased() == folded }) else {
                throw LedgerError(
                    .invalidValue,
                    "\(field): \(LedgerFormat.quoted(trimmed, limit: 40)) is not allowed; "
                        + "use one of \(allowed.joined(separator: ", "))")
            }
            return .choice(choice)
        case .list(let maxItems, let maxItemLength):
            return try parseList(raw, field: field, maxItems: maxItems, maxItemLength: maxItemLength)
        }
    }

    private static func parseInteger(_ text: String, field: FieldName, range: ClosedRange<Int>) throws(LedgerError)
        -> Int
    {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw LedgerError(.invalidValue, "\(field): \(LedgerFormat.quoted(text, limit: 40)) is not a whole number")
        }
        guard let number = Int(text), range.contains(number) else {
            throw LedgerError(
                .invalidValue,
                "\(field): \(LedgerFormat.quoted(text, limit: 40)) is out of range; use "
                    + "\(LedgerFormat.grouped(range.lowerBound)) to \(LedgerFormat.grouped(range.upperBound))")
        }
        return number
    }

    private static func parseMoney(_ text: String, field: FieldName) throws(LedgerError) -> Decimal {
        let notAmount = LedgerError(
            .invalidValue,
            "\(field): \(LedgerFormat.quoted(text, limit: 40)) is not an amount; use a plain decimal such as 1200.50")
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigits = { (part: Substring) in part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard !whole.isEmpty, isDigits(whole), isDigits(fraction), parts.count == 1 || !fraction.isEmpty else {
            throw notAmount
        }
        guard let amount = Decimal(string: String(body), locale: Locale(identifier: "en_US_POSIX")) else {
            throw notAmount
        }
        if negative && amount != 0 {
            throw LedgerError(
                .invalidValue,
                "\(field): \(LedgerFormat.quoted(text, limit: 40)) is negative; amounts must be zero or more")
        }
        if fraction.reversed().drop(while: { $0 == "0" }).count > 2 {
            throw LedgerError(
                .invalidValue,
                "\(field): \(LedgerFormat.quoted(text, limit: 40)) has more than two decimals; amounts are kept "
                    + "to the cent, such as 1200.50")
        }
        if whole.drop(while: { $0 == "0" }).count > 15 {
            throw LedgerError(
                .invalidValue,
                "\(field): \(LedgerFormat.quoted(text, limit: 40)) has too many digits; "
                    + "use at most 15 before the point")
        }
        return amount
    }

    private static func parseDate(_ text: String, field: FieldName) throws(LedgerError) -> LedgerDate {
        if let date = LedgerDate(text) { return date }
        let bytes = Array(text.utf8)
        if bytes.count == 10, let year = Int(text.prefix(4)), !LedgerDate.years.contains(year),
            LedgerDate("2000" + text.dropFirst(4)) != nil
        {
            throw LedgerError(
                .invalidValue,
                "\(field): \(LedgerFormat.quoted(text, limit: 40)) is out of range; use a year from "
                    + "\(LedgerDate.years.lowerBound) to \(LedgerDate.years.upperBound)")
        }
        throw LedgerError(
            .invalidValue, "\(field): \(LedgerFormat.quoted(text, limit: 40)) is not a date; use YYYY-MM-DD")
    }

    private static func parseList(_ raw: String, field: FieldName, maxItems: Int, maxItemLength: Int)
        throws(LedgerError) -> FieldValue
    {
        var items: [String] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: true) {
            let item = try TextRules.checked(String(part), field: field, maxLength: maxItemLength)
            if item.contains("\n") {
                throw LedgerError(.invalidValue, "\(field): an item contains a line break; items are one line each")
            }
            if !item.isEmpty && !items.contains(item) { items.append(item) }
        }
        if items.count > maxItems {
            throw LedgerError(.invalidValue, "\(field): \(items.count) items; the limit is \(maxItems)")
        }
        return items.isEmpty ? .empty : .list(items)
    }
}
