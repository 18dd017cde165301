import Ledger
import SQLite

extension ProjectionReader {
    /// The sync runs (or the one numbered `run`), oldest first.
    public func syncRuns(run: Int? = nil) throws -> [SyncRunRow] {
        let filter = run == nil ? "" : "WHERE run = ?"
        return try database.makeStatement(
            """
            SELECT run, trigger, scope, status, contracts_total, started_at, finished_at, started_position,
                finished_position, checked, changed, unchanged, missing, failed, requests, duration_ms, failure_stage,
                failure_reason, interrupted_by
            FROM sync_runs \(filter) ORDER BY run
            """
        ).rows(run.map { [.integer(Int64($0))] } ?? []) { row in
            func optionalInt(_ index: Int32) -> Int? { row.isNull(index) ? nil : row.int(index) }
            return SyncRunRow(
                run: row.int(0), trigger: SyncTrigger(rawValue: row.text(1)) ?? .manual, scope: row.text(2),
                status: SyncRunRow.Status(rawValue: row.text(3)) ?? .running, contractsTotal: row.int(4),
                startedAt: row.text(5), finishedAt: row.optionalText(6), startedPosition: row.int(7),
                finishedPosition: optionalInt(8), checked: optionalInt(9), changed: optionalInt(10),
                unchanged: optionalInt(11), missing: optionalInt(12), failed: optionalInt(13), requests: row.int(14),
                durationMilliseconds: optionalInt(15), failureStage: row.optionalText(16),
                failureReason: row.optionalText(17), interruptedBy: optionalInt(18))
        }
    }

    /// The number of sync runs recorded.
    public func syncRunCount() throws -> Int {
        Int(try database.scalarInt("SELECT count(*) FROM sync_runs") ?? 0)
    }

    /// The highest run number recorded (0 when there is none).
    public func lastSyncRun() throws -> Int {
        Int(try database.scalarInt("SELECT max(run) FROM sync_runs") ?? 0)
    }

    /// The runs still marked running, in order.
    public func runningSyncRuns() throws -> [Int] {
        try database.cachedStatement("SELECT run FROM sync_runs WHERE status = 'running' ORDER BY run").rows {
            $0.int(0)
        }
    }

    /// The Autotask fetches of one run, in order.
    public func fetches(ofRun run: Int) throws -> [SyncFetchRow] {
        try database.cachedStatement(
            "SELECT entity, filter, pages, requests, items, digest FROM sync_fetches WHERE run = ? ORDER BY seq"
        ).rows([.integer(Int64(run))]) {
            SyncFetchRow(
                entity: $0.text(0), filter: $0.text(1), pages: $0.int(2), requests: $0.int(3), items: $0.int(4),
                digest: $0.text(5))
        }
    }

    /// The contracts one run could not check, by contract id.
    public func contractFailures(ofRun run: Int) throws -> [SyncContractFailureRow] {
        try database.cachedStatement(
            "SELECT contract_id, reason FROM sync_contract_failures WHERE run = ? ORDER BY contract_id"
        ).rows([.integer(Int64(run))]) {
            SyncContractFailureRow(contractID: ContractID($0.text(0)), reason: $0.text(1))
        }
    }
}
