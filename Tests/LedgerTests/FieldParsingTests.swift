import Foundation
import Ledger
import Testing

@Suite("Parsing FIELD=VALUE")
struct FieldParsingTests {
    @Test("parses a value of every kind")
    func everyKind() throws {
        #expect(try FieldAssignment.parse("name=Backup plan").value == .text("Backup plan"))
        #expect(try FieldAssignment.parse("units=25").value == .integer(25))
        #expect(try FieldAssignment.parse("price=1200.50").value == .money(amount("1200.5")))
        #expect(try FieldAssignment.parse("endDate=2026-12-31").value == .date(day("2026-12-31")))
        #expect(try FieldAssignment.parse("impact=high").value == .choice("High"))
        #expect(try FieldAssignment.parse("status=INACTIVE").value == .choice("Inactive"))
        #expect(try FieldAssignment.parse("tags=backup, cloud ,,backup,").value == .list(["backup", "cloud"]))
    }

    @Test("matches field names case-insensitively and keeps everything after the first '='")
    func namesAndEquals() throws {
        let assignment = try FieldAssignment.parse(" ENDDATE =2026-01-31")
        #expect(assignment.field == .endDate)
        #expect(try FieldAssignment.parse("notes=a=b").value == .text("a=b"))
    }

    @Test("clears an LCI text, date or list field with an empty value or '-'")
    func clearing() throws {
        #expect(try FieldAssignment.parse("notes=").value == .empty)
        #expect(try FieldAssignment.parse("notes=-").value == .empty)
        #expect(try FieldAssignment.parse("renewalReminder= - ").value == .empty)
        #expect(try FieldAssignment.parse("tags=-").value == .empty)
        #expect(try FieldAssignment.parse("tags= , ,").value == .empty)
    }

