import Foundation

/// The log's UTC time format: `yyyy-MM-ddTHH:mm:ss.SSSZ`.
enum Timestamp {
    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds / 1000 - (milliseconds % 1000 < 0 ? 1 : 0)
        let fraction = ((milliseconds % 1000) + 1000) % 1000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, Int32(fraction))
    }

    /// Whether `text` is a time in the log's format (what ``parse(_:)`` accepts), checked without
    /// building a date: the verification checks a million of them.
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { fields(of: $0) != nil }
    }

    static func parse(_ text: String) -> Date? {
        var text = text
        guard let fields = text.withUTF8({ fields(of: $0) }) else { return nil }
        var parts = tm()
        parts.tm_year = fields.year - 1900
        parts.tm_mon = fields.month - 1
        parts.tm_mday = fields.day
        parts.tm_hour = fields.hour
        parts.tm_min = fields.minute
        parts.tm_sec = fields.second
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(fields.millisecond) / 1000)
    }

    /// The fields of a time in the log's format, or nil when the bytes are not one.
    private static func fields(of bytes: UnsafeBufferPointer<UInt8>) -> (
        year: Int32, month: Int32, day: Int32, hour: Int32, minute: Int32, second: Int32, millisecond: Int32
    )? {
        guard bytes.count == 24, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58,
            bytes[16] == 58, bytes[19] == 46, bytes[23] == 90
        else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for index in range {
                let digit = Int32(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            let millisecond = number(20..<23), (1...12).contains(month), (1...31).contains(day), hour < 24,
            minute < 60, second < 61
        else { return nil }
        return (year, month, day, hour, minute, second, millisecond)
    }
}
