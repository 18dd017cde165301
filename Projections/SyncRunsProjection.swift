import EventLog
import Ledger
import SQLite

/// The sync runs: trigger, scope, times, status and counts, plus every Autotask fetch of each run.
struct SyncRunsProjection: Projection {
    let name = "sync-runs"
    let version = 1
    let tables = [
        ProjectionTable(name: "sync_runs", key: ["run"]),
        ProjectionTable(name: "sync_fetches", key: ["run", "seq"]),
        ProjectionTable(name: "sync_contract_failures", key: ["run", "contract_id"]),
    ]

    func createTables(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE sync_runs (
                run INTEGER PRIMARY KEY,
                trigger TEXT NOT NULL,
                scope TEXT NOT NULL,
                status TEXT NOT NULL,
                contracts_total INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                started_position INTEGER NOT NULL,
                finished_position INTEGER,
                checked INTEGER, changed INTEGER, unchanged INTEGER, missing INTEGER, failed INTEGER,
                requests INTEGER NOT NULL,
                duration_ms INTEGER,
                failure_stage TEXT,
                failure_reason TEXT,
                interrupted_by INTEGER
            ) STRICT;
            CREATE TABLE sync_fetches (
                run INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                entity TEXT NOT NULL,
                filter TEXT NOT NULL,
                pages INTEGER NOT NULL,
                requests INTEGER NOT NULL,
                items INTEGER NOT NULL,
                digest TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (run, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE sync_contract_failures (
                run INTEGER NOT NULL,
                contract_id TEXT NOT NULL,
                reason TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (run, contract_id)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    func apply(_ change: ProjectedEvent, to database: Database) throws {
        guard case .sync(let run) = change.stream else { return }
        let recorded = change.recorded
        switch change.event {
        case .syncStarted(let started):
            try database.execute(
                """
                INSERT INTO sync_runs (run, trigger, scope, status, contracts_total, started_at, started_position, requests)
                VALUES (?, ?, ?, 'running', ?, ?, ?, 0)
                """,
                [
                    .integer(Int64(run)), .text(started.trigger.rawValue), .text(started.scope.description),
                    .integer(Int64(started.contractsToCheck.count)), .text(recorded.recordedAt),
                    .integer(recorded.position),
                ])
        case .syncFetched(let fetched):
            try database.execute(
                """
                INSERT INTO sync_fetches (run, seq, entity, filter, pages, requests, items, digest, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(Int64(run)), .integer(recorded.version), .text(fetched.entity), .text(fetched.filter),
                    .integer(Int64(fetched.pages)), .integer(Int64(fetched.requests)), .integer(Int64(fetched.items)),
                    .text(fetched.digest), .integer(recorded.position),
                ])
            try database.execute(
                "UPDATE sync_runs SET requests = requests + ? WHERE run = ?",
                [.integer(Int64(fetched.requests)), .integer(Int64(run))])
        case .syncContractFailed(let failure):
            try database.execute(
                """
                INSERT INTO sync_contract_failures (run, contract_id, reason, position) VALUES (?, ?, ?, ?)
                ON CONFLICT (run, contract_id) DO UPDATE SET reason = excluded.reason, position = excluded.position
                """,
                [
                    .integer(Int64(run)), .text(failure.contractID.rawValue), .text(failure.reason),
                    .integer(recorded.position),
                ])
        case .syncCompleted(let completed):
            try database.execute(
                """
                UPDATE sync_runs SET status = 'completed', finished_at = ?, finished_position = ?, checked = ?,
                    changed = ?, unchanged = ?, missing = ?, failed = ?, requests = ?, duration_ms = ?
                WHERE run = ?
                """,
                [
                    .text(recorded.recordedAt), .integer(recorded.position), .integer(Int64(completed.checked)),
                    .integer(Int64(completed.changed)), .integer(Int64(completed.unchanged)),
                    .integer(Int64(completed.missing)), .integer(Int64(completed.failed)),
                    .integer(Int64(completed.requests)), .integer(Int64(completed.durationMilliseconds)),
                    .integer(Int64(run)),
                ])
        case .syncFailed(let failed):
            try database.execute(
                """
                UPDATE sync_runs SET status = 'failed', finished_at = ?, finished_position = ?, failure_stage = ?,
                    failure_reason = ?
                WHERE run = ?
                """,
                [
                    .text(recorded.recordedAt), .integer(recorded.position), .text(failed.stage), .text(failed.reason),
                    .integer(Int64(run)),
                ])
        case .syncInterrupted(let interrupted):
            try database.execute(
                """
                UPDATE sync_runs SET status = 'interrupted', finished_at = ?, finished_position = ?, interrupted_by = ?
                WHERE run = ?
                """,
                [
                    .text(recorded.recordedAt), .integer(recorded.position),
                    .integer(Int64(interrupted.noticedByRun)), .integer(Int64(run)),
                ])
        default:
            break
        }
    }
}
