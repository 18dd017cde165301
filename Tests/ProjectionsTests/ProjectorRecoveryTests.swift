import EventLog
import Foundation
import Ledger
import SQLite
import Testing

@testable import Projections

@Suite("Projections after odd streams and failed appends")
struct ProjectorRecoveryTests {
    @Test("an event of another kind in a contract stream is passed over, and the contract's later events still apply")
    func foreignEventInContractStream() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        var writer = Writer(log: log, counter: 1_000)
        try writer.append([PrimaryIntegrationSet(integration: .autotask).event], to: .contract("LC-3"))
        try writer.append(
            [FieldEdited(field: .notes, from: .empty, to: .text("after the odd event"), reason: nil).event],
            to: .contract("LC-3"))
        #expect(
            try log.database.scalarText(
                "SELECT value FROM contract_fields WHERE contract_id = 'LC-3' AND field = 'notes'")
                == "after the odd event")

        let scratch = try Database(path: folder.path("scratch"), options: .init(create: true))
        try Projector.rebuild(from: log, into: scratch)
        #expect(try Projector.compare(stored: log.database, rebuiltPath: folder.path("scratch")).isEmpty)
        // A ledger holding such a stream still opens: attaching catches up without an error.
        let reopened = try EventLog.open(path: folder.path("ledger"))
        try Projector.attach(to: reopened)
    }

    @Test("an append refused by a projection leaves nothing behind, and the next append of the stream projects right")
    func failedAppendIsForgotten() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        let before = try log.lastPosition()
        // A second import of LC-1's Autotask contract: its reference key is unique in `contracts`.
        let settings = LedgerSettings.fold([PrimaryIntegrationSet(integration: .autotask).event])
        let duplicate = try Decisions.importContract(
            acme(), assets: [], as: "LC-9", settings: settings, index: ImportIndex())
        var writer = Writer(log: log, counter: 2_000)
        #expect(throws: (any Error).self) {
            try writer.append(duplicate + [AutoSyncSet(enabled: false).event], to: .contract("LC-9"))
        }
        #expect(try log.lastPosition() == before)
        #expect(try log.database.scalarInt("SELECT count(*) FROM contracts WHERE id = 'LC-9'") == 0)

        try writer.append(
            [FieldEdited(field: .notes, from: .text("Call before renewal"), to: .text("again"), reason: nil).event],
            to: .contract("LC-1"))
        let scratch = try Database(path: folder.path("scratch"), options: .init(create: true))
        try Projector.rebuild(from: log, into: scratch)
        #expect(try Projector.compare(stored: log.database, rebuiltPath: folder.path("scratch")).isEmpty)
    }
}
