import EventLog
import Foundation
import Ledger
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
            let resumed = try Projector.resume(from: log, into: scratch, batchSize: 3)
            #expect(resumed == end - split)
            #expect(try Projector.compare(stored: log.database, rebuiltPath: path).isEmpty, "split at \(split)")
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
