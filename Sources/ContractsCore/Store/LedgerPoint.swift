import Foundation

/// A point in the ledger's history: the end of a sync run, or a time.
public enum LedgerPoint: Sendable, Hashable {
    /// The end of a sync run (its last event).
    case run(Int)
    /// The last event recorded at or before a time (UTC).
    case time(Date)

    /// Reads `--as-of`: a run number (`3`), a date (`2026-11-29`, the end of that day in UTC), or a time
    /// (`2026-11-29T14:30:00Z`, with or without seconds, fractions and the `Z`, always UTC).
    public init?(argument text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let run = Int(trimmed), run > 0 {
            self = .run(run)
            return
        }
        let formats = [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd HH:mm",
        ]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                self = .time(date)
                return
            }
        }
        formatter.dateFormat = "yyyy-MM-dd"
        if trimmed.count == 10, let day = formatter.date(from: trimmed) {
            self = .time(day.addingTimeInterval(86_400 - 0.001))
            return
        }
        return nil
    }
}
