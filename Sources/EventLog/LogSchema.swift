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
        ])
}
