import Foundation

/// Parses and formats Autotask timestamps.
///
/// Autotask stores UTC and writes `yyyy-MM-ddTHH:mm:ss` with 0 to 7 fraction digits, with or without a
/// trailing `Z`; a value without a zone is UTC. Date-only values (`yyyy-MM-dd`) are midnight UTC.
public enum AutotaskDate {
    /// The date a timestamp denotes, or `nil` when the text is not a timestamp.
    public static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        scanner.skipSpaces()
        guard let year = scanner.number(digits: 4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.number(digits: 2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.number(digits: 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = 0
        var fraction = 0.0
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(UInt8(ascii: " ")) {
            guard let hour = scanner.number(digits: 2), scanner.take(UInt8(ascii: ":")),
                let minute = scanner.number(digits: 2), hour < 24, minute < 60
            else { return nil }
            var second = 0
            if scanner.take(UInt8(ascii: ":")) {
                guard let value = scanner.number(digits: 2), value < 61 else { return nil }
                second = value
                if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                    guard let value = scanner.fraction() else { return nil }
                    fraction = value
                }
            }
            seconds = hour * 3600 + minute * 60 + second
            guard let offset = scanner.zoneOffset() else { return nil }
            seconds -= offset
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        // Built from the reference date, as Foundation stores it, so that equal instants compare equal.
        return Date(timeIntervalSinceReferenceDate: Double(days * 86_400 + seconds - 978_307_200) + fraction)
    }

    /// The UTC timestamp Autotask accepts in filters: `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    public static func string(from date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let milliseconds = Int(((totalMilliseconds % 1000) + 1000) % 1000)
        let totalSeconds = (totalMilliseconds - Int64(milliseconds)) / 1000
        let secondsOfDay = Int(((totalSeconds % 86_400) + 86_400) % 86_400)
        let days = Int((totalSeconds - Int64(secondsOfDay)) / 86_400)
        let (year, month, day) = civilFromDays(days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondsOfDay / 3600, 2) + ":"
            + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2) + "." + pad(milliseconds, 3) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Reads fixed-width numbers from ASCII bytes.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    /// Fraction digits after the point; any count is read, as a fraction of a second.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        var count = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            if count < 9 {
                value = value * 10 + Double(bytes[index] - UInt8(ascii: "0"))
                scale *= 10
            }
            count += 1
            index += 1
        }
        return count == 0 ? nil : value / scale
    }

    /// Seconds east of UTC: 0 for none or `Z`, otherwise `±HH:mm`, `±HHmm` or `±HH`.
    mutating func zoneOffset() -> Int? {
        if atEnd || take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return bytes[index] == UInt8(ascii: " ") ? 0 : nil
        }
        guard let hours = number(digits: 2) else { return nil }
        _ = take(UInt8(ascii: ":"))
        let minutes = number(digits: 2) ?? 0
        return sign * (hours * 3600 + minutes * 60)
    }
}
