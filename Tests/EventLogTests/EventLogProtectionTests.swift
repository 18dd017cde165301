import CSQLite
import Foundation
import Testing

@testable import EventLog

@Suite("Append-only protection and verification")
struct EventLogProtectionTests {
    @Test("UPDATE and DELETE on events through a raw SQLite connection are refused")
    func triggersRefuseChanges() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 2), to: "s", expected: .any)
        let raw = RawSQLite(path: ledger.path)
        let update = raw.execute("UPDATE events SET payload = '{\"n\":9}' WHERE position = 1")
        #expect(update.code == SQLITE_CONSTRAINT)
        #expect(update.message?.contains("append-only") == true)
        let delete = raw.execute("DELETE FROM events WHERE position = 2")
        #expect(delete.code == SQLITE_CONSTRAINT)
        #expect(raw.scalar("SELECT count(*) FROM events") == "2")
        #expect(try ledger.log.verify().isIntact)
    }

    @Test("a payload changed with the triggers dropped is found by verify at its position")
    func tamperedPayload() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 5), to: "s", expected: .any)
        let raw = RawSQLite(path: ledger.path)
        raw.execute("DROP TRIGGER events_refuse_update")
        #expect(raw.execute("UPDATE events SET payload = '{\"n\":42}' WHERE position = 3").code == SQLITE_OK)

        let report = try ledger.log.verify()
        #expect(!report.isIntact)
        #expect(report.eventsChecked == 5)
        #expect(report.faults.contains { $0.kind == .triggersMissing })
        let hashFaults = report.faults.filter { $0.kind == .hashMismatch }
        #expect(hashFaults.map(\.position) == [3])
        #expect(hashFaults.first?.stream == "s")
    }

    @Test("a deleted event, a swapped pair and a forged row are each found by verify")
    func otherTampering() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 6), to: "s", expected: .any)
        let raw = RawSQLite(path: ledger.path)
        raw.execute("DROP TRIGGER events_refuse_delete; DROP TRIGGER events_refuse_update")
        raw.execute("DELETE FROM events WHERE position = 2")
        let afterDelete = try ledger.log.verify()
        #expect(afterDelete.faults.first { $0.kind == .gap }?.position == 3)

        // Swap the payloads of positions 4 and 5 (written as {"n":3} and {"n":4}).
        raw.execute(#"UPDATE events SET payload = '{"n":4}' WHERE position = 4"#)
        raw.execute(#"UPDATE events SET payload = '{"n":3}' WHERE position = 5"#)
        let afterSwap = try ledger.log.verify()
        #expect(afterSwap.faults.filter { $0.kind == .hashMismatch }.map(\.position) == [4, 5])

        // A forged row whose hash is made up.
        raw.execute(
            """
            INSERT INTO events VALUES (7, 's', 7, 'forged', 'Tested', 1, '{}', '{}', '2027-01-15T08:00:00.000Z',
                                       zeroblob(32), zeroblob(32))
            """)
        let afterForge = try ledger.log.verify()
        #expect(afterForge.faults.contains { $0.position == 7 && $0.kind == .chainBreak })
        #expect(afterForge.faults.contains { $0.position == 7 && $0.kind == .hashMismatch })
    }

    @Test("verify reports a version jump within a stream")
    func versionJump() throws {
        let ledger = try TestLedger()
        try ledger.log.append(events("a", count: 3), to: "s", expected: .any)
        let raw = RawSQLite(path: ledger.path)
        raw.execute("DROP TRIGGER events_refuse_update")
        raw.execute("UPDATE events SET version = 9 WHERE position = 2")
        let report = try ledger.log.verify()
        #expect(report.faults.first { $0.kind == .versionJump }?.position == 2)
    }

    @Test("an intact log verifies, reporting the chain head")
    func intactLog() throws {
        let ledger = try TestLedger()
        for index in 0..<10 {
            try ledger.log.append(events("e\(index)", count: 3), to: "stream-\(index % 3)", expected: .any)
        }
        let report = try ledger.log.verify()
        #expect(report.isIntact)
        #expect(report.eventsChecked == 30)
        #expect(report.lastPosition == 30)
        #expect(report.lastHash == (try ledger.log.event(at: 30))?.hash)
    }
}
