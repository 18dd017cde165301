import Foundation
import Synchronization
import TestSupport
import Testing

@testable import EventLog

/// What an attack from outside the software must not achieve: times that go backwards, appends to a log
/// whose protection was removed, a ledger that is no regular file.
@Suite("The log refuses bad clocks, stripped protection and paths that are no files")
struct EventLogHardeningTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_900_000_000))
        func set(_ date: Date) { now.withLock { $0 = date } }
        func read() -> Date { now.withLock { $0 } }
    }

    @Test("recorded times never go backwards with the clock, and a clock outside 2000-2199 is refused")
    func recordedTimes() throws {
        let clock = Clock()
        let ledger = try TestLedger(clock: { clock.read() })
        try ledger.log.append([event("a")], to: "s", expected: .any)
        clock.set(Date(timeIntervalSince1970: 1_800_000_000))
        try ledger.log.append([event("b")], to: "s", expected: .any)
        let times = try ledger.log.events(in: "s").map(\.recordedAt)
        #expect(times.count == 2 && times[1] >= times[0], "\(times)")
        for bad in [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 32_503_680_000), Date.distantFuture] {
            clock.set(bad)
            let error = #expect(throws: EventLogError.self) {
                try ledger.log.append([event("c")], to: "s", expected: .any)
            }
            #expect(error?.code == .badClock)
        }
        #expect(try ledger.log.events(in: "s").count == 2)
    }

    @Test("a log whose append-only trigger was dropped, or which lost an event, refuses every append")
    func strippedProtection() throws {
        for attack in ["DROP TRIGGER events_refuse_update", "delete"] {
            let ledger = try TestLedger()
            try ledger.log.append(events("e", count: 3), to: "s", expected: .any)
            let raw = RawSQLite(path: ledger.path)
            if attack == "delete" {
                raw.execute("DROP TRIGGER events_refuse_delete")
                raw.execute("DELETE FROM events WHERE position = 2")
                raw.execute(
                    "CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'no'); END")
            } else {
                raw.execute(attack)
            }
            let reopened = try EventLog.open(path: ledger.path)
            let error = #expect(throws: EventLogError.self) {
                try reopened.append([event("late")], to: "s", expected: .any)
            }
            #expect(error?.code == .damaged, "\(attack)")
            #expect(error?.message.contains("ledger-replay") == true)
        }
    }

    @Test("a FIFO, :memory: and file: URIs are refused as ledgers, at once")
    func notFiles() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        for path in [fifo, ":memory:", "file:\(directory.path("x.ledger"))", "file::memory:"] {
            let error = #expect(throws: EventLogError.self) {
                _ = try EventLog.open(path: path, options: .init(create: true))
            }
            #expect(error?.code == .cannotOpen, "\(path)")
        }
    }
}