    @Test("refuses to clear a required field")
    func requiredFields() {
        #expect(
            refusal { try FieldAssignment.parse("name=") }?.message == "name: a value is required and cannot be cleared"
        )
        #expect(refusal { try FieldAssignment.parse("companyID=-") }?.code == .requiredField)
        #expect(refusal { try FieldAssignment.parse("status=") }?.code == .requiredField)
    }

    @Test("explains text without '=' and a missing field name")
    func malformed() {
        let noEquals = refusal { try FieldAssignment.parse("endDate 2026-12-31") }
        #expect(noEquals?.code == .malformedAssignment)
        #expect(noEquals?.message == "'endDate 2026-12-31' has no '='; use FIELD=VALUE, e.g. endDate=2026-12-31")
        let noName = refusal { try FieldAssignment.parse(" =5") }
        #expect(noName?.message == "missing field name before '='; use FIELD=VALUE, e.g. endDate=2026-12-31")
    }

    @Test("names an unknown field and lists the known ones")
    func unknownField() {
        let error = refusal { try FieldAssignment.parse("enddat=2026-12-31") }
        #expect(error?.code == .unknownField)
        #expect(
            error?.message
                == "unknown field 'enddat'; known fields: name, number, companyID, companyName, type, category, status, "
                + "startDate, endDate, billingCycle, price, units, description, notes, renewalReminder, impact, vendor, "
                + "location, tags, owner")
    }

    @Test(
        "refuses impossible dates with the expected format",
        arguments: ["2026-13-01", "2025-02-30", "2026-1-1", "31/12/2026", "2026-12-31T00:00"])
    func badDates(text: String) {
        let error = refusal { try FieldAssignment.parse("endDate=\(text)") }
        #expect(error?.code == .invalidValue)
        #expect(error?.message == "endDate: '\(text)' is not a date; use YYYY-MM-DD")
    }

    @Test("refuses years outside 1900 to 2999")
    func yearRange() {
        #expect(
            refusal { try FieldAssignment.parse("startDate=1899-12-31") }?.message
                == "startDate: '1899-12-31' is out of range; use a year from 1900 to 2999")
        #expect(refusal { try FieldAssignment.parse("startDate=3000-01-01") }?.code == .invalidValue)
    }

    @Test(
        "refuses amounts that are not plain decimals",
        arguments: ["12,50", "1e5", "abc", "12abc", "$12", ".5", "5.", "1.2.3", "0x10"])
    func badAmounts(text: String) {
        #expect(
            refusal { try FieldAssignment.parse("price=\(text)") }?.message
                == "price: '\(text)' is not an amount; use a plain decimal such as 1200.50")
    }

    @Test("refuses negative amounts and more than two decimals, keeps exact decimals")
    func amounts() throws {
        #expect(
            refusal { try FieldAssignment.parse("price=-5") }?.message
                == "price: '-5' is negative; amounts must be zero or more")
        #expect(refusal { try FieldAssignment.parse("price=1234567890123456") }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment.parse("price=1.1234567") }?.code == .invalidValue)
        #expect(try FieldAssignment.parse("price=0.1").value == .money(amount("0.1")))
        #expect(try FieldAssignment.parse("price=-0").value == .money(0))
        #expect(
            refusal { try FieldAssignment.parse("price=99.999") }?.message
                == "price: '99.999' has more than two decimals; amounts are kept to the cent, such as 1200.50")
        #expect(try FieldAssignment.parse("price=000123456789012345.12").value.description == "123456789012345.12")
    }

    @Test("refuses whole numbers of the wrong form or out of range")
    func integers() {
        #expect(refusal { try FieldAssignment.parse("units=ten") }?.message == "units: 'ten' is not a whole number")
        #expect(refusal { try FieldAssignment.parse("units=2.5") }?.code == .invalidValue)
        #expect(
            refusal { try FieldAssignment.parse("units=-1") }?.message
                == "units: '-1' is out of range; use 0 to 1,000,000,000")
        #expect(refusal { try FieldAssignment.parse("companyID=99999999999999999999999") }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment.parse("companyID=0") }?.code == .invalidValue)
    }

    @Test("lists the allowed values of a choice")
    func choices() {
        #expect(
            refusal { try FieldAssignment.parse("impact=Severe") }?.message
                == "impact: 'Severe' is not allowed; use one of Unspecified, Low, Medium, High")
        #expect(
            refusal { try FieldAssignment.parse("status=open") }?.message
                == "status: 'open' is not allowed; use one of Active, Inactive")
    }

    @Test("refuses absurd lengths")
    func lengths() throws {
        let long = String(repeating: "x", count: 10_001)
        #expect(
            refusal { try FieldAssignment.parse("notes=\(long)") }?.message
                == "notes: the value is 10,001 characters long; the limit is 10,000")
        #expect(try FieldAssignment.parse("notes=\(String(long.dropFirst()))").value.text?.count == 10_000)
        #expect(
            refusal { try FieldAssignment.parse("name=\(String(repeating: "n", count: 501))") }?.code == .invalidValue)
        let manyTags = (1...51).map { "t\($0)" }.joined(separator: ",")
        #expect(refusal { try FieldAssignment.parse("tags=\(manyTags)") }?.message == "tags: 51 items; the limit is 50")
    }

    @Test("refuses control characters other than newline and tab")
    func controlCharacters() throws {
        #expect(
            refusal { try FieldAssignment.parse("notes=ring\u{7}bell") }?.message
                == "notes: the value contains the control character U+0007; only newline and tab are allowed")
        #expect(refusal { try FieldAssignment.parse("name=a\u{0}b") }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment.parse("name=a\u{85}b") }?.code == .invalidValue)
        #expect(try FieldAssignment.parse("notes=line 1\r\nline 2\tend").value == .text("line 1\nline 2\tend"))
        #expect(refusal { try FieldAssignment.parse("tags=a\nb") }?.code == .invalidValue)
    }

    @Test("handles odd Unicode sanely")
    func unicode() throws {
        // Canonically equivalent spellings are the same value.
        #expect(
            try FieldAssignment.parse("vendor=Caf\u{E9}").value == FieldAssignment.parse("vendor=Cafe\u{301}").value)
        #expect(
            try FieldAssignment.parse("notes=\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} family").value.text?.count == 8
        )
        #expect(
            try FieldAssignment.parse("location=\u{645}\u{643}\u{62A}\u{628}").value
                == .text("\u{645}\u{643}\u{62A}\u{628}"))
        // Direction overrides could disguise text; stacked combining marks could hide a huge value.
        #expect(refusal { try FieldAssignment.parse("name=abc\u{202E}gpj.exe") }?.code == .invalidValue)
        let zalgo = "z" + String(repeating: "\u{301}", count: 3_000)
        #expect(refusal { try FieldAssignment.parse("name=\(zalgo)") }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment.parse("name=a\u{FFFF}") }?.code == .invalidValue)
        #expect(try FieldAssignment.parse("name=  Spaced  ").value == .text("Spaced"))
    }

    @Test("refuses a field set twice in one command")
    func duplicates() {
        let error = refusal { try FieldAssignment.parse(all: ["notes=a", "Notes=b"]) }
        #expect(error?.code == .duplicateField)
        #expect(error?.message == "notes is set twice; set each field once")
    }

    @Test("checks typed values against the field's kind and rules")
    func typedAssignments() throws {
        #expect(
            refusal { try FieldAssignment(field: .endDate, value: .text("soon")) }?.message
                == "endDate: 'soon' is not a date (YYYY-MM-DD)")
        #expect(refusal { try FieldAssignment(field: .impact, value: .choice("Severe")) }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment(field: .price, value: .money(-1)) }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment(field: .units, value: .integer(-1)) }?.code == .invalidValue)
        #expect(refusal { try FieldAssignment(field: .name, value: .text("   ")) }?.code == .requiredField)
        #expect(try FieldAssignment(field: .notes, value: .text("  trimmed ")).value == .text("trimmed"))
        #expect(try FieldAssignment(field: .notes, value: .text("")).value == .empty)
        #expect(refusal { try FieldAssignment(field: .tags, value: .list(["a", "a"])) }?.code == .invalidValue)
    }

    @Test("describes every field's kind for help text")
    func kinds() {
        #expect(FieldName.endDate.kind.description == "date (YYYY-MM-DD)")
        #expect(FieldName.notes.kind.description == "text (up to 10,000 characters)")
        #expect(FieldName.impact.kind.description == "one of Unspecified, Low, Medium, High")
        #expect(FieldName.autotaskFields.count == 13)
        #expect(FieldName.lciFields == [.notes, .renewalReminder, .impact, .vendor, .location, .tags, .owner])
    }
}

