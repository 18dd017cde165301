import EventLog
import Ledger

/// Each contract's history: one row per event of its stream, with a one-line summary.
struct HistoryProjection: Projection {
    let name = "contract-history"
    let version = 1
    let tables = [ProjectionTable(name: "contract_history", key: ["contract_id", "version"])]

    func createTables(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE contract_history (
                contract_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                position INTEGER NOT NULL,
                type TEXT NOT NULL,
                summary TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                actor TEXT,
                sync_run INTEGER,
                PRIMARY KEY (contract_id, version)
            ) STRICT, WITHOUT ROWID
            """)
    }

    func apply(_ change: ProjectedEvent, to database: Database) throws {
        guard case .contract(let id) = change.stream else { return }
        try database.execute(
            """
            INSERT INTO contract_history (contract_id, version, position, type, summary, recorded_at, actor, sync_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(id.rawValue), .integer(change.recorded.version), .integer(change.recorded.position),
                .text(change.recorded.type), .text(change.event.summary), .text(change.recorded.recordedAt),
                .optionalText(change.metadata.actor),
                .optionalInteger((change.event.syncRun ?? change.metadata.syncRun).map(Int64.init)),
            ])
    }
}
