import Foundation
import Testing

@testable import EventLog

@Suite("Log timestamps")
struct TimestampTests {
    @Test("a formatted time parses back to the same millisecond and is valid")
    func roundTrip() throws {
        for milliseconds in [Int64(0), 1_800_000_000_123, 946_684_799_999, 4_102_444_800_000] {
            let date = Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
            let text = Timestamp.format(date)
            #expect(Timestamp.isValid(text), "\(text)")
            let parsed = try #require(Timestamp.parse(text))
            #expect(Int64((parsed.timeIntervalSince1970 * 1000).rounded()) == milliseconds, "\(text)")
        }
    }

    @Test("validity agrees with parsing for malformed times")
    func validityAgreesWithParsing() {
        let texts = [
            "2026-11-29T05:30:00.000Z", "2026-13-29T05:30:00.000Z", "2026-11-00T05:30:00.000Z",
            "2026-11-29T24:30:00.000Z", "2026-11-29T05:60:00.000Z", "2026-11-29T05:30:61.000Z",
            "2026-11-29 05:30:00.000Z", "2026-11-29T05:30:00.000", "2026-11-29T05:30:00Z", "", "x",
            "２026-11-29T05:30:00.000Z", "2026-11-29T05:30:00.00aZ",
        ]
        for text in texts {
            #expect(Timestamp.isValid(text) == (Timestamp.parse(text) != nil), "\(text)")
        }
        #expect(Timestamp.isValid(texts[0]))
        #expect(!Timestamp.isValid(texts[1]))
    }
}
