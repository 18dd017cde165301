import Foundation
import Ledger
import TestSupport

/// Random events of every type, from a seed, with the values that are hard to encode (tests only).
///
/// Texts mix escapes, control characters, non-ASCII text and emoji; amounts include negative,
/// tiny, zero and very long ones; integers reach `Int.min` and `Int.max`; lists may be empty.
struct EventGenerator {
    var random: SeededGenerator

    /// A generator whose events are decided by `seed`.
    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Texts that exercise the string reader.
    static let fragments = [
        "", "a", "Managed Services 2025", "\"quoted\"", "back\\slash", "a/b", "</script>", "line\nbreak", "tab\t",
        "cr\r", "\u{8}\u{C}", "\u{0}", "\u{1}\u{1F}\u{7F}", "caf\u{E9}", "e\u{301}", "\u{65E5}\u{672C}", "\u{1F600}",
        "\u{1F44D}\u{1F3FD}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{2028}\u{2029}", "\u{202E}rtl",
        "\u{FFFD}", "\u{FEFF}", "\u{10FFFF}", "\u{1D11E}", " spaced ", "null", "true", "{}", "[1,2]", "\\u0041",
        "\u{FFFF}",
    ]

    /// Amounts as written by hand, including ones `Decimal` keeps only 38 digits of.
    static let amounts = [
        "0", "0.0", "-0", "-0.000", "1", "1200.5", "1200.50", "007.5", "-0.000001", "0.000001",
        "123456789012345678.99", "999999999999999999", "9999999999999999999", "10000000000000000000",
        "18446744073709551616", "99999999999999999999999999999999999999", "999999999999999999999999999999999999999999",
        "1.00000000000000000000000000000000000000001", "100", "0.10", "-42", "15.00",
    ]

    /// Some text.
    mutating func text() -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in Self.fragments.randomElement(using: &random)! }
            .joined()
    }

    /// An integer, sometimes at the edges of `Int`.
    mutating func integer() -> Int {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: Int.max
        case 1: Int.min
        case 2: Int.random(in: Int.min...Int.max, using: &random)
        case 3: -Int.random(in: 0...1_000, using: &random)
        default: Int.random(in: 0...100_000, using: &random)
        }
    }

    /// An amount: from ``amounts`` or random digits.
    mutating func amount() -> Decimal {
        let text: String
        if Bool.random(using: &random) {
            text = Self.amounts.randomElement(using: &random)!
        } else {
            let whole = String(
                UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random))
            let fraction = String(UInt64.random(in: 0...999_999, using: &random)).prefix(
                Int.random(in: 0...6, using: &random))
            let sign = Int.random(in: 0..<4, using: &random) == 0 ? "-" : ""
            text = sign + whole + (fraction.isEmpty ? "" : "." + fraction)
        }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    /// A date from 1900 to 2999.
    mutating func date() -> LedgerDate {
        let year = Int.random(in: LedgerDate.years, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        return LedgerDate(year: year, month: month, day: Int.random(in: 1...28, using: &random))!
    }

    /// A value that fits `field`, sometimes empty.
    mutating func value(for field: FieldName) -> FieldValue {
        if Int.random(in: 0..<6, using: &random) == 0 { return .empty }
        switch field.kind {
        case .text: return .text(text())
        case .integer: return .integer(integer())
        case .money: return .money(amount())
        case .date: return .date(date())
        case .choice(let allowed): return .choice(allowed.randomElement(using: &random)!)
        case .list: return .list((0..<Int.random(in: 0...4, using: &random)).map { _ in text() })
        }
    }

    /// Values for a random set of fields.
    mutating func fieldValues() -> FieldValues {
        var values = FieldValues()
        for field in FieldName.allCases where Bool.random(using: &random) {
            values[field] = value(for: field)
        }
        return values
    }

    /// Sometimes nil.
    mutating func maybe<T>(_ make: (inout EventGenerator) -> T) -> T? {
        Bool.random(using: &random) ? make(&self) : nil
    }

    /// A contract identifier.
    mutating func contractID() -> ContractID {
        Bool.random(using: &random) ? .numbered(Int.random(in: 1...100_000, using: &random)) : ContractID(text())
    }

    /// An Autotask reference at either level.
    mutating func reference() -> AutotaskReference {
        Bool.random(using: &random)
            ? .contract(integer())
            : .service(contractServiceID: integer(), contractID: integer(), serviceID: integer())
    }

    /// An asset with some optional parts.
    mutating func asset() -> AutotaskAssetSnapshot {
        AutotaskAssetSnapshot(
            id: integer(), name: text(), serialNumber: maybe { $0.text() }, type: maybe { $0.text() },
            productName: maybe { $0.text() }, contractID: maybe { $0.integer() },
            contractServiceID: maybe { $0.integer() }, isActive: Bool.random(using: &random))
    }
}
