import SQLite

/// The event log's own tables, as numbered migrations of the "log" domain.
enum LogSchema {
    /// `PRAGMA application_id` of a ledger file: "LEDG".
    static let applicationID: Int64 = 0x4C45_4447

    static let migrator = Migrator(
        domain: "log",
        migrations: [
            Migration(
                1, "events table, append-only triggers",
                sql: """
                    CREATE TABLE events (
                        position INTEGER PRIMARY KEY,
                        stream TEXT NOT NULL CHECK (length(stream) BETWEEN 1 AND 512),
                        version INTEGER NOT NULL CHECK (version >= 1),
                        event_id TEXT NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 128),
                        type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 128),
                        schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
                        payload TEXT NOT NULL CHECK (json_valid(payload)),
                        metadata TEXT NOT NULL CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
                        recorded_at TEXT NOT NULL,
                        previous_hash BLOB NOT NULL,
                        hash BLOB NOT NULL,
                        UNIQUE (stream, version)
                    ) STRICT;
                    CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE on events is refused'); END;
                    CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE on events is refused'); END;
                    """),
            Migration(
                2, "index events by type",
                sql: "CREATE INDEX events_by_type ON events (type, position);"),
            Migration(
                3, "drop the events-by-type index (no query uses it; it cost every append)",
                sql: "DROP INDEX IF EXISTS events_by_type;"),
            Migration(
                4, "JSON checks of payload and metadata made by the append, not by SQLite CHECKs",
                apply: dropJSONChecks),
        ])

    /// The two JSON CHECKs of the events table as migration 1 wrote them.
    static let jsonChecks = [
        " CHECK (json_valid(payload))", " CHECK (json_valid(metadata) AND json_type(metadata) = 'object')",
    ]

    /// Removes the JSON CHECKs from the events table's definition, leaving its rows, indexes and triggers as
    /// they are.
    ///
    /// SQLite has no ALTER TABLE for constraints; removing a CHECK is the one definition change its
    /// documentation allows through `writable_schema` (ALTER TABLE, "making other kinds of table schema
    /// changes"), since the rows' format does not depend on it. ``JSONValidator`` now refuses what the
    /// CHECKs refused, in every append, before the insert. Where the definition is not the one migration 1
    /// wrote, or an SQLite built in defensive mode refuses the edit, the CHECKs stay: they refuse exactly what
    /// the append already refuses, so the only cost is the time they take.
    @Sendable static func dropJSONChecks(_ database: Database) throws {
        let current = try database.scalarText("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'")
        guard let current, jsonChecks.allSatisfy(current.contains) else { return }
        let updated = jsonChecks.reduce(current) { $0.replacingOccurrences(of: $1, with: "") }
        let schemaVersion = try database.scalarInt("PRAGMA schema_version") ?? 0
        try database.execute("PRAGMA writable_schema = ON")
        let edit = Result {
            try database.makeStatement("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'events'")
                .execute([.text(updated)])
        }
        // Schema editing is switched off whatever the edit did, and a failure to switch it off is an error.
        try database.execute("PRAGMA writable_schema = OFF")
        switch edit {
        case .success:
            try database.execute("PRAGMA schema_version = \(schemaVersion + 1)")
        case .failure(let error as SQLiteError)
        where error.code == .error && error.message?.contains("may not be modified") == true:
            // An SQLite in defensive mode refuses the edit; the CHECKs stay.
            return
        case .failure(let error):
            // Anything else (disk full, I/O, busy) fails the migration, which rolls back as a whole.
            throw error
        }
    }
}
