/// Wire timestamps: days and milliseconds since 1970 (UTC), formatted like real Autotask answers.
///
/// Autotask answers `2024-05-04T08:53:10.52Z`: 0-3 fraction digits with trailing zeros cut and a `Z`;
/// older tenants answer without the `Z`. Parsing accepts both, 0-7 fraction digits, a date alone,
/// and a numeric offset.
enum Timestamp {
    static let millisPerDay: Int64 = 86_400_000

    /// The day number (days since 1970-01-01) of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
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

    /// The day number `months` months after `days`, keeping the day of month where it exists.
    static func adding(months: Int, to days: Int) -> Int {
        let date = civil(days: days)
        let total = date.year * 12 + (date.month - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        let lastDay = daysInMonth(year: year, month: month)
        return self.days(year: year, month: month, day: min(date.day, lastDay))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        let next = month == 12 ? days(year: year + 1, month: 1, day: 1) : days(year: year, month: month + 1, day: 1)
        return next - days(year: year, month: month, day: 1)
    }

    /// The day number that contains `millis`.
    static func day(ofMillis millis: Int64) -> Int {
        Int((millis >= 0 ? millis : millis - millisPerDay + 1) / millisPerDay)
    }

    /// `2024-05-04T08:53:10.52Z` (or without `Z`), trailing fraction zeros cut.
    static func format(millis: Int64, zulu: Bool) -> String {
        let day = self.day(ofMillis: millis)
        let date = civil(days: day)
        var rest = Int(millis - Int64(day) * millisPerDay)
        let fraction = rest % 1000
        rest /= 1000
        var text = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        text += "T" + pad(rest / 3600, 2) + ":" + pad(rest / 60 % 60, 2) + ":" + pad(rest % 60, 2)
        if fraction != 0 {
            var digits = pad(fraction, 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return zulu ? text + "Z" : text
    }

    /// Parses an ISO 8601 timestamp or date; a value without zone is UTC.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        var millis = Int64(days(year: year, month: month, day: day)) * millisPerDay
        if index == bytes.count { return millis }
        guard index < bytes.count, bytes[index] == 84 || bytes[index] == 116 || bytes[index] == 32 else { return nil }
        index += 1
        guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60 else { return nil }
        var seconds = 0
        if expect(58) {
            guard let value = number(2), value < 61 else { return nil }
            seconds = value
        }
        millis += Int64(hour * 3_600_000 + minute * 60_000 + seconds * 1000)
        if expect(46) {
            var scale: Int64 = 100
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                millis += Int64(bytes[index] - 48) * scale
                scale /= 10
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
        }
        if index == bytes.count || (index == bytes.count - 1 && (bytes[index] == 90 || bytes[index] == 122)) {
            return millis
        }
        guard bytes[index] == 43 || bytes[index] == 45 else { return nil }
        let sign: Int64 = bytes[index] == 43 ? 1 : -1
        index += 1
        guard let offsetHours = number(2) else { return nil }
        _ = expect(58)
        guard let offsetMinutes = number(2), index == bytes.count else { return nil }
        return millis - sign * Int64(offsetHours * 3_600_000 + offsetMinutes * 60_000)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