@Suite("LedgerDate")
struct LedgerDateTests {
    @Test("knows leap years")
    func leapYears() {
        #expect(LedgerDate("2024-02-29") != nil)
        #expect(LedgerDate("2000-02-29") != nil)
        #expect(LedgerDate("2100-02-29") == nil)
        #expect(LedgerDate("2025-02-29") == nil)
        #expect(LedgerDate("2025-04-31") == nil)
        #expect(LedgerDate("2025-00-10") == nil)
        #expect(LedgerDate("2025-01-00") == nil)
    }

    @Test("writes YYYY-MM-DD, orders by day and encodes as a string")
    func formatting() throws {
        #expect(LedgerDate(year: 1999, month: 3, day: 7)?.description == "1999-03-07")
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(String(decoding: try JSONEncoder().encode([day("2026-12-31")]), as: UTF8.self) == "[\"2026-12-31\"]")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LedgerDate].self, from: Data("[\"2025-02-30\"]".utf8))
        }
    }

    @Test("reads the day of an Autotask date-time and of a moment")
    func fromDateTimes() {
        #expect(LedgerDate(dateTimeText: "2025-12-31T00:00:00Z") == day("2025-12-31"))
        #expect(LedgerDate(dateTimeText: "2016-03-30T13:10:35.563") == day("2016-03-30"))
        #expect(LedgerDate(dateTimeText: "2025-12-31") == day("2025-12-31"))
        #expect(LedgerDate(dateTimeText: "2025-13-31T00:00:00Z") == nil)
        #expect(LedgerDate(Date(timeIntervalSince1970: 1_767_139_200)) == day("2025-12-31"))
        #expect(
            LedgerDate(Date(timeIntervalSince1970: 1_767_139_200), in: TimeZone(identifier: "America/New_York")!)
                == day("2025-12-30"))
    }

    @Test("refuses non-ASCII digits")
    func asciiOnly() {
        #expect(LedgerDate("\u{661}\u{669}\u{669}\u{669}-01-01") == nil)
        #expect(LedgerDate("２０２５-01-01") == nil)
    }
}
