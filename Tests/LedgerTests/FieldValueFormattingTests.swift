import Foundation
import TestSupport
import Testing

@testable import Ledger

@Suite("Field value formatting")
struct FieldValueFormattingTests {
    @Test("an amount is written exactly as Decimal.description writes it, for every kind of amount")
    func plainMatchesDescription() throws {
        var generator = SeededGenerator(seed: 20_261_129)
        var amounts = try [
            "1000.50", "-0.000001", "1e20", "123456789012345678.99", "0", "-0", "0.10", "100", "1e3", "-12.5",
            "99999999999999999999", "18446744073709551615", "18446744073709551616", "1.000", "-1000000",
            "0.0000000000000000000000000001",
        ].map { try #require(Decimal(string: $0)) }
        amounts.append(.nan)
        for index in 0..<20_000 {
            let whole = Decimal(Int.random(in: -1_000_000...1_000_000, using: &generator))
            let scaled = Decimal(
                sign: Bool.random(using: &generator) ? .plus : .minus,
                exponent: Int.random(in: -12...6, using: &generator),
                significand: Decimal(generator.next() >> UInt64.random(in: 0...63, using: &generator)))
            amounts += [whole + Decimal(index % 100) / 100, scaled, whole * scaled]
        }
        var fast = 0
        for amount in amounts {
            if FieldValue.fastPlain(amount) != nil { fast += 1 }
            #expect(FieldValue.plain(amount) == amount.description, "\(amount)")
        }
        #expect(fast > amounts.count / 2)
    }

    @Test("quoting writes printable ASCII as it is, and escapes or cuts everything else as before")
    func quoting() {
        #expect(LedgerFormat.quoted("Managed Services 12") == "'Managed Services 12'")
        #expect(LedgerFormat.quoted("it's") == "'it\\'s'")
        #expect(LedgerFormat.quoted("a\tb\nc") == "'a\\tb\\nc'")
        #expect(LedgerFormat.quoted("Müller") == "'Müller'")
        #expect(
            LedgerFormat.quoted(String(repeating: "x", count: 61), limit: 60) == "'" + String(repeating: "x", count: 60)
                + "...'")
        #expect(
            LedgerFormat.quoted(String(repeating: "x", count: 60), limit: 60) == "'" + String(repeating: "x", count: 60)
                + "'")
        #expect(LedgerFormat.quoted("bell\u{7}") == "'bellU+0007'")
    }

    @Test("a date is written YYYY-MM-DD and reads back as the same day, for every day of the first and last years")
    func dates() throws {
        for year in [1900, 2024, 2999] {
            for month in 1...12 {
                for day in 1...31 {
                    guard let date = LedgerDate(year: year, month: month, day: day) else { continue }
                    let padded = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
                    #expect(date.description == "\(year)-\(padded(month))-\(padded(day))")
                    #expect(LedgerDate(date.description) == date)
                }
            }
        }
    }
}
