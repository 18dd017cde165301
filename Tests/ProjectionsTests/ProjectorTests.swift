import EventLog
import Foundation
import Ledger
import SQLite
import Testing

@testable import Projections

@Suite("Projections")
struct ProjectorTests {
    @Test("rebuilding every projection from the log gives exactly the tables the inline updates gave")
    func rebuildEqualsInline() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)

        let scratch = try Database(path: folder.path("scratch"), options: .init(create: true))
        let folded = try Projector.rebuild(from: log, into: scratch)
        #expect(folded == (try log.lastPosition()))
        #expect(try Projector.compare(stored: log.database, rebuiltPath: folder.path("scratch")).isEmpty)
        #expect(try log.database.scalarInt("SELECT count(*) FROM contracts") == 4)
        #expect(try log.database.scalarInt("SELECT imported FROM contracts WHERE id = 'LC-1'") == 1)
        #expect(try log.database.scalarInt("SELECT imported FROM contracts WHERE id = 'LC-3'") == 0)
        #expect(try log.database.scalarText("SELECT end_date FROM contracts WHERE id = 'LC-1'") == "2026-12-31")
        #expect(try log.database.scalarText("SELECT missing_reason FROM contracts WHERE id = 'LC-1'") == "deleted")
        #expect(try log.database.scalarText("SELECT status FROM sync_runs WHERE run = 2") == "failed")
        #expect(try Projector.position(in: log.database) == (try log.lastPosition()))
    }

    @Test(
        "field ownership: Autotask owns an imported contract's Autotask fields, LCI owns the rest and every field of a copy"
    )
    func ownership() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        func owner(_ contract: String, _ field: String) throws -> String? {
            try log.database.scalarText(
                "SELECT owner FROM contract_fields WHERE contract_id = ? AND field = ?",
                [.text(contract), .text(field)])
        }
        #expect(try owner("LC-1", "endDate") == "autotask")
        #expect(try owner("LC-1", "notes") == "lci")
        #expect(try owner("LC-3", "endDate") == "lci")
        #expect(
            try log.database.scalarInt("SELECT count(*) FROM contract_fields WHERE contract_id = 'LC-1'")
                == Int64(FieldName.allCases.count))
        let assets = try log.database.cachedStatement(
            "SELECT asset_id FROM contract_assets WHERE contract_id = 'LC-1' ORDER BY asset_id"
        ).rows([]) { $0.int(0) }
        #expect(assets == [2, 3])
    }

    @Test("a rebuild writes the same tables however many contract changes it holds in memory before writing them")
    func flushWindowsAgree() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        for maxPending in [1, 2, 3, 1_000] {
            let path = folder.path("rebuilt-\(maxPending)")
            let scratch = try Database(path: path, options: .init(create: true))
            let folded = try Projector.rebuild(from: log, into: scratch, maxPending: maxPending)
            #expect(folded == (try log.lastPosition()))
            #expect(try Projector.compare(stored: log.database, rebuiltPath: path).isEmpty, "maxPending \(maxPending)")
            #expect(try Projector.position(in: scratch) == (try log.lastPosition()))
        }
    }

    @Test("reinstalling the projections drops the tables of retired ones, such as contract_history")
    func retiredTablesDropped() throws {
        let folder = try ScratchFolder()
        let path = folder.path("ledger")
        do {
            let log = try EventLog.open(path: path, options: .init(create: true))
            try Projector.attach(to: log)
            try writeMixedHistory(into: log)
            // What a ledger written by an older build holds: the retired projection and its table.
            try log.database.execute(
                """
                CREATE TABLE contract_history (contract_id TEXT, version INTEGER);
                INSERT INTO projection_versions (name, version) VALUES ('contract-history', 1);
                """)
        }
        let log = try EventLog.open(path: path)
        try Projector.attach(to: log)
        #expect(try !log.database.tableExists("contract_history"))
        #expect(
            try log.database.scalarInt("SELECT count(*) FROM projection_versions WHERE name = 'contract-history'") == 0)
        #expect(try log.database.scalarInt("SELECT count(*) FROM contracts") == 4)
        #expect(try Projector.position(in: log.database) == (try log.lastPosition()))
    }

    @Test("attaching to a log written without projections catches them up")
    func catchUp() throws {
        let folder = try ScratchFolder()
        let path = folder.path("ledger")
        do {
            let bare = try EventLog.open(path: path, options: .init(create: true))
            try writeMixedHistory(into: bare)
        }
        let log = try EventLog.open(path: path)
        try Projector.attach(to: log)
        #expect(try Projector.position(in: log.database) == (try log.lastPosition()))
        let scratch = try Database(path: folder.path("scratch"), options: .init(create: true))
        try Projector.rebuild(from: log, into: scratch)
        #expect(try Projector.compare(stored: log.database, rebuiltPath: folder.path("scratch")).isEmpty)
    }

    @Test("a projection row edited by hand is reported with its table and row")
    func handEditedRow() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        try log.database.execute("UPDATE contracts SET name = 'Tampered' WHERE id = 'LC-2'")
        try log.database.execute("DELETE FROM contract_assets WHERE asset_id = 3")
        let scratch = try Database(path: folder.path("scratch"), options: .init(create: true))
        try Projector.rebuild(from: log, into: scratch)
        let differences = try Projector.compare(stored: log.database, rebuiltPath: folder.path("scratch"))
        #expect(differences.count == 2)
        #expect(differences.first?.table == "contracts")
        #expect(differences.first?.key == "id=LC-2")
        #expect(differences.first?.detail.contains("name is Tampered in the stored table") == true)
        #expect(differences.last?.table == "contract_assets")
        #expect(differences.last?.detail.contains("missing from the stored table") == true)
    }

    @Test("a fold resumed from a position gives exactly the tables of a rebuild straight to the end")
    func resumeEqualsRebuild() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        let end = try log.lastPosition()
        for split in [Int64(1), 4, end / 2, end - 1] {
            let path = folder.path("resumed-\(split)")
            let scratch = try Database(path: path, options: .init(create: true))
            try Projector.rebuild(from: log, into: scratch, through: split)
            let resumed = try Projector.resume(from: log, into: scratch, maxPending: 1)
            #expect(resumed == end - split)
            #expect(try Projector.compare(stored: log.database, rebuiltPath: path).isEmpty, "split at \(split)")
        }
    }

    @Test("one projector folded to a position continues a copy of its database to the end, equal to a rebuild")
    func projectorContinuesACopy() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        let end = try log.lastPosition()
        for split in [Int64(1), 5, end / 2, end - 1] {
            let projector = Projector.folding(log)
            let early = try Database(path: folder.path("early-\(split)"), options: .init(create: true))
            try projector.rebuild(from: log, into: early, through: split)
            let latePath = folder.path("late-\(split)")
            try early.execute("VACUUM INTO '\(latePath)'")
            let late = try Database(path: latePath)
            #expect(try projector.resume(from: log, into: late) == end - split)
            #expect(try Projector.compare(stored: log.database, rebuiltPath: latePath).isEmpty, "split at \(split)")
            #expect(try Projector.position(in: early) == split)
        }
    }

    @Test("rebuilding up to a position gives the state as of that position")
    func stateAsOf() throws {
        let folder = try ScratchFolder()
        let log = try EventLog.open(path: folder.path("ledger"), options: .init(create: true))
        try Projector.attach(to: log)
        try writeMixedHistory(into: log)
        let runOneEnd = try #require(
            try log.database.scalarInt("SELECT finished_position FROM sync_runs WHERE run = 1"))
        let scratch = try Database(path: folder.path("scratch"), options: .init(create: true))
        try Projector.rebuild(from: log, into: scratch, through: runOneEnd)
        #expect(try scratch.scalarText("SELECT end_date FROM contracts WHERE id = 'LC-1'") == "2026-12-31")
        #expect(try scratch.scalarText("SELECT missing_reason FROM contracts WHERE id = 'LC-1'") == nil)
        #expect(try scratch.scalarInt("SELECT count(*) FROM sync_runs") == 1)
    }
}
